"""The verb an event noun is made from, by English derivational morphology: "deployment" is deploying,
"withdrawal" withdrawing, "shelling" shelling, "crackdown" cracking down.

The rules here are suffixes of English, not words of any text: each gives the verb forms a noun can
come from, and a caller keeps only the forms its verb dictionary knows, so "comment" (no verb
"com") and "national" (no verb "nation") give nothing. A noun that is also a verb unchanged
("arrest", "raid") is a conversion, which the event model reads as a vote apart: far more such
nouns name things ("forces", "states", "orders") than acts.
"""
from __future__ import annotations

import re

from pipeline.extract.trigger_lexicon import WORD

# suffix -> the endings that may replace it, tried in this order; the longest suffix first
SUFFIXES = (
    ("ization", ("ize",)), ("isation", ("ise", "ize")), ("ification", ("ify",)),
    ("ation", ("ate", "e", "")),        # evacuation, accusation, condemnation
    ("ition", ("ite", "e", "ize")),     # extradition, imposition, recognition
    ("ulsion", ("el",)),                # expulsion
    ("ention", ("ain", "ene")),         # detention; intervention
    ("ssion", ("t", "ss")),             # admission, transmission; discussion
    ("sion", ("d", "de", "se")),        # suspension, invasion, intrusion; revision
    ("tion", ("te", "t")),              # execution; abduction, rejection
    ("ment", ("",)),                    # deployment, reinforcement
    ("ance", ("", "e")),                # acceptance, assistance
    ("ence", ("", "e")),                # interference
    ("ial", ("y",)),                    # denial
    ("al", ("", "e")),                  # withdrawal, refusal
    ("ure", ("e",)),                    # seizure, closure
    ("ery", ("er",)),                   # delivery
    ("ing", ("", "e")),                 # shelling, shooting
)
PARTICLES = ("down", "over", "out", "off", "up", "back", "in", "away")
_DOUBLED = re.compile(r"([bdgklmnprt])\1$")


def verb_forms(noun: str) -> tuple[str, ...]:
    """The verb lemmas `noun` (a lower-case lemma) may be derived from by a suffix, most likely first."""
    out: list[str] = []
    for suffix, endings in SUFFIXES:
        if not noun.endswith(suffix) or len(noun) - len(suffix) < 3:
            continue
        stem = noun[: -len(suffix)]
        for ending in endings:
            out.append(stem + ending)
        if suffix in ("ing", "ation") and _DOUBLED.search(stem):
            out.append(stem[:-1])           # kidnapping, cancellation
        break
    return tuple(dict.fromkeys(out))


def particle_verb(noun: str) -> tuple[str, str] | None:
    """A noun made of a verb and its particle ("crackdown", "handover", "build-up", "pull-out")."""
    word = noun.replace("-", "")
    for particle in PARTICLES:
        # the rest must be a verb the lexicon could hold ("กqabout" is no "กqab" + "out")
        if word.endswith(particle) and len(word) - len(particle) >= 3 and WORD.match(word[: -len(particle)]):
            return word[: -len(particle)], particle
    return None

