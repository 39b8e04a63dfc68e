"""Number grammar: find quantities in plain text, without spaCy.

`scan(text)` returns every candidate quantity with its span, value, kind, unit
and approximation; `parse_quantity(s)` reads one. Candidates whose kind is
None are bare numbers ("eight", "188"): whether they count something is a
grammatical question left to `figures.py`, which has the parse.
The lexicon lives in pipeline/data/units.yaml.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.datafile import load_yaml

UNITS_PATH = Path(__file__).resolve().parent.parent / "data" / "units.yaml"


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    kind: str | None = None
    unit: str | None = None
    approximation: str = "exact"
    low: float | None = None
    high: float | None = None
    core_start: int = 0
    core_end: int = 0
    words: bool = False          # spelled out ("eight")
    vague: bool = False          # "thousands of"
    elided: bool = False         # "300 more": the counted noun is elided
    qualified: bool = False      # a qualifier stands before the number
    verb_multiple: bool = False  # "doubled": figures.py checks it is a verb
    compound_noun: str | None = None  # "eight-point" -> "point"
    flags: set = field(default_factory=set)


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    with open(UNITS_PATH, encoding="utf-8") as f:
        return load_yaml(f.read())


def _alternation(words, flags=0) -> str:
    """Regex alternation, longest first so "US$" wins over "$"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# _unit_after's mark for an adjective between the number and its unit ("one full year").
ADJECTIVE = "<adjective>"

# A character of an e-mail address: anything but space, "@" and the marks that enclose or separate one.
EMAIL_CHAR = r"[^\s@,;:()<>\[\]\"'“”‘’]"


