"""The trigger lexicon (`pipeline/data/event_triggers.yaml`): verbs, event nouns and verb + object
phrases with their PLOVER type and codebook mode, and the grammar word lists the rules read."""
from __future__ import annotations

import functools
from pathlib import Path

from pipeline.datafile import load_yaml


LEXICON_PATH = Path(__file__).resolve().parents[2] / "data" / "event_triggers.yaml"

# "X said Y should stop": X asks Y (codebook REQUEST: asks, appeals, demands)
REPORTED_DEMAND = {"type": "REQUEST", "mode": "appeal", "needs_recipient": True, "demand": True, "confidence": 0.55}
# "X and Y will strengthen ...": a generic verb is an event only as a promise two parties make together
JOINT_COMMITMENT = {"type": "AGREE", "mode": "promise", "reciprocal": True, "joint": True, "confidence": 0.6}

VERB_CONFIDENCE, NOUN_CONFIDENCE, PHRASE_CONFIDENCE = 0.75, 0.6, 0.7


@functools.lru_cache(maxsize=1)
def load_lexicon(path: str = str(LEXICON_PATH)) -> dict:
    with open(path, encoding="utf-8") as fh:
        lex = load_yaml(fh.read())
    lex["grammar"] = {k: (set(v) if isinstance(v, list) else v) for k, v in lex.get("grammar", {}).items()}
    lex["phrase_index"] = {}
    lex["commitment_verbs"] = set(lex.get("commitments", {}).get("verbs", []))
    for rule in lex.get("phrases", []):
        for obj in rule["object"]:
            lex["phrase_index"][(rule["verb"], obj)] = rule
    return lex
