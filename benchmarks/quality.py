"""Measure extraction quality with the shared scorer and record it in docs/quality.json, which
every release's data card quotes.

    .venv/bin/python benchmarks/quality.py [--shared ../shared]

Builds the seed articles (the loose files at the top of sources/ with its catalog.csv, copied
apart from the collections below them) and the second development set (SHARED/dev2, read in
place, never copied), scores each against its gold with SHARED/eval/score.py, and writes the
metrics with the exact commands and the date.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = [
    ("dev", "{seeds}", "gold/dev",
     "the dev gold: 5 hand-annotated seed articles (news and analysis) the rules were developed on"),
    ("dev2", "{shared}/dev2", "gold/dev2",
     "the dev2 gold: 5 U.S. government texts of other genres (readouts, fact sheets, reaction pages), "
     "used only to measure"),
]


def seed_copy(work: Path) -> Path:
    """The seed articles alone: the files at the top of sources/, not the collection folders."""
    seeds = work / "seeds"
    seeds.mkdir()
    for path in (ROOT / "sources").iterdir():
        if path.is_file():
            shutil.copy(path, seeds / path.name)
    return seeds


def measure(name: str, sources: str, gold: str, shared: Path, work: Path) -> dict:
    out = work / name
    build = [sys.executable, "-m", "pipeline.cli", "build", "--sources", sources, "--outputs", str(out)]
    score = [sys.executable, str(shared / "eval" / "score.py"), str(out / "releases"), str(shared / gold), "--json"]
    subprocess.run(build, cwd=ROOT, check=True, capture_output=True)
    result = json.loads(subprocess.run(score, cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    result.pop("notes", None)
    shown_sources = "<the files at the top of sources/>" if sources == str(work / "seeds") else sources.replace(str(shared), "../shared")
    shown = (f".venv/bin/diplodata build --sources {shown_sources} --outputs /tmp/q-{name} && "
             f".venv/bin/python ../shared/eval/score.py /tmp/q-{name}/releases ../shared/{gold} --json")
    return {"set": name, "command": shown, "metrics": result}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    shared = args.shared.resolve()
    with tempfile.TemporaryDirectory(prefix="diplodata-quality-") as tmp:
        seeds = seed_copy(Path(tmp))
        measurements = [dict(measure(name, src.format(shared=shared, seeds=seeds), gold, shared, Path(tmp)), gold=about)
                        for name, src, gold, about in SETS]
    data = {"date": dt.date.today().isoformat(), "measurements": measurements}
    (ROOT / "docs" / "quality.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    for m in measurements:
        print(m["set"], {k: m["metrics"][k]["f1"] for k in ("quotes", "quotes_speaker", "figures",
                                                           "events_type", "events_full")})


if __name__ == "__main__":
    main()
