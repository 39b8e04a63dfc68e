"""The learned trigger model: its file, its features and dictionary votes, its training, and where the
coder uses it (only in sentences the rules left empty, never against negation or without a party)."""
import datetime as dt
import importlib.util
import json
import os
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import events_of
from pipeline.extract import event_model
from pipeline.extract.event_model import (CLASSES, MODEL_PATH, VOTE_SOURCES, EventModel, ModelFileError,
                                          candidate_votes, features, from_json, load_event_model, model_identity,
                                          votes)
from pipeline.extract.events import learned, load_lexicon

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2024, 5, 1)


def training_script():
    spec = importlib.util.spec_from_file_location("train_event_model", ROOT / "scripts" / "train_event_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def token(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


def test_the_shipped_model_loads_and_names_its_training():
    model = load_event_model(str(MODEL_PATH))
    assert model is not None and model.weights.shape == (len(model.index), len(CLASSES))
    assert "tune" in model.trained_on and 0 < model.threshold < 1
    assert model.vote_weights.shape == (len(VOTE_SOURCES),)


def test_a_model_file_for_other_classes_is_refused():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["classes"] = data["classes"][:-1]
    with pytest.raises(ModelFileError, match="retrain"):
        from_json(data)


def test_the_model_file_round_trips():
    model = load_event_model(str(MODEL_PATH))
    again = from_json(json.loads(json.dumps(model.to_json())))
    assert again.index == model.index and np.allclose(again.weights, model.weights, atol=1e-4)


def test_features_read_the_parse_around_the_trigger(nlp):
    names = features(token(nlp, "Japan strongly condemned the missile launch by North Korea.", "condemned"))
    assert "lemma=condemn" in names and "dobj=launch" in names and "subj_ent=GPE" in names
    assert "prep=by" not in names  # "by North Korea" hangs on the noun, not on the verb


def test_first_person_subjects_and_negation_are_features(nlp):
    names = features(token(nlp, "We will not recognize the annexation.", "recognize"))
    assert "subj=first_person" in names and "negated" in names and "aux=will" in names


def test_dictionaries_vote_for_types(nlp):
    lex = load_lexicon()
    found = votes(token(nlp, "The ministry imposed sanctions on three banks.", "imposed"), lex)
    assert ("cameo_pattern", "SANCTION") in found
    assert votes(token(nlp, "The weather was cold.", "weather"), lex) == set()


@pytest.mark.parametrize("text, word, source, etype, voted", [
    ("Dock workers launched a hunger strike on Monday.", "launched", "rules_phrase", "PROTEST", True),
    ("The air force launched a strike on the depot.", "launched", "rules_phrase", "PROTEST", False),
    ("Observers reported a military buildup near the frontier.", "buildup", "rules_noun", "MOBILIZE", True),
    ("Economists warned of a buildup of household debt.", "buildup", "rules_noun", "MOBILIZE", False),
])
def test_an_entry_that_requires_a_modifier_votes_only_with_it(nlp, text, word, source, etype, voted):
    """The model hears the project's lexicon as the rules read it: "launched a strike" is no protest
    without a word that makes it a labour or hunger strike, "a buildup" no mobilisation without forces."""
    assert ((source, etype) in votes(token(nlp, text, word), load_lexicon())) is voted


def test_candidates_are_verbs_and_nouns_not_function_words(nlp):
    lex = load_lexicon()
    doc = nlp("Officials of both sides met in Geneva on Tuesday.")
    picked = [t.text for t in doc if candidate_votes(t, lex) is not None]
    assert "met" in picked and "Officials" in picked
    assert "of" not in picked and "in" not in picked and "Geneva" not in picked


def test_a_strongly_voted_trigger_is_read_with_its_type(nlp):
    model = load_event_model(str(MODEL_PATH))
    tok = token(nlp, "Germany condemned the attack on the embassy.", "condemned")
    reading = model.reading(tok, candidate_votes(tok, load_lexicon()))
    assert reading is not None and reading[0] == "ACCUSE"


def test_an_everyday_verb_is_no_event(nlp):
    model = load_event_model(str(MODEL_PATH))
    tok = token(nlp, "The committee printed the report in blue ink.", "printed")
    assert model.reading(tok, candidate_votes(tok, load_lexicon())) is None


class Everything:
    """A stand-in model that reads every candidate as one type, to test what the coder does with it."""
    context_weights = None

    def __init__(self, etype: str = "SUPPORT"):
        self.etype = etype

    def reading(self, tok, found, context=None):
        return (self.etype, 0.9)


@pytest.fixture
def eager_model(monkeypatch):
    monkeypatch.setattr(learned, "load_event_model", lambda: Everything())


def test_the_model_adds_what_no_rule_codes(monkeypatch, nlp):
    text = "Germany lauded France."
    monkeypatch.setenv("DIPLODATA_EVENT_MODEL", "none")
    assert model_identity() == "none"
    assert events_of(nlp, text, DAY) == []
    monkeypatch.delenv("DIPLODATA_EVENT_MODEL")
    monkeypatch.setattr(learned, "load_event_model", lambda: Everything())
    rows = events_of(nlp, text, DAY)
    assert [(r["event_type"], r["actor_code"], r["recipient_code"]) for r in rows] == [("SUPPORT", "DEU", "FRA")]
    assert rows[0]["confidence"] == 0.9  # the model's probability, with both sides coded


def test_a_negated_reading_gives_no_row_even_from_the_model(nlp, eager_model):
    assert events_of(nlp, "Brazil did not applaud Chile.", DAY) == []
    assert [r["event_type"] for r in events_of(nlp, "Brazil applauded Chile.", DAY)] == ["SUPPORT"]


def test_a_model_row_needs_a_state_or_body(nlp, eager_model):
    assert events_of(nlp, "Harold Pinkerton applauded Mary Jones for her roses.", DAY) == []


def test_the_rules_keep_their_sentences(nlp, eager_model):
    """Where a rule coded the sentence, the model adds nothing to it."""
    rows = events_of(nlp, "Japan condemned China and visited the Philippines.", DAY)
    assert sorted(r["event_type"] for r in rows) == ["ACCUSE", "CONSULT"]


def test_a_model_noun_that_names_an_event_already_coded_refers_back(monkeypatch, nlp):
    monkeypatch.setattr(learned, "load_event_model", lambda: Everything("SANCTION"))
    rows = events_of(nlp, "Canada imposed sanctions on Iran. Canada's penalties on Iran worried traders.", DAY)
    assert [(r["event_type"], r["actor_code"], r["recipient_code"]) for r in rows] == [("SANCTION", "CAN", "IRN")]



@pytest.mark.parametrize("etype, pairs", [("COERCE", [("COERCE", "PER", "PER")]), ("SUPPORT", [])])
def test_a_model_row_pairs_one_state_with_its_own_person_only_where_agents_act(monkeypatch, nlp, etype, pairs):
    """The rules' pair rule holds for model rows too: a state's organ acting on its own citizen is
    a pair in the types where agents act, and praise between one state's people is no event."""
    monkeypatch.setattr(learned, "load_event_model", lambda: Everything(etype))
    rows = events_of(nlp, "Peruvian prosecutors grilled former Peruvian president Luis Ortega.", DAY)
    assert [(r["event_type"], r["actor_code"], r["recipient_code"]) for r in rows if r["trigger"] == "grilled"] == pairs


# ---------------------------------------------------------------- training

def toy(script, doc: int, names: list[str], label: int, votes=None, context=None):
    """One training example of a toy problem; no dictionary votes and a zero context unless given."""
    votes = np.zeros((len(VOTE_SOURCES), len(CLASSES)), np.float32) if votes is None else votes
    return script.Example(doc, names, votes, label, np.zeros(4, np.float32) if context is None else context)


def examples(script, rng, n: int):
    """A separable toy: the word names the class, plus noise features shared by all."""
    out = []
    for i in range(n):
        label = int(rng.integers(0, 3))
        out.append(toy(script, i % 6, [f"lemma=w{label}", f"noise={int(rng.integers(0, 5))}"], label))
    return out


def test_training_is_reproducible_and_learns_a_separable_toy():
    script = training_script()
    script.EPOCHS = 120
    data = examples(script, np.random.default_rng(0), 120)
    first, second = script.fit(data, 1e-3), script.fit(data, 1e-3)
    assert np.array_equal(first.weights, second.weights)
    p = script.probabilities(first, data)
    assert (p.argmax(axis=1) == np.array([ex.label for ex in data])).mean() > 0.95


def test_votes_carry_a_shared_weight_to_a_class_never_seen_in_training():
    """A dictionary vote is learnt on the classes the data shows and reused for the others."""
    script = training_script()
    script.EPOCHS = 150
    rng = np.random.default_rng(1)
    data = []
    for i in range(150):
        label = int(rng.integers(1, 3))  # only classes 1 and 2 occur
        v = np.zeros((len(VOTE_SOURCES), len(CLASSES)), np.float32)
        v[0, label] = 1.0
        data.append(toy(script, i % 5, [f"noise={int(rng.integers(0, 4))}"], label, votes=v))
    model = script.fit(data, 1e-3)
    unseen = np.zeros((len(VOTE_SOURCES), len(CLASSES)), np.float32)
    unseen[0, 5] = 1.0
    z = model.bias + model.vote_weights @ unseen
    assert model.vote_weights[0] > 1 and z[5] > np.delete(z, [1, 2, 5]).max()


def test_gold_triggers_are_found_at_their_syntactic_head(nlp):
    script = training_script()
    text = "Yesterday the two presidents held an official visit in Rome. Trade grew."
    doc = nlp(text)
    events = [{"event_type": "CONSULT", "trigger": "official visit", "evidence": "held an official visit in Rome"}]
    heads = script.gold_heads(doc, text, events)
    assert [doc[i].text for i in heads] == ["visit"] and list(heads.values()) == ["CONSULT"]


def test_an_edited_model_file_changes_the_cache_identity(tmp_path, monkeypatch):
    copy = tmp_path / "model.json"
    copy.write_bytes(MODEL_PATH.read_bytes())
    monkeypatch.setenv("DIPLODATA_EVENT_MODEL", str(copy))
    before = model_identity()
    data = json.loads(copy.read_text(encoding="utf-8"))
    data["threshold"] = 0.9
    copy.write_text(json.dumps(data), encoding="utf-8")
    os.utime(copy, ns=(1, 10**18))
    assert model_identity() != before
    assert event_model.chosen_model() == str(copy)


def test_a_training_sentence_labels_its_trigger_word_and_nothing_else(tmp_path):
    (tmp_path / "s.csv").write_text(
        "id,event_type,trigger,actor,recipient,sentence\n"
        'a1,SANCTION,slapped,Canada,Iran,"Canada slapped new sanctions on Iran, officials said."\n'
        'a2,NONE,,,,"Analysts said sanctions rarely change policy."\n', encoding="utf-8")
    train = training_script()
    found = train.sentence_examples(tmp_path, first_doc=100)
    labelled = [(ex.doc, CLASSES[ex.label]) for ex in found if ex.label != 0]
    assert labelled == [(100, "SANCTION")]
    assert {ex.doc for ex in found} == {100, 101}


def test_document_context_gives_one_tok2vec_row_per_token_of_each_sentence(nlp):
    doc = nlp("Talks ended on Monday. Kenya deported two Ugandan journalists on Tuesday.")
    second = list(doc.sents)[1]
    context = event_model.document_context(doc.sents)[second.start]
    assert context.shape[0] == len(second) and context.shape[1] > 0
    alone_doc = nlp("Kenya deported two Ugandan journalists on Tuesday.")
    alone = event_model.document_context([alone_doc[:]])[0]
    assert np.allclose(context, alone, atol=1e-5)  # the sentence is encoded alone, wherever it sits


def test_the_shipped_model_reads_tok2vec_and_an_older_file_still_loads():
    model = load_event_model(str(MODEL_PATH))
    assert model.context_weights is not None and model.context_weights.shape[1] == len(CLASSES)
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    del data["context_weights"]
    assert from_json(data).context_weights is None


def test_training_learns_from_the_tok2vec_rows_alone():
    """Labels that only the context vector tells apart are learnt (the dense gradient is right)."""
    script = training_script()
    script.EPOCHS = 150
    rng = np.random.default_rng(2)
    data = []
    for i in range(150):
        label = int(rng.integers(1, 3))
        context = rng.normal(0, 0.3, 4).astype(np.float32)
        context[label] += 2.0
        data.append(toy(script, i % 5, [f"noise={int(rng.integers(0, 4))}"], label, context=context))
    model = script.fit(data, 1e-3)
    p = script.probabilities(model, data)
    assert (p.argmax(axis=1) == np.array([ex.label for ex in data])).mean() > 0.95


def test_the_model_setting_is_followed_when_it_changes_in_a_running_process(monkeypatch):
    monkeypatch.setenv("DIPLODATA_EVENT_MODEL", "none")
    assert load_event_model() is None
    monkeypatch.delenv("DIPLODATA_EVENT_MODEL")
    assert load_event_model() is not None  # not the "none" read a moment ago
