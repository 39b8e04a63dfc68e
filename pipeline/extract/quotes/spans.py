"""Quoted spans: pair the quotation marks of a text and drop titles and coined terms.

The marks are paired by a scanner that never trusts them to balance: an
unclosed quotation is bounded by its paragraph, and the news convention of
leaving a quotation open at a paragraph end when the next paragraph reopens it
gives one row per paragraph, linked into one chain with one speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.quotes.lexicon import BULLET, SPACES, lexicon

MIN_WORDS = 3
DOUBLE_MARKS = "“”„«»\""
SINGLE_MARKS = "‘’"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS + "‚‹›"
# Characters after which a mark opens / before which a mark closes.
OPEN_CONTEXT = set(" \t\n\r\u00a0([{<—–-/*_>|,:;") | set(ALL_MARKS)
CLOSE_CONTEXT = set(" \t\n\r\u00a0.,;:!?)]}>—–-/*_…|\\") | set(ALL_MARKS)
ENDNOTE_LINE = re.compile(r"^\s*(?:\[\d+\]|\d{1,3}\.\s|\^)")
CITATION_MARK = re.compile(r"https?://|\b(?:1[89]|20)\d\d\b")

@dataclass
class QSpan:
    start: int          # first character inside the marks
    end: int            # the closing mark, or the paragraph end when unclosed
    para: int
    closed: bool
    single: bool = False
    chain: int | None = None  # index of the chain's first span, for multi-paragraph quotations


def hard_wrapped(text: str) -> bool:
    """True when lines are wrapped at a fixed width, so a newline is not a paragraph end."""
    lines = [line.rstrip() for line in text.split("\n") if len(line.strip()) >= 40]
    if len(lines) < 3:
        return False
    open_ended = sum(not re.search(r"[.!?:;”\"’)*]$", line) for line in lines)
    return sum(len(line) <= 100 for line in lines) / len(lines) >= 0.8 and open_ended / len(lines) >= 0.3


def paragraphs(text: str) -> list[tuple[int, int]]:
    wrapped = hard_wrapped(text)
    out: list[tuple[int, int]] = []
    start = end = None
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if not line.strip():
            if start is not None:
                out.append((start, end))
            start = None
            continue
        if start is not None and (not wrapped or BULLET.match(line)):
            out.append((start, end))
            start = None
        if start is None:
            start = s
        end = s + len(line.rstrip())
    if start is not None:
        out.append((start, end))
    return out


def classify_double(text: str, i: int, pending: bool) -> str | None:
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    opens, closes = prev in OPEN_CONTEXT, nxt in CLOSE_CONTEXT
    if c in "„«":
        return "open"
    if c == "»":
        return "close"
    if c == "“":  # also the closer of „...“ and of sloppy “...“
        return "close" if pending and closes and not opens else "open"
    if c == "”":
        return "open" if not pending and opens and not closes else "close"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if pending else "open"


def classify_single(text: str, i: int, pending: bool) -> str | None:
    """‘ opens at a word start; ’ closes only an open quotation and never inside a word."""
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if c == "‘":
        if (prev in OPEN_CONTEXT) and not nxt.isspace() and not re.match(r"\d\ds\b", text[i + 1:i + 5]):
            return "open"
        return None
    if not pending or prev.isspace() or nxt.isalnum():
        return None
    return "close"


def pair_marks(text: str, paras: list[tuple[int, int]], single: bool) -> list[QSpan]:
    marks = re.compile("[‘’]" if single else "[“”„«»\"]")
    classify = classify_single if single else classify_double
    spans: list[QSpan] = []
    for pi, (ps, pe) in enumerate(paras):
        open_at = None
        for m in marks.finditer(text, ps, pe):
            kind = classify(text, m.start(), open_at is not None)
            if kind == "open":
                if open_at is not None and not single:
                    spans.append(QSpan(open_at + 1, m.start(), pi, False, single))
                open_at = m.start()
            elif kind == "close" and open_at is not None:
                spans.append(QSpan(open_at + 1, m.start(), pi, True, single))
                open_at = None
        if open_at is not None:
            spans.append(QSpan(open_at + 1, pe, pi, False, single))
    return spans


def link_chains(text: str, spans: list[QSpan], paras: list[tuple[int, int]]) -> None:
    """An unclosed quotation at a paragraph end continues when the next paragraph opens with a mark."""
    for i, (a, b) in enumerate(zip(spans, spans[1:])):
        if a.closed or a.end != paras[a.para][1] or b.para != a.para + 1:
            continue
        lead = text[paras[b.para][0]:b.start - 1]
        if not lead.strip() or BULLET.fullmatch(lead):
            if a.chain is None:
                a.chain = i
            b.chain = a.chain


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find_spans(text: str, paras: list[tuple[int, int]]) -> list[QSpan]:
    """Top-level quotations: nested ones belong to the outer quotation and are dropped."""
    doubles = pair_marks(text, paras, single=False)
    singles = pair_marks(text, paras, single=True)
    inside = lambda sp, others: any(o.start <= sp.start - 1 and sp.end <= o.end for o in others if o is not sp)
    starts_in = lambda sp, others: any(o.start <= sp.start < o.end for o in others)
    singles = [s for s in singles if not starts_in(s, doubles)]
    singles = [s for s in singles if s.closed or (s.para + 1 < len(paras)
                                                  and text[paras[s.para + 1][0]:paras[s.para + 1][0] + 1] == "‘")]
    doubles = [d for d in doubles if not inside(d, singles)]
    spans = sorted(doubles + singles, key=lambda sp: sp.start)
    for sp in spans:
        sp.start, sp.end = trim(text, sp.start, sp.end)
    spans = [sp for sp in spans if sp.end > sp.start]
    link_chains(text, spans, paras)
    return spans


# --------------------------------------------------------------------------- filters

def word_count(s: str) -> int:
    return sum(any(ch.isalnum() for ch in w) for w in s.split())


def title_case(s: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", s) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def is_title_or_term(text: str, sp: QSpan, para: tuple[int, int]) -> bool:
    lex = lexicon()
    before = SPACES.sub(" ", text[max(para[0], sp.start - 60):sp.start - 1]).lower().rstrip(" ,:*_")
    after = text[sp.end + 1:min(sp.end + 80, para[1])]
    after_low = SPACES.sub(" ", after).lower().lstrip(" ,.”\"’*_")
    if before.endswith("=") or any(before.endswith(w) for w in lex["title_before"]):
        return True
    last_word = before.rsplit(" ", 1)[-1].strip("(")
    if last_word in lex["title_nouns"] or before.endswith("(") and after.lstrip(" ,”\"’").startswith(")"):
        return True
    if after_low.startswith("[") or any(after_low.startswith(w) for w in lex["title_after"]):
        return True
    if before.endswith("[") and after.startswith("]("):
        return True  # the text of a markdown link
    line = text[para[0]:para[1]]
    quoted = text[sp.start:sp.end]
    if ENDNOTE_LINE.match(line) and CITATION_MARK.search(line):
        return True
    if re.search(r"https?://", line) and title_case(quoted) and not re.search(r"[.!?]\W*$", quoted):
        return True
    return title_case(quoted) and not re.search(r"[.!?]\W*$", quoted) and bool(
        re.match(r"[\s,]*(?:in\s+)?[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\s*[,.(]", after))


def keep(text: str, sp: QSpan, paras: list[tuple[int, int]]) -> bool:
    if word_count(text[sp.start:sp.end]) < MIN_WORDS:
        return False
    return not is_title_or_term(text, sp, paras[sp.para])
