"""The Phoenix actor dictionary (PETRARCH-2, MIT; pipeline/data/phoenix_actors.csv) as a fallback.

The project's gazetteer and places.yaml keep priority: a name reaches this index only when the
lexicon has no entry for it (resolve_text). The files list many common words and short names, so
a form matches only where the text writes every word capitalised, and only as a whole span that
spaCy NER or a lookup already proposed; people and bodies are multi-word by construction
(scripts/build_actor_dictionary.py). Non-governmental organisations (no code) are proposed here as
well where NER left their names untagged (`untagged_bodies`): the small English model misses
"Human Rights Watch" and "Greenpeace".
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from pipeline.extract.entities.dictionary import (
    DATA_DIR, Actor, Entity, PhoenixRow, Term, read_phoenix_actors,
)
from pipeline.extract.entities.gazetteer import actor_entity, lexicon, name_key, plain_entity, state_entity

LOWER_OK = {"of", "the", "and", "de", "del", "da", "la", "le", "du", "al", "el", "bin", "van", "von", "for", "on",
            "in", "'s", "’s", "-", "."}
RANK = {"state": 0, "igo": 1, "organization": 2, "person": 3, "place": 4}  # who keeps a form listed twice


@dataclass(frozen=True)
class PhoenixIndex:
    keys: dict[str, tuple[str, object]]  # squashed lower-case form -> (kind, value)
    actors: dict[str, Actor]


def squash(text: str) -> str:
    """Case and spacing fold: token lists and written forms meet ("Ki - moon" = "Ki-moon")."""
    return re.sub(r"\s+", "", text).lower()


def _people(rows: list[PhoenixRow]) -> dict[str, Actor]:
    states = lexicon().state_names
    grouped: dict[str, list[PhoenixRow]] = {}
    for r in rows:
        grouped.setdefault(r.name, []).append(r)
    out = {}
    for name, group in grouped.items():
        terms = tuple(Term(None, r.code if r.code in states else None, r.code, r.start, r.end)
                      for r in sorted(group, key=lambda r: (r.start is None, r.start or dt.date.min)))
        key = f"phoenix:person:{name}"
        out[key] = Actor(key, name, "person", None, terms, aliases=frozenset(a for r in group for a in r.aliases))
    return out


def _gazetteer_people() -> dict[str, str]:
    """name_key of every gazetteer person's name and alias -> its actor key (the gazetteer keeps the person)."""
    lex = lexicon()
    out = {}
    for actor in lex.actors.values():
        if actor.entity_type == "person":
            for form in {actor.name} | set(actor.aliases):
                if " " in form:
                    out.setdefault(name_key(form), actor.key)
    return out


def _names_state(form: str) -> bool:
    """A state body's name must say whose it is: a "National Security Council" can be any state's."""
    exact = lexicon().exact
    if "party" in form.lower():  # a party belongs to a state without acting for it (codebook §6)
        return False
    words = form.replace("'s", "").split()
    return any(exact.get(tuple(words[i:i + n]), ("",))[0] in ("state", "demonym")
               for n in (1, 2, 3) for i in range(len(words) - n + 1))


@functools.lru_cache(maxsize=1)
def phoenix() -> PhoenixIndex:
    rows = sorted(read_phoenix_actors(DATA_DIR / "phoenix_actors.csv"), key=lambda r: RANK[r.entity_type])
    actors: dict[str, Actor] = {}
    keys: dict[str, tuple[str, object]] = {}
    gazetteer = _gazetteer_people()
    people = _people([r for r in rows if r.entity_type == "person"])
    for r in rows:
        forms = (r.name,) + r.aliases
        if r.entity_type == "state":
            for form in forms:
                keys.setdefault(squash(form), ("state", r.code))
        elif r.entity_type == "place":
            for form in forms:
                keys.setdefault(squash(form), ("place", (form, r.code)))
        elif r.entity_type in ("igo", "organization"):
            # each form its own body (Phoenix groups related bodies under one entry); a state's body
            # only where its name says whose it is; a non-governmental organisation (no code) always
            kept = forms if r.entity_type == "igo" or r.code is None else [f for f in forms if _names_state(f)]
            for form in kept:
                key = f"phoenix:{r.entity_type}:{form}"
                country = None if r.entity_type == "igo" else r.code
                actors.setdefault(key, Actor(key, form, r.entity_type, None, (Term(None, country, r.code, None, None),)))
                keys.setdefault(squash(form), ("actor", key))
    for key, actor in people.items():
        forms = [actor.name] + sorted(actor.aliases)
        known = next((gazetteer[name_key(f)] for f in forms if name_key(f) in gazetteer), None)
        if known is None:
            actors[key] = actor
        for form in forms:
            keys.setdefault(squash(form), ("gazetteer", known) if known else ("actor", key))
    return PhoenixIndex(keys, actors)


def _written_as_name(words: list[str]) -> bool:
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in LOWER_OK for w in words)


def phoenix_entity(words: list[str], date: dt.date | None = None) -> Entity | None:
    """The Phoenix entry a whole capitalised span names, or None."""
    if not _written_as_name(words):
        return None
    index = phoenix()
    hit = index.keys.get(squash("".join(words)))
    if hit is None:
        return None
    kind, value = hit
    if kind == "state":
        return state_entity(value)
    if kind == "place":
        name, code = value
        return plain_entity(" ".join(words), "location", code)
    if kind == "gazetteer":
        return actor_entity(lexicon().actors[value], date)
    return actor_entity(index.actors[value], date)


def untagged_bodies(doc) -> list[tuple[int, int]]:
    """(start, end) token spans of capitalised names that NER left untagged or tagged in part,
    opening with a noun, that the index names as a body ("Human Rights Watch accused ...", "Doctors Without
    Borders said"): candidates for the entities layer, which resolves them through `phoenix_entity`."""
    index, out, k = phoenix(), [], 0
    while k < len(doc):
        end = k
        # NER may have tagged part of the name ("Doctors Without [Borders]"): the whole name wins
        while end < len(doc) and end - k < 6 and doc[end].ent_type_ in ("", "ORG") and doc[end].text[:1].isupper() \
                and (end > k or doc[end].pos_ in ("PROPN", "NOUN")):
            end += 1
        found = next((e for e in range(end, k, -1) if _names_a_body(index, doc[k:e])), None)
        if found is not None:
            out.append((k, found))
        k = found or k + 1
    return out


def _names_a_body(index: PhoenixIndex, span) -> bool:
    hit = index.keys.get(squash("".join(t.text for t in span)))
    return hit is not None and hit[0] == "actor" and index.actors[hit[1]].entity_type in ("organization", "igo")
