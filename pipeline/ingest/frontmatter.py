"""A leading YAML front-matter block (`---` ... `---`) in a source file.

The block is metadata, not prose: it never stays in `documents.text`. Its fields give the
document's title, address, author and publication date. A block that cannot be read is still
cut off (it is no more prose for being broken) and reported as `bad_front_matter`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from pipeline.datafile import load_yaml
from pipeline.ingest.catalog import catalog_date

OPEN = re.compile(r"---[ \t]*")
CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
# Fields this module reads; others (modified_time, layout, ...) are allowed and left alone.
DATE_FIELDS = ("date", "published_time")
URL_FIELDS = ("source_url", "url")
# Characters a converter leaves in titles that a reader does not see.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


@dataclass
class FrontMatter:
    """What a front-matter block says; `problems` lists what was wrong with it, for one issue."""

    title: str | None = None
    url: str | None = None
    author: str | None = None
    date: tuple[dt.date, str] | None = None  # (date, precision)
    problems: list[str] = field(default_factory=list)
    block: str = ""  # the block as written, fences included (kept as furniture for audit)


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """(the block's fields or None when there is no block, the text after the block).

    A block opens on the first line and closes at the next `---` (or `...`) line; without a
    closing line there is no block, and the text is left whole."""
    lines = text.split("\n")
    if not lines or not OPEN.fullmatch(lines[0]):
        return None, text
    end = next((i for i in range(1, len(lines)) if CLOSE.fullmatch(lines[i])), None)
    if end is None:
        return None, text
    front = parse_block("\n".join(lines[1:end]))
    front.block = "\n".join(lines[:end + 1])
    return front, "\n".join(lines[end + 1:])


def parse_block(block: str) -> FrontMatter:
    try:
        data = load_yaml(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""  # +2: the opening fence and 1-based lines
        return FrontMatter(problems=[f"front matter is not valid YAML{where} ({getattr(exc, 'problem', exc)})"])
    if not isinstance(data, dict):
        return FrontMatter(problems=[f"front matter is a YAML {type(data).__name__}, not a mapping of fields"])
    return read_fields({str(k): v for k, v in data.items()})


def read_fields(data: dict) -> FrontMatter:
    fm = FrontMatter()
    fm.title = text_field(data, "title", fm.problems)
    fm.author = author_field(data, fm.problems)
    fm.url = next((u for u in (text_field(data, k, fm.problems) for k in URL_FIELDS) if u), None)
    for key in DATE_FIELDS:
        date = date_field(data, key, fm.problems)
        if date and fm.date is None:
            fm.date = date
    return fm


def clean_text(value: str) -> str:
    """One line, as a reader sees it: no-break spaces and line breaks as spaces, invisible marks gone."""
    return " ".join(value.translate(INVISIBLE).split())


def text_field(data: dict, key: str, problems: list[str]) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return clean_text(str(value)) or None
    problems.append(f"`{key}` is a {type(value).__name__}, not text; ignored")
    return None


def author_field(data: dict, problems: list[str]) -> str | None:
    value = data.get("author")
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(clean_text(v) for v in value if clean_text(v)) or None
    return text_field(data, "author", problems)


def date_field(data: dict, key: str, problems: list[str]) -> tuple[dt.date, str] | None:
    """A date, datetime or date string as (date, precision); the date is the one written (a time
    zone offset does not move it to another day)."""
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    found = parse_date_text(str(value)) if isinstance(value, str) else None
    if found is None:
        problems.append(f"`{key}` {value!r} is not a date; ignored")
    return found


def parse_date_text(value: str) -> tuple[dt.date, str] | None:
    """ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, with or without a time) at its precision, else a written
    date with a day ("May 16, 2018") through dateparser."""
    iso = catalog_date(value)
    if iso:
        return iso
    try:
        return dt.datetime.fromisoformat(value.strip()).date(), "day"
    except ValueError:
        pass
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RELATIVE_BASE": dt.datetime(2000, 1, 1)}
    try:
        found = dateparser.parse(value, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return (found.date(), "day") if found else None
