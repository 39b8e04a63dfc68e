"""The trigger lexicon (`pipeline/data/event_triggers.yaml`): verbs, event nouns and verb + object
phrases with their PLOVER type and codebook mode, and the grammar word lists the rules read.

Each entry is a frozen `Entry`; the YAML file's header says what each key means. Loading is strict:
an unknown key, a missing type or mode, a type outside the codebook's vocabulary or a value of the
wrong kind is a `LexiconError` naming the entry, never a key silently ignored.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from pipeline.datafile import load_yaml
from pipeline.extract.nominals import PARTICLES as NOUN_PARTICLES
from schemas.vocab import EVENT_TYPES

LEXICON_PATH = Path(__file__).resolve().parents[2] / "data" / "event_triggers.yaml"
VERB_CONFIDENCE, NOUN_CONFIDENCE, PHRASE_CONFIDENCE = 0.75, 0.6, 0.7
# acts a party is criticised for doing: a condemnation of "the drills" or concern over "China's
# strikes" is aimed at whoever carried them out
HOSTILE_TYPES = ("ASSAULT", "MOBILIZE", "COERCE", "SANCTION", "THREATEN")
# types whose two sides act together: two named parties with no recipient are one pair, and a
# meeting or a deal has no one doer that criticism of "the talks" could be aimed at
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# a phrasal verb key's particle: those nouns are made with ("pullout", nominals.py) and those only verbs take
PHRASAL_PARTICLES = frozenset(NOUN_PARTICLES) | {"on", "through", "aside"}
SECTIONS = ("verbs", "nouns", "phrases", "adjectives", "grammar", "commitments")


class LexiconError(ValueError):
    """The trigger lexicon breaks its schema (the message names the entry)."""


@dataclass(frozen=True)
class ObjectReading:
    """`objects:` of a verb: with one of these object lemmas the verb reads as another type and mode."""
    lemmas: frozenset[str]
    type: str
    mode: str
    recipient_optional: bool = False  # this reading is an event with no recipient named ("suspended the internet")


@dataclass(frozen=True)
class Entry:
    """One reading of a trigger: its PLOVER type and mode, and what it needs of the parse."""
    type: str
    mode: str
    # who the parties are
    dest: bool = False                  # the object or "to" phrase is a place visited
    dest_preps: tuple[str, ...] = ()    # only these prepositions name the destination
    host: bool = False                  # the subject hosts; the object is the visitor (actor)
    reciprocal: bool = False            # "A and B <verb>" with no object gives A -> B
    broker: bool = False                # the subject brought the "between" parties to agree
    recipient_preps: tuple[str, ...] = ()
    # what the parse must show
    needs_recipient: bool = False
    recipient_optional: bool = False
    requires_prep: tuple[str, ...] = ()
    requires_object: tuple[str, ...] = ()
    person_object: bool = False          # a person is also an object it takes ("freed the son of X")
    requires_object_entity: bool = False
    requires_object_type: tuple[str, ...] = ()
    requires_xcomp: bool = False
    requires_xcomp_verb: tuple[str, ...] = ()   # ... whose verb is one of these ("ordered X to leave")
    requires_modifier: tuple[str, ...] = ()
    needs_light_verb: bool = False
    needs_actor_modifier: bool = False
    requires_menace: bool = False
    joint_only: bool = False
    # other readings
    objects: tuple[ObjectReading, ...] = ()
    planned_type: tuple[str, str] | None = None   # type and mode when the action is only promised
    guest_type: tuple[str, str] | None = None     # type and mode when the object is a guest received (hosting)
    crowd_type: tuple[str, str] | None = None     # type and mode when a crowd acts and no one is addressed
    threat_when_future: bool = False
    assault_if_target: bool = False
    confidence: float | None = None
    # phrases only: the verb and the object lemmas it takes
    verb: str | None = None
    object: tuple[str, ...] = ()
    # built-in readings only (not in the YAML file)
    joint: bool = False                 # a generic commitment verb: a promise two parties make together
    demand: bool = False                # "X said Y should ...": X asks Y
    feeling: bool = False               # a predicate adjective ("is concerned about", "remains committed to")


_FIELDS = {f.name: f for f in dataclasses.fields(Entry)}
BUILT_IN_ONLY = {"joint", "demand", "feeling"}
_PHRASE_ONLY = {"verb", "object"}
_LISTS = {name for name, f in _FIELDS.items() if f.default == ()} - {"objects"}
_FLAGS = {name for name, f in _FIELDS.items() if f.default is False}

# "X said Y should stop": X asks Y (codebook REQUEST: asks, appeals, demands)
REPORTED_DEMAND = Entry(type="REQUEST", mode="appeal", needs_recipient=True, demand=True, confidence=0.55)
# "X and Y will strengthen ...": a generic verb is an event only as a promise two parties make together
JOINT_COMMITMENT = Entry(type="AGREE", mode="promise", reciprocal=True, joint=True, confidence=0.6)
# "Russian warships sailed through the strait", "bombers were spotted near Okinawa": forces moved near
# another party's territory are a show of force short of using it (PLOVER MOBILIZE; CAMEO 15x)
# "Indian and Chinese troops clashed": fighting, both sides actors (CAMEO 190 CLASH, PLOVER ASSAULT)
ARMED_CLASH = Entry(type="ASSAULT", mode="attack", reciprocal=True, recipient_preps=("with",), recipient_optional=True,
                    confidence=0.6)
# "Students clashed with police": a crowd's violent protest aimed at the authorities (PLOVER PROTEST riot)
CROWD_RIOT = Entry(type="PROTEST", mode="riot", recipient_preps=("with",), recipient_optional=True, confidence=0.6)
FORCES_MOVE = Entry(type="MOBILIZE", mode="deployment", recipient_optional=True, confidence=0.6)
# "The last French troops left Niger": forces leaving a place withdraw from it (CAMEO 0874, PLOVER RETREAT)
FORCES_LEAVE = Entry(type="RETREAT", mode="withdrawal", recipient_optional=True, confidence=0.6)
# "Israeli tanks fired on a UN position": shots aimed at a target are an attack on its owner (CAMEO 190,
# as the dictionary's own "fire at" patterns; PLOVER ASSAULT)
SHOTS_FIRED = Entry(type="ASSAULT", mode="attack", recipient_preps=("on", "at", "upon"), recipient_optional=True,
                    confidence=0.6)
# "farmers blocked motorways in protest at the plans": what a crowd does in protest (CAMEO 14x, PLOVER PROTEST)
CROWD_PROTEST = Entry(type="PROTEST", mode="demonstration", recipient_preps=("against", "at", "over"),
                      recipient_optional=True, confidence=0.6)
# a reaction told by its manner: "reacted positively to the initiative" praises it (CAMEO 051), "reacted
# angrily to the decision" criticises it (CAMEO 111); the CAMEO dictionary's own react + adverb patterns
APPROVING_REACTION = Entry(type="SUPPORT", mode="praise", needs_recipient=True, confidence=0.6)
DISAPPROVING_REACTION = Entry(type="ACCUSE", mode="disapprove", needs_recipient=True, confidence=0.6)


@dataclass(frozen=True)
class Lexicon:
    verbs: Mapping[str, Entry]
    nouns: Mapping[str, Entry]
    phrases: tuple[Entry, ...]
    adjectives: Mapping[str, Entry]                 # predicate adjectives: a stance the subject holds
    phrase_index: Mapping[tuple[str, str], Entry]   # (verb lemma, object lemma) -> phrase entry
    grammar: Mapping[str, Any]                      # word lists (as sets), numbers and small tables
    commitments: Mapping[str, list]                 # itemised commitments: verbs, lead-in markers, aid words
    commitment_verbs: frozenset[str]

    def phrase(self, verb, obj) -> Entry | None:
        """The verb–object pattern of `verb` and `obj`: the phrasal verb's own first ("set up a committee")."""
        lemma, noun = verb.lemma_.lower(), obj.lemma_.lower()
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        return particle and self.phrase_index.get((f"{lemma} {particle}", noun)) or self.phrase_index.get((lemma, noun))

    def phrasal(self, verb) -> Entry | None:
        """A phrasal verb's own entry, keyed by verb and particle ("back down" concedes, where "back"
        alone supports): the particle makes it another verb."""
        lemma = verb.lemma_.lower()
        # the parser may read the particle right after the verb as an adverb ("nurses walked out")
        return next((e for c in verb.children if (c.dep_ == "prt" or c.dep_ == "advmod" and c.i == verb.i + 1)
                     and (e := self.verbs.get(f"{lemma} {c.lower_}"))), None)


