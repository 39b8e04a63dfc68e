"""Forces moved: the forces a named state moves are not the other side (named in an event noun,
pipeline/extract/events/noun_args.py), and forces sent to help bring aid (retype.py). The sentences
are written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_of

PUBLISHED = dt.date(2024, 6, 1)


def test_the_forces_a_state_moves_are_not_the_other_side(nlp, rules_alone):
    rows = events_of(nlp, "Chad's deployment of troops along the border began in May.", PUBLISHED)
    assert [(r["actor_code"], r["recipient"]) for r in rows if r["event_type"] == "MOBILIZE"] == [("TCD", None)]



def typed(nlp, text):
    return {(r["event_type"], r["actor_code"], r["recipient_code"]) for r in events_of(nlp, text, PUBLISHED)}


@pytest.mark.parametrize("text, row", [
    ("The Peruvian army deployed 2,000 soldiers to help evacuate residents from flooded villages.", ("AID", "PER", None)),
    ("Belarus's deployment of troops to Russia to help Moscow retake the region drew condemnation.",
     ("AID", "BLR", "RUS")),
])
def test_forces_sent_to_help_bring_aid(nlp, rules_alone, text, row):
    rows = typed(nlp, text)
    assert row in rows and not any(t == "MOBILIZE" for t, _, _ in rows)


@pytest.mark.parametrize("text", ["India deployed troops to protect the border.", "Chad deployed troops to intercept the rebels."])
def test_forces_sent_to_guard_or_intercept_stay_a_deployment(nlp, rules_alone, text):
    assert {t for t, _, _ in typed(nlp, text)} == {"MOBILIZE"}


@pytest.mark.parametrize("text, row", [
    ("Turkish troops fired on a Greek patrol boat near the islet.", ("ASSAULT", "TUR", "GRC")),
    ("A Greek patrol boat was fired on by Turkish troops near the islet.", ("ASSAULT", "TUR", "GRC")),
    ("Sudanese soldiers shot at Chadian herders across the border.", ("ASSAULT", "SDN", "TCD")),
])
def test_shots_aimed_at_a_target_are_an_attack_on_its_owner(nlp, rules_alone, text, row):
    assert row in typed(nlp, text)


@pytest.mark.parametrize("text", ["The Greek soldiers fired at will during the drill.",
                                  "Turkish troops fired artillery salvoes during the exercise."])
def test_shots_aimed_at_nothing_are_no_attack(nlp, rules_alone, text):
    assert not any(t == "ASSAULT" for t, _, _ in typed(nlp, text))


@pytest.mark.parametrize("text", [
    "Some 2,000 soldiers were sent to the Zulia region on the Colombian border by Venezuela's government.",
    "Armenia sent tanks to the Azerbaijani border on Sunday.",
])
def test_forces_sent_to_a_border_however_phrased_are_a_deployment(nlp, text):
    rows = events_of(nlp, text, dt.date(2024, 6, 1))
    assert rows and rows[0]["event_type"] == "MOBILIZE"


@pytest.mark.parametrize("text, pair", [
    ("Ethiopian and Eritrean soldiers clashed near the town of Badme on Thursday.", ("ETH", "ERI")),
    ("Malian troops skirmished with Tuareg rebels north of Kidal.", ("MLI", None)),
    ("Pakistani border guards clashed with Afghan forces at the Torkham crossing.", ("PAK", "AFG")),
])
def test_a_clash_with_an_armed_side_is_fighting(nlp, rules_alone, text, pair):
    assert [(r["actor_code"], r["recipient_code"]) for r in events_of(nlp, text, PUBLISHED)
            if r["event_type"] == "ASSAULT"] == [pair]


@pytest.mark.parametrize("text", [
    "Bolivia and Chile clashed over the water rights at the regional summit.",  # a quarrel
    "Students clashed with police outside the university in Dhaka.",  # a crowd's riot, not war
])
def test_a_clash_without_an_armed_side_or_with_a_crowd_is_no_fighting(nlp, rules_alone, text):
    assert not [r for r in events_of(nlp, text, PUBLISHED) if r["event_type"] == "ASSAULT"]


@pytest.mark.parametrize("text, recipient", [
    ("Hundreds of miners clashed with riot police in La Paz on Friday.", "BOL"),
    ("Farmers clashed with soldiers at a roadblock.", None),
])
def test_a_crowd_that_clashes_with_police_or_soldiers_riots(nlp, rules_alone, text, recipient):
    rows = [r for r in events_of(nlp, text, PUBLISHED) if r["event_type"] in ("PROTEST", "ASSAULT")]
    assert [(r["event_type"], r["event_mode"], r["recipient_code"]) for r in rows] == [("PROTEST", "riot", recipient)]
