"""Units: the currency before a number, the unit or measure word after it."""
from __future__ import annotations

from pipeline.extract.numbers.currencies import currency_code
from pipeline.extract.numbers.lexicon import ADJECTIVE, lexicon, patterns


def _currency_before(text: str, start: int) -> tuple[int, str] | None:
    m = patterns()["currency_prefix"].search(text[max(0, start - 8):start])
    if not m:
        return None
    return start - (len(m.group(0))), lexicon()["currency_prefixes"][m.group(1)]


def _scaled_prefix(text: str, start: int, end: int) -> tuple[int, str] | None:
    """A short currency sign glued to a scaled number, as regional papers write them: "Sh1.2 trillion"
    (Kenyan shillings), "N2.5 trillion" (naira), "R23 billion" (rand). Alone these letters are
    names or codes ("N95", "R2"), so a scale word must follow."""
    import re

    from pipeline.extract.numbers.words import _scale_after

    m = re.search(r"(?<![A-Za-z])([A-Za-z]{1,3}) ?$", text[max(0, start - 5):start])
    code = lexicon()["currency_prefixes_scaled"].get(m.group(1)) if m else None
    if code is None or not _scale_after(text, end, True):
        return None
    return start - len(m.group(0)), code


def _currency_after(text: str, end: int, scaled: bool) -> tuple[int, str | None] | None:
    """(end, ISO code) of a currency word after a number: "80 billion yuan", "50 Egyptian pounds".
    Words that are also other words ("won", "crowns", "real") need a scale or a nationality."""
    p, lx = patterns(), lexicon()
    m = p["currency_word"].match(text, end)
    if m and (scaled or m.group(1) not in lx["currency_words_need_scale"]):
        return m.end(), lx["currency_words"][m.group(1)]
    m = p["currency_noun"].match(text, end)
    if m:
        entry = lx["currency_nouns"][m.group(2)]
        code, named = currency_code(entry, m.group(1), text[max(0, end - 250):end])
        if named or (not entry.need_nation and (entry.alone or scaled)):
            return m.end(), code
    return None


def _hyphen_currency(word: str) -> str | None:
    """The ISO code of a currency noun joined to a number by a hyphen ("billion-dollar")."""
    lx = lexicon()
    if word in lx["currency_words"] and word not in lx["currency_words_need_scale"]:
        return lx["currency_words"][word]
    entry = lx["currency_nouns"].get(word)
    return entry.default if entry is not None and entry.alone and not entry.need_nation else None


def _unit_after(text: str, end: int, scaled: bool, money: str | None) -> tuple[int, str, str | None, str | None]:
    """(end, kind, unit, compound_noun) of what follows the number; kind None if nothing."""
    p, lx = patterns(), lexicon()
    if money:
        m = p["currency_word"].match(text, end)
        return (m.end(), "money", money, None) if m else (end, "money", money, None)
    m = p["percent"].match(text, end)
    if m:
        return m.end(), "percent", "%", None
    cur = _currency_after(text, end, scaled)
    if cur:
        return cur[0], "money", cur[1], None
    m = p["times"].match(text, end)
    if m:
        return (m.end(), "multiple", "x", None) if m.group(2) else (m.end(1), "count", "time", None)
    m = p["fold"].match(text, end)
    if m:
        return m.end(), "multiple", "x", None
    m = p["measure_word"].match(text, end)
    if m:
        kind, unit = _measure(m.group(2))
        return m.end(), kind, unit, ADJECTIVE if m.group(1) else None
    m = p["measure_symbol"].match(text, end)
    if m and not text[m.end():m.end() + 1].isalnum():
        kind, unit = lx["measure_symbols"][m.group(1)]
        return m.end(), kind, unit, None
    m = p["glued_symbol"].match(text, end)
    if m:
        kind, unit = lx["glued_measure_symbols"][m.group(1)]
        return m.end(), kind, unit, None
    m = p["compound"].match(text, end)
    if m and _hyphen_currency(m.group(1)):
        return m.end(), "money", _hyphen_currency(m.group(1)), None  # "a billion-dollar deal", "a 10-euro note"
    if m:
        return m.end(), "compound", None, m.group(1)
    return end, None, None, None


def _measure(word: str) -> tuple[str, str]:
    table = lexicon()["measure_words"]
    for key, val in table.items():
        if key.lower() == word.lower():
            return val[0], val[1]
    return "other", word
