"""Rows of one trigger reading: status, arguments, the entry's conditions, date and type refinements,
and the document memory (the pair the text is about, event nouns that refer back)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline.extract.events.agents import admitted, agent_of, counting_noun, placed, political
from pipeline.extract.events.arguments import object_of, party_codes, read_arguments
from pipeline.extract.events.context import DocContext
from pipeline.extract.events.crowds import no_state_organ
from pipeline.extract.events.dates import after_publication
from pipeline.extract.events.lexicon import JOINT_TYPES, Entry, Lexicon
from pipeline.extract.events.threats import conditional_menace, future_threat, threat_parties
from pipeline.extract.events.memory import note_pairs, refers_back, remember_pair
from pipeline.extract.events.output import coded_pairs, event_location, event_row
from pipeline.extract.events.parties import ArgReader, Party
from pipeline.extract.events.recipients import other_side
from pipeline.extract.events.unnamed import unnamed_doers
from pipeline.extract.events.retype import final_type
from pipeline.extract.events.syntax import crowd_subject, governing_verb, indefinite, sent_of, sole_subject
from pipeline.extract.events.status import announced, clause_status, habitual, past_tense, stated_resolve
from pipeline.extract.events.triggers import Candidate, yields_to_inner
from pipeline.extract.events.narrative import Meeting, note_opening, noted_meeting, row_date
from pipeline.extract.events.when import event_date
from pipeline.nlp.parse import doc_text


# types that are events with no recipient named ("troops massed on the border", "protesters marched")
NULL_RECIPIENT_OK = {"MOBILIZE", "PROTEST"}
# a list item's mark at the start of its line: "- ", "* ", "3. "
LIST_BULLET = re.compile(r"\s*(?:[-*\u2022]|\d{1,2}[.)])\s+\S")


@dataclass
class Coding:
    """One document's coding as the steps see it: the document, its party reader (which also keeps
    the pair the text is about), the lexicon, and the event nouns coded so far."""
    ctx: DocContext
    reader: ArgReader
    lex: Lexicon
    seen_nouns: dict = field(default_factory=dict)
    contexts: dict = field(default_factory=dict)  # the event model's tok2vec rows by sentence start, once per document
    doers: dict = field(default_factory=dict)  # event type -> [(offset, actor, trigger lemma)] of the coded acts
    meeting: Meeting | None = None  # the dated meeting the text goes on reporting
    opened: bool = False  # a sentence before this one coded an event: no reading after it opens the text


@dataclass
class Reading:
    """One trigger reading as the steps of `rows_for` refine it, in order."""
    cand: Candidate
    entry: Entry
    status: str | None = None        # occurred, planned, or desire until the desire step
    actors: list[Party] = field(default_factory=list)
    recips: list[Party] = field(default_factory=list)
    etype: str | None = None         # set by the type step; the entry's type until then
    mode: str | None = None
    date: tuple | None = None        # (date, end, precision, text) from `when.event_date`
    place: tuple[str | None, str | None] = (None, None)
    pairs: list[tuple[Party, Party | None]] = field(default_factory=list)
    warning: bool = False            # a hostile act on a condition, coded as the threat of it

    @property
    def tok(self):
        return self.cand.tok

    @property
    def kind(self) -> str:
        return self.cand.kind


def rows_for(coding: Coding, cand: Candidate, deferred: list | None = None) -> list[dict]:
    """Rows of one trigger reading; one that may yield to an inner trigger waits in `deferred`.
    Each step refines the reading or returns False when the reading codes no event."""
    r = Reading(cand, cand.entry)
    if not _status(r, coding):
        return []
    if deferred is not None and (inner := yields_to_inner(cand, coding.lex)) is not None:
        deferred.append((cand, inner))
        return []
    for step in STEPS:
        if not step(r, coding):
            return []
    note_opening(coding, r.etype, r.status, r.date, r.tok, r.pairs)
    date, basis = row_date(coding.ctx, coding.meeting, r.date, r.tok, r.kind, r.etype, r.status, r.actors,
                           coding.lex.grammar)
    rows = [event_row(coding.ctx, replace(cand, entry=r.entry), r.etype, r.mode, a, rc, r.status, date, r.kind, r.place, basis)
            for a, rc in r.pairs]
    remember(coding, r)
    return rows


def _status(r: Reading, coding: Coding) -> bool:
    if r.cand.spoken_demand:
        r.status = "occurred"  # "Israeli forces should withdraw", said in a speech: the asking is done as it is said
        return True
    r.status = clause_status(r.tok, r.kind, coding.lex)
    if conditional_menace(r.tok, r.kind, r.entry.type, coding.reader):
        r.status, r.warning = "occurred", True
    return r.status is not None


def _arguments(r: Reading, coding: Coding) -> bool:
    args = arguments_with_agents(r.cand, coding)
    if args is None:
        return False
    r.actors, r.recips, r.entry = args
    if r.warning:
        r.entry = replace(r.entry, type="THREATEN", mode="threat", recipient_optional=True, planned_type=None)
        r.actors, r.recips = threat_parties(r.tok, coding.reader, r.actors, r.recips)
    return True


def arguments_with_agents(cand: Candidate, coding: Coding):
    """The arguments of a reading. In the types where non-state actors act, a reading that names
    no actor or no recipient is read again with agent nouns as parties ("police arrested dozens of
    protesters"); other readings never see them, so they keep the parties they had."""
    args = read_arguments(cand, coding.reader, coding.lex)
    agent_types = coding.lex.grammar["agent_types"]
    etype = cand.entry.crowd_type[0] if cand.entry.crowd_type and crowd_subject(cand.tok) is not None else cand.entry.type
    if etype not in agent_types or (args is not None and args.actors and args.recips):
        return args
    coding.reader.with_agents = True
    try:
        again = read_arguments(cand, coding.reader, coding.lex)
    finally:
        coding.reader.with_agents = False
    if again is None or (args is not None and len(again.actors) + len(again.recips) <= len(args.actors) + len(args.recips)):
        return args
    return again._replace(actors=admitted(again.actors, etype, agent_types),
                          recips=admitted(again.recips, etype, agent_types))


def _joint_or_reciprocal(r: Reading, coding: Coding) -> bool:
    """Readings of two or more parties acting together."""
    entry, coded_actors = r.entry, len(party_codes(r.actors))
    if entry.joint:
        if r.status != "planned" and not (r.status == "desire" and stated_resolve(r.tok, coding.lex.grammar)):
            return False  # a promise is made ("will strengthen") or stated ("announced their intention to")
        if coded_actors < 2:
            # "Russia will work with China to ...": one party's promise to the partner it names
            partners = [p for p in r.recips if p.code and p.token_i in _with_phrase(r.tok)]
            r.status, r.recips = "occurred", partners
            return coded_actors == 1 and bool(partners)
        r.status, r.recips = "occurred", []
    if (entry.reciprocal or entry.type in JOINT_TYPES) and joint_actors(r.actors, r.recips, entry):
        r.recips = []
        r.entry = replace(entry, reciprocal=True)
    if entry.joint_only:
        if coded_actors < 2:
            return False
        r.recips = []
    return True


def joint_actors(actors: list[Party], recips: list[Party], entry: Entry | None) -> bool:
    """Two or more coded parties acting together on something that is no party: "Israel and the UAE
    signed the Abraham Accords", "X and Y created a working group". The thing made is no counterparty;
    the first-named party acts towards the others (codebook section 5). A body joined or a place
    visited is the other side ("all three countries joined the initiative")."""
    if entry is not None and (entry.dest or entry.requires_object_type):
        return False
    return len(party_codes(actors)) >= 2 and not any(p.code or p.group or p.etype == "person" for p in recips)


def _with_phrase(tok) -> set[int]:
    """The tokens of the trigger's own "with" phrase ("work with China"), where a partner is named."""
    return {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "alongside") for t in c.subtree}


