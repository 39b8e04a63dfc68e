"""Time and peak memory on single long or hostile documents (issue 18: no document may stall a build).

    python benchmarks/stall.py                  # 1 MB and 5 MB of prose, two 200,000-character runs
    python benchmarks/stall.py --sizes 1 2 5    # other prose sizes, in MB

Prose: sentences of the UN General Debate statements in sources/un-general-debate, recombined
deterministically (--seed) into paragraphs of three to eight sentences, one paragraph a line, as
the corpus writes them, so the text is varied and none of it repeats a whole statement.
Each measurement runs in its own process, so its peak memory (max RSS, the spaCy pipeline
included) is that measurement's alone. Prints one row per document: characters, seconds, characters
per second and peak MiB; for prose, the parse (what the parse stage does); for the runs without
spaces, also every extractor on the parse (`extract_document`, what the extract stage does with
the cached parse), which must finish in under 5 s.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEECHES = ROOT / "sources" / "un-general-debate"
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
MB = 1_000_000
NO_SPACE_CHARS = 200_000
# Runs without a space: letters, and address-like characters (what the e-mail pattern used to
# rescan from every character: 98 s for 200,000 of them).
NO_SPACE_UNITS = {"letters": "Japan", "address-like": "a1@b.c-"}


def sentences() -> list[str]:
    found = []
    for path in sorted(SPEECHES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            found += [s.strip() for s in SENTENCE.split(line) if len(s.split()) >= 5]
    return found


def prose(size: int, seed: int) -> str:
    rng, pool, lines, total = random.Random(seed), sentences(), [], 0
    while total < size:
        line = " ".join(rng.choice(pool) for _ in range(rng.randint(3, 8)))
        lines.append(line)
        total += len(line.encode("utf-8")) + 1
    return "\n".join(lines)[:size].rsplit(" ", 1)[0] + ".\n"


def no_spaces(unit: str) -> str:
    return (unit * (NO_SPACE_CHARS // len(unit) + 1))[:NO_SPACE_CHARS]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def child(kind: str, arg: str, seed: int) -> dict:
    """One measurement, in this (fresh) process."""
    sys.path.insert(0, str(ROOT))
    from pipeline.nlp.parse import load_model, parse_document

    text = prose(int(float(arg) * MB), seed) if kind == "prose" else no_spaces(NO_SPACE_UNITS[arg])
    nlp = load_model()
    nlp("Warm up the pipeline once.")
    started = time.perf_counter()
    parsed = parse_document("stall", text, nlp=nlp)  # parse_text: in pieces above PIECE_CHARS
    assert parsed.doc.text == text
    parse_seconds, extract_seconds = time.perf_counter() - started, None
    if kind == "no_spaces":  # what the extract stage does with the cached parse
        from pipeline.extract.document import extract_document

        started = time.perf_counter()
        extract_document(parsed)
        extract_seconds = round(time.perf_counter() - started, 2)
    return {"kind": kind, "arg": arg, "chars": len(text), "words": len(text.split()), "tokens": len(parsed.doc),
            "parse_seconds": round(parse_seconds, 2), "extract_seconds": extract_seconds, "peak_mib": round(peak_mib())}


def measure(kind: str, arg: str, seed: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, arg, "--seed", str(seed)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", nargs="*", type=float, default=[1, 5], help="prose sizes in MB")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(*args.child, args.seed)))
        return
    rows = [measure("prose", str(size), args.seed) for size in args.sizes]
    rows += [measure("no_spaces", name, args.seed) for name in NO_SPACE_UNITS]
    print("| document | characters | words | tokens | parse s | characters/s parsed | extract s | peak MiB |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        what = f"{r['arg']} MB prose" if r["kind"] == "prose" else f"{r['arg']} run without spaces"
        extract = "" if r["extract_seconds"] is None else r["extract_seconds"]
        print(f"| {what} | {r['chars']:,} | {r['words']:,} | {r['tokens']:,} | {r['parse_seconds']} "
              f"| {r['chars'] / max(r['parse_seconds'], 1e-9):,.0f} | {extract} | {r['peak_mib']:,} |")
    prose_rows = [r for r in rows if r["kind"] == "prose"]
    if len(prose_rows) >= 2:
        a, b = prose_rows[0], prose_rows[-1]
        print(f"\nparse time ratio {b['parse_seconds'] / a['parse_seconds']:.2f} for size ratio {b['chars'] / a['chars']:.2f} "
              f"(linear: equal); peak memory {b['peak_mib']:,} MiB at {b['chars']:,} characters")


if __name__ == "__main__":
    main()
