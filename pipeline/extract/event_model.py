"""A learned reading of candidate triggers: which PLOVER type a verb or noun of the parse names, or none.

The rules of the event coder keep what they are good at (arguments, dates, status); this model
decides, for every verb and event-like noun the rules did not code, whether it names an event and of
which type. It is a multinomial logistic regression over the parse around the token (its lemma, the
words it governs and is governed by, auxiliaries, negation, the kind of subject) plus the field's
dictionaries as votes: the CAMEO verb dictionary read through CAMEO->PLOVER and the project's own
trigger lexicon each vote for a type, and the weight of a vote is shared by all types, so a type the
training data barely shows (PROTEST, COERCE) is still proposed where the dictionaries name it.
The spaCy pipeline's own tok2vec vectors of the token in its sentence are features too, so a word
the training data never showed is read like the words near it.

Trained by `scripts/train_event_model.py` on the `tune` part of the project's own gold set and the
news sentences of training/sentences/ with a fixed seed; the weights ship as
`pipeline/data/event_model.json`. Numpy and the installed spaCy pipeline, CPU, nothing downloaded.
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.config import event_model_path
from pipeline.extract.nominals import particle_verb, verb_forms
from pipeline.extract.required import noun_modified, object_modified
from pipeline.extract.trigger_lexicon import Pattern, load_derived, match, residual
from schemas.vocab import EVENT_TYPES

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "event_model.json"
NONE = "NONE"
CLASSES = (NONE, *EVENT_TYPES)
# "cameo_residual": a verb or noun the CAMEO dictionary lists only in a root's broad synonym block
# (190 "use conventional military force": pound, hit, bombard), a weaker vote the model weighs apart.
# "nominal": a noun made from a trigger verb by a suffix or a particle ("shelling", "detention");
# "converted": a noun that is a trigger verb unchanged ("arrest", but also "forces"), weighed apart
VOTE_SOURCES = ("cameo_pattern", "cameo_verb", "cameo_noun", "rules_verb", "rules_noun", "rules_phrase", "cameo_residual",
                "nominal", "converted")
CANDIDATE_POS = ("VERB", "NOUN")
ENTITY_LABELS = ("GPE", "NORP", "PERSON", "ORG", "FAC", "LOC")
CHILD_DEPS = ("dobj", "nsubjpass", "attr", "oprd", "xcomp", "ccomp", "prt", "dative", "agent", "acomp")
FIRST_PERSON = ("we", "i", "us", "our")


def lemma(tok) -> str:
    """The lower-case lemma; a capitalised verb at a line start that the tagger read as a proper noun
    ("Recognize the importance ...") is read as the word it is."""
    if tok.pos_ == "PROPN" and (tok.is_sent_start or tok.i == 0 or tok.nbor(-1).is_punct):
        return tok.lower_
    return tok.lemma_.lower()


def candidate_votes(tok, lexicon) -> set[tuple[str, str]] | None:
    """The dictionaries' votes on a candidate trigger (read once, for the test and the reading), or
    None when the token is no candidate. Candidates are every verb and common noun, and a proper
    noun or adjective that a dictionary names as a trigger."""
    if not tok.is_alpha or len(tok) < 3 or tok.pos_ not in (*CANDIDATE_POS, "PROPN", "ADJ"):
        return None
    found = votes(tok, lexicon)
    return found if tok.pos_ in CANDIDATE_POS or found else None


def _entity(tok) -> str | None:
    for t in tok.subtree:
        if t.ent_type_ in ENTITY_LABELS:
            return t.ent_type_
    return None


def _subject_features(subj) -> list[str]:
    out = [f"subj_dep={subj.dep_}"]
    if subj.lower_ in FIRST_PERSON:
        return [*out, "subj=first_person"]
    if subj.pos_ == "PRON":
        return [*out, "subj=pronoun"]
    kind = _entity(subj)
    return [*out, f"subj_ent={kind}" if kind else f"subj_lemma={subj.lemma_.lower()}"]


def _child_features(tok, word: str) -> list[str]:
    out: list[str] = []
    for c in tok.children:
        dep, low = c.dep_, c.lemma_.lower()
        if dep in ("nsubj", "nsubjpass", "csubj", "poss") and dep != "nsubjpass":
            out += _subject_features(c)
        if dep in CHILD_DEPS:
            out += [f"{dep}={low}", f"{word}|{dep}={low}"]
            if (kind := _entity(c)) is not None:
                out.append(f"{dep}_ent={kind}")
        elif dep == "prep":
            out += [f"prep={c.lower_}", f"{word}|prep={c.lower_}"]
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    out.append(f"{c.lower_}_obj={g.lemma_.lower()}")
                    if (kind := _entity(g)) is not None:
                        out.append(f"{c.lower_}_ent={kind}")
        elif dep in ("aux", "auxpass"):
            out.append(f"aux={c.lower_}")
        elif dep == "neg":
            out.append("negated")
        elif dep == "amod" and tok.pos_ == "NOUN":
            out.append(f"amod={low}")
    return out


def features(tok) -> list[str]:
    """The class-specific evidence of one candidate token, as feature names."""
    word = lemma(tok)
    head = tok.head
    out = [f"lemma={word}", f"pos={tok.pos_}", f"tag={tok.tag_}", f"dep={tok.dep_}",
           f"{word}|dep={tok.dep_}", f"suffix={word[-3:]}"]
    if head.i != tok.i:
        out += [f"head={head.lemma_.lower()}", f"head={head.lemma_.lower()}|{tok.dep_}", f"head_pos={head.pos_}"]
        out += [f"head_aux={c.lower_}" for c in head.children if c.dep_ in ("aux", "auxpass")]
    else:
        out.append("root")
    if tok.ent_type_:
        out.append(f"ent={tok.ent_type_}")
    out += _child_features(tok, word)
    return out


def votes(tok, lexicon) -> set[tuple[str, str]]:
    """(source, type) for each dictionary that reads this token as a trigger. `lexicon` is the event
    coder's `Lexicon` (read by attribute, not imported: the coder imports this module)."""
    word = lemma(tok)
    derived = load_derived()
    found: set[tuple[str, str]] = set()
    if tok.pos_ in ("VERB", "PROPN", "ADJ"):
        if (m := match(tok)) is not None:
            found.add(("cameo_pattern", m.reading.type))
        if (r := derived.verbs.get(word)) is not None:
            found.add(("cameo_residual" if residual(r.cameo) else "cameo_verb", r.type))
        if (entry := lexicon.verbs.get(word)) is not None:
            found.add(("rules_verb", entry.type))
        if (entry := lexicon.phrasal(tok)) is not None:
            found.add(("rules_verb", entry.type))  # a phrasal verb: "backed down"
        for c in tok.children:
            rule = lexicon.phrase_index.get((word, c.lemma_.lower()))
            if rule is not None and object_modified(c, rule):  # as the rules read it
                found.add(("rules_phrase", rule.type))
    if tok.pos_ in ("NOUN", "PROPN"):
        if (r := derived.nouns.get(word)) is not None:
            found.add(("cameo_residual" if residual(r.cameo) else "cameo_noun", r.type))
        entry = lexicon.nouns.get(word)
        if entry is not None and noun_modified(tok, entry):
            found.add(("rules_noun", entry.type))  # "a military buildup", not "a buildup of debt"
    if tok.pos_ == "NOUN":
        found |= {(source, r.type) for source, r in nominal_readings(word, lexicon)}
    return found


