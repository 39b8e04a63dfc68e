"""The parts of the project's own gold set (benchmarks/gold/split.json): which corpus documents are
`tune` (free to tune and train on) and which are `sealed` (scored only at the end of a pass)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
GOLD = ROOT / "benchmarks" / "gold"
PARTS = ("tune", "sealed")


def part_files(part: str) -> list[str]:
    """Source files (relative to sources/) of one part, in the split's order."""
    if part not in PARTS:
        raise ValueError(f"unknown gold part {part!r} (expected one of {', '.join(PARTS)})")
    split = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))
    return [row["source_file"] for row in split if row["part"] == part]


def gold_copy(work: Path, part: str, sources: Path = ROOT / "sources") -> Path:
    """A sources folder holding the documents of one part, in their folders, with their collection files."""
    folder = work / f"own-{part}"
    for name in part_files(part):
        source = sources / name
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
        for parent in source.relative_to(sources).parents:
            collection = sources / parent / "collection.yaml"
            if collection.exists():
                shutil.copy(collection, folder / parent / "collection.yaml")
    return folder
