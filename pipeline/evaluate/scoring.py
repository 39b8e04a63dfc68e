"""Score a release against gold annotations in the codebook's gold format (codebook §9): one JSON
file per source document, matched to the release's `documents.source_file`."""
from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from pipeline.evaluate.matching import Count, pair, share, unique
from pipeline.evaluate.words import joined, locate, word_overlap_f1, words

MEASURES = ("quotes", "quotes_speaker", "figures", "events_type", "events_full")
QUOTE_F1 = 0.8  # a predicted quote is the gold one when their words overlap at least this much (F1)
VALUE_TOLERANCE = 1e-3  # a figure's value may differ from the gold value by this share of it
COLUMNS = {
    "documents": ["doc_id", "source_file", "text"],
    "quotes": ["doc_id", "text", "speaker"],
    "figures": ["doc_id", "kind", "value", "unit", "char_start", "char_end", "sentence"],
    "events": ["doc_id", "event_type", "actor_code", "recipient_code", "event_date", "char_start", "char_end",
               "sentence"],
}


class EvaluationError(ValueError):
    """The release or the gold folder cannot be read."""


def release_folder(path: Path) -> Path:
    """The release to score, found as `query` finds it; an error when there is none."""
    from pipeline.release.commands import release_folder as find_release

    found = find_release(path)
    if found is None:
        raise EvaluationError(f"no release at {path} (no manifest.json or documents.parquet in it, its latest or releases/latest)")
    return found


def read_release(folder: Path) -> dict[str, dict[str, list[dict]]]:
    """Each table's rows grouped by doc_id (documents by source_file)."""
    tables = {}
    for name, cols in COLUMNS.items():
        frame = pl.read_parquet(folder / f"{name}.parquet", columns=cols)
        key = "source_file" if name == "documents" else "doc_id"
        grouped: dict[str, list[dict]] = {}
        for row in frame.iter_rows(named=True):
            grouped.setdefault(row[key], []).append(row)
        tables[name] = grouped
    return tables


def read_gold(gold_dir: Path) -> list[tuple[str, dict]]:
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise EvaluationError(f"no gold annotations (*.json) in {gold_dir}")
    try:
        return [(f.stem, json.loads(f.read_text(encoding="utf-8"))) for f in files]
    except ValueError as err:
        raise EvaluationError(f"a gold file in {gold_dir} is not JSON: {err}") from err


def evaluate(release: Path, gold_dir: Path) -> dict:
    """Precision, recall and F1 of each measure over all gold documents, the speaker accuracy on
    matched quotes, the unit accuracy on matched figures, and notes on gold that cannot be placed."""
    tables = read_release(release_folder(release))
    counts = {name: Count() for name in MEASURES}
    right = {"speaker": 0, "unit": 0}
    notes: list[str] = []
    for name, gold in read_gold(gold_dir):
        found = tables["documents"].get(gold.get("source_file"))
        if not found:
            notes.append(f"{name}: {gold.get('source_file')} is not in the release")
        doc = found[0] if found else {"doc_id": None, "text": ""}
        rows = {table: tables[table].get(doc["doc_id"], []) for table in ("quotes", "figures", "events")}
        right["speaker"] += score_quotes(rows["quotes"], gold.get("quotes", []), counts)
        right["unit"] += score_figures(rows["figures"], gold.get("figures", []), doc["text"] or "", counts, notes, name)
        score_events(rows["events"], gold.get("events", []), doc["text"] or "", counts, notes, name)
    result = {name: counts[name].scores() for name in MEASURES}
    result["quotes"]["speaker_accuracy"] = share(right["speaker"], counts["quotes"].matched)
    result["figures"]["unit_accuracy"] = share(right["unit"], counts["figures"].matched)
    result["notes"] = notes
    return result


