"""Attribution by grammar: the reporting cue of a quotation and the speaker its subject names."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from pipeline.extract.first_person import is_self_reference, speaking_entity
from pipeline.extract.first_person import words as first_person_words
from pipeline.extract.quotes.lexicon import lexicon
from pipeline.extract.quotes.names import Names, Speaker, clean_name, name_in_label
from pipeline.extract.quotes.pronouns import (agrees, group_antecedent, name_beside, nearest_body, nearest_person,
                                               person_antecedent)
from pipeline.extract.quotes.roles import bare_phrase, bodies_in, join_names, role_speaker
from pipeline.extract.quotes.transcript import turn_speaker
from pipeline.nlp.parse import hangs_a_colon
from pipeline.extract.quotes.spans import QSpan

PERSON_POSSESSIVES = frozenset({"his", "her"})


@dataclass
class Attribution:
    speaker: Speaker | None
    cue: str | None
    settled: bool = False  # "I said": the speaker is known to be the text's own voice, even when unnamed


class Context:
    """Everything attribution needs about one document."""

    def __init__(self, parsed: Any, spans: list[QSpan], paras: list[tuple[int, int]]):
        self.parsed, self.text, self.doc = parsed, parsed.text, parsed.doc
        self.spans, self.paras = spans, paras
        self.names = Names(parsed, spans)
        self.sents = [(s.start_char, s.end_char) for s in self.doc.sents]
        self.sent_starts = [s for s, _ in self.sents]
        self.tok_starts = [t.idx for t in self.doc]
        self.prev: tuple[QSpan, Speaker] | None = None
        self.role_holders: list | None = None  # filled by roles.holders on first use

    def sentence_bounds(self, s: int, e: int) -> tuple[int, int]:
        if not self.sents:
            return 0, len(self.text)
        i = max(bisect.bisect_right(self.sent_starts, s) - 1, 0)
        j = max(bisect.bisect_right(self.sent_starts, max(e - 1, s)) - 1, i)
        return self.sents[i][0], self.sents[j][1]

    def tokens(self, s: int, e: int) -> list:
        i = max(bisect.bisect_right(self.tok_starts, s) - 1, 0)
        j = bisect.bisect_left(self.tok_starts, e)
        return [t for t in self.doc[i:j] if t.idx < e and s < t.idx + len(t)]

    def quoted(self, t: Any) -> bool:
        return self.names.in_quote(t.idx)


def is_cue(t: Any) -> bool:
    lex = lexicon()
    if t.pos_ not in ("VERB", "AUX") and t.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    if t.lemma_.lower() in lex["reporting_verbs"]:
        return True
    return t.lemma_.lower() in lex["document_verbs"] and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lex["speaking_nouns"] for c in t.children)


def phrase_cue(ctx: Context, s: int, e: int) -> tuple[Any, str] | None:
    """A cue phrase such as "according to" in [s, e): returns its object token."""
    low = ctx.text[s:e].lower()
    for phrase in sorted(lexicon()["phrase_cues"], key=len, reverse=True):
        for m in re.finditer(r"\b" + re.escape(phrase) + r"\b", low):
            last = [t for t in ctx.tokens(s + m.start(), s + m.end()) if not ctx.quoted(t)]
            if not last:
                continue
            obj = sorted((c for c in last[-1].children if c.dep_ in ("pobj", "dobj")),
                         key=lambda c: (c.pos_ != "PROPN", -c.i))
            if not obj:
                after = [t for t in ctx.doc[last[-1].i + 1:last[-1].i + 8] if t.pos_ in ("PROPN", "NOUN", "PRON")]
                obj = after[-1:] if after else []
            if obj:
                return obj[0], phrase
    return None


def quote_root(toks: list) -> Any | None:
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return None


def find_cue(ctx: Context, sp: QSpan) -> tuple[Any, str] | None:
    """The cue token governing, depending on or adjacent to the quotation, with its text."""
    toks = ctx.tokens(sp.start, sp.end)
    root = quote_root(toks)
    if root is not None:
        for a in root.ancestors:
            if not ctx.quoted(a) and is_cue(a):
                return a, a.text
    ss, se = ctx.sentence_bounds(sp.start, sp.end)
    ss, se = ctx.paras[sp.para][0] if ss < ctx.paras[sp.para][0] else ss, min(se, ctx.paras[sp.para][1])
    ids = {t.i for t in toks}
    # "the “new normal” touted by officials": a participle describing the quoted term
    cands = [t for t in ctx.tokens(ss, se) if not ctx.quoted(t) and is_cue(t)
             and not (t.dep_ == "acl" and t.head.i in {q.i for q in toks})]
    for t in sorted(cands, key=lambda t: abs(t.idx - sp.start)):
        if any(a.i in ids for a in t.ancestors):
            return t, t.text
    found = phrase_cue(ctx, ss, se)
    if found:
        return found
    for t in sorted(cands, key=lambda t: min(abs(t.idx - sp.end), abs(t.idx - sp.start))):
        if adjacent(ctx, sp, t):
            return t, t.text
    return None


def adjacent(ctx: Context, sp: QSpan, t: Any) -> bool:
    """Only a short attribution ("Putin said", "he added") separates the cue from the quotation."""
    lo, hi = (sp.end + 1, t.idx) if t.idx >= sp.end else (t.idx + len(t), sp.start - 1)
    if hi < lo:
        return True
    gap = ctx.text[lo:hi]
    if any(c in gap for c in "“”\"‘") or re.search(r"[.!?]\s", gap):
        return False
    return len(gap.split()) <= 8


def quoted_object(t: Any) -> Any | None:
    """"Xinhua quoted Zhao as saying": the object of a quoting verb the saying depends on through "as",
    whether the cue found is "saying" or, with the quotation before it, "quoted" itself."""
    lex = lexicon()
    if t.lemma_.lower() in lex["quoting_verbs"] and any(
            c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_.lower() in lex["reporting_verbs"] for g in c.children)
            for c in t.children):
        return next((c for c in t.children if c.dep_ == "dobj"), None)
    if t.dep_ != "pcomp" or t.head.lower_ != "as" or t.head.head.lemma_.lower() not in lex["quoting_verbs"]:
        return None
    return next((c for c in t.head.head.children if c.dep_ == "dobj"), None)


def coordinated_with(t: Any) -> Any:
    """"I've had kids come up to me and say": the parser may hang the second verb on the wrong
    clause; the "and" before it belongs to the verb it is really coordinated with."""
    if t.dep_ != "conj" or t.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        return t
    cc = t.doc[t.i - 1]
    if cc.dep_ == "cc" and cc.head.i != t.head.i and cc.head.pos_ in ("VERB", "AUX") and cc.head.i < t.i:
        return cc.head
    return t


def subject_of(t: Any) -> Any | None:
    quoted = quoted_object(t)
    if quoted is not None:
        return quoted
    for _ in range(6):
        t = coordinated_with(t)
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subj:
            return addressed_past(subj[-1] if len(subj) > 1 and hangs_a_colon(subj[0]) else subj[0])
        agent = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        if t.head.i == t.i or t.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "acl", "prep", "pobj", "ccomp",
                                             "relcl", "dep", "parataxis", "advmod"):
            return None
        t = t.head
    return None


def addressed_past(subj: Any) -> Any:
    """"Prime Minister Albanese, a Chinese foreign ministry spokesperson said ...": a name opening the
    sentence and set off by a comma is the one addressed; the indefinite phrase after it speaks."""
    appos = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)
    if appos is None or subj.pos_ != "PROPN" or subj.doc[subj.i + 1].text != ",":
        return subj
    first = appos.left_edge
    starts = subj.left_edge.i == subj.sent.start or subj.doc[subj.left_edge.i - 1].text == ":"
    return appos if starts and first.lower_ in ("a", "an") else subj


def np_bounds(ctx: Context, t: Any) -> tuple[int, int]:
    right = t
    for c in t.rights:
        if c.dep_ in ("prep", "compound", "flat", "nummod", "amod") and not ctx.quoted(c):
            right = c.right_edge
        elif c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == right.right_edge.i + 1 + sum(
                1 for g in c.lefts if g.dep_ in ("compound", "flat")):
            right = c  # "Ambassador to Japan Rahm Emanuel": the name, not what follows it
        elif not c.is_punct:
            break
    left = t.left_edge
    while left.i < t.i and (left.is_punct or ctx.quoted(left)):
        left = ctx.doc[left.i + 1]
    return left.idx, right.idx + len(right)


def owner_of(t: Any) -> Any | None:
    """The author of a document noun: "China's proposal", "a statement from the ministry"."""
    for c in t.children:
        if c.dep_ == "poss":
            return c
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def own_voice(ctx: Context, t: Any) -> Speaker | None:
    """"I" or "we" of a text spoken for a state is that state; in any other text, nobody."""
    state = speaking_entity(ctx.parsed)
    if state is None and t.lower_ in ("i", "me", "my") and not ctx.quoted(t):
        return turn_speaker(ctx, t.idx)  # "I said" in a transcript: the speaker of the turn
    if state is None or not is_self_reference(t):
        return None
    return Speaker(state.name, state.entity_id, "state")


def settled_subject(t: Any | None) -> bool:
    """Whether a cue's subject decides the speaker even when it names nobody: the text's own voice
    ("I said"), a noun phrase ("a lot of people said"), an indefinite pronoun ("someone said") or "they"
    (which took the previous speaker already where it may: never one person's). Only "he" or "she" left
    unresolved lets the quotation take a neighbour's speaker."""
    if t is None:
        return False
    lex = lexicon()
    return (t.lower_ in lex["writer_pronouns"] or t.lower_ in first_person_words()["pronouns"]
            or t.lower_ in lex["indefinite_pronouns"] or t.lower_ in lex["group_pronouns"]
            or t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in lex["document_nouns"])


def speaker_of(ctx: Context, t: Any, cue: Any | None, depth: int = 0) -> Speaker | None:
    lex = lexicon()
    low = t.lower_
    if low in lex["relative_pronouns"] and t.head.dep_ == "relcl":
        t = named_by_apposition(t.head.head) if low in ("who", "whom") else t.head.head
        low = t.lower_
    if low in lex["writer_pronouns"] or low in first_person_words()["pronouns"]:
        return own_voice(ctx, t)  # "my message", "I said": the speaking state's, or nobody's
    continuing = cue is not None and cue.lemma_.lower() in lex["continuation_verbs"]
    recent = ctx.prev is not None and t.idx - ctx.prev[0].end < 1500
    if low in lex["person_pronouns"]:
        # "he added" continues the previous quotation's speaker; "he said" the person the text points back to
        if recent and continuing and ctx.prev[1].kind == "person" and agrees(ctx, ctx.prev[1], t):
            # unless a sentence after that quotation has another person speak ("Y said the army was ready")
            return person_antecedent(ctx, t, since=ctx.prev[0].end) or ctx.prev[1]
        return person_antecedent(ctx, t) or nearest_person(ctx, t)
    if low in lex["group_pronouns"]:
        found = group_antecedent(ctx, t, lambda subj: speaker_of(ctx, subj, None, depth))  # never a pronoun again
        if found is not None:
            return found
        if recent and ctx.prev[1].kind != "person":
            return ctx.prev[1]  # "they" continues a body's or a group's quotation, never one person's
        return nearest_body(ctx, t)
    if t.lemma_.lower() in lex["study_nouns"] and depth < 2:
        owner = owner_of(t)  # "an analysis by X found": X; a study nobody is said to own is nobody's
        return speaker_of(ctx, owner, None, depth + 1) if owner is not None else None
    if t.lemma_.lower() in lex["document_nouns"] and depth < 2:
        owner = owner_of(t)
        if owner is not None:
            return speaker_of(ctx, owner, None, depth + 1)
        return ctx.names.before(t.idx, ("organization", "state", "igo"))
    s, e = np_bounds(ctx, t)
    # "the pope said": a lower-case word the tagger calls a proper noun is a common noun (a role)
    proper = t.pos_ == "PROPN" and not t.text.islower()
    # "Prime Minister Albanese, a Chinese ... spokesperson said": the name beside the role is the one addressed
    vocative = t.dep_ == "appos" and addressed_past(t.head).i == t.i
    hit = None if vocative else ctx.names.within(s, e, ("person",)) or ctx.names.at(t.idx, t.idx + len(t))
    if hit is not None and (hit.kind == "person" or proper):
        return with_partners(ctx, t, hit, depth)
    beside = name_beside(ctx, t) if not vocative and (t.pos_ == "NOUN" or t.pos_ == "PROPN" and not proper) else None
    if beside is not None:
        return ctx.names.lookup(beside)  # "Chile's chief negotiator, Ana Ruiz,": a name NER did not read
    owner = next((c for c in t.children if c.dep_ == "poss" and c.lower_ in PERSON_POSSESSIVES), None)
    if owner is not None and t.lemma_.lower() in lex["voice_nouns"]:
        return person_antecedent(ctx, owner)  # "his office said", "her spokesman said": the person's voice
    if unnamed_source(t):
        body = [b for b in bodies_in(ctx, s, e) if b.kind in ("organization", "igo") and b.entity_id]
        if body and t.lemma_.lower() in lex["voice_nouns"]:
            return body[0]  # "a Chinese foreign ministry spokesperson": the ministry's own voice
        return Speaker(clean_name(ctx.text[s:e]), None, "person")  # "a US defense official": as written
    if not proper:  # "the head of X", "his counterpart", "my dad", "everybody"
        found = role_speaker(ctx, t, s, e)
        if found is not None and (found.kind == "person" or hit is None or hit.kind == "state"
                                  and found.kind in ("organization", "igo") or hit.name.lower() == bare_phrase(ctx.text[s:e]).lower()):
            return found  # "a State Department official": the department, not its state; "the foreign
            # ministry": the state's ministry the role resolution found, not a body named by the bare words
        if hit is not None:
            return hit  # "Japanese officials": the body the entity pass read, when nobody holds the role
        found = ctx.names.lookup(clean_name(ctx.text[s:e]))
        if found.entity_id:
            return found
        return group_as_written(ctx, t, s, e)
    name = clean_name(ctx.text[s:e])  # a name nobody resolved: as written ("Milton said")
    if any(c.dep_ == "appos" and s <= c.idx < e for c in t.rights):
        name = name_in_label(name.split())
    return with_partners(ctx, t, ctx.names.lookup(name), depth) if name else None


def named_by_apposition(t: Any) -> Any:
    """"Ann Roe, a spokeswoman for the army, who said": "who" is Ann Roe, wherever the parser hangs the
    clause in the apposition (on "army" or on "spokeswoman"). Only "who": "which" may be the body."""
    a = t
    for _ in range(4):
        if a.dep_ == "appos" and a.head.pos_ == "PROPN":
            return a.head
        if a.dep_ not in ("pobj", "prep") or a.head.i == a.i:
            break
        a = a.head
    return t


def unnamed_source(t: Any) -> bool:
    """One person the text does not name, introduced by "a"/"an" ("a senior European diplomat", "an aide
    to the president"): the codebook keeps such a source as written, not the state or body in it."""
    lex = lexicon()
    if t.tag_ != "NN" or t.lemma_.lower() in lex["speaking_nouns"] or t.lemma_.lower() in lex["title_nouns"]:
        return False
    if t.lower_ in lex["voice_nouns"] and any(c.dep_ == "prep" and c.lower_ in ("for", "of") for c in t.children):
        return False  # "a spokesperson for the Coast Guard" speaks for the body, which is the speaker
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)


