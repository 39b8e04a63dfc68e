"""Entities and mentions: who and what a document talks about, with offsets.

One pass per document over the existing parse (never re-parsed):
1. lexicon spans: gazetteer aliases (pipeline/data/gazetteer.csv), state names,
   demonyms, seats of government and "country + body noun" phrases
   (pipeline/data/places.yaml);
2. spaCy NER spans (PERSON, NORP, GPE, ORG, LOC, FAC) for everything else;
3. the longest span wins where they overlap (the lexicon on ties), so the
   gazetteer fixes NER mistakes ("Xi" missed, a capital tagged PERSON);
4. people the gazetteer lacks get a country from the title around them
   ("Japanese Prime Minister X", "X, China's foreign ministry spokesperson");
5. name variants within a document are merged ("Kishida" -> "Fumio Kishida"),
   and bare titles ("Japan's Prime Minister") point at the holder.
"""
from __future__ import annotations

import bisect
import csv
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pipeline.datafile import load_yaml
from pipeline.extract.first_person import self_noun_spans, speaking_entity
from pipeline.ids import stable_id, unique_rows

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
NER_LABELS = {"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"}
WINDOW = 10  # tokens searched around a name for its title
DESTINATION_PREPS = {"to", "in", "at", "on"}  # "Ambassador to Japan": Japan is not the sender
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "madam", "h.e.", "comrade"}


@dataclass(frozen=True)
class Entity:
    entity_id: str
    name: str
    entity_type: str  # person|state|organization|igo|location|group
    country_code: str | None
    role: str | None
    wikidata_id: str | None
    code: str | None  # event actor code: ISO3, IGO short name, or None


@dataclass(frozen=True)
class Mention:
    entity_id: str
    doc_id: str
    char_start: int
    char_end: int
    text: str


# ---------------------------------------------------------------- data files

@dataclass
class Term:
    role: str | None
    country_code: str | None
    code: str | None
    start: dt.date | None
    end: dt.date | None


@dataclass
class Actor:
    key: str
    name: str
    entity_type: str
    wikidata_id: str | None
    terms: list[Term] = field(default_factory=list)
    home: str | None = None  # country a party or news agency belongs to without acting for it


@dataclass
class Lexicon:
    actors: dict[str, Actor]
    exact: dict[tuple, tuple]      # token tuple -> (kind, value), case-sensitive
    lower: dict[tuple, tuple]      # lowercased token tuple -> (kind, value)
    firsts: set[str]               # first tokens of `exact` keys (fast skip)
    lower_firsts: set[str]
    maxlen: int
    state_names: dict[str, str]    # ISO3 -> canonical name
    with_article: set[str]         # ISO3 codes written "the United States"
    state_qids: dict[str, str]
    bodies: dict[tuple, dict]      # lowercased noun tokens -> body spec
    roles: dict[tuple, str]        # lowercased role tokens -> canonical title
    role_maxlen: int
    body_maxlen: int
    place_preps: set[str]
    named_after_places: set[str]   # "Paris Agreement", "Minsk agreements": the city names the text
    fillers: set[str]
    holders: dict[tuple, list]     # (code, title lower) -> [(term, actor)]
    regions: dict[str, str | None]  # region name -> ISO3 where sovereignty is uncontested
    local_titles: set[str]         # "mayor": titled by the city, not the country
    past: set[str]                 # "former", "then-": a past title
    heads: set[str]                # portfolio heads ("minister" of Health, Labour and Welfare)
    surname_first: set[str]
    transcript_labels: set[str]    # "QUESTION:", "MODERATOR:": a line's role, never a name
    suffixes: set[str]
    role_firsts: set[str]


def _date(value: str, end: bool = False) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 12, 31) if end else dt.date(int(value), 1, 1)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@functools.lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def _tok(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in _tokenizer()(text))


def _actor_key(entity_type: str, name: str, qid: str | None) -> str:
    return qid or f"{entity_type}:{name}"


