"""Remove page furniture (navigation, social and comment boilerplate, link
lists, repeated summary lists) and say what was removed.

Furniture is removed in whole lines, so the cleaned text is the source with
some lines left out; the one change inside a line is a markdown link, which
keeps its words and loses its target (`markdown.py`). A Markdown source comes
here unwrapped (one paragraph or list item per line, markup kept, so menus and
link lists still look like what they are) and loses its markup after. The patterns live in
`pipeline/data/furniture.yaml`; this module holds the rules that use them.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from pipeline.datafile import load_yaml
from pipeline.ingest.markdown import clean_markdown, strip_links

DATA = Path(__file__).resolve().parent.parent / "data" / "furniture.yaml"
# Link text and target stop at a bracket: with `[^\]]*` and `[^)]*` a line of "[" (or of "[a](")
# was scanned to its end from every bracket, quadratic (12,500 characters took over a second), and
# the repeated group of LINK_ONLY could split one line into links in exponentially many ways.
MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^)\[\]]*\)")
LINK_ONLY = re.compile(r"\s*(?:[-*•+]\s+)?(?:\[[^\[\]]*\]\([^)\[\]]*\)[\s|·•,]*)+")
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
# Hard-wrapped text has lines at most about this long; one-line paragraphs are longer.
WRAP_WIDTH = 100


@functools.lru_cache(maxsize=1)
def rules() -> dict:
    return load_yaml(DATA)


def _compile(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@functools.lru_cache(maxsize=1)
def compiled() -> dict:
    r = rules()
    kinds = {}
    for kind, spec in r["line_kinds"].items():
        flags = 0 if spec.get("case_sensitive") else re.IGNORECASE
        kinds[kind] = (_compile(spec["patterns"], flags), spec["max_words"])
    kinds["read_more"] = (_compile(r["read_more_line"]["patterns"]), r["read_more_line"]["max_words"])
    return {
        "kinds": kinds,
        "link_heading": _compile(r["link_list_headings"]),
        "comments_heading": _compile(r["comments_heading"]),
        "summary_heading": _compile(r["summary_headings"]),
        "summary_item": re.compile(r["summary_item"]),
        "html_open": re.compile(r["html_block"]["open"], re.IGNORECASE),
        "breadcrumb_sep": re.compile(r["breadcrumb"]["separators"]),
        "tags": tag_pattern(r["tag_terms"]),
    }


def tag_pattern(extra_terms: list[str]) -> re.Pattern:
    """A line made only of country names and topic words."""
    import pycountry

    terms = set(extra_terms)
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            if getattr(c, attr, None):
                terms.add(getattr(c, attr).split(",")[0])
    alt = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?:{alt})(?:[\s,|·•/]+(?:{alt}))*", re.IGNORECASE)


HTML_TAG = re.compile(r"<[^>]{1,200}>")
ESCAPE = re.compile(r"\\(.)")
LEAD = re.compile(r"^\s*(?:#{1,6}\s+|>\s+|[-*•–+]\s+(?=\S))")
EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)|(?<=\S)(\*\*|__|\*|_)")


def plain(line: str) -> str:
    """A line without markdown/HTML decoration, for matching (never for output)."""
    if not line or line.isspace():
        return ""
    s = MD_LINK.sub(r"\1", line) if "](" in line else line
    if "<" in s:
        s = HTML_TAG.sub(" ", s)
    if "\\" in s:
        s = ESCAPE.sub(r"\1", s)
    s = LEAD.sub("", s)
    if "*" in s or "_" in s:
        s = EMPHASIS.sub("", s)
    return " ".join(s.split())


def n_words(s: str) -> int:
    return len(s.split())


def line_kind(line: str) -> str | None:
    """The furniture kind a single line (or short paragraph) is on its own, if any."""
    return form_kind(plain(line))


def form_kind(form: str) -> str | None:
    if not form:
        return None
    for kind, (pattern, max_words) in compiled()["kinds"].items():
        if n_words(form) <= max_words and pattern.fullmatch(form):
            return kind
    if is_breadcrumb(form):
        return "breadcrumb"
    return None


def breadcrumb_segments(form: str) -> list[str]:
    segs = [s.strip() for s in compiled()["breadcrumb_sep"].split(form)]
    return segs if all(segs) else []


def is_breadcrumb(form: str) -> bool:
    spec = rules()["breadcrumb"]
    segs = breadcrumb_segments(form)
    return len(segs) >= spec["min_segments"] and all(
        n_words(s) <= spec["max_segment_words"] and not SENTENCE_END.search(s) for s in segs)


def is_link_line(line: str) -> bool:
    """A markdown link line, or a headline-like line, as found in "related" lists."""
    if LINK_ONLY.fullmatch(line):
        return True
    form = plain(line)
    return 0 < n_words(form) <= rules()["link_line_max_words"] and not SENTENCE_END.search(form)


def is_tag_line(form: str) -> bool:
    return bool(form) and not SENTENCE_END.search(form) and bool(compiled()["tags"].fullmatch(form))


@dataclass
class Page:
    """Lines of one text and the kind each removed line was removed as."""

    lines: list[str]
    header_end: int
    title: str | None
    kinds: list[str | None]
    forms: list[str]  # plain() of each line, computed once

    @classmethod
    def of(cls, text: str, header_end: int = 0, title: str | None = None) -> "Page":
        lines = text.split("\n")
        return cls(lines, min(max(header_end, 0), len(lines)), title, [None] * len(lines),
                   [plain(line) for line in lines])

    def mark(self, start: int, end: int, kind: str) -> None:
        for i in range(start, min(end, len(self.lines))):
            if self.kinds[i] is None:
                self.kinds[i] = kind

    def blank(self, i: int) -> bool:
        return not self.forms[i] and not self.lines[i].strip()

    def next_content(self, i: int) -> int:
        while i < len(self.lines) and self.blank(i):
            i += 1
        return i


def mark_comment_tail(page: Page) -> None:
    """A comments heading in the second half of the page: it and all after it go."""
    pattern = compiled()["comments_heading"]
    for i in range(len(page.lines) // 2, len(page.lines)):
        if pattern.fullmatch(page.forms[i]):
            page.mark(i, len(page.lines), "comments")
            return


def mark_link_lists(page: Page) -> None:
    """A "More on this topic"/"Related articles" heading and the link lines under it."""
    pattern = compiled()["link_heading"]
    for i, line in enumerate(page.lines):
        if page.kinds[i] is None and page.forms[i] and pattern.fullmatch(page.forms[i]):
            page.mark(i, i + 1, "link_list")
            j = page.next_content(i + 1)
            while j < len(page.lines) and is_link_line(page.lines[j]):
                page.mark(j, j + 1, "link_list")
                j = page.next_content(j + 1)


def mark_link_runs(page: Page) -> None:
    """Runs of two or more lines that are only markdown links (menus), or one in the header."""
    i = 0
    while i < len(page.lines):
        j = i
        while j < len(page.lines) and LINK_ONLY.fullmatch(page.lines[j]):
            j += 1
        if j - i >= 2 or (j > i and i < page.header_end):
            page.mark(i, j, "navigation")
        i = max(j, i + 1)


def mark_html(page: Page) -> None:
    """Embedded HTML blocks (figures, images, scripts) from a page converter."""
    spec = rules()["html_block"]
    i = 0
    while i < len(page.lines):
        m = compiled()["html_open"].match(page.lines[i])
        if not m:
            i += 1
            continue
        end = html_block_end(page.lines, i, m.group(1).lower(), spec["max_lines"])
        page.mark(i, end, "html")
        i = end


def html_block_end(lines: list[str], start: int, tag: str, max_lines: int) -> int:
    closer = re.compile(rf"</{tag}\s*>" if tag != "img" else r"/?>\s*$", re.IGNORECASE)
    for j in range(start, min(len(lines), start + max_lines)):
        if closer.search(lines[j][len(f"<{tag}") if j == start else 0:]):
            return j + 1
    return start + 1


def summary_items(page: Page, start: int) -> list[tuple[int, int]]:
    """(first, end) line ranges of the bullet items starting at `start`; continuation lines are indented."""
    item_re, items, i = compiled()["summary_item"], [], page.next_content(start)
    while i < len(page.lines) and item_re.fullmatch(page.lines[i]):
        j = i + 1
        while j < len(page.lines) and page.lines[j].startswith((" ", "\t")) and page.lines[j].strip() \
                and not item_re.fullmatch(page.lines[j]):
            j += 1
        items.append((i, j))
        i = page.next_content(j) if j < len(page.lines) and page.blank(j) else j
    return items


def _norm(s: str) -> str:
    return plain(s).casefold().replace("’", "'")


def repeated_elsewhere(page: Page, items: list[tuple[int, int]]) -> bool:
    """Every item (of enough words) is a verbatim or near copy of text outside the list."""
    lo, hi = items[0][0], items[-1][1]
    rest = " ".join(page.forms[:lo] + page.forms[hi:]).casefold().replace("’", "'")
    spec = rules()
    texts = [_norm(" ".join(page.forms[a:b])) for a, b in items[:spec["summary_max_items"]]]
    texts = [t for t in texts if n_words(t) >= spec["summary_min_item_words"]]
    return bool(texts) and all(
        fuzz.partial_ratio(t, rest) >= spec["summary_min_similarity"] for t in texts)


def mark_summary_lists(page: Page) -> None:
    """A summary heading ("Key points") whose bullets the body repeats: heading and bullets go."""
    pattern, checked = compiled()["summary_heading"], 0
    for i, form in enumerate(page.forms):
        if page.kinds[i] is None and form and pattern.fullmatch(form.rstrip(":")):
            items = summary_items(page, i + 1)
            checked += 1  # each check reads the whole page: a few per page keep it linear
            if checked > rules()["summary_max_lists"]:
                return
            if items and repeated_elsewhere(page, items):
                page.mark(i, items[-1][1], "summary_list")


def blocks(page: Page):
    """(start, end) of each run of non-blank lines."""
    i = 0
    while i < len(page.lines):
        i = page.next_content(i)
        j = i
        while j < len(page.lines) and not page.blank(j):
            j += 1
        if j > i:
            yield i, j
        i = j


def mark_lines(page: Page) -> None:
    """Single furniture lines, and short hard-wrapped paragraphs that are furniture as a whole."""
    for start, end in blocks(page):
        for i in range(start, end):
            kind = form_kind(page.forms[i])
            if kind:
                page.mark(i, i + 1, kind)
        if 1 < end - start <= 4:
            kind = form_kind(" ".join(page.forms[start:end]))
            if kind:
                page.mark(start, end, kind)  # lines already marked keep their own kind


def mark_header(page: Page) -> None:
    """Header-only furniture: topic tag lines and labels that repeat a breadcrumb segment."""
    forms = page.forms[:page.header_end]
    crumbs = {s.casefold() for f in forms if is_breadcrumb(f) for s in breadcrumb_segments(f)}
    title = _norm(page.title or "")
    for i, form in enumerate(forms):
        if not form or _norm(form) == title:
            continue
        if form.casefold() in crumbs:
            page.mark(i, i + 1, "navigation")
        elif is_tag_line(form):
            page.mark(i, i + 1, "tag_line")


def paragraphs(page: Page):
    """(start, end) of each paragraph: a hard-wrapped block as a whole, else each line."""
    for start, end in blocks(page):
        width = max(len(page.lines[i]) for i in range(start, end))
        if end - start > 1 and width <= WRAP_WIDTH:
            yield start, end
        else:
            yield from ((i, i + 1) for i in range(start, end))


def mark_repeats(page: Page) -> None:
    """Later copies of the title line, and of any body-length paragraph seen before."""
    title = _norm(page.title or "")
    keys = [f.casefold().replace("’", "'") for f in page.forms] if title else []
    first = next((i for i, key in enumerate(keys) if key == title), None)
    for i, key in enumerate(keys):
        if first is not None and i > first and page.kinds[i] is None and key == title:
            page.mark(i, i + 1, "repeated_title")
    seen = set()
    for start, end in paragraphs(page):
        key = " ".join(page.forms[start:end]).casefold().replace("’", "'")
        if not is_paragraph(key):
            continue
        if key in seen and all(k is None for k in page.kinds[start:end]):
            page.mark(start, end, "repeated_paragraph")
        seen.add(key)


def is_paragraph(form: str) -> bool:
    return n_words(form) >= rules()["repeat_min_words"] and bool(SENTENCE_END.search(form))


MARKERS = (mark_comment_tail, mark_html, mark_link_lists, mark_summary_lists,
           mark_link_runs, mark_lines, mark_header, mark_repeats)


def removed_records(page: Page) -> list[dict]:
    """One record per run of lines removed as the same kind (blank lines inside a run included)."""
    out, i = [], 0
    while i < len(page.lines):
        kind = page.kinds[i]
        if kind is None:
            i += 1
            continue
        j = i + 1
        while j < len(page.lines) and (page.kinds[j] == kind or
                                       (page.blank(j) and page.next_content(j) < len(page.lines)
                                        and page.kinds[page.next_content(j)] == kind)):
            j += 1
        out.append({"kind": kind, "text": "\n".join(page.lines[i:j]).strip()})
        i = j
    return out


def kept_text(page: Page) -> str:
    """The lines not removed; a blank run that a removal split is kept once; no blank edges."""
    out: list[str] = []
    cut = False
    for line, kind in zip(page.lines, page.kinds):
        if kind is not None:
            cut = True
            continue
        if not line.strip() and out and not out[-1].strip() and cut:
            continue
        if line.strip():
            cut = False
        out.append(line)
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)


def remove_furniture(text: str, title: str | None = None, header_end: int = 0,
                     markdown: bool = False) -> tuple[str, list[dict]]:
    """(cleaned text, [{kind, text}] of what was removed). Never raises on any string.
    `markdown`: `text` is unwrapped Markdown, whose markup goes too (see `markdown.py`)."""
    page = Page.of(text, header_end, title)
    for marker in MARKERS:
        marker(page)
    kept, targets = (clean_markdown if markdown else strip_links)(kept_text(page))
    return kept, removed_records(page) + targets
