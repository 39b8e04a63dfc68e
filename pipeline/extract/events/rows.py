"""Rows of one trigger reading: status, arguments, the entry's conditions, date and type refinements,
and the document memory (the pair the text is about, event nouns that refer back)."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.extract.events.arguments import object_of, party_codes, read_arguments
from pipeline.extract.events.output import actor_recipient_pairs, event_location, event_row
from pipeline.extract.events.parties import ArgReader, Party, governing_verb
from pipeline.extract.events.status import announced, clause_status, habitual, imperative, menacing, past_tense, stated_resolve
from pipeline.extract.events.lexicon import Entry, Lexicon
from pipeline.extract.events.triggers import Candidate, yields_to_inner
from pipeline.extract.events.when import event_date
from pipeline.nlp.parse import doc_text


NULL_RECIPIENT_OK = {"MOBILIZE", "PROTEST"}

LIST_BULLET = re.compile(r"\s*(?:[-*\u2022]|\d{1,2}[.)])\s+\S")

MAX_GROUP = 6  # "the parties" stands for at most this many named parties


def rows_for(parsed, reader: ArgReader, lex: Lexicon, cand: Candidate, seen_nouns: dict,
              deferred: list | None = None) -> list[dict]:
    """Rows of one trigger reading; one that may yield to an inner trigger waits in `deferred`."""
    tok, kind = cand.tok, cand.kind
    status = clause_status(tok, kind, lex)
    if status is None:
        return []
    if deferred is not None and (inner := yields_to_inner(cand, lex)) is not None:
        deferred.append((cand, inner))
        return []
    args = read_arguments(cand, reader, lex)
    if args is None:
        return []
    actors, recips, entry = args
    if entry.joint:
        if status != "planned" or len(party_codes(actors)) < 2:
            return []
        status, recips = "occurred", []
    if entry.reciprocal and len(party_codes(actors)) >= 2 and recips \
            and not any(r.code or r.group or r.etype == "person" for r in recips):
        recips = []  # "Israel and the UAE signed the Abraham Accords": the accord is no counterparty
    if entry.joint_only:
        if len(party_codes(actors)) < 2:
            return []
        recips = []
    if status == "desire":
        if entry.type == "AGREE" and len(party_codes(actors)) >= 2 and stated_resolve(tok, lex.grammar):
            # "the two leaders shared a determination to conclude a treaty": a joint resolve is a promise
            entry = replace(entry, mode="promise", planned_type=None)
            status = "occurred"
        elif not entry.planned_type:
            return []
        else:
            status = "planned"
    if entry.dest or any(r.code for r in recips):
        # "a trip to Asia" names no counterpart; beside a coded party, an uncoded place or body is scenery
        recips = [r for r in recips if r.code or r.group]
    if not any(r.code or r.group or r.etype == "person" for r in recips) and not entry.dest:
        recips = _counterpart(reader, actors, entry, tok, lex.grammar) or recips
    if not _arguments_fit(entry, actors, recips) and not (not recips and _list_item_pledge(tok, entry, actors)):
        return []
    if entry.threat_when_future:
        if status != "planned" or (entry.requires_menace and not menacing(tok, lex.grammar)):
            return []
        status = "occurred"  # the threat is made now; what it threatens is still to come
    etype, mode = entry.type, entry.mode
    if entry.planned_type and (status == "planned" or imperative(tok)):
        etype, mode, status = entry.planned_type[0], entry.planned_type[1], "occurred"
    elif imperative(tok):
        status = "planned"
    if entry.assault_if_target and any(r.code for r in recips):
        etype, mode = "ASSAULT", "attack"
    mode = refine_mode(tok, etype, mode, lex)
    if etype == "MOBILIZE" and (mode == "joint_exercise" or (mode == "exercise" and (recips or len(actors) > 1))):
        etype, mode = "COOPERATE", "joint_exercise"  # codebook: exercises with a partner are cooperation
    if kind == "noun" and etype == "AID" and announced(tok):
        status = "planned"
    date = event_date(parsed, tok, kind, status, lex.grammar)
    if date and parsed.published_date and date[0] > parsed.published_date and date[2] != "year" \
            and not past_tense(tok, kind):
        status = "planned"
    if etype == "COOPERATE" and habitual(tok, kind) and not date:
        return []  # "Japan expands relations with its allies": a description of policy, not one act
    location, location_code = event_location(tok, reader)
    if etype == "CONSULT" and location_code:
        actors, recips = _host_last(actors, recips, location_code)
    pairs = [(a, r) for a, r in actor_recipient_pairs(actors, recips, bool(entry.reciprocal)) if a.code or (r is not None and r.code)]
    seen_key = (etype, status if kind == "noun" and _light_object(tok, lex) else None)
    if kind == "noun" and not _indefinite(tok) and _refers_back(pairs, seen_key, date, seen_nouns):
        return []
    cand = replace(cand, entry=entry)  # the row's confidence is the entry's as the steps left it
    rows = [event_row(parsed, cand, etype, mode, a, r, status, date, kind, (location, location_code)) for a, r in pairs]
    for a, r in pairs:
        for key in {(etype, None), (etype, status)}:
            seen_nouns.setdefault(_pair_key(key, a, r), set()).add(date[0] if date else None)
            seen_nouns.setdefault(("people",) + _pair_key(key, a, r), set()).update(_people(a, r))
    _remember_pair(reader, pairs, actors, tok.idx, etype in lex.grammar["group_types"])
    return rows


def _arguments_fit(entry: Entry, actors: list[Party], recips: list[Party]) -> bool:
    if not actors:
        return False
    if entry.requires_object_entity and not recips:
        return False
    if entry.requires_object_type and not any(r.etype in entry.requires_object_type for r in recips):
        return False
    if recips:
        return True
    pair_from_subject = entry.reciprocal and len(actors) >= 2
    alone_ok = entry.type in NULL_RECIPIENT_OK or entry.recipient_optional
    return pair_from_subject or (not entry.needs_recipient and bool(alone_ok))


def _light_object(tok, lex: Lexicon) -> bool:
    gov = governing_verb(tok)
    return gov is not None and gov.lemma_.lower() in lex.grammar["light_verbs"] and object_of(tok, gov)


def _pair_key(etype, a: Party, r: Party | None) -> tuple:
    return etype, frozenset([a.code or a.name, (r.code or r.name) if r else None])


def _indefinite(noun) -> bool:
    """"a meeting", "another round of talks": an indefinite noun brings in a new event, never an old one."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


