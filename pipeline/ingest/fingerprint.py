"""What the sources folder holds right now, cheaply (for the sensor) and exactly (for releases)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.ingest.catalog import CATALOG_NAME
from pipeline.ingest.reader import list_sources


def quick_fingerprints(sources_dir: Path) -> dict[str, str]:
    """{source file: "size:mtime_ns"} — the rsync/make test of change, without reading contents."""
    files, _ = list_sources(sources_dir)
    out = {}
    for source in files:
        try:
            st = source.path.stat()
            out[source.name] = f"{st.st_size}:{st.st_mtime_ns}"
        except OSError:
            out[source.name] = "unreadable"
    return out


def sources_digest(sources_dir: Path) -> str:
    """SHA-256 over every source's name and bytes and the catalog: equal digests, equal inputs."""
    files, _ = list_sources(sources_dir)
    digest = hashlib.sha256()
    paths = [(s.name, s.path) for s in files] + [(CATALOG_NAME, Path(sources_dir) / CATALOG_NAME)]
    for name, path in paths:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        try:
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()
