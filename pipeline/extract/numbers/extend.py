"""Approximations and ranges: widen a number to its currency, qualifiers, scale, range and unit."""
from __future__ import annotations

import re

from pipeline.extract.numbers.context import _glued_after, _qualifier, _word_before
from pipeline.extract.numbers.lexicon import ADJECTIVE, lexicon, patterns
from pipeline.extract.numbers.quantity import Quantity
from pipeline.extract.numbers.units import _currency_before, _scaled_prefix, _unit_after
from pipeline.extract.numbers.words import _core_at, _scale_after


def _extend_left(text: str, q: Quantity) -> None:
    cur = _currency_before(text, q.start) or _scaled_prefix(text, q.start, q.end)
    if cur:
        q.start, q.kind, q.unit = cur[0], "money", cur[1]
    qual = _qualifier(text, q.start)
    if qual:
        q.start, q.approximation, q.qualified = qual[0], qual[1], True


def _extend_right(text: str, q: Quantity) -> None:
    p = patterns()
    money = q.unit if q.kind == "money" else None
    scale = _scale_after(text, q.end, bool(money))
    scaled = bool(scale) or (q.words and q.value >= 1000)
    if scale:
        q.end, q.value = scale[0], q.value * scale[1]
        q.flags.add("scaled")
        bigger = _scale_after(text, q.end, bool(money))
        if bigger and bigger[1] > scale[1]:  # "5 lakh crore", "2,000 thousand million": the scales multiply
            q.end, q.value = bigger[0], q.value * bigger[1]
    _range(text, q, bool(money))
    scaled = scaled or (q.high is not None and q.high >= 1000 and q.words)
    hyphen = p["hyphen_qual"].match(text, q.end)
    if hyphen:  # "20-some-odd nations": about 20, and the noun after counts
        q.end, q.approximation = hyphen.end(), lexicon()["hyphen_qualifiers"][hyphen.group(1).lower()]
    end, kind, unit, noun = _unit_after(text, q.end, scaled, money)
    sym = None if money else p["scaled_symbol"].match(text, q.end)
    if sym and not text[sym.end():sym.end() + 1].isalnum():  # "25 MMT": 25 million metric tons
        kind, unit, factor = lexicon()["scaled_measure_symbols"][sym.group(1)]
        end, noun = sym.end(), None
        q.value, q.low, q.high = (v * factor if v is not None else None for v in (q.value, q.low, q.high))
    if noun == ADJECTIVE:  # "one full year": a quantity, not an article
        noun = None
        q.flags.add("unit_adjective")
    if kind:
        q.end, q.kind, q.unit, q.compound_noun = end, kind, unit, noun
        _range_of_units(text, q)
    elif p["more"].match(text, q.end):
        q.elided = True
        q.end = p["more"].match(text, q.end).end()
    after = p["after_qual"].match(text, q.end)
    if after and q.kind != "compound":
        word = next(g for g in after.groups() if g)
        q.end, q.approximation = after.end(), lexicon()["qualifiers_after"][word.lower()]
        scale = None if "scaled" in q.flags else _scale_after(text, q.end, bool(money))
        if scale:  # "$5+ trillion": the scale word follows the qualifier
            q.end, q.value = scale[0], q.value * scale[1]
            q.flags.add("scaled")


def _range(text: str, q: Quantity, money: bool) -> None:
    p = patterns()
    between = p["between"].search(text[max(0, q.start - 10):q.start])
    sep = (p["and_sep"] if between else p["range_sep"]).match(text, q.end)
    if not sep:
        return
    if not between and "to" in sep.group().lower() and "-to-" not in sep.group() and p["from"].search(text[max(0, q.start - 6):q.start]):
        return  # "from 6% to 3%" is a change, not a range
    if "or" in sep.group().lower() and not q.words:
        return
    j = sep.end()
    if money:
        m = re.match(r"(?:US\$|[$€£¥₩₽])[ \t]?", text[j:j + 5])
        j += m.end() if m else 0
    core = _core_at(text, j)
    if not core or patterns()["ordinal"].match(text, core[0]) or _glued_after(text, core[0]) and not _scale_after(text, core[0], money):
        return
    end, high, _ = core
    scale = _scale_after(text, end, money)
    if scale:
        end, high = scale[0], high * scale[1]
        if "scaled" not in q.flags and q.value * scale[1] < high:
            q.value *= scale[1]  # "$5-10 million": the scale word serves both ends
        elif "scaled" not in q.flags:
            return  # "in 2020 to 9.14 million tons": the scale cannot serve the first number, so no range
    if high > q.value:
        _as_range(q, high, end, between)


def _range_of_units(text: str, q: Quantity) -> None:
    """"between 10% and 20%", "5 percent to 6 percent", "40 km to 60 km": a range whose ends each
    carry the unit (a bare first end is read by _range: "10-20%")."""
    p = patterns()
    if q.high is not None or q.kind not in ("percent", "distance", "mass", "other") or q.compound_noun:
        return
    between = p["between"].search(text[max(0, q.start - 10):q.start])
    sep = (p["and_sep"] if between else p["range_sep"]).match(text, q.end)
    if not sep or "or" in sep.group().lower():
        return
    if not between and p["from"].search(text[max(0, q.start - 6):q.start]):
        return  # "from 6% to 3%" is a change, not a range
    if "to" in sep.group().lower() and _after_change_word(text, q.start):
        return  # "it fell 2% to 3.1%": the change, then the level it reached
    core = _core_at(text, sep.end())
    if not core or patterns()["ordinal"].match(text, core[0]):
        return
    end, high, _ = core
    unit_end, kind, unit, _noun = _unit_after(text, end, False, None)
    if _points(text[q.core_end:q.end]) != _points(text[end:unit_end]):
        return  # "by half a percentage point to 11.75%": the change in points, then the level it reached
    if (kind, unit) == (q.kind, q.unit) and high > q.value:
        _as_range(q, high, unit_end, between)


def _points(unit_text: str) -> bool:
    """Is the unit a count of points ("percentage points", "basis points") rather than a level?"""
    return re.search(r"\bpoints?\b", unit_text, re.I) is not None


def _as_range(q: Quantity, high: float, end: int, between) -> None:
    """`q` becomes the range from its value to `high`, its value the midpoint; a "between" before
    it joins its span."""
    q.low, q.high, q.end = q.value, high, end
    q.value = (q.low + q.high) / 2
    if between:
        q.start = q.start - len(between.group(0))


def _after_change_word(text: str, start: int) -> bool:
    """Does a word of change stand before the number ("rose", "fell by", "up")?"""
    word = _word_before(text, start)
    if word == "by":
        m = re.search(r"by[ \t]*$", text[max(0, start - 20):start])
        word = _word_before(text, start - len(m.group(0))) if m else word
    return word in lexicon()["change_words"]
