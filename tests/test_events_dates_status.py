"""Event dates and status against the publication date (codebook sections 5 and 7): a publication
date known only to its year, plausible dates, spans counted back from today, and the clause forms
that schedule an event. Sentences and phrases are written for these tests."""
import datetime as dt

import pytest

from conftest import events_of
from pipeline.extract.events.dates import after_publication, looks_like_date, resolve_date_text

DAY = dt.date(2023, 3, 21)       # a Tuesday, known to the day
YEAR = dt.date(1984, 1, 1)       # a statement known only as "1984" (a UN General Debate statement)


def against_year(text, prefer="past", context_year=None):
    return resolve_date_text(text, YEAR, prefer, context_year, base_precision="year")


# ---- a publication date known only to its year: nothing finer than the phrase says
@pytest.mark.parametrize("text, want", [
    ("on 12 March", (dt.date(1984, 3, 12), None, "day")),             # section 7: the day plus the article's year
    ("in July", (dt.date(1984, 7, 1), None, "month")),
    ("in June of this year", (dt.date(1984, 6, 1), None, "month")),
    ("in October last year", (dt.date(1983, 10, 1), None, "month")),
    ("in April this\nyear", (dt.date(1984, 4, 1), None, "month")),    # a line break inside "this year"
    ("this June", (dt.date(1984, 6, 1), None, "month")),
    ("last year", (dt.date(1983, 1, 1), None, "year")),
    ("next year", (dt.date(1985, 1, 1), None, "year")),
    ("in 1979", (dt.date(1979, 1, 1), None, "year")),
])
def test_a_year_precision_publication_keeps_what_the_phrase_says(text, want):
    assert against_year(text) == want


@pytest.mark.parametrize("text", ["last month", "yesterday", "today", "on Thursday", "earlier this week", "next month"])
def test_a_count_from_an_unknown_day_gives_the_year_alone(text):
    assert against_year(text) == (dt.date(1984, 1, 1), None, "year")


@pytest.mark.parametrize("text", ["last June", "next February", "this past November"])
def test_a_named_month_counted_from_an_unknown_day_gives_nothing(text):
    # "last June" said in 1984 is June 1984 or June 1983, depending on the day nobody knows
    assert against_year(text) is None


def test_the_narrative_year_still_dates_a_month_in_a_year_precision_statement():
    assert against_year("in May", context_year=1979) == (dt.date(1979, 5, 1), None, "month")


@pytest.mark.parametrize("text, want", [
    ("yesterday", (dt.date(2023, 3, 1), None, "month")),
    ("on Tuesday", (dt.date(2023, 3, 1), None, "month")),
    ("this week", (dt.date(2023, 3, 1), None, "month")),
    ("last month", (dt.date(2023, 2, 1), None, "month")),
    ("on 12 March", (dt.date(2023, 3, 12), None, "day")),
])
def test_a_month_precision_publication_gives_days_counted_from_it_the_month(text, want):
    assert resolve_date_text(text, dt.date(2023, 3, 1), base_precision="month") == want


# ---- months counted from a known day
@pytest.mark.parametrize("text, want", [
    ("last June", (dt.date(2022, 6, 1), None, "month")),
    ("last January", (dt.date(2023, 1, 1), None, "month")),
    ("this past February", (dt.date(2023, 2, 1), None, "month")),
    ("next June", (dt.date(2023, 6, 1), None, "month")),
    ("next February", (dt.date(2024, 2, 1), None, "month")),
    ("this October", (dt.date(2023, 10, 1), None, "month")),
])
def test_a_named_month_counts_from_the_publication_day(text, want):
    assert resolve_date_text(text, DAY) == want


def test_last_june_does_not_take_the_paragraph_year():
    assert resolve_date_text("last June", DAY, "past", context_year=2009) == (dt.date(2022, 6, 1), None, "month")


def test_this_may_as_a_modal_is_no_month():
    assert resolve_date_text("this may", DAY) is None


def test_a_planned_event_does_not_fall_in_a_past_narrative_year():
    assert resolve_date_text("in November", DAY, "future", context_year=2009) == (dt.date(2023, 11, 1), None, "month")
    assert resolve_date_text("in November", DAY, "past", context_year=2009) == (dt.date(2009, 11, 1), None, "month")