def _desire(r: Reading, coding: Coding) -> bool:
    """A stated desire is a joint promise, a planned event where the entry has a planned reading, or nothing."""
    if r.status != "desire":
        return True
    if r.entry.type == "AGREE" and len(party_codes(r.actors)) >= 2 and stated_resolve(r.tok, coding.lex.grammar):
        # "the two leaders shared a determination to conclude a treaty": a joint resolve is a promise
        r.entry = replace(r.entry, mode="promise", planned_type=None)
        r.status = "occurred"
        return True
    if not r.entry.planned_type:
        return False
    r.status = "planned"
    return True


def _fit(r: Reading, coding: Coding) -> bool:
    g = coding.lex.grammar
    size = sole_subject(r.tok) if not r.actors and "PROTEST" in (r.entry.type, *(r.entry.crowd_type or ())) else None
    if size is not None and (size.like_num or size.lemma_.lower() in g["quantity_nouns"]
                             or (_common_plural(size) and no_state_organ(size, g))):
        r.actors = [Party(size.text, None, None, "group", size.i, group=True)]  # "Thousands marched", "teachers struck"
    if _crowd_acting(r, g):
        etype, mode = r.entry.crowd_type
        r.entry = replace(r.entry, type=etype, mode=mode, needs_recipient=False, crowd_type=None)
    if _arguments_fit(r.entry, r.actors, r.recips) or (not r.recips and _list_item_pledge(r.tok, r.entry, r.actors)):
        return True
    if _named_assault(r) or _declared_concession(r, g):
        r.entry = replace(r.entry, recipient_optional=True)
        return True
    if not r.actors and (doers := unnamed_doers(r, coding)) is not None:
        r.actors = doers  # no one named did it: a null actor, the state of its authorities, or a crowd
        return True
    if _forces_sent(r, g):
        r.entry = replace(r.entry, type="MOBILIZE", mode="deployment", needs_recipient=False, recipient_optional=True)
        return True
    return False


