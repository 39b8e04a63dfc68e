"""The step of `rows.rows_for` that finds the other side of an event: the recipients its arguments
name, the counterpart the text is about, or the party each type names elsewhere: a criticism's
target in the act it criticises, a demand's in what it asks for, an acceptance's proposer."""
from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.extract.events.antecedents import owner_named_before
from pipeline.extract.events.arguments import purpose_beneficiary, purpose_target
from pipeline.extract.events.labels import judged_subject
from pipeline.extract.events.lexicon import HOSTILE_TYPES, JOINT_TYPES, Lexicon
from pipeline.extract.events.memory import counterpart
from pipeline.extract.events.parties import Party
from pipeline.extract.events.status import PROMISING_VERBS
from pipeline.extract.events.subjects import subject_of
from pipeline.extract.events.syntax import DEFINITE, summary_noun
from pipeline.extract.events.targets import aided_place, attacked_place, defender, place_left

# determiners by which a word points back at an act the text told ("the drills", "such steps")
POINTING = DEFINITE | {"such"}

if TYPE_CHECKING:
    from pipeline.extract.events.rows import Coding, Reading


def other_side(r: Reading, coding: Coding) -> bool:
    """The reading's recipients: those its arguments name, else the counterpart the text is about,
    else where each type names the other side (the defender of an attack, the place left, the
    beneficiary of aid, whom a demand or a criticism is aimed at)."""
    if r.entry.dest or any(p.code for p in r.recips):
        # "a trip to Asia" names no counterpart; beside a coded party, an uncoded place or body is scenery
        r.recips = [p for p in r.recips if p.code or p.group]
    # a stance names whom it is held towards ("committed to the one China policy" is towards no one)
    if not any(p.code or p.group or p.etype == "person" for p in r.recips) and not r.entry.dest and not r.entry.feeling:
        r.recips = counterpart(coding.reader, r.actors, r.entry, r.tok, coding.lex.grammar) or r.recips
    if any(p.code for p in r.recips):
        return True
    # no one named as the other side: where each type may name it instead (the promising verbs are AGREE)
    g, own, etype = coding.lex.grammar, {p.code for p in r.actors}, r.entry.type
    if etype == "ASSAULT":
        r.recips = defender(r.tok, r.kind, r.actors, coding.reader, g) or attacked_place(r.tok, r.actors, coding.reader) or r.recips
    elif etype == "RETREAT":
        r.recips = place_left(r.tok, r.actors, coding.reader) or r.recips
    elif etype == "MOBILIZE" and r.tok.lemma_.lower() in g["deploying_verbs"]:
        r.recips = purpose_target(r.tok, coding.reader, own) or r.recips
    elif etype == "AID" or r.tok.lemma_.lower() in PROMISING_VERBS:
        r.recips = purpose_beneficiary(r.tok, coding.reader, own, g["helping_verbs"]) or r.recips
        if etype == "AID" and not any(p.code for p in r.recips):
            r.recips = aided_place(r.tok, r.actors, coding.reader) or r.recips
    elif etype in ("THREATEN", "REQUEST"):
        r.recips = _addressed(r, coding) or r.recips
    elif etype == "AGREE" and r.kind == "phrase":
        r.recips = _proposer(r, coding) or r.recips
    elif etype == "SUPPORT":  # "welcomed this", "praised the decision": the act's doer
        r.recips = _doer_of_act_named(r, coding, _object_named(r, coding.lex)) or r.recips
    elif etype in ("ACCUSE", "REJECT"):
        named = _object_named(r, coding.lex)
        r.recips = _doer_of_act_named(r, coding, named) or _summed_clause(r, coding) or _denied_clause(r, coding) or _refused_act(r, coding) or owner_named_before(
            named, coding.reader, own, g["counterpart_reach"]) or _judged_owner(r, coding, named, own) or r.recips
    return True


