"""Pronoun speakers: who "he said", "she added" and "they said" point back to.

News writes the person a pronoun stands for as a subject ("Foreign Minister Ann Roe met her Danish
counterpart. “...,” she said."). A person who is the subject of a clause before the pronoun in its own
sentence comes first ("Roe spoke up, and she said"); then the sentences before are read from the
nearest back: a person subject of the main clause decides; a main-clause "she" continues the chain to
the sentence before; another person subject decides; failing a named subject, the nearest person object
("Reporters asked Ann Roe about the deal."), never a possessive ("after Bo Li's speech"). Gender is
known only from the text itself: a gendered title or noun beside the name ("Ms.", "spokeswoman",
"King") or a "his"/"her" in the clause the name is the subject of ("Roe presented her credentials").
Nothing is guessed from given names.

"They" stands for a plural subject (a coordination, a plural noun phrase), else the body or group
named in the last few sentences: never one person, a state or a city.
"""
from __future__ import annotations

import bisect
from typing import Any

from pipeline.extract.quotes.lexicon import lexicon
from pipeline.extract.quotes.names import Speaker

MAX_SENTENCES = 8
GROUP_SENTENCES = 5
SUBJECT_DEPS = ("nsubj", "nsubjpass")
BODY_KINDS = ("organization", "igo", "state")


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def word_gender(word: str) -> str | None:
    genders = lexicon()["gendered_words"]
    return "m" if word in genders["male"] else "f" if word in genders["female"] else None


def mention_gender(ctx: Any, ms: int, me: int) -> str | None:
    """The gender a gendered word of the name's own phrase gives: a title right before it ("Ms. Roe",
    "Queen Ann"), or its apposition ("Roe, the spokeswoman"). Words of the rest of the sentence never do."""
    toks = ctx.tokens(ms, me)
    if not toks:
        return None
    words = [t for t in toks]
    i = toks[0].i - 1
    while i >= toks[0].sent.start and i >= toks[0].i - 4 and (ctx.doc[i].text[:1].isupper() or ctx.doc[i].text == "."):
        words.append(ctx.doc[i])
        i -= 1
    head = head_of(ctx, ms, me)
    for c in (head.children if head is not None else []):
        if c.dep_ == "appos" and c.i > toks[-1].i:
            words += [t for t in c.subtree]
    for t in words:
        g = word_gender(t.lower_.strip("."))
        if g is not None:
            return g
    return bound_possessive(ctx, head, toks[-1].i) if head is not None else None


def bound_possessive(ctx: Any, head: Any, end: int) -> str | None:
    """"Ann Roe presented her credentials": a "his" or "her" in the clause the name is the subject of,
    with no other name between them, is the name's own."""
    if not is_subject(head):
        return None
    verb = head.head
    names_at = {ms for ms, _, sp in ctx.names.mentions if sp.kind == "person"}
    for t in verb.subtree:
        if t.i <= end or ctx.quoted(t):
            continue
        if t.idx in names_at:
            return None  # another person first: the possessive may be theirs
        if t.dep_ == "poss" and t.lower_ in ("his", "her"):
            return PRONOUN_GENDER[t.lower_]
    return None


def person_gender(ctx: Any, sp: Speaker) -> str | None:
    """The gender any mention of the person gives, known for the whole document ("Ms. Roe" once)."""
    if getattr(ctx, "genders", None) is None:
        found: dict[str, set] = {}
        for ms, me, m in ctx.names.mentions:
            if m.kind == "person" and (g := mention_gender(ctx, ms, me)) is not None:
                found.setdefault(ctx.names.canonical(m).name, set()).add(g)
        ctx.genders = {name: next(iter(gs)) for name, gs in found.items() if len(gs) == 1}
    return ctx.genders.get(ctx.names.canonical(sp).name)


def agrees(ctx: Any, sp: Speaker, pron: Any) -> bool:
    gender = PRONOUN_GENDER.get(pron.lower_)
    return gender is None or person_gender(ctx, sp) in (None, gender)


