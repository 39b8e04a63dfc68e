"""What the document has coded so far, as later readings need it: the pair of parties the text is
about ("the two leaders", "the parties"), and the events already coded, so that an event noun that
only refers back to one ("the talks") codes nothing new."""
from __future__ import annotations

from pipeline.extract.events.lexicon import HOSTILE_TYPES, Entry
from pipeline.extract.events.parties import ArgReader, Party

MAX_GROUP = 6  # "the parties" stands for at most this many named parties


def _pair_key(etype, a: Party, r: Party | None) -> tuple:
    return etype, frozenset([a.code or a.name, (r.code or r.name) if r else None])


def refers_back(pairs, etype, date, seen: dict) -> bool:
    """A noun that names an event already coded, with no new date, only refers back to it;
    `etype` carries the status for objects of light verbs: talks agreed to be resumed are not the talks held."""
    if not pairs:
        return False
    new_date = date[0] if date else None
    for a, r in pairs:
        dates = seen.get(_pair_key(etype, a, r))
        if dates is None or (new_date is not None and new_date not in dates):
            return False
        if _new_person(a, r, seen.get(("people",) + _pair_key(etype, a, r), set())):
            return False  # "a meeting with the prime minister" after talks with the president
    return True


def _people(a: Party, r: Party | None) -> set[str]:
    return {p.entity_id for p in (a, r) if p is not None and p.etype == "person" and p.entity_id}


def _new_person(a: Party, r: Party | None, known: set[str]) -> bool:
    """A person the earlier events of this pair did not name, where they named people."""
    return bool(known) and bool(_people(a, r) - known)


def remember_pair(reader: ArgReader, pairs, actors: list[Party], offset: int, together: bool,
                  meets: bool = True, etype: str | None = None, sentence: tuple[int, int] | None = None) -> None:
    """The coded parties of the last event with two or more, actor first, for "the two leaders",
    "the parties", "they" and fact-sheet imperatives. Only parties acting `together` (meeting,
    agreeing) form a group; "X condemned Z" does not make X and Z the pair the text is about.
    Two or more coded actors are the group themselves ("the three leaders pledged to work with
    ASEAN": ASEAN is no leader); one actor forms a group with its recipients only where it `meets`
    them (talks, agreements, cooperation), not where it praises them."""
    if not together:
        return
    joint = len({p.code for p in actors if p.code}) >= 2
    if joint and not (meets and etype == "CONSULT"):
        named = actors  # a meeting's host (its recipient) is one of the group, a partner of a pledge is not
    elif meets and pairs and pairs[0][1] is not None:
        named = [p for pair in pairs for p in pair if p is not None]
    else:
        return
    group: list[Party] = []
    for p in named:
        if p.code and p.code not in {g.code for g in group}:
            group.append(p)
    if len(group) < 2 or not all(p.code for p in named):
        return
    # the first-named party acts for the group (codebook section 5): the order of the text, not of the pairs
    if sentence is not None and all(p.token_i is not None and sentence[0] <= p.token_i < sentence[1] for p in group):
        # parties named afresh in the sentence: the first-named acts for the group (codebook section 5),
        # in the order of the text, not of the pairs ("X welcomed Y" codes the guest Y as actor)
        group = sorted(group, key=lambda p: p.token_i)
    group = group[:MAX_GROUP]
    reader.last_group = group
    current = {p.code for p in reader.context_pair}
    if current and {p.code for p in group} <= current and offset - reader.context_at <= reader.grammar.get("counterpart_reach", 1500):
        # a subgroup of the parties, or the same ones again: who "the leaders" are does not change,
        # and the order they were first named in keeps the first-named party the actor
        reader.context_at = offset
        return
    reader.context_pair, reader.context_at = group, offset


def counterpart(reader: ArgReader, actors: list[Party], entry: Entry, tok, g: dict) -> list[Party]:
    """"Abe proposed an economic programme", right after Abe and Putin met: one party of the pair
    the text is about acts, so the other is the counterpart."""
    pair = reader.last_group if len(reader.last_group) == 2 else reader.context_pair
    if len(actors) != 1 or entry.type not in g["counterpart_types"] or len(pair) != 2:
        return []
    if tok.idx - reader.context_at > g["counterpart_reach"]:
        return []
    codes = [p.code for p in pair]
    if actors[0].code not in codes:
        return []
    return [pair[1 - codes.index(actors[0].code)]]


def note_pairs(seen: dict, pairs, etype: str, status: str, date) -> None:
    """Record the coded pairs (and the people they name) under the type, with and without the
    status, for event nouns further on that may only refer back to them."""
    for a, r in pairs:
        for key in {(etype, None), (etype, status)}:
            seen.setdefault(_pair_key(key, a, r), set()).add(date[0] if date else None)
            if etype in HOSTILE_TYPES:  # "Russia's war", after "Russia invaded Ukraine": the doer alone
                seen.setdefault(_pair_key(key, a, None), set()).add(date[0] if date else None)
            seen.setdefault(("people",) + _pair_key(key, a, r), set()).update(_people(a, r))
