"""Per-document work is partitioned by source file: one dynamic partition per file in sources/."""
from __future__ import annotations

import hashlib
import re

import dagster as dg

sources_partitions = dg.DynamicPartitionsDefinition(name="sources")

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def partition_key(source_file: str) -> str:
    """A Dagster-safe key for a source file: readable, and unique by a short hash of the name.

    Dagster keys may not hold every character a file name can ("/", ",", "[", spaces, non-ASCII)."""
    readable = _UNSAFE.sub("_", source_file).strip("_.")[:80] or "source"
    return f"{readable}-{hashlib.sha256(source_file.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"
