"""Alias merging: the name variants of one person within a document ("Kishida" -> "Fumio Kishida"),
people the gazetteer lacks gathered over their variants, and lone surnames NER missed.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from pipeline.extract.entities.dictionary import Entity
from pipeline.extract.entities.gazetteer import (
    HONORIFICS, INITIAL, Lexicon, _role_text, actor_entity, lexicon, plain_entity,
)
from pipeline.extract.entities.roles import _portfolio_ending_at, _strip_titles

# a romanised Chinese or Korean given name ("Ching-te", "Jae-myung"); a double-barrelled family name
# ("Rees-Mogg") is capitalised after its hyphen
ROMANISED_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


@dataclass
class _Person:
    """A person the gazetteer lacks, gathered over the document's name variants."""

    tokens: tuple[str, ...]
    name: str
    country: str | None = None
    title: str | None = None
    spans: list = field(default_factory=list)
    complete: bool = False  # title already names its place ("Mayor of Beijing")


def _clean_person(words: list[str], lows: list[str], start: int, end: int, lex: Lexicon) -> int:
    """Skip titles, honorifics and the tail of a portfolio ("... Labour and Welfare Keizo Takemi")
    NER left inside a PERSON span."""
    lead = _strip_titles(words[start:end], lows[start:end], lex)
    start = start + lead if lead < end - start else start
    while end - start > 2 and _portfolio_ending_at(words, lows, start, max(0, start - 12), lex) is not None:
        start += 1
    return start


def _calls(tokens, lex: Lexicon) -> set[str]:
    """Lone words that may stand for a person: the family name (last, or first in Chinese/Korean order)."""
    words = [w.lower().strip(".,") for w in tokens if w.lower() not in lex.suffixes and not INITIAL.match(w)]
    if len(words) < 2:
        return set()
    out = {words[-1]}
    if words[0] in lex.surname_first:
        out.add(words[0])
    if ROMANISED_GIVEN.match(tokens[-1]):
        out.add(words[-2])  # "William Lai Ching-te", "Lee Jae-myung": the family name comes before the given name
    return out


def _preferred(ents: list[Entity]) -> Entity | None:
    """One person among those sharing a family name: the only one, else the only office holder
    ("Trump" is the president, not a relative)."""
    unique = {e.entity_id: e for e in ents}
    if len(unique) == 1:
        return next(iter(unique.values()))
    holders = [e for e in unique.values() if e.code and e.role]
    return holders[0] if len(holders) == 1 else None


def _merge_people(resolved: list, people: dict, date=None) -> None:
    """Map single-token names to the document's fuller names by family name, then to entities.
    A lone given name ("Mike") that is no one's family name is dropped, never guessed."""
    lex = lexicon()
    by_word: dict[str, list[Entity]] = {}
    givens: set[str] = set()
    for _, _, t in resolved:
        if isinstance(t, Entity) and t.entity_type == "person":
            for w in _calls(t.name.split(), lex):
                by_word.setdefault(w, []).append(t)
            givens.add(t.name.split()[0].lower())
    canon, known = _variants(people, resolved, lex, date)
    full_by_word: dict[str, dict[int, _Person]] = {}
    for p in people.values():
        for w in _calls(p.tokens, lex):
            full = canon.get(id(p), p)
            full_by_word.setdefault(w, {})[id(full)] = full
        if len(p.tokens) > 1:
            givens.add(p.tokens[0].lower())
    final: dict[int, Entity | None] = {}
    for k, (s, e, t) in enumerate(resolved):
        if _loose_single(t):  # NER called a lone surname ORG/GPE; a person in the doc may own it
            if t.name.lower() not in by_word and t.name.lower() not in full_by_word:
                continue
            t = _Person((t.name,), t.name)
        if not isinstance(t, _Person):
            continue
        target: Entity | _Person | None = t
        if len(t.tokens) == 1:
            low = t.tokens[0].lower()
            fulls = list(full_by_word.get(low, {}).values())
            if low in by_word:
                target = _preferred(by_word[low])
            elif len(fulls) == 1:
                target = fulls[0]
            elif not fulls and (holder := _holder_by_surname(low, date)) is not None:
                target = holder  # "Ambassador Quill" alone: the one Quill in office
            elif low in givens:
                target = None
        if isinstance(target, _Person):
            target = canon.get(id(target), target)
            target = known.get(id(target)) or _person_entity(target, lex)
        final[k] = target
    for k, ent in final.items():
        s, e, _ = resolved[k]
        resolved[k] = (s, e, ent)
    resolved[:] = [r for r in resolved if r[2] is not None]


