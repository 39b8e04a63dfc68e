"""The last build's extracted tables, kept so that a rebuild reuses an unchanged document's rows.

A document's rows depend only on its extraction cache key (text, publication date, extractor code
and model). The corpus tables of the last build are stored with the key each document had; on the
next build a document whose key is unchanged takes its rows from them, one Parquet read for the
whole corpus, instead of unpickling its own cache file and rebuilding the frames row by row. The
result is the same frames a build from the per-document cache gives (a test compares them).

Entities are one row per entity across documents, the first document's row winning; so they are
kept per document (`_doc_id`, `_seq`) and deduplicated after assembly, in document order.
"""
from __future__ import annotations

import hashlib
import io
import json
import shutil
import uuid
from pathlib import Path

import polars as pl

from pipeline.ids import file_sha256

DOC, SEQ, POS = "_doc_id", "_seq", "_pos"
SUMS = "sums.json"


class CorpusTables:
    """The stored tables, with `sums.json` (SHA-256 of each file) written last: a set whose files
    do not match their sums (altered, truncated, from another build) is damaged, counted in
    `damaged`, and every document then comes from its own cache."""

    def __init__(self, cache_folder: Path) -> None:
        self.folder = cache_folder / "corpus"
        self.damaged = 0

    def load(self, names: tuple[str, ...]) -> tuple[dict[str, str], dict[str, pl.DataFrame]]:
        """(doc_id -> cache key, table frames) of the last build; empty when absent or damaged."""
        if not self.folder.exists():
            return {}, {}
        try:
            sums = json.loads((self.folder / SUMS).read_text(encoding="utf-8"))
            keys = self._read_checked("keys", sums)
            frames = {name: self._read_checked(name, sums) for name in names}
            return dict(zip(keys["doc_id"].to_list(), keys["key"].to_list())), frames
        except (OSError, ValueError, pl.exceptions.PolarsError):  # partial or corrupt: every document comes from its own cache
            self.damaged += 1
            return {}, {}

    def _read_checked(self, name: str, sums: dict) -> pl.DataFrame:
        """One stored table, its bytes read once: checked against its sum, then parsed."""
        data = (self.folder / f"{name}.parquet").read_bytes()
        if sums.get(f"{name}.parquet") != hashlib.sha256(data).hexdigest():
            raise ValueError(f"{name}.parquet does not match {SUMS}")
        return pl.read_parquet(io.BytesIO(data))

    def save(self, keys: dict[str, str], frames: dict[str, pl.DataFrame]) -> str | None:
        """Replace the stored tables; a crash leaves either the old set, the new one or none. Returns
        why they could not be stored (a full or read-only disk), None when they were."""
        tmp = self.folder.with_name(f"corpus.{uuid.uuid4().hex[:8]}.tmp")
        try:
            self._write(tmp, keys, frames)
        except (OSError, pl.exceptions.PolarsError) as exc:  # the next build extracts from the document cache instead
            shutil.rmtree(tmp, ignore_errors=True)
            return f"{self.folder}: {getattr(exc, 'strerror', None) or exc}"
        return None

    def _write(self, tmp: Path, keys: dict[str, str], frames: dict[str, pl.DataFrame]) -> None:
        tmp.mkdir(parents=True)
        pl.DataFrame({"doc_id": list(keys), "key": list(keys.values())},
                     schema={"doc_id": pl.String, "key": pl.String}).write_parquet(tmp / "keys.parquet")
        for name, frame in frames.items():
            frame.write_parquet(tmp / f"{name}.parquet")
        sums = {path.name: file_sha256(path) for path in sorted(tmp.glob("*.parquet"))}
        (tmp / SUMS).write_text(json.dumps(sums, indent=1), encoding="utf-8")
        old = self.folder.with_name(f"corpus.{uuid.uuid4().hex[:8]}.old")
        if self.folder.exists():
            self.folder.rename(old)
        tmp.rename(self.folder)
        shutil.rmtree(old, ignore_errors=True)
        for leftover in self.folder.parent.glob("corpus.*.tmp"):
            shutil.rmtree(leftover, ignore_errors=True)


def with_owner(frame: pl.DataFrame, doc_ids: list[str]) -> pl.DataFrame:
    """Entity rows tagged with the document that emitted them, in emission order."""
    return frame.with_columns(pl.Series(DOC, doc_ids, dtype=pl.String),
                              pl.int_range(pl.len(), dtype=pl.Int64).alias(SEQ))


def reused(stored: pl.DataFrame, doc_ids: list[str], owner: str = "doc_id") -> pl.DataFrame:
    return stored.filter(pl.col(owner).is_in(doc_ids))


def first_per_entity(tagged: pl.DataFrame, order: list[str]) -> pl.DataFrame:
    """One row per entity_id: the row of the earliest document in `order`, as a full build keeps."""
    positions = pl.DataFrame({DOC: order, POS: list(range(len(order)))},
                             schema={DOC: pl.String, POS: pl.Int64})
    return (tagged.join(positions, on=DOC, how="left").sort([POS, SEQ])
            .unique("entity_id", keep="first", maintain_order=True).drop(DOC, SEQ, POS))
