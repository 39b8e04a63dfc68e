"""Publish a release atomically: write everything into a hidden temporary folder, then rename it
into place and repoint `latest`. A build that fails before the rename leaves no trace in
`releases/` that a reader would pick up, and the previous release stays `latest`."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pipeline import __version__
from pipeline.config import SCHEMA_VERSION
from pipeline.ids import file_sha256  # noqa: F401 (the release's checksums; imported from here too)
from pipeline.release.database import write_database
from pipeline.release.lock import publish_lock

DB_NAME = "diplodata.duckdb"
# When a problem was seen says nothing about the data: it must not change the release version.
VOLATILE_COLUMNS = ["detected_at"]
# Names of work in progress inside releases/: hidden, so no reader takes them for a release.
TMP_PREFIXES = (".tmp-", ".latest-")
# Fault injection for tests/test_reliability_release.py only: when this names a file, publish()
# writes the temporary folder's path there once it is complete, then sleeps before the rename,
# so the test can SIGKILL the build at the worst moment. Nothing else reads it.
PAUSE_ENV = "DIPLODATA_TEST_PAUSE_BEFORE_RENAME"


@dataclass
class Release:
    version: str
    path: Path
    created: bool  # False when identical content was already published under this version
    # what was wrong with the release of this version on disk (a deleted or altered file) that this
    # build found and rebuilt; empty when it was intact or new
    repaired: list[str] = field(default_factory=list)


def content_hash(frames: dict[str, pl.DataFrame]) -> str:
    """Hash of the table contents, so the same sources give the same release version."""
    digest = hashlib.sha256()
    for name in sorted(frames):
        frame = frames[name].drop(VOLATILE_COLUMNS, strict=False)
        digest.update(name.encode())
        digest.update(",".join(frame.columns).encode())
        digest.update(frame.hash_rows(seed=0, seed_1=1, seed_2=2, seed_3=3).sort().to_numpy().tobytes())
    return digest.hexdigest()


def release_version(frames: dict[str, pl.DataFrame], today: dt.date) -> str:
    return f"{today.isoformat()}-{content_hash(frames)[:8]}"


def releases_dir(outputs: Path) -> Path:
    return outputs / "releases"


def latest_release(outputs: Path) -> Path | None:
    latest = releases_dir(outputs) / "latest"
    return latest.resolve() if latest.exists() else None


def _point_latest(releases: Path, version: str) -> None:
    tmp = releases / f".latest-{uuid.uuid4().hex}"
    os.symlink(version, tmp)
    os.replace(tmp, releases / "latest")
    _fsync_dir(releases)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    """Flush every file of the temporary release before the rename makes it visible: after a
    power cut a visible release must hold complete files, not empty ones."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
    _fsync_dir(folder)


def remove_leftovers(releases: Path) -> list[str]:
    """Delete what a killed publisher left behind (temporary folders and links); call under
    `publish_lock`, when no other publisher can be writing them."""
    removed = []
    for path in sorted(releases.iterdir()):
        if path.name.startswith(TMP_PREFIXES):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed


def _pause_for_fault_injection(tmp: Path) -> None:
    marker = os.environ.get(PAUSE_ENV)
    if marker:
        Path(marker).write_text(str(tmp), encoding="utf-8")
        time.sleep(3600)


def write_tables(folder: Path, frames: dict[str, pl.DataFrame]) -> dict[str, dict]:
    outputs = {}
    for name, frame in frames.items():
        path = folder / f"{name}.parquet"
        frame.write_parquet(path, statistics=True)
        outputs[path.name] = {"table": name, "rows": frame.height}
    write_database(folder / DB_NAME, {name: folder / f"{name}.parquet" for name in frames})
    outputs[DB_NAME] = {"table": None, "rows": sum(f.height for f in frames.values())}
    return outputs


def manifest(version: str, inputs: list[dict], outputs: dict[str, dict], extra: dict, folder: Path) -> dict:
    files = [{"path": name, **info, "sha256": file_sha256(folder / name), "bytes": (folder / name).stat().st_size}
             for name, info in sorted(outputs.items())]
    return {
        "name": "diplodata",
        "version": version,
        "created_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": __version__,
        **extra,
        "inputs": inputs,
        "outputs": files,
    }


def publish(outputs: Path, frames: dict[str, pl.DataFrame], inputs: list[dict], extra: dict | None = None,
            writers: list | None = None, today: dt.date | None = None) -> Release:
    """Write a release of `frames`; `writers` are callables(folder, frames, previous, version) adding
    more files (see pipeline/release/extras.py)."""
    releases = releases_dir(outputs)
    with publish_lock(outputs):
        releases.mkdir(parents=True, exist_ok=True)
        remove_leftovers(releases)
        return _publish(releases, frames, inputs, extra, writers, today or dt.date.today())


def _publish(releases: Path, frames: dict[str, pl.DataFrame], inputs: list[dict], extra: dict | None,
             writers: list | None, today: dt.date) -> Release:
    version = release_version(frames, today)
    final = releases / version
    damage = release_damage(final) if final.exists() else []
    if final.exists() and not damage:  # "unchanged" only once it verifies against its manifest
        _point_latest(releases, version)
        return Release(version, final, created=False)
    previous = predecessor(final, releases) if damage else latest_release(releases.parent)
    tmp = releases / f".tmp-{version}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        written = write_tables(tmp, frames)
        for writer in writers or []:
            written.update(writer(tmp, frames, previous, version) or {})
        data = manifest(version, inputs, written, extra or {}, tmp)
        (tmp / "manifest.json").write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
        _fsync_tree(tmp)
        _pause_for_fault_injection(tmp)
        if damage:  # set the damaged copy aside only now, so a failed rebuild leaves it as it was
            os.rename(final, releases / f".tmp-damaged-{version}-{uuid.uuid4().hex[:8]}")
        os.rename(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _point_latest(releases, version)
    remove_leftovers(releases)  # the damaged copy, if any
    return Release(version, final, created=True, repaired=damage)


def release_damage(folder: Path) -> list[str]:
    """What `diplodata verify` finds wrong with a published release; [] when it is intact."""
    from pipeline.release.commands import verify_release  # commands imports this module

    return verify_release(folder)


def predecessor(folder: Path, releases: Path) -> Path | None:
    """The release a damaged one was compared with (its changes.json says), so its rebuilt
    changelog is the same; None when that cannot be read or is gone."""
    try:
        name = json.loads((folder / "changes.json").read_text(encoding="utf-8"))["previous_version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    found = releases / str(name)
    return found if str(name) == found.name and found.is_dir() and found != folder else None