@functools.lru_cache(maxsize=1)
def _surnames() -> dict[str, list]:
    """Family name -> gazetteer people holding a dated office."""
    lex = lexicon()
    out: dict[str, list] = {}
    for actor in lex.actors.values():
        if actor.entity_type == "person" and any(t.role and t.start for t in actor.terms):
            for w in _calls(actor.name.split(), lex):
                out.setdefault(w, []).append(actor)
    return out


def _holder_by_surname(word: str, date) -> Entity | None:
    """The only gazetteer person of that family name in office on the date; None when several or none."""
    if date is None:
        return None
    holders = [a for a in _surnames().get(word, []) if any(t.role and t.start and t.covers(date) for t in a.terms)]
    return actor_entity(holders[0], date) if len(holders) == 1 else None


def _variants(people: dict, resolved: list, lex: Lexicon, date=None) -> tuple[dict[int, _Person], dict[int, Entity]]:
    """Name variants of one person ("CQ Brown" / "Charles Q. Brown Jr.", "Mike" / "Michael"): each
    multi-word person -> the fullest variant in the document, and a fullest variant -> the gazetteer
    person it names. Only the same family name with compatible given names merges."""
    plist = {id(p): p for p in people.values() if len(p.tokens) > 1}
    order = sorted(plist.values(), key=lambda p: (-len(_given(p.tokens, lex)), -len(p.name)))
    canon: dict[int, _Person] = {}
    fullest: list[_Person] = []
    for p in order:
        match = next((q for q in fullest if same_person(p.tokens, q.tokens, lex)), None)
        if match is None:
            fullest.append(p)
            continue
        canon[id(p)] = match
        match.country = match.country or p.country
        if p.title and not match.title:
            match.title, match.complete = p.title, p.complete
    gazetteer = [t for _, _, t in resolved if isinstance(t, Entity) and t.entity_type == "person" and " " in t.name]
    known = {}
    for p in fullest:
        same = {e.entity_id: e for e in gazetteer if same_person(p.tokens, tuple(e.name.split()), lex)}
        if len(same) == 1:
            known[id(p)] = next(iter(same.values()))
        elif not same and (holder := _gazetteer_person(p.tokens, lex, date)) is not None:
            known[id(p)] = holder  # "Matamela Cyril Ramaphosa": the gazetteer's "Cyril Ramaphosa"
    return canon, known


def _gazetteer_person(tokens, lex: Lexicon, date) -> Entity | None:
    """The one gazetteer person whose written name this fuller form is (same family name, given
    names found in order); None when none or several."""
    family = _name_parts(tokens, lex)[1]
    found = {a.name: a for a in _surnames().get(family, []) if same_person(tokens, tuple(a.name.split()), lex)}
    return actor_entity(next(iter(found.values())), date) if len(found) == 1 else None


def _name_parts(tokens, lex: Lexicon) -> tuple[list[str], str]:
    """(given names, family name) without suffixes, honorifics and punctuation."""
    words = [w.strip(".,") for w in tokens if w.strip(".,") and w.lower().strip(".,") not in lex.suffixes
             and w.lower() not in HONORIFICS]
    return words[:-1], (words[-1].lower() if words else "")


def _given(tokens, lex: Lexicon) -> list[str]:
    return _name_parts(tokens, lex)[0]


