"""Verb lemmas the small English pipeline gets wrong.

Its lemmatizer strips a final "e" with the suffix now and then: "staged" -> "stag", "fined" ->
"fin", "hoped" -> "hop", "lambasted" -> "lambast". Every extractor matches verbs by lemma, so such
a verb is silently no trigger and no light verb. A verb whose lemma is no verb the project's
dictionaries know, while the lemma plus "e" is one that the word starts with, takes that lemma.

Its tokenizer also splits a hyphenated noun ("build-up", "sit-in", "pull-out") into three tokens, so
the word the dictionaries know as one ("buildup", "sit-in") is never looked up. The head of such a
compound takes the joined lemma where the dictionaries know it.
"""
from __future__ import annotations

import functools

INFLECTED = ("VBD", "VBN", "VBG", "VBZ")
NOUN_TAGS = ("NN", "NNS")


@functools.lru_cache(maxsize=1)
def known_verbs() -> frozenset[str]:
    """The verbs of the trigger lexicon (entries, phrases, grammar lists), the CAMEO-derived lexicon and
    the quote cues, read through their own loaders (imported here: the extractors import this layer)."""
    from pipeline.extract.events.lexicon import load_lexicon
    from pipeline.extract.quotes.lexicon import lexicon as quote_cues
    from pipeline.extract.trigger_lexicon import load_derived

    lex = load_lexicon()
    verbs = set(lex.verbs) | {verb for verb, _ in lex.phrase_index} | set(lex.grammar["light_verbs"])
    verbs |= set(lex.grammar.get("reporting_verbs", ()))
    verbs |= set(load_derived().verbs) | set(quote_cues()["reporting_verbs"])
    return frozenset(v for v in verbs if " " not in v)


@functools.lru_cache(maxsize=1)
def known_nouns() -> frozenset[str]:
    """The event nouns of the trigger lexicon and of the CAMEO-derived lexicon."""
    from pipeline.extract.events.lexicon import load_lexicon
    from pipeline.extract.trigger_lexicon import load_derived

    return frozenset(set(load_lexicon().nouns) | set(load_derived().nouns))


def repair_lemmas(doc) -> None:
    """Set the lemma of each inflected verb that lost its final "e" ("staged" -> "stage"), and of the
    head of each hyphenated noun the dictionaries know as one word ("build-up" -> "buildup")."""
    verbs, nouns = known_verbs(), known_nouns()
    for tok in doc:
        if tok.tag_ in NOUN_TAGS:
            _join_hyphenated(tok, nouns)
        if tok.tag_ not in INFLECTED:
            continue
        lemma = tok.lemma_.lower()
        if lemma in verbs or lemma + "e" not in verbs or not tok.lower_.startswith(lemma + "e"):
            continue
        tok.lemma_ = lemma + "e"


def _hyphen_head_of(tok):
    """The first part of a word written with a hyphen ("build" of "build-up") when `tok` is its head:
    the part hangs on the head and the hyphen is bare; else None."""
    if tok.i < 2:
        return None
    first, hyphen = tok.doc[tok.i - 2], tok.doc[tok.i - 1]
    if hyphen.tag_ != "HYPH" or first.head.i != tok.i or first.whitespace_ or hyphen.whitespace_:
        return None
    return first


def _join_hyphenated(tok, nouns: frozenset[str]) -> None:
    if (first := _hyphen_head_of(tok)) is None:
        return
    for joined in (first.lower_ + tok.lemma_.lower(), f"{first.lower_}-{tok.lemma_.lower()}"):
        if joined in nouns:
            tok.lemma_ = joined
            return


def written_form(tok) -> str:
    """The word as written: a hyphenated noun whose head took the joined lemma reads "build-up", not "up"."""
    first = _hyphen_head_of(tok)
    if first is not None and tok.lemma_.lower() != tok.lower_ and tok.lemma_.lower().startswith(first.lower_):
        return tok.doc[first.i: tok.i + 1].text
    return tok.text
