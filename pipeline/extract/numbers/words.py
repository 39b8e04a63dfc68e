"""Numbers in digits or words ("1,200", "two thousand") and the scale words after them ("million", "bn")."""
from __future__ import annotations

import re

from pipeline.extract.numbers.lexicon import lexicon, patterns


def _word_value(words: list[str]) -> tuple[int, float] | None:
    """Longest prefix of `words` that is a spelled-out number: (length, value)."""
    lx = lexicon()
    small, mult, scales = lx["number_words"], lx["number_multipliers"], lx["scales"]
    total, cur, best, last, i = 0.0, 0.0, None, None, 0
    while i < len(words):
        w = words[i]
        if w in ("a", "an") and i == 0 and i + 1 < len(words) and (words[i + 1] in mult or _big(words[i + 1])):
            cur, last = 1.0, "a"
        elif w == "half" and i == 0:
            cur, last = 0.5, "half"
            if i + 1 < len(words) and words[i + 1] in ("a", "an"):
                i += 1
        elif w in small:
            if last in ("small", "teen") or (last == "tens" and not 0 < small[w] < 10):
                break
            cur += small[w]
            last = "tens" if small[w] >= 20 and small[w] % 10 == 0 else ("teen" if small[w] >= 10 else "small")
        elif w in mult and last is not None:
            cur, last = (cur or 1) * mult[w], "mult"
        elif _big(w) and last == "big" and not cur and scales[w] > scales[words[i - 1]]:
            total = total * scales[w]  # "a thousand million" is a billion, "two thousand million" 2e9
        elif _big(w) and last is not None:
            total, cur, last = total + (cur or 1) * scales[w], 0.0, "big"
        elif w == "and" and last is not None and i + 1 < len(words):
            if words[i + 1:i + 3] == ["a", "half"] and last == "big":  # "a million and a half": half the scale
                total, i, last = total + 0.5 * scales[words[i - 1]], i + 2, "half"
            elif words[i + 1:i + 3] == ["a", "half"]:
                cur, i, last = cur + 0.5, i + 2, "half"
            elif words[i + 1] in small and last in ("mult", "big"):
                pass
            else:
                break
        else:
            break
        if last not in ("a", "half") or w in ("half", "and"):  # "and": "three and a half"
            best = (i + 1, total + cur)
        i += 1
    return best


def _big(w: str) -> bool:
    return w in ("thousand", "million", "billion", "trillion")


def _word_number_at(text: str, i: int, lead: list[str] | None = None) -> tuple[int, float] | None:
    """A spelled-out number starting at text[i]: (end offset, value). `lead`: words read before it
    (["a"] makes "million" a number)."""
    p = patterns()["word"]
    spans, pos = [(w, i) for w in lead or []], i
    while len(spans) < 40:
        m = p.match(text, pos)
        if not m:
            break
        spans.append((m.group().lower(), m.end()))
        sep = re.match(r"[ \t]+|-(?=[A-Za-z])", text[m.end():m.end() + 3])
        if not sep:
            break
        pos = m.end() + sep.end()
    got = _word_value([w for w, _ in spans])
    if not got:
        return None
    n, value = got
    return spans[n - 1][1], value


def _core_at(text: str, i: int) -> tuple[int, float, bool] | None:
    """A number (digits or words) starting exactly at text[i]: (end, value, words)."""
    m = patterns()["digits"].match(text, i)
    if m:
        return m.end(), float(re.sub(r"[, \u00a0\u2009\u202f]", "", m.group())), False
    got = _word_number_at(text, i)
    return (got[0], got[1], True) if got else None


def _scale_after(text: str, end: int, money: bool) -> tuple[int, float] | None:
    p, lx = patterns(), lexicon()
    m = p["suffix_scale"].match(text, end)
    if m and (money or m.group(1).lower() not in lx["scales_money_only"] or _counts_plural(text, m)):
        return m.end(), lx["scales"][m.group(1).lower()]
    m = p["word_scale"].match(text, end) or p["bracket_scale"].match(text, end)  # "$1.7 [trillion]": an editor's word
    if m:
        return m.end(), _scale_value(m.group(1))
    return None


def _counts_plural(text: str, m: re.Match) -> bool:
    """"1.2m people": a money-only scale glued to its number counts the plural noun after it."""
    return not m.group().startswith((" ", "\t")) and bool(patterns()["plural_noun"].match(text, m.end()))


def _scale_value(word: str) -> float:
    lx = lexicon()
    return lx["scales"].get(word.lower()) or lx["scales_plural"][word.lower()]
