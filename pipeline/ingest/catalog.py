"""`sources/catalog.csv`: optional metadata per source file.

A broken catalog never stops a run: bad rows and bad values become issues and
the documents fall back to what can be inferred from their text.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path, PurePosixPath

from pipeline.ingest.reader import CATALOG_NAME, CONTROL, is_inside, make_issue, read_bytes

COLUMNS = ("file", "title", "publisher", "author", "url", "published_date", "language")
ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?")
PRECISION = {1: "year", 2: "month", 3: "day"}
# The csv module's default field_size_limit. The limit is process-wide and other code may raise it,
# so a longer field is refused here too: a catalog value is never anywhere near this long.
MAX_FIELD = 131_072


def malformed(message: str) -> dict:
    return make_issue(CATALOG_NAME, "catalog_malformed", message)


def load_catalog(sources_dir: Path, max_bytes: int) -> tuple[dict[str, dict], list[dict]]:
    """Rows keyed by normalised `file`, and the catalog's issues. No catalog: no rows, no issues."""
    root = Path(sources_dir).resolve()
    path = root / CATALOG_NAME
    if not path.exists() and not path.is_symlink():
        return {}, []
    if not is_inside(path, root):
        return {}, [make_issue(CATALOG_NAME, "symlink_outside",
                               "catalog.csv links outside the sources folder (or nowhere); not read")]
    data, issue = read_bytes(path, CATALOG_NAME, max_bytes)
    if issue:
        return {}, [malformed(f"catalog not read: {issue['message']}")]
    try:
        text = data.decode("utf-8-sig")
        return parse_catalog(text)
    except UnicodeDecodeError as exc:
        return {}, [malformed(f"catalog is not valid UTF-8 (byte {exc.start}); ignored")]
    except csv.Error as exc:
        return {}, [malformed(f"catalog is not readable CSV ({exc}); ignored")]


def parse_catalog(text: str) -> tuple[dict[str, dict], list[dict]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in next(reader, [])]
    if "file" not in header:
        return {}, [malformed("catalog has no `file` column; ignored")]
    issues = []
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        issues.append(malformed(f"catalog lacks columns {', '.join(missing)}; treated as empty"))
    rows: dict[str, dict] = {}
    for values in csv_records(reader, issues):
        row, issue = catalog_row(header, values, reader.line_num, rows)
        if issue:
            issues.append(issue)
        elif row:
            rows[row["file"]] = row
    return rows, issues


def csv_records(reader, issues: list[dict]):
    """The reader's records, one by one: a record the csv module refuses (a field over its
    `field_size_limit`, 131,072 characters; a NUL byte) is an issue naming its line, and reading
    goes on at the next line, so one bad row costs only itself."""
    while True:
        line = reader.line_num
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            issues.append(malformed(f"line {reader.line_num}: not readable CSV ({exc}); row ignored"))
            if reader.line_num == line:  # nothing consumed: stop rather than loop
                return


def catalog_row(header: list[str], values: list[str], line: int, seen: dict) -> tuple[dict | None, dict | None]:
    """One row as {column: value or None}; None and an issue when the row cannot be used."""
    if not any(v.strip() for v in values):
        return None, None
    if len(values) > len(header):
        return None, malformed(f"line {line}: {len(values)} fields for {len(header)} columns; row ignored")
    if any(len(v) > MAX_FIELD for v in values):
        return None, malformed(f"line {line}: a field larger than field limit ({MAX_FIELD:,} characters); row ignored")
    row = {c: None for c in COLUMNS}
    for col, value in zip(header, values):
        if col in row:
            row[col] = value.strip() or None
    bad = [c for c, v in row.items() if v and any(ch in CONTROL for ch in v)]
    if bad:
        return None, malformed(f"line {line}: control characters in {', '.join(bad)}; row ignored")
    name = normalise_file(row["file"])
    if name is None:
        return None, malformed(f"line {line}: file {row['file']!r} is not a path inside sources/; row ignored")
    if name in seen:
        return None, malformed(f"line {line}: a second row for {name}; the first is used")
    row["file"] = name
    return row, None


def normalise_file(value: str | None) -> str | None:
    """`value` as a posix path relative to sources/, or None when it is empty or leads out."""
    if not value:
        return None
    path = PurePosixPath(value.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", value):
        return None
    parts = [p for p in path.parts if p != "."]
    return "/".join(parts) or None


def catalog_date(value: str | None) -> tuple[dt.date, str] | None:
    """A catalog `published_date` (YYYY, YYYY-MM or YYYY-MM-DD, a time part ignored) and its precision."""
    match = ISO_DATE.fullmatch((value or "").strip())
    if not match:
        return None
    parts = [int(p) for p in match.groups() if p is not None]
    try:
        return dt.date(parts[0], *(parts[1:] + [1, 1][: 3 - len(parts)])), PRECISION[len(parts)]
    except ValueError:
        return None
