"""Typed entries of the actor dictionaries, checked against their schema as they are read.

The project's own files (pipeline/data/gazetteer.csv, places.yaml, names.yaml) are read here
into frozen records; an unknown column or key, or a value outside its domain, stops the build
instead of being silently ignored.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.datafile import load_yaml

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"
ENTITY_TYPES = frozenset({"person", "state", "organization", "igo", "location", "group"})
GAZETTEER_COLUMNS = ("name", "entity_type", "country_code", "code", "role", "wikidata_id", "aliases",
                     "start", "end", "home_country")
PLACES_KEYS = frozenset({"canonical_names", "with_article", "state_names", "demonyms", "seats", "place_prepositions",
                         "named_after_places", "institution_heads", "bodies", "roles", "title_fillers", "local_titles", "past_markers",
                         "portfolio_heads", "cities", "regions", "state_wikidata", "title_equivalents", "addressed"})
NAMES_KEYS = frozenset({"surname_first", "suffixes", "transcript_labels", "nicknames"})
COUNTRY = re.compile(r"[A-Z]{3}")
CODE = re.compile(r"[A-Z][A-Za-z0-9 .'&-]{1,40}")  # ISO3, or an IGO's short name ("NATO", "Arab League")
QID = re.compile(r"Q\d+")


class DictionaryError(ValueError):
    """A dictionary entry that does not fit its schema."""


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


@dataclass(frozen=True)
class Term:
    """One role an actor holds, from `start` to `end` (open ends: always)."""

    role: str | None
    country_code: str | None
    code: str | None
    start: dt.date | None
    end: dt.date | None

    def covers(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class Actor:
    key: str
    name: str
    entity_type: str
    wikidata_id: str | None
    terms: tuple[Term, ...] = ()
    home: str | None = None  # country a party or news agency belongs to without acting for it
    aliases: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GazetteerRow:
    """One row of gazetteer.csv: an actor's name, type and one dated term."""

    name: str
    entity_type: str
    country_code: str | None
    code: str | None
    role: str | None
    wikidata_id: str | None
    aliases: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None
    home_country: str | None

    @property
    def key(self) -> str:
        return self.wikidata_id or f"{self.entity_type}:{self.name}"

    @property
    def term(self) -> Term:
        return Term(self.role, self.country_code, self.code, self.start, self.end)


def _date(value: str, end: bool = False) -> dt.date | None:
    """A date written YYYY (the year's first day, or last when it ends a term) or YYYY-MM-DD."""
    value = (value or "").strip()
    if not value:
        return None
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 12, 31) if end else dt.date(int(value), 1, 1)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DictionaryError(f"not a date: {value!r}") from None


def _optional(value: str | None, pattern: re.Pattern | None, what: str, where: str) -> str | None:
    value = (value or "").strip() or None
    if value is not None and pattern is not None and not pattern.fullmatch(value):
        raise DictionaryError(f"{where}: {what} {value!r} does not match {pattern.pattern}")
    return value


def gazetteer_row(row: dict, where: str) -> GazetteerRow:
    """A checked row: every column known, the type in its domain, codes and dates well formed."""
    unknown = set(row) - set(GAZETTEER_COLUMNS)
    if unknown or None in row:
        raise DictionaryError(f"{where}: unknown column(s) {sorted(map(str, unknown))}")
    name = (row.get("name") or "").strip()
    etype = (row.get("entity_type") or "").strip()
    if not name or etype not in ENTITY_TYPES:
        raise DictionaryError(f"{where}: needs a name and an entity_type in {sorted(ENTITY_TYPES)}")
    start, end = _date(row.get("start", "")), _date(row.get("end", ""), end=True)
    if start and end and end < start:
        raise DictionaryError(f"{where}: term of {name} ends before it starts")
    return GazetteerRow(
        name=name, entity_type=etype,
        country_code=_optional(row.get("country_code"), COUNTRY, "country_code", where),
        code=_optional(row.get("code"), CODE, "code", where),
        role=_optional(row.get("role"), None, "role", where),
        wikidata_id=_optional(row.get("wikidata_id"), QID, "wikidata_id", where),
        aliases=tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()),
        start=start, end=end,
        home_country=_optional(row.get("home_country"), COUNTRY, "home_country", where),
    )


def read_gazetteer(path: Path) -> list[GazetteerRow]:
    return [gazetteer_row(row, where) for where, row in _checked_rows(path, GAZETTEER_COLUMNS)]


def actors_from_rows(rows: list[GazetteerRow]) -> dict[str, Actor]:
    """One actor per key (Q-id, else type and name), its terms in the order of the rows."""
    grouped: dict[str, list[GazetteerRow]] = {}
    for row in rows:
        grouped.setdefault(row.key, []).append(row)
    actors = {}
    for key, group in grouped.items():
        first = group[0]
        actors[key] = Actor(key, first.name, first.entity_type, first.wikidata_id,
                            terms=tuple(r.term for r in group),
                            home=next((r.home_country for r in group if r.home_country), None),
                            aliases=frozenset(a for r in group for a in r.aliases))
    return actors