@functools.lru_cache(maxsize=1)
def patterns() -> dict:
    lx = lexicon()
    word_scales = [w for w in lx["scales"] if len(w) > 2 and w.isalpha()] + list(lx["scales_plural"])
    suffix_scales = [w for w in lx["scales"] if w not in word_scales]
    months = _alternation(lx["months"])
    durations = _alternation(lx["duration_singulars"])
    p = {
        "digits": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"),
        "word": re.compile(r"[A-Za-z]+"),
        "word_scale": re.compile(r"[ \t]*-?[ \t]*(" + _alternation(word_scales) + r")\b", re.I),
        "suffix_scale": re.compile(r"(" + _alternation(suffix_scales) + r")\b"),
        # an em dash joins a range only unspaced ("2014—2016"); spaced it is a break in the sentence
        # or a speaker's correction ("17 — 13.2 million jobs")
        "range_sep": re.compile(r"[ \t]*(?:-to-|[-–]|\bto\b|\bor\b)[ \t]*|—(?=[\d$€£¥])|[ \t]+(?:to|or)[ \t]+", re.I),
        "and_sep": re.compile(r"[ \t]+and[ \t]+", re.I),
        "percent": re.compile(r"[ \t]?(" + _alternation(lx["percent_words"]) + r")(?!\w)", re.I),
        "currency_word": re.compile(r"[ \t]+(" + _alternation(lx["currency_words"]) + r")\b"),
        "currency_prefix": re.compile(r"(?:^|(?<=[^A-Za-z]))(" + _alternation(lx["currency_prefixes"]) + r")[ \t]?$"),
        "measure_word": re.compile(r"(?:[ \t]+(?:(" + _alternation(lx["unit_adjectives"]) + r")[ \t]+)?|[ \t]*-)("
                                   + _alternation(lx["measure_words"]) + r")(?:-(?:old|long|wide|high|deep|strong))?\b", re.I),
        "scaled_symbol": re.compile(r"[ \t]?(" + _alternation(lx["scaled_measure_symbols"]) + r")(?![\w²])"),
        "bracket_scale": re.compile(r"[ \t]*\[(" + _alternation(word_scales) + r")\]", re.I),
        "measure_symbol": re.compile(r"[ \t]?(" + _alternation(lx["measure_symbols"]) + r")(?![\w²])"),
        "times": re.compile(r"[ \t]+(" + _alternation(lx["multiple_words"]) + r")\b(?:[ \t]+(" + _alternation(lx["multiple_followers"]) + r")\b)?", re.I),
        "fold": re.compile(r"-?fold\b", re.I),
        "compound": re.compile(r"-([A-Za-z]+)\b"),
        "more": re.compile(r"[ \t]+more\b(?![ \t]+than)", re.I),
        "hyphen_qual": re.compile(r"(?:-(" + _alternation(lx["hyphen_qualifiers"]) + r"))+\b(?!-[a-z])", re.I),
        "after_qual": re.compile(r"(?:[ \t]+(or more|or so|odd)\b|[ \t]?-?(plus)\b|(\+)(?!\d))", re.I),
        "before_qual": re.compile(r"\b(" + _alternation(lx["qualifiers_before"]) + r")[ \t]+$", re.I),
        "between": re.compile(r"\bbetween[ \t]+$", re.I),
        "from": re.compile(r"\bfrom[ \t]+$", re.I),
        "ordinal": re.compile(r"(?:st|nd|rd|th)\b|<sup>", re.I),
        "vague": re.compile(r"\b(?:(" + _alternation(lx["vague_multipliers"]) + r")[ \t]+of[ \t]+)?("
                            + _alternation(lx["vague_scales"]) + r")\b(?=[ \t]+of\b)", re.I),
        "multiple_verb": re.compile(r"\b(" + _alternation(lx["multiple_verbs"]) + r")\b", re.I),
        "fold_word": re.compile(r"\b(" + _alternation(lx["number_words"]) + r")-?fold\b", re.I),
        "twice": re.compile(r"\b(twice)[ \t]+(?:as|the|more|over)\b", re.I),
        "occasion": re.compile(r"\b(" + _alternation(lx["occasion_adverbs"]) + r")\b(?![ \t]+(?:as|the|more|over)\b)", re.I),
        "vague_alone": re.compile(r"\b(?:(" + _alternation(lx["vague_multipliers"]) + r")[ \t]+of[ \t]+)?("
                                  + _alternation(lx["vague_standalone"]) + r")\b(?![ \t]+(?:of|in)\b)", re.I),
        "identifier_word": re.compile(r"(?:^|(?<=\W))(" + _alternation(lx["identifier_words"]) + r")[ \t]*$", re.I),
        "fraction": re.compile(r"\b(" + _alternation(list(lx["number_words"]) + ["a", "an"]) + r")([ \t]+|-)("
                               + _alternation(lx["fraction_denominators"]) + r")\b(?!-)", re.I),
        "half": re.compile(r"\bhalf\b(?![ \t]*-)", re.I),
        "duration_long": re.compile(r"(?<![\w-])(" + durations + r")(?:-(?:" + _alternation(lx["duration_suffixes"])
                                    + r")|long)\b(?!-)", re.I),
        "duration_and_half": re.compile(r"(?<![\w-])(?:an?[ \t]+)?(" + durations + r")[ \t]+and[ \t]+a[ \t]+half\b", re.I),
        "plural_after": re.compile(r"[ \t]+[a-z]"),  # a lower-case word may be a counted noun ("2000 people")
        "of_duration": re.compile(r"(?:[ \t]+of)?[ \t]+an?[ \t]+(" + _alternation(lx["fraction_of_duration"]) + r")\b(?!-)", re.I),
        "listed_number": re.compile(r"(?<![\w.,])\d+[A-Za-z]?[ \t]*(?:,[ \t]*(?:and|or)?|and|or|&)[ \t]*$"),
        "indefinite": re.compile(r"\b(?:" + _alternation(lx["indefinite_numerators"]) + r")[ \t]+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b)", re.I),
        "vague_money": re.compile(r"\b(" + _alternation(lx["vague_money_scales"]) + r")\b(?=[ \t]+in\b)", re.I),
        "ratio": re.compile(r"\b(" + _alternation(lx["number_words"]) + r"|\d{1,3})[ \t]+(?:in|out[ \t]+of)[ \t]+("
                            + _alternation(lx["number_words"]) + r"|\d{1,3})\b(?![.,]\d)", re.I),
        "a_duration": re.compile(r"(?<![\w-])an?[ \t]+(" + durations + r")\b(?![ \t]*-|[ \t]+and[ \t]+a[ \t]+half\b)", re.I),
    }
    p["blocked"] = [
        # Each alternative is linear on any text: `\S+@\S+\.\w+` restarted its scan of a run without
        # spaces at every character (200,000 of them took 98 s). An address now starts only where a
        # run of address characters starts, and each run is scanned once.
        re.compile(r"https?://\S+|www\.\S+|\]\([^)\s]*\)?"),                                     # links
        re.compile(r"(?<!" + EMAIL_CHAR + r")" + EMAIL_CHAR + r"+@" + EMAIL_CHAR + r"+\.\w+"),            # e-mail
        re.compile(r"<[^<>\n]{0,400}>"),                                               # HTML tags
        re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b"),
        re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[ap]\.?m\.?)?|\b\d{1,2}(?:\.\d{2})?[ \t]*[ap]\.?m\.?(?!\w)", re.I),
        re.compile(r"(?:\+\d{1,3}[ .-]?)?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}\b"),     # phone numbers
        re.compile(r"\[\d+\]"),                                                        # footnote marks
        re.compile(r"\b\w+[ \t]+o['’]clock\b", re.I),                                   # "seven o'clock"
        re.compile(r"\(\d{1,2}\)(?![\w(])"),                                           # enumerators in a line: "(2)"
        # (one run of blanks, then a marker and blanks: `[ \t]*[-*•]?[ \t]*` split a line of blanks in
        # every way between its two runs, quadratic in the line's length)
        re.compile(r"(?m)^[ \t]*(?:[-*•][ \t]*)?\(?\d{1,3}[.)](?=[ \t])"),            # list numbering
        # "March 3", "March 3-4", "April 22 and 23", "June 5 to 7"
        re.compile(r"(?:" + months + r")[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:(?:[ \t]*[-–&][ \t]*|[ \t]+(?:and|to)[ \t]+)\d{1,2}\b(?:st|nd|rd|th)?)?"
                   r"(?:,?[ \t]+\d{4})?\b|\b\d{1,2}(?:st|nd|rd|th)?(?:[ \t]*[-–][ \t]*\d{1,2})?[ \t]+(?:of[ \t]+)?(?:"
                   + months + r")(?:,?[ \t]+\d{4})?\b|(?:" + months + r"),?[ \t]+\d{4}\b"),
    ]
    return p


