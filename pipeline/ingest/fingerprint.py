"""What the sources folder holds right now, cheaply (for the sensor) and exactly (for releases)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.config import max_source_bytes
from pipeline.ingest.catalog import CATALOG_NAME
from pipeline.ingest.collections import collection_files
from pipeline.ingest.reader import is_inside, list_sources, read_bytes


def quick_fingerprints(sources_dir: Path) -> dict[str, str]:
    """{source file: "size:mtime_ns"} — the rsync/make test of change, without reading contents."""
    files, _ = list_sources(sources_dir)
    return {source.name: _stat(source.path) or "unreadable" for source in files}


def metadata_fingerprints(sources_dir: Path) -> dict[str, str]:
    """{catalog or collection file: "size:mtime_ns"}: the files that say a document's date or who
    speaks in it, which change what is extracted from bytes that did not change. No catalog is no
    metadata, not a change."""
    stats = {name: _stat(path) for name, path in metadata_paths(Path(sources_dir).resolve())}
    return {name: st for name, st in stats.items() if st is not None}


def metadata_paths(root: Path) -> list[tuple[str, Path]]:
    return [(CATALOG_NAME, root / CATALOG_NAME)] + collection_files(root)


def _stat(path: Path) -> str | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}"


def sources_digest(sources_dir: Path, max_bytes: int | None = None) -> str:
    """SHA-256 over every source's name and bytes, the catalog and the collection files: equal
    digests, equal inputs.

    Files are read the way ingest reads them (regular files inside sources/, up to the size
    limit): a FIFO must not hang the build, and a link leading out must not be read."""
    root = Path(sources_dir).resolve()
    max_bytes = max_source_bytes() if max_bytes is None else max_bytes
    files, _ = list_sources(root)
    digest = hashlib.sha256()
    paths = [(s.name, s.path) for s in files] + metadata_paths(root)
    for name, path in paths:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(_contents(path, root, max_bytes))
    return digest.hexdigest()


def _contents(path: Path, root: Path, max_bytes: int) -> bytes:
    """The file's bytes, or a stand-in saying why they were not read (and its size and mtime,
    so a file that becomes readable changes the digest)."""
    if not is_inside(path, root):
        return b"<missing>"
    data, issue = read_bytes(path, path.name, max_bytes)
    if data is not None:
        return data
    try:
        st = path.stat()
        return f"<{issue['code']}:{st.st_size}:{st.st_mtime_ns}>".encode()
    except OSError:
        return b"<missing>"
