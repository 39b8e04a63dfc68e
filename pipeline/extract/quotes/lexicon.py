"""The cue lexicon (`data/reporting_verbs.yaml`) and the text patterns every part of the quote extractor shares."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from pipeline.datafile import load_yaml

LEXICON_PATH = Path(__file__).resolve().parents[2] / "data" / "reporting_verbs.yaml"

BULLET = re.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")
MARKDOWN_LINK_TARGET = re.compile(r"\]\([^)]*\)")
SPACES = re.compile(r"\s+")
JUNK_NAME = re.compile(r"\]\(|https?:|[/\[\]*]")


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    data = load_yaml(LEXICON_PATH) or {}
    lex = {key: set(values) if isinstance(values, list) else values for key, values in data.items()}
    # the subjects of "the report found", "a study shows": asked of every verb of every quote's sentence
    lex["speaking_nouns"] = lex.get("document_nouns", set()) | lex.get("study_nouns", set())
    return lex
