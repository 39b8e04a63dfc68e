"""Events whose doer the text does not name. Force done to a named party happened all the same ("two
Kenyan journalists were arrested", "a roadside bomb killed three Malian soldiers"), and so did a
crowd's protest that a noun names ("protests erupted in Dhaka"). The row keeps a null actor, or the
crowd as an uncoded group; it never guesses who did it. Used by the fit step of `rows.rows_for`."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.extract.event_model import nominal_readings
from pipeline.extract.events.parties import Party
from pipeline.extract.events.subjects import described_noun
from pipeline.extract.events.syntax import happened, prep_objects

if TYPE_CHECKING:
    from pipeline.extract.events.rows import Coding, Reading

# what an attack or a protest named by its noun is aimed at: "an attack on a police post"
AIMED_PREPS = ("on", "against", "at")


def unnamed_doers(r: Reading, coding: Coding) -> list[Party] | None:
    """The actors of a reading whose doer is unnamed, or None when the reading is no such event.
    Recipients found here replace the reading's where it had no coded one."""
    g = coding.lex.grammar
    if r.entry.type in g["unnamed_doer_types"] and _force_unnamed(r, coding):
        # the acts of a state's own authorities: their doer is the state where they happen
        return [Party(None, None, None, None, None, for_state=r.entry.mode in g["placed_doer_modes"])]
    crowd = r.entry.crowd_type[0] if r.entry.crowd_type else r.entry.type
    if r.kind == "noun" and crowd == "PROTEST" and happened(r.tok, g):
        if r.entry.crowd_type:
            etype, mode = r.entry.crowd_type
            r.entry = replace(r.entry, type=etype, mode=mode, crowd_type=None, needs_recipient=False)
        r.recips = [p for p in r.recips if p.code or p.group]
        # "Protests erupted in Dhaka": the crowd the noun stands for, not broken down (codebook section 6)
        return [Party(_phrase(r.tok), None, None, "group", r.tok.i, group=True)]
    if r.kind == "phrase" and crowd == "PROTEST" and r.cand.obj is not None and r.cand.obj.dep_ == "nsubjpass":
        # "a rally against the reform was held in Lima": the gathering held, its crowd not broken down
        return [Party(_phrase(r.cand.obj), None, None, "group", r.cand.obj.i, group=True)]
    return None


def _force_unnamed(r: Reading, coding: Coding) -> bool:
    """Force done to a coded party by no one the text names: a passive with no agent or none that is
    a party, an act whose subject is a weapon or an attack ("a roadside bomb killed ..."), or an
    event noun that is one act, with a determiner or as the subject of a verb that says it happened.
    A bare plural alone is acts in general ("Attacks against diplomats are unacceptable")."""
    tok, g = r.tok, coding.lex.grammar
    children = {c.dep_ for c in tok.children}
    # "mobile internet was shut down across Ethiopia": a restriction needing no recipient, done by the
    # state where it happens
    placed = r.kind != "noun" and "auxpass" in children and r.entry.recipient_optional \
        and r.entry.mode in g["placed_doer_modes"]
    if r.kind == "verb" and ("auxpass" in children or described_noun(tok) is not None):
        # an agent, if any, named no party ("by a squad of mercenaries"); "nationals detained in Iran" too
        r.recips = r.recips or [p for c in tok.children if c.dep_ == "nsubjpass" for p in coding.reader.parties_inside(c)]
    elif r.kind == "verb" and (thing := _thing_as_subject(tok, coding)) is not None:
        r.recips = _coded(r.recips) or _aimed_at(thing, coding) or _victims(tok, coding)
    elif r.kind == "noun" and happened(tok, g) and not any(c.dep_ == "poss" for c in tok.children):
        r.recips = _coded(r.recips) or _victims(tok.head, coding) or _aimed_at(tok, coding)
    elif not placed and (r.kind != "noun" or children & {"poss", "amod", "compound"} or any(
            c.dep_ == "prep" and c.lower_ == "by" for c in tok.children) or "det" not in children):
        return False
    return bool(_coded(r.recips)) or placed


def _thing_as_subject(verb, coding: Coding):
    """The subject of an act of force that is a weapon or an attack, owned by no one named: "a
    roadside bomb killed", "a drone strike on a market killed 12 people"."""
    g, nouns = coding.lex.grammar, coding.lex.nouns
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    gerund = subj is not None and subj.tag_ == "VBG"  # "Shelling killed five civilians": parsed as a verb
    if subj is None or not (subj.pos_ == "NOUN" or gerund) or any(c.dep_ == "poss" for c in subj.children):
        return None
    word, types = subj.lemma_.lower(), g["unnamed_doer_types"]
    # "the shelling killed": a noun the lexicon lacks, made from a verb of force ("shell")
    entry = coding.lex.verbs.get(word) if gerund else nouns.get(word)
    hostile = entry is not None and entry.type in types \
        or any(reading.type in types for _, reading in nominal_readings(word, coding.lex))
    if word not in g["weapon_nouns"] | g["doerless_weapons"] and not hostile:
        return None
    return None if any(p.code for p in coding.reader.parties(subj)) else subj


def _aimed_at(noun, coding: Coding) -> list[Party]:
    """The coded party or place an attack is aimed at: "a strike on a market in El Obeid"."""
    for obj in prep_objects(noun, AIMED_PREPS):
        found = _coded(coding.reader.parties_inside(obj)) or coding.reader.place_within(obj)
        if found:
            return found
    return []


def _victims(verb, coding: Coding) -> list[Party]:
    """"The ambush left 20 Burkinabe soldiers dead", "the blast killed two Malian soldiers": the
    coded party among those the act hit."""
    if verb.lemma_.lower() not in coding.lex.grammar["harm_verbs"]:
        return []
    for obj in (o for o in verb.children if o.dep_ == "dobj"):
        # "killed five civilians in Kharkiv": the place they were in, where no party is named
        if found := _coded(coding.reader.parties_inside(obj))[:1] or coding.reader.place_within(obj):
            return found
    return []


def _coded(parties: list[Party]) -> list[Party]:
    return [p for p in parties if p.code]


def _phrase(noun) -> str:
    words = [t for t in noun.subtree if t.i <= noun.i]
    return noun.doc[words[0].i:noun.i + 1].text if words else noun.text
