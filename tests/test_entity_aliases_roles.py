"""Roles resolved inside the document and name variants merged into one entity. Sentences and
names are invented for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.entities import resolve_entities
from pipeline.extract.entities.aliases import same_person
from pipeline.nlp.parse import load_model, parse_document

DAY = dt.date(2023, 6, 1)


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def resolved(nlp, text: str, date=DAY) -> dict:
    parsed = parse_document("t", text, date, nlp=nlp)
    de = resolve_entities(parsed)
    return {m.text: de.entities[m.entity_id] for m in de.mentions}


@pytest.mark.parametrize("a, b, same", [
    ("CQ Brown", "Charles Q. Brown Jr.", True),
    ("Mike Fenwright", "Michael Fenwright", True),
    ("Joe Ardley", "Joseph R. Ardley", True),
    ("Oleksandr Dashko", "Oleksander Dashko", True),
    ("Daniel Orrin", "Danielle Orrin", False),
    ("Mike Fenwright", "Mark Fenwright", False),
    ("CQ Brown", "Charles T. Brown", False),
    ("Anna Lintz", "Anna Lorne", False),
])
def test_name_variants(a, b, same):
    assert same_person(a.split(), b.split()) is same


def test_variants_are_one_entity_with_the_fullest_name(nlp):
    found = resolved(nlp, "Mike Fenwright said the plan was sound. Michael Fenwright later added a caveat.")
    assert found["Mike Fenwright"].entity_id == found["Michael Fenwright"].entity_id
    assert found["Mike Fenwright"].name == "Michael Fenwright"


def test_initials_merge_with_the_gazetteer_person(nlp):
    found = resolved(nlp, "CQ Brown spoke at the base. Charles Q. Brown Jr. later met the minister.")
    assert found["CQ Brown"].entity_id == found["Charles Q. Brown Jr."].entity_id


def test_a_counterpart_is_the_official_the_text_names(nlp):
    found = resolved(nlp, "Foreign Minister Yoshimasa Hayashi arrived first. Secretary of State Antony Blinken "
                          "then met his Japanese counterpart for an hour.")
    assert found["Japanese counterpart"].name == "Yoshimasa Hayashi"


def test_a_counterpart_nobody_names_is_the_state(nlp):
    found = resolved(nlp, "The envoy met his Peruvian counterpart for an hour.")
    assert found["Peruvian counterpart"].entity_type == "state" and found["Peruvian counterpart"].code == "PER"


def test_the_head_of_a_body_is_never_a_guessed_person(nlp):
    found = resolved(nlp, "The head of NATO called for calm on Tuesday.")
    assert found["The head of NATO"].entity_type == "igo" and found["The head of NATO"].code == "NATO"


def test_a_top_diplomat_named_earlier(nlp):
    found = resolved(nlp, "Foreign Minister Ana Ruvalcaba of Mexico landed on Monday. Mexico's top diplomat "
                          "then met the press.", date=dt.date(2031, 1, 1))
    assert found["Mexico's top diplomat"].name == "Ana Ruvalcaba"


def test_the_top_general_on_the_documents_date(nlp):
    found = resolved(nlp, "The Pentagon's top general warned of the risks.", date=dt.date(2021, 3, 1))
    assert found["Pentagon's top general"].name == "Mark Milley"


def addressed(nlp, text: str, state: str | None):
    parsed = parse_document("t", text, dt.date(1980, 9, 30), nlp=nlp, speaking_state=state)
    de = resolve_entities(parsed)
    return [(m.text, de.entities[m.entity_id].code) for m in de.mentions]


def test_a_speech_for_a_state_addresses_the_assembly(nlp):
    text = ("Mr. President, I congratulate you on your election. My delegation hopes this Assembly and "
            "the Organization will act. He told them: “you must act”.")
    found = addressed(nlp, text, "PER")
    assert ("Mr. President", "UNGA") in found and ("you", "UNGA") in found and ("your", "UNGA") in found
    assert ("this Assembly", "UNGA") in found and ("the Organization", "UN") in found
    assert [t for t, c in found if t == "you"] == ["you"]  # the quoted "you" is the quoted speaker's


def test_a_news_text_has_no_addressee(nlp):
    found = addressed(nlp, "Mr. President, you said the Assembly would meet.", None)
    assert not [t for t, c in found if c in ("UNGA", "UN")]


def test_plural_counterparts_are_the_state(nlp):
    found = resolved(nlp, "Foreign Minister Yoshimasa Hayashi spoke first. The envoys then met their Japanese "
                          "counterparts.")
    assert found["Japanese counterparts"].entity_type == "state"


def test_a_titled_surname_alone_is_the_one_holder_of_that_name(nlp):
    found = resolved(nlp, "Ambassador Tai met the delegation on Monday.", date=dt.date(2022, 5, 1))
    assert found["Tai"].name == "Katherine Tai"


def test_a_surname_shared_by_office_holders_stays_unresolved(nlp):
    found = resolved(nlp, "Kim warned the visitors on Monday.", date=dt.date(2019, 5, 1))
    assert found.get("Kim") is None or found["Kim"].code is None


def test_in_a_handover_year_the_office_is_the_successors():
    """A term known to end in 2024 and the next one known to start in 2024 both cover that year."""
    import datetime as dt

    from pipeline.extract.entities.gazetteer import holder_on, lexicon

    late_2024 = holder_on(lexicon(), "GBR", "National Security Adviser", dt.date(2024, 12, 1))
    in_2023 = holder_on(lexicon(), "GBR", "National Security Adviser", dt.date(2023, 6, 1))
    assert (late_2024.name, in_2023.name) == ("Jonathan Powell", "Tim Barrow")


def test_a_headline_title_without_the_article_is_its_holder(nlp):
    found = resolved(nlp, "Prime Minister Mette Vinterberg of Denmark flew to Kyiv on Friday.\n\n"
                          "- Prime Minister announces new aid for Ukraine")
    assert found["Prime Minister"].name == "Mette Vinterberg"


def test_a_title_inside_a_sentence_still_needs_its_article(nlp):
    found = resolved(nlp, "Prime Minister Mette Vinterberg of Denmark flew to Kyiv. Aides said Prime Minister "
                          "meetings were long.")
    assert "Prime Minister" not in found