def _load_actors() -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    with open(DATA_DIR / "gazetteer.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("name") or "").strip()
            etype = (row.get("entity_type") or "").strip()
            if not name or not etype:
                continue
            qid = (row.get("wikidata_id") or "").strip() or None
            key = _actor_key(etype, name, qid)
            actor = actors.setdefault(key, Actor(key, name, etype, qid))
            actor.home = actor.home or (row.get("home_country") or "").strip() or None
            actor.terms.append(Term((row.get("role") or "").strip() or None,
                                    (row.get("country_code") or "").strip() or None,
                                    (row.get("code") or "").strip() or None,
                                    _date(row.get("start", "")), _date(row.get("end", ""), end=True)))
            aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            actor.__dict__.setdefault("aliases", set()).update(aliases)
    return actors


def _alias_forms(actor: Actor) -> set[str]:
    forms = {actor.name} | getattr(actor, "aliases", set())
    parts = actor.name.split()
    if actor.entity_type == "person" and len(parts) == 2:
        forms.add(f"{parts[1]} {parts[0]}")  # "Kishida Fumio"
    return forms


def _add(index: dict, key: tuple, value: tuple) -> None:
    if key and key not in index:  # first listed wins; later duplicates are ambiguous
        index[key] = value


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    import pycountry

    places = load_yaml(DATA_DIR / "places.yaml")
    names_data = load_yaml(DATA_DIR / "names.yaml")
    actors = _load_actors()
    exact: dict[tuple, tuple] = {}
    lower: dict[tuple, tuple] = {}
    for actor in actors.values():
        for form in _alias_forms(actor):
            toks = _tok(form)
            _add(exact, toks, ("actor", actor.key))
            if len(toks) > 1:
                _add(lower, tuple(t.lower() for t in toks), ("actor", actor.key))
    names: dict[str, str] = {}
    for c in pycountry.countries:
        names[c.alpha_3] = getattr(c, "common_name", None) or c.name
        for form in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)} - {None}:
            if "," not in form:
                _add(exact, _tok(form), ("state", c.alpha_3))
    names.update(places.get("canonical_names") or {})
    for code, forms in (places.get("state_names") or {}).items():
        for form in forms:
            exact[_tok(form)] = ("state", code)  # the curated short forms override pycountry
    for code, forms in (places.get("demonyms") or {}).items():
        for form in forms:
            _add(exact, _tok(form), ("demonym", code))
    for code, forms in (places.get("seats") or {}).items():
        for form in forms:
            _add(exact, _tok(form), ("seat", code))
    regions: dict[str, str | None] = {}
    for name, spec in (places.get("regions") or {}).items():
        regions[name] = (spec or {}).get("country") or None
        for form in [name] + list((spec or {}).get("aliases") or []):
            exact[_tok(form)] = ("region", name)  # "Hong Kong" is a place here, not pycountry's state
            if " " in form:
                lower[tuple(t.lower() for t in _tok(form))] = ("region", name)
    for code, forms in (places.get("cities") or {}).items():
        for form in forms:
            _add(exact, _tok(form), ("city", code))
    bodies = {}
    for spec in places.get("bodies") or []:
        for noun in spec["nouns"]:
            bodies.setdefault(tuple(t.lower() for t in _tok(noun)), spec)
    roles = {tuple(t.lower() for t in _tok(k)): v for k, v in (places.get("roles") or {}).items()}
    holders: dict[tuple, list] = {}
    for actor in actors.values():
        for term in actor.terms:
            if term.role and term.code:
                holders.setdefault((term.code, term.role.lower()), []).append((term, actor))
    return Lexicon(
        actors=actors, exact=exact, lower=lower,
        firsts={k[0] for k in exact}, lower_firsts={k[0] for k in lower},
        maxlen=max(len(k) for k in list(exact) + list(lower)),
        state_names=names, with_article=set(places.get("with_article") or []), state_qids=places.get("state_wikidata") or {},
        bodies=bodies, roles=roles,
        role_maxlen=max(len(k) for k in roles), body_maxlen=max(len(k) for k in bodies),
        place_preps=set(places.get("place_prepositions") or []),
        named_after_places=set(places.get("named_after_places") or []),
        fillers=set(places.get("title_fillers") or []), holders=holders, regions=regions,
        local_titles={t.lower() for t in places.get("local_titles") or []},
        past={t.lower() for t in places.get("past_markers") or []},
        heads={t.lower() for t in places.get("portfolio_heads") or []},
        surname_first=set(names_data.get("surname_first") or []),
        suffixes=set(names_data.get("suffixes") or []),
        transcript_labels=set(names_data.get("transcript_labels") or []),
        role_firsts={k[0] for k in roles},
    )


# ---------------------------------------------------------------- entity makers

def _term_at(actor: Actor, date: dt.date | None) -> Term:
    terms = actor.terms
    if date is not None:
        covering = [t for t in terms if (t.start is None or t.start <= date) and (t.end is None or date <= t.end)]
        if covering:
            return covering[0]
        started = [t for t in terms if t.start is not None and t.start <= date]
        if started:
            return max(started, key=lambda t: t.start)
    return terms[0]


def _role_text(title: str | None, code: str | None, lex: Lexicon) -> str | None:
    if not title:
        return None
    where = _state_phrase(code, lex) if code in lex.state_names else code
    return f"{title} of {where}" if where else title


def _state_phrase(code: str, lex: Lexicon) -> str:
    name = lex.state_names.get(code, code)
    return f"the {name}" if code in lex.with_article else name


def actor_entity(actor: Actor, date: dt.date | None = None) -> Entity:
    lex = lexicon()
    term = _term_at(actor, date)
    return Entity(
        entity_id=stable_id("ent", actor.wikidata_id) if actor.wikidata_id else stable_id("ent", actor.entity_type, actor.name),
        name=actor.name, entity_type=actor.entity_type, country_code=term.country_code,
        role=_role_text(term.role, term.code or term.country_code, lex), wikidata_id=actor.wikidata_id, code=term.code,
    )


def state_entity(code: str) -> Entity:
    lex = lexicon()
    qid = lex.state_qids.get(code)
    name = lex.state_names.get(code, code)
    return Entity(stable_id("ent", qid) if qid else stable_id("ent", "state", name),
                  name, "state", code, None, qid, code)


def plain_entity(name: str, entity_type: str, country: str | None = None, code: str | None = None,
                 role: str | None = None) -> Entity:
    """An actor or place the gazetteer lacks; the id depends on the normalised name only."""
    if entity_type == "location":
        code = None  # a place is not an actor
    return Entity(stable_id("ent", entity_type, name_key(name, entity_type)), name, entity_type, country, role, None, code)


INITIAL = re.compile(r"^[A-Z]\.?$")