def _proposer(r: Reading, coding: Coding) -> list[Party]:
    """"Trump put forward a proposal ... Putin responded positively to this initiative": a proposal
    pointed back to ("this", "the": a definite noun, as `antecedents` reads one) is the one the
    document coded last, and its maker is whom the acceptance answers."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in r.cand.obj.children):
        return []
    return _last_doer(r, coding, {p.code for p in r.actors}, {"REQUEST"})


def _doer_of_act_named(r: Reading, coding: Coding, obj) -> list[Party]:
    """"Taipei condemned the drills", "Tanzania criticised the aid": the object names a one-sided act
    the document coded just before ("the drills", "this transfer"), so the criticism is aimed at the
    one who did it."""
    own = {p.code for p in r.actors}
    if obj is not None and obj.lower_ in ("this", "it", "that") and obj.pos_ == "PRON":
        return _last_doer(r, coding, own)  # "China firmly opposes it", right after the US deployment
    if obj is not None and _shell_noun(obj, coding.lex.grammar):
        return _last_doer(r, coding, own, reach=coding.lex.grammar["counterpart_reach"])
    entry = coding.lex.nouns.get(obj.lemma_.lower()) if obj is not None else None
    if entry is None or entry.type in JOINT_TYPES or any(c.dep_ in ("poss", "prep") for c in obj.children):
        return []  # a meeting or a deal is both sides' act: criticism of "the talks" names no one doer
    if not any(c.dep_ == "det" and c.lower_ in POINTING for c in obj.children):
        return []
    return _last_doer(r, coding, own, {entry.type}, coding.lex.grammar["counterpart_reach"], obj.lemma_.lower())


def _shell_noun(obj, g: dict) -> bool:
    """"China condemned the move", "Australia welcomed this decision": a noun that only points back
    at an act the text told, with no owner or content of its own ("the decision to expel" has one)."""
    return obj.lemma_.lower() in g["shell_nouns"] \
        and any(c.dep_ == "det" and c.lower_ in POINTING for c in obj.children) \
        and not any(c.dep_ in ("poss", "acl", "relcl", "compound") or c.ent_type_ in ("GPE", "NORP")
                    or c.dep_ == "prep" and c.lower_ != "as" for c in obj.children)  # "criticized the move as bullying"


def _summed_clause(r: Reading, coding: Coding) -> list[Party]:
    """"Hungary accused Romania of spying, a charge Bucharest denies", "asked Togo to extradite the
    suspects, a request Lome rejected": the answer is aimed at whoever made the charge or the
    request the noun sums up, the doer of the nearest clause above it that names one."""
    noun = summary_noun(r.tok, coding.lex.grammar["summary_nouns"])[0] if r.kind == "verb" else None
    if noun is None:
        return []
    own = {p.code for p in r.actors}
    cur = noun.head if noun.head.i != r.tok.i else r.tok.head
    if cur.i == r.tok.i:  # the parser may make the clause summed up the answering verb's complement
        cur = next((c for c in r.tok.children if c.dep_ == "ccomp" and c.i < noun.i), cur)
    while cur.i != r.tok.i:
        if cur.pos_ in ("VERB", "AUX") and (found := [p for p in subject_of(cur, coding.reader)[0] if p.code and p.code not in own]):
            return found
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return []


def _denied_clause(r: Reading, coding: Coding) -> list[Party]:
    """"Thailand denied that its jets had entered Myanmar airspace": the denial answers the party the
    denied clause names; so an allegation aims at the party the alleged clause names ("Chad alleged
    that Sudan was arming rebels")."""
    g = coding.lex.grammar
    if r.kind != "verb" or r.tok.lemma_.lower() not in g["denying_verbs"] | g["alleging_that_verbs"]:
        return []
    own = {p.code for p in r.actors}
    clause = next((c for c in r.tok.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return []
    words = list(clause.subtree)
    named = coding.reader.view.within(words[0].idx, words[-1].idx + len(words[-1]))
    return [Party.of(e, clause.i) for e in named if getattr(e, "code", None) and e.code not in own][:1]


def _refused_act(r: Reading, coding: Coding) -> list[Party]:
    """"Niger refused to receive a delegation from the African Union", "refused to sign the EU
    statement": a refusal answers the first party named in what it refuses to do."""
    act = next((c for c in r.tok.children if c.dep_ == "xcomp"), None) if r.kind == "verb" else None
    if act is None or r.entry.type != "REJECT" or act.lemma_.lower() in coding.lex.grammar["comment_verbs"]:
        return []  # "refused to comment on China's claims" declines to speak (CAMEO 011), refuses no one
    refused = coding.lex.verbs.get(act.lemma_.lower())
    if refused is not None and refused.type in HOSTILE_TYPES + ("ACCUSE", "REJECT"):
        return []  # "refused to condemn Moscow's aggression" spares Moscow; it refuses whoever asked
    own = {p.code for p in r.actors}
    named = [p for t in act.subtree if t.i > act.i for p in coding.reader.party(t) if p.code and p.code not in own]
    return named[:1]


def _last_doer(r: Reading, coding: Coding, own: set, types=None, reach: int | None = None,
               word: str | None = None) -> list[Party]:
    """The doer, other than the critic, of the act of `types` (any one-sided act) coded last. An act
    named by the same `word` wins wherever it stands in the document: "China launched drills ...
    Taipei deployed ships to shadow them, and Lai's office condemned the drills" aims at the drills'
    doer, not the deployment's."""
    acts = [(at, doer, said) for etype, found in coding.doers.items() if etype not in JOINT_TYPES
            and (types is None or etype in types) for at, doer, said in found if doer.code not in own]
    if same := [a for a in acts if a[2] == word]:
        return [max(same, key=lambda found: found[0])[1]]
    if not acts:
        return []
    at, doer, _ = max(acts, key=lambda found: found[0])
    return [doer] if r.tok.idx - at <= (reach or coding.lex.grammar["pronoun_reach"]) else []


def _judged_owner(r: Reading, coding: Coding, named, own: set) -> list[Party]:
    """"Japan said China's military activities are a serious concern": the party named in what a
    reported clause calls a hostile thing."""
    if named is None or named.dep_ != "nsubj":
        return []
    return [p for p in coding.reader.parties_inside(named) if p.code and p.code not in own][:1]


def _object_named(r: Reading, lex: Lexicon):
    """What a verb or a stance is about: the verb's object, or the object of the stance adjective's
    preposition ("concerned by the drills"), or what a reported clause calls a hostile thing."""
    g = lex.grammar
    if r.kind == "verb":  # "was concerned by the drills": a passive's cause
        return next((c for c in r.tok.children if c.dep_ == "dobj"), None) or next(
            (o for p in r.tok.children if p.dep_ == "agent" for o in p.children if o.dep_ == "pobj"), None) \
            or judged_subject(r.tok, lex)
    if r.entry.feeling:  # "concerned on Monday by the drills": the stance's own preposition
        return next((o for p in r.cand.obj.children if p.dep_ in ("prep", "agent") and p.lower_ in g["stance_preps"]
                     for o in p.children if o.dep_ == "pobj"), None)
    return None


def _addressed(r: Reading, coding: Coding) -> list[Party]:
    """"warned it would close its border with Belarus if ...", "demanded that Beijing withdraw ...":
    a warning or a demand names whom it is aimed at inside what it warns of or asks for; the first
    coded party there that is not the actor."""
    own = {p.code for p in r.actors}
    clauses = [c for c in r.tok.children if c.dep_ in ("ccomp", "xcomp", "advcl", "acl")]  # "a threat to cut ties with X"
    if r.entry.type == "REQUEST":  # a demand is aimed at the subject of what it asks for, or at no one
        heads = [s for clause in clauses[:1] for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
    else:
        heads = [t for clause in clauses for t in clause.subtree if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP")]
    for head in heads:
        found = [p for p in coding.reader.party(head) if p.code and p.code not in own]
        if found:
            return found[:1]
    return []
