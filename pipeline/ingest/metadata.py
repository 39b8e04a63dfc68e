"""Infer a title and a publication date from a source's own text and URL.

Only used where the catalog has no value. A title is taken only from a short
header line, never from a body sentence; a date only from a byline, a
"Published ..." line or the URL path, and never with an invented year.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from urllib.parse import urlparse

from pipeline.ingest.furniture import SENTENCE_END, compiled, line_kind, n_words, plain, rules
from pipeline.ingest.markdown import decode_escapes

BYLINE_START = re.compile(r"^(?:by|posted by|written by|from)\b", re.IGNORECASE)


def header_end(lines: list[str]) -> int:
    """Index of the first body line: a paragraph line, or a hard-wrapped paragraph's first line."""
    min_words = rules()["dates"]["body_paragraph_min_words"]
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip():
            if is_body(plain(lines[j]), min_words):
                return j
            j += 1
        if j - i > 1 and is_body(plain(" ".join(lines[i:j])), min_words):
            return i
        i = j
    return len(lines)


def is_body(form: str, min_words: int) -> bool:
    return n_words(form) >= min_words and bool(re.search(r"[.!?][\"'”’)]*(?:\s|$)", form))


# Titles


def clean_title(line: str) -> str:
    """The title as a reader sees it: markdown and converter escapes undone."""
    s = plain(decode_escapes(line)).rstrip("\\").strip()
    if len(s) > 2 and s[0] == s[-1] and s[0] in "'\"" and s[0] not in s[1:-1]:
        s = s[1:-1].strip()  # YAML-style quoting of a title with a colon
    return s


def looks_like_title(form: str, lines: list[str], i: int) -> bool:
    spec = rules()["title"]
    if not (spec["min_words"] <= n_words(form) <= spec["max_words"] and len(form) <= spec["max_chars"]):
        return False
    if not form[0].isupper() and not form[0].isdigit() and form[0] not in "'\"“‘":
        return False
    if BYLINE_START.match(form) or find_dates(form) or form.endswith((",", ";", ":")):
        return False
    if SENTENCE_END.search(form) and form.rstrip("\"'”’)")[-1] == "." and not is_title_case(form):
        return False
    return not starts_wrapped_paragraph(lines, i)


def is_title_case(form: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", form) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.8


def starts_wrapped_paragraph(lines: list[str], i: int) -> bool:
    """Line i opens a hard-wrapped body paragraph: the lines after it run on at about its length."""
    block = [lines[i]]
    for line in lines[i + 1:]:
        if not line.strip():
            break
        block.append(line)
    if len(block) < 2:
        return False
    width = max(len(b.rstrip()) for b in block)
    runs_on = len(lines[i].rstrip()) >= 0.75 * width and not SENTENCE_END.search(lines[i].rstrip())
    return runs_on and is_body(plain(" ".join(block)), rules()["dates"]["body_paragraph_min_words"])


def infer_title(lines: list[str], end: int) -> str | None:
    """The first header line that is not furniture or a one-word label, if it reads as a headline."""
    scanned = 0
    for i in range(min(end, len(lines))):
        raw = lines[i].strip()
        if not raw:
            continue
        scanned += 1
        if scanned > rules()["title"]["max_lines"]:
            return None
        if line_kind(raw) or raw.startswith(("<", "[", "!")):
            continue
        form = clean_title(raw)
        if n_words(form) >= rules()["title"]["min_words"]:
            return form if looks_like_title(form, lines, i) else None
    return None


# Dates


@functools.lru_cache(maxsize=1)
def date_patterns() -> list[tuple[re.Pattern, str]]:
    spec = rules()["dates"]
    out = []
    for precision in ("day", "month"):
        for p in spec[precision]:
            out.append((re.compile(p.replace("{M}", spec["months"]), re.IGNORECASE), precision))
    return out


def parse_date(s: str, precision: str) -> dt.date | None:
    import dateparser

    parts = ["day", "month", "year"] if precision == "day" else ["month", "year"]
    settings = {"REQUIRE_PARTS": parts, "PREFER_DAY_OF_MONTH": "first",
                "RELATIVE_BASE": dt.datetime(2000, 1, 1), "DATE_ORDER": "YMD" if s[:4].isdigit() else "MDY"}
    try:
        found = dateparser.parse(s, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return found.date() if found else None


def find_dates(line: str) -> list[tuple[dt.date, str, tuple[int, int]]]:
    """Dates in a line with a year (day or month precision), in order; a bare "August 20" is none."""
    out, taken = [], []
    for pattern, precision in date_patterns():
        for m in pattern.finditer(line):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            date = parse_date(m.group(), precision)
            if date:
                out.append((date, precision, m.span()))
                taken.append(m.span())
    return sorted(out, key=lambda d: d[2])


def byline_date(lines: list[str], end: int) -> tuple[dt.date, str] | None:
    """A date on a short header line ("Jane Doe, May 16, 2018", "May 16, 2018")."""
    limit = rules()["dates"]["byline_max_other_words"]
    for line in lines[:end]:
        form = plain(line)
        dates = find_dates(form)
        if dates:
            s, e = dates[0][2]
            if n_words(form[:s] + " " + form[e:]) <= limit:
                return dates[0][0], dates[0][1]
    return None


def published_line_date(lines: list[str]) -> tuple[dt.date, str] | None:
    """The date of a "Published in X, <date>." line anywhere in the text."""
    pattern, max_words = compiled()["kinds"]["published_line"]
    for line in lines:
        form = plain(line)
        if form and n_words(form) <= max_words and pattern.fullmatch(form):
            dates = find_dates(form)
            if dates:
                return dates[0][0], dates[0][1]
    return None


def url_date(url: str | None) -> tuple[dt.date, str] | None:
    """A date in a URL path: /2023/03/21/ (day), /2023/03/ (month), or 2023-03-21 in a slug."""
    if not url:
        return None
    try:
        path = urlparse(url).path
    except ValueError:
        return None
    spec = rules()["dates"]["url"]
    for key, precision in (("day", "day"), ("iso", "day"), ("month", "month")):
        m = re.search(spec[key], path)
        if m:
            parts = [int(g) for g in m.groups()] + [1]
            try:
                return dt.date(*parts[:3]), precision
            except ValueError:
                continue
    return None


PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


def infer_date(lines: list[str], end: int, url: str | None) -> dict:
    """published_date, _precision and _source from the text or URL; the most precise wins, text on ties."""
    text_date = byline_date(lines, end) or published_line_date(lines)
    candidates = [(d, "text") for d in [text_date] if d] + [(d, "url") for d in [url_date(url)] if d]
    if not candidates:
        return {"published_date": None, "published_date_precision": None, "published_date_source": None}
    (date, precision), source = max(candidates, key=lambda c: PRECISION_RANK[c[0][1]])
    return {"published_date": date, "published_date_precision": precision, "published_date_source": source}
