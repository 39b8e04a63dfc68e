"""Dates a sentence takes from the text around it (pipeline/extract/events/narrative.py; codebook
section 7 as docs/CODEBOOK.md reads it): a readout that goes on reporting a dated meeting, and a
statement made in the present tense on the day it is published. Sentences are written for the tests."""
import datetime as dt

import pytest

from pipeline.extract.entities import resolve_entities
from pipeline.extract.events import extract_events
from pipeline.nlp.parse import parse_document

THURSDAY = dt.date(2024, 5, 2)


def run(nlp, text, published=THURSDAY, precision=None):
    parsed = parse_document("t", text, published, nlp=nlp, published_precision=precision)
    parsed.entities = resolve_entities(parsed)
    return extract_events(parsed)


def dated(rows, trigger):
    return {(r["event_date"], r["date_precision"], r["date_basis"]) for r in rows if r["trigger"] == trigger}


READOUT = ("Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Tuesday. "
           "The two leaders discussed the railway. They agreed to expand trade. Tanzania criticized Uganda.")


def test_a_readout_dates_what_the_meetings_parties_did_by_the_meeting(nlp, rules_alone):
    rows = run(nlp, READOUT)
    tuesday = {(dt.date(2024, 4, 30), "day", "context")}
    assert dated(rows, "met") == {(dt.date(2024, 4, 30), "day", "sentence")}
    assert dated(rows, "discussed") == tuesday
    assert dated(rows, "expand") == tuesday


def test_a_party_outside_the_meeting_is_not_dated_by_it(nlp, rules_alone):
    assert dated(run(nlp, READOUT), "criticized") == {(None, None, None)}


def test_a_story_that_moves_to_another_date_leaves_the_meeting_behind(nlp, rules_alone):
    rows = run(nlp, "Kenyan President William Ruto met Ugandan President Yoweri Museveni on Tuesday. In March, Kenya imposed tariffs on Uganda. "
                    "Kenya criticized Uganda.")
    assert dated(rows, "criticized") == {(None, None, None)}


SUMMIT = "On 14-15 March, Kenya hosted the East African Community summit with Uganda in Nairobi. "


@pytest.mark.parametrize("occasion", ["During this event", "At the summit", "During the talks"])
def test_an_act_at_the_occasion_the_text_refers_back_to_is_of_its_day_whoever_acts(nlp, rules_alone, occasion):
    # Tanzania is no party of the summit as coded, but the clause places its act there
    rows = run(nlp, SUMMIT + f"{occasion}, Tanzania criticized Rwanda.")
    assert dated(rows, "criticized") == {(dt.date(2024, 3, 14), "day", "context")}


@pytest.mark.parametrize("occasion", ["At a meeting in Arusha", "At the G7 summit", "During the talks with Burundi"])
def test_an_occasion_of_its_own_is_not_the_one_told(nlp, rules_alone, occasion):
    rows = run(nlp, SUMMIT + f"{occasion}, Tanzania criticized Rwanda.")
    assert dated(rows, "criticized") == {(None, None, None)}


CALL = "Kenyan President William Ruto had a telephone conversation with Ugandan President Yoweri Museveni. "


@pytest.mark.parametrize("text, trigger", [
    # the exchange of prisoners set for Friday is planned; what the leaders did next is of the call
    ("Ruto informed Museveni that on Friday Kenya and Uganda will exchange prisoners. "
     "Ruto and Museveni agreed to continue contacts.", "agreed"),
    # an act named by the object of a verb told in the past is told in that verb's time
    ("Ruto put forward a proposal to Uganda for a joint border commission.", "proposal"),
    # "Reaffirming ..., Ruto said": the reaffirming is done as he speaks on the call
    ("Reaffirming his commitment to Uganda, Ruto said he was ready to work with Museveni.", "Reaffirming"),
    # the past perfect places the earlier call before the story: the thanking is of the day of the
    # call the readout opens on, not of March 3
    ("The leaders continued the exchange of views that they had begun during their conversation on "
     "March 3. Ruto thanked Museveni for his support.", "thanked"),
])
def test_what_the_readout_goes_on_telling_is_of_the_call(nlp, rules_alone, text, trigger):
    assert dated(run(nlp, CALL + text), trigger) == {(THURSDAY, "day", "context")}


def test_an_act_done_on_another_day_still_moves_it(nlp, rules_alone):
    rows = run(nlp, CALL + "On Monday, Kenya imposed tariffs on Uganda. Ruto and Museveni agreed to continue contacts.")
    assert dated(rows, "agreed") == {(None, None, None)}


def test_a_readout_that_opens_on_an_undated_call_reports_the_call_of_its_day(nlp, rules_alone):
    rows = run(nlp, CALL + "Ruto thanked Museveni for his support. Tanzania criticized Uganda.")
    assert dated(rows, "conversation") == {(THURSDAY, "day", "publication")}
    assert dated(rows, "thanked") == {(THURSDAY, "day", "context")}
    assert dated(rows, "criticized") == {(None, None, None)}


def test_a_time_of_day_alone_leaves_the_opening_call_of_its_day(nlp, rules_alone):
    rows = run(nlp, "Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni at 10 a.m.")
    assert dated(rows, "talks") == {(THURSDAY, "day", "publication")}


