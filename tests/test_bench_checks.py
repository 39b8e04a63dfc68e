"""The benchmark's check that a full build did all its work (benchmarks/bench.py)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import polars as pl

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_extraction_errors_counts_documents_published_without_rows(tmp_path):
    latest = tmp_path / "releases" / "latest"
    latest.mkdir(parents=True)
    pl.DataFrame({"source_file": ["a.txt", "b.txt", "c.txt"],
                  "code": ["extraction_error", "duplicate", "extraction_error"]}).write_parquet(
        latest / "source_issues.parquet")
    assert _bench().extraction_errors(tmp_path) == 2


def test_sentence_precision_and_recall_count_only_sentences_with_an_event():
    spec = importlib.util.spec_from_file_location("sentences", BENCH.parent / "sentences.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    got = module.scores(["AID", "none", "none", "ASSAULT"], ["AID", "none", "none", "none"])
    assert got["precision"] == 1.0 and got["recall"] == 0.5  # the two "none" sentences count in neither
