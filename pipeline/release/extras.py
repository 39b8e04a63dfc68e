"""Files added to a release beside the tables. Each writer is called as
`writer(folder, frames, previous_release_or_None, version)` inside the temporary release folder,
before the manifest is written, and returns {file name: {"table": None, "rows": n}} for what it
wrote (or None)."""
from __future__ import annotations

RELEASE_WRITERS: list = []
