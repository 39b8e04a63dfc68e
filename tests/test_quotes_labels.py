"""Transcript turns labelled by a title alone ("THE PRESIDENT:"): the holder of that office in the
publisher's state on the document's date, else that state, else nobody; on transcripts written here."""
from __future__ import annotations

import datetime as dt
import importlib

import pytest

from pipeline.extract.quotes import extract_quotes
from pipeline.nlp.parse import load_model, parse_document

try:
    resolve_entities = importlib.import_module("pipeline.extract.entities").resolve_entities
except (ImportError, AttributeError):
    resolve_entities = None

TRANSCRIPT = (
    "THE PRESIDENT:  Thank you, everybody.  Last spring I told the farmers of Ohio, “We will open new "
    "markets for your grain,” and we did.  (Applause.)\n\n"
    "Q    Mr. President, will you meet the delegation again?\n\n"
    "THE PRESIDENT:  Yes.  And I said, “Nobody will be left behind in this country.”\n")

VICE = TRANSCRIPT.replace("THE PRESIDENT:", "THE VICE PRESIDENT:").replace("Mr. President", "Madam Vice President")


@pytest.fixture(scope="module")
def speakers():
    if resolve_entities is None:
        pytest.skip("entity pass not importable")
    nlp = load_model()

    def _speakers(text: str, date: dt.date, state: str | None) -> dict[str, str | None]:
        parsed = parse_document("t", text, date, nlp=nlp, publisher_state=state)
        parsed.entities = resolve_entities(parsed)
        return {r["text"][:10]: r["speaker"] for r in extract_quotes(parsed)}
    return _speakers


def test_the_president_is_the_publishers_president_on_the_date(speakers):
    assert speakers(TRANSCRIPT, dt.date(2023, 5, 2), "USA") == {"We will op": "Joe Biden", "Nobody wil": "Joe Biden"}
    assert speakers(TRANSCRIPT, dt.date(2026, 3, 9), "USA") == {"We will op": "Donald Trump",
                                                                 "Nobody wil": "Donald Trump"}


def test_the_vice_president_is_a_different_office(speakers):
    assert set(speakers(VICE, dt.date(2023, 5, 2), "USA").values()) == {"Kamala Harris"}


def test_without_a_publisher_state_a_title_names_nobody(speakers):
    assert set(speakers(TRANSCRIPT, dt.date(2023, 5, 2), None).values()) == {None}


def test_an_office_the_publishers_state_does_not_have_names_nobody(speakers):
    # a prime minister at the White House is a guest's office, not the publisher's
    text = TRANSCRIPT.replace("THE PRESIDENT:", "THE PRIME MINISTER:")
    assert set(speakers(text, dt.date(2023, 5, 2), "USA").values()) == {None}


def test_an_office_with_no_known_holder_on_the_date_is_the_state(speakers):
    # the gazetteer's presidents start in 2009: before, the office is known but not its holder
    assert set(speakers(TRANSCRIPT, dt.date(1995, 5, 2), "USA").values()) == {"United States"}


def test_a_label_with_a_name_keeps_the_name(speakers):
    text = TRANSCRIPT.replace("THE PRESIDENT:", "PRESIDENT HALVORSEN:")
    assert set(speakers(text, dt.date(2023, 5, 2), "USA").values()) == {"Halvorsen"}


# ---------------------------------------------------------------- the publisher's state, from the collection

def test_collection_states_its_publishers_state_as_an_iso3_code():
    from pipeline.ingest.collections import CollectionError, parse_collection
    assert parse_collection({"name": "a", "publisher_state": "USA"}, "").publisher_state == "USA"
    assert parse_collection({"name": "a"}, "").publisher_state is None
    for bad in ("United States", "usa", "XYZ"):
        with pytest.raises(CollectionError, match="`publisher_state`"):
            parse_collection({"name": "a", "publisher_state": bad}, "")


def test_documents_carry_the_publishers_state(tmp_path):
    from pipeline.ingest import ingest_corpus
    (tmp_path / "gov").mkdir()
    (tmp_path / "gov/collection.yaml").write_text("name: gov\npublisher_state: NOR\n", encoding="utf-8")
    (tmp_path / "gov/one.txt").write_text("The minister spoke in Oslo on Tuesday.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("The minister spoke in Bergen on Monday.\n", encoding="utf-8")
    docs = {d["source_file"]: d for d in ingest_corpus(tmp_path, now=dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)).documents}
    assert (docs["gov/one.txt"]["publisher_state"], docs["two.txt"]["publisher_state"]) == ("NOR", None)


def test_the_publishers_state_keys_the_extraction_cache():
    from pipeline.extract.document import cache_key
    assert cache_key("0" * 64, "2023-05-02", "m") != cache_key("0" * 64, "2023-05-02", "m", None, "USA")


def test_a_speech_under_one_title_label_is_one_turn(speakers):
    text = ("Remarks on the harbour project\n\nTHE PRESIDENT:  Good afternoon.  When the mayor called me, "
            "I said, “We will build it together.”  (Applause.)\n")
    assert speakers(text, dt.date(2023, 5, 2), "USA") == {"We will bu": "Joe Biden"}


def test_one_heading_in_capitals_is_no_turn(speakers):
    text = "Results so far\n\nTRADE WORKS:  Exports rose.  I said, “We will build it together.”\n"
    assert speakers(text, dt.date(2023, 5, 2), "USA") == {"We will bu": None}


def test_they_after_the_presidents_own_words_is_not_the_president(speakers):
    text = TRANSCRIPT + ("\nTHE PRESIDENT:  I met the growers’ association.  I said, “Bring me your plan.”  "
                         "They said, “We already have one.”\n")
    found = speakers(text, dt.date(2023, 5, 2), "USA")
    assert found["Bring me y"] == "Joe Biden" and found["We already"] != "Joe Biden"


BRIEFING = (
    "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference\n\n"
    "Lin Jian: Good afternoon. Let me start with an announcement.\n\n"
    "Reuters: Kenya's foreign ministry said the minister would discuss \"ways to end the fighting\" in Beijing. "
    "Will China mediate?\n\n"
    "Lin Jian: China supports every effort for peace.\n\n"
    "JOURNALIST: Minister Mudavadi, a Chilean foreign ministry spokesperson said on Friday that the pact should "
    "not \"target any third party.\" Is that fair?\n")


def test_a_quote_cued_by_a_named_third_party_is_theirs_not_the_turns(speakers):
    found = speakers(BRIEFING, dt.date(2024, 7, 23), "CHN")
    # the cue's own subject, not the briefing's spokesperson, nor the body whose spokesperson he is
    assert found["ways to en"] == "Ministry of Foreign Affairs of Kenya"


def test_a_name_opening_a_question_is_the_one_addressed(speakers):
    found = speakers(BRIEFING, dt.date(2024, 7, 23), "CHN")
    # "Minister Mudavadi, a Chilean ... spokesperson said": the spokesperson's ministry speaks
    assert found["target any"] == "Ministry of Foreign Affairs of Chile"