def _crowd_acting(r: Reading, g: dict) -> bool:
    """A crowd as the subject of a word with a crowd reading: "farmers protested", "thousands of
    students protested against the government" (a crowd's protest, whoever it is aimed at), "farmers
    staged a protest". A state's protest to another is a complaint (PLOVER PROTEST against ACCUSE)."""
    if not r.entry.crowd_type or not r.actors:
        return False
    crowd = crowd_subject(_crowd_verb(r))
    # a state's, an official's or a force's act against another is not a crowd's ("Polish farmers" are one)
    return crowd is not None and (not (r.recips and any(a.code for a in r.actors)) or no_state_organ(crowd, g))


def _common_plural(tok) -> bool:
    """A plural common noun; the parser tags one that opens a sentence as a name ("Pensioners held
    a rally"), which no entity span backs."""
    return tok.tag_ == "NNS" and tok.pos_ == "NOUN" or (tok.tag_ == "NNPS" and not tok.ent_type_ and tok.i == tok.sent.start)


def _crowd_verb(r: Reading):
    """The verb whose subject acts: the trigger's own, or the one that holds a noun trigger as its
    object ("farmers staged a protest")."""
    return r.tok.head if r.kind == "noun" and r.tok.dep_ == "dobj" else r.tok


def _forces_sent(r: Reading, g: dict) -> bool:
    """"Mozambique sent three more battalions to Cabo Delgado": forces a state sends to no other party
    are moved on its own ground, a deployment (the aid reading needs a receiving party)."""
    if r.kind != "verb" or r.entry.type != "AID" or r.recips or not any(a.code for a in r.actors):
        return False
    forces = g["force_nouns"] | g["war_craft"]
    sent = ("dobj", "nsubjpass")  # "sent three battalions", "three battalions were sent"
    return any(counting_noun(c, g["quantity_nouns"]).lemma_.lower() in forces for c in r.tok.children if c.dep_ in sent)


def _named_assault(r: Reading) -> bool:
    """"Russia's war needs to stop", "Russia launched its invasion in 2022": an attack whose doer is
    named happened even where its target is not (the codebook codes a named deed, §5). A war "on
    drugs" is aimed at no party."""
    return r.kind == "noun" and r.entry.type == "ASSAULT" and not r.recips and any(a.code for a in r.actors) \
        and not any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in r.tok.children)


def _declared_concession(r: Reading, g: dict) -> bool:
    """"A 72-hour ceasefire was declared by the government", "the rebels announced a truce": a concession
    declared by a coded party, or by rebels, an armed group or another agent (codebook section 6), holds
    with no counterpart named; "Russia violated the ceasefire" is none."""
    gov = governing_verb(r.tok) if r.kind == "noun" else None
    return r.entry.type == "CONCEDE" and not r.recips and any(a.code or a.agent or _named_agent(a, r.tok.doc) for a in r.actors) \
        and gov is not None and gov.lemma_.lower() in g["declaring_verbs"]


def _named_agent(party: Party, doc) -> bool:
    """"the Houthi rebels": a named group whose noun is an agent's ("rebels") is that agent."""
    tok = doc[party.token_i] if party.token_i is not None else None
    return tok is not None and any(agent_of(t) is not None for t in (tok, tok.head))


def _threat(r: Reading, coding: Coding) -> bool:
    if r.entry.threat_when_future:
        r.status = future_threat(r.entry, r.status, r.tok, coding.lex.grammar)
    return r.status is not None


def _type_and_mode(r: Reading, coding: Coding) -> bool:
    r.etype, r.mode, r.status = final_type(r.entry, r.tok, r.kind, r.status, r.actors, r.recips, coding.lex)
    return True


