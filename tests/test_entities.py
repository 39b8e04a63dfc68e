"""Entities layer: coding rules, name-variant merging and cross-document identity.

Sentences are written for these tests; people with invented names exercise the
title patterns the gazetteer cannot know.
"""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.entities import (
    DocEntities, Entity, entity_rows, lexicon, mention_rows, resolve_entities, resolve_text,
)
from pipeline.nlp.parse import load_model, parse_document

DAY = dt.date(2023, 3, 21)


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str, doc_id: str = "t", date: dt.date | None = DAY):
        parsed = parse_document(doc_id, text, date, nlp=nlp)
        parsed.entities = resolve_entities(parsed)
        return parsed, parsed.entities
    return _run


def ents_for(de: DocEntities, surface: str) -> set[str]:
    return {de.entities[m.entity_id].name for m in de.mentions if m.text == surface}


def entity_of(de: DocEntities, surface: str) -> Entity:
    found = [de.entities[m.entity_id] for m in de.mentions if m.text == surface]
    assert found, f"no mention {surface!r} in {[m.text for m in de.mentions]}"
    return found[0]


def test_name_variants_are_one_entity(run):
    _, de = run("Japanese Prime Minister Fumio Kishida travelled overnight. Kishida later met officials, "
                "and Kishida Fumio said PM Kishida would stay two days.")
    ids = {m.entity_id for m in de.mentions if "Kishida" in m.text}
    assert len(ids) == 1
    kishida = de.entities[ids.pop()]
    assert (kishida.name, kishida.country_code, kishida.code) == ("Fumio Kishida", "JPN", "JPN")
    assert kishida.role == "Prime Minister of Japan"


def test_surname_follows_full_name_for_unknown_person(run):
    _, de = run("The analyst Harriet Quillfeather wrote a long report. Quillfeather argued that talks would fail.")
    assert ents_for(de, "Quillfeather") == {"Harriet Quillfeather"}


@pytest.mark.parametrize("sentence,name,code", [
    ("Brazilian Foreign Minister Tomas Ferreirinha spoke to the press.", "Tomas Ferreirinha", "BRA"),
    ("Russia's Deputy Foreign Minister Pavel Grigorovsky warned the envoys.", "Pavel Grigorovsky", "RUS"),
    ("U.S. Ambassador to Japan Walter Brightwater toured the port.", "Walter Brightwater", "USA"),
    ("Chen Xiaolong, China's foreign ministry spokesperson, rejected the claim.", "Chen Xiaolong", "CHN"),
])
def test_title_pattern_codes_unknown_people(run, sentence, name, code):
    _, de = run(sentence)
    people = [e for e in de.entities.values() if e.entity_type == "person"]
    assert [(p.name, p.country_code) for p in people] == [(name, code)]


def test_gazetteer_beats_title_and_fixes_ner(run):
    _, de = run("Xi said the talks were useful. Chinese President Xi Jinping then left Moscow.")
    assert ents_for(de, "Xi") == {"Xi Jinping"}
    assert entity_of(de, "Xi Jinping").wikidata_id == "Q15031"


@pytest.mark.parametrize("surface,name,code", [
    ("the U.S.", "United States", "USA"),
    ("America", "United States", "USA"),
    ("Britain", "United Kingdom", "GBR"),
    ("Taiwan", "Taiwan", "TWN"),
    ("South Korea", "South Korea", "KOR"),
])
def test_country_short_forms(run, surface, name, code):
    _, de = run(f"Officials said {surface} would respond soon.")
    ent = entity_of(de, surface)
    assert (ent.name, ent.entity_type, ent.code) == (name, "state", code)


def test_demonym_alone_is_the_state(run):
    _, de = run("The Japanese were cautious about the proposal.")
    assert entity_of(de, "Japanese").code == "JPN"


def test_capital_as_government_and_as_place(run):
    _, de = run("Beijing said the visit was a mistake. The delegation later arrived in Brussels and in Beijing.")
    first = [m for m in de.mentions if m.text == "Beijing"]
    assert de.entities[first[0].entity_id].entity_type == "state"
    assert de.entities[first[1].entity_id].entity_type == "location"
    assert entity_of(de, "Brussels").entity_type == "location"
    assert entity_of(de, "Brussels").code is None


