"""The owner of a thing a definite noun phrase names again. "Japan launched a new joint command on
Monday. China criticised the new command": the criticism is aimed at Japan, the party that the
thing's first mention belongs to. Coreference by the head noun alone, read from the grammar of the
first mention: its possessor ("Japan's new command"), a state word on it ("the Japanese command"),
or the subject of the verb that introduced it as a new thing ("Japan launched a new command")."""
from __future__ import annotations

from pipeline.extract.events.parties import ArgReader, Party
from pipeline.extract.events.subjects import subject_of
from pipeline.extract.events.syntax import DEFINITE, indefinite


def owner_named_before(obj, reader: ArgReader, own: set, reach: int) -> list[Party]:
    """The coded owner, other than the critic (`own`), of the last earlier mention within `reach`
    characters of the thing `obj` names again ("the new command"); none when `obj` is not a
    definite common noun or names its own owner."""
    if obj is None or obj.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children):
        return []
    if any(c.dep_ in ("poss", "prep") or c.ent_type_ in ("GPE", "NORP") for c in obj.children):
        return []  # "the Japanese command", "the command of X": the phrase says whose it is
    lemma = obj.lemma_.lower()
    for prev in reversed(obj.doc[:obj.i]):
        if obj.idx - prev.idx > reach:
            break
        if prev.pos_ == "NOUN" and prev.lemma_.lower() == lemma:
            owners = [p for p in _owner(prev, reader) if p.code and p.code not in own]
            if owners:
                return owners[:1]
    return []


def _owner(noun, reader: ArgReader) -> list[Party]:
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP")):
            return reader.parties(c)  # "Japan's new command", "a Japanese command"
    # a new thing the subject brought about ("launched a new command"); "discussed the situation"
    # introduces nothing, so a definite first mention has no owner
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and indefinite(noun):
        return subject_of(noun.head, reader)[0]
    return []
