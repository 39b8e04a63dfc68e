"""A thing named by a hostile word: "Tokyo called the drills a provocation", "Seoul described the
launch as a grave threat", "Quito called Colombia's drills provocative". The naming is a criticism (PLOVER ACCUSE,
CAMEO 111 "criticize or denounce") by whoever names it, aimed at the thing's doer or owner; the
recipient comes as for any criticism (recipients.other_side). `syntax.characterised` keeps the label noun
itself from coding an event of its own ("an act of aggression" there is a word, not an attack)."""
from __future__ import annotations

from pipeline.extract.events.lexicon import HOSTILE_TYPES, Lexicon
from pipeline.extract.events.syntax import prep_objects


def hostile_label(verb, lex: Lexicon) -> bool:
    """Whether a characterising verb names its object by a hostile word of the grammar's
    `hostile_labels` or by a hostile act of the lexicon ("called the sanctions an act of war"), or a
    reporting verb says its subject is one ("said China's activities are a serious concern")."""
    g = lex.grammar
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() in g["reporting_verbs"]:
        return judged_subject(verb, lex) is not None
    return verb.lemma_.lower() in g["characterising_verbs"] and any(_hostile(label, lex) for label in _labels(verb))


def judged_subject(verb, lex: Lexicon):
    """"Japan said China's military activities are a serious concern" (or "pose the greatest strategic
    challenge"): the subject of a reported clause that calls it a hostile thing, or None."""
    if verb.lemma_.lower() not in lex.grammar["reporting_verbs"]:
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ in lex.grammar["verdict_verbs"]):
        subject = next((s for s in clause.children if s.dep_ == "nsubj"), None)
        named = [a for a in clause.children if a.dep_ in ("attr", "acomp", "dobj")]
        if subject is not None and any(_hostile(a, lex) for a in named):
            return subject
    return None


def _hostile(label, lex: Lexicon) -> bool:
    words = {label.lemma_.lower()} | {o.lemma_.lower() for o in prep_objects(label, ("of",))}
    return bool(words & lex.grammar["hostile_labels"]) \
        or any((e := lex.nouns.get(w)) is not None and e.type in HOSTILE_TYPES for w in words)


def _labels(verb) -> list:
    """What the verb names its object: "called X a provocation" (object predicate or second object),
    "described X as a threat", "called the drills provocative". A small clause the parser makes a
    clausal complement ("branded the move illegal") is not read."""
    found = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp") and c.pos_ in ("NOUN", "ADJ")]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "described the launch as a threat", the parser hanging "as" on the verb or on its object
    found += [o for head in [verb, *objects[:1]] for o in prep_objects(head, ("as",))]
    return found + objects[1:]
