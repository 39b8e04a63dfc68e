"""Threats made by grammar (codebook THREATEN: warns of force, sanctions or other costs): a reply
promised only for the future ("will retaliate"), and a hostile act put on a condition ("would impose
sanctions if Vilnius ...", "supplies could be cut off unless ..."). Each is a threat made now, not a
planned or hypothetical act."""
from __future__ import annotations

from pipeline.extract.events.lexicon import Entry
from pipeline.extract.events.parties import ArgReader, Party
from pipeline.extract.events.status import menacing
from pipeline.extract.events.subjects import subject_of
from pipeline.extract.events.syntax import condition_of, plain_form

# the costs a condition turns into a threat; forces moved "if the attacks continue" are a plan of defence
MENACING_TYPES = ("ASSAULT", "COERCE", "SANCTION")


def future_threat(entry: Entry, status: str | None, tok, g: dict) -> str | None:
    """A reply that is a threat only while still to come ("will retaliate", "will respond
    accordingly"): made now ("occurred"), or None when the reading codes no threat."""
    if status != "planned" or (entry.requires_menace and not menacing(tok, g)):
        return None
    return "occurred"


def conditional_menace(tok, kind: str, etype: str, reader: ArgReader) -> bool:
    """A hostile act under a modal with an "if"/"unless" clause of its own, said by someone or put on
    another party's deed: the act is the cost the speaker warns of. "If talks fail, X would expel
    ..." unsaid is a hypothetical; "would not strike even if" warns of nothing."""
    if kind == "noun" or etype not in MENACING_TYPES:
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    if not any(c.dep_ in ("aux", "auxpass") and plain_form(c) in reader.grammar["threat_modals"] for c in tok.children):
        return False
    cond = condition_of(tok)
    return cond is not None and (_said(tok) or any(p.code for p in subject_of(cond, reader)[0]))


def _said(tok) -> bool:
    return tok.dep_ == "ccomp" and tok.head.pos_ in ("VERB", "AUX")


def threat_parties(tok, reader: ArgReader, actors: list[Party], recips: list[Party]) -> tuple[list[Party], list[Party]]:
    """The sides of a conditional threat: those its act names, else the one who warns and the one
    warned."""
    actors = actors or warner(tok, reader)
    return actors, recips or warned(tok, reader, {p.code for p in actors})


def warner(tok, reader: ArgReader) -> list[Party]:
    """Who warns of a cost no doer is named for: the one who says it ("Algeria's minister said supplies
    could be cut off if ...")."""
    if _said(tok):
        return [p for p in subject_of(tok.head, reader)[0] if p.code]
    return []


def warned(tok, reader: ArgReader, besides: set) -> list[Party]:
    """Who is warned when the act names no target: the party whose deed is the condition ("if Madrid
    re-exported the gas"), else the one told ("told the unions they would be ...")."""
    cond = condition_of(tok)
    found = [p for p in subject_of(cond, reader)[0] if p.code and p.code not in besides] if cond is not None else []
    if not found and tok.dep_ == "ccomp":
        found = [p for c in tok.head.children if c.dep_ in ("dobj", "dative") for p in reader.parties(c)
                 if p.code and p.code not in besides]
    return found
