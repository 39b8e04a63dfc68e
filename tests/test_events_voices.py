"""Transcript turns (pipeline/extract/events/voices.py): the party a turn's label speaks for, the
party "you" addresses in a two-party transcript, and a bare title read through the publisher's
government. The transcripts are written for these tests."""
from __future__ import annotations

import datetime as dt

from pipeline.extract.entities import resolve_entities
from pipeline.extract.events import extract_events
from pipeline.nlp.parse import parse_document

TWO_LEADERS = """Remarks by President Biden and Prime Minister Kishida Before Their Meeting

PRESIDENT BIDEN: Thank you, Mr. Prime Minister, for coming. I thank you for your leadership on climate.

PRIME MINISTER KISHIDA: Thank you very much. I appreciate the warm hospitality of the American people.
"""

BARE_TITLE = """Remarks by President Biden and President Zelenskyy of Ukraine in Joint Press Conference

THE PRESIDENT: Thank you, Mr. President, for your courage. It is good to see you again.

PRESIDENT ZELENSKYY: Thank you very much for your support.
"""


def coded(nlp, text, publisher_state=None):
    parsed = parse_document("t", text, dt.date(2023, 12, 12), nlp=nlp, publisher_state=publisher_state)
    parsed.entities = resolve_entities(parsed)
    return [(r["event_type"], r["actor_code"], r["recipient_code"]) for r in extract_events(parsed)]


def test_each_turn_speaks_for_its_label_and_thanks_the_other_party(nlp):
    rows = coded(nlp, TWO_LEADERS)
    assert rows.count(("SUPPORT", "USA", "JPN")) == 2  # "Thank you, Mr. Prime Minister", "I thank you"
    assert ("SUPPORT", "JPN", "USA") in rows


def test_a_bare_title_is_the_publishing_governments_office_holder(nlp):
    rows = coded(nlp, BARE_TITLE, publisher_state="USA")
    assert ("SUPPORT", "USA", "UKR") in rows and ("SUPPORT", "UKR", "USA") in rows
    assert not [r for r in rows if r[1] == "UKR" and r[2] == "UKR"]



def test_the_president_in_a_governments_own_text_is_its_president(nlp):
    text = "The President will travel to Hanoi on September 10 to meet with the General Secretary."
    assert ("CONSULT", "USA", "VNM") in coded(nlp, text, publisher_state="USA")
    assert not [r for r in coded(nlp, text) if r[1] == "USA"]  # no publisher: no one is guessed


LONG_TURNS = """Remarks by President Ruto in a Press Conference

PRESIDENT RUTO: Good evening, everyone.

Earlier today I met with President Tinubu of Nigeria to discuss trade.

Q: Mr. President, a question on Uganda.

I met with President Museveni of Uganda last week as well.

PRESIDENT RUTO: Yes. I thank President Tinubu for his support.
"""


def test_a_turn_runs_over_paragraphs_until_the_next_label(nlp):
    rows = coded(nlp, LONG_TURNS)
    assert ("CONSULT", "KEN", "NGA") in rows  # two paragraphs below the label, still Ruto's turn
    assert not [r for r in rows if r[2] == "UGA"]  # the reporter's "I" is nobody's


ASSEMBLY_SPEECH = """Mr. President, allow me first to join the previous speakers in congratulating you, Sir, on your
election to the presidency of the General Assembly. I should like to begin by thanking you for your guidance.
We would like to visit Geneva next year.
"""


def test_a_speech_to_the_assembly_addresses_its_chair_and_its_polite_speech_acts_are_performed(nlp):
    parsed = parse_document("t", ASSEMBLY_SPEECH, dt.date(1995, 9, 25), nlp=nlp, speaking_state="NOR")
    parsed.entities = resolve_entities(parsed)
    rows = [(r["event_type"], r["actor_code"], r["recipient_code"]) for r in extract_events(parsed)]
    assert rows.count(("SUPPORT", "NOR", "UNGA")) == 2  # "allow me to ... congratulating you", "should like to ... thanking"
    assert not [r for r in rows if r[0] == "CONSULT"]  # "would like to visit" is only a wish


def test_thanks_to_the_chairs_predecessor_and_to_the_secretary_general_in_an_assembly_speech(nlp):
    text = ("Mr. President, the General Assembly meets at a difficult time. We extend our warm congratulations "
            "to Namibia on its independence. We convey our appreciation to the Secretary-General. I would also "
            "like to express our sincere thanks to your predecessor for his work.\n")
    parsed = parse_document("t", text, dt.date(1990, 9, 25), nlp=nlp, speaking_state="NOR")
    parsed.entities = resolve_entities(parsed)
    rows = {(r["event_type"], r["actor_code"], r["recipient_code"]) for r in extract_events(parsed)}
    assert {("SUPPORT", "NOR", "NAM"), ("SUPPORT", "NOR", "UN"), ("SUPPORT", "NOR", "UNGA")} <= rows


INTERPRETED = """Joint press conference with the President of Kenya

PRIME MINISTER: Good afternoon. It is an honour to welcome President Ruto to Canberra.

PRESIDENT RUTO (AS INTERPRETED): Thank you, Prime Minister. On the region, we condemned Eritrea's missile launch over Ethiopia.
"""


def test_a_label_with_a_note_in_brackets_is_still_the_turns_speaker(nlp):
    rows = coded(nlp, INTERPRETED, publisher_state="AUS")
    assert ("ACCUSE", "KEN", "ERI") in rows and ("ACCUSE", "AUS", "ERI") not in rows


WELCOME = """Joint press conference with the President of Kenya

PRIME MINISTER: Good afternoon. It's a great honour to welcome President Ruto to Canberra today.

Today we signed a new agreement on education.
"""


def test_the_it_of_an_honour_to_welcome_is_no_party_named_before(nlp):
    # "It's a great honour to welcome X": the turn's speaker hosts, not the state the title named last
    rows = coded(nlp, WELCOME, publisher_state="AUS")
    assert ("CONSULT", "KEN", "AUS") in rows
    assert ("AGREE", "AUS", "KEN") in rows  # the pair the text is about signs together


def test_a_speakers_feeling_about_its_act_does_not_make_it_hypothetical(nlp):
    text = "PRIME MINISTER: I am delighted to welcome President Ruto to Canberra today.\n"
    assert ("CONSULT", "KEN", "AUS") in coded(nlp, text, publisher_state="AUS")


def test_the_owner_of_the_duty_extends_the_greeting(nlp):
    parsed = parse_document("t", "Mr. President, it is my pleasant duty, on behalf of my Government, to extend to "
                            "you our sincere congratulations on your election to the presidency of the General Assembly.", dt.date(1990, 9, 25), nlp=nlp,
                            speaking_state="KEN")
    parsed.entities = resolve_entities(parsed)
    assert [r["actor_code"] for r in extract_events(parsed)] == ["KEN"]


def test_a_speakers_want_to_thank_is_the_thanks_and_want_to_visit_a_wish(nlp):
    text = ("PRESIDENT RUTO: I want to thank President Tinubu for his support. We want to visit Abuja next year. "
            "I do not want to criticize Nigeria.\n")
    parsed = parse_document("t", text, dt.date(2024, 5, 1), nlp=nlp)
    parsed.entities = resolve_entities(parsed)
    rows = [(r["event_type"], r["actor_code"], r["recipient_code"]) for r in extract_events(parsed)]
    assert ("SUPPORT", "KEN", "NGA") in rows
    assert not [r for r in rows if r[0] in ("CONSULT", "ACCUSE")]
