"""The article probes (benchmarks/articles/, benchmarks/articles2/): every gold file is well formed by the same checks as
the project's own gold, its verbatim strings stand in its article, and it sits in the part the
name's hash gives it."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from benchmarks.gold.check import flat, item_problems

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
PROBES = [BENCHMARKS / "articles", BENCHMARKS / "articles2"]
GOLD = sorted(g for probe in PROBES for g in (probe / "gold").glob("*/*.json"))


@pytest.mark.parametrize("probe", PROBES, ids=lambda p: p.name)
def test_every_article_has_gold_and_a_catalog_row(probe):
    sources = {p.name for p in (probe / "sources").glob("*.txt")}
    assert {g.stem + ".txt" for g in (probe / "gold").glob("*/*.json")} == sources and len(sources) == 16
    catalog = (probe / "sources" / "catalog.csv").read_text(encoding="utf-8")
    assert all(f"\n{name}," in catalog for name in sources)


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: f"{g.parents[2].name}-{g.stem}")
def test_gold_is_well_formed_and_in_its_part(gold):
    data = json.loads(gold.read_text(encoding="utf-8"))
    source = flat((gold.parents[2] / "sources" / data["source_file"]).read_text(encoding="utf-8"))
    problems = [p for table in ("quotes", "figures", "events") for i, item in enumerate(data[table])
                for p in item_problems(table, i, item, source)]
    assert not problems
    part = "tune" if hashlib.sha256(gold.stem.encode()).digest()[0] % 2 == 0 else "sealed"
    assert gold.parent.name == part