def name_key(name: str, entity_type: str = "person") -> str:
    """Normalised form behind a plain entity's id: case, accents, spacing; for people also
    middle initials, suffixes, honorifics and word order ("Joseph R. Biden Jr." = "Biden Joseph")."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    words = re.sub(r"[’'`]", "'", text).split()
    if entity_type != "person":
        return " ".join(w.lower() for w in words if w.lower() not in ("the",)) or name.lower()
    lex = lexicon()
    core = [w for k, w in enumerate(words)
            if not (0 < k < len(words) - 1 and INITIAL.match(w)) and w.lower() not in lex.suffixes
            and w.lower() not in HONORIFICS]
    return " ".join(sorted(w.lower().strip(".,") for w in core or words))


def region_entity(name: str) -> Entity:
    return plain_entity(name, "location", lexicon().regions.get(name))


def body_entity(spec: dict, code: str) -> Entity:
    lex = lexicon()
    name = (spec.get("override") or {}).get(code) or spec["name"].format(country=_state_phrase(code, lex))
    hit = lex.exact.get(_tok(name))
    if hit and hit[0] == "actor":  # the gazetteer knows it (e.g. the Pentagon's Q-id)
        return actor_entity(lex.actors[hit[1]])
    return plain_entity(name, "organization", code, code)


# ---------------------------------------------------------------- span finding

@dataclass
class Cand:
    start: int        # token index
    end: int          # token index, exclusive
    kind: str         # actor|state|demonym|seat|body|ner
    value: object
    prio: int         # lower wins ties


def _match_at(words: list[str], lows: list[str], i: int, lex: Lexicon) -> tuple[int, tuple] | None:
    """Longest lexicon key starting at token i: (length, (kind, value))."""
    n = len(words)
    if words[i] not in lex.firsts and lows[i] not in lex.lower_firsts:
        return None
    for length in range(min(lex.maxlen, n - i), 0, -1):
        hit = lex.exact.get(tuple(words[i:i + length]))
        if hit is None and length > 1:
            hit = lex.lower.get(tuple(lows[i:i + length]))
        if hit is not None:
            return length, hit
    return _initials_match(words, i, lex)


def _initials_match(words: list[str], i: int, lex: Lexicon) -> tuple[int, tuple] | None:
    """A gazetteer person written with middle initials or a suffix ("Joseph R. Biden Jr.")."""
    k = i + 1
    while k < len(words) and k - i <= 2 and INITIAL.match(words[k]):
        k += 1
    if k == i + 1 or k >= len(words):
        return None
    hit = lex.exact.get((words[i], words[k]))
    if hit is None or hit[0] != "actor" or lex.actors[hit[1]].entity_type != "person":
        return None
    end = k + 1
    if end < len(words) and words[end].lower() in lex.suffixes:
        end += 1
    return end - i, hit


def _longest(table: dict, lows: list[str], i: int, maxlen: int) -> tuple[int, object] | None:
    for length in range(min(maxlen, len(lows) - i), 0, -1):
        hit = table.get(tuple(lows[i:i + length]))
        if hit is not None:
            return length, hit
    return None


def _country_of(hit: tuple) -> str | None:
    return hit[1] if hit[0] in ("state", "demonym", "seat") else None


def _ref_code(hit: tuple) -> str | None:
    """Code of a state reference, of an intergovernmental body ("NATO Secretary-General") or the
    country of a party or agency ("Liberal Democratic Party general secretary")."""
    if hit[0] == "actor":
        actor = lexicon().actors[hit[1]]
        if actor.entity_type == "igo":
            return actor.terms[0].code
        return actor.home if actor.entity_type == "organization" else None
    return _country_of(hit)


def lexicon_cands(words: list[str], lows: list[str], lex: Lexicon) -> list[Cand]:
    out: list[Cand] = []
    i, n = 0, len(words)
    while i < n:
        m = _match_at(words, lows, i, lex)
        if m is None:
            i += 1
            continue
        length, hit = m
        out.append(Cand(i, i + length, hit[0], hit[1], 0 if hit[0] == "actor" else 1))
        code = _country_of(hit)
        if code and hit[0] != "seat":
            body = _body_after(lows, i + length, lex)
            if body:
                out.append(Cand(i, body[0], "body", (body[1], code), 0))
        i += 1
    out.extend(_body_of_country(words, lows, lex))
    return out


def _body_after(lows: list[str], j: int, lex: Lexicon) -> tuple[int, dict] | None:
    """A body noun right after a country reference ("Japan's Foreign Ministry")."""
    if j < len(lows) and lows[j] in ("'s", "’s", "'"):
        j += 1
    hit = _longest(lex.bodies, lows, j, lex.body_maxlen)
    return (j + hit[0], hit[1]) if hit else None


def _body_of_country(words: list[str], lows: list[str], lex: Lexicon) -> list[Cand]:
    """"the Ministry of Foreign Affairs of Japan"."""
    out = []
    for i in range(len(lows)):
        if not words[i][:1].isupper():
            continue
        hit = _longest(lex.bodies, lows, i, lex.body_maxlen)
        if not hit:
            continue
        j = i + hit[0]
        if j + 1 < len(lows) and lows[j] == "of":
            m = _match_at(words, lows, j + 1, lex)
            if m and _country_of(m[1]) and m[1][0] != "seat":
                out.append(Cand(i, j + 1 + m[0], "body", (hit[1], m[1][1]), 0))
    return out


def ner_cands(doc) -> list[Cand]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
            end -= 1
        for k in range(start, end):
            if "](" in doc[k].text:  # "[Penny Wong](https://..." ends at the link
                end = k + 1
                break
            if "\n\n" in doc[k].text or "\n" in doc[k].whitespace_ and "\n" in doc[k + 1:k + 2].text:
                end = k + (0 if "\n" in doc[k].text else 1)  # a name never runs over a paragraph break
                break
        while start < end and not any(ch.isalnum() for ch in doc[start].text):
            start += 1
        while end > start and not any(ch.isalnum() for ch in doc[end - 1].text):
            end -= 1
        label = ent.label_
        if label == "PERSON" and all(t.is_upper or not t.is_alpha for t in doc[start:end]):
            label = "ORG"  # "AIIB", "BRI": acronyms are bodies, not people
        if start < end:
            out.append(Cand(start, end, "ner", label, 2))
    return out


def titled_names(doc, lows: list[str], lex: Lexicon) -> list[Cand]:
    """Capitalised names right after a title that NER missed ("Ambassador to Japan Rahm Emanuel")."""
    out = []
    for j in range(len(lows)):
        role = _longest(lex.roles, lows, j, lex.role_maxlen) if lows[j] in lex.role_firsts else None
        if not role:
            continue
        k = start = j + role[0]
        while k < len(doc) and k - start < 3 and doc[k].is_title and doc[k].pos_ == "PROPN" and not doc[k].ent_type_:
            k += 1
        if k - start >= 2:
            out.append(Cand(start, k, "ner", "PERSON", 3))
    return out


def select(cands: list[Cand], n: int) -> list[Cand]:
    """Non-overlapping spans, longest first, lexicon before NER on ties."""
    taken = bytearray(n)
    chosen = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.prio, c.start)):
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


# ---------------------------------------------------------------- titles around people

def _role_ending_at(lows: list[str], j: int, lex: Lexicon) -> tuple[int, str] | None:
    for length in range(min(lex.role_maxlen, j + 1), 0, -1):
        hit = lex.roles.get(tuple(lows[j - length + 1:j + 1]))
        if hit:
            return j - length + 1, hit
    return None


def _country_ending_at(words, lows, j, lex, sent_start, cities: bool = False) -> tuple | None:
    """(start, code, kind, value) of a state/body reference ending at token j; cities only before a local title."""
    for length in range(1, min(lex.maxlen, j - sent_start + 1) + 1):
        s = j - length + 1
        hit = lex.exact.get(tuple(words[s:j + 1]))
        if hit and _ref_code(hit):
            return s, _ref_code(hit), hit[0], hit[1]
        if hit and cities and hit[0] == "city":
            return s, hit[1], "city", hit[1]
    return None


def _portfolio_ending_at(words, lows, j, limit, lex) -> int | None:
    """Start of a written-out portfolio title ending at token j ("Minister of Health, Labour and Welfare")."""
    k, caps = j, 0
    while k > limit and j - k < 10:
        if lows[k] in ("of", "for") and caps:
            head = k - 1
            if lows[head] not in lex.heads:
                return None
            role = _role_ending_at(lows, head, lex)
            return role[0] if role and role[0] >= limit else head
        if words[k][:1].isupper() and words[k].replace("-", "").isalpha():
            caps += 1
        elif lows[k] not in (",", "and", "&", "the"):
            return None
        k -= 1
    return None


def _title_words(words: list[str]) -> str:
    text = re.sub(r"\s+([,’'])", r"\1", " ".join(words))
    return text[:1].upper() + text[1:]


def _role_behind_of(words, lows, of_at: int, limit: int, lex) -> str | None:
    """The role of "Vice Premier of the State Council of <country>": read back over the body's words."""
    k = of_at
    while k >= limit and of_at - k < 16:
        role = _role_ending_at(lows, k, lex)
        if role and role[0] >= limit and lows[k + 1] == "of":  # not "General" of "the General Council"
            return role[1]
        if lows[k] in ("of", "the", "'s", "’s", "-") or words[k][:1].isupper():
            k -= 1
            continue
        return None
    return None


