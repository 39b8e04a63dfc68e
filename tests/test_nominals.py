"""Event nouns read through the verb they are made from (pipeline/extract/nominals.py), and the votes
the event model hears from them."""
import pytest

from pipeline.extract.event_model import candidate_votes
from pipeline.extract.events import load_lexicon
from pipeline.extract.nominals import particle_verb, verb_forms


@pytest.mark.parametrize("noun, verb", [
    ("deployment", "deploy"), ("withdrawal", "withdraw"), ("refusal", "refuse"), ("shelling", "shell"),
    ("kidnapping", "kidnap"), ("evacuation", "evacuate"), ("condemnation", "condemn"), ("seizure", "seize"),
    ("suspension", "suspend"), ("invasion", "invade"), ("abduction", "abduct"), ("mobilization", "mobilize"),
    ("extradition", "extradite"), ("expulsion", "expel"), ("detention", "detain"), ("denial", "deny"),
    ("delivery", "deliver"), ("acceptance", "accept"), ("cancellation", "cancel"), ("recognition", "recognize"),
])
def test_a_noun_gives_the_verb_it_is_made_from(noun, verb):
    assert verb in verb_forms(noun)


def test_a_word_without_a_derivational_suffix_gives_no_verb():
    assert verb_forms("country") == () and verb_forms("ring") == ()  # "ring": too short a stem to strip


@pytest.mark.parametrize("noun, split", [("crackdown", ("crack", "down")), ("handover", ("hand", "over")),
                                         ("build-up", ("build", "up")), ("pull-out", ("pull", "out"))])
def test_a_noun_of_verb_and_particle_is_split(noun, split):
    assert particle_verb(noun) == split


def test_particle_needs_a_verb_before_it():
    assert particle_verb("up") is None and particle_verb("town") is None


def test_letters_no_verb_is_made_of_give_no_split():
    # a word of mixed scripts, as text extraction leaves it, once crashed the lexicon lookup
    assert particle_verb("กqabout") is None and particle_verb("Über-out") is None


def _votes(nlp, text, word):
    tok = next(t for t in nlp(text) if t.text == word)
    return candidate_votes(tok, load_lexicon())


def test_a_noun_made_from_a_trigger_verb_votes_the_verbs_type(nlp):
    assert ("nominal", "ASSAULT") in _votes(nlp, "The shelling of Kherson went on overnight.", "shelling")
    assert ("nominal", "AID") in _votes(nlp, "The evacuation of Sudanese civilians by Saudi ships began.", "evacuation")


def test_a_noun_that_is_a_trigger_verb_unchanged_votes_apart(nlp):
    found = _votes(nlp, "The arrest of the Bolivian general was reported at noon.", "arrest")
    assert ("converted", "COERCE") in found and not any(source == "nominal" for source, _ in found)


def test_a_noun_from_a_verb_read_only_with_some_objects_gives_no_vote(nlp):
    # the lexicon reads "accept" only with refugees or asylum seekers as object: no vote for "acceptance"
    found = _votes(nlp, "The acceptance of the offer surprised the board.", "acceptance")
    assert not any(source in ("nominal", "converted") for source, _ in found)


def test_an_ordinary_noun_gets_no_derived_vote(nlp):
    found = _votes(nlp, "The national museum reopened its building.", "building")
    assert not any(source in ("nominal", "converted") for source, _ in found)
