"""Cache files that detect their own damage.

A sealed file is a header line, the SHA-256 of the payload, and the pickled payload. Reading checks
the digest before unpickling and the shape of what comes out, so a truncated, altered or foreign
file (an entry written by hand, an older layout, a pickle of empty tables) is `Damaged`, never
trusted: the caller recomputes it and counts it. Writing is atomic (temporary file, then rename),
and a cache that cannot be written is the caller's to turn off, never a reason to lose rows."""
from __future__ import annotations

import hashlib
import os
import pickle
import uuid
from pathlib import Path
from typing import Any, Callable

MAGIC = b"diplodata-sealed-1\n"
DIGEST_LINE = 65  # 64 hex digits and a newline


class Damaged(Exception):
    """A cache file that exists but fails its checksum or its shape."""


def seal(obj: Any) -> bytes:
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def unseal(data: bytes, valid: Callable[[Any], bool]) -> Any:
    """The object sealed in `data`; `Damaged` when the header, digest or shape is wrong."""
    if not data.startswith(MAGIC):
        raise Damaged("no seal (truncated, foreign or an older layout)")
    digest, payload = data[len(MAGIC):len(MAGIC) + DIGEST_LINE], data[len(MAGIC) + DIGEST_LINE:]
    if digest != hashlib.sha256(payload).hexdigest().encode() + b"\n":
        raise Damaged("checksum mismatch")
    try:
        obj = pickle.loads(payload)
    except Exception as exc:  # a payload that passed its digest but was sealed wrong
        raise Damaged(f"unreadable payload: {type(exc).__name__}") from exc
    if not valid(obj):
        raise Damaged("wrong shape")
    return obj


def read_sealed(path: Path, valid: Callable[[Any], bool]) -> Any | None:
    """The object in `path`, None when there is no such file; `Damaged` when it cannot be trusted."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:  # unreadable counts as damaged: recompute, do not crash
        raise Damaged(f"unreadable: {exc.strerror or exc}") from exc
    return unseal(data, valid)


def write_sealed(path: Path, obj: Any) -> None:
    """Write atomically (concurrent runs may write the same entry). Raises OSError when the folder
    is not writable; callers turn their cache off then."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        with tmp.open("wb") as handle:
            handle.write(seal(obj))
        tmp.replace(path)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # a read-only folder refuses even this; there is nothing to remove then
            pass
        raise
