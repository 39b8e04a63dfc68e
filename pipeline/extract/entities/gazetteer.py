"""The lexicon built from the project's dictionaries, and the entities it makes.

Gazetteer aliases (pipeline/data/gazetteer.csv), state names, demonyms, seats of government,
cities, regions and "country + body noun" phrases (pipeline/data/places.yaml) are indexed by
their token sequences, case-sensitive and (for multi-word forms) lowercased.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass

from pipeline.extract.entities.dictionary import (
    DATA_DIR, NAMES_KEYS, PLACES_KEYS, Actor, Entity, Term, actors_from_rows, read_gazetteer, read_keyed_yaml,
    read_phoenix_actors, read_phoenix_agents,
)
from pipeline.ids import stable_id


HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "madam", "h.e.", "comrade"}


@dataclass(frozen=True)
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
    institution_heads: set[str]    # "Constitutional Council": a state's body after "<state>'s"
    fillers: set[str]
    holders: dict[tuple, list]     # (code, title lower) -> [(term, actor)]
    title_equivalents: dict[str, tuple]  # title lower -> other names of the office
    addressed: dict                # the body a speech for a state is spoken to, and the words naming it
    regions: dict[str, str | None]  # region name -> ISO3 where sovereignty is uncontested
    local_titles: set[str]         # "mayor": titled by the city, not the country
    past: set[str]                 # "former", "then-": a past title
    heads: set[str]                # portfolio heads ("minister" of Health, Labour and Welfare)
    surname_first: set[str]
    transcript_labels: set[str]    # "QUESTION:", "MODERATOR:": a line's role, never a name
    suffixes: set[str]
    nicknames: dict[str, str]      # "mike" -> "michael"
    role_firsts: set[str]

    def is_role(self, word: str) -> bool:
        """A one-word title the actor dictionaries know ("leader", "president", "mayor")."""
        return (word.lower(),) in self.roles


@functools.lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def _tok(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in _tokenizer()(text))


def _load_actors() -> dict[str, Actor]:
    return actors_from_rows(read_gazetteer(DATA_DIR / "gazetteer.csv"))


def _agent_roles() -> dict[tuple, str]:
    """Phoenix agent nouns of one person acting for a state ("army chief", "defense attache") as titles;
    places.yaml's own roles keep their canonical titles."""
    out = {}
    for agent in read_phoenix_agents(DATA_DIR / "phoenix_agents.csv"):
        if agent.acts_for_state and agent.names_a_person and not agent.noun.endswith("s"):
            toks = tuple(t.lower() for t in _tok(agent.noun))
            out.setdefault(toks, " ".join(w[:1].upper() + w[1:] for w in agent.noun.split()))
    return out


def _alias_forms(actor: Actor) -> set[str]:
    forms = {actor.name} | set(actor.aliases)
    parts = actor.name.split()
    if actor.entity_type == "person" and len(parts) == 2:
        forms.add(f"{parts[1]} {parts[0]}")  # "Kishida Fumio"
    return forms


# the adjective forms among a Phoenix state's aliases ("Ghanaian", "Togolese", "Qatari", "Afghan")
DEMONYM_FORM = re.compile(r"^[A-Z][a-z]{2,}(?:an|ese|i|ish|be|ch|ek|ik|kh|yz|iss|sy)s?$")  # Burkinabe, Dutch, Uzbek, Tajik, Kazakh, Kyrgyz, Swiss, Malagasy


# entries of their own are places as often as peoples ("Wuhan", "Tehran"): only the surest endings
OWN_DEMONYM = re.compile(r"^[A-Z][a-z]{2,}(?:ian|ean|ese|ish)$")


def _phoenix_demonyms() -> list[tuple[str, str]]:
    """Nationality adjectives of every state, from the Phoenix country dictionary, so that "Ghanaian
    police" is Ghana's even where NER tags no nationality."""
    rows = read_phoenix_actors(DATA_DIR / "phoenix_actors.csv")
    aliases = [(r.code, form) for r in rows if r.entity_type == "state" for form in r.aliases if DEMONYM_FORM.match(form)]
    # a demonym Phoenix lists as an entry of its own ("IVORIAN_ [CIV]")
    own = [(r.code, r.name) for r in rows if r.entity_type == "place" and r.code and OWN_DEMONYM.match(r.name)]
    return aliases + own


def _add(index: dict, key: tuple, value: tuple) -> None:
    if key and key not in index:  # first listed wins; later duplicates are ambiguous
        index[key] = value


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    import pycountry

    places = read_keyed_yaml(DATA_DIR / "places.yaml", PLACES_KEYS)
    names_data = read_keyed_yaml(DATA_DIR / "names.yaml", NAMES_KEYS)
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
    for code, form in _phoenix_demonyms():
        _add(exact, _tok(form), ("demonym", code))  # after places.yaml: its forms win
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
    roles.update({key: title for key, title in _agent_roles().items() if key not in roles})
    for table in (exact, lower):  # texts write "People’s" as often as "People's"
        for key, value in list(table.items()):
            if any("'" in t for t in key):
                table.setdefault(tuple(t.replace("'", "\u2019") for t in key), value)
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
        institution_heads=set(places.get("institution_heads") or []),
        fillers=set(places.get("title_fillers") or []), holders=holders, regions=regions,
        addressed=places.get("addressed") or {},
        title_equivalents={k.lower(): tuple(v.lower() for v in vs)
                           for k, vs in (places.get("title_equivalents") or {}).items()},
        local_titles={t.lower() for t in places.get("local_titles") or []},
        past={t.lower() for t in places.get("past_markers") or []},
        heads={t.lower() for t in places.get("portfolio_heads") or []},
        surname_first=set(names_data.get("surname_first") or []),
        suffixes=set(names_data.get("suffixes") or []),
        nicknames={k.lower(): v.lower() for k, v in (names_data.get("nicknames") or {}).items()},
        transcript_labels=set(names_data.get("transcript_labels") or []),
        role_firsts={k[0] for k in roles},
    )


def place_kind(name: str) -> str | None:
    """What a name is in the gazetteer's place tables: "seat" (Kremlin), "city", "region", "state",
    "demonym", or None."""
    hit = lexicon().exact.get(_tok(name))
    return hit[0] if hit and hit[0] in ("seat", "city", "region", "state", "demonym") else None


def office_terms(lex: Lexicon, country: str, title: str) -> list[tuple[Term, Actor]]:
    """Every gazetteer term of `title`, or of a title places.yaml calls equivalent, for `country`."""
    wants = (title.lower(),) + tuple(lex.title_equivalents.get(title.lower(), ()))
    return [held for want in wants for held in lex.holders.get((country, want), [])]


def holder_on(lex: Lexicon, country: str, title: str, date: dt.date) -> Actor | None:
    """Who held the office on `date`. Of the terms covering it, the one that began last: a term
    known to end in a year and its successor's, known to start in that year, both cover the
    handover year."""
    covering = [(term, actor) for term, actor in office_terms(lex, country, title) if term.covers(date)]
    return max(covering, key=lambda held: held[0].start or dt.date.min)[1] if covering else None


def _term_at(actor: Actor, date: dt.date | None) -> Term:
    terms = actor.terms
    if date is not None:
        covering = [t for t in terms if t.covers(date)]
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