# ---------------------------------------------------------------- numbers

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
        elif _big(w) and last is not None:
            total, cur, last = total + (cur or 1) * scales[w], 0.0, "big"
        elif w == "and" and last is not None and i + 1 < len(words):
            if words[i + 1:i + 3] == ["a", "half"]:
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
        return m.end(), float(m.group().replace(",", "")), False
    got = _word_number_at(text, i)
    return (got[0], got[1], True) if got else None


def _scale_after(text: str, end: int, money: bool) -> tuple[int, float] | None:
    p, lx = patterns(), lexicon()
    m = p["suffix_scale"].match(text, end)
    if m and (money or m.group(1).lower() not in lx["scales_money_only"]):
        return m.end(), lx["scales"][m.group(1).lower()]
    m = p["word_scale"].match(text, end) or p["bracket_scale"].match(text, end)  # "$1.7 [trillion]": an editor's word
    if m:
        return m.end(), _scale_value(m.group(1))
    return None


def _scale_value(word: str) -> float:
    lx = lexicon()
    return lx["scales"].get(word.lower()) or lx["scales_plural"][word.lower()]


# ---------------------------------------------------------------- units

def _currency_before(text: str, start: int) -> tuple[int, str] | None:
    m = patterns()["currency_prefix"].search(text[max(0, start - 8):start])
    if not m:
        return None
    return start - (len(m.group(0))), lexicon()["currency_prefixes"][m.group(1)]


def _unit_after(text: str, end: int, scaled: bool, money: str | None) -> tuple[int, str, str | None, str | None]:
    """(end, kind, unit, compound_noun) of what follows the number; kind None if nothing."""
    p, lx = patterns(), lexicon()
    if money:
        m = p["currency_word"].match(text, end)
        return (m.end(), "money", money, None) if m else (end, "money", money, None)
    m = p["percent"].match(text, end)
    if m:
        return m.end(), "percent", "%", None
    m = p["currency_word"].match(text, end)
    if m and (scaled or m.group(1) not in lx["currency_words_need_scale"]):
        return m.end(), "money", lx["currency_words"][m.group(1)], None
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
    m = p["compound"].match(text, end)
    if m:
        return m.end(), "compound", None, m.group(1)
    return end, None, None, None


def _measure(word: str) -> tuple[str, str]:
    table = lexicon()["measure_words"]
    for key, val in table.items():
        if key.lower() == word.lower():
            return val[0], val[1]
    return "other", word


# ---------------------------------------------------------------- scan

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
    starts = re.compile(r"(?<![\w.,])(?=\d|\.\d)|\b(?=[A-Za-z])")
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
    return out


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
    if _glued_before(text, i):
        return None
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


def _extend_left(text: str, q: Quantity) -> None:
    cur = _currency_before(text, q.start)
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
    if not high > q.value:
        return
    q.low, q.high, q.end = q.value, high, end
    q.value = (q.low + q.high) / 2
    if between:
        q.start = q.start - len(between.group(0))


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
    q.kind, q.unit = "count", noun
    return q


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[ \t]*$", text[max(0, start - 20):start])
    return m.group(1).lower() if m else ""


