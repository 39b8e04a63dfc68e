"""Which date phrase dates an event (codebook section 7), on sentences written for the tests."""
import datetime as dt

import pytest

from conftest import events_of

PUBLISHED = dt.date(2021, 6, 16)  # a Wednesday


@pytest.fixture(scope="module")
def run(nlp):
    return lambda text, published=PUBLISHED: events_of(nlp, text, published)


def dated(rows, trigger):
    found = [r for r in rows if r["trigger"] == trigger]
    assert found, rows
    return found[0]["event_date"], found[0]["date_precision"]


# ---- a date opening the sentence
def test_opening_date_reaches_an_infinitive(run):
    rows = run("On 4 May 2021, Canada's foreign minister made an effort to visit Mexico.")
    assert dated(rows, "visit") == (dt.date(2021, 5, 4), "day")


def test_opening_date_reaches_the_second_conjunct(run):
    rows = run("Earlier this month, Norway announced an aid package for Sudan and agreed to host talks with Kenya.")
    assert dated(rows, "host") == (dt.date(2021, 6, 1), "month")


def test_opening_date_does_not_reach_a_relative_clause(run):
    # the relative clause's doer is a third party, so the story the criticism opens does not date it either
    rows = run("On Monday, Spain criticised Morocco over Algeria, which expelled the Spanish ambassador.")
    assert dated(rows, "criticised") == (dt.date(2021, 6, 14), "day")
    assert dated(rows, "expelled") == (None, None)


def test_opening_date_does_not_reach_a_clause_placed_after_another_time(run):
    rows = run("On Monday, Canada met Mexico, a week after Brazil signed an agreement with Argentina.")
    assert dated(rows, "met") == (dt.date(2021, 6, 14), "day")
    assert dated(rows, "signed") == (None, None)


def test_by_date_dates_only_its_when_clause(run):
    rows = run("By April 9, when Germany announced that it would provide aid to Poland, "
               "France had already signed an agreement with Italy.")
    assert dated(rows, "provide") == (dt.date(2021, 4, 9), "day")
    assert dated(rows, "signed") == (None, None)


def test_a_date_inside_a_relative_clause_does_not_leak(run):
    rows = run("Germany, which is to host the summit in July, will meet the French president in Paris.")
    assert dated(rows, "meet") == (None, None)


# ---- possessive dates
def test_possessive_date_reaches_the_agents_relative_clause(run):
    rows = run("Norway welcomed yesterday's decision by the Arab League, which suspended Syria.")
    assert dated(rows, "suspended") == (dt.date(2021, 6, 15), "day")


def test_possessive_date_does_not_reach_an_earlier_act(run):
    rows = run("Norway welcomed yesterday's decision by the Arab League, which had suspended Syria.")
    assert dated(rows, "suspended") == (None, None)


# ---- the date of a clause that holds the trigger's
@pytest.mark.parametrize("text, trigger, want", [
    # a bare "after" orders two acts of one occasion
    ("Trade resumed on 9 May after Peru accepted a proposal from Chile.", "accepted", (dt.date(2021, 5, 9), "day")),
    # a clause a span away keeps no date of the other
    ("Trade resumed on 9 May, two weeks after Peru accepted a proposal from Chile.", "accepted", (None, None)),
    # a participle under a possessive date takes it
    ("Chile's navy took part in Tuesday's exercises near the strait, sending frigates to patrol the waters off Argentina.",
     "patrol", (dt.date(2021, 6, 15), "day")),
])
def test_a_clause_with_no_date_takes_the_date_of_the_clause_that_holds_it(run, text, trigger, want):
    assert dated(run(text), trigger) == want


@pytest.mark.parametrize("when, want", [("on 12 March", (dt.date(2021, 3, 12), "day")), ("on Tuesday", (None, None))])
def test_a_judged_deed_takes_a_calendar_date_of_the_judging_clause_only(run, when, want):
    # news names the day it reports by its weekday, and the deed it judges by its date
    rows = run(f"Poland condemned Belarus's expulsion of Polish diplomats {when}.")
    assert dated(rows, "expulsion") == want


def test_a_planned_act_does_not_take_the_date_of_the_clause_that_announces_it(run):
    rows = run("We gathered here today for one reason: Norway will send aid to Chad.")
    assert dated(rows, "send") == (None, None)


# ---- spans counted from the article's present
@pytest.mark.parametrize("text, trigger, want", [
    ("The trip comes two weeks after Spain met with Kenya.", "met", (dt.date(2021, 6, 1), "month")),
    ("The trip comes a week after a summit between Spain and Kenya.", "summit", (dt.date(2021, 6, 1), "month")),
    ("The talks come three days before a summit between Spain and Kenya.", "summit", (dt.date(2021, 6, 1), "month")),
    ("The trip comes two years after Spain met with Kenya.", "met", (dt.date(2019, 1, 1), "year")),
])
def test_span_before_or_after_now(run, text, trigger, want):
    assert dated(run(text), trigger) == want


def test_span_after_a_past_event_is_not_counted_from_now(run):
    assert dated(run("The trip came two weeks after Spain met with Kenya."), "met") == (None, None)


def test_the_start_of_a_span_is_not_the_event_date(run):
    rows = run("Thailand and Vietnam signed the first trade agreement since 1995 between the two countries on Monday.")
    assert dated(rows, "signed") == (dt.date(2021, 6, 14), "day")


def test_a_nearer_phrase_naming_no_time_gives_way(run):
    rows = run("In the 20th century, France and Germany fought a war against each other in 1914.")
    assert dated(rows, "fought") == (dt.date(1914, 1, 1), "year")


def test_a_day_word_ner_swallowed_into_a_name_still_dates(run):
    # spaCy's NER reads "Kyiv today" as one WORK_OF_ART span
    rows = run("The Japanese Prime Minister is visiting Kyiv today.")
    assert dated(rows, "visiting") == (PUBLISHED, "day")


# ---- a day counted from the last day the text named
@pytest.mark.parametrize("text, trigger, day", [
    # the small model's NER tags no DATE in a sentence-final "the same day"
    ("Chile staged naval drills near Peru on Monday. Peru condemned the drills the same day.", "condemned", 14),
    ("Kenya and Ghana held talks on Monday. Two days later, Ghana signed a trade deal with Kenya.", "signed", 16),
])
def test_a_day_counted_from_the_day_named_before_dates_the_act(run, text, trigger, day):
    assert dated(run(text), trigger) == (dt.date(2021, 6, day), "day")


def test_a_planned_act_agreed_at_a_meeting_does_not_take_the_meetings_day(run):
    # Monday dates the meeting and the agreeing; the patrols are still to come, on no day the text names
    rows = run("Chile and Peru met in Lima on Monday and agreed to expand joint patrols along the coast.")
    patrols = [r for r in rows if r["trigger"] == "patrols"]
    assert patrols and all(r["status"] == "planned" and r["event_date"] is None for r in patrols)
    assert dated(rows, "met") == (dt.date(2021, 6, 14), "day")


# ---- a period that counts occasions
def test_a_counting_period_dates_the_occasion_reported_by_the_reports_day(run):
    rows = run("In their second meeting this year, the leaders of Chile and Peru resolved to open the border.")
    assert dated(rows, "meeting") == (PUBLISHED, "day")
    assert dated(rows, "resolved") == (PUBLISHED, "day")


def test_a_period_on_the_verb_still_dates_the_event(run):
    rows = run("Chile conducted its third missile test this month, Peru said.")
    assert dated(rows, "test") == (dt.date(2021, 6, 1), "month")
