"""Currency nouns after a number, from the ISO 4217 list that pycountry keeps ("120 billion rand",
"50 Egyptian pounds", "2.1 billion Swedish crowns", "45 billion pesos").

A noun may stand alone ("rand") or after a nationality ("Turkish lira"). The nationality picks the
currency when several share the noun: "Egyptian pounds" is EGP, "Pakistani rupees" PKR (the
adjective is matched to the ISO name, "Pakistan Rupee", by its first letters). A noun that no
nationality settles takes the default units.yaml gives it, else no unit (the kind is still money).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Letters of a nationality that must agree with the ISO name's: "Pakistani" ~ "Pakistan", "Ugandan" ~ "Uganda".
PREFIX = 5
# Words of an ISO adjective that name no nation: "Falkland Islands Pound" is matched by "Falkland".
GENERIC = {"islands"}


@dataclass(frozen=True)
class CurrencyNoun:
    """One surface noun ("pesos") and the currencies whose ISO name ends in it."""
    by_adjective: tuple[tuple[str, str], ...]  # (ISO adjective in lower case, code): ("mexican", "MXN")
    default: str | None                        # the code when no adjective settles it
    alone: bool                                # may it follow a number with no nationality or scale ("50 rand")?
    need_nation: bool                          # only after a nationality or in a text naming one ("pounds")


def currency_nouns(lx: dict) -> dict[str, CurrencyNoun]:
    """Every surface form (lower case, singular and plural) of an ISO currency noun; `lx` is the
    lexicon as read from units.yaml (numbers/lexicon.py calls this once)."""
    import pycountry
    cfg = lx["iso_currencies"]
    found: dict[str, list[tuple[str, str]]] = {}
    defaults: dict[str, str | None] = {}
    names = [(cur.name, cur.alpha_3) for cur in pycountry.currencies] + list(cfg["extra_names"].items())
    for name, code in names:
        if code in cfg["skip_codes"] or "(" in name:
            continue
        words = name.split()
        adjective, noun = " ".join(words[:-1]).lower(), words[-1].lower()
        if words[-1][0].islower() or not noun.isalpha() or noun in cfg["not_nouns"]:
            continue
        for form in _forms(noun, cfg):
            found.setdefault(form, []).append((adjective, code))
            if noun in cfg["defaults"]:  # the default of a noun serves its plurals and English names
                defaults[form] = cfg["defaults"][noun]
    need_cue = set(cfg["need_cue"]) | set(lx["currency_words_need_scale"])
    out = {}
    for form, pairs in found.items():
        codes = {code for _, code in pairs}
        default = defaults.get(form) if form in defaults else (next(iter(codes)) if len(codes) == 1 else None)
        out[form] = CurrencyNoun(by_adjective=tuple(pairs), default=default, alone=form not in need_cue,
                                 need_nation=form in cfg["need_nation"])
    return out


def _forms(noun: str, cfg: dict) -> list[str]:
    """The noun, its plural(s) and its English names: "krona" -> krona, kronor, kronas, crown, crowns."""
    names = [noun] + list(cfg["english_names"].get(noun, []))
    forms = []
    for name in names:
        forms += [name] + list(cfg["plurals"].get(name, [name + "s"]))
    return forms


def currency_code(entry: CurrencyNoun, adjective: str | None, before: str = "") -> tuple[str | None, bool]:
    """(ISO code, named): the currency of a noun after `adjective` ("Egyptian"; None: no adjective),
    and whether a nationality named it. With no adjective, a noun several currencies share takes
    the one of the nearest nationality or country in `before`, the text before the number
    ("Mexico's finance ministry raised 45 billion pesos"), else its default."""
    if adjective:
        for word in reversed(adjective.split()):  # "Sri Lankan", "Falkland Islands"
            code = _by_word(entry, word)
            if code:
                return code, True
    elif len({code for _, code in entry.by_adjective}) > 1:
        for word in reversed(re.findall(r"\b(?:[A-Z][a-z]+|[A-Z]{2,3}\b)", before)):
            code = _by_word(entry, word)
            if code:
                return code, True
    return entry.default, bool(adjective)


def _by_word(entry: CurrencyNoun, word: str) -> str | None:
    """The currency whose ISO adjective ends in `word`, or in a word with its first letters:
    "Pakistani" and "Pakistan's" ~ "Pakistan Rupee", "Lankan" ~ "Sri Lanka Rupee"."""
    w = word.lower()
    for iso_adj, code in entry.by_adjective:
        last = next((x for x in reversed(iso_adj.split()) if x not in GENERIC), None)
        if last is not None and (last == w or (len(w) >= PREFIX and last[:PREFIX] == w[:PREFIX])):
            return code
    return None


def iso_codes(lx: dict) -> dict[str, str]:
    """ISO codes that may stand before or after a number ("ZAR 5 billion", "5 billion NGN"): all but
    the codes that spell English words ("TOP 10", "ALL 27 members")."""
    import pycountry
    cfg = lx["iso_currencies"]
    skip = set(cfg["skip_codes"]) | set(cfg["word_codes"])
    return {c.alpha_3: c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in skip}
