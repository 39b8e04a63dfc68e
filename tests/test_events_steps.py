"""The steps of `rows.rows_for`, one at a time, on readings built by hand: each step either refines
the reading or drops it (returns False). Steps that read the parse are tested through whole
sentences in test_events_rules.py."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from pipeline.extract.events import rows
from pipeline.extract.events.lexicon import Entry, load_lexicon
from pipeline.extract.events.parties import Party
from pipeline.extract.events.recipients import other_side
from pipeline.extract.events.rows import STEPS, Coding, Reading
from pipeline.extract.events.triggers import Candidate

KEN = Party("Kenya", "ken", "KEN", "state")
UGA = Party("Uganda", "uga", "UGA", "state")
TZA = Party("Tanzania", "tza", "TZA", "state")
ACCORD = Party("the Lake Accord", None, None, "organization")
ASIA = Party("Asia", None, None, "location")
FORUM = Party("the regional forum", None, None, "group", group=True)


def reading(entry: Entry, status="occurred", actors=(), recips=(), idx=0) -> Reading:
    tok = SimpleNamespace(idx=idx, lemma_="")  # a verb no rule reads by its word
    return Reading(Candidate(tok, entry, "verb"), entry, status=status, actors=list(actors), recips=list(recips))


@pytest.fixture()
def coding():
    reader = SimpleNamespace(context_pair=[], context_at=-10**9, last_group=[], grammar={})
    return Coding(None, reader, load_lexicon())


def test_the_steps_run_in_the_documented_order():
    names = [step.__name__ for step in STEPS]
    assert names == ["_arguments", "_joint_or_reciprocal", "_desire", "other_side", "_fit", "_threat",
                     "_type_and_mode", "_date", "_place", "_pairs"]


# ------------------------------------------------------------ joint and reciprocal readings

def test_a_joint_commitment_needs_a_promise_of_two_coded_parties(coding):
    joint = Entry(type="AGREE", mode="promise", reciprocal=True, joint=True)
    assert not rows._joint_or_reciprocal(reading(joint, "occurred", [KEN, UGA]), coding)  # a report, not a promise
    assert not rows._joint_or_reciprocal(reading(joint, "planned", [KEN]), coding)
    r = reading(joint, "planned", [KEN, UGA], [TZA])
    assert rows._joint_or_reciprocal(r, coding)
    assert r.status == "occurred" and r.recips == []  # the promise is made now, between the two


def test_a_reciprocal_pair_drops_an_object_that_is_no_party(coding):
    sign = Entry(type="AGREE", mode="agreement", reciprocal=True)
    r = reading(sign, actors=[KEN, UGA], recips=[ACCORD])
    assert rows._joint_or_reciprocal(r, coding) and r.recips == []
    r = reading(sign, actors=[KEN, UGA], recips=[TZA])
    assert rows._joint_or_reciprocal(r, coding) and r.recips == [TZA]


def test_a_joint_only_phrase_needs_two_coded_subjects(coding):
    entry = Entry(type="COOPERATE", mode="partnership", joint_only=True)
    assert not rows._joint_or_reciprocal(reading(entry, actors=[KEN], recips=[UGA]), coding)
    r = reading(entry, actors=[KEN, UGA], recips=[TZA])
    assert rows._joint_or_reciprocal(r, coding) and r.recips == []


# ------------------------------------------------------------ desire

def test_a_desire_is_planned_only_where_the_entry_has_a_planned_reading(coding):
    plain = Entry(type="CONSULT", mode="meeting")
    assert not rows._desire(reading(plain, "desire", [KEN], [UGA]), coding)
    promised = Entry(type="COOPERATE", mode="partnership", planned_type=("AGREE", "promise"))
    r = reading(promised, "desire", [KEN], [UGA])
    assert rows._desire(r, coding) and r.status == "planned"


def test_a_reading_with_no_desire_passes_the_desire_step_untouched(coding):
    r = reading(Entry(type="CONSULT", mode="meeting"), "occurred", [KEN], [UGA])
    assert rows._desire(r, coding) and r.status == "occurred"


# ------------------------------------------------------------ recipients

def test_an_uncoded_place_beside_a_coded_party_is_scenery(coding):
    r = reading(Entry(type="CONSULT", mode="meeting"), actors=[KEN], recips=[UGA, ASIA, FORUM])
    assert other_side(r, coding) and r.recips == [UGA, FORUM]


def test_the_other_party_of_the_pair_the_text_is_about_is_the_counterpart(coding):
    coding.reader.context_pair, coding.reader.context_at = [KEN, UGA], 0
    offer = Entry(type="AGREE", mode="offer")
    r = reading(offer, actors=[UGA], recips=[], idx=200)
    assert other_side(r, coding) and r.recips == [KEN]


def test_no_counterpart_for_a_party_outside_the_pair_or_far_from_it(coding):
    coding.reader.context_pair, coding.reader.context_at = [KEN, UGA], 0
    offer = Entry(type="AGREE", mode="offer")
    r = reading(offer, actors=[TZA], idx=200)
    assert other_side(r, coding) and r.recips == []
    far = coding.lex.grammar["counterpart_reach"] + 1
    r = reading(offer, actors=[UGA], idx=far)
    assert other_side(r, coding) and r.recips == []


# ------------------------------------------------------------ fit and threat

def test_arguments_fit_what_the_entry_needs(coding):
    meet = Entry(type="CONSULT", mode="meeting", reciprocal=True)
    assert not rows._fit(reading(meet, actors=[], recips=[UGA]), coding)  # nobody acted
    assert rows._fit(reading(meet, actors=[KEN, UGA]), coding)  # "Kenya and Uganda met"
    assert not rows._fit(reading(meet, actors=[KEN]), coding)  # met nobody named
    protest = Entry(type="PROTEST", mode="demonstration")
    assert rows._fit(reading(protest, actors=[KEN]), coding)  # a protest may have no target named
    needy = Entry(type="PROTEST", mode="demonstration", needs_recipient=True)
    assert not rows._fit(reading(needy, actors=[KEN]), coding)
    typed = Entry(type="CONSULT", mode="address", requires_object_type=("igo",))
    assert not rows._fit(reading(typed, actors=[KEN], recips=[UGA]), coding)


def test_a_threat_is_made_now_about_what_is_still_to_come(coding):
    threat = Entry(type="THREATEN", mode="retaliation", threat_when_future=True)
    assert not rows._threat(reading(threat, "occurred", [KEN]), coding)
    r = reading(threat, "planned", [KEN])
    assert rows._threat(r, coding) and r.status == "occurred"
