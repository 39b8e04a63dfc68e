"""Transcripts: who "I" is in a speaker's turn.

A remarks or press-conference transcript gives each turn a label in capitals ("PRESIDENT
SOLBERG:", "MS. OKAFOR:", "Q"). Within a turn, "I said, “...”" is the labelled speaker's. A
label that names a person resolves to the document's fullest form of that name; a label of a
title alone ("THE PRESIDENT:") or a reporter's "Q" names nobody, and the quotation is left
without a speaker rather than given to the last person mentioned.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from pipeline.extract.quotes.lexicon import lexicon
from pipeline.extract.quotes.names import Speaker

LABEL = re.compile(r"^[ \t]*(?:(?P<name>(?:[A-Z][A-Z.’'-]*[ \t]){0,4}[A-Z][A-Z.’'-]+):[ \t]|(?P<q>Q)[ \t])", re.M)
HONORIFICS = frozenset({"the", "mr", "mrs", "ms", "dr", "miss", "president", "prime", "minister", "secretary",
                        "ambassador", "admiral", "general", "chancellor", "king", "queen", "vice", "premier",
                        "senator", "governor", "speaker", "chairman", "chair", "director", "deputy"})


def turns(text: str) -> list[tuple[int, str]]:
    """(offset, label) of every turn; "Q" for a reporter's question. Empty for a text without labels."""
    found = [(m.start(), m.group("name") or "Q") for m in LABEL.finditer(text)]
    return found if len(found) >= 2 else []


def label_name(label: str) -> str | None:
    """"PRESIDENT SOLBERG" -> "Solberg"; "THE PRESIDENT" and "Q" -> None."""
    titles = lexicon()["titles"] | HONORIFICS
    words = [w.strip(".") for w in label.split()]
    words = [w for w in words if w.lower() not in titles]
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in words) if words else None


def turn_of(ctx: Any, offset: int) -> str | None:
    if getattr(ctx, "turn_list", None) is None:
        ctx.turn_list = turns(ctx.text)
    starts = [s for s, _ in ctx.turn_list]
    i = bisect.bisect_right(starts, offset) - 1
    return ctx.turn_list[i][1] if i >= 0 else None


def in_transcript(ctx: Any, offset: int) -> bool:
    return turn_of(ctx, offset) is not None


def turn_speaker(ctx: Any, offset: int) -> Speaker | None:
    """The person whose turn holds `offset`, when the label names one."""
    label = turn_of(ctx, offset)
    name = label_name(label) if label else None
    if not name:
        return None
    found = ctx.names.lookup(name)
    return found if found.entity_id or found.kind == "person" else Speaker(name, None, "person")