def scheduled(ctx: DocContext, date: tuple | None, tok, kind: str) -> bool:
    """An event dated after the publication (compared at the coarser of the two precisions, so "in
    June" in a statement known only by its year is not), not told in the past tense, is planned. A
    year alone does not make it so: "we will work in 2025 to ..." is a promise made now."""
    return bool(date) and date[2] != "year" and not past_tense(tok, kind) \
        and after_publication(date[0], date[2], ctx.published_date, ctx.published_precision)


def _date(r: Reading, coding: Coding) -> bool:
    ctx = coding.ctx
    r.date = event_date(ctx, r.tok, r.kind, r.status, coding.lex.grammar)
    if scheduled(ctx, r.date, r.tok, r.kind):
        r.status = "planned"
    # "Japan expands relations with its allies": a description of policy, not one act
    return not (r.etype == "COOPERATE" and habitual(r.tok, r.kind) and not r.date)


def _place(r: Reading, coding: Coding) -> bool:
    r.place = event_location(r.tok, coding.reader, meeting=r.etype == "CONSULT")
    r.actors, r.recips = placed(r.actors, r.place[1]), placed(r.recips, r.place[1])
    if r.etype == "CONSULT" and r.place[1]:
        r.actors, r.recips = _host_last(r.actors, r.recips, r.place[1])
    return True


def _pairs(r: Reading, coding: Coding) -> bool:
    """The coded actor-recipient pairs; an event noun that only refers back to them codes nothing new."""
    r.pairs = coded_pairs(r.actors, r.recips, bool(r.entry.reciprocal), r.etype, coding.lex.grammar)
    if not r.pairs and (r.etype in NULL_RECIPIENT_OK or r.entry.recipient_optional):
        # "Israelis demonstrated against the government", "Kenya pulled back its troops": the only
        # recipient named is the actor's own state
        r.pairs = [(a, None) for a in r.actors if political(a, None, r.etype, coding.lex.grammar)]
    if r.kind != "noun" or indefinite(r.tok):
        return True
    seen_key = (r.etype, r.status if _light_object(r.tok, coding.lex) else None)
    return not refers_back(r.pairs, seen_key, r.date, coding.seen_nouns)


# The steps after status and deferral, in the order they run: each may change the reading or drop it.
STEPS = (_arguments, _joint_or_reciprocal, _desire, other_side, _fit, _threat, _type_and_mode, _date, _place, _pairs)


def remember(coding: Coding, r: Reading) -> None:
    """What later readings of the document need from this one: its pairs, and the pair the text is about."""
    note_pairs(coding.seen_nouns, r.pairs, r.etype, r.status, r.date)
    coding.meeting = noted_meeting(coding.meeting, r.etype, r.status, r.date, r.pairs, r.tok)
    if r.pairs and r.pairs[0][0].code:
        coding.doers.setdefault(r.etype, []).append((r.tok.idx, r.pairs[0][0], r.tok.lemma_.lower()))
    g = coding.lex.grammar
    # a stance held towards a party ("committed to dialogue with the DPRK") joins no one to the group
    remember_pair(coding.reader, r.pairs, r.actors, r.tok.idx, r.etype in g["group_types"] and not r.entry.feeling,
                  r.etype in g["counterpart_types"], r.etype, _sentence_span(r.tok))


def _sentence_span(tok) -> tuple[int, int] | None:
    if not hasattr(tok, "doc"):
        return None
    sent = sent_of(tok)
    return sent.start, sent.end


def _arguments_fit(entry: Entry, actors: list[Party], recips: list[Party]) -> bool:
    if not actors:
        return False
    if entry.requires_object_entity and not recips:
        return False
    if entry.requires_object_type and not any(_of_type(r, entry.requires_object_type) for r in recips):
        return False
    if recips:
        return True
    pair_from_subject = entry.reciprocal and len(actors) >= 2
    alone_ok = entry.type in NULL_RECIPIENT_OK or entry.recipient_optional
    return pair_from_subject or (not entry.needs_recipient and bool(alone_ok))


def _of_type(party: Party, types: tuple[str, ...]) -> bool:
    """"stood behind Papua New Guinea's government": a coded organ of a state stands for the state."""
    return party.etype in types or ("state" in types and party.etype == "organization" and bool(party.code))


def _light_object(tok, lex: Lexicon) -> bool:
    gov = governing_verb(tok)
    return gov is not None and gov.lemma_.lower() in lex.grammar["light_verbs"] \
        and object_of(counting_noun(tok, lex.grammar["quantity_nouns"]), gov)


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
