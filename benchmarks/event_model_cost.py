"""What the learned event model costs: the event coder's words/second with the model and with the
rules alone, beside the parse (spaCy + entities) that every build pays, on the tune documents of the
project's own gold set (about 41,000 words).

    .venv/bin/python benchmarks/event_model_cost.py

The issue's bar is a build at or above 0.8x parse-only words/second; this shows the model's share.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from pipeline.evaluate.gold_parts import gold_copy
from pipeline.extract.entities import resolve_entities
from pipeline.extract.event_model import load_event_model, read_model
from pipeline.extract.events import extract_events
from pipeline.ingest.corpus import ingest_corpus
from pipeline.nlp.parse import ParsedDoc, load_model, parse_text


def parsed_documents() -> tuple[list[ParsedDoc], float, int]:
    nlp = load_model()
    with tempfile.TemporaryDirectory(prefix="diplodata-cost-") as tmp:
        docs = ingest_corpus(gold_copy(Path(tmp), "tune")).documents
    start, out = time.perf_counter(), []
    for d in docs:
        p = ParsedDoc.of_row(d, parse_text(d["text"], nlp))
        p.entities = resolve_entities(p)
        out.append(p)
    return out, time.perf_counter() - start, sum(len(d["text"].split()) for d in docs)


def coder_seconds(parsed: list[ParsedDoc], model: str | None) -> tuple[float, int]:
    if model:
        os.environ["DIPLODATA_EVENT_MODEL"] = model
    else:
        os.environ.pop("DIPLODATA_EVENT_MODEL", None)
    read_model.cache_clear()  # read afresh, before the clock starts
    load_event_model()
    start = time.perf_counter()
    rows = sum(len(extract_events(p)) for p in parsed)
    return time.perf_counter() - start, rows


def main() -> None:
    parsed, parse_s, words = parsed_documents()
    print(f"{len(parsed)} documents, {words:,} words")
    print(f"{'stage':32} {'seconds':>8} {'words/s':>9} {'events':>7}")
    print(f"{'parse + entities':32} {parse_s:8.2f} {words / parse_s:9,.0f} {'':>7}")
    for label, model in (("event coder, rules alone", "none"), ("event coder, rules + model", None)):
        seconds, rows = coder_seconds(parsed, model)
        print(f"{label:32} {seconds:8.2f} {words / seconds:9,.0f} {rows:7d}")


if __name__ == "__main__":
    main()
