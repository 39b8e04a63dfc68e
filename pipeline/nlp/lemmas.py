"""Verb lemmas the small English pipeline gets wrong.

Its lemmatizer strips a final "e" with the suffix now and then: "staged" -> "stag", "fined" ->
"fin", "hoped" -> "hop", "lambasted" -> "lambast". Every extractor matches verbs by lemma, so such
a verb is silently no trigger and no light verb. A verb whose lemma is no verb the project's
dictionaries know, while the lemma plus "e" is one that the word starts with, takes that lemma.
"""
from __future__ import annotations

import functools

INFLECTED = ("VBD", "VBN", "VBG", "VBZ")


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


def repair_lemmas(doc) -> None:
    """Set the lemma of each inflected verb that lost its final "e" ("staged" -> "stage")."""
    verbs = known_verbs()
    for tok in doc:
        if tok.tag_ not in INFLECTED:
            continue
        lemma = tok.lemma_.lower()
        if lemma in verbs or lemma + "e" not in verbs or not tok.lower_.startswith(lemma + "e"):
            continue
        tok.lemma_ = lemma + "e"