def group_as_written(ctx: Context, t: Any, s: int, e: int) -> Speaker | None:
    """"The countries of the region" or "other heads of state" stand as written: a group named by
    what its members are. One unnamed person ("my dad", "the kid") or a pronoun ("someone") is nobody."""
    personal = first_person_words()["possessives"] | {"your", "his", "her", "their"}
    if t.tag_ not in ("NNS", "NNPS") or any(c.dep_ == "poss" and c.lower_ in personal for c in t.children):
        return None
    name = clean_name(ctx.text[s:e])
    return Speaker(name, None, "group") if name[:1].isalpha() else None


def with_partners(ctx: Context, t: Any, first: Speaker | None, depth: int) -> Speaker | None:
    """"Kishida and Yoon said": every name of a coordinated subject, joined."""
    partners = [c for c in t.children if c.dep_ == "conj" and not ctx.quoted(c) and (c.pos_ == "PROPN" or (
        (m := ctx.names.at(c.idx, c.idx + len(c))) is not None and m.kind == "person"))]  # "Han Seung-woo" ends in a NOUN
    if first is None or not partners or depth:
        return first
    names = [first.name] + [p.name for c in partners if (p := speaker_of(ctx, c, None, depth + 1)) is not None]
    joined = join_names(names)
    return Speaker(joined, None, "group") if " and " in joined else first
