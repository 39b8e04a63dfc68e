"""Stable, content-derived identifiers."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path


def stable_id(prefix: str, *parts: object, length: int = 16) -> str:
    """`prefix_` + a hex digest of the parts: same inputs, same id, in every rebuild."""
    payload = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{prefix}_{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:length]}"


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in blocks (release files reach hundreds of MB)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def row_id(prefix: str, row: dict) -> str:
    """`prefix_` + a digest of every field of the row except its own id (`prefix_id`).
    An id over a chosen few fields (offsets, type, codes) gave one id to rows that differ in
    another field; over all of them, rows that differ anywhere differ in id, and identical rows
    share one. Keys are sorted and None kept apart from "", so the id does not depend on the
    order a row was built in."""
    content = {k: v for k, v in row.items() if k != f"{prefix}_id"}
    return stable_id(prefix, json.dumps(content, sort_keys=True, default=str, ensure_ascii=False))


def unique_rows(prefix: str, rows: list[dict]) -> list[dict]:
    """One document's rows of a table, each with its content id (`prefix_id`, first column);
    identical rows are kept once, in the order first seen."""
    out, seen = [], set()
    for row in rows:
        rid = row_id(prefix, row)
        if rid not in seen:
            seen.add(rid)
            out.append({f"{prefix}_id": rid, **{k: v for k, v in row.items() if k != f"{prefix}_id"}})
    return out
