"""Verb lemmas the small English pipeline gets wrong (pipeline/nlp/lemmas.py). Sentences written
for these tests."""
from __future__ import annotations

import datetime as dt

from pipeline.nlp.parse import parse_text
from tests.conftest import events_of


def lemmas(nlp, text: str) -> dict[str, str]:
    return {t.lower_: t.lemma_ for t in parse_text(text, nlp)}


def test_a_verb_that_lost_its_final_e_gets_it_back(nlp):
    assert lemmas(nlp, "Egypt and Sudan staged joint drills off the coast.")["staged"] == "stage"


def test_a_right_lemma_and_a_noun_are_left_alone(nlp):
    found = lemmas(nlp, "A stag crossed the road as Kenya signed the deal.")
    assert found["stag"] == "stag" and found["signed"] == "sign"


def test_joint_drills_staged_by_two_states_are_cooperation(nlp):
    rows = events_of(nlp, "Egypt and Sudan staged joint drills off Port Sudan this week.", dt.date(2024, 6, 1))
    assert {(r["event_type"], r["actor_code"], r["recipient_code"]) for r in rows} == {("COOPERATE", "EGY", "SDN")}
