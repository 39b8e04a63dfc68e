"""Cleaned documents kept between corpus builds.

Cleaning (metadata inference and the furniture rules over every line) is most of the ingest
stage's time, and its result depends only on the file's name and bytes, its catalog row, its
collection and the ingest code and data; so a rebuild that adds one source cleans one source. The whole corpus is one
pickle, read once and rewritten (atomically) only when its entries change; entries of sources that
are gone are dropped."""
from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Callable

from pipeline.sealed import Damaged, read_sealed, write_sealed

ROOT = Path(__file__).resolve().parent.parent
# Everything cleaning reads: this package, the shared lexicons (furniture.yaml) and the id helpers.
CODE = ("ingest", "data", "ids.py", "config.py")


@functools.lru_cache(maxsize=1)
def ingest_version() -> str:
    digest = hashlib.sha256()
    for part in CODE:
        paths = [ROOT / part] if (ROOT / part).is_file() else sorted((ROOT / part).rglob("*"))
        for path in paths:
            if path.is_file() and path.suffix in {".py", ".yaml", ".yml", ".csv", ".txt", ".json"}:
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class DocumentCache:
    """`build(name, text, raw_sha, row, collection)` returns the cached result of `clean` for those inputs, or
    computes and keeps it. Without a path it only computes (tests, per-document partitions)."""

    def __init__(self, path: Path | None, clean: Callable) -> None:
        self.path, self.clean = path, clean
        self.damaged = 0  # 1 when the stored file failed its checksum or shape and was cleaned again
        self.disabled: str | None = None  # why the cache could not be written, if it could not
        self.old = self._load() if path else {}
        self.stored = set(self.old)
        self.used: dict[str, tuple] = {}

    def _load(self) -> dict:
        try:
            return read_sealed(self.path, valid_entries) or {}
        except Damaged:  # everything is cleaned again, and the build says so
            self.damaged = 1
            return {}

    def build(self, name: str, text: str, raw_sha: str, row: dict, collection=None) -> tuple:
        described = collection.cleaning_key() if collection else None
        key = hashlib.sha256(json.dumps([ingest_version(), name, raw_sha, row, described], sort_keys=True,
                                        default=str).encode()).hexdigest()
        if key not in self.old:
            self.old[key] = self.clean(name, text, raw_sha, row, collection)
        self.used[key] = self.old[key]
        doc, removed, issues = self.used[key]
        # callers stamp issues in place; the kept entry stays unstamped
        return (dict(doc) if doc else doc), [dict(r) for r in removed], [dict(i) for i in issues]

    def save(self) -> None:
        if not self.path or set(self.used) == self.stored:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_sealed(self.path, self.used)
        except OSError as exc:  # read-only or full: the next build cleans again, no row is lost
            self.disabled = f"{self.path}: {exc.strerror or exc}"


def valid_entries(entries) -> bool:
    """The shape the stored cache must have: key -> (documents row or None, removed, issues)."""
    return isinstance(entries, dict) and all(
        isinstance(key, str) and isinstance(value, tuple) and len(value) == 3
        and (value[0] is None or isinstance(value[0], dict)) and isinstance(value[1], list)
        and isinstance(value[2], list) for key, value in entries.items())