def _qualify(text: str, q: Quantity) -> Quantity:
    qual = _qualifier(text, q.start)
    if qual:
        q.start, q.approximation, q.qualified = qual[0], qual[1], True
    return q


def _fractions(text: str) -> list[Quantity]:
    """"two-thirds", "four fifths of", "a quarter of", "half of", "over half": kind other, unit fraction."""
    lx, p = lexicon(), patterns()
    dens, need_of = lx["fraction_denominators"], set(lx["fraction_need_of"])
    out = []
    for m in p["fraction"].finditer(text):
        num, hyphen, den = m.group(1).lower(), m.group(2) == "-", m.group(3).lower()
        if _capitalised_inside_sentence(text, m, 1) or _glued_before(text, m.start()):
            continue
        article = num in ("a", "an")
        n = 1 if article else lx["number_words"][num]
        of = re.match(r"[ \t]+of\b", text[m.end():m.end() + 6]) is not None
        if not n or (article and (hyphen or not of)) or (den in need_of and not (of or hyphen)):
            continue
        if not (of or hyphen or (n > 1 and den.endswith("s"))):
            continue  # "one third" alone, "a fifth" (an ordinal: "a fifth term")
        if n >= 20 and n % 10 == 0 and dens[den] < 10:
            continue  # "fifty-sixth", "twenty third": an ordinal
        out.append(_qualify(text, _of_duration(text, Quantity(
            start=m.start(), end=m.end(), value=n / dens[den], kind="other", unit="fraction",
            core_start=m.start(), core_end=m.end(), words=True))))
    for m in p["ratio"].finditer(text):  # "one in five", "seven out of 10": a share
        if _capitalised_inside_sentence(text, m, 1) or _glued_before(text, m.start()):
            continue
        n, d = (float(g) if g.isdigit() else lx["number_words"].get(g.lower(), 0) for g in m.groups())
        if not 0 < n < d or _unit_after(text, m.end(), False, None)[1] is not None:
            continue  # "3 in 10 days" is a count and a duration
        out.append(_qualify(text, Quantity(start=m.start(), end=m.end(), value=n / d, kind="other", unit="fraction",
                                           core_start=m.start(), core_end=m.end(), words=True)))
    for m in p["half"].finditer(text):
        if _capitalised_inside_sentence(text, m):
            continue
        if _word_before(text, m.start()) in lx["half_blockers_before"] or _inside([(q.start, q.end) for q in out], m.start(), m.end()):
            continue
        nxt = re.match(r"[ \t]+([A-Za-z]+)", text[m.end():m.end() + 16])
        nxt = nxt.group(1).lower() if nxt else ""
        q = _qualify(text, Quantity(start=m.start(), end=m.end(), value=0.5, kind="other", unit="fraction",
                                    core_start=m.start(), core_end=m.end(), words=True))
        if nxt in lx["half_followers"] or (q.qualified and nxt not in ("a", "an")):
            out.append(q)
        elif nxt in ("a", "an") and _of_duration(text, q).kind == "duration":
            out.append(q)  # "half a century", "half an hour"
    return out


def _of_duration(text: str, q: Quantity) -> Quantity:
    """A fraction of one unit of time, in the next smaller unit: "a quarter of a century" is 25 years."""
    m = patterns()["of_duration"].match(text, q.end)
    if m:
        factor, unit = lexicon()["fraction_of_duration"][m.group(1).lower()]
        q.end, q.core_end, q.kind, q.unit, q.value = m.end(), m.end(), "duration", unit, q.value * factor
    return q


def _durations_without_number(text: str) -> list[Quantity]:
    """"a week-long visit", "yearlong" (1); "a year and a half" (1.5); "nearly a decade" (1, qualified)."""
    p = patterns()
    out: list[Quantity] = []

    def add(m, value, qualified_only=False):
        if _capitalised_inside_sentence(text, m):
            return
        if _inside([(q.start, q.end) for q in out], m.start(), m.end()):
            return
        before = _word_before(text, m.start())
        if before in lexicon()["number_words"] or re.search(r"\d[ \t]*$", text[max(0, m.start() - 4):m.start()]):
            return  # "two year-long terms" is the number's own figure
        kind, unit = _measure(m.group(1))
        q = _qualify(text, Quantity(start=m.start(), end=m.end(), value=value, kind=kind, unit=unit,
                                    core_start=m.start(), core_end=m.end(), words=True))
        if qualified_only and (not q.qualified or before in ("some", "above", "below")):
            return
        out.append(q)

    for m in p["duration_and_half"].finditer(text):
        add(m, 1.5)
    for m in p["duration_long"].finditer(text):
        add(m, 1.0)
        if out and out[-1].start <= m.start() < out[-1].end:
            out[-1].flags.add("unit_only")  # "week-long": no number word to be an article
    for m in p["a_duration"].finditer(text):
        add(m, 1.0, qualified_only=True)
    return out