def same_person(a, b, lex: Lexicon | None = None) -> bool:
    """Two written names of one person: the same family name and given names that agree as written,
    as initials ("CQ" = "Charles Q."), as a nickname ("Mike" = "Michael") or as a spelling variant."""
    lex = lex or lexicon()
    (ga, sa), (gb, sb) = _name_parts(a, lex), _name_parts(b, lex)
    if not sa or sa != sb or not ga or not gb:
        return False
    if _initials(ga) == _initials(gb) and all(len(x) == 1 or len(y) == 1 or _same_given(x, y, lex)
                                               for x, y in zip(ga, gb)):
        return True
    short, long_ = sorted((ga, gb), key=len)
    if len(short) == 1 and short[0].isupper() and 1 < len(short[0]) <= 3:
        return short[0] == _initials(long_)  # "CQ" for "Charles Q."
    if len(short) == 1 and _same_given(ga[0], gb[0], lex):
        return True  # "Joe Biden" / "Joseph R. Biden"
    return len(short) < len(long_) and _in_order(short, long_, lex)  # "Cyril" in "Matamela Cyril"


def _in_order(short: list[str], long_: list[str], lex: Lexicon) -> bool:
    """Every given name of the shorter form among the longer's, in order (a full legal name adds names)."""
    rest = iter(long_)
    return all(any(len(x) > 1 and _same_given(x, y, lex) for y in rest) for x in short)


def _initials(given: list[str]) -> str:
    return "".join(w[0].upper() for w in given)


def _same_given(x: str, y: str, lex: Lexicon) -> bool:
    from rapidfuzz import fuzz

    x, y = x.lower(), y.lower()
    if x == y or lex.nicknames.get(x) == y or lex.nicknames.get(y) == x:
        return True
    return min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= 90  # "Volodymyr" / "Volodimyr"


def _lone_surnames(doc, words, resolved) -> list:
    """Surnames NER did not tag ("Quillfeather argued ...") after the full name appeared."""
    lex = lexicon()
    taken = bytearray(len(words))
    for s, e, _ in resolved:
        taken[s:e] = b"\x01" * (e - s)
    seen: dict[str, tuple[int, list]] = {}
    for s, e, t in resolved:
        if isinstance(t, Entity) and t.entity_type == "person" and " " in t.name:
            for surname in _calls(t.name.split(), lex):
                if surname.isalpha() and len(surname) > 2:
                    seen.setdefault(surname, (s, []))[1].append(t)
    first_seen = {w: (s, _preferred(ents)) for w, (s, ents) in seen.items()}
    out = []
    for k, w in enumerate(words):
        hit = first_seen.get(w.lower()) if w[:1].isupper() else None
        if (hit and hit[1] is not None and not taken[k] and k > hit[0] and doc[k].pos_ == "PROPN"
                and _may_be_surname(doc[k], w, lex)):
            out.append((k, k + 1, hit[1]))
    return out


def _may_be_surname(tok, word: str, lex: Lexicon) -> bool:
    """NER often tags a lone surname as a place or a date ("the next day Tanaka"); after the full name
    appeared, the surname wins, unless the word is a place the gazetteer knows ("Washington")."""
    if tok.ent_type_ in ("", "PERSON", "ORG", "DATE", "TIME"):
        return True
    return tok.ent_type_ in ("GPE", "LOC") and (word,) not in lex.exact and (word.lower(),) not in lex.lower


def _loose_single(t) -> bool:
    return (isinstance(t, Entity) and t.entity_type in ("organization", "location") and t.country_code is None
            and t.wikidata_id is None and " " not in t.name and t.name[:1].isupper() and not t.name.isupper())


def _person_entity(p: _Person, lex: Lexicon) -> Entity:
    code = p.country
    country = code if code in lex.state_names else None
    role = p.title if p.complete else _role_text(p.title, code, lex)
    return plain_entity(p.name, "person", country, code, role)
