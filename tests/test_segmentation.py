"""Sentence starts the line-break component forces, on texts written for the tests."""
import pytest

from pipeline.nlp.parse import load_model, parse_text


@pytest.fixture(scope="module")
def sents():
    nlp = load_model()
    return lambda text: [s.text.strip() for s in parse_text(text, nlp).sents]


def test_each_line_of_an_unwrapped_list_is_its_own_sentence(sents):
    text = "Key outcomes\nLower tariffs on steel\nA joint fund for ports"
    assert sents(text) == ["Key outcomes", "Lower tariffs on steel", "A joint fund for ports"]


def test_a_lower_case_word_after_an_open_line_continues_the_sentence(sents):
    text = ("-   Minister Ito:\n    “The ministers had a very\n    frank and detailed exchange of views.”\n"
            "-   Minister Sato:\n    “We will meet again soon.”")
    assert any(s.startswith("“The ministers had a very\n    frank and detailed exchange") for s in sents(text))


def test_a_line_that_ends_a_sentence_still_ends_it(sents):
    text = "The talks ended.\nofficials left the building after midnight"
    assert len(sents(text)) == 2
