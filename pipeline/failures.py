"""Failures of a build's surroundings, each as one line that names the problem and its fix, and an
exit code of its own (README, `diplodata build --help`). Whatever the failure, the release is
written to a temporary folder and renamed into place only when complete, so the previous release
stays as it was; the lines say so.

A failure reaches the CLI either as an exception (raised before or around the Dagster run: the
build lock, the run history, the spaCy pipeline) or as a failed step's serialized error (raised
inside an asset: a full disk while publishing). Both are read as the chain of their causes'
"Class: message" texts, and the first known pattern decides."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import spacy_model_name

# Exit codes of `diplodata build`; 0 is a published (or verified unchanged) release.
EXIT_CODES = {
    "not_published": 1,  # a contract check or a stage failed: nothing published
    "usage": 2,          # the sources folder does not exist
    "locked": 3,         # another build holds the outputs folder
    "disk_full": 4,      # ENOSPC / EDQUOT, or SQLite's "database or disk is full"
    "not_writable": 5,   # the outputs folder (or DAGSTER_HOME) is read-only or not ours
    "run_history": 6,    # Dagster's runs.db in DAGSTER_HOME is corrupt or locked
    "spacy_model": 7,    # the spaCy pipeline DIPLODATA_SPACY_MODEL names is not installed
}

# (kind, texts that identify it), checked in order: a full disk often surfaces as a SQLite error
# of the run history, which must not be read as a corrupt history.
PATTERNS = (
    ("disk_full", ("[Errno 28]", "No space left on device", "database or disk is full", "[Errno 122]",
                   "Disk quota exceeded")),
    ("not_writable", ("[Errno 30]", "Read-only file system", "[Errno 13]", "Permission denied",
                      "[Errno 1] Operation not permitted", "attempt to write a readonly database")),
    ("spacy_model", ("[E050]", "SpacyModelMissing")),
    ("run_history", ("file is not a database", "database disk image is malformed", "database is locked",
                     "sqlite3.DatabaseError", "sqlite3.OperationalError")),
)

KEEP = "the previous release is untouched"


@dataclass
class Diagnosis:
    kind: str
    line: str

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.kind]


def exception_texts(exc: BaseException) -> list[str]:
    """"Class: message" of an exception and of every cause and context behind it."""
    texts, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        texts.append(f"{type(exc).__module__}.{type(exc).__name__}: {exc}")
        exc = exc.__cause__ or exc.__context__
    return texts


def error_info_texts(info) -> list[str]:
    """The same for a Dagster `SerializableErrorInfo` (a failed step's error, its causes)."""
    texts = []
    while info is not None:
        texts.append(f"{info.cls_name}: {info.message}")
        info = info.cause or info.context
    return texts


def kind_of(texts: list[str]) -> str | None:
    joined = "\n".join(texts)
    return next((kind for kind, marks in PATTERNS if any(mark in joined for mark in marks)), None)


def diagnose(texts: list[str], outputs: Path, dagster_home: Path | None = None) -> Diagnosis | None:
    """The one line for a known failure, None for any other (the caller reports it as it is)."""
    kind = kind_of(texts)
    if kind is None:
        return None
    home = dagster_home or outputs / ".dagster_home"
    if kind == "run_history" and (low_space(home) or low_space(outputs)):
        kind = "disk_full"  # SQLite reports a write that found no room as "disk I/O error"
    lines = {
        "disk_full": f"the disk is full (no space left) while writing to {outputs}: free some space, or pass "
                     f"--outputs on another disk, and build again; {KEEP}",
        "not_writable": f"cannot write to {outputs} (read-only or permission denied): make it writable, or pass "
                        f"--outputs with a writable folder, and build again; {KEEP}",
        "run_history": f"Dagster's run history {home / 'history' / 'runs.db'} is {history_state(texts)}: stop any "
                       f"other Dagster process on it, or move {home} aside (or set DAGSTER_HOME to an empty "
                       f"folder), and build again; {KEEP}",
        "spacy_model": f"the spaCy pipeline {spacy_model_name()!r} is not installed: run ./run.sh build (it installs the "
                       f"pinned pipeline) or set DIPLODATA_SPACY_MODEL to an installed one; {KEEP}",
    }
    return Diagnosis(kind, f"diplodata: {lines[kind]}")


# Free space under which a run-history error is taken for a full disk: a build writes more than this.
LOW_SPACE = 1 << 20


def low_space(path: Path) -> bool:
    """True when the file system holding `path` (or its nearest existing parent) is all but full."""
    path = Path(path).absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    try:
        return shutil.disk_usage(path).free < LOW_SPACE
    except OSError:
        return False


def history_state(texts: list[str]) -> str:
    return "locked by another process" if any("database is locked" in t for t in texts) else "corrupt"


class SpacyModelMissing(RuntimeError):
    """The configured spaCy pipeline cannot be loaded (checked before the run starts)."""


def check_spacy_model() -> None:
    """Before the run, that the configured pipeline can be found (an installed package, or a folder),
    so a missing one is one clear failure rather than a failed step in the middle of the build.
    Found, not loaded: the stages load it once, and a second load would cost a second copy."""
    import importlib.util

    name = spacy_model_name()
    try:
        found = name.startswith("blank:") or Path(name).exists() or (
            name.isidentifier() and importlib.util.find_spec(name) is not None)
    except (ImportError, ValueError):
        found = False
    if not found:
        raise SpacyModelMissing(f"SpacyModelMissing: no installed package or folder named {name!r}")