def head_of(ctx: Any, ms: int, me: int) -> Any | None:
    """The token heading the mention, through "Ann Roe, the head of X" appositions to their clause."""
    toks = ctx.tokens(ms, me)
    if not toks:
        return None
    ids = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[-1])
    while head.dep_ in ("appos", "compound", "flat") and head.head.i != head.i:
        head = head.head
    return head


def is_subject(tok: Any) -> bool:
    if tok.dep_ in SUBJECT_DEPS:
        return True
    # "Ann Roe and Bo Li met": both are the subject
    return tok.dep_ == "conj" and tok.head.dep_ in SUBJECT_DEPS


def is_object(tok: Any) -> bool:
    """An object or a prepositional object ("criticism from Bo Li"), but not a possessive ("Bo Li's speech")."""
    return tok.dep_ in ("dobj", "pobj", "dative", "attr", "oprd") or tok.dep_ == "conj" and is_object(tok.head)


def name_beside(ctx: Any, t: Any) -> str | None:
    """"Chile's chief negotiator, Ana Ruiz,": the name in apposition to a subject, as written."""
    for c in t.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and not ctx.quoted(c):
            words = [g for g in c.subtree if g.pos_ == "PROPN" and g.i <= c.i]
            if len(words) >= 2 and words[-1].i - words[0].i == len(words) - 1:
                return " ".join(g.text for g in words)
    return None


def sentence_index(ctx: Any, offset: int) -> int:
    return max(bisect.bisect_right(ctx.sent_starts, offset) - 1, 0)


def people_in(ctx: Any, s: int, e: int) -> list[tuple[int, int, Speaker]]:
    """The person mentions of [s, e) outside quotations, in text order; where the entity pass and spaCy
    both read a name, the entity pass's reading (it carries the entity id the quotes table references)."""
    found = [m for m in ctx.names.near(s, e) if s <= m[0] and m[1] <= e and m[2].kind == "person"
             and not ctx.names.in_quote(m[0])]
    kept: list[tuple[int, int, Speaker]] = []
    for m in sorted(found, key=lambda m: (m[2].entity_id is None, -(m[1] - m[0]))):
        if not any(k[0] < m[1] and m[0] < k[1] for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m[0])


def sentence_subjects(ctx: Any, s: int, e: int) -> list:
    return [t for t in ctx.tokens(s, e) if is_subject(t) and not ctx.quoted(t)]


def person_antecedent(ctx: Any, pron: Any, since: int = -1) -> Speaker | None:
    """The person "he" or "she" stands for, or None when no sentence before decides it. With `since`,
    only a person named after that offset (the previous quotation's end) counts."""
    first = sentence_index(ctx, pron.idx)
    own = same_sentence_subject(ctx, pron, since)
    if own is not None:
        return own  # "Meacham spoke up, and he said"
    for si in range(first - 1, max(first - 1 - MAX_SENTENCES, -1), -1):
        s, e = ctx.sents[si]
        if e <= since:
            return None
        found = sentence_antecedent(ctx, pron, s, e, objects=since < 0)
        if found is not None:
            return found
    return None


def same_sentence_subject(ctx: Any, pron: Any, since: int) -> Speaker | None:
    """A person who is the subject of a clause before the pronoun in its own sentence."""
    s = max(ctx.sents[sentence_index(ctx, pron.idx)][0], since)
    people = [m for m in people_in(ctx, s, pron.idx) if agrees(ctx, m[2], pron)]
    subjects = [m for m in people if (h := head_of(ctx, m[0], m[1])) is not None and is_subject(h)]
    return ctx.names.canonical(subjects[-1][2]) if subjects else None


def main_clause(tok: Any) -> bool:
    """Whether a subject belongs to the sentence's main verb (or a verb coordinated with it)."""
    verb = tok.head if tok.dep_ != "conj" else tok.head.head
    return verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