# ---- spans counted back from today
@pytest.mark.parametrize("text, want", [
    ("two years ago", dt.date(2021, 1, 1)),
    ("a year ago", dt.date(2022, 1, 1)),
    ("Forty-one years ago", dt.date(1982, 1, 1)),
    ("a decade ago", dt.date(2013, 1, 1)),
    ("12 years ago", dt.date(2011, 1, 1)),
])
def test_years_ago_give_the_year(text, want):
    assert looks_like_date(text)
    assert resolve_date_text(text, DAY) == (want, None, "year")


def test_years_ago_need_a_publication_date():
    assert resolve_date_text("two years ago", None) is None


@pytest.mark.parametrize("text, want", [
    ("two days ago", (dt.date(2023, 3, 19), None, "day")),
    ("a week ago", (dt.date(2023, 3, 14), None, "day")),
    ("three months ago", (dt.date(2022, 12, 1), None, "month")),
])
def test_days_weeks_and_months_ago_count_back_from_the_day(text, want):
    assert looks_like_date(text)
    assert resolve_date_text(text, DAY) == want


def test_days_ago_against_a_month_or_a_year_give_no_finer_time():
    assert resolve_date_text("two days ago", dt.date(2023, 3, 1), base_precision="month") == \
        (dt.date(2023, 3, 1), None, "month")
    assert against_year("three weeks ago") == (dt.date(1984, 1, 1), None, "year")


@pytest.mark.parametrize("text, prefer, published, want", [
    ("on Friday last week", "past", DAY, dt.date(2023, 3, 17)),
    ("on Monday next week", "future", DAY, dt.date(2023, 3, 27)),
    ("over the weekend", "past", DAY, (dt.date(2023, 3, 18), dt.date(2023, 3, 19))),
    ("last weekend", "past", DAY, (dt.date(2023, 3, 18), dt.date(2023, 3, 19))),
    ("this weekend", "future", DAY, (dt.date(2023, 3, 25), dt.date(2023, 3, 26))),
    ("at the weekend", "past", dt.date(2023, 3, 26), (dt.date(2023, 3, 25), dt.date(2023, 3, 26))),  # a Sunday
])
def test_a_day_of_a_counted_week_and_a_weekend_are_days(text, prefer, published, want):
    start, end = want if isinstance(want, tuple) else (want, None)
    assert resolve_date_text(text, published, prefer) == (start, end, "day")


@pytest.mark.parametrize("text", ["over the past year", "in the past month", "during the past week", "several years ago",
                                  "a few days ago", "days ago"])
def test_a_span_up_to_today_is_no_point(text):
    assert resolve_date_text(text, DAY) is None


# ---- plausibility: never before 1900, never more than a few years after the publication date
@pytest.mark.parametrize("text", ["in 1885", "the 2040 targets", "in 2031", "up to 1992", "beyond 2026"])
def test_implausible_or_goal_years_give_no_date(text):
    assert resolve_date_text(text, DAY) is None


def test_a_year_a_few_years_ahead_is_kept():
    assert resolve_date_text("in 2026", DAY, "future") == (dt.date(2026, 1, 1), None, "year")


def test_a_century_old_war_is_kept():
    assert resolve_date_text("in 1914", DAY) == (dt.date(1914, 1, 1), None, "year")


# ---- after the publication date, at the coarser of the two precisions
@pytest.mark.parametrize("start, precision, published, published_precision, want", [
    (dt.date(2024, 1, 1), "year", DAY, "day", True),          # "next year"
    (dt.date(2023, 1, 1), "year", DAY, "day", False),         # "this year"
    (dt.date(2023, 5, 1), "month", DAY, "day", True),         # "in May"
    (dt.date(2023, 3, 1), "month", DAY, "day", False),        # "this month"
    (dt.date(2023, 3, 22), "day", DAY, "day", True),          # "tomorrow"
    (DAY, "day", DAY, "day", False),                          # "today"
    (dt.date(1984, 6, 1), "month", YEAR, "year", False),      # "in June" said in "1984"
    (dt.date(1985, 6, 1), "month", YEAR, "year", True),       # "in June next year"
    (dt.date(2023, 5, 1), "month", None, None, False),        # no publication date
])
def test_after_publication(start, precision, published, published_precision, want):
    assert after_publication(start, precision, published, published_precision) is want


# ---- the event coder: status from the clause, the date from the phrase
@pytest.fixture(scope="module")
def run(nlp):
    return lambda text, published=DAY: events_of(nlp, text, published)


@pytest.fixture(scope="module")
def run_year(nlp):
    """A text whose publication date is known to the year alone."""
    from pipeline.extract.entities import resolve_entities
    from pipeline.extract.events import extract_events
    from pipeline.nlp.parse import parse_document

    def extract(text):
        parsed = parse_document("t", text, YEAR, nlp=nlp, published_precision="year")
        parsed.entities = resolve_entities(parsed)
        return extract_events(parsed)
    return extract


