"""The lexicon (pipeline/data/units.yaml) and the regular expressions built from it."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from pipeline.datafile import load_yaml
from pipeline.extract.numbers.currencies import currency_nouns, iso_codes


UNITS_PATH = Path(__file__).resolve().parents[2] / "data" / "units.yaml"  # pipeline/data, beside the package


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    with open(UNITS_PATH, encoding="utf-8") as f:
        lx = load_yaml(f.read())
    lx["scales_plural"] = {word: value for word, value in lx["vague_scales"].items() if value >= 1000}
    codes = iso_codes(lx)  # "ZAR 5 billion", "5 billion NGN"; the file's own entries win
    lx["currency_prefixes"] = {**codes, **lx["currency_prefixes"]}
    lx["currency_words"] = {**codes, **lx["currency_words"]}
    lx["currency_nouns"] = currency_nouns(lx)
    return lx


def _alternation(words) -> str:
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
        # thousands grouped by commas, or by spaces as UN and European texts write them ("10 000 troops")
        "digits": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.]?\d)(?:\.\d+)?"
                             r"|\d+(?:\.\d+)?|\.\d+"),
        "word": re.compile(r"[A-Za-z]+"),
        "word_scale": re.compile(r"[ \t]*-?[ \t]*(" + _alternation(word_scales) + r")\b", re.I),
        "suffix_scale": re.compile(r"[ \t]?(" + _alternation(suffix_scales) + r")\b"),  # "1.2bn", "12.3 bn", "$5B"
        # a plural noun, after one adjective or nationality or not: "people", "displaced people", "Syrian refugees"
        "plural_noun": re.compile(r"[ \t]+(?:[A-Za-z]+[ \t]+)?(?!(?:" + _alternation(lx["not_plural_nouns"])
                                  + r")\b)(people|children|men|women|[A-Za-z]*[a-rt-z]s)\b"),
        # an em dash joins a range only unspaced ("2014—2016"); spaced it is a break in the sentence
        # or a speaker's correction ("17 — 13.2 million jobs")
        "range_sep": re.compile(r"[ \t]*(?:-to-|[-–]|\bto\b|\bor\b)[ \t]*|—(?=[\d$€£¥])|[ \t]+(?:to|or)[ \t]+", re.I),
        "and_sep": re.compile(r"[ \t]+and[ \t]+", re.I),
        "percent": re.compile(r"[ \t]?(" + _alternation(lx["percent_words"]) + r")(?!\w)", re.I),
        "currency_word": re.compile(r"[ \t]+(" + _alternation(lx["currency_words"]) + r")\b"),
        # a currency noun, after a nationality or not: "120 billion rand", "50 Egyptian pounds"
        "currency_noun": re.compile(r"[ \t]+(?:((?:UAE|[A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+)?)[ \t]+)?("
                                    + _alternation(lx["currency_nouns"]) + r")\b"),
        "currency_prefix": re.compile(r"(?:^|(?<=[^A-Za-z]))(" + _alternation(lx["currency_prefixes"]) + r")[ \t]?$"),
        "measure_word": re.compile(r"(?:[ \t]+(?:(" + _alternation(lx["unit_adjectives"]) + r")[ \t]+)?|[ \t]*-)("
                                   + _alternation(lx["measure_words"]) + r")(?:-(?:old|long|wide|high|deep|strong))?\b", re.I),
        "scaled_symbol": re.compile(r"[ \t]?(" + _alternation(lx["scaled_measure_symbols"]) + r")(?![\w²])"),
        "bracket_scale": re.compile(r"[ \t]*\[(" + _alternation(word_scales) + r")\]", re.I),
        "glued_symbol": re.compile(r"(" + _alternation(lx["glued_measure_symbols"]) + r")(?![\w²])"),  # "1.5C"
        "measure_symbol": re.compile(r"(?:[ \t]?|-)(" + _alternation(lx["measure_symbols"]) + r")(?![\w²])"),  # "a 4,000-km border"
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
        # "forty-second session", "twenty-first century": a tens word joined to an ordinal is one ordinal
        "ordinal_word": re.compile(r"-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", re.I),
        # "hundreds of people"; "hundreds of millions (of dollars)" is one amount, never "hundreds" of a unit "millions"
        "vague": re.compile(r"\b(?:(" + _alternation(lx["vague_multipliers"]) + r")[ \t]+of[ \t]+)?("
                            + _alternation(lx["vague_scales"]) + r")\b(?=[ \t]+of\b(?![ \t]+(?:"
                            + _alternation(lx["vague_scales"]) + r")\b))", re.I),
        "multiple_verb": re.compile(r"\b(" + _alternation(lx["multiple_verbs"]) + r")\b", re.I),
        "fold_word": re.compile(r"\b(" + _alternation(lx["number_words"]) + r")-?fold\b", re.I),
        "twice": re.compile(r"\b(twice)[ \t]+(?:as|the|more|over)\b", re.I),
        "occasion": re.compile(r"\b(" + _alternation(lx["occasion_adverbs"]) + r")\b(?![ \t]+(?:as|the|more|over)\b)", re.I),
        "vague_alone": re.compile(r"\b(?:(" + _alternation(lx["vague_multipliers"]) + r")[ \t]+of[ \t]+)?("
                                  + _alternation(lx["vague_standalone"]) + r")\b(?![ \t]+(?:of|in)\b)", re.I),
        "identifier_word": re.compile(r"(?:^|(?<=\W))(" + _alternation(lx["identifier_words"]) + r")[ \t]*$", re.I),
        "fraction": re.compile(r"\b(" + _alternation(list(lx["number_words"]) + ["a", "an"]) + r")([ \t]+|-)("
                               + _alternation(lx["fraction_denominators"]) + r")\b(?!-)", re.I),
        "point_fraction": re.compile(r"\b(" + _alternation(lx["point_fractions"]) + r")-(?:percentage-)?point\b", re.I),
        "share_end": re.compile(r"[ \t]*(?:$|[.,;:!?)\u2014\u2013]|(?:" + _alternation(lx["share_end_words"]) + r")\b)", re.I),
        "half": re.compile(r"\bhalf\b(?![ \t]*-)", re.I),
        "duration_long": re.compile(r"(?<![\w-])(" + durations + r")(?:-(?:" + _alternation(lx["duration_suffixes"])
                                    + r")|long)\b(?!-)", re.I),
        "duration_and_half": re.compile(r"(?<![\w-])(?:an?[ \t]+)?(" + durations + r")[ \t]+and[ \t]+a[ \t]+half\b", re.I),
        # a lower-case word may be a counted noun ("2000 people"), also after a nationality ("2000
        # Ethiopian migrants"), and a capitalised plural may be a people ("2021 Afghans")
        "plural_after": re.compile(r"[ \t]+(?:[A-Z][a-z]+[ \t]+)?[a-z]|[ \t]+[A-Z][a-z]+s\b"),
        "of_scale": re.compile(r"[ \t]+of[ \t]+an?[ \t]+(thousand|million|billion|trillion)\b(?!-)", re.I),
        "of_duration": re.compile(r"(?:[ \t]+of)?[ \t]+an?[ \t]+(" + _alternation(lx["fraction_of_duration"]) + r")\b(?!-)", re.I),
        "listed_number": re.compile(r"(?<![\w.,])\d+[A-Za-z]?[ \t]*(?:,[ \t]*(?:and|or)?|and|or|&)[ \t]*$"),
        "indefinite": re.compile(r"\b(?:" + _alternation(lx["indefinite_numerators"]) + r")[ \t]+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b)", re.I),
        "vague_money": re.compile(r"\b(" + _alternation(lx["vague_money_scales"]) + r")\b(?=[ \t]+in\b)", re.I),
        # "one in five", "seven out of 10", "1-in-5"
        "ratio": re.compile(r"\b(" + _alternation(lx["number_words"]) + r"|\d{1,3})(?:[ \t]+|-)(?:in|out[ \t-]+of)(?:[ \t]+|-)("
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