def title_before(words, lows, start, sent_start, lex) -> tuple[str | None, str | None, bool]:
    """(country, title, complete) from "Japanese Prime Minister" / "U.S. Ambassador to Japan" /
    "Beijing Mayor" (complete: "Mayor of Beijing") before a name."""
    j, title, country, past = start - 1, None, None, False
    limit = max(sent_start, start - 2 * WINDOW)
    while j >= limit:
        port = _portfolio_ending_at(words, lows, j, limit, lex) if title is None else None
        if port is not None and port < j:
            title, j = _title_words(words[port:j + 1]), port - 1
            continue
        role = _role_ending_at(lows, j, lex)
        if role and role[0] >= limit:
            k = role[0] - 1
            k -= 1 if k >= 0 and lows[k] == "the" else 0
            if k >= 0 and lows[k] in ("to", "of", "for") and title is None:
                break  # "Assistant to the President X": not X's own title
            title = title or role[1]
            j = role[0] - 1
            continue
        local = bool(title) and title.lower() in lex.local_titles
        ref = _country_ending_at(words, lows, j, lex, limit, cities=local)
        if ref:
            s0, code, kind, value = ref
            if s0 - 1 >= limit and lows[s0 - 1] in DESTINATION_PREPS:
                j = s0 - 2
                continue
            if title is None and j == start - 1 and s0 - 1 >= limit and lows[s0 - 1] == "of":
                title = _role_behind_of(words, lows, s0 - 1, limit, lex)
            if local and kind in ("seat", "city"):
                return code, f"{_past(title, past)} of {' '.join(words[s0:j + 1])}", True
            owner = lex.actors[value] if kind == "actor" else None
            if title and owner is not None and owner.entity_type == "organization":  # a party's officer
                the = "the " if " " in owner.name and not owner.name.lower().startswith("the ") else ""
                return code, f"{_past(title, past)} of {the}{owner.name}", True
            if title or j == start - 1:
                country = code
            break
        if lows[j] in lex.past:
            past, j = True, j - 1
            continue
        if lows[j] in lex.fillers or lows[j] in HONORIFICS or not lows[j].strip():
            j -= 1
            continue
        break
    return country, _past(title, past), False


def _past(title: str | None, past: bool) -> str | None:
    return f"Former {title}" if title and past and not title.lower().startswith("former") else title


def country_by_as(doc, start: int, end: int, words, lows, lex) -> str | None:
    """"X ... visited China as Chairman of the Japan Association": the country of the role X acts in."""
    try:
        head = doc[start:end].root
    except IndexError:
        return None
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for prep in head.head.children:
        if prep.lower_ != "as" or prep.i < end:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or _role_ending_at(lows, obj.i, lex) is None:
                continue
            for t in list(obj.subtree)[:12]:
                m = _match_at(words, lows, t.i, lex)
                code = _ref_code(m[1]) if m else None
                if code in lex.state_names:
                    return code
    return None