@functools.lru_cache(maxsize=1)
def load_lexicon(path: str = str(LEXICON_PATH)) -> Lexicon:
    with open(path, encoding="utf-8") as fh:
        raw = load_yaml(fh.read())
    unknown = set(raw) - set(SECTIONS)
    if unknown:
        raise LexiconError(f"{path}: unknown section(s) {sorted(unknown)}; known: {list(SECTIONS)}")
    verbs = {_verb_key(lemma): parse_entry(f"verbs.{lemma}", spec) for lemma, spec in (raw.get("verbs") or {}).items()}
    nouns = {lemma: parse_entry(f"nouns.{lemma}", spec) for lemma, spec in (raw.get("nouns") or {}).items()}
    phrases = tuple(rule for i, spec in enumerate(raw.get("phrases") or []) for rule in _phrase_rules(f"phrases[{i}]", spec))
    adjectives = {word: dataclasses.replace(parse_entry(f"adjectives.{word}", spec), feeling=True)
                  for word, spec in (raw.get("adjectives") or {}).items()}
    index: dict[tuple[str, str], Entry] = {}
    for rule in phrases:
        for obj in rule.object:
            index[(rule.verb, obj)] = rule
    grammar = {k: (set(v) if isinstance(v, list) else v) for k, v in (raw.get("grammar") or {}).items()}
    commitments = raw.get("commitments") or {}
    return Lexicon(MappingProxyType(verbs), MappingProxyType(nouns), phrases, MappingProxyType(adjectives),
                   MappingProxyType(index),
                   MappingProxyType(grammar), MappingProxyType(commitments),
                   frozenset(commitments.get("verbs", [])))


