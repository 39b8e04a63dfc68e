"""Date forms of codebook section 7, on phrases written for the tests."""
import datetime as dt

import pytest

from pipeline.extract.events.dates import looks_like_date, resolve_date_text, resolve_offset, starts_a_span

BASE = dt.date(2021, 6, 16)  # a Wednesday


@pytest.mark.parametrize("text, want", [
    ("on April 9", (dt.date(2021, 4, 9), None, "day")),
    ("on 4 February 2019", (dt.date(2019, 2, 4), None, "day")),
    ("in October 2015", (dt.date(2015, 10, 1), None, "month")),
    ("in 2008", (dt.date(2008, 1, 1), None, "year")),
    ("October 3-5", (dt.date(2020, 10, 3), dt.date(2020, 10, 5), "day")),
    ("September-November this year", (dt.date(2021, 9, 1), dt.date(2021, 11, 1), "month")),
    ("in 1914-18", (dt.date(1914, 1, 1), dt.date(1918, 1, 1), "year")),
    ("Wednesday", (BASE, None, "day")),
    ("on Monday", (dt.date(2021, 6, 14), None, "day")),
    ("last month", (dt.date(2021, 5, 1), None, "month")),
    ("this year", (dt.date(2021, 1, 1), None, "year")),
    ("yesterday", (dt.date(2021, 6, 15), None, "day")),
])
def test_date_forms(text, want):
    assert resolve_date_text(text, BASE) == want


def test_future_preference_for_planned_events():
    assert resolve_date_text("in March", BASE, "future") == (dt.date(2022, 3, 1), None, "month")
    assert resolve_date_text("on Friday", BASE, "future") == (dt.date(2021, 6, 18), None, "day")


@pytest.mark.parametrize("text", ["three-day", "for decades", "the following day", "two weeks", "several years"])
def test_durations_and_vague_phrases_give_no_date(text):
    assert resolve_date_text(text, BASE) is None


@pytest.mark.parametrize("text, want", [
    ("on 352 days last year", (dt.date(2020, 1, 1), None, "year")),
    ("for two weeks last month", (dt.date(2021, 5, 1), None, "month")),
])
def test_a_count_of_days_inside_a_named_period_is_dated_by_the_period(text, want):
    assert resolve_date_text(text, BASE) == want


def test_relative_date_without_publication_date_is_null():
    assert resolve_date_text("last month", None) is None
    assert resolve_date_text("on Monday", None) is None


def test_modal_may_is_not_a_month():
    assert not looks_like_date("may")
    assert looks_like_date("in May")


def test_month_without_year_belongs_to_the_paragraph_year():
    assert resolve_date_text("in April", BASE, "past", context_year=2012) == (dt.date(2012, 4, 1), None, "month")


def test_next_day_counts_from_the_last_named_day():
    assert resolve_date_text("the next day", BASE, "past", anchor=dt.date(2019, 5, 2)) == (dt.date(2019, 5, 3), None, "day")


@pytest.mark.parametrize("text, shift", [("two days later", 2), ("a day later", 1), ("later that day", 0),
                                         ("the same day", 0), ("the day before", -1)])
def test_days_counted_from_the_last_named_day(text, shift):
    anchor = dt.date(2019, 5, 2)
    assert resolve_date_text(text, BASE, "past", anchor=anchor) == (anchor + dt.timedelta(days=shift), None, "day")


def test_days_later_with_no_day_named_before_is_no_date():
    assert resolve_date_text("two days later", BASE, "past") is None


def test_ordinal_day_takes_the_month_in_view():
    assert resolve_date_text("on the 9th", BASE, "past", anchor=dt.date(2019, 5, 2)) == (dt.date(2019, 5, 9), None, "day")


def test_last_week_inside_one_month_gives_the_month():
    assert resolve_date_text("last week", BASE, "past") == (dt.date(2021, 6, 1), None, "month")


def test_deadline_is_not_an_event_date():
    assert resolve_date_text("by 2030", BASE, "future") is None
    assert resolve_date_text("than 2050", BASE, "future") is None


def test_span_edges_are_not_event_dates():
    assert starts_a_span("since 1972") and starts_a_span("until March")
    assert not starts_a_span("in 1972")


@pytest.mark.parametrize("span, direction, want", [
    ("hours", "after", (dt.date(2021, 6, 1), None, "month")),
    ("two weeks", "after", (dt.date(2021, 6, 1), None, "month")),
    ("three weeks", "after", (dt.date(2021, 5, 1), None, "month")),
    ("a few days", "before", (dt.date(2021, 6, 1), None, "month")),
    ("two years", "after", (dt.date(2019, 1, 1), None, "year")),
])
def test_span_from_the_publication_date(span, direction, want):
    assert resolve_offset(span, direction, BASE) == want


def test_long_or_unanchored_spans_give_no_date():
    assert resolve_offset("thirty years", "after", BASE) is None
    assert resolve_offset("two weeks", "after", None) is None
