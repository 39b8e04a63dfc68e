"""Choose the documents of the project's own annotated set, and split them before any tuning.

    python benchmarks/gold/choose.py > benchmarks/gold/split.json

Stratified by genre (the White House folder of each text; UN statements by decade and state), at
random with a fixed seed, among texts of at most MAX_WORDS words (whole documents are annotated,
and longer ones cost more than they teach). One in three of each collection, at random, is `sealed`:
annotated first and scored only at the end of a pass, never looked at while rules or models are
tuned. The rest is `tune`. Re-running gives the same choice; the choice is committed with the
annotations so that a later change of this script cannot move documents between the parts.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = 20261204
MAX_WORDS = 3000
# documents per stratum (White House by folder; UN by state and a 20-year span)
WHITE_HOUSE = {"statements-releases": 15, "speeches-remarks": 7, "articles": 3, "presidential-actions": 2,
               "fact-sheets": 2, "briefings-statements": 1, "releases": 1, "remarks": 0}
UN_PER_STATE_AND_SPAN = 1
UN_SPANS = [(1946, 1965), (1966, 1985), (1986, 2005), (2006, 2024)]


def words(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").split())


def strata() -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {}
    for folder, _ in WHITE_HOUSE.items():
        out[f"whitehouse/{folder}"] = sorted((ROOT / "sources/whitehouse" / folder).rglob("*.md"))
    for path in sorted((ROOT / "sources/un-general-debate").glob("*.txt")):
        state, year = re.match(r"([A-Z]{3})_\d+_(\d{4})", path.name).groups()
        span = next(f"{a}-{b}" for a, b in UN_SPANS if a <= int(year) <= b)
        out.setdefault(f"un/{state}/{span}", []).append(path)
    return out


def choose() -> list[dict]:
    rng = random.Random(SEED)
    chosen = []
    for name, paths in strata().items():
        want = WHITE_HOUSE.get(name.removeprefix("whitehouse/"), UN_PER_STATE_AND_SPAN)
        fit = [p for p in paths if words(p) <= MAX_WORDS]
        for path in rng.sample(fit, k=min(want, len(fit))):
            chosen.append({"source_file": path.relative_to(ROOT / "sources").as_posix(), "stratum": name,
                           "words": words(path), "part": "tune"})
    for collection in ("whitehouse/", "un-general-debate/"):
        members = [r for r in chosen if r["source_file"].startswith(collection)]
        for row in rng.sample(members, k=round(len(members) / 3)):
            row["part"] = "sealed"
    return sorted(chosen, key=lambda r: (r["part"], r["source_file"]))


# A second round, for training the event model: more White House texts (the genres of readouts, fact
# sheets and remarks that the model reads worst), all `tune`, none of them already chosen. The sealed
# part is not touched.
MORE_SEED = 20261205
MORE = 12
MORE_MAX_WORDS = 1500


def choose_more(existing: list[dict]) -> list[dict]:
    rng = random.Random(MORE_SEED)
    taken = {r["source_file"] for r in existing}
    pool = [p for folder in WHITE_HOUSE for p in sorted((ROOT / "sources/whitehouse" / folder).rglob("*.md"))
            if p.relative_to(ROOT / "sources").as_posix() not in taken and words(p) <= MORE_MAX_WORDS]
    return [{"source_file": p.relative_to(ROOT / "sources").as_posix(),
             "stratum": f"whitehouse/{p.relative_to(ROOT / 'sources/whitehouse').parts[0]}", "words": words(p),
             "part": "tune", "round": 2} for p in sorted(rng.sample(pool, k=MORE))]


if __name__ == "__main__":
    chosen = choose()
    if "--round2" in sys.argv:  # python benchmarks/gold/choose.py --round2 > benchmarks/gold/split.json
        chosen += choose_more(chosen)
    json.dump(chosen, sys.stdout, indent=1)
    sys.stdout.write("\n")