def row_of(rows, trigger):
    found = [r for r in rows if r["trigger"] == trigger]
    assert found, rows
    return found[0]


def test_looking_forward_to_a_visit_plans_it(run):
    row = row_of(run("The Chilean president looks forward to visiting Peru in June."), "visiting")
    assert (row["status"], row["event_date"], row["date_precision"]) == ("planned", dt.date(2023, 6, 1), "month")


def test_a_scheduling_head_plans_the_infinitive(run, nlp):
    from pipeline.extract.events.lexicon import load_lexicon
    from pipeline.extract.events.status import clause_status

    assert row_of(run("The Chilean president is due to visit Peru."), "visit")["status"] == "planned"
    doc = nlp("The Chilean president is slated to visit Peru.")  # "slated", lemmatised as "slat"
    assert clause_status(next(t for t in doc if t.lower_ == "visit"), "verb", load_lexicon()) == "planned"


def test_a_visit_the_article_announces_for_next_month_is_planned(run):
    row = row_of(run("Canada's prime minister will visit Mexico next month."), "visit")
    assert (row["status"], row["event_date"], row["date_precision"]) == ("planned", dt.date(2023, 4, 1), "month")


def test_a_mandated_trip_is_planned(nlp):
    from pipeline.extract.events.lexicon import load_lexicon
    from pipeline.extract.events.status import clause_status

    lex = load_lexicon()
    doc = nlp("Kenya requested that Uganda withdraw its troops.")
    assert clause_status(next(t for t in doc if t.lower_ == "withdraw"), "verb", lex) == "planned"
    # the tagger reads this bare "visit" as a noun heading the that-clause
    doc = nlp("The president asked that the foreign minister visit Peru next week.")
    assert clause_status(next(t for t in doc if t.lower_ == "visit"), "noun", lex) == "planned"
    doc = nlp("Kenya said that Uganda withdrew its troops.")
    assert clause_status(next(t for t in doc if t.lower_ == "withdrew"), "verb", lex) == "occurred"


def test_a_stated_wish_to_express_is_the_expression(nlp):
    from pipeline.extract.events.lexicon import load_lexicon
    from pipeline.extract.events.status import clause_status

    lex = load_lexicon()
    doc = nlp("My delegation wishes to express its gratitude to the people of Norway.")
    assert clause_status(next(t for t in doc if t.lower_ == "express"), "verb", lex) == "occurred"
    doc = nlp("Norway wants to express its gratitude to Chile.")
    assert clause_status(next(t for t in doc if t.lower_ == "express"), "verb", lex) == "desire"


def test_a_conjunct_with_its_own_subject_keeps_its_own_tense(nlp):
    from pipeline.extract.events.lexicon import load_lexicon
    from pipeline.extract.events.status import clause_status

    doc = nlp("They will look for ways to do so, and Chile and Peru welcome the new partnership.")
    assert clause_status(next(t for t in doc if t.lower_ == "welcome"), "verb", load_lexicon()) == "occurred"


def test_later_items_of_a_promised_list_are_promised(nlp):
    from pipeline.extract.events.lexicon import load_lexicon
    from pipeline.extract.events.status import clause_status

    doc = nlp("We commit to continue providing aid to Sudan, imposing tough sanctions on Eritrea, and expanding trade.")
    assert clause_status(next(t for t in doc if t.lower_ == "imposing"), "verb", load_lexicon()) == "planned"


def test_the_day_of_an_announcement_does_not_date_what_it_plans(run):
    rows = run("Chile and Peru announced today that they intend to hold joint naval exercises with Japan.")
    assert all(r["event_date"] is None for r in rows if r["trigger"] == "hold")


def test_a_state_begun_in_a_year_is_dated_by_it(run):
    row = row_of(run("Argentina has banned imports of Brazilian beef since 2002."), "banned")
    assert (row["event_date"], row["date_precision"]) == (dt.date(2002, 1, 1), "year")


def test_the_end_of_a_span_does_not_date_the_event(run):
    rows = run("Norway will provide aid to Sudan through 2025.")
    assert row_of(rows, "provide")["event_date"] is None


def test_repeated_meetings_since_a_year_are_not_dated_by_it(run):
    assert row_of(run("Chile has met Peru three times since 2019."), "met")["event_date"] is None


