"""One build at a time per outputs folder: a second build refuses with a clear message."""
from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path


class BuildLocked(RuntimeError):
    pass


@contextlib.contextmanager
def build_lock(outputs: Path):
    outputs.mkdir(parents=True, exist_ok=True)
    path = outputs / ".build.lock"
    handle = path.open("a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise BuildLocked(f"another build is running on {outputs} (lock {path}, held by pid "
                              f"{handle.read().strip() or '?'}); wait for it to finish and retry") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()