@pytest.mark.parametrize("text, precision", [
    ("Tanzania criticized Uganda. " + CALL, None),  # a meeting after another act opens nothing
    (CALL, "month"),  # a text known by its month has no day to lend
    ("Kenyan President William Ruto began negotiations with Ugandan President Yoweri Museveni.", None),
    ("When Kenyan President William Ruto met Ugandan President Yoweri Museveni, the two leaders signed a deal.", None),
    ("Kenyan President William Ruto has held talks with Ugandan President Yoweri Museveni.", None),
    # a week across two months names no point, but it is not the day of publication either
    ("Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni this week.", None),
])
def test_only_a_readouts_opening_call_takes_the_day_of_publication(nlp, rules_alone, text, precision):
    rows = run(nlp, text, precision=precision)
    meetings = [r for r in rows if r["event_type"] == "CONSULT"]
    assert meetings and all(r["event_date"] is None for r in meetings)


@pytest.mark.parametrize("text, trigger", [
    ("Chile firmly opposes Peru's decision.", "opposes"),
    ("Chile urges Peru to reconsider.", "urges"),
    ("Chile is deeply concerned about Peru's military drills.", "concerned"),
    # a pledge is made as it is said, though what it pledges is still to come (status planned)
    ("Chile will stand with Peru.", "stand"),
    ("Chile intends to sign a fisheries accord with Peru.", "sign"),
])
def test_a_statement_in_the_present_is_made_on_the_day_of_publication(nlp, rules_alone, text, trigger):
    assert dated(run(nlp, text), trigger) == {(THURSDAY, "day", "publication")}


@pytest.mark.parametrize("text, trigger", [
    ("Chile condemned Peru. Chilean President Gabriel Boric has just met Peruvian President Dina Boluarte.", "met"),
    ("Chile condemned Peru. Boric just concluded talks with Boluarte in Lima.", "talks"),
])
def test_an_act_just_done_is_of_the_day_of_publication(nlp, rules_alone, text, trigger):
    assert dated(run(nlp, text), trigger) == {(THURSDAY, "day", "publication")}


@pytest.mark.parametrize("text", [
    "Chile condemned Peru. Boric had just met Boluarte when the talks collapsed.",   # before another past
    "Chile condemned Peru. Boric met Boluarte just after the talks collapsed.",      # "just" times another act
])
def test_just_before_another_time_is_not_today(nlp, rules_alone, text):
    assert dated(run(nlp, text), "met") == {(None, None, None)}


def test_a_statement_of_a_year_is_dated_to_its_year(nlp, rules_alone):
    rows = run(nlp, "Chile condemns the invasion of Peru.", dt.date(1984, 1, 1), "year")
    assert dated(rows, "condemns") == {(dt.date(1984, 1, 1), "year", "publication")}


@pytest.mark.parametrize("text, trigger", [
    ("Chile said it opposed Peru's decision.", "opposed"),     # told of another time
    ("Chile has condemned Peru's decision.", "condemned"),     # a perfect names no day
    ("Chile imposed tariffs on Peru.", "imposed"),             # a past act with no date phrase
])
def test_other_undated_acts_keep_a_null_date(nlp, rules_alone, text, trigger):
    assert dated(run(nlp, text), trigger) == {(None, None, None)}


def test_a_promise_told_in_several_words_stays_one_row_whatever_day_they_took(nlp, rules_alone):
    rows = run(nlp, "Chile and Peru will continue to add new dimensions to their partnership while cooperating "
                    "in the fields of fisheries and mining.")
    assert [(r["event_type"], r["actor_code"], r["recipient_code"]) for r in rows] == [("AGREE", "CHL", "PER")]


def test_what_is_said_in_a_paper_is_said_when_the_paper_came_out(nlp, rules_alone):
    rows = run(nlp, "Chile's Defence Ministry said in its annual white paper released on April 12 that Peru's "
                    "military activities pose a grave threat to Chile.")
    assert dated(rows, "said") == {(dt.date(2024, 4, 12), "day", "sentence")}


def test_a_story_goes_on_from_a_dated_act_between_two_sides_not_only_a_meeting(nlp, rules_alone):
    rows = run(nlp, "Ghana and Togo signed a border treaty on Monday. Ghanaian ministers also signed "
                    "a customs accord with Togo, officials said.")
    assert dated(rows, "signed") >= {(dt.date(2024, 4, 29), "day", "sentence"), (dt.date(2024, 4, 29), "day", "context")}


def test_a_date_phrase_of_its_own_keeps_a_sentence_out_of_the_story_even_unresolved(nlp, rules_alone):
    # published Wednesday 7 August 2024: "last week" runs from July into August, so names no point
    rows = run(nlp, "Ghana and Togo signed a border treaty on Monday. Last week, Ghana accused Togo of "
                    "harbouring rebels.", published=dt.date(2024, 8, 7))
    assert dated(rows, "accused") == {(None, None, None)}


@pytest.mark.parametrize("text", ["In May, Ghana signed a loan agreement with Togo.",
                                  "In May Ghana signed a loan agreement with Togo."])
def test_a_month_opening_the_sentence_is_a_date_not_a_modal(nlp, rules_alone, text):
    assert dated(run(nlp, text), "signed") == {(dt.date(2024, 5, 1), "month", "sentence")}


def test_the_same_day_with_no_day_named_before_is_the_storys_day(nlp, rules_alone):
    rows = run(nlp, "Ghana's President held talks with Togo's President in Accra. On the same day, the Ghanaian "
                    "foreign minister also paid a courtesy call on Togo's Prime Minister.")
    assert dated(rows, "call") == {(THURSDAY, "day", "context")}


def test_a_deed_told_in_a_participle_on_a_noun_is_background_and_moves_no_story(nlp, rules_alone):
    rows = run(nlp, READOUT.replace("They agreed", "They praised the border treaty, signed by Kenya and Uganda in "
                                    "April 2021. They agreed"))
    assert dated(rows, "signed") == {(dt.date(2021, 4, 1), "month", "sentence")}
    assert dated(rows, "expand") == {(dt.date(2024, 4, 30), "day", "context")}