def score_quotes(predicted: list[dict], gold: list[dict], counts: dict[str, Count]) -> int:
    """Counts the quote measures; returns how many matched quotes have the right speaker."""
    predicted = unique(predicted, lambda r: (joined(r["text"]), joined(r["speaker"])))

    def similarity(p: dict, g: dict) -> float:
        f1 = word_overlap_f1(p["text"], g["text"])
        return f1 if f1 >= QUOTE_F1 else 0.0

    pairs = pair(predicted, gold, similarity)
    right = sum(same_speaker(p["speaker"], g) for p, g in pairs)
    counts["quotes"].add(len(pairs), len(predicted), len(gold))
    counts["quotes_speaker"].add(right, len(predicted), len(gold))
    return right


def same_speaker(predicted: str | None, gold: dict) -> bool:
    """One name's words contain the other's ('Putin' and 'Vladimir Putin'), for the gold speaker
    or one of its `speaker_aliases`."""
    ours = set(words(predicted))
    if not ours:
        return False
    names = [gold.get("speaker"), *(gold.get("speaker_aliases") or [])]
    return any(theirs and (ours <= theirs or theirs <= ours) for theirs in (set(words(n)) for n in names))


def evidence_spans(items: list[dict], fields: tuple[str, ...], text: str, notes: list[str], where: str) -> None:
    """Place each gold item in the document by the first of `fields` found there."""
    for item in items:
        item["_spans"] = next((s for f in fields if (s := locate(item.get(f), text))), [])
        if not item["_spans"]:
            notes.append(f"{where}: evidence not in documents.text: {str(item.get(fields[0]))[:60]!r}")


def overlaps(row: dict, spans: list[tuple[int, int]]) -> bool:
    start, end = row.get("char_start"), row.get("char_end")
    return start is not None and end is not None and any(start < e and s < end for s, e in spans)


def score_figures(predicted: list[dict], gold: list[dict], text: str, counts: dict[str, Count], notes: list[str],
                  where: str) -> int:
    """Counts the figure measure; returns how many matched figures have the gold unit."""
    predicted = unique(predicted, lambda r: (r["kind"], r["value"], joined(r["sentence"])))
    gold = [dict(g) for g in gold]
    evidence_spans(gold, ("evidence", "raw_text"), text, notes, where)

    def same_figure(p: dict, g: dict) -> int:
        if p["value"] is None or p["kind"] != g.get("kind") or not overlaps(p, g["_spans"]):
            return 0
        return int(abs(p["value"] - g["value"]) <= VALUE_TOLERANCE * max(abs(g["value"]), 1e-9))

    pairs = pair(predicted, gold, same_figure)
    counts["figures"].add(len(pairs), len(predicted), len(gold))
    return sum((p["unit"] or "").casefold() == str(g.get("unit") or "").casefold() for p, g in pairs)


def code(value) -> str | None:
    return str(value).strip().upper() or None if value is not None else None


def same_date(predicted, gold: str | None, precision: str | None) -> bool:
    """Equal at the gold precision (year: 4 characters, month: 7, day: 10); any date when the gold has none."""
    if not gold:
        return True
    width = {"year": 4, "month": 7}.get(precision or "day", 10)
    return predicted is not None and str(predicted)[:width] == gold[:width]


def score_events(predicted: list[dict], gold: list[dict], text: str, counts: dict[str, Count], notes: list[str],
                 where: str) -> None:
    predicted = unique(predicted, lambda r: (r["event_type"], code(r["actor_code"]), code(r["recipient_code"]),
                                             r["event_date"], joined(r["sentence"])))
    gold = [dict(g) for g in gold]
    evidence_spans(gold, ("evidence",), text, notes, where)

    def same_type(p: dict, g: dict) -> int:
        return int(p["event_type"] == g.get("event_type") and overlaps(p, g["_spans"]))

    def same_event(p: dict, g: dict) -> int:
        return int(same_type(p, g) and code(p["actor_code"]) == code(g.get("actor_code"))
                   and code(p["recipient_code"]) == code(g.get("recipient_code"))
                   and same_date(p["event_date"], g.get("event_date"), g.get("date_precision")))

    counts["events_type"].add(len(pair(predicted, gold, same_type)), len(predicted), len(gold))
    counts["events_full"].add(len(pair(predicted, gold, same_event)), len(predicted), len(gold))