def test_government_bodies_by_pattern(run):
    _, de = run("The Japanese Foreign Ministry issued a note. Japan's Ministry of Foreign Affairs later confirmed it. "
                "The Pentagon declined to comment, the Chinese Defense Ministry protested, and Russian troops moved.")
    jp = {de.entities[m.entity_id].entity_id for m in de.mentions if "Foreign" in m.text}
    assert len(jp) == 1
    mofa = de.entities[jp.pop()]
    assert (mofa.name, mofa.entity_type, mofa.code) == ("Ministry of Foreign Affairs of Japan", "organization", "JPN")
    assert de.lookup("the Pentagon").name == "United States Department of Defense"
    assert de.lookup("the Chinese Defense Ministry").code == "CHN"
    assert de.lookup("Russian troops").code == "RUS"


def test_igo_officer_codes_as_the_body(run):
    _, de = run("NATO Secretary-General Jens Stoltenberg spoke in Brussels.")
    ent = entity_of(de, "Jens Stoltenberg")
    assert (ent.code, ent.country_code) == ("NATO", None)
    assert entity_of(de, "NATO").entity_type == "igo"


def test_bare_title_points_at_holder(run):
    _, de = run("Japan's Prime Minister arrived on Tuesday.", date=dt.date(2023, 3, 21))
    assert de.lookup("Japan's Prime Minister").name == "Fumio Kishida"
    assert entity_of(de, "Japan's Prime Minister").name == "Fumio Kishida"


def test_role_follows_the_date(run):
    _, de = run("Shigeru Ishiba answered questions.", date=dt.date(2025, 1, 10))
    assert entity_of(de, "Shigeru Ishiba").role == "Prime Minister of Japan"


def test_cross_document_identity(run):
    _, a = run("Xi Jinping met Harriet Quillfeather.", doc_id="a")
    _, b = run("On Friday, Xi spoke with Harriet Quillfeather by phone.", doc_id="b")
    assert entity_of(a, "Xi Jinping").entity_id == entity_of(b, "Xi").entity_id
    assert entity_of(a, "Harriet Quillfeather").entity_id == entity_of(b, "Harriet Quillfeather").entity_id
    rows = entity_rows(list(a.entities.values()) + list(b.entities.values()))
    assert len({r["entity_id"] for r in rows}) == len(rows)
    assert set(rows[0]) == {"entity_id", "name", "entity_type", "country_code", "code", "role", "wikidata_id"}


def test_helpers_at_within_last_before_lookup(run):
    parsed, de = run("Sergey Lavrov met Wang Yi in Beijing. He said the talks were frank.")
    text = parsed.text
    he = text.index("He said")
    assert de.last_before(he).name == "Wang Yi"
    start = text.index("Lavrov")
    assert de.at(start, start + 3).name == "Sergey Lavrov"
    inside = de.within(0, text.index(" in Beijing"))
    assert [e.name for _, e in inside] == ["Sergey Lavrov", "Wang Yi"]
    assert de.lookup("Lavrov").country_code == "RUS"
    assert de.lookup("Beijing").code == "CHN"
    assert de.lookup("nothing like this") is None


def test_mention_rows_match_text(run):
    parsed, de = run("**Secretary of State Marco\nRubio** met [Penny Wong](https://example.org/x) in Tokyo.")
    rows = mention_rows(de)
    assert rows and all(parsed.text[r["char_start"]:r["char_end"]] == r["text"] for r in rows)
    assert {"Marco Rubio", "Penny Wong"} <= {de.entities[r["entity_id"]].name for r in rows}


@pytest.mark.parametrize("text", ["", "   ", "“unbalanced quote", "\x00\x01 ### ]](( http://x", "a" * 500])
def test_never_raises(run, text):
    _, de = run(text)
    assert isinstance(de, DocEntities)


def test_resolve_text_and_data_loaded_once():
    assert lexicon() is lexicon()
    assert resolve_text("the Japanese Foreign Ministry").name == "Ministry of Foreign Affairs of Japan"
    assert resolve_text("Kremlin").code == "RUS"
    assert resolve_text("") is None
