"""Build throughput, incremental cost and peak memory on a synthetic corpus.

    python benchmarks/bench.py                 # N = 100 and 1,000
    python benchmarks/bench.py --sizes 10000   # on request

The corpus recombines paragraphs of the seed articles in sources/, with names, dates and numbers
varied deterministically from --seed, so every document is new text for the caches. Each
measurement runs in its own process, so peak memory (max RSS) is that phase's alone.
Prints a table: words/second for a full build and for spaCy parsing alone (the floor cost),
seconds to add one document to a built corpus (the median of three builds, each adding one more
document), and peak memory of each.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Hayashi", "Motegi", "Kamikawa", "Iwaya", "Nakatani", "Wang", "Li", "Zhao", "Lavrov", "Shoigu",
         "Ryabkov", "Blinken", "Austin", "Rubio", "Cho", "Park", "Wong", "Marles", "Joly", "Baerbock"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ADDITIONS = 3
WORD_NUMBERS = re.compile(r"\b\d[\d,.]*\b")
MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r") \d{1,2}\b")


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted((ROOT / "sources").glob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) >= 25]
    return paragraphs


def vary(paragraph: str, rng: random.Random) -> str:
    text = WORD_NUMBERS.sub(lambda m: str(rng.randint(2, 950)), paragraph)
    text = MONTH_DAY.sub(lambda m: f"{rng.choice(MONTHS)} {rng.randint(1, 28)}", text)
    for name in ("Kishida", "Putin", "Xi", "Abe"):
        text = text.replace(name, rng.choice(NAMES)) if rng.random() < 0.5 else text
    return text


def make_corpus(folder: Path, n: int, seed: int) -> int:
    rng, paragraphs = random.Random(seed), seed_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(n):
        body = "\n\n".join(vary(p, rng) for p in rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(4, 9))))
        text = f"Synthetic article {i} of {n}\n\n{body}\n"
        (folder / f"synthetic_{i:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def run_phase(*args: str) -> tuple[float, float]:
    """(seconds, peak MiB) of one phase run in a child process (the child reports its own max RSS)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--phase", *args], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    return seconds, float(done.stdout.strip().splitlines()[-1])


def phase(args: list[str]) -> None:
    kind, src, out = args[0], Path(args[1]), Path(args[2])
    if kind == "parse":
        from pipeline.nlp.parse import load_model

        nlp = load_model()
        for path in sorted(src.glob("*.txt")):
            nlp(path.read_text(encoding="utf-8"))
    else:
        from pipeline.build import run_build

        if not run_build(src, out).success:
            raise SystemExit("build failed")
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def bench(n: int, seed: int, work: Path) -> dict:
    src, out = work / f"corpus_{n}", work / f"out_{n}"
    words = make_corpus(src, n, seed)
    parse_s, parse_mb = run_phase("parse", str(src), str(out))
    build_s, build_mb = run_phase("build", str(src), str(out))
    adds = []
    for k in range(ADDITIONS):  # one build per added document; the median resists a slow disk moment
        make_corpus(work / "extra", 1, seed + n + k)
        shutil.copy(next((work / "extra").glob("*.txt")), src / f"added_{k}.txt")
        adds.append(run_phase("build", str(src), str(out)))
        shutil.rmtree(work / "extra")
    add_s, add_mb = statistics.median(a[0] for a in adds), max(a[1] for a in adds)
    return {"documents": n, "words": words, "parse_only_words_per_s": round(words / parse_s),
            "full_build_words_per_s": round(words / build_s), "build_vs_parse": round(parse_s / build_s, 2),
            "full_build_s": round(build_s, 1), "add_one_document_s": round(add_s, 1),
            "add_one_vs_full": round(add_s / build_s, 3), "peak_mib_parse": round(parse_mb),
            "peak_mib_build": round(build_mb), "peak_mib_add_one": round(add_mb)}


def main() -> None:
    if "--phase" in sys.argv:
        sys.path.insert(0, str(ROOT))
        phase(sys.argv[sys.argv.index("--phase") + 1:])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplodata-bench-") as tmp:
        rows = [bench(n, args.seed, Path(tmp)) for n in args.sizes]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    cols = list(rows[0])
    print(" | ".join(cols))
    for row in rows:
        print(" | ".join(str(row[c]) for c in cols))


if __name__ == "__main__":
    main()