def _refers_back(pairs, etype, date, seen: dict) -> bool:
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


def _remember_pair(reader: ArgReader, pairs, actors: list[Party], offset: int, together: bool) -> None:
    """The coded parties of the last event with two or more, actor first, for "the two leaders",
    "the parties", "they" and fact-sheet imperatives. Only parties acting `together` (meeting,
    agreeing) form a group; "X condemned Z" does not make X and Z the pair the text is about."""
    if not together:
        return
    named = [p for pair in pairs for p in pair if p is not None] if pairs and pairs[0][1] is not None else actors
    group: list[Party] = []
    for p in named:
        if p.code and p.code not in {g.code for g in group}:
            group.append(p)
    if len(group) >= 2 and all(p.code for p in named):
        reader.context_pair, reader.context_at = group[:MAX_GROUP], offset


def _counterpart(reader: ArgReader, actors: list[Party], entry: Entry, tok, g: dict) -> list[Party]:
    """"Abe proposed an economic programme", right after Abe and Putin met: one party of the pair
    the text is about acts, so the other is the counterpart."""
    if len(actors) != 1 or entry.type not in g["counterpart_types"] or len(reader.context_pair) != 2:
        return []
    if tok.idx - reader.context_at > g["counterpart_reach"]:
        return []
    codes = [p.code for p in reader.context_pair]
    if actors[0].code not in codes:
        return []
    return [reader.context_pair[1 - codes.index(actors[0].code)]]


def _host_last(actors: list[Party], recips: list[Party], place_code: str):
    """Codebook: in a meeting the host is the recipient; a party whose country holds the meeting hosts."""
    everyone = actors + recips
    hosts = [p for p in everyone if p.code == place_code]
    if not hosts or len(everyone) < 2:
        return actors, recips
    guests = [p for p in everyone if p.code != place_code]
    return guests, hosts[:1]


def _list_item_pledge(tok, entry: Entry, actors: list[Party]) -> bool:
    """"- Poland agreed to host a training mission.": a list item of commitments, each by one coded party."""
    if entry.type != "AGREE" or entry.mode not in ("agreement", "promise") or len(actors) != 1 or not actors[0].code:
        return False
    text = doc_text(tok.doc)
    line_start = text.rfind("\n", 0, tok.idx) + 1
    head = text[line_start:tok.idx]
    return bool(LIST_BULLET.match(head)) and len(head.split()) <= 6


def refine_mode(tok, etype: str, mode: str, lex: Lexicon) -> str:
    g = lex.grammar
    words = {c.lemma_.lower() for c in tok.subtree if c.i <= tok.i + 8} if tok.pos_ != "VERB" else \
        {c.lemma_.lower() for c in tok.children} | {c.lemma_.lower() for d in tok.children if d.dep_ == "dobj" for c in d.subtree}
    if etype == "AID":
        for word, aid_mode in g["aid_modes"].items():
            if word in words:
                return aid_mode
        if words & g["refugee_words"]:
            return "asylum"
    if etype == "MOBILIZE" and words & g["joint_words"]:
        return "joint_exercise"
    return mode
