"""Threats made by grammar (pipeline/extract/events/threats.py): a hostile act put on a condition is
a threat made now (codebook THREATEN: warns of force, sanctions or other costs). The sentences are
written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_of

DAY = dt.date(2024, 6, 1)


def coded(nlp, text):
    return [(r["event_type"], r["actor_code"], r["recipient_code"], r["status"]) for r in events_of(nlp, text, DAY)]


@pytest.mark.parametrize("text, actor, recipient", [
    ("Hungary said it would impose tariffs on Serbia if Belgrade kept its export ban.", "HUN", "SRB"),
    ("Kenya will expel Somali diplomats unless Mogadishu withdraws the claim.", "KEN", "SOM"),
    ("If Armenia attacks again, Azerbaijan would strike its positions.", "AZE", "ARM"),
])
def test_a_hostile_act_on_a_condition_is_a_threat_made_now(nlp, rules_alone, text, actor, recipient):
    assert coded(nlp, text) == [("THREATEN", actor, recipient, "occurred")]


def test_a_cost_with_no_doer_is_threatened_by_whoever_says_it(nlp, rules_alone):
    text = "Norway's energy minister said gas supplies could be cut off if Poland refused the terms."
    assert ("THREATEN", "NOR", "POL", "occurred") in coded(nlp, text)


def test_a_negated_act_on_a_condition_threatens_nothing(nlp, rules_alone):
    assert not any(t == "THREATEN" for t, *_ in coded(nlp, "Chile would not sanction Peru even if Lima left the pact."))


def test_an_act_without_a_condition_keeps_its_type(nlp, rules_alone):
    assert [t for t, *_ in coded(nlp, "Hungary said it would impose tariffs on Serbia.")] == ["SANCTION"]


def test_forces_moved_on_a_condition_are_no_threat(nlp, rules_alone):
    types = [t for t, *_ in coded(nlp, "Ghana will deploy troops to the border if the raids continue.")]
    assert "THREATEN" not in types


@pytest.mark.parametrize("text, actor, recipient", [
    ("Canada's threat to impose tariffs on Mexico rattled markets.", "CAN", "MEX"),
    ("Peru's warning to expel Bolivian diplomats came on Monday.", "PER", "BOL"),
])
def test_a_threat_noun_is_the_event_and_what_it_threatens_is_not(nlp, rules_alone, text, actor, recipient):
    assert [(t, a, r) for t, a, r, _ in coded(nlp, text)] == [("THREATEN", actor, recipient)]
