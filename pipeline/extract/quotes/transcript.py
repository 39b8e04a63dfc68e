"""Transcripts: who "I" is in a speaker's turn.

A remarks or press-conference transcript gives each turn a label in capitals ("PRESIDENT
SOLBERG:", "MS. OKAFOR:", "Q"). Within a turn, "I said, “...”" is the labelled speaker's. A
label that names a person resolves to the document's fullest form of that name. A label of a
title alone ("THE PRESIDENT:") names the holder of that office in the state whose government
publishes the text (`publisher_state`, from its collection) on the document's date, by the
gazetteer's dated terms; the state itself when the office is known there but not its holder on
that date. A title the publisher's state has no known holder of ("THE PRIME MINISTER:" at the
White House is a guest), a text with no publisher state, and a reporter's "Q" name nobody: the
quotation is left without a speaker rather than given to the last person mentioned.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from pipeline.extract.entities.dictionary import Entity
from pipeline.extract.entities.gazetteer import actor_entity, holder_on, office_terms, state_entity
from pipeline.extract.entities.gazetteer import lexicon as places
from pipeline.extract.quotes.lexicon import lexicon
from pipeline.extract.quotes.names import Speaker

# "PRIME MINISTER KISHIDA (AS INTERPRETED):": a note in brackets may stand between the name and the colon
LABEL_NOTE = r"(?:[ \t]*\([^)\n]{1,30}\))?"
LABEL = re.compile(r"^[ \t]*(?:(?P<name>(?:[A-Z][A-Z.’'-]*[ \t]){0,4}[A-Z][A-Z.’'-]+)" + LABEL_NOTE + r":[ \t]"
                   r"|(?P<q>Q):?[ \t])", re.M)
def turns(text: str) -> list[tuple[int, str]]:
    """(offset, label) of every turn; "Q" for a reporter's question. Empty for a text without labels.
    One label makes a transcript only when it is a title alone: a speech headed "THE PRESIDENT:" is
    one turn, but a lone "TARIFFS WORK:" is a heading, not a speaker."""
    found = [(m.start(), m.group("name") or "Q") for m in LABEL.finditer(text)]
    return found if len(found) >= 2 or len(found) == 1 and office_title(found[0][1]) else []


def office_title(label: str) -> str | None:
    """"THE VICE PRESIDENT" -> "Vice President": a label that is a title the gazetteer knows, and nothing else."""
    words = [w.strip(".").lower() for w in label.split()]
    words = words[1:] if words[:1] == ["the"] else words
    return places().roles.get(tuple(words)) if words else None


def label_name(label: str) -> str | None:
    """"PRESIDENT SOLBERG" -> "Solberg"; "THE PRESIDENT" and "Q" -> None."""
    titles = lexicon()["titles"]
    words = [w.strip(".") for w in label.split()]
    words = [w for w in words if w.lower() not in titles]
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in words) if words else None


def turn_of(ctx: Any, offset: int) -> str | None:
    if getattr(ctx, "turn_list", None) is None:
        ctx.turn_list = turns(ctx.text)
    starts = [s for s, _ in ctx.turn_list]
    i = bisect.bisect_right(starts, offset) - 1
    return ctx.turn_list[i][1] if i >= 0 else None


def turn_speaker(ctx: Any, offset: int) -> Speaker | None:
    """The person whose turn holds `offset`, when the label names one."""
    label = turn_of(ctx, offset)
    if not label or label == "Q":
        return None
    name = label_name(label)
    if not name:
        return title_holder(ctx, label)
    found = ctx.names.lookup(name)
    return found if found.entity_id or found.kind == "person" else Speaker(name, None, "person")


def title_holder(ctx: Any, label: str) -> Speaker | None:
    """"THE PRESIDENT" -> the publisher's state's president on the document's date, else that state."""
    ent = office_holder(getattr(ctx.parsed, "publisher_state", None), label, ctx.parsed.published_date)
    return as_speaker(ctx, ent) if ent is not None else None


def office_holder(state: str | None, label: str, date) -> Entity | None:
    """"THE PRESIDENT" of `state`: its holder of that office on `date`, else the state; None for a
    title the gazetteer does not know as an office of that state (never guessed)."""
    title = office_title(label) if state else None
    if not title or not office_terms(places(), state, title):
        return None
    actor = holder_on(places(), state, title, date) if date is not None else None
    return actor_entity(actor, date) if actor else state_entity(state)


def as_speaker(ctx: Any, ent: Entity) -> Speaker:
    """The entity as a speaker; its id only when the document's entities hold it (quotes reference them)."""
    known = getattr(ctx.names.ents, "entities", None) or {}
    return Speaker(ent.name, ent.entity_id if ent.entity_id in known else None, ent.entity_type)