def _of_country(words, lows, end, sent_end, lex) -> str | None:
    """The state of a titled name followed by "of <state>"."""
    j = end + 1 + (end + 1 < sent_end and lows[end + 1] == "the")
    if end >= sent_end or lows[end] != "of" or j >= sent_end:
        return None
    m = _match_at(words, lows, j, lex)
    return _ref_code(m[1]) if m and m[1][0] == "state" else None


def title_after(words, lows, end, sent_end, lex) -> tuple[str | None, str | None]:
    """(country, title) from an apposition: "X, China's foreign ministry spokesperson"."""
    if end >= sent_end or words[end] != ",":
        return None, None
    j, title, country, after_prep = end + 1, None, None, False
    limit = min(sent_end, end + 1 + WINDOW)
    while j < limit:
        if words[j] in (",", ".", ";", ")", ":"):
            break
        role = _longest(lex.roles, lows, j, lex.role_maxlen)
        m = _match_at(words, lows, j, lex)
        if m and _ref_code(m[1]):
            if not after_prep and country is None:
                country = _ref_code(m[1])
            j += m[0]
            after_prep = False
            continue
        if role:
            k = j - 1 - (lows[j - 1] == "the")
            if lows[k] not in ("to", "of", "for"):  # "Assistant to the President" is not a presidency
                title = title or role[1]
            j += role[0]
            continue
        after_prep = lows[j] in DESTINATION_PREPS
        j += 1
    return (country, title) if title else (None, None)


# ---------------------------------------------------------------- the document's entities

