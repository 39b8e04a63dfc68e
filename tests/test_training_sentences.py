"""The event model's training sentences (training/sentences/) are well-formed: known types, unique
ids, and a trigger that is a word of its sentence, so that every labelled row trains the word it
names (a trigger the script cannot find would silently train nothing)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from schemas.vocab import EVENT_TYPES

FOLDER = Path(__file__).resolve().parent.parent / "training" / "sentences"
COLUMNS = ["id", "event_type", "trigger", "actor", "recipient", "sentence"]


def rows() -> list[dict]:
    out = []
    for path in sorted(FOLDER.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            assert reader.fieldnames == COLUMNS, path.name
            out += list(reader)
    return out


def test_there_are_sentences_of_every_type():
    counts = {t: 0 for t in (*EVENT_TYPES, "NONE")}
    for row in rows():
        assert row["event_type"] in counts, row["id"]
        counts[row["event_type"]] += 1
    assert min(counts.values()) >= 30, counts


def test_ids_are_unique():
    ids = [row["id"] for row in rows()]
    assert len(ids) == len(set(ids))


def test_a_trigger_is_a_word_of_its_sentence():
    def bad(row):
        if row["event_type"] == "NONE":
            return bool(row["trigger"])
        return not re.search(rf"\b{re.escape(row['trigger'])}\b", row["sentence"])
    assert [row["id"] for row in rows() if bad(row)] == []
