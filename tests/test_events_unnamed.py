"""Events whose doer the text does not name (pipeline/extract/events/unnamed.py): force done to a
named party by a weapon or an attack, an event noun that a verb says took place, and a crowd's
protest named by its noun. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import events_of

PUBLISHED = dt.date(2024, 5, 2)


@pytest.fixture
def run(nlp, rules_alone):
    return lambda text: events_of(nlp, text, PUBLISHED)


def typed(rows) -> set[tuple]:
    return {(r["event_type"], r["actor_code"], r["recipient_code"]) for r in rows}


@pytest.mark.parametrize("text, row", [
    # a weapon or an attack as the subject of an act of force, owned by no one named
    ("A roadside bomb killed four Malian soldiers near Gao on Sunday.", ("ASSAULT", None, "MLI")),
    ("An artillery shell killed two Lebanese shepherds, local officials said.", ("ASSAULT", None, "LBN")),
    ("Shelling killed six civilians in Donetsk overnight, regional officials said.", ("ASSAULT", None, "UKR")),
    ("A drone strike on a fuel depot in Port Sudan destroyed three tankers.", ("ASSAULT", None, "SDN")),
    # an event noun that a verb says took place
    ("The attack on a Somali army base left nine soldiers dead.", ("ASSAULT", None, "SOM")),
    ("The detention of Georgian opposition leader Nika Melia sparked an outcry.", ("COERCE", None, "GEO")),
])
def test_force_by_no_one_named_has_a_null_actor(run, text, row):
    rows = run(text)
    assert row in typed(rows)
    assert all(r["actor_code"] is None for r in rows if r["event_type"] == row[0])


@pytest.mark.parametrize("text", [
    "Protests erupted in Lusaka after the election result was announced.",
    "Demonstrations against the new tax were held in a dozen Peruvian cities on Friday.",
    "Street protests spread to Mombasa and Kisumu on Wednesday.",
])
def test_a_protest_noun_that_took_place_is_a_crowd_protest(run, text):
    rows = [r for r in run(text) if r["event_type"] == "PROTEST"]
    assert rows and all(r["actor_code"] is None for r in rows)


@pytest.mark.parametrize("text", [
    "Protests are a right in any democracy.",                    # no protest took place
    "Floods killed 40 people in northern Ghana.",                # no weapon, no attack: a disaster
    "A car crash killed two Zambian ministers on Friday.",       # an accident
    "Attacks on Malian convoys have become more frequent.",      # acts in general
])
def test_no_unnamed_event_without_one_that_took_place(run, text):
    assert not any(r["event_type"] in ("ASSAULT", "COERCE", "PROTEST") for r in run(text))


def test_a_lodged_protest_is_still_a_complaint(run):
    assert ("ACCUSE", "JPN", "CHN") in typed(run("Japan lodged a protest with China over the incident."))


def test_a_person_named_with_the_place_of_their_office_is_that_states(run):
    # "Istanbul mayor X": the place a person's title names gives the state, as a nationality word does
    assert ("COERCE", None, "KEN") in typed(run("The arrest of Mombasa governor Ali Hassan sparked an outcry."))


def test_a_passive_agent_that_names_no_party_leaves_the_doer_unnamed(run):
    rows = run("Chad's defence minister was assassinated in N'Djamena by a group of armed men.")
    assert ("ASSAULT", None, "TCD") in typed(rows)


def test_an_organ_placed_in_a_capital_acts_for_its_state_in_any_type(run):
    # "the junta in Bamako": an agent acting for a state, placed by its "in" phrase (not only in protests)
    assert ("SANCTION", "MLI", "FRA") in typed(run("The junta in Bamako expelled two French diplomats on Tuesday."))
