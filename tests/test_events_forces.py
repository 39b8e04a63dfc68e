"""Forces moved, named in an event noun (pipeline/extract/events/noun_args.py): the forces a named
state moves are not the other side. The sentences are written for these tests."""
from __future__ import annotations

import datetime as dt

from conftest import events_of

PUBLISHED = dt.date(2024, 6, 1)


def test_the_forces_a_state_moves_are_not_the_other_side(nlp, rules_alone):
    rows = events_of(nlp, "Chad's deployment of troops along the border began in May.", PUBLISHED)
    assert [(r["actor_code"], r["recipient"]) for r in rows if r["event_type"] == "MOBILIZE"] == [("TCD", None)]

