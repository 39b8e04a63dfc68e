"""Roles a bare number plays that the noun after it does not show: the base of a rate ("3.2 doctors
per 1,000 people": the 1,000 is no quantity of people) and a person's age set off by commas after
the name ("Ruto, 57, met ..."), as wire copy writes ages."""
from __future__ import annotations

RATE_WORDS = ("per",)
PLACE_OR_BODY = ("GPE", "LOC", "ORG", "NORP", "FAC")  # "Kenya, 57, ..." is no age  # "per 100,000 inhabitants"; "a" and "every" are too often articles and counts


def rate_base(span) -> bool:
    """Does the number follow "per", so that it is the denominator of a rate?"""
    i = span[0].i
    return i > 0 and span.doc[i - 1].lower_ in RATE_WORDS


def age_apposition(q, span) -> bool:
    """"Name, 57," : a bare number in digits between commas right after a person's name. Only a
    plausible age, and only where a comma or the sentence end closes it ("Smith, 57, 12 others"
    would not be read)."""
    if q.words or q.kind is not None or q.high is not None or not 0 < q.value < 120 or q.value != int(q.value):
        return False
    doc, first, last = span.doc, span[0].i, span[-1].i
    if first < 2 or doc[first - 1].text != ",":
        return False
    name = doc[first - 2]  # the parser hangs the age on the name as an apposition
    if not (name.pos_ == "PROPN" or _a_titled_person(name)) or name.ent_type_ in PLACE_OR_BODY \
            or span[0].head.i != name.i or span[0].dep_ != "appos":
        return False
    after = doc[last + 1] if last + 1 < len(doc) else None
    return after is not None and after.text in (",", ".", ";")


def _a_titled_person(noun) -> bool:
    """"The opposition leader, 47,": one person named by an office the actor dictionaries know."""
    from pipeline.extract.entities.gazetteer import lexicon  # the actor dictionaries, loaded once

    return noun.pos_ == "NOUN" and noun.tag_ == "NN" and lexicon().is_role(noun.lemma_)


NAME_MODIFIER_DEPS = ("nmod", "compound", "amod")
NAME_LABELS = ("ORG", "PRODUCT", "LAW", "EVENT", "FAC", "WORK_OF_ART")
NOT_NAME_ENTS = ("GPE", "NORP", "LOC", "DATE", "TIME", "PERSON")  # "In Gaza 40 people", "Chinese 12"


def titled_name_number(q, span) -> bool:
    """"Apollo 11 astronauts", "Formula 1 races": a capitalised word and the
    digits after it both modify the noun that follows, so together they name it. The word must be
    capitalised as a name is: inside the sentence, or at its start only when the tagger marks it
    as part of a name ("Additional 40 troops" opens a sentence with a plain adjective)."""
    if q.words or q.kind is not None:
        return False
    num = span[0]
    if num.i == 0 or num.dep_ != "nummod" or num.head.i <= num.i:
        return False
    prev = num.doc[num.i - 1]
    if not prev.is_title or prev.dep_ not in NAME_MODIFIER_DEPS or prev.head != num.head or prev.ent_type_ in NOT_NAME_ENTS:
        return False
    if prev.pos_ == "ADJ" and prev.ent_type_ not in NAME_LABELS:
        return False  # "the Ghanaian 250 peacekeepers": a nationality the tagger left unnamed
    return prev.i != prev.sent.start or prev.ent_type_ != ""
