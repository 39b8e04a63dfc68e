"""The sides named on an event noun (pipeline/extract/events/noun_args.py) when the parser hangs its
"by" phrase on the noun's object. The sentences are written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import events_of

PUBLISHED = dt.date(2023, 8, 2)


@pytest.fixture(scope="module")
def run(nlp):
    return lambda text: events_of(nlp, text, PUBLISHED)


@pytest.mark.parametrize("text, etype, actor", [
    ("The storming of the rebel stronghold of Misrata by Libyan troops and foreign mercenaries ended a long siege.",
     "ASSAULT", "LBY"),
    ("The seizure of the disputed island of Abu Musa by Iranian marines and naval commandos ended decades of "
     "joint control.", "COERCE", "IRN"),
])
def test_a_by_phrase_hung_on_the_object_of_an_event_noun_names_its_doer(run, text, etype, actor):
    rows = [r for r in run(text) if r["event_type"] == etype]
    assert [r["actor_code"] for r in rows] == [actor]
    assert rows[0]["recipient_code"] != actor  # the doer is not also the side acted on


def test_a_by_phrase_on_an_act_named_as_the_object_stays_with_that_act(run):
    rows = run("The condemnation of the attack by Iran came quickly.")
    assert {(r["event_type"], r["actor_code"]) for r in rows} == {("ASSAULT", "IRN")}


@pytest.mark.parametrize("text, row", [
    # what comes from a party is its act: the "from" phrase of an event noun names the doer
    ("A plea from Chad to the African Union reached the bloc on Monday.", ("REQUEST", "TCD", "AU")),
    ("The deportation of Ukrainians from Hungary drew protests.", ("COERCE", "HUN", "UKR")),
])
def test_a_from_phrase_on_an_event_noun_names_its_doer(run, text, row):
    assert row in {(r["event_type"], r["actor_code"], r["recipient_code"]) for r in run(text)}


def test_the_from_phrase_of_a_withdrawal_is_the_place_left(run):
    rows = [r for r in run("The withdrawal of French troops from Chad was completed in January.")
            if r["event_type"] == "RETREAT"]
    assert rows and all(r["recipient_code"] == "TCD" and r["actor_code"] != "TCD" for r in rows)


@pytest.mark.parametrize("text, row", [
    ("Ministers discussed the troop deployment by Chad in northern Mali.", ("MOBILIZE", "Chad", "TCD")),
    ("Observers welcomed the troop withdrawal by Burundi from Somalia last year.", ("RETREAT", "Burundi", "BDI")),
])
def test_the_forces_named_on_a_deployment_or_withdrawal_are_what_moves_not_who_moves_them(run, text, row):
    etype, actor, code = row
    rows = [r for r in run(text) if r["event_type"] == etype]
    assert [(r["actor"], r["actor_code"]) for r in rows] == [(actor, code)]


@pytest.mark.parametrize("text, pair", [
    ("Canada's shipment of 12,000 tonnes of flour to Haiti reached Port-au-Prince on Friday.", ("CAN", "HTI")),
    ("Egypt's shipment of two planeloads of medicine to Sudan landed in Port Sudan.", ("EGY", "SDN")),
])
def test_what_a_quantity_counts_is_what_an_aid_shipment_carries(run, text, pair):
    rows = [r for r in run(text) if r["event_type"] == "AID"]
    assert [(r["actor_code"], r["recipient_code"]) for r in rows] == [pair]


def test_a_shipment_of_goods_that_are_no_aid_stays_trade(run):
    assert not [r for r in run("Peru's shipment of 300 tonnes of copper to Chile was delayed.") if r["event_type"] == "AID"]

@pytest.mark.parametrize("text, etype", [
    ("Estonia set up a joint unit with Latvia on cyber threats.", "THREATEN"),
    ("Chile signed a pact with Peru on cross-border attacks.", "ASSAULT"),
])
def test_an_event_noun_naming_the_topic_of_the_verbs_object_is_no_act(run, rules_alone, text, etype):
    assert not [r for r in run(text) if r["event_type"] == etype]


@pytest.mark.parametrize("text, etype, pair", [
    ("Ghana and Togo agreed on a ceasefire.", "AGREE", ("GHA", "TGO")),
])
def test_an_event_noun_after_on_with_no_object_between_is_what_the_verb_does(run, rules_alone, text, etype, pair):
    assert (etype, pair) in {(r["event_type"], (r["actor_code"], r["recipient_code"])) for r in run(text)}