def _vague(text: str) -> list[Quantity]:
    lx = lexicon()
    out = []
    for m in patterns()["vague"].finditer(text):
        if _capitalised_inside_sentence(text, m):
            continue
        base = lx["vague_scales"][m.group(2).lower()]
        mult = lx["vague_multipliers"][m.group(1).lower()] if m.group(1) else 1
        q = Quantity(start=m.start(), end=m.end(), value=float(base * mult), approximation="more_than",
                     core_start=m.start(), core_end=m.end(), words=True, vague=True)
        cur = patterns()["currency_word"].match(text, m.end() + 3)
        if cur and text[m.end():m.end() + 3].lower() == " of":
            q.kind, q.unit, q.end = "money", lx["currency_words"][cur.group(1)], cur.end()
        out.append(q)
    for m in patterns()["vague_alone"].finditer(text):  # "thousands have fled": figures.py checks it is a noun
        if _capitalised_inside_sentence(text, m) or _inside([(q.start, q.end) for q in out], m.start(), m.end()):
            continue
        mult = lx["vague_multipliers"][m.group(1).lower()] if m.group(1) else 1  # "tens of billions a year"
        out.append(Quantity(start=m.start(), end=m.end(), value=float(lx["vague_scales"][m.group(2).lower()] * mult),
                            approximation="more_than", core_start=m.start(), core_end=m.end(), words=True,
                            vague=True, flags={"vague_alone"}))
    for m in patterns()["vague_money"].finditer(text):  # "billions in new investment": currency not stated
        if _capitalised_inside_sentence(text, m):
            continue
        out.append(Quantity(start=m.start(), end=m.end(), value=float(lx["vague_scales"][m.group(1).lower()]),
                            kind="money", approximation="more_than", core_start=m.start(), core_end=m.end(),
                            words=True, vague=True))
    return out


def _indefinite(text: str) -> list[Quantity]:
    """"several million refugees", "a few hundred troops": the scale, more_than; what follows
    (a currency, a counted noun) is read as after any number."""
    out = []
    for m in patterns()["indefinite"].finditer(text):
        if _capitalised_inside_sentence(text, m):
            continue
        got = _word_number_at(text, m.end(), lead=["a"])
        if not got:
            continue
        q = Quantity(start=m.start(), end=got[0], value=got[1], approximation="more_than", core_start=m.start(),
                     core_end=got[0], words=True, qualified=True)
        _extend_right(text, q)
        q.approximation = "more_than"
        out.append(q)
    return out


def _verb_multiples(text: str) -> list[Quantity]:
    lx = lexicon()
    out = []
    for m in patterns()["multiple_verb"].finditer(text):
        value = float(lx["multiple_verbs"][m.group(1).lower()])
        out.append(Quantity(start=m.start(), end=m.end(), value=value, kind="multiple", unit="x",
                            core_start=m.start(), core_end=m.end(), words=True, verb_multiple=True))
    for m in patterns()["fold_word"].finditer(text):
        value = float(lx["number_words"][m.group(1).lower()])
        out.append(Quantity(start=m.start(), end=m.end(), value=value, kind="multiple", unit="x",
                            core_start=m.start(), core_end=m.end(), words=True))
    for m in patterns()["occasion"].finditer(text):  # "have met twice": figures.py checks it modifies a verb
        if _capitalised_inside_sentence(text, m):
            continue
        out.append(Quantity(start=m.start(), end=m.end(), value=float(lx["occasion_adverbs"][m.group(1).lower()]),
                            kind="count", unit="time", core_start=m.start(), core_end=m.end(), words=True,
                            flags={"occasion"}))
    for m in patterns()["twice"].finditer(text):
        out.append(Quantity(start=m.start(), end=m.end(), value=2.0, kind="multiple", unit="x",
                            core_start=m.start(), core_end=m.end(1), words=True))
    return out


def parse_quantity(s: str) -> Quantity | None:
    """The first quantity in `s` (verb multiples need a parse, so they are ignored here)."""
    found = [q for q in scan(s) if not q.verb_multiple]
    return found[0] if found else None


def parse_number(s: str) -> float | None:
    """The value of a number written alone: "1,200", "two thousand", "1.2bn"."""
    q = parse_quantity(s.strip())
    return q.value if q is not None else None
