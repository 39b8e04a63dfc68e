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
    if name.pos_ != "PROPN" or name.ent_type_ in PLACE_OR_BODY or span[0].head.i != name.i or span[0].dep_ != "appos":
        return False
    after = doc[last + 1] if last + 1 < len(doc) else None
    return after is not None and after.text in (",", ".", ";")
