"""Build throughput, incremental cost and peak memory on a synthetic corpus or on a real one.

    python benchmarks/bench.py                 # synthetic, N = 100 and 1,000
    python benchmarks/bench.py --sizes 10000   # on request
    python benchmarks/bench.py --corpus sources   # the real default corpus (about 1.35 M words)

The corpus recombines paragraphs of the seed articles in sources/, with names, dates and numbers
varied deterministically from --seed, so every document is new text for the caches. Each
measurement runs in its own process, so peak memory (max RSS) is that phase's alone; the build's
largest worker process (parse or extract) is reported beside it.
Prints a table: words/second for a full build and for spaCy parsing alone (the floor cost),
seconds to add one document to a built corpus (the median of three builds, each adding one more
document), peak memory of each, and how many documents the full build published without
extracted rows (extraction errors; it should be 0).

With --corpus, the folder is copied less three of its documents (the three of median size, so the
additions are ordinary ones): the full build runs on the rest, and the three are then added back
one build at a time. Parse-only time is spaCy over the cleaned texts the
build would parse (ingest itself is not counted against it), in one process like the build.
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


def run_phase(*args: str) -> tuple[float, float, float]:
    """(seconds, peak MiB, peak MiB of its largest worker) of one phase run in a child process (the
    child reports its own max RSS and its workers'); a parse phase's own ingest time is taken off
    its seconds."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--phase", *args], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    lines, worker = done.stdout.strip().splitlines(), 0.0
    for line in lines:
        if line.startswith("ingest_seconds "):
            seconds -= float(line.split()[1])
        if line.startswith("worker_peak_mib "):
            worker = float(line.split()[1])
    return seconds, float(lines[-1]), worker


def phase(args: list[str]) -> None:
    kind, src, out = args[0], Path(args[1]), Path(args[2])
    if kind == "parse":
        from pipeline.ingest.corpus import ingest_corpus
        from pipeline.nlp.parse import load_model

        started = time.perf_counter()
        texts = [d["text"] for d in ingest_corpus(src).documents]
        ingest_s = time.perf_counter() - started
        nlp = load_model()
        for text in texts:
            nlp(text)
        print(f"ingest_seconds {ingest_s}")
    else:
        from pipeline.build import run_build

        if not run_build(src, out).success:
            raise SystemExit("build failed")
    # the build's parse and extract workers are its children; each holds its own pages of the pipeline
    print(f"worker_peak_mib {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}")
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def bench(n: int, seed: int, work: Path) -> dict:
    src = work / f"corpus_{n}"
    words = make_corpus(src, n, seed)

    def add(k: int) -> None:
        make_corpus(work / "extra", 1, seed + n + k)
        shutil.copy(next((work / "extra").glob("*.txt")), src / f"added_{k}.txt")
        shutil.rmtree(work / "extra")

    return measure(src, work / f"out_{n}", n, words, add)


def bench_corpus(corpus: Path, work: Path) -> dict:
    """The real corpus less three held-back articles, which are then added one build at a time."""
    src = work / "corpus"
    shutil.copytree(corpus, src, ignore=shutil.ignore_patterns(".*"))
    files = sorted((p for p in src.rglob("*") if p.suffix in (".txt", ".md")), key=lambda p: p.stat().st_size)
    middle = len(files) // 2
    held = files[middle - 1:middle - 1 + ADDITIONS]
    keep = work / "held"
    keep.mkdir()
    for k, path in enumerate(held):
        shutil.move(path, keep / f"{k}{path.suffix}")
    held_at = {k: path for k, path in enumerate(held)}
    from pipeline.ingest.corpus import ingest_corpus

    documents = ingest_corpus(src).documents
    words = sum(d["n_words"] for d in documents)

    def add(k: int) -> None:
        shutil.move(keep / f"{k}{held_at[k].suffix}", held_at[k])

    return measure(src, work / "out", len(documents), words, add)


def measure(src: Path, out: Path, n: int, words: int, add) -> dict:
    parse_s, parse_mb, _ = run_phase("parse", str(src), str(out))
    build_s, build_mb, worker_mb = run_phase("build", str(src), str(out))
    failed = extraction_errors(out)
    adds = []
    for k in range(ADDITIONS):  # one build per added document; the median resists a slow disk moment
        add(k)
        adds.append(run_phase("build", str(src), str(out)))
    add_s, add_mb = statistics.median(a[0] for a in adds), max(a[1] for a in adds)
    return {"documents": n, "words": words, "parse_only_words_per_s": round(words / parse_s),
            "full_build_words_per_s": round(words / build_s), "build_vs_parse": round(parse_s / build_s, 2),
            "full_build_s": round(build_s, 1), "add_one_document_s": round(add_s, 1),
            "add_one_vs_full": round(add_s / build_s, 3), "peak_mib_parse": round(parse_mb),
            "peak_mib_build": round(build_mb), "peak_mib_build_worker": round(worker_mb), "peak_mib_add_one": round(add_mb), "extraction_errors": failed}


def extraction_errors(out: Path) -> int:
    """Documents the full build published without extracted rows: a speed bought by skipping work
    would not be a speed, and the CI tests never build the whole corpus."""
    import polars as pl

    issues = pl.read_parquet(out / "releases" / "latest" / "source_issues.parquet")
    return issues.filter(pl.col("code") == "extraction_error").height


def main() -> None:
    sys.path.insert(0, str(ROOT))
    if "--phase" in sys.argv:
        phase(sys.argv[sys.argv.index("--phase") + 1:])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus", type=Path, help="benchmark this sources folder instead of synthetic corpora")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplodata-bench-") as tmp:
        if args.corpus:
            rows = [bench_corpus(args.corpus.resolve(), Path(tmp))]
        else:
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
