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


@contextlib.contextmanager
def publish_lock(outputs: Path):
    """Held while a release is written and renamed into place; a second publisher waits.

    Builds started by `diplodata build` already hold `build_lock`; this one also covers
    releases materialised from Dagster (UI, sensor, schedule), which do not take it. The lock
    dies with its process, so a killed publisher never blocks the next one."""
    outputs.mkdir(parents=True, exist_ok=True)
    with (outputs / ".publish.lock").open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
