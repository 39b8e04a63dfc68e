"""Verb lemmas the small English pipeline gets wrong.

Its lemmatizer strips a final "e" with the suffix now and then: "staged" -> "stag", "fined" ->
"fin", "hoped" -> "hop", "lambasted" -> "lambast". Every extractor matches verbs by lemma, so such
a verb is silently no trigger and no light verb. A verb whose lemma is no verb the project's
dictionaries know, while the lemma plus "e" is one that the word starts with, takes that lemma.
"""
from __future__ import annotations

import csv
import functools
from pathlib import Path

from pipeline.datafile import load_yaml

DATA = Path(__file__).resolve().parents[1] / "data"
INFLECTED = ("VBD", "VBN", "VBG", "VBZ")


@functools.lru_cache(maxsize=1)
def known_verbs() -> frozenset[str]:
    """The verbs of the trigger lexicon, its grammar lists, the CAMEO-derived lexicon and the
    quote cues."""
    triggers = load_yaml(DATA / "event_triggers.yaml")
    verbs = set(triggers["verbs"]) | {p["verb"] for p in triggers["phrases"]}
    verbs |= set(triggers["grammar"]["light_verbs"]) | set(triggers["grammar"].get("reporting_verbs", ()))
    verbs |= set(load_yaml(DATA / "reporting_verbs.yaml")["reporting_verbs"])
    with (DATA / "cameo_triggers.csv").open(encoding="utf-8") as f:
        verbs |= {row[1] for row in csv.reader(line for line in f if not line.startswith("#")) if row and row[0] == "verb"}
    return frozenset(v for v in verbs if isinstance(v, str) and " " not in v)


def repair_lemmas(doc) -> None:
    """Set the lemma of each inflected verb that lost its final "e" ("staged" -> "stage")."""
    verbs = known_verbs()
    for tok in doc:
        if tok.tag_ not in INFLECTED:
            continue
        lemma = tok.lemma_.lower()
        if lemma in verbs or lemma + "e" not in verbs or not tok.lower_.startswith(lemma + "e"):
            continue
        tok.lemma_ = lemma + "e"
