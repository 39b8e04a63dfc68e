"""Measure extraction quality with `diplodata evaluate` and record it in docs/quality.json, which
every release's data card quotes.

    .venv/bin/python benchmarks/quality.py [--shared ../shared]

Builds the seed articles (the loose files at the top of sources/ with its catalog.csv, copied
apart from the collections below them) and the second development set (SHARED/dev2, read in
place, never copied), scores each against its gold with the project's own scorer
(`pipeline.evaluate`, the code behind `diplodata evaluate`; codebook §9), and writes the
metrics with the exact commands and the date. It also builds the documents of the project's own
gold set (benchmarks/gold/, split into `tune` and `sealed` before any tuning) and scores each
part: the sealed part is the one to quote, since no rule was written against it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pipeline.evaluate import evaluate
from pipeline.evaluate.gold_parts import gold_copy

ROOT = Path(__file__).resolve().parent.parent
SETS = [
    ("dev", "{seeds}", "gold/dev",
     "the dev gold: 5 hand-annotated seed articles (news and analysis) the rules were developed on"),
    ("dev2", "{shared}/dev2", "gold/dev2",
     "the dev2 gold: 5 U.S. government texts of other genres (readouts, fact sheets, reaction pages), "
     "used only to measure"),
    ("own-sealed", "{own_sealed}", "benchmarks/gold/sealed",
     "the project's own sealed gold: 13 corpus documents (White House texts, UN statements) annotated "
     "by the codebook and never looked at while tuning"),
    ("own-tune", "{own_tune}", "benchmarks/gold/tune",
     "the project's own tune gold: 39 corpus documents annotated by the codebook, free to tune on"),
    ("articles-sealed", "benchmarks/articles/sources", "benchmarks/articles/gold/sealed",
     "the article probe's sealed part: 9 news, wire, official and transcript articles of other publishers, "
     "written and annotated by helpers without sight of the extractors (benchmarks/articles/README.md)"),
    ("articles-tune", "benchmarks/articles/sources", "benchmarks/articles/gold/tune",
     "the article probe's tune part: 7 more such articles, whose misses may be read"),
    ("articles2-sealed", "benchmarks/articles2/sources", "benchmarks/articles2/gold/sealed",
     "the second article probe's sealed part: 10 more such articles by four other hands, first scored on "
     "code landed before they existed (benchmarks/articles2/README.md)"),
    ("articles2-tune", "benchmarks/articles2/sources", "benchmarks/articles2/gold/tune",
     "the second article probe's tune part: 6 more such articles, whose misses may be read"),
]


def seed_copy(work: Path) -> Path:
    """The seed articles alone: the files at the top of sources/, not the collection folders."""
    seeds = work / "seeds"
    seeds.mkdir()
    for path in (ROOT / "sources").iterdir():
        if path.is_file():
            shutil.copy(path, seeds / path.name)
    return seeds


def gold_path(gold: str, shared: Path) -> Path:
    return ROOT / gold if gold.startswith("benchmarks/") else shared / gold


def build_and_score(sources: str, out: Path, gold: Path, event_model: str | None = None) -> dict:
    """Build `sources` to `out` and score it; `event_model` "none" builds with the event rules alone."""
    env = dict(os.environ, **({"DIPLODATA_EVENT_MODEL": event_model} if event_model else {}))
    build = [sys.executable, "-m", "pipeline.cli", "build", "--sources", sources, "--outputs", str(out)]
    subprocess.run(build, cwd=ROOT, check=True, capture_output=True, env=env)
    return evaluate(out, gold)


def measure(name: str, sources: str, gold: str, shared: Path, work: Path) -> dict:
    out = work / name
    result = build_and_score(sources, out, gold_path(gold, shared))
    for note in result.pop("notes"):
        print(f"{name}: {note}", file=sys.stderr)
    # the same build with the learned event model off: what the model adds to the rules
    alone = build_and_score(sources, work / f"{name}-rules", gold_path(gold, shared), "none")
    result["events_rules_alone"] = {k: alone[k] for k in ("events_type", "events_full")}
    shown_sources = {str(work / "seeds"): "<the files at the top of sources/>",
                     str(work / "own-sealed"): "<the sealed documents of benchmarks/gold/split.json>",
                     str(work / "own-tune"): "<the tune documents of benchmarks/gold/split.json>"}.get(
        sources, sources.replace(str(shared), "../shared"))
    shown_gold = gold if gold.startswith("benchmarks/") else f"../shared/{gold}"
    shown = (f".venv/bin/diplodata build --sources {shown_sources} --outputs /tmp/q-{name} && "
             f".venv/bin/diplodata evaluate {shown_gold} --release /tmp/q-{name} --json "
             f"(events_rules_alone: the same with DIPLODATA_EVENT_MODEL=none)")
    return {"set": name, "command": shown, "metrics": result}


def sentence_probe() -> list[dict]:
    """Sentence-level typing (see benchmarks/sentences.py): probe.csv's tune and sealed parts,
    probe2.csv, written later by another hand and never tuned on, and probe3.csv's parts (long
    mid-story sentences, harder than both), probe4.csv's parts (regional outlets' mid-story
    sentences, passives and events in nouns), probe5.csv's parts (idioms, events named by noun
    phrases, headline style), probe6.csv's parts (plain everyday wire sentences), probe7.csv's
    parts (longer mid-story prose of general news) and probe8.csv's parts (wire copy, half of it on
    domestic and sub-state actors); each with the event model and with the rules alone."""
    out = []
    for probe, part in (("probe.csv", "tune"), ("probe.csv", "sealed"), ("probe2.csv", "all"),
                        ("probe3.csv", "tune"), ("probe3.csv", "sealed"), ("probe4.csv", "tune"), ("probe4.csv", "sealed"),
                        ("probe5.csv", "tune"), ("probe5.csv", "sealed"), ("probe6.csv", "tune"), ("probe6.csv", "sealed"),
                        ("probe7.csv", "tune"), ("probe7.csv", "sealed"), ("probe8.csv", "tune"), ("probe8.csv", "sealed")):
        for label, model in (("rules + model", None), ("rules alone", "none")):
            env = {k: v for k, v in os.environ.items() if k != "DIPLODATA_EVENT_MODEL"}
            env.update({"DIPLODATA_EVENT_MODEL": model} if model else {})
            command = [sys.executable, str(ROOT / "benchmarks" / "sentences.py"), "--part", part, "--json",
                       "--probe", str(ROOT / "benchmarks" / "sentences" / probe)]
            done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True, env=env)
            out.append({"probe": probe, "coder": label, **json.loads(done.stdout.strip().splitlines()[-1])})
    return out


def other_probes() -> list[dict]:
    """The figures and speaker probes (benchmarks/figures.py, benchmarks/speakers.py): hand-written
    news passages split by a hash of each id; the summary line of each part, as the script prints it."""
    probes = ("probe.csv", "probe2.csv", "probe3.csv", "probe4.csv", "probe5.csv")
    runs = [("figures", "figures.py", part, probe) for probe in probes for part in ("tune", "sealed")]
    runs += [("speakers", "speakers.py", part, None) for part in ("tune", "sealed")]
    out = []
    for kind, script, part, probe in runs:
        command = [sys.executable, str(ROOT / "benchmarks" / script), "--part", part]
        command += ["--probe", str(ROOT / "benchmarks" / kind / probe)] if probe else []
        done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
        shown = f".venv/bin/python benchmarks/{script} --part {part}" + (f" --probe benchmarks/{kind}/{probe}" if probe else "")
        out.append({"probe": f"benchmarks/{kind}/{probe or 'probe.csv'}", "part": part, "command": shown,
                    "summary": done.stdout.strip().splitlines()[-1] if part == "sealed" else
                    next(line for line in done.stdout.splitlines() if line.startswith(f"{part}:"))})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    shared = args.shared.resolve()
    with tempfile.TemporaryDirectory(prefix="diplodata-quality-") as tmp:
        folders = {"shared": shared, "seeds": seed_copy(Path(tmp)), "own_sealed": gold_copy(Path(tmp), "sealed"),
                   "own_tune": gold_copy(Path(tmp), "tune")}
        measurements = [dict(measure(name, src.format(**folders), gold, shared, Path(tmp)), gold=about)
                        for name, src, gold, about in SETS]
    data = {"date": dt.date.today().isoformat(), "measurements": measurements,
            "sentence_probe": {"command": ".venv/bin/python benchmarks/sentences.py --probe benchmarks/sentences/PROBE "
                                          "--part tune|sealed|all --json",
                               "scores": sentence_probe()},
            "other_probes": other_probes()}
    (ROOT / "docs" / "quality.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    for m in measurements:
        print(m["set"], {k: m["metrics"][k]["f1"] for k in ("quotes", "quotes_speaker", "figures",
                                                           "events_type", "events_full")},
              "rules alone:", {k: v["f1"] for k, v in m["metrics"]["events_rules_alone"].items()})
    for p in data["sentence_probe"]["scores"]:
        print("sentence probe", p)
    for p in data["other_probes"]:
        print(p["probe"], p["summary"])


if __name__ == "__main__":
    main()
