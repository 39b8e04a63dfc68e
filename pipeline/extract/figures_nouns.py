"""The noun a number counts: the phrase after a figure read through the parse ("four southernmost
Kuril Islands" counts islands, "two Russian and two Chinese bombers" bombers, "31 F-16s" the
model), and the lemma a count row gives as its unit. Read by pipeline/extract/figures.py."""
from __future__ import annotations

import re

from pipeline.extract.numbers import lexicon

NOUNS = ("NOUN", "PROPN")
TIME_DEICTICS = ("last", "next", "past", "this", "previous", "coming")


def model_name(tok) -> bool:
    """A name right before a number that is not a place, a people or a date: the number is part of
    it, as in "Leopard 2 tanks", "Boeing 737 jets", "iPhone 15 units" (a count does not follow a bare
    name; "sent Ukraine 2 tanks" names a place)."""
    return tok.ent_type_ not in ("GPE", "NORP", "LOC", "DATE", "TIME", "FAC") and tok.whitespace_ != ""


def singular_name(t) -> bool:
    return t.tag_ == "NNP" and t.is_title and not re.search(r"[^su]s$", t.text)


def noun_after(doc, i: int, stop: int):
    """The noun a number modifies: the last noun of the run that follows it
    (the parser often hangs the number on an adjective: "four southernmost Kuril Islands")."""
    head, named, start = None, None, i
    while i < stop:
        t = doc[i]
        if t.is_space:
            pass  # wrapped lines
        elif designation(t) and i + 2 < stop and doc[i + 1].pos_ == "CCONJ" and designation(doc[i + 2]):
            i += 2  # models joined before their noun: "10 Su-34 and Su-35 jets" counts jets
            continue
        elif designation(t) and not (i + 1 < stop and doc[i + 1].pos_ in NOUNS):
            head = t  # the model counted: "31 F-16s"
        elif designation(t) or (t.text.isdigit() and i > start and doc[i - 1].pos_ == "PROPN" and not doc[i - 1].is_lower
                                 and model_name(doc[i - 1])):
            pass  # a model name with its number: "24 F-16 fighter jets", "two S-400 batteries", "14 Leopard 2 tanks"
        elif _attributive_name(t, doc, i + 1, stop):
            named = t if t.pos_ in NOUNS else named
        elif t.pos_ in NOUNS and not t.like_num:
            head = t
        elif head is not None and head.tag_ == "NNS" and t.pos_ == "ADJ":
            break  # a plural noun closes the phrase: "our three countries respective strategies"
        elif t.pos_ == "CCONJ" and i > start and head is None:
            return coordinated_noun(doc, i + 1, stop) or named  # "two Russian and two Chinese bombers"
        elif t.text == "," and head is None and i > start and doc[i - 1].pos_ == "ADJ" and i + 1 < stop \
                and doc[i + 1].pos_ == "ADJ":
            pass  # "scores of new, independent States"
        elif not _modifier(t, i == start):
            break
        i += 1
    return head


def designation(t) -> bool:
    """A token of letters and digits joined by a hyphen: a model's name ("F-16", "Su-35", "T-72")."""
    return re.fullmatch(r"[A-Za-z]+-?\d+[A-Za-z]*|[A-Za-z]+-[A-Za-z]*\d+[A-Za-z]*", t.text) is not None \
        and not t.text.isdigit()


def _attributive_name(t, doc, nxt: int, stop: int) -> bool:
    """A nationality adjective or a singular name used as a _modifier before a coordinated noun phrase:
    "Russian" in "two Russian and two Chinese bombers" (the tagger may call it a proper noun),
    "Hamas" in "hundreds of Hamas and other operatives"."""
    if t.tag_ != "NNP" and t.ent_type_ != "NORP":
        return False
    if t.tag_ in ("NNPS", "NNS") and re.search(r"[^s]s$", t.text):
        return False  # a plural people is the counted noun itself: "13 Israelis and 10 Thai nationals"
        # ("1,500 Japanese and 2,000 American troops": "Japanese" may be either, and modifies here)
    while nxt < stop and doc[nxt].is_space:
        nxt += 1
    return nxt < stop and doc[nxt].pos_ == "CCONJ"


def coordinated_noun(doc, i: int, stop: int):
    """The noun of the conjunct after "and"/"or", past its own number: "... and (two) Chinese bombers"."""
    while i < stop and (doc[i].is_space or doc[i].like_num or doc[i].pos_ == "DET" or doc[i].tag_ == "PRP$"):
        i += 1
    head = noun_after(doc, i, stop) if i < stop else None
    return head if head is not None and head.pos_ == "NOUN" else None


def _modifier(t, first: bool) -> bool:
    if t.lower_ in TIME_DEICTICS and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-"):
        return False  # "he turned 80 last week": a time reference follows, not the counted noun
    if t.pos_ == "ADJ" or t.text in ("-", "–") or t.dep_ in ("amod", "compound"):
        return not t.like_num
    if (t.pos_ == "DET" and t.lower_ not in ("a", "an", "each", "every") or t.tag_ == "PRP$") and first:
        return True  # "millions of the", "millions of our brethren" ("6.5 million a year": a rate, no noun)
    # "newly elected", "wholly owned": an adverb on an adjective or a participle
    return t.pos_ == "ADV" and t.dep_ == "advmod" and (t.head.pos_ == "ADJ" or t.head.tag_ in ("VBN", "VBG"))


def counted_lemma(t) -> str | None:
    if t is None:
        return None
    lemma = t.lemma_ or t.text
    plural = t.tag_ in ("NNPS", "NNS") and lemma.endswith("s")
    # or a counted capitalised plural the tagger took for a singular name: "150 Member States"
    plural = plural or (t.tag_ == "NNP" and t.text.istitle() and re.search(r"[^su]s$", t.text) is not None)
    if plural and lemma == t.text and len(lemma) > 3 and lemma.lower() not in ("series", "species", "news"):
        lemma = lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]
    lemma = lexicon()["count_lemmas"].get(t.lower_, lemma)
    return lemma if t.pos_ == "PROPN" else lemma.lower()


def plural_in_run(doc, start: int, head):
    """The last plural common noun before a singular `head` in the run after a count of more than
    one: the tagger may read the verb after the counted noun as a noun ("400 million children lack
    water": children, not water). A plural that ends the run ("ten arms control experts") is the head."""
    if head is None or head.tag_ != "NN":
        return head
    plural = next((t for t in reversed(doc[start:head.i]) if t.tag_ == "NNS"), None)
    return plural or head
