"""Counts whose noun is not written after the number: the people a verb is done to ("killing at
least 12", "police arrested 23"), the level a death toll reaches, the plural noun a number is said to
be ("14 were children"), "N of the dead", the thing a "number of" subject counts ("the number of
refugees rose to 45") and vote tallies ("a vote of 68 to 32"). figures.py asks these when no counted
noun follows."""
from __future__ import annotations

from pipeline.extract.numbers import Quantity, lexicon

TALLY_JOINS = ("to", "-", "–")


def people_count(q: Quantity, span) -> bool:
    """A bare number that a verb done to people takes as its object, or as the subject of its
    passive, counts people: "killing at least 12 and wounding 30", "police arrested 23", "14 were
    injured"; so does the level a death toll reaches: "the toll rose to 112"."""
    if q.elided or (q.words and q.value < 2):
        return False
    lx = lexicon()
    num = span.root  # a bare number: the span is the number ("12", "two hundred")
    head = num.head
    if num.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() in lx["people_verbs"]:
        return True
    if num.dep_ == "pobj" and head.lower_ in ("to", "at"):
        subjects = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(c.lemma_.lower() in lx["people_tolls"] for c in subjects)
    return False


def copula_noun(q: Quantity, span):
    """"Of those killed, 14 were children", "Four of the dead were police officers": a bare number
    that is the subject of "be" counts the plural noun it is said to be."""
    num = span.root
    if q.elided or (q.words and q.value < 2) or num.dep_ != "nsubj" or num.head.lemma_ != "be":
        return None
    attr = [c for c in num.head.children if c.dep_ == "attr" and c.tag_ in ("NNS", "NNPS")]
    return attr[0] if attr else None


def people_nominal(doc, i: int, stop: int) -> bool:
    """"the dead", "the wounded": an adjective standing for the people it describes."""
    while i < stop and (doc[i].is_space or doc[i].pos_ == "DET"):
        i += 1
    return i < stop and doc[i].lower_ in lexicon()["people_nominals"]


def tally_noun(q: Quantity, span):
    """"The number of refugees has risen to 45", "the total number of troops reached 12,000": a bare
    number that a tally reaches counts what the tally's "of" names (a token, or "person" for "the
    number of dead")."""
    num = span.root
    if q.elided or (q.words and q.value < 2):
        return None
    verb = num.head.head if num.dep_ == "pobj" and num.head.lower_ in ("to", "at", "of") else num.head
    if num.dep_ not in ("pobj", "dobj", "attr"):
        return None
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.lemma_.lower() not in lexicon()["tally_nouns"]:
            continue
        for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ in lexicon()["people_nominals"]:
                return "person"
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return None


def vote_tally(span) -> bool:
    """"passed by a vote of 68 to 32", "the House voted 220-207": each number of a tally after a
    vote counts votes."""
    num, doc = span.root, span.doc
    first = num
    if num.i >= 2 and doc[num.i - 1].lower_ in TALLY_JOINS and doc[num.i - 2].like_num:
        first = doc[num.i - 2]
    elif not (num.i + 2 < len(doc) and doc[num.i + 1].lower_ in TALLY_JOINS and doc[num.i + 2].like_num):
        return False
    window = doc[max(first.sent.start, first.i - 4):first.i]
    return any(t.lemma_.lower() == "vote" for t in window)


def tally_side(span) -> bool:
    """"adopted with 141 votes in favour, five against": a number closed by the side it voted on
    counts votes, when a vote is named before it in the sentence."""
    num, doc = span[-1], span.doc
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ not in ("against", "abstaining") or num.pos_ != "NUM":
        return False
    return any(t.lemma_.lower() in ("vote", "ballot") for t in doc[num.sent.start:num.i])
