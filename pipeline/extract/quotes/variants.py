"""Name variants of one person in one document, reported by the fullest form the document gives.

"CQ Brown", "Charles Q. Brown" and "Charles Q. Brown Jr." are one person: the family name is the
same and the given names agree unit by unit, where an initial agrees with any name it begins.
Variants are only ever merged within a document, never across documents.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.extract.entities.gazetteer import lexicon as places



@dataclass(frozen=True)
class Unit:
    """One given name or initial: "Charles" (full) or "C" (initial only)."""
    letter: str
    full: str | None


def fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word if not unicodedata.combining(c)).casefold().replace("’", "'")


def split_name(name: str) -> tuple[list[str], str] | None:
    """Given names and family name, without suffixes ("Jr.", "III")."""
    words = [w.strip(",") for w in name.split() if w.strip(",")]
    while len(words) > 1 and fold(words[-1]) in places().suffixes:  # names.yaml, as the entities read it
        words.pop()
    if not words or not re.search(r"[^\W\d_]", words[-1]):
        return None
    return words[:-1], words[-1]


def units(given: list[str], caps_name: bool) -> list[Unit]:
    """"CQ" and "T.R." are two initials each; "Charles" is one name. In a name written all in
    capitals (a transcript label) short words are names, not initials."""
    out: list[Unit] = []
    for w in given:
        bare = w.replace(".", "")
        if not bare or not bare[0].isalpha():
            continue
        initials = bare.isupper() and len(bare) <= 3 and not caps_name
        if initials or len(bare) == 1:
            out += [Unit(fold(c), None) for c in bare if c.isalpha()]
        else:
            out.append(Unit(fold(bare[0]), fold(bare)))
    return out


def agree(a: list[Unit], b: list[Unit]) -> bool:
    """The shorter list of given names is a unit-by-unit prefix of the longer."""
    for x, y in zip(a, b):
        if x.letter != y.letter or (x.full and y.full and x.full != y.full):
            return False
    return True


def variant_key(name: str) -> tuple[str, list[Unit]] | None:
    parts = split_name(name)
    if parts is None:
        return None
    given, family = parts
    caps = name.replace(".", "").isupper()
    return fold(family).strip("."), units(given, caps)


def fullness(name: str) -> tuple[int, int]:
    return len(name.split()), len(name)


def fullest_forms(names: list[str]) -> dict[str, str]:
    """Each person name with given names -> the fullest name of its variants in `names`.
    A form that agrees with two variants that disagree with each other ("J. Smith" beside
    "John Smith" and "Jane Smith") is left as it stands."""
    keyed = [(n, k) for n in dict.fromkeys(names) if (k := variant_key(n)) and k[1]]
    out: dict[str, str] = {}
    for name, (family, given) in keyed:
        same = [(n, g) for n, (f, g) in keyed if f == family and agree(given, g)]
        longest = max(same, key=lambda x: fullness(x[0]))
        if all(agree(g, longest[1]) for _, g in same):
            out[name] = longest[0]
    return out
