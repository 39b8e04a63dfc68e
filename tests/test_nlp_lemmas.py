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


def test_a_hyphenated_noun_the_lexicon_knows_as_one_word_is_looked_up_joined(nlp):
    found = lemmas(nlp, "A build-up of troops and a sit-in followed.")
    assert found["up"] == "buildup" and found["in"] == "sit-in"


def test_other_hyphenated_words_keep_their_lemmas(nlp):
    found = lemmas(nlp, "A follow-up meeting and a long-term plan.")
    assert found["up"] == "up" and found["term"] == "term"


def test_an_event_named_by_a_hyphenated_noun_reads_as_written(nlp):
    # "began": a verb of no verb+object reading, so the noun itself is the trigger
    rows = events_of(nlp, "Students began a sit-in at the Kenyan ministry.", dt.date(2024, 6, 1))
    assert [(r["event_type"], r["trigger"]) for r in rows] == [("PROTEST", "sit-in")]