def nominal_readings(word: str, lexicon) -> list[tuple[str, object]]:
    """(vote source, reading) of the verb a noun is made from, where a dictionary reads that verb as
    a trigger: "converted" for the noun as it is ("arrest"), "nominal" for a suffix or a particle
    ("detention", "pullout"). A reading has a type and a mode."""
    derived = load_derived()

    def reading(verb: str):
        entry = lexicon.verbs.get(verb)
        if entry is not None and not (entry.requires_object or entry.requires_modifier or entry.requires_prep):
            return entry  # not a verb the lexicon reads only with some objects ("accepted refugees")
        r = derived.verbs.get(verb)
        return r if r is not None and not residual(r.cameo) else None

    found = [("converted", r) for r in [reading(word)] if r is not None]
    for verb in verb_forms(word):
        if (r := reading(verb)) is not None:
            return [*found, ("nominal", r)]
    if (split := particle_verb(word)) is not None:
        r = derived.patterns.get(Pattern(split[0], particle=split[1]))
        if r is not None and not residual(r.cameo):
            found.append(("nominal", r))
    return found


@functools.lru_cache(maxsize=1)
def _encoder():
    from pipeline.nlp.parse import load_model  # the pipeline named by the project's one setting

    nlp = load_model()
    return nlp.vocab, nlp.get_pipe("tok2vec")


def document_context(sents) -> dict[int, np.ndarray]:
    """The spaCy pipeline's own tok2vec vectors of each sentence's tokens (one row each), by the
    index of the sentence's first token: words the training data never showed still sit near the
    words it did. Each sentence is encoded alone, the same way in training and in a build, because
    the parse cache keeps no tensors; all in one batch (three times faster than one by one)."""
    from spacy.tokens import Doc

    vocab, tok2vec = _encoder()
    sents = list(sents)
    docs = (Doc(vocab, words=[t.text for t in s], spaces=[bool(t.whitespace_) for t in s]) for s in sents)
    return {s.start: np.asarray(d.tensor, dtype=np.float32) for s, d in zip(sents, tok2vec.pipe(docs, batch_size=256))}