def sentence_antecedent(ctx: Any, pron: Any, s: int, e: int, objects: bool) -> Speaker | None:
    """The person of sentence [s, e) the pronoun points back to; None when the sentence names nobody
    it may be, or continues a chain of the same pronoun ("She met Bo Li"): the sentence before decides."""
    gender = PRONOUN_GENDER.get(pron.lower_)
    people = [m for m in people_in(ctx, s, e) if agrees(ctx, m[2], pron)]
    heads = [(m, h) for m in people if (h := head_of(ctx, m[0], m[1])) is not None]
    subj = sentence_subjects(ctx, s, e)
    chained = any(t.lower_ in lexicon()["person_pronouns"] and PRONOUN_GENDER.get(t.lower_) == gender
                  and main_clause(t) for t in subj)
    main = [m for m, h in heads if is_subject(h) and main_clause(h)]
    if main:
        return ctx.names.canonical(main[0][2])
    if chained:
        return None  # "When Bo Li took office, he knew": the main clause's "he" is someone before
    subjects = [m for m, h in heads if is_subject(h)]
    if subjects:
        return ctx.names.canonical(subjects[0][2])
    unread = [n for t in subj if (n := name_beside(ctx, t)) is not None]
    if unread and not people:
        return ctx.names.lookup(unread[0])  # a name the entity pass did not read as a person
    if any(t.lower_ in lexicon()["person_pronouns"] and PRONOUN_GENDER.get(t.lower_) == gender for t in subj):
        return None
    others = [m for m in people_in(ctx, s, e) if not agrees(ctx, m[2], pron)]  # "Omar Diallo" for "she"
    named = [t for t in subj if t.pos_ == "PROPN" and not any(m[0] <= t.idx < m[1] for m in others)]
    found = [m for m, h in heads if is_object(h)]
    if found and objects and not named:
        return ctx.names.canonical(found[-1][2])
    return None


def group_antecedent(ctx: Any, pron: Any, resolve) -> Speaker | None:
    """What "they" or "it" stands for: the subject of the nearest sentence before that is plural (or a
    body, for "it"), read as a speaker by `resolve`; None when no sentence before decides it."""
    first = sentence_index(ctx, pron.idx)
    plural = pron.lower_ == "they"
    for si in range(first - 1, max(first - GROUP_SENTENCES - 1, -1), -1):
        s, e = ctx.sents[si]
        for t in sentence_subjects(ctx, s, e):
            if t.dep_ == "conj" or t.pos_ == "PRON":
                continue
            many = t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)
            body = ctx.names.at(t.idx, t.idx + len(t))
            body_ok = body is not None and body.kind in BODY_KINDS
            if (plural and many) or (not plural and body_ok and not many):
                found = resolve(t)
                if found is not None and not (plural and found.kind == "person"):
                    return found
    return None


def nearest_body(ctx: Any, pron: Any) -> Speaker | None:
    """"I met with the Business Roundtable. They said": failing a plural subject, the body or group named
    last in the pronoun's sentence or the few before it (never a state: "they" is not a country)."""
    first = sentence_index(ctx, pron.idx)
    start = ctx.sents[max(first - GROUP_SENTENCES, 0)][0]
    kinds = ("organization", "igo", "group") if pron.lower_ == "they" else ("organization", "igo")
    return ctx.names.before(pron.idx, kinds, limit=pron.idx - start)


def nearest_person(ctx: Any, pron: Any, limit: int = 3000) -> Speaker | None:
    """The last person named before the pronoun whose gender, where the text gives it, agrees."""
    i = bisect.bisect_left(ctx.names.starts, pron.idx)
    for ms, me, sp in reversed(ctx.names.mentions[:i]):
        if ms < pron.idx - limit:
            break
        if sp.kind == "person" and me <= pron.idx and not ctx.names.in_quote(ms) and agrees(ctx, sp, pron):
            return ctx.names.canonical(sp)
    return None
