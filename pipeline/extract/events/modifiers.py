"""Modifiers of a noun that name a party, or seem to and do not: a national or proper modifier
("Russian", "the U.S.-Japan"), a nationality on a participle of making or of starting an act
("Chinese-made", "Russian-provoked"), and the city a document is named after ("the Paris
Agreement"), which names no party."""
from __future__ import annotations

from pipeline.extract.entities.gazetteer import lexicon

# participles whose nationality names the maker of a thing ("Chinese-made", "Panama-flagged") or
# the doer of an act ("Russian-provoked", "Saudi-led"; "Russian-backed" names a backer, not the doer)
MADE_BY = frozenset({"make", "build", "manufacture", "produce", "own", "flag", "design"})
LED_BY = frozenset({"lead", "provoke", "launch", "initiate", "instigate", "orchestrate", "start", "wage"})
# "the Japanese-controlled Senkaku Islands", "Russian-occupied Kherson": the state that holds a place
HELD_BY = frozenset({"control", "administer", "hold", "occupy"})


def name_modifier(tok) -> bool:
    # a name before another modifier is the parser's nmod: "U.S. live cattle"
    return tok.dep_ in ("amod", "compound") and tok.pos_ in ("PROPN", "ADJ") or (tok.dep_ == "nmod" and tok.pos_ == "PROPN")


def nationality_on(modifier, participles: frozenset):
    """The capitalised word on a hyphened participle modifier of one of `participles`, else None."""
    if modifier.dep_ != "amod" or modifier.lemma_.lower() not in participles:
        return None
    return next((c for c in modifier.children if c.dep_ in ("npadvmod", "compound", "amod")
                 and c.text[:1].isupper()), None)


def made_by(modifier):
    return nationality_on(modifier, MADE_BY)


def names_the_text(party, modifier) -> bool:
    """The city a document is named after ("the Paris Agreement", "the Minsk accords") is no party."""
    return party.etype == "location" and modifier.head.lemma_.lower() in lexicon().named_after_places
