"""Figures probe: runs the project's figure extractor on the hand-written sentences of
`benchmarks/figures/probe.csv` and prints P/R/F1 (a found figure matches a gold one of the same
value, within 0.1%, as the shared scorer does) and unit accuracy on the matches.

    .venv/bin/python benchmarks/figures.py --part tune     # also lists misses and spurious figures
    .venv/bin/python benchmarks/figures.py --part sealed   # summary line only
    .venv/bin/python benchmarks/figures.py --part tune --probe benchmarks/figures/probe2.csv

Each sentence is one document, run as the pipeline runs it (entities resolved first,
pipeline/extract/document.py)."""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.evaluate.scoring import VALUE_TOLERANCE  # noqa: E402  the shared scorer's rule
PROBE = ROOT / "benchmarks" / "figures" / "probe.csv"


def part_of(row_id: str) -> str:
    return "tune" if int(hashlib.sha256(row_id.encode()).hexdigest()[0], 16) % 2 == 0 else "sealed"


def found_figures(sentence: str, nlp) -> list[dict]:
    from pipeline.extract.entities import resolve_entities
    from pipeline.extract.figures import extract_figures
    from pipeline.nlp.parse import parse_document

    parsed = parse_document("probe", sentence, nlp=nlp)
    parsed.entities = resolve_entities(parsed)
    return extract_figures(parsed)


def same_value(found: float, gold: float) -> bool:
    return abs(found - gold) <= VALUE_TOLERANCE * max(abs(gold), 1e-9)


def match(found: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one pairs of equal value, in sentence order."""
    pairs, free = [], list(found)
    for g in gold:
        hit = next((f for f in free if same_value(f["value"], g["value"])), None)
        if hit is not None:
            free.remove(hit)
            pairs.append((hit, g))
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=("tune", "sealed"), required=True)
    ap.add_argument("--probe", default=str(PROBE), help="probe.csv (round 1) or probe2.csv (round 2)")
    args = ap.parse_args()
    from pipeline.nlp.parse import load_model

    nlp = load_model()
    rows = [r for r in csv.DictReader(open(args.probe)) if part_of(r["id"]) == args.part]
    tp = n_found = n_gold = unit_right = 0
    report = []
    for r in rows:
        gold = json.loads(r["figures"])
        found = found_figures(r["sentence"], nlp)
        pairs = match(found, gold)
        tp, n_found, n_gold = tp + len(pairs), n_found + len(found), n_gold + len(gold)
        unit_right += sum(str(f["unit"] or "").casefold() == str(g["unit"] or "").casefold() for f, g in pairs)
        paired_f, paired_g = [id(f) for f, _ in pairs], [id(g) for _, g in pairs]
        for g in gold:
            if id(g) not in paired_g:
                report.append(f"{r['id']} MISS {g['text']!r} {g['value']} {g['unit']} | {r['sentence']}")
        for f in found:
            if id(f) not in paired_f:
                report.append(f"{r['id']} SPURIOUS {f['raw_text']!r} {f['value']} {f['kind']} {f['unit']} | {r['sentence']}")
        for f, g in pairs:
            if str(f["unit"] or "").casefold() != str(g["unit"] or "").casefold():
                report.append(f"{r['id']} UNIT {f['raw_text']!r} {f['unit']!r} != {g['unit']!r} | {r['sentence']}")
    p = tp / n_found if n_found else 0.0
    rc = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    if args.part == "tune":
        print("\n".join(report))
    print(f"{args.part}: sentences {len(rows)}  figures P {p:.3f} R {rc:.3f} F1 {f1:.3f}  "
          f"(tp {tp} found {n_found} gold {n_gold})  unit accuracy {unit_right / tp if tp else 0:.3f}")


if __name__ == "__main__":
    main()
