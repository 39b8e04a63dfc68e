"""Quantities with no number in digits to start from: fractions and shares, durations without a
number ("a week-long visit"), vague and indefinite amounts ("thousands of"), multiples ("doubled")."""
from __future__ import annotations

import re

from pipeline.extract.numbers.context import (_capitalised_inside_sentence, _glued_before, _inside, _qualifier, _qualify,
                                              _word_before)
from pipeline.extract.numbers.extend import _extend_right
from pipeline.extract.numbers.lexicon import lexicon, patterns
from pipeline.extract.numbers.quantity import Quantity
from pipeline.extract.numbers.units import _currency_after, _measure, _unit_after
from pipeline.extract.numbers.words import _word_number_at


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
        # "a tenth of", and "a tenth the size of": a share of a measure named after "the"
        of = re.match(r"[ \t]+(?:of|the)\b", text[m.end():m.end() + 6]) is not None
        if _share_after_by(text, m) and n and not hyphen:
            pass  # "prices rose by a third", "cut by a quarter in May"
        elif not n or (article and (hyphen or not of)) or (den in need_of and not (of or hyphen)):
            continue
        elif not (of or hyphen or (n > 1 and den.endswith("s"))):
            continue  # "one third" alone, "a fifth" (an ordinal: "a fifth term")
        if n >= 20 and n % 10 == 0 and dens[den] < 10:
            continue  # "fifty-sixth", "twenty third": an ordinal
        out.append(_qualify(text, _of_scale(text, _of_duration(text, Quantity(
            start=m.start(), end=m.end(), value=n / dens[den], kind="other", unit="fraction",
            core_start=m.start(), core_end=m.end(), words=True)))))
    for m in p["point_fraction"].finditer(text):  # "a quarter-point rate cut": a share of a percentage point
        if not _capitalised_inside_sentence(text, m, 1):
            out.append(_qualify(text, Quantity(start=m.start(), end=m.end(), value=lx["point_fractions"][m.group(1).lower()],
                                               kind="percent", unit="%", core_start=m.start(), core_end=m.end(), words=True)))
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
        if nxt in lx["half_followers"] or (q.qualified and nxt not in ("a", "an")) or _share_after_by(text, m):
            out.append(q)
        elif nxt in ("a", "an") and _of_duration(text, q).kind == "duration":
            out.append(q)  # "half a century", "half an hour"
    return out


def _share_after_by(text: str, m: re.Match) -> bool:
    """"by a third", "by half": a share that measures a change, closing its phrase ("by a third
    party" names a party)."""
    qual = _qualifier(text, m.start())  # "by nearly a third"
    if _word_before(text, qual[0] if qual else m.start()) not in lexicon()["share_words_before"]:
        return False
    return patterns()["share_end"].match(text, m.end()) is not None


def _of_scale(text: str, q: Quantity) -> Quantity:
    """A fraction of a scale word is that share of it: "a quarter of a million refugees" is 250,000
    refugees, "three-quarters of a billion dollars" 7.5e8 dollars (the noun after is read as after
    any number)."""
    m = patterns()["of_scale"].match(text, q.end)
    if m and q.unit == "fraction":
        q.value *= lexicon()["scales"][m.group(1).lower()]
        q.end, q.core_end, q.kind, q.unit = m.end(), m.end(), None, None
        _extend_right(text, q)
    return q


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
        cur = _currency_after(text, m.end() + 3, True) if text[m.end():m.end() + 3].lower() == " of" else None
        if cur:  # "billions of dollars", "millions of Egyptian pounds"
            q.kind, q.unit, q.end = "money", cur[1], cur[0]
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
        if " ".join(m.group().lower().split()) in lexicon()["indefinite_pairs"]:
            q.value, q.approximation = q.value * 2, "about"
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
