"""Aid (PLOVER AID, codebook section 5): who receives it when the sentence names a place rather than
a party, aid carried by "the provision of", and aid promised through a gerund. The sentences are
written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_of

PUBLISHED = dt.date(2024, 6, 1)


def aid_rows(nlp, text) -> set[tuple]:
    return {(r["actor_code"], r["recipient_code"], r["status"]) for r in events_of(nlp, text, PUBLISHED)
            if r["event_type"] == "AID"}


@pytest.mark.parametrize("text, expected", [
    # the state that what is given, or what it is for, is in receives it
    ("Chile provided $5 million for flood relief in Peru.", {("CHL", "PER", "occurred")}),
    ("Chile and Ecuador intend to provide $8 million for broadband networks in Peru.",
     {("CHL", "PER", "planned"), ("ECU", "PER", "planned")}),
    # the place of the giving is not the receiver
    ("Chile provided $5 million in aid at a conference in Geneva.", {("CHL", None, "occurred")}),
    # "the provision of" carries the aid the verb provides
    ("Chile will continue the provision of security assistance to Peru.", {("CHL", "PER", "planned")}),
    # work promised on delivering aid is still to come; aid one refrains from delivering is none
    ("Chile and Ecuador agreed to work together on delivering urgent assistance to civilians in Peru.",
     {("CHL", "PER", "planned"), ("ECU", "PER", "planned")}),
    ("Chile refrained from delivering aid to Peru.", set()),
])
def test_who_receives_aid_and_whether_it_is_given(nlp, text, expected):
    assert aid_rows(nlp, text) == expected
