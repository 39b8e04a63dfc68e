"""The status of an event from the grammar of its clause: occurred, planned, a stated desire, or
nothing at all (negated, hypothetical and conditional statements code no event)."""
from __future__ import annotations

from pipeline.extract.events.lexicon import Lexicon
from pipeline.extract.events.parties import governing_verb


def clause_status(tok, kind: str, lex: Lexicon) -> str | None:
    """'occurred', 'planned', or None for negated, hypothetical and conditional statements."""
    g = lex.grammar
    verb = tok if kind != "noun" else governing_verb(tok)
    planned = False
    if kind == "noun":
        mods = {c.lower_ for c in tok.children}
        if mods & g["plan_modifiers"]:
            planned = True
        if verb is None:
            return "planned" if planned else "occurred"
    cur, steps = verb, 0
    while cur is not None and steps < 6:
        steps += 1
        verdict = _clause_modality(cur, g)
        if verdict == "skip":
            return None
        planned = planned or verdict == "planned"
        head = cur.head
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if cur.dep_ == "xcomp" or (cur.dep_ == "acl" and head.pos_ in ("NOUN", "ADJ")) or (infinitive and head.i != cur.i):
            hl = head.lemma_.lower()
            if hl in g["negating_verbs"]:
                return None
            if hl in g["factive_adjectives"]:
                cur = governing_verb(head) or head.head
                continue
            if hl in g["desire_verbs"] or hl in g["desire_nouns"]:
                return "desire"
            if hl in g["hypothetical_verbs"] or hl in g["hypothetical_adjectives"]:
                return None
            if any(c.dep_ == "mark" and c.lower_ == "for" for c in cur.children):
                return None  # "it is necessary for X to discuss"
            if hl in g["plan_verbs"] or hl in g["plan_nouns"] or hl == "be":
                planned = True
            elif infinitive and not _purpose_of_trip(head, g):
                return None
            cur = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
        elif cur.head.pos_ in ("VERB", "AUX") and (cur.dep_ == "conj" or (cur.dep_ == "advcl" and cur.tag_ == "VBG")):
            # a participle clause ("..., while cooperating in ...") shares the main clause's modality
            cur = head
        else:
            break
    return "planned" if planned else "occurred"


def stated_resolve(tok, g: dict) -> bool:
    """"shared a determination to conclude", "expressed their desire to sign": a resolve stated as
    such (not "need to agree", which only says what is wanting)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else governing_verb(tok)
    noun = verb.head if verb is not None and verb.dep_ == "acl" else None
    stater = governing_verb(noun) if noun is not None and noun.lemma_.lower() in g["desire_nouns"] else None
    return stater is not None and stater.lemma_.lower() in g["resolve_verbs"]


def _purpose_of_trip(head, g: dict) -> bool:
    """"took a train to visit Kyiv": an infinitive of purpose after a travel verb happened."""
    verb = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
    return verb is not None and verb.lemma_.lower() in g["purpose_heads"]


def _clause_modality(verb, g: dict) -> str | None:
    if any(c.dep_ == "neg" for c in verb.children):
        return "skip"  # "would not send": the negation wins over the modal, whatever their order
    for child in verb.children:
        low = child.lower_
        if child.dep_ == "neg":
            return "skip"
        if child.dep_ == "mark" and low in g["conditional_marks"]:
            return "skip"
        if child.dep_ in ("aux", "auxpass"):
            if low in g["future_aux"] or (low == "to" and verb.dep_ == "ROOT"):
                return "planned"  # "Kishida to visit Kyiv": a headline's infinitive announces
            if low in g["hypothetical_aux"]:
                return "planned" if low == "would" and _reported(verb, g) else "skip"
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in g["conditional_marks"] for c in verb.children):
        return "skip"
    return None


def _reported(verb, g: dict) -> bool:
    head = verb.head
    return verb.dep_ == "ccomp" and head.lemma_.lower() in g["reporting_verbs"] and head.tag_ in ("VBD", "VBN")


def menacing(tok, g: dict) -> bool:
    """"will respond accordingly", "if X happens, Y will respond": a reply that menaces."""
    return any(c.dep_ == "advmod" and c.lower_ in g["menace_adverbs"] for c in tok.children) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children) for c in tok.children)


def past_tense(tok, kind: str) -> bool:
    verb = tok if kind != "noun" else governing_verb(tok)
    return verb is not None and verb.tag_ == "VBD"


def habitual(tok, kind: str) -> bool:
    """A verb in the simple present with no auxiliary describes what a party does, not an act."""
    return kind != "noun" and tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def imperative(tok) -> bool:
    return tok.tag_ == "VB" and tok.dep_ == "ROOT" and not any(c.dep_ in ("nsubj", "aux", "nsubjpass") for c in tok.children)


def announced(tok) -> bool:
    gov = governing_verb(tok)
    return gov is not None and gov.lemma_.lower() in ("announce", "pledge", "promise", "unveil", "approve", "commit", "offer")
