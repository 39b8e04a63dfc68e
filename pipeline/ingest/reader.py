"""Find and read source files without ever leaving `sources/`.

Every problem becomes an issue dict (`source_file`, `code`, `message`); the
caller stamps `detected_at`. Nothing here raises on bad input.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import allow_hard_links

CATALOG_NAME = "catalog.csv"
COLLECTION_NAME = "collection.yaml"
# Suffix (lower case) of each source format ingest reads; every other file is reported.
FORMATS = {".txt": "text", ".md": "markdown"}

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters other than tab, LF, VT, FF, CR: text files do not have them.
CONTROL = {chr(c) for c in range(32)} - set("\t\n\x0b\x0c\r")
MAX_CONTROL_SHARE = 0.01
# Legacy encodings: charset-normalizer's guess is used only when its decoded text has at most this
# "chaos" (its measure of mess: odd symbols, mixed scripts); 0.2 is its own, looser, default.
MAX_CHAOS = 0.1
# When several encodings read the bytes equally well, Windows-1252 wins: it is the usual legacy
# encoding of English and Western European text (Latin-1's superset for letters).
PREFERRED_LEGACY = "cp1252"


@dataclass(frozen=True)
class Source:
    """A `*.txt` or `*.md` found under the sources folder: `name` is its posix path relative to it."""

    name: str
    path: Path
    # (device, inode) when listed: the file read must be this one (see `read_bytes`)
    identity: tuple[int, int] | None = None


def source_format(name: str) -> str | None:
    """"text", "markdown", or None for a file that is not a source."""
    return FORMATS.get(Path(name).suffix.lower())


@dataclass
class ReadResult:
    text: str | None
    raw_sha256: str | None
    issue: dict | None
    encoding: str | None = None  # what the bytes were decoded as (e.g. "utf-8", "cp1252")


def make_issue(source_file: str, code: str, message: str) -> dict:
    return {"source_file": source_file, "code": code, "message": message}


def is_inside(path: Path, root: Path) -> bool:
    """True when `path` (a link or not) resolves to a place under `root` (already resolved)."""
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):
        return False


def display_name(rel: str) -> str:
    """A file name fit for a table even when the OS name is not valid UTF-8."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _walk(root: Path):
    """(directory, sorted subdirectory names, sorted file names), without following links.
    Hidden folders (.git, .cache) are not entered; hidden files are listed for the caller."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        yield Path(dirpath), dirnames, sorted(filenames)


def _check_link(path: Path, rel: str, root: Path) -> dict | None:
    if path.is_symlink() and not is_inside(path, root):
        return make_issue(rel, "symlink_outside",
                          "symbolic link points outside the sources folder (or nowhere); not followed")
    return None


def _hidden(name: str, rel: str) -> dict | None:
    # Editor and OS droppings (".#a.txt", "._a.txt") are not articles, but a skipped *.txt is
    # still reported: bad input is never dropped silently.
    if name.startswith("."):
        return make_issue(rel, "bad_name", "hidden file (name starts with a dot): not read; "
                                           "rename it without the dot to include it")
    return None


def is_metadata_file(rel: str) -> bool:
    """The catalog (top level) and collection files (any folder) describe sources; they are none."""
    return rel == CATALOG_NAME or Path(rel).name == COLLECTION_NAME


def _unsupported(rel: str) -> dict:
    kind = f"a {Path(rel).suffix} file" if Path(rel).suffix else "a file without a suffix"
    hint = " (only the catalog.csv at the top of sources/ is read as the catalog)" \
        if Path(rel).name == CATALOG_NAME else "; convert it to one of those to include it"
    formats = " or ".join(f"*{suffix}" for suffix in FORMATS)
    return make_issue(rel, "unsupported_format", f"{kind} is not a source format ({formats}): not read{hint}")


def _file_issue(name: str, rel: str, path: Path, root: Path) -> dict | None:
    """Why a listed file is not a source, or None when it is one. Hidden files of other formats
    (.DS_Store, .gitkeep) are OS and tool droppings: skipped without a word, as before."""
    if source_format(name) is None:
        return None if name.startswith(".") else (_check_link(path, rel, root) or _unsupported(rel))
    return _hidden(name, rel) or _check_link(path, rel, root)


def list_sources(sources_dir: Path) -> tuple[list[Source], list[dict]]:
    """All `*.txt` and `*.md` under `sources_dir` in sorted order, and issues for links leading
    out, hidden files and files of other formats (the catalog and collection files excepted)."""
    root = Path(sources_dir).resolve()
    found, issues = [], []
    for folder, dirnames, filenames in _walk(root):
        for d in dirnames:  # os.walk lists linked folders but does not enter them
            rel = (folder / d).relative_to(root).as_posix()
            issue = _check_link(folder / d, display_name(rel), root)
            if issue:
                issues.append(issue)
        for f in filenames:
            path = folder / f
            rel = display_name(path.relative_to(root).as_posix())
            if is_metadata_file(rel):
                continue
            issue = _file_issue(f, rel, path, root)
            if issue:
                issues.append(issue)
            elif source_format(f):
                found.append(listed_source(rel, path))
    found.sort(key=lambda s: s.name)
    return found, issues


def listed_source(rel: str, path: Path) -> Source:
    """The Source of a listed file, with the identity it has now. A link (one inside sources/; links
    leading out were refused above) is read at its target, so the read never follows a link."""
    try:
        real = Path(os.path.realpath(path)) if path.is_symlink() else path
        info = os.stat(real, follow_symlinks=False)
    except OSError:  # gone already: reading it reports why
        return Source(rel, path)
    return Source(rel, real, (info.st_dev, info.st_ino))


def read_bytes(path: Path, name: str, max_bytes: int,
               identity: tuple[int, int] | None = None) -> tuple[bytes | None, dict | None]:
    """At most `max_bytes` bytes of a regular file; an issue instead when that is not possible.
    With the `identity` a listed source had, the file is opened without following a link and
    must still be that file: one swapped since the listing is refused, not read."""
    # O_NONBLOCK: opening a FIFO must not hang the run; it has no effect on regular files.
    flags = os.O_RDONLY | os.O_NONBLOCK | (os.O_NOFOLLOW if identity is not None else 0)
    try:
        with os.fdopen(os.open(path, flags), "rb") as fh:
            info = os.fstat(fh.fileno())
            issue = _handle_issue(info, name, max_bytes, identity)
            if issue:
                return None, issue
            data = fh.read(max_bytes + 1)  # the file may have grown since fstat
    except OSError as exc:
        if exc.errno == errno.ELOOP and identity is not None:
            return None, _changed(name, "it is now a symbolic link")
        return None, make_issue(name, "unreadable", f"cannot read file: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return None, _too_large(name, len(data), max_bytes)
    return data, None


def _handle_issue(info: os.stat_result, name: str, max_bytes: int, identity: tuple[int, int] | None) -> dict | None:
    """What is wrong with the opened file (its `fstat`), None when it may be read."""
    if not stat.S_ISREG(info.st_mode):
        return make_issue(name, "unreadable", "not a regular file")
    if identity is not None and (info.st_dev, info.st_ino) != identity:
        return _changed(name, "it is now another file")
    if info.st_nlink > 1 and not allow_hard_links():
        # Another name for the same bytes may live anywhere on the file system, outside sources/ too.
        return make_issue(name, "hard_link", f"file has {info.st_nlink} hard links (another name may be outside "
                                             "sources/): not read; set DIPLODATA_ALLOW_HARD_LINKS=1 to read it")
    if info.st_size > max_bytes:
        return _too_large(name, info.st_size, max_bytes)
    return None


def _changed(name: str, how: str) -> dict:
    return make_issue(name, "source_changed", f"file changed between listing and reading ({how}): not read")


def _too_large(name: str, size: int, max_bytes: int) -> dict:
    return make_issue(name, "too_large", f"file has {size} bytes or more; the limit is {max_bytes}")


def decode(data: bytes, name: str) -> tuple[str | None, str | None, dict | None]:
    """(text, encoding, None) for `data` (BOM-aware, else UTF-8, else a confidently detected legacy
    encoding; LF line ends), or (None, None, the issue that prevents it)."""
    encoding, body = "utf-8", data
    for bom, enc in BOMS:
        if data.startswith(bom):
            encoding, body = enc, data[len(bom):]
            break
    if encoding == "utf-8" and b"\x00" in body:
        return None, None, make_issue(name, "binary", "file contains NUL bytes: binary, not text")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        legacy = legacy_decode(body) if body is data else None  # a BOM names the encoding: no guessing
        if legacy is None:
            return None, None, make_issue(name, "invalid_utf8", f"not valid {encoding.upper()} at byte {exc.start}: "
                                          f"{exc.reason}, and no other encoding explains the bytes")
        text, encoding = legacy
    if _looks_binary(text):
        return None, None, make_issue(name, "binary", "file is mostly control characters: binary, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, None, make_issue(name, "empty", "file is empty or holds only whitespace")
    return text, encoding, None


def mostly_utf8(body: bytes) -> bool:
    """Valid multi-byte UTF-8 characters at least as many as invalid bytes: a UTF-8 file with stray
    bytes (damaged, or two encodings pasted together), which no single encoding explains."""
    decoded = body.decode("utf-8", "replace")
    invalid = decoded.count("\ufffd")
    valid = sum(1 for ch in decoded if ord(ch) > 127) - invalid
    return valid >= invalid


def legacy_decode(body: bytes) -> tuple[str, str] | None:
    """(text, codec name) when charset-normalizer reads `body` in one encoding with little chaos;
    None for binary junk and for mostly-UTF-8 bytes."""
    from charset_normalizer import from_bytes

    if mostly_utf8(body):
        return None
    matches = sorted((m for m in from_bytes(body) if m.chaos <= MAX_CHAOS), key=lambda m: (m.chaos, -m.coherence))
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    names = [PREFERRED_LEGACY] if any(PREFERRED_LEGACY in m.could_be_from_charset for m in tied) else []
    for name in names + [best.encoding]:
        try:
            return body.decode(name), codecs.lookup(name).name
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(text.count(ch) for ch in CONTROL)  # a C scan per control character beats a Python step per text character
    return controls > MAX_CONTROL_SHARE * max(len(text), 1)


def read_source(source: Source, max_bytes: int) -> ReadResult:
    """Read and decode one source; `raw_sha256` is set whenever the bytes were read."""
    data, issue = read_bytes(source.path, source.name, max_bytes, source.identity)
    if issue:
        return ReadResult(None, None, issue)
    raw_sha = hashlib.sha256(data).hexdigest()
    if not data:
        return ReadResult(None, raw_sha, make_issue(source.name, "empty", "file is empty (0 bytes)"))
    text, encoding, issue = decode(data, source.name)
    return ReadResult(text, raw_sha, issue, encoding)
