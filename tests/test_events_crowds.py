"""A crowd acting in protest (pipeline/extract/events/crowds.py) and a state's own blockade
(retype.py). Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import events_of

PUBLISHED = dt.date(2024, 3, 8)


@pytest.fixture
def run(nlp, rules_alone):
    return lambda text: events_of(nlp, text, PUBLISHED)


def types(rows) -> set[str]:
    return {r["event_type"] for r in rows}


@pytest.mark.parametrize("text", [
    "Polish truckers blocked border crossings with Ukraine on Monday in protest at EU transport rules.",
    "Shopkeepers across Bangladesh pulled down their shutters in a nationwide strike against fuel prices.",
    "Teachers in Lagos stayed away from classrooms in a three-day strike over unpaid salaries.",
    "Hundreds of Romanian truckers drove their lorries into Bucharest on Friday to protest against fuel taxes.",
    "Dozens of students walked out of classes in Tbilisi to protest the new law.",
])
def test_what_a_crowd_does_in_protest_is_a_protest(run, text):
    assert "PROTEST" in types(run(text))


@pytest.mark.parametrize("text", [
    "Twelve villagers died in a strike on the market.",       # an air strike, not a labour strike
    "Vietnam recalled its ambassador in protest.",            # a state's own act, no crowd
    "Peru recalled its ambassador to protest the remarks.",   # likewise with "to protest"
])
def test_no_crowd_protest_without_a_crowd_or_a_labour_strike(run, text):
    assert "PROTEST" not in types(run(text))


@pytest.mark.parametrize("text, row", [
    ("Uzbek authorities blocked access to two opposition websites on Friday.", ("COERCE", "UZB")),
    ("Belarus blocked access to several foreign news sites.", ("COERCE", "BLR")),
])
def test_what_a_state_or_its_organs_block_they_restrict(run, text, row):
    rows = run(text)
    assert row in {(r["event_type"], r["actor_code"]) for r in rows}
    assert "PROTEST" not in types(rows)


def test_a_crowd_blocking_roads_still_protests(run):
    assert "PROTEST" in types(run("Farmers blocked roads across Belgium with tractors on Tuesday."))


@pytest.mark.parametrize("text, mode", [
    ("Port workers in Valparaiso went on strike on Tuesday over pension cuts.", "strike"),
    ("Hundreds of Albanians took to the streets of Tirana against the new electoral law.", "demonstration"),
    ("Tens of thousands of Slovaks poured into the streets of Bratislava on Friday.", "demonstration"),
    ("Pensioners held a rally outside the finance ministry in Athens on Wednesday.", "demonstration"),
    ("Supporters of the jailed mayor staged a march through central Istanbul.", "demonstration"),
    ("A rally against the mining law was held in Quito on Saturday.", "demonstration"),
])
def test_gatherings_named_by_verb_and_object_are_protests(run, text, mode):
    """CAMEO 141/143's HOLD, STAGE and JOIN + RALLY or STRIKE, and the wire's "went on strike" and
    "took to the streets", whose object comes through the preposition."""
    assert ("PROTEST", mode) in {(r["event_type"], r["event_mode"]) for r in run(text)}


@pytest.mark.parametrize("text", [
    "The minister went on a tour of the Gulf states in May.",             # "on" + a noun that is no strike
    "The two presidents held talks in Vilnius on the rally in oil prices.",  # a market rally, no crowd
])
def test_no_protest_from_other_objects_of_the_same_verbs(run, text):
    assert "PROTEST" not in types(run(text))


def test_a_crowd_protesting_against_a_government_is_a_protest(run):
    """PLOVER: civilian collective action aimed at the recipient is PROTEST; a state's protest to
    another stays a complaint."""
    crowd = run("Thousands of Armenian students protested against the government in Yerevan.")
    assert ("PROTEST", "ARM") in {(r["event_type"], r["recipient_code"]) for r in crowd}
    state = run("Lithuania protested to Belarus over the border incident.")
    assert {(r["event_type"], r["actor_code"], r["recipient_code"]) for r in state} == {("ACCUSE", "LTU", "BLR")}


def test_a_crowd_that_stages_a_protest_named_by_its_noun(run):
    assert "PROTEST" in types(run("Fishermen staged a protest at the harbour in Dakar over foreign trawlers."))


@pytest.mark.parametrize("text", [
    "A general strike called by the unions paralysed Montevideo on Thursday.",
    "A 72-hour strike by Zimbabwean nurses began on Wednesday.",
])
def test_a_labour_strike_named_by_its_noun_is_a_protest(run, text):
    """A strike named general, nationwide or by its hours is labour's, wherever the noun stands;
    a strike that is the subject of "began" is no object of the "began a strike" phrase."""
    assert ("PROTEST", "strike") in {(r["event_type"], r["event_mode"]) for r in run(text)}


def test_an_air_strike_stays_an_attack(run):
    rows = run("An air strike by Turkish jets hit a village in northern Iraq on Sunday.")
    assert "ASSAULT" in types(rows) and "PROTEST" not in types(rows)