def test_years_ago_date_an_event(run):
    row = row_of(run("Canada signed a trade agreement with Mexico sixty-four years ago."), "signed")
    assert (row["event_date"], row["date_precision"]) == (dt.date(1959, 1, 1), "year")


def test_days_ago_date_an_event(run):
    row = row_of(run("Kenya summoned Uganda's ambassador two days ago."), "summoned")
    assert (row["event_date"], row["date_precision"]) == (dt.date(2023, 3, 19), "day")


@pytest.mark.parametrize("text, trigger, want", [
    ("Kenya summoned Uganda's ambassador on Wednesday night.", "summoned", dt.date(2023, 3, 15)),
    ("Ethiopia fired rockets toward Eritrea in the early hours of Monday.", "fired", dt.date(2023, 3, 20)),
    ("Kenya summoned Uganda's ambassador on the night of March 3.", "summoned", dt.date(2023, 3, 3)),
])
def test_a_time_of_a_named_day_dates_an_event(run, text, trigger, want):
    row = row_of(run(text), trigger)
    assert (row["event_date"], row["date_precision"]) == (want, "day")


def test_a_time_of_a_named_day_anchors_the_next_day(run):
    rows = run("Kenya summoned Uganda's ambassador on the night of March 3. Uganda expelled two Kenyan diplomats "
               "the next day.")
    assert row_of(rows, "expelled")["event_date"] == dt.date(2023, 3, 4)


def test_today_in_a_year_precision_statement_gives_the_year(run_year):
    row = row_of(run_year("Today Japan condemns the attack on Kenya."), "condemns")
    assert (row["event_date"], row["date_precision"]) == (YEAR, "year")


def test_a_day_in_a_year_precision_statement_takes_its_year(run_year):
    row = row_of(run_year("Japan signed a trade agreement with Kenya on 30 October."), "signed")
    assert (row["event_date"], row["date_precision"]) == (dt.date(1984, 10, 30), "day")


def test_the_clause_that_stages_an_event_noun_dates_it(run):
    row = row_of(run("The summit between Brazil and Argentina to be held in 2025 will focus on trade."), "summit")
    assert (row["status"], row["event_date"], row["date_precision"]) == ("planned", dt.date(2025, 1, 1), "year")


def test_a_relative_clause_that_only_describes_the_noun_does_not_date_it(nlp):
    from pipeline.extract.events.when import _staging_verbs

    doc = nlp("Brazil praised the summit with Argentina, which critics attacked in 2019.")
    assert _staging_verbs(next(t for t in doc if t.lower_ == "summit")) == set()
    doc = nlp("Brazil praised the summit, which will take place in 2024.")
    assert _staging_verbs(next(t for t in doc if t.lower_ == "summit")) == {next(t.i for t in doc if t.lower_ == "take")}


def test_the_time_of_an_awaited_event_does_not_date_a_conjunct(run):
    rows = run("Chile and Peru look forward to Mexico's hosting of the summit in 2025 and welcome Mexico's chairmanship.")
    assert row_of(rows, "welcome")["event_date"] is None


def coded(nlp, text, published=dt.date(2024, 6, 1)):
    """(type, actor, recipient, status) of each event of a text written for a test."""
    return {(r["event_type"], r["actor_code"], r["recipient_code"], r["status"]) for r in events_of(nlp, text, published)}


def test_a_vote_to_act_plans_the_act(nlp):
    assert coded(nlp, "Kenya's parliament voted to impose sanctions on Uganda.") == {("SANCTION", "KEN", "UGA", "planned")}


@pytest.mark.parametrize("text, expected", [
    ("Kenya did not hesitate to condemn Uganda.", {("ACCUSE", "KEN", "UGA", "occurred")}),
    ("Kenya never failed to support Uganda.", {("SUPPORT", "KEN", "UGA", "occurred")}),
    ("Kenya would not hesitate to condemn Uganda.", set()),
    ("Kenya hesitated to condemn Uganda.", set()),
    # an act one is warned or votes against is not done
    ("Kenya warned Uganda against deploying troops to the border.", {("THREATEN", "KEN", "UGA", "occurred")}),
    ("Kenya's parliament voted against sending troops to Uganda.", set()),
    # a reply done is coded as what was done; only one still to come is a threat
    ("Kenya retaliated with tariffs on Ugandan sugar.", {("SANCTION", "KEN", "UGA", "occurred")}),
    ("Kenya retaliated against Uganda on Monday.", set()),
    ("Kenya will retaliate against Uganda.", {("THREATEN", "KEN", "UGA", "occurred")}),
])
def test_negating_verbs_warnings_and_replies_decide_what_was_done(nlp, text, expected):
    assert coded(nlp, text) == expected


