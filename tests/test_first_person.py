"""A text spoken for a state ("we", "my Government") gives that state as actor and speaker; a
reported text, or words inside quotation marks, never do."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.document import extract_document
from pipeline.nlp.parse import parse_document

SPEECH = ("My delegation congratulates you on your election.\n\n"
          "My Government will provide $10 million in humanitarian aid to Ukraine.\n\n"
          "We call on Russia to withdraw its troops from Ukraine.\n\n"
          "“The era of confrontation must end,” I said in this Hall last year.\n\n"
          "“We will never accept this,” said Wang Yi, the Foreign Minister of China.\n")


def rows_of(nlp, state):
    parsed = parse_document("doc_0123456789abcdef", SPEECH, dt.date(2024, 9, 24), nlp=nlp, speaking_state=state)
    return extract_document(parsed)


@pytest.fixture(scope="module")
def spoken(nlp):
    return rows_of(nlp, "JPN")


@pytest.fixture(scope="module")
def reported(nlp):
    return rows_of(nlp, None)


def test_first_person_subjects_are_the_speaking_state(spoken):
    pairs = {(e["event_type"], e["actor_code"], e["recipient_code"]) for e in spoken["events"]}
    assert ("AID", "JPN", "UKR") in pairs           # "My Government will provide ... to Ukraine"
    assert ("REQUEST", "JPN", "RUS") in pairs       # "We call on Russia to ..."


def test_self_nouns_are_mentions_of_the_state_and_the_state_is_an_entity(spoken):
    japan = [e for e in spoken["entities"] if e["code"] == "JPN"]
    assert len(japan) == 1 and japan[0]["entity_type"] == "state"
    mentioned = {m["text"] for m in spoken["mentions"] if m["entity_id"] == japan[0]["entity_id"]}
    assert {"My delegation", "My Government"} <= mentioned


def test_the_speakers_own_quotation_is_the_states_and_a_quoted_we_is_the_quoted(spoken):
    by_text = {q["text"].rstrip(","): q["speaker"] for q in spoken["quotes"]}
    assert by_text["The era of confrontation must end"] == "Japan"
    assert by_text["We will never accept this"] == "Wang Yi"


def test_without_a_speaking_state_first_person_words_name_nobody(reported):
    assert not [e for e in reported["events"] if e["actor_code"] == "JPN"]
    assert not [m for m in reported["mentions"] if m["text"].lower().startswith("my ")]
    by_text = {q["text"].rstrip(","): q["speaker"] for q in reported["quotes"]}
    assert by_text["The era of confrontation must end"] is None


def test_a_document_noun_owned_by_my_is_the_speaking_states_or_nobodys(nlp):
    text = ("We made a commitment to take action for the benefit of future generations.\n\n"
            "My message for this year can be summarized in a simple phrase: \n"
            "\"Inclusive governance with shared responsibility\". \n")
    for state, speakers in (("JPN", ["Japan"]), (None, [])):  # an unattributed quotation is no row
        parsed = parse_document("doc_0123456789abcdef", text, dt.date(2024, 9, 24), nlp=nlp, speaking_state=state)
        quotes = extract_document(parsed)["quotes"]
        assert [q["speaker"] for q in quotes] == speakers


def test_a_plural_self_noun_is_not_the_speaker_alone(nlp):
    text = "Our two countries signed a treaty with Russia.\n\nOur countries condemned the attack on Ukraine.\n"
    parsed = parse_document("doc_0123456789abcdef", text, dt.date(2024, 9, 24), nlp=nlp, speaking_state="JPN")
    rows = extract_document(parsed)
    assert not [m for m in rows["mentions"] if m["text"].lower().startswith("our")]
    assert not [e for e in rows["events"] if e["actor_code"] == "JPN"]
