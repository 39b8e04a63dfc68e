"""Speaker attribution on short news passages, the way the shared scorer judges a quote's speaker.

    .venv/bin/python benchmarks/speakers.py [--part tune|sealed|all]

speakers/probe.csv holds passages written for this probe (wire and regional news style, invented
or real public figures), each with one target quotation and the codebook's canonical speaker (§3).
Rows are split by a fixed hash of each id into `tune` (its misses are listed) and `sealed`
(accuracy only: never change the extractor because of it). Each passage is a document of its own,
run through the pipeline's own parse, entity pass and quote extractor. A target counts as found
when an extracted quote has token-F1 >= 0.8 with it; its speaker is right when the name tokens of
one are a subset of the other's (the shared scorer's rule).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
from datetime import date
from pathlib import Path

from pipeline.evaluate.scoring import same_speaker  # the shared scorer's rules
from pipeline.evaluate.words import word_overlap_f1

HERE = Path(__file__).parent
PROBE = HERE / "speakers" / "probe.csv"
PUBLISHED = date(2025, 6, 1)


def part_of(row_id: str) -> str:
    return "tune" if hashlib.sha256(row_id.encode()).digest()[0] % 2 == 0 else "sealed"


def read_probe(part: str) -> list[dict]:
    with PROBE.open(newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if part == "all" or part_of(r["id"]) == part]


def extract(rows: list[dict]) -> list[list[dict]]:
    from pipeline.extract.entities import resolve_entities
    from pipeline.extract.quotes import extract_quotes
    from pipeline.nlp.parse import load_model, parse_document

    nlp = load_model()
    out = []
    for r in rows:
        parsed = parse_document(r["id"], r["text"], PUBLISHED, nlp=nlp)
        parsed.entities = resolve_entities(parsed)  # as pipeline.extract.document does
        out.append(extract_quotes(parsed))
    return out


def target_row(row: dict, quotes: list[dict]) -> dict | None:
    best = max(quotes, key=lambda q: word_overlap_f1(q["text"], row["quote"]), default=None)
    return best if best is not None and word_overlap_f1(best["text"], row["quote"]) >= 0.8 else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=("tune", "sealed", "all"), default="tune")
    args = ap.parse_args()
    rows = read_probe(args.part)
    found = right = 0
    misses = []
    for row, quotes in zip(rows, extract(rows)):
        hit = target_row(row, quotes)
        found += hit is not None
        ok = hit is not None and same_speaker(hit["speaker"], row)
        right += ok
        if not ok:
            misses.append((row["id"], row["speaker"], hit["speaker"] if hit else "<quote not found>"))
    n = len(rows)
    print(f"{args.part}: {n} targets, found {found}, speaker right {right}; "
          f"accuracy on found {right / found if found else 0:.3f}, overall {right / n if n else 0:.3f}")
    if args.part == "tune":  # sealed misses are never listed
        for rid, gold, pred in misses:
            print(f"  {rid}: gold {gold!r}, got {pred!r}")


if __name__ == "__main__":
    main()