# ---- the verb above an act decides its status: backing promised is a promise (PLOVER: SUPPORT reported
# in the future is AGREE); "committed to doing" promises the gerund, and the one committed does it
@pytest.mark.parametrize("text, expected", [
    ("Chile pledged to support Peru.", {("AGREE", "CHL", "PER", "occurred")}),
    ("Chile and Ecuador intend to support Peru until the crisis ends.",
     {("AGREE", "CHL", "PER", "occurred"), ("AGREE", "ECU", "PER", "occurred")}),
    ("Chile vowed to back Peru.", {("AGREE", "CHL", "PER", "occurred")}),
    ("Chile remains committed to supporting Peru.", {("AGREE", "CHL", "PER", "occurred")}),
    ("Chile is committed to providing aid to Peru.", {("AID", "CHL", "PER", "planned")}),
    ("Chile committed to hosting Peru's president next year.", {("CONSULT", "PER", "CHL", "planned")}),
    # solidarity declared for the future is said now; support given is not promised
    ("Chile will stand with Peru.", {("SUPPORT", "CHL", "PER", "planned")}),
    ("Chile supported Peru.", {("SUPPORT", "CHL", "PER", "occurred")}),
    # a habit is no promise and no act: "used to" is not "committed to"
    ("The Chilean president was used to talking this way to Peruvian leaders.", set()),
    # an aspect verb lends the verb it governs its tense and modals: "will continue to criticize" is
    # criticism planned, "continues to support" is support given, "began to withdraw" is a withdrawal
    ("Chile will continue to support Peru.", {("AGREE", "CHL", "PER", "occurred")}),
    ("Chile continues to support Peru.", {("SUPPORT", "CHL", "PER", "occurred")}),
    ("Chile will continue to criticize Bolivia.", {("ACCUSE", "CHL", "BOL", "planned")}),
    ("Chile will continue to provide tanks to Peru.", {("AID", "CHL", "PER", "planned")}),
    ("Bolivia began to withdraw its troops from Peru.", {("RETREAT", "BOL", "PER", "occurred")}),
    # a tie that goes on is no party's promise; a condition still makes nothing happen
    ("The friendship between Chile and Peru will continue to grow.", set()),
    ("Chile would continue to pressure Peru if Lima closed the border.", set()),
    # what a party hopes another will do is the hoping (REQUEST), not the act hoped for
    ("Chile hopes that Peru will release the detained fishermen.", {("REQUEST", "CHL", "PER", "occurred")}),
    ("Chile hopes that Bolivia and Peru will strengthen their cooperation.",
     {("REQUEST", "CHL", "BOL", "occurred"), ("REQUEST", "CHL", "PER", "occurred")}),
    ("Chile hopes that Bolivia and Peru will resume talks.",
     {("REQUEST", "CHL", "BOL", "occurred"), ("REQUEST", "CHL", "PER", "occurred")}),
])
def test_the_verb_above_an_act_decides_its_status(nlp, text, expected):
    assert coded(nlp, text) == expected


def test_an_absolute_with_clause_shares_the_main_clauses_time(nlp):
    rows = events_of(nlp, "Chile recalled its ambassador from Peru on Monday, with Chilean officials accusing Peru "
                          "of spying.", dt.date(2025, 3, 26))
    assert {(r["event_type"], r["event_date"]) for r in rows if r["trigger"] == "accusing"} == {("ACCUSE", dt.date(2025, 3, 24))}


# ---- an order to one's own forces or staff sets the act in train; an order to another party does not
@pytest.mark.parametrize("text, row", [
    ("President Ruto ordered his troops to withdraw from the border with Somalia.", ("RETREAT", "KEN", "SOM", "planned")),
    ("The Kremlin instructed the army to put its missile forces on alert.", ("MOBILIZE", "RUS", None, "planned")),
])
def test_an_order_to_ones_own_sets_the_act_in_train(nlp, text, row):
    rows = events_of(nlp, text, DAY)
    assert row in {(r["event_type"], r["actor_code"], r["recipient_code"], r["status"]) for r in rows}


def test_an_order_to_another_state_is_not_its_act(nlp):
    rows = events_of(nlp, "Peru ordered Chile to withdraw its ships from the disputed waters.", DAY)
    assert not [r for r in rows if r["event_type"] == "RETREAT"]
