"""What surrounds a number: blocked spans (links, dates, times), glued names, sentence starts,
qualifiers and identifier words ("Article 9")."""
from __future__ import annotations

import re

from pipeline.extract.numbers.lexicon import lexicon, patterns
from pipeline.extract.numbers.quantity import Quantity


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for rx in patterns()["blocked"] for m in rx.finditer(text)]


def _capitalised_inside_sentence(text: str, m: re.Match, group: int = 0) -> bool:
    """A match that starts with a capital where no sentence starts: part of a name ("Half Moon
    Bay", "One Belt"), not a number word."""
    return m.group(group)[0].isupper() and not _sentence_initial(text, m.start())


def _inside(spans, s: int, e: int) -> bool:
    return any(a <= s < b or a < e <= b for a, b in spans)


def _glued_before(text: str, start: int) -> bool:
    """Is the number glued to a name on its left: "G-7", "COVID-19", "Tu-95", "status/123"."""
    before = text[start - 1] if start > 0 else " "
    before2 = text[start - 2] if start > 1 else " "
    if before.isalnum() or before in "#§/\\_@=":
        return True
    return (before in "-.:+'’" and before2.isalnum())


def _glued_after(text: str, end: int) -> bool:
    """Is the number glued to letters on its right: "5G", "1990s", "988px", "2+2"."""
    after = text[end] if end < len(text) else " "
    return after.isalnum() or after in "_@" or (after in "+/" and text[end + 1:end + 2].isdigit())


def _sentence_initial(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] in " \t*_[(\"“‘'":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;…-•|>" or text[j] in "\u2014"


def _qualifier(text: str, start: int) -> tuple[int, str] | None:
    m = patterns()["before_qual"].search(text[max(0, start - 25):start])
    if not m:
        return None
    lx = lexicon()["qualifiers_before"]
    return start - len(m.group(0)), lx[m.group(1).lower()]


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[ \t]*$", text[max(0, start - 20):start])
    return m.group(1).lower() if m else ""


def _qualify(text: str, q: Quantity) -> Quantity:
    qual = _qualifier(text, q.start)
    if qual:
        q.start, q.approximation, q.qualified = qual[0], qual[1], True
    return q


def identifier_numbers(text: str) -> set[str]:
    """Numbers of three or more digits that the text uses after an identifier word somewhere
    ("Section 232", "Resolution 2231"): written bare elsewhere ("the 232 tariffs") they are the
    same name, not a count."""
    return {m.group() for m in re.finditer(r"(?<![\w.,])\d{3,}(?![\w.,]\d)", text) if _identifier_before(text, m.start())}


def _identifier_before(text: str, i: int) -> bool:
    """An identifier word before the number, or before a list of numbers that ends with it:
    "Article 9", "Sections 232 and 301", "Resolutions 1718, 1874 and 2094"."""
    p = patterns()
    for _ in range(8):
        if p["identifier_word"].search(text[max(0, i - 12):i]):
            return True
        m = p["listed_number"].search(text[max(0, i - 20):i])
        if not m:
            return False
        i -= len(m.group(0))
    return False
