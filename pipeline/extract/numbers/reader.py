"""The span reader: `scan` reads every quantity in a text, left to right, non-overlapping."""
from __future__ import annotations

import re

from pipeline.extract.numbers.context import (_blocked_spans, _glued_after, _glued_before,
                                              _identifier_before, _inside, _sentence_initial)
from pipeline.extract.numbers.extend import _extend_left, _extend_right
from pipeline.extract.numbers.lexicon import _alternation, lexicon, patterns
from pipeline.extract.numbers.phrases import _durations_without_number, _fractions, _indefinite, _verb_multiples, _vague
from pipeline.extract.numbers.quantity import Quantity
from pipeline.extract.numbers.units import _currency_before, _scaled_prefix
from pipeline.extract.numbers.words import _core_at


def scan(text: str) -> list[Quantity]:
    """Every quantity in `text`, left to right, non-overlapping."""
    if not text:
        return []
    blocked = _blocked_spans(text)
    out: list[Quantity] = []
    pos = 0
    for q in _vague(text) + _verb_multiples(text) + _fractions(text) + _durations_without_number(text) + _indefinite(text):
        if not _inside(blocked, q.core_start, q.core_end):
            out.append(q)
    taken = [(q.start, q.end) for q in out]
    # a number starts after a non-word character, or glued to letters that may be a currency ("RM5 billion")
    starts = re.compile(r"(?<![\w.,])(?=\d|\.\d)|(?<=[A-Za-z])(?=\d)|\b(?=[A-Za-z])")
    for m in starts.finditer(text):
        i = m.start()
        if i < pos or _inside(taken, i, i + 1):
            continue
        q = _quantity_at(text, i, blocked)
        if q is not None:
            out.append(q)
            pos = q.end
    out.sort(key=lambda q: q.start)
    out = _compound_durations(text, out)
    for q in out:  # "$4.1 billion" is 4.1e9, not 4099999999.9999995
        q.value, q.low, q.high = (_tidy(v) for v in (q.value, q.low, q.high))
    return out


def _tidy(v: float | None) -> float | None:
    """A value to twelve significant digits: a scale's float product loses its last-bit noise."""
    return float(f"{v:.12g}") if v is not None else None


def _compound_durations(text: str, found: list[Quantity]) -> list[Quantity]:
    """"an hour and 20 minutes" (80 minutes), "two years and six months" (30 months): a duration
    followed by "and" and a duration in the next smaller unit is one figure in the smaller unit."""
    smaller = lexicon()["fraction_of_duration"]
    units = _alternation(smaller)
    out: list[Quantity] = []
    for q in found:
        if q.kind == "duration" and q.high is None and not q.qualified:
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "duration" and prev.high is None and prev.unit in smaller \
                    and smaller[prev.unit][1] == q.unit and re.fullmatch(r"[ \t]+and[ \t]+", text[prev.end:q.start]):
                prev.value = prev.value * smaller[prev.unit][0] + q.value
                prev.unit, prev.end, prev.core_end = q.unit, q.end, q.end
                continue
            m = re.search(r"(?<![\w-])an?[ \t]+(" + units + r")[ \t]+and[ \t]+$", text[max(0, q.start - 24):q.start], re.I)
            if m and smaller[m.group(1).lower()][1] == q.unit:  # "an hour and 20 minutes"
                q.start, q.core_start = q.start - len(m.group(0)), q.start - len(m.group(0))
                q.value += smaller[m.group(1).lower()][0]
                q.flags.add("unit_only")
        out.append(q)
    return out


def _quantity_at(text: str, i: int, blocked) -> Quantity | None:
    core = _core_at(text, i)
    if core is None:
        return None
    end, value, words = core
    if _inside(blocked, i, end) or patterns()["ordinal"].match(text, end):
        return None
    if words and value >= 20 and value % 10 == 0 and patterns()["ordinal_word"].match(text, end):
        return None  # "the forty-second session": an ordinal, not forty seconds
    if _glued_before(text, i) and not (_currency_before(text, i) or _scaled_prefix(text, i, end)):
        return None  # "G-7", "Tu-95"; a currency glued to its number is not a name ("RM5 billion")
    if words and text[i].isupper() and not _sentence_initial(text, i):
        return None  # "the Six Assurances", "Group of Seven", "One Belt, One Road"
    if not words and _identifier_before(text, i):
        return None
    q = Quantity(start=i, end=end, value=value, core_start=i, core_end=end, words=words)
    _extend_left(text, q)
    _extend_right(text, q)
    if _glued_after(text, q.end):
        return None
    if _is_year(text, q):
        if q.kind is not None or q.high is not None:
            return None
        if not patterns()["plural_after"].match(text, q.end):
            return None  # a year: "in 2014", "since 1972,"
        q.flags.add("yearlike")  # "2000 troops" may count; figures.py decides with the parse
    if q.kind == "compound":
        return _compound(q)
    return q


def _is_year(text: str, q: Quantity) -> bool:
    """A bare four-digit number 1000-2199 (or a range of them) is a calendar year."""
    if q.kind is not None and q.kind != "compound":
        return False
    raw = text[q.core_start:q.core_end]
    return not q.words and re.fullmatch(r"1\d{3}|2[01]\d{2}", raw) is not None


def _compound(q: Quantity) -> Quantity | None:
    """"eight-point" counts points; "two-way", "one-China", "net-zero" are not figures."""
    noun = q.compound_noun or ""
    if not noun.islower() or noun in lexicon()["compound_noncount"] or noun in lexicon()["number_words"]:
        return None
    if noun in lexicon()["fraction_denominators"] or noun in ("first", "second"):
        return None  # "fifty-sixth", "twenty-first": an ordinal
    if q.value == 1 and q.words:
        return None
    if noun == "point" and q.value < 1:  # "a half-point cut": half a percentage point
        q.kind, q.unit, q.compound_noun = "percent", "%", None
        return q
    q.kind, q.unit = "count", noun
    return q


def parse_quantity(s: str) -> Quantity | None:
    """The first quantity in `s` (verb multiples need a parse, so they are ignored here)."""
    found = [q for q in scan(s) if not q.verb_multiple]
    return found[0] if found else None


def parse_number(s: str) -> float | None:
    """The value of a number written alone: "1,200", "two thousand", "1.2bn"."""
    q = parse_quantity(s.strip())
    return q.value if q is not None else None