def read_keyed_yaml(path: Path, keys: frozenset[str]) -> dict:
    """A YAML mapping whose top-level keys must all be known."""
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise DictionaryError(f"{path.name}: not a mapping")
    unknown = set(data) - keys
    if unknown:
        raise DictionaryError(f"{path.name}: unknown key(s) {sorted(unknown)}")
    return data


# ---------------------------------------------------------------- Phoenix (PETRARCH-2) entries

PHOENIX_COLUMNS = ("name", "entity_type", "code", "role_code", "start", "end", "aliases")
PHOENIX_TYPES = frozenset({"state", "place", "igo", "organization", "person"})
AGENT_COLUMNS = ("noun", "role_code", "acts_for_state", "names_a_person")
ADDED_AGENT_COLUMNS = AGENT_COLUMNS + ("reason",)  # agents_added.csv: the project's own, each with its reason


@dataclass(frozen=True)
class PhoenixRow:
    """One row of phoenix_actors.csv (built by scripts/build_actor_dictionary.py)."""

    name: str
    entity_type: str   # state|place|igo|organization|person
    code: str          # ISO3 of the state, or the IGO's short name
    role_code: str | None  # Phoenix sector of a person's term (GOV, MIL, ELI ...)
    start: dt.date | None
    end: dt.date | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Agent:
    """An agent noun of phoenix_agents.csv ("defense minister" -> GOV, acting for its state)."""

    noun: str
    role_code: str
    acts_for_state: bool
    names_a_person: bool


def _checked_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[str, dict]]:
    with open(path, encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != columns:
            raise DictionaryError(f"{path.name}: columns {reader.fieldnames} != {list(columns)}")
        return [(f"{path.name}:{k + 2}", row) for k, row in enumerate(reader)]


def phoenix_row(row: dict, where: str) -> PhoenixRow:
    if None in row or set(row) - set(PHOENIX_COLUMNS):
        raise DictionaryError(f"{where}: unknown column(s)")
    etype = row["entity_type"]
    if etype not in PHOENIX_TYPES or not row["name"].strip():
        raise DictionaryError(f"{where}: needs a name and an entity_type in {sorted(PHOENIX_TYPES)}")
    code = _optional(row["code"], CODE, "code", where)
    # a non-governmental organisation has no code (codebook section 6); every other row has one
    if (code is None and etype != "organization") or (etype in ("state", "place") and not COUNTRY.fullmatch(code)):
        raise DictionaryError(f"{where}: {etype} needs a code")
    return PhoenixRow(row["name"].strip(), etype, code, _optional(row["role_code"], re.compile(r"[A-Z]{3,12}"),
                      "role_code", where), _date(row["start"]), _date(row["end"], end=True),
                      tuple(a for a in row["aliases"].split("|") if a.strip()))


@functools.lru_cache(maxsize=2)  # read by the gazetteer (demonyms) and the Phoenix index: once per process
def read_phoenix_actors(path: Path) -> tuple[PhoenixRow, ...]:
    return tuple(phoenix_row(row, where) for where, row in _checked_rows(path, PHOENIX_COLUMNS))


def read_phoenix_agents(path: Path) -> list[Agent]:
    return [_agent(where, row) for where, row in _checked_rows(path, AGENT_COLUMNS)]


def read_added_agents(path: Path, phoenix: list[Agent]) -> list[Agent]:
    """The project's own agent nouns, beside Phoenix's: each gives a reason, uses a role code Phoenix
    uses, and names a noun Phoenix lacks (an addition never overrides the field's dictionary)."""
    known, codes, out = {a.noun for a in phoenix}, {a.role_code for a in phoenix}, []
    for where, row in _checked_rows(path, ADDED_AGENT_COLUMNS):
        agent = _agent(where, row)
        if not (row["reason"] or "").strip() or agent.role_code not in codes or agent.noun in known:
            raise DictionaryError(f"{where}: an addition needs a reason, a Phoenix role code and a noun Phoenix lacks")
        out.append(agent)
    return out


def _agent(where: str, row: dict) -> Agent:
    flags = (row["acts_for_state"], row["names_a_person"])
    if not set(flags) <= {"yes", "no"} or not re.fullmatch(r"[A-Z]{3,12}", row["role_code"] or ""):
        raise DictionaryError(f"{where}: flags must be yes|no and role_code a Phoenix code")
    return Agent(row["noun"].strip(), row["role_code"], flags[0] == "yes", flags[1] == "yes")
