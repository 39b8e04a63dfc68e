"""Time-aware office-holders: one gazetteer office names different people at different dates, and
the state where no holder is known. Sentences are written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.entities import resolve_entities, resolve_text
from pipeline.nlp.parse import load_model, parse_document


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def entity_at(nlp, text: str, surface: str, date: dt.date):
    parsed = parse_document("t", text, date, nlp=nlp)
    de = resolve_entities(parsed)
    found = [de.entities[m.entity_id] for m in de.mentions if m.text.endswith(surface)]
    assert found, f"no mention ending {surface!r} in {[m.text for m in de.mentions]}"
    return found[0]


@pytest.mark.parametrize("date, name", [
    (dt.date(2019, 6, 1), "Shinzo Abe"),
    (dt.date(2023, 6, 1), "Fumio Kishida"),
    (dt.date(2008, 3, 1), "Yasuo Fukuda"),
])
def test_one_office_different_people_by_date(nlp, date, name):
    text = "The Prime Minister of Japan opened the session with a short address."
    assert entity_at(nlp, text, "Prime Minister of Japan", date).name == name


def test_outside_every_term_the_office_is_the_state(nlp):
    text = "The Prime Minister of Japan opened the session with a short address."
    found = entity_at(nlp, text, "Prime Minister of Japan", dt.date(1972, 1, 1))
    assert found.entity_type == "state" and found.code == "JPN"


@pytest.mark.parametrize("text, surface, date, name", [
    ("Japan's foreign minister arrived in Canberra late on Sunday.", "foreign minister", dt.date(2018, 5, 1), "Taro Kono"),
    ("The Chinese President toured the port on Friday.", "Chinese President", dt.date(2010, 5, 1), "Hu Jintao"),
    ("Britain's top diplomat called the vote a mistake.", "top diplomat", dt.date(2015, 5, 1), "Philip Hammond"),
    ("The US defense minister met the press at noon.", "defense minister", dt.date(2016, 5, 1), "Ash Carter"),
])
def test_roles_name_the_holder_of_the_documents_date(nlp, text, surface, date, name):
    assert entity_at(nlp, text, surface, date).name == name


def test_a_later_office_holder_from_the_gazetteer():
    person = resolve_text("Ajit Doval", dt.date(2020, 1, 1))
    assert person.code == "IND" and person.role.startswith("National Security Adviser")


def test_the_soviet_union_codes_as_russia(nlp):
    found = entity_at(nlp, "The Soviet Union proposed a conference on disarmament.", "Soviet Union",
                      dt.date(1960, 1, 1))
    assert found.code == "RUS"
    assert resolve_text("USSR").code == "RUS"


def test_a_past_title_is_not_the_state(nlp):
    parsed = parse_document("t", "A former Japanese ambassador wrote the book.", dt.date(2020, 1, 1), nlp=nlp)
    de = resolve_entities(parsed)
    assert not [m for m in de.mentions if "ambassador" in m.text]


@pytest.mark.parametrize("name, code", [
    ("the UN Security Council", "UNSC"), ("the General Assembly", "UNGA"), ("the League of Arab States", "LAS"),
    ("the World Bank", "WB"), ("the United Nations", "UN"),
])
def test_intergovernmental_bodies_take_the_vocabulary_codes(name, code):
    assert resolve_text(name).code == code


def test_the_un_secretaries_general_before_2007_code_as_the_un():
    nlp = load_model()
    for day, text in ((dt.date(1990, 9, 25), "We thank Secretary-General Javier Perez de Cuellar for his report."),
                      (dt.date(2003, 9, 23), "We thank Secretary-General Kofi Annan for his report."),
                      (dt.date(1957, 9, 20), "We thank Mr. Hammarskjold for his report.")):
        parsed = parse_document("t", text, day, nlp=nlp)
        ents = resolve_entities(parsed)
        codes = {ents.entities[m.entity_id].code for m in ents.mentions}
        assert "UN" in codes, text


@pytest.mark.parametrize("text, surface, name", [
    ("Chinese coast guard personnel boarded the boats.", "coast guard", "China Coast Guard"),
    ("China's coast guard expelled the ship.", "coast guard", "China Coast Guard"),
    ("The Chilean coast guard rescued the crew.", "coast guard", "Coast Guard of Chile"),
    ("Chinese troops crossed the border.", "troops", "People's Liberation Army"),
])
def test_a_coast_guard_is_its_own_body_not_the_armed_forces(nlp, text, surface, name):
    ent = entity_at(nlp, text, surface, dt.date(2024, 6, 19))
    assert ent.name == name and ent.code in ("CHN", "CHL")
