"""The Phoenix actor and agent dictionaries: conversion rules and their use as a fallback after the
project's gazetteer. Sentences and invented names are written for these tests."""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from pipeline.extract.entities import resolve_entities, resolve_text
from pipeline.extract.entities.phoenix import phoenix_entity
from pipeline.nlp.parse import load_model, parse_document

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_actor_dictionary.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_actor_dictionary", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def mentions(nlp, text: str, date=dt.date(2008, 5, 1)):
    parsed = parse_document("t", text, date, nlp=nlp)
    de = resolve_entities(parsed)
    return {m.text: de.entities[m.entity_id] for m in de.mentions}


@pytest.mark.parametrize("code, expected", [
    ("JPNGOV 060926-070926", ("JPN", "GOV", dt.date(2006, 9, 26), dt.date(2007, 9, 26))),
    ("USRGOV >850311", ("RUS", "GOV", dt.date(1985, 3, 11), None)),   # the Soviet Union codes as RUS
    ("IGOWSTNAT <091231", ("NATO", "", None, dt.date(2009, 12, 31))),
    ("IGOUNOKID", ("UNICEF", "", None, None)),
    ("IGOUNOXYZ 20070101-20081231", ("UN", "XYZ", dt.date(2007, 1, 1), dt.date(2008, 12, 31))),
    ("ZZZGOV", (None, "", None, None)),                                # no such state
])
def test_phoenix_codes_and_dates(build, code, expected):
    assert build.parse_code(code) == expected


def test_names_are_title_cased(build):
    assert build.title("REPUBLIC_OF_THE_CONGO_") == "Republic of the Congo"
    assert build.title("HUSSEIN_II_") == "Hussein II"
    assert build.title("UN_SECRETARIAT_", acronyms=True) == "UN Secretariat"


def test_titled_forms_are_not_names(build):
    entry = {"name": "OSKAR_VELLMAN_", "aliases": ["FOREIGN_MINISTER_VELLMAN", "VELLMAN", "OSKAR_T._VELLMAN"],
             "codes": [], "comment": ""}
    assert build.person_forms(entry) == ["Oskar T. Vellman", "Oskar Vellman"]


def test_a_place_in_a_country_block_is_a_location_not_an_actor():
    place = resolve_text("Kitakyushu")
    assert place.entity_type == "location" and place.country_code == "JPN" and place.code is None


@pytest.mark.parametrize("word", ["chad", "turkey", "guinea", "kitakyushu"])
def test_lower_case_words_never_match(word):
    assert phoenix_entity([word]) is None


def test_a_common_noun_sentence_has_no_actor(nlp):
    found = mentions(nlp, "The turkey was roasted and the jordan almonds were served in the hall.")
    assert not [e for e in found.values() if e.code]


def test_a_person_only_phoenix_knows_gets_a_dated_country():
    person = resolve_text("Andrei Gromyko", dt.date(1975, 6, 1))
    assert person.entity_type == "person" and person.code == "RUS"


def test_the_gazetteer_keeps_its_people():
    """A Phoenix form of a gazetteer person resolves to the gazetteer's entity, not a second one."""
    assert resolve_text("Vladimir Vladimirovich Putin").entity_id == resolve_text("Vladimir Putin").entity_id


def test_a_generically_named_body_is_nobodys():
    """Phoenix lists "National Security Council" under the USA; the name alone does not say whose."""
    found = resolve_text("National Security Council")
    assert found is None or found.code is None


def test_a_body_named_for_its_state_acts_for_it():
    found = resolve_text("United States Department of Energy")
    assert found is not None and found.code == "USA"


def test_an_igo_from_phoenix_takes_its_short_name():
    assert resolve_text("International Labour Organization").code == "UN"


def test_an_agent_noun_titles_a_person(nlp):
    found = mentions(nlp, "Kenyan Army Chief Odhiambo Kiprono inspected the border posts on Monday.")
    person = found["Odhiambo Kiprono"]
    assert person.country_code == "KEN" and person.role.startswith("Army Chief")


def test_an_agent_with_a_nationality_is_the_state(nlp):
    found = mentions(nlp, "The Peruvian defense attache said the talks went well.")
    assert found["Peruvian"].code == "PER"


@pytest.mark.parametrize("form, code", [("Ghanaian", "GHA"), ("Togolese", "TGO"), ("Qatari", "QAT"), ("Malawian", "MWI")])
def test_nationality_adjectives_of_every_state_come_from_the_dictionary(form, code):
    assert resolve_text(form, fallback=False).country_code == code


def test_a_nationality_the_tagger_misses_still_codes_its_agent(nlp):
    from tests.conftest import events_of
    rows = events_of(nlp, "Ghanaian police fired tear gas at the crowd.", dt.date(2024, 6, 1))
    assert ("ASSAULT", "GHA") in {(r["event_type"], r["actor_code"]) for r in rows}


def test_generic_names_of_offices_many_states_have_stay_nobodys():
    for name in ("Justice Department", "Northern Command", "Pacific Fleet", "Ministry of State Security"):
        found = resolve_text(name)
        assert found is None or found.code is None, name


def test_a_non_governmental_organisation_converts_to_an_uncoded_body(build):
    entry = {"name": "SAVE_THE_REEFS_FUND_", "aliases": ["SRF"], "codes": ["NGOENV"], "comment": ""}
    assert build.ngo_rows(entry) == [{"name": "Save the Reefs Fund", "entity_type": "organization", "code": "",
                                      "role_code": "", "start": "", "end": "", "aliases": "SRF"}]
    assert build.ngo_rows({"name": "NGO_", "aliases": [], "codes": ["NGO"], "comment": ""}) == []


@pytest.mark.parametrize("text, name", [
    ("Human Rights Watch accused the army of abuses in the north.", "Human Rights Watch"),
    ("Doctors Without Borders said its clinic was shelled.", "Doctors Without Borders"),
])
def test_an_ngo_the_tagger_misses_is_an_uncoded_organisation(nlp, text, name):
    found = mentions(nlp, text)
    assert found[name].entity_type == "organization" and found[name].code is None


def test_only_whole_names_the_dictionary_holds_are_proposed(nlp):
    from pipeline.extract.entities.phoenix import untagged_bodies

    doc = nlp("Doctors Without Borders and Harbour Friends Without Limits said the port was closed.")
    assert [doc[s:e].text for s, e in untagged_bodies(doc)] == ["Doctors Without Borders"]