class DocEntities:
    """Entities and mentions of one document, with look-ups for the extractors."""

    def __init__(self, entities: dict[str, Entity], mentions: list[Mention], doc_id: str = "",
                 date: dt.date | None = None):
        self.entities = entities
        self.mentions = sorted(mentions, key=lambda m: (m.char_start, -m.char_end))
        self.doc_id = doc_id
        self.date = date
        self._starts = [m.char_start for m in self.mentions]
        self._by_text: dict[str, Entity] = {}
        for m in self.mentions:
            self._by_text.setdefault(_norm(m.text), entities[m.entity_id])
        for e in entities.values():
            self._by_text.setdefault(_norm(e.name), e)

    def at(self, start: int, end: int) -> Entity | None:
        best = None
        hi = bisect.bisect_left(self._starts, end)
        for m in self.mentions[max(0, hi - 64):hi]:
            if m.char_end > start and m.char_start < end:
                if best is None or (m.char_end - m.char_start) > (best.char_end - best.char_start):
                    best = m
        return self.entities[best.entity_id] if best else None

    def within(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        lo = bisect.bisect_left(self._starts, start)
        out = []
        for m in self.mentions[lo:]:
            if m.char_start >= end:
                break
            if m.char_end <= end:
                out.append((m, self.entities[m.entity_id]))
        return out

    def last_before(self, offset: int, types=("person",), limit_chars: int | None = None) -> Entity | None:
        types = (types,) if isinstance(types, str) else tuple(types)
        for k in range(bisect.bisect_left(self._starts, offset) - 1, -1, -1):
            m = self.mentions[k]
            if limit_chars is not None and offset - m.char_end > limit_chars:
                break
            ent = self.entities[m.entity_id]
            if m.char_end <= offset and ent.entity_type in types:
                return ent
        return None

    def lookup(self, name: str) -> Entity | None:
        """The entity a name refers to; None on a miss (an exception is a bug and propagates)."""
        return self._lookup(name)

    def _lookup(self, name: str) -> Entity | None:
        key = _norm(name)
        if not key:
            return None
        found = self._by_text.get(key)
        if found is not None and found.entity_type != "location":
            return found
        found = resolve_text(name, self.date) or found
        if found is not None:
            # a name resolved through the gazetteer joins the document's entities, so the row that
            # cites it (a quote's speaker) references an entity the release holds
            return self.entities.setdefault(found.entity_id, found)
        lex = lexicon()
        persons = [e for e in self.entities.values() if e.entity_type == "person"]
        same = [e for e in persons if name_key(e.name) == name_key(key)]
        if same:
            return same[0]
        last = key.split()[-1]  # "Mr. Quillfeather": by family name only, never by a given name
        people = [e for e in persons if last in _calls(e.name.split(), lex)]
        return _preferred(people) if people else None

    def __len__(self) -> int:
        return len(self.mentions)


def _norm(text: str) -> str:
    text = LINK_TAIL.split(text.strip(), 1)[0].strip("[*_ ")  # "Mike](https://..." -> "Mike"
    text = re.sub(r"[’']s$", "", text.strip().replace("’", "'"))
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    return re.sub(r"\s+", " ", text).strip(" .,;:").lower()


def resolve_text(text: str, date: dt.date | None = None) -> Entity | None:
    """Resolve free text ("the Japanese Foreign Ministry", "Beijing", "Xi") without a document."""
    lex = lexicon()
    words = [w for w in _tok(text.strip()) if w.lower() not in ("the", "a", "an")]
    while words and words[-1] in ("'s", "’s", "'", ".", ","):
        words.pop()
    if not words:
        return None
    lows = [w.lower() for w in words]
    cands = [c for c in lexicon_cands(words, lows, lex) if c.kind != "ner"]
    full = [c for c in cands if c.start == 0 and c.end == len(words)]
    if full:
        return _cand_entity(sorted(full, key=lambda c: c.prio)[0], words, lows, lex, date)
    lead = _strip_titles(words, lows, lex)
    if lead and lead < len(words):
        return resolve_text(" ".join(words[lead:]), date)
    return None


def _strip_titles(words, lows, lex) -> int:
    """Index of the first token after leading titles/country words ("Chinese President Xi" -> 2)."""
    i = 0
    while i < len(words):
        role = _longest(lex.roles, lows, i, lex.role_maxlen)
        if role:
            i += role[0]
            continue
        m = _match_at(words, lows, i, lex)
        if m and _country_of(m[1]) and i + m[0] < len(words):
            i += m[0]
            continue
        if lows[i] in lex.fillers or lows[i] in HONORIFICS:
            i += 1
            continue
        break
    return i


def _cand_entity(c: Cand, words, lows, lex: Lexicon, date) -> Entity | None:
    if c.kind == "actor":
        return actor_entity(lex.actors[c.value], date)
    if c.kind in ("state", "demonym"):
        return state_entity(c.value)
    if c.kind == "seat":
        prev = lows[c.start - 1] if c.start > 0 else ""
        after = lows[c.end] if c.end < len(lows) else ""
        # "in Beijing" is a place; so is the city in a document's name ("the Paris Agreement")
        if prev in lex.place_preps or after in lex.named_after_places:
            return plain_entity(" ".join(words[c.start:c.end]).removeprefix("the ").strip(), "location", c.value)
        return state_entity(c.value)
    if c.kind == "body":
        spec, code = c.value
        return body_entity(spec, code)
    if c.kind == "region":
        return region_entity(c.value)
    if c.kind == "city":
        return plain_entity(" ".join(words[c.start:c.end]), "location", c.value)
    return None


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


def resolve_entities(parsed) -> DocEntities:
    """Entities and mentions of one parsed document. An exception reaches the caller, which
    records it for the document instead of publishing an empty result as if it were right."""
    return _resolve(parsed, getattr(parsed, "doc_id", ""), getattr(parsed, "published_date", None))


def _resolve(parsed, doc_id: str, date) -> DocEntities:
    lex = lexicon()
    doc = parsed.doc
    words, spans, space = _words(doc)
    lows = [w.lower() for w in words]
    chosen = select(_solid_cands(space, words, lows, lex) + ner_cands(doc) + titled_names(doc, lows, lex), len(doc))
    resolved: list[tuple[int, int, Entity | _Person]] = []  # token start, end, target
    people: dict[tuple, _Person] = {}
    for c in chosen:
        target = _target(c, doc, words, lows, lex, date, people)
        if target is not None:
            resolved.append((c.start, c.end, target))
    _merge_people(resolved, people)
    resolved += _lone_surnames(doc, words, resolved)
    resolved += _bare_titles(doc, words, lows, lex, date, resolved)
    parts = _compound_parts(words, spans, lex)
    if parts:
        split = {k for k, _ in parts}
        resolved = [r for r in resolved if not (r[1] - r[0] == 1 and r[0] in split)]
    return _build(parsed, doc_id, date, resolved, spans, [p for _, p in parts])


def _compound_parts(words, spans, lex) -> list[tuple[int, tuple[int, int, Entity]]]:
    """States inside one hyphenated token ("U.S.-Korea", "China–Russia"): (token, (start, end, state))."""
    out = []
    for k, w in enumerate(words):
        if "-" not in w and "–" not in w or len(w) < 5:
            continue
        pieces = [(m.start(), m.group()) for m in re.finditer(r"[^-–]+", w)]
        hits = [lex.exact.get(_tok(piece)) for _, piece in pieces]
        if len(pieces) < 2 or not all(h and h[0] in ("state", "demonym") for h in hits):
            continue
        base = spans[k][0]
        for (offset, piece), hit in zip(pieces, hits):
            out.append((k, (base + offset, base + offset + len(piece), state_entity(hit[1]))))
    return out


LINK_TAIL = re.compile(r"\]\(|\]$|https?:|\*\*|\\+$")


MARKUP_CHARS = frozenset("]*\\:[_")


def _words(doc) -> tuple[list[str], list[tuple[int, int]], list[bool]]:
    """Token texts with markdown residue cut off ("[Bessent](https://..." -> "Bessent"), their char
    spans and whether they are whitespace (one pass over the tokens: long documents)."""
    words, spans, space = [], [], []
    for t in doc:
        text, start = t.text, t.idx
        if not MARKUP_CHARS.isdisjoint(text):
            m = LINK_TAIL.search(text)
            if m and m.start() > 0:
                text = text[:m.start()]
            lead = len(text) - len(text.lstrip("[*_"))
            if lead < len(text):
                text, start = text[lead:], start + lead
        words.append(text)
        spans.append((start, start + len(text)))
        space.append(t.is_space)
    return words, spans, space


def _junk(text: str, lex: Lexicon) -> bool:
    """NER spans that are handles, URLs, file names, numbers or transcript labels, not names."""
    return (not any(ch.isalpha() for ch in text) or text.startswith("@") or "/" in text
            or (text.isupper() and text.lower().rstrip(".:") in lex.transcript_labels)
            or "http" in text or re.search(r"\.(jpe?g|png|gif|svg|html?)$", text, re.I) is not None
            or re.fullmatch(r"[\d\W]*\w?\d+\w*", text) is not None)


def _solid_cands(space, words, lows, lex) -> list[Cand]:
    """Lexicon spans found with line breaks skipped ("Secretary Scott\nBessent" in wrapped markdown)."""
    keep = [i for i, blank in enumerate(space) if not blank]
    cands = lexicon_cands([words[i] for i in keep], [lows[i] for i in keep], lex)
    return [Cand(keep[c.start], keep[c.end - 1] + 1, c.kind, c.value, c.prio) for c in cands]


def _target(c: Cand, doc, words, lows, lex, date, people) -> Entity | _Person | None:
    if c.kind != "ner":
        return _cand_entity(c, words, lows, lex, date)
    text = " ".join(w for w in words[c.start:c.end] if w.strip())
    if _junk(text, lex):
        return None
    label = c.value
    if label == "PERSON":
        start = c.start = _clean_person(words, lows, c.start, c.end, lex)  # the mention is the name alone
        inner = resolve_text(" ".join(w for w in words[start:c.end] if w.strip()), date)
        if inner is not None:
            return inner
        toks = tuple(w for w in words[start:c.end] if w.strip() and w not in ("'s", "’s"))
        if not toks or not all(any(ch.isalpha() for ch in w) for w in toks) or not any(w[:1].isupper() for w in toks):
            return None  # "Abe-Xi", stray punctuation, lower-case words
        person = people.setdefault(name_key(" ".join(toks)), _Person(toks, " ".join(toks)))
        if len(toks) > len(person.tokens):  # show the fullest form ("John J. Smith" over "John Smith")
            person.tokens, person.name = toks, " ".join(toks)
        sent = doc[c.start].sent
        country, title, complete = title_before(words, lows, start, sent.start, lex)
        if not country and not title:
            country, title = title_after(words, lows, c.end, sent.end, lex)
        if not country and title:
            country = _of_country(words, lows, c.end, sent.end, lex)  # "President Ruto of Kenya"
        if not country:
            country = country_by_as(doc, c.start, c.end, words, lows, lex)
        person.country = person.country or country
        if title and not person.title:
            person.title, person.complete = title, complete
        return person
    found = resolve_text(text, date)
    if found is not None:
        return found
    if label == "ORG":
        owned = _org_of_state(words[c.start:c.end], lows[c.start:c.end], text, lex)
        if owned is not None:
            return owned
    if label == "ORG" and len(words[c.start:c.end]) > 1 and lows[c.end - 1] in ("administration", "government"):
        head = resolve_text(" ".join(words[c.start:c.end - 1]), date)
        if head is not None and head.entity_type == "person" and head.country_code:
            return body_entity(lex.bodies[("government",)], head.country_code)
    if label in ("GPE", "LOC", "FAC"):
        return plain_entity(text, "location")
    if label == "NORP":
        return plain_entity(text, "group")
    return plain_entity(text, "organization")


def _calls(tokens, lex: Lexicon) -> set[str]:
    """Lone words that may stand for a person: the family name (last, or first in Chinese/Korean order)."""
    words = [w.lower().strip(".,") for w in tokens if w.lower() not in lex.suffixes and not INITIAL.match(w)]
    if len(words) < 2:
        return set()
    out = {words[-1]}
    if words[0] in lex.surname_first:
        out.add(words[0])
    return out


def _preferred(ents: list[Entity]) -> Entity | None:
    """One person among those sharing a family name: the only one, else the only office holder
    ("Trump" is the president, not a relative)."""
    unique = {e.entity_id: e for e in ents}
    if len(unique) == 1:
        return next(iter(unique.values()))
    holders = [e for e in unique.values() if e.code and e.role]
    return holders[0] if len(holders) == 1 else None


def _org_of_state(words, lows, text: str, lex) -> Entity | None:
    """"Supreme Court of Ukraine": a body named for a state acts for it (a party only belongs to it)."""
    for k in range(len(words) - 2, 0, -1):
        if lows[k] != "of":
            continue
        hit = lex.exact.get(tuple(words[k + 1:])) or lex.exact.get(tuple(words[k + 2:]))
        if hit and hit[0] == "state":
            code = hit[1]
            return plain_entity(text, "organization", code, None if "party" in lows else code)
        return None
    return None


def _merge_people(resolved: list, people: dict) -> None:
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
    full_by_word: dict[str, dict[int, _Person]] = {}
    for p in people.values():
        for w in _calls(p.tokens, lex):
            full_by_word.setdefault(w, {})[id(p)] = p
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
            elif low in givens:
                target = None
        if isinstance(target, _Person):
            target = _person_entity(target, lex)
        final[k] = target
    for k, ent in final.items():
        s, e, _ = resolved[k]
        resolved[k] = (s, e, ent)
    resolved[:] = [r for r in resolved if r[2] is not None]


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


def _bare_titles(doc, words, lows, lex, date, resolved) -> list:
    """"Japan's Prime Minister" / "the Chinese president" with no name: the person the title is
    apposed to ("Kishida, formerly the Japanese foreign minister"), else today's holder unless
    the title is a past one ("former", "then-")."""
    n = len(words)
    taken = bytearray(n)
    for s, e, _ in resolved:
        taken[s:e] = b"\x01" * (e - s)
    people = sorted((s, e, t) for s, e, t in resolved if isinstance(t, Entity) and t.entity_type == "person")
    starts = [p[0] for p in people]
    out = []
    for j in range(n):
        if lows[j] not in lex.role_firsts:
            continue
        role = _longest(lex.roles, lows, j, lex.role_maxlen)
        if not role or any(taken[j:j + role[0]]):
            continue
        end = j + role[0]
        if end < n and (doc[end].ent_type_ == "PERSON" or taken[end] and doc[end].is_title):
            continue  # a title in front of a name: the name carries the mention
        country, start = None, j
        ref = _country_ending_at(words, lows, j - 2 if j >= 2 and lows[j - 1] in ("'s", "’s") else j - 1, lex, 0) if j else None
        if ref:
            country, start = ref[1], ref[0]
        if end + 1 < n and lows[end] in ("of", "for"):
            after = _match_at(words, lows, end + 1 + (lows[end + 1] == "the"), lex)
            if not ref and after and after[1][0] == "state" and lows[end] == "of":  # "the Prime Minister of Japan"
                ref, country = after, after[1][1]
                end = end + 1 + (lows[end + 1] == "the") + after[0]
            elif words[end + 1][:1].isupper() or lows[end + 1] == "the":
                continue  # a portfolio or body follows: "Minister of Health", "Secretary of the Navy"
        owner = _apposed(doc, lows, start, end, country, role[1], people, starts, lex)
        if owner is None and (_is_past(doc, lows, start, lex) or role[1].lower().startswith("former")):
            continue
        if owner is None and not ref and not (j > 0 and lows[j - 1] == "the"):
            continue
        holder = owner or _holder(role[1], country, j, people, starts, lex, date)
        if holder is not None:
            out.append((start, end, holder))
            taken[start:end] = b"\x01" * (end - start)
    return out


APPOSITION_WORDS = {"a", "an", "the", "who", "is", "was", "as", "also", "then", "now", "currently", "still"}


def _apposed(doc, lows, start, end, country, title, people, starts, lex) -> Entity | None:
    """The named person a title stands beside: "X, formerly the ... minister" or "the minister, X,"."""
    k = bisect.bisect_left(starts, start) - 1
    if k >= 0:
        s, e, ent = people[k]
        gap = range(e + 1, start)
        if (e < start and start - e <= 8 and lows[e] in (",", "(") and _same_country(ent, country)
                and all(_appositive_word(doc[i], lows[i], lex) for i in gap)):
            return ent
    k += 1
    while k < len(people) and people[k][0] < end:
        k += 1
    if k < len(people) and end + 1 < len(lows) and lows[end] == "," and people[k][0] == end + 1:
        ent = people[k][2]
        if country is not None and ent.country_code == country or (ent.role or "").lower().startswith(title.lower()):
            return ent
    return None


def _same_country(ent: Entity, country: str | None) -> bool:
    return country is None or ent.country_code in (None, country)


def _appositive_word(tok, low: str, lex) -> bool:
    return (low in lex.fillers or low in lex.past or low in APPOSITION_WORDS
            or tok.pos_ in ("ADJ", "ADV", "DET", "NUM") or tok.tag_ in ("VBG", "VBN", "JJS", "RBS"))


def _is_past(doc, lows, start, lex) -> bool:
    """"former", "then-", "ex-" among the few words before a title."""
    for i in range(start - 1, max(-1, start - 6), -1):
        if lows[i] in lex.past:
            return True
        if not _appositive_word(doc[i], lows[i], lex) or lows[i] in (",", "(", "."):
            return False
    return False


DEPUTY_WORDS = ("vice", "deputy", "under", "assistant")


def _holds(role: str | None, want: str) -> bool:
    """"the Minister" after "Foreign Minister Jaishankar": the role's title ends with the bare title
    ("Foreign Minister of India"), but a deputy's does not stand for the principal's."""
    head = (role or "").lower().split(" of ")[0]
    if head.startswith(want):
        return True
    return head.endswith(" " + want) and head.split()[0] not in DEPUTY_WORDS and not want.startswith(DEPUTY_WORDS)


def _holder(title: str, country: str | None, tok: int, people: list, starts: list, lex: Lexicon, date) -> Entity | None:
    want = title.lower()
    k = bisect.bisect_left(starts, tok)
    order = range(k - 1, -1, -1) if k else range(len(people) - 1, -1, -1)
    for i in order:
        ent = people[i][2]
        if _holds(ent.role, want) and (country is None or ent.country_code == country):
            return ent
    if country and date is not None:
        for term, actor in lex.holders.get((country, want), []):
            if (term.start is None or term.start <= date) and (term.end is None or date <= term.end):
                return actor_entity(actor, date)
    return None


def _build(parsed, doc_id: str, date, resolved: list, spans: list, chars: list = ()) -> DocEntities:
    """Mentions from token spans (`resolved`) and character spans (`chars`)."""
    text = parsed.text
    entities: dict[str, Entity] = {}
    mentions = []
    located = [(spans[s][0], spans[e - 1][1], ent) for s, e, ent in resolved if isinstance(ent, Entity) and s < e]
    speaker = speaking_entity(parsed)
    if speaker is not None:  # the state a speech is spoken for is its actor even where it names itself only as "we"
        entities[speaker.entity_id] = speaker
        chars = list(chars) + [(a, b, speaker) for a, b in self_noun_spans(parsed.doc)]
    for a, b, ent in located + list(chars):
        if text[a:b].strip() != text[a:b] or not text[a:b]:
            continue
        entities.setdefault(ent.entity_id, ent)
        mentions.append(Mention(ent.entity_id, doc_id, a, b, text[a:b]))
    return DocEntities(entities, mentions, doc_id, date)


# ---------------------------------------------------------------- table rows

def entity_rows(entities: Iterable[Entity]) -> list[dict]:
    """One row per entity_id (first seen wins), columns of the `entities` table."""
    seen: dict[str, dict] = {}
    for e in entities:
        if e.entity_id not in seen:
            seen[e.entity_id] = {"entity_id": e.entity_id, "name": e.name, "entity_type": e.entity_type,
                                 "country_code": e.country_code, "code": e.code, "role": e.role,
                                 "wikidata_id": e.wikidata_id}
    return list(seen.values())


def mention_rows(doc_entities: DocEntities | Iterable[DocEntities]) -> list[dict]:
    """Rows of the `mentions` table, ids from their content (two entities named by one span are
    two rows), one row per identical mention within a document."""
    docs = [doc_entities] if isinstance(doc_entities, DocEntities) else list(doc_entities)
    return [row for d in docs for row in unique_rows("mention", [
        {"entity_id": m.entity_id, "doc_id": m.doc_id, "char_start": m.char_start, "char_end": m.char_end,
         "text": m.text} for m in d.mentions])]