def _verb_key(key: str) -> str:
    """A verb lemma, or a phrasal verb: the lemma and one particle ("back down")."""
    parts = key.split(" ")
    if len(parts) > 2 or not all(parts) or (len(parts) == 2 and parts[1] not in PHRASAL_PARTICLES):
        raise LexiconError(f"verbs.{key}: a verb key is a lemma or a lemma and one particle of {sorted(PHRASAL_PARTICLES)}")
    return key


def _phrase_rules(name: str, spec: Any) -> list[Entry]:
    """One phrase row, an entry per verb: a row may give one object list to several verbs ("revoke",
    "scrap", "tear up" an agreement)."""
    verbs = spec.get("verb") if isinstance(spec, dict) else None
    if not isinstance(verbs, list):
        return [parse_entry(name, spec, phrase=True)]
    if not verbs:
        raise LexiconError(f"{name}.verb: expected a verb or a non-empty list of verbs")
    return [parse_entry(name, {**spec, "verb": verb}, phrase=True) for verb in verbs]


def parse_entry(name: str, spec: Any, phrase: bool = False) -> Entry:
    """One YAML entry as an `Entry`; `name` ("verbs.visit") is how errors point at it."""
    if not isinstance(spec, dict):
        raise LexiconError(f"{name}: an entry is a mapping of keys, not {type(spec).__name__}")
    allowed = set(_FIELDS) - BUILT_IN_ONLY - (set() if phrase else _PHRASE_ONLY)
    unknown = set(spec) - allowed
    if unknown:
        raise LexiconError(f"{name}: unknown key(s) {sorted(unknown)}; known keys: {sorted(allowed)}")
    needed = {"type", "mode"} | (_PHRASE_ONLY if phrase else set())
    missing = needed - set(spec)
    if missing:
        raise LexiconError(f"{name}: missing key(s) {sorted(missing)}")
    values = {key: _value(name, key, value) for key, value in spec.items()}
    return Entry(**values)


def _value(name: str, key: str, value: Any) -> Any:
    where = f"{name}.{key}"
    if key in _FLAGS:
        if not isinstance(value, bool):
            raise LexiconError(f"{where}: expected true or false, got {value!r}")
        return value
    if key in _LISTS:
        return _words(where, value)
    if key == "verb":
        return _verb_key(_word(where, value))
    if key in ("type", "mode"):
        return _type(where, value) if key == "type" else _word(where, value)
    if key in ("planned_type", "guest_type", "crowd_type"):
        if not (isinstance(value, list) and len(value) == 2):
            raise LexiconError(f"{where}: expected [type, mode], got {value!r}")
        return _type(where, value[0]), _word(where, value[1])
    if key == "objects":
        return tuple(_object_reading(f"{where}[{i}]", v) for i, v in enumerate(_list(where, value)))
    if key == "confidence":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
            raise LexiconError(f"{where}: expected a number in (0, 1], got {value!r}")
        return float(value)
    raise LexiconError(f"{where}: no reader for this key")  # a field added to Entry without one


def _object_reading(where: str, spec: Any) -> ObjectReading:
    if not isinstance(spec, dict) or not {"lemmas", "type", "mode"} <= set(spec) \
            or not set(spec) <= {"lemmas", "type", "mode", "recipient_optional"}:
        raise LexiconError(f"{where}: expected {{lemmas, type, mode[, recipient_optional]}}, got {spec!r}")
    optional = spec.get("recipient_optional", False)
    if not isinstance(optional, bool):
        raise LexiconError(f"{where}.recipient_optional: expected true or false, got {optional!r}")
    return ObjectReading(frozenset(_words(f"{where}.lemmas", spec["lemmas"])), _type(f"{where}.type", spec["type"]),
                         _word(f"{where}.mode", spec["mode"]), optional)


def _list(where: str, value: Any) -> list:
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{where}: expected a non-empty list, got {value!r}")
    return value


def _words(where: str, value: Any) -> tuple[str, ...]:
    return tuple(_word(where, v) for v in _list(where, value))


def _word(where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{where}: expected a word, got {value!r}")
    return value


def _type(where: str, value: Any) -> str:
    if value not in EVENT_TYPES:
        raise LexiconError(f"{where}: {value!r} is not an event type of the codebook")
    return value
