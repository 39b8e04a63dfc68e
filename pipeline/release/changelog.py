"""What changed since the previous release: per table, rows added, removed and changed by stable
id, and sources added or removed. Written as CHANGELOG.md (people) and changes.json (programs)."""
from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from pipeline.printable import printable
from pipeline.release.publish import VOLATILE_COLUMNS
from schemas import TABLES
from schemas._base import primary_key



def _keyed(frame: pl.DataFrame, table: str) -> pl.DataFrame:
    """(key, row hash) per row: the primary key where the table has one, else the row itself."""
    frame = frame.drop(VOLATILE_COLUMNS, strict=False)
    hashes = frame.hash_rows(seed=0, seed_1=1, seed_2=2, seed_3=3)
    keys = primary_key(TABLES[table])
    key = frame[keys[0]].cast(pl.String) if keys else hashes.cast(pl.String)
    return pl.DataFrame({"key": key, "hash": hashes})


def table_diff(old: pl.DataFrame | None, new: pl.DataFrame, table: str) -> dict:
    new_k = _keyed(new, table)
    old_k = _keyed(old, table) if old is not None and set(new.columns) <= set(old.columns) else None
    if old_k is None:
        return {"added": new_k.height, "removed": 0, "changed": 0, "added_ids": [], "removed_ids": [],
                "changed_ids": [], "note": "no comparable table in the previous release"}
    joined = old_k.join(new_k, on="key", how="full", suffix="_new", coalesce=True)
    added = joined.filter(pl.col("hash").is_null())["key"].to_list()
    removed = joined.filter(pl.col("hash_new").is_null())["key"].to_list()
    changed = joined.filter(pl.col("hash").is_not_null() & pl.col("hash_new").is_not_null()
                            & (pl.col("hash") != pl.col("hash_new")))["key"].to_list()
    return {"added": len(added), "removed": len(removed), "changed": len(changed),
            "added_ids": sorted(added), "removed_ids": sorted(removed), "changed_ids": sorted(changed)}


def release_diff(previous: Path, frames: dict[str, pl.DataFrame]) -> dict:
    tables = {}
    for table, frame in frames.items():
        path = previous / f"{table}.parquet"
        tables[table] = table_diff(pl.read_parquet(path) if path.exists() else None, frame, table)
    old_sources = set(pl.read_parquet(previous / "documents.parquet")["source_file"].to_list())
    new_sources = set(frames["documents"]["source_file"].to_list())
    return {"previous_version": previous.name,
            "sources": {"added": sorted(new_sources - old_sources), "removed": sorted(old_sources - new_sources)},
            "tables": tables}


def changelog_markdown(version: str, diff: dict) -> str:
    lines = [f"# Changes in {version}", "", f"Compared with the previous release `{diff['previous_version']}`.", ""]
    for what in ("added", "removed"):
        files = diff["sources"][what]
        lines.append(f"- Sources {what}: {', '.join(f'`{printable(f)}`' for f in files) if files else 'none'}")
    lines += ["", "| table | added | removed | changed |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| `{t}` | {d['added']} | {d['removed']} | {d['changed']} |" for t, d in diff["tables"].items()]
    lines += ["", "Row ids of every change are in `changes.json`."]
    return "\n".join(lines) + "\n"


def write_changelog(folder: Path, frames: dict[str, pl.DataFrame], previous: Path | None, version: str) -> dict:
    """Release writer: nothing for the first release, CHANGELOG.md and changes.json after it."""
    if previous is None or not (previous / "documents.parquet").exists():
        return {}
    diff = release_diff(previous, frames)
    (folder / "changes.json").write_text(json.dumps(diff, indent=1) + "\n", encoding="utf-8")
    (folder / "CHANGELOG.md").write_text(changelog_markdown(version, diff), encoding="utf-8")
    return {"changes.json": {"table": None, "rows": None}, "CHANGELOG.md": {"table": None, "rows": None}}