def vote_matrix(found: set[tuple[str, str]]) -> np.ndarray:
    """Votes as a (sources x classes) indicator, the shape the shared weights read."""
    m = np.zeros((len(VOTE_SOURCES), len(CLASSES)), dtype=np.float32)
    for source, etype in found:
        m[VOTE_SOURCES.index(source), CLASSES.index(etype)] = 1.0
    return m


@dataclass(frozen=True)
class EventModel:
    """Weights of the trained model: one row of class weights per known feature, a class bias, one
    shared weight per dictionary, and the probability above which a type is taken."""

    index: dict[str, int]
    weights: np.ndarray  # features x classes
    bias: np.ndarray  # classes
    vote_weights: np.ndarray  # sources
    threshold: float
    trained_on: str
    context_weights: np.ndarray | None = None  # tok2vec width x classes; None in a model trained without them

    def logits(self, names: list[str], found: set[tuple[str, str]], context: np.ndarray | None = None) -> np.ndarray:
        rows = [self.index[n] for n in names if n in self.index]
        out = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        if self.context_weights is not None and context is not None:
            out = out + context @ self.context_weights
        return out + self.vote_weights @ vote_matrix(found)

    def reading(self, tok, found: set[tuple[str, str]], context: np.ndarray | None = None) -> tuple[str, float] | None:
        """The type this token names and its probability, or None when it names no event; `found`
        are the dictionaries' votes on it (`candidate_votes`), `context` its row of
        `document_context`."""
        z = self.logits(features(tok), found, context)
        p = np.exp(z - z.max())
        p /= p.sum()
        best = int(p[1:].argmax()) + 1
        return (CLASSES[best], float(p[best])) if p[best] >= self.threshold else None

    def to_json(self) -> dict:
        names = sorted(self.index, key=self.index.get)
        return {"classes": list(CLASSES), "vote_sources": list(VOTE_SOURCES), "threshold": self.threshold,
                "trained_on": self.trained_on, "bias": _rounded(self.bias),
                "vote_weights": _rounded(self.vote_weights),
                **({"context_weights": [_rounded(r) for r in self.context_weights]}
                   if self.context_weights is not None else {}),
                "weights": {n: _rounded(self.weights[self.index[n]]) for n in names}}


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(v), 4) for v in values]


class ModelFileError(ValueError):
    """The model file does not match the classes or dictionaries this code reads."""


def from_json(data: dict) -> EventModel:
    if tuple(data.get("classes", ())) != CLASSES or tuple(data.get("vote_sources", ())) != VOTE_SOURCES:
        raise ModelFileError("event model was trained for other classes or dictionaries: retrain it "
                             "with scripts/train_event_model.py")
    names = list(data["weights"])
    weights = np.array([data["weights"][n] for n in names], dtype=np.float32).reshape(len(names), len(CLASSES))
    context = data.get("context_weights")
    return EventModel({n: i for i, n in enumerate(names)}, weights, np.array(data["bias"], dtype=np.float32),
                      np.array(data["vote_weights"], dtype=np.float32), float(data["threshold"]),
                      str(data.get("trained_on", "")),
                      None if context is None else np.array(context, dtype=np.float32))


def chosen_model() -> str:
    """The model file a build uses: DIPLODATA_EVENT_MODEL, else the shipped one; "none" is no model."""
    return event_model_path() or str(MODEL_PATH)


def model_identity() -> str:
    """What the extract cache must know of the model: a digest of the chosen file, or "none"."""
    chosen = chosen_model()
    if chosen.lower() == "none":
        return "none"
    return _digest(chosen, Path(chosen).stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _digest(path: str, mtime_ns: int) -> str:  # mtime in the key: a retrained file is read again
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def load_event_model(path: str | None = None) -> EventModel | None:
    """The shipped model, or the file DIPLODATA_EVENT_MODEL names; "none" turns the model off (rules
    alone). Read once per file and version: the setting is looked up on every call, so a change of
    it in a running process is followed."""
    chosen = path or chosen_model()
    if chosen.lower() == "none":
        return None
    return read_model(chosen, Path(chosen).stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def read_model(path: str, mtime_ns: int) -> EventModel:
    """One model file as of one version (`read_model.cache_clear()` makes the next load cold)."""
    return from_json(json.loads(Path(path).read_text(encoding="utf-8")))
