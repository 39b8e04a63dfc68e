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
])
def test_what_a_crowd_does_in_protest_is_a_protest(run, text):
    assert "PROTEST" in types(run(text))


@pytest.mark.parametrize("text", [
    "Twelve villagers died in a strike on the market.",       # an air strike, not a labour strike
    "Vietnam recalled its ambassador in protest.",            # a state's own act, no crowd
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
