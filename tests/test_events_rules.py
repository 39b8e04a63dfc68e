"""Each rule family of the event coder on whole sentences (parsed by spaCy, entities resolved):
status, triggers and deferral, arguments, the steps of `rows_for`, the document memory, headlines
and itemised lists. Sentences are written for the tests."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_of

PUBLISHED = dt.date(2022, 9, 14)
MONDAY = "2022-09-12"


@pytest.fixture(scope="module")
def run(nlp):
    return lambda text: events_of(nlp, text, PUBLISHED)


def pairs_of(rows) -> set[tuple]:
    return {(r["actor_code"], r["recipient_code"]) for r in rows}


def coded(rows) -> set[tuple]:
    return {(r["event_type"], r["event_mode"], r["actor_code"], r["recipient_code"], r["status"]) for r in rows}


# ------------------------------------------------------------ status (status.py)

def test_an_act_reported_in_the_past_occurred(run):
    rows = run("Kenya and Uganda signed a trade agreement in Nairobi on Monday.")
    assert coded(rows) == {("AGREE", "agreement", "KEN", "UGA", "occurred")}
    assert str(rows[0]["event_date"]) == MONDAY


def test_negated_and_conditional_statements_code_no_event(run):
    assert run("Kenya did not sign the trade agreement with Uganda on Monday.") == []
    assert run("If Uganda agrees, Kenya would sign a trade agreement with Uganda.") == []


def test_a_wish_with_no_planned_reading_codes_nothing(run):
    assert run("Kenya wants to sign a trade agreement with Uganda.") == []


def test_a_future_act_is_planned(run):
    assert coded(run("Kenya will sign a trade agreement with Uganda next week.")) == \
        {("AGREE", "agreement", "KEN", "UGA", "planned")}


# ------------------------------------------------------------ triggers and deferral (triggers.py)

def test_an_agreement_to_act_yields_to_the_act_agreed(run):
    assert coded(run("Kenya agreed to hold talks with Uganda on Monday.")) == \
        {("CONSULT", "meeting", "KEN", "UGA", "planned")}


def test_a_reported_demand_is_a_request_of_the_party_asked(run):
    rows = run("The Kenyan foreign minister said Uganda should withdraw its troops from the border.")
    assert coded(rows) == {("REQUEST", "appeal", "KEN", "UGA", "occurred")}


def test_a_generic_verb_is_a_joint_promise_of_two_parties(run):
    assert coded(run("Kenya and Uganda will strengthen cooperation on border security.")) == \
        {("AGREE", "promise", "KEN", "UGA", "occurred")}


def test_an_event_noun_under_a_coded_verb_is_no_second_event(run):
    # "condemned the invasion": the condemnation is the event
    assert coded(run("The invasion of Uganda was condemned by Tanzania.")) == \
        {("ACCUSE", "disapprove", "TZA", "UGA", "occurred")}


def test_a_named_partys_deed_under_a_coded_verb_is_its_own_event(run):
    # codebook section 5: the first mention of the deed is coded; a later one only refers back
    assert coded(run("Kenya's invasion of Uganda was condemned by Tanzania.")) == \
        {("ACCUSE", "disapprove", "TZA", "KEN", "occurred"), ("ASSAULT", "invasion", "KEN", "UGA", "occurred")}
    rows = run("Kenya's invasion of Uganda began in May. Tanzania condemned Kenya's invasion of Uganda.")
    assert [r["event_type"] for r in rows].count("ASSAULT") == 1


def test_a_deed_whose_doer_is_named_after_it_is_its_own_event(run, rules_alone):
    rows = run("Kenya condemned the recent missile launches by Iran.")
    assert ("MOBILIZE", "missile_launch", "IRN", None, "occurred") in coded(rows)


def test_a_past_date_under_a_present_perfect_dates_the_deed(nlp):
    # "have rejected ... last month": a present perfect takes no past date, so the annexation does
    rows = events_of(nlp, "Tanzania and Malawi have rejected Kenya's annexation of Ugandan islands last month.",
                     PUBLISHED)
    assert [(r["event_type"], str(r["event_date"])) for r in rows if r["event_type"] == "ASSAULT"] == \
        [("ASSAULT", "2022-08-01")]


def test_a_rejected_deed_still_happened_and_keeps_no_date_of_the_rejection(run):
    rows = run("Tanzania on Monday rejected Kenya's annexation of Ugandan islands.")
    assert coded(rows) == {("ACCUSE", "disapprove", "TZA", "KEN", "occurred"),
                           ("ASSAULT", "annexation", "KEN", "UGA", "occurred")}
    dates = {r["event_type"]: r["event_date"] for r in rows}
    assert str(dates["ACCUSE"]) == MONDAY and dates["ASSAULT"] is None


# ------------------------------------------------------------ desire and threat steps (rows.py)

def test_a_stated_joint_resolve_is_a_promise(run):
    assert coded(run("Kenya and Uganda shared a determination to conclude a free trade agreement.")) == \
        {("AGREE", "promise", "KEN", "UGA", "occurred")}
    assert coded(run("Kenya and Uganda expressed their desire to sign a free trade agreement.")) == \
        {("AGREE", "promise", "KEN", "UGA", "occurred")}


def test_a_menacing_reply_is_a_threat_made_now(run):
    assert coded(run("Kenya will respond accordingly if Uganda moves troops to the border.")) == \
        {("THREATEN", "retaliation", "KEN", "UGA", "occurred")}


# ------------------------------------------------------------ type and mode step (rows.py)

def test_firing_at_a_coded_party_is_an_attack(run):
    assert coded(run("Kenya fired missiles at Uganda on Monday.")) == {("ASSAULT", "attack", "KEN", "UGA", "occurred")}


def test_an_exercise_with_a_partner_is_cooperation(run):
    assert coded(run("Kenya held a naval exercise with Uganda on Monday.")) == \
        {("COOPERATE", "joint_exercise", "KEN", "UGA", "occurred")}


def test_announced_aid_is_planned_and_its_mode_read_from_its_words(run):
    assert coded(run("Kenya announced humanitarian aid to Uganda on Monday.")) == \
        {("AID", "humanitarian", "KEN", "UGA", "planned")}


# ------------------------------------------------------------ date step (rows.py, when.py)

def test_a_date_after_publication_makes_an_event_planned(run):
    rows = run("Kenya will visit Uganda on October 3.")
    assert coded(rows) == {("CONSULT", "visit", "KEN", "UGA", "planned")}
    assert str(rows[0]["event_date"]) == "2022-10-03"


def test_a_habit_in_the_present_tense_is_no_event(run):
    assert run("Kenya expands relations with its neighbours.") == []


# ------------------------------------------------------------ place step: the host is the recipient

def test_the_party_whose_country_holds_the_meeting_hosts(run):
    assert coded(run("Kenya held talks with Uganda in Kampala on Monday.")) == \
        {("CONSULT", "meeting", "KEN", "UGA", "occurred")}
    assert coded(run("Kenya and Uganda held talks in Nairobi on Monday.")) == \
        {("CONSULT", "meeting", "UGA", "KEN", "occurred")}


def test_a_meeting_place_hung_on_the_partner_or_named_as_a_seat_gives_the_host(run):
    # "talks with X in Y": the parser hangs the place on the partner
    assert pairs_of(run("Foreign Minister Wang Yi will hold talks with Foreign Minister Penny Wong in Chengdu "
                        "on Friday.")) == {("AUS", "CHN")}
    assert pairs_of(run("A tense Kremlin meeting between Vladimir Putin and Kassym-Jomart Tokayev ended early.")) \
        == {("KAZ", "RUS")}
    # a state named on the meeting noun is a party, not its place
    assert pairs_of(run("A Kenya-Uganda meeting was held in March.")) == {("KEN", "UGA")}


@pytest.mark.parametrize("place", ["in Naivasha, Kenya", "at Camp David"])
def test_a_town_placed_by_its_region_or_a_leaders_retreat_gives_the_host(run, place):
    host = "KEN" if "Kenya" in place else "USA"
    guest = "UGA" if host == "KEN" else "JPN"
    leader = {"KEN": "President William Ruto", "USA": "President Joe Biden"}[host]
    other = {"UGA": "President Yoweri Museveni of Uganda", "JPN": "Prime Minister Fumio Kishida of Japan"}[guest]
    assert pairs_of(run(f"{leader} met with {other} {place} on Monday.")) == {(guest, host)}


# ------------------------------------------------------------ arguments (arguments.py, verb_args.py, noun_args.py)

def test_a_broker_and_the_parties_between_whom_it_brokered(run):
    assert coded(run("China brokered a deal between Kenya and Uganda on Monday.")) == {
        ("AGREE", "agreement", "CHN", "KEN", "occurred"), ("AGREE", "agreement", "CHN", "UGA", "occurred"),
        ("AGREE", "agreement", "KEN", "UGA", "occurred")}


def test_a_host_receives_its_guest_who_is_the_actor(run):
    assert coded(run("Kenya hosted Uganda's president on Monday.")) == {("CONSULT", "visit", "UGA", "KEN", "occurred")}
    assert coded(run("Kenya welcomed President Museveni of Uganda to Nairobi on Monday.")) == \
        {("CONSULT", "visit", "UGA", "KEN", "occurred")}


# ------------------------------------------------------------ document memory (memory.py)

def test_the_talks_named_again_refer_back(run):
    rows = run("Kenya and Uganda held talks in Nairobi on Monday. The talks focused on trade.")
    assert len(rows) == 1 and rows[0]["event_type"] == "CONSULT"


def test_one_party_of_the_pair_acting_alone_acts_toward_the_other(run):
    rows = run("Kenya and Uganda held talks in Nairobi on Monday. Later, Kenya proposed a new railway project.")
    assert ("AGREE", "offer", "KEN", "UGA", "occurred") in coded(rows)


# ------------------------------------------------------------ headlines and lists

def test_a_title_case_headline_is_read_from_the_text(run):
    rows = run("Kenya and Uganda Sign Trade Deal\n\nKenya and Uganda agreed on Monday to lower tariffs.")
    headline = [r for r in rows if r["trigger"] == "Sign"]
    assert len(headline) == 1 and headline[0]["sentence"] == "Kenya and Uganda Sign Trade Deal"
    assert coded(headline) == {("AGREE", "agreement", "KEN", "UGA", "occurred")}


def test_items_under_a_lead_in_are_the_lead_ins_commitments(run):
    rows = run("The United States and Japan will:\n\n- Advance secure 5G networks in the region.\n"
               "- Support developing countries to deploy renewable energy.")
    assert coded(rows) == {("AGREE", "promise", "USA", "JPN", "occurred"),
                           ("AID", "material", "USA", None, "planned"), ("AID", "material", "JPN", None, "planned")}


def test_a_sentences_main_event_comes_first(nlp):
    rows = events_of(nlp, "Kenya's invasion of Uganda was condemned by Tanzania on Monday.", PUBLISHED)
    assert [r["event_type"] for r in rows] == ["ACCUSE", "ASSAULT"]  # the condemnation is what the sentence says


def test_an_as_clause_shares_the_main_clauses_time_and_subject(nlp):
    rows = events_of(nlp, "Kenya on Monday announced new aid for Uganda as it signed a trade deal with Tanzania.",
                     PUBLISHED)
    signed = [(r["actor_code"], r["recipient_code"], str(r["event_date"])) for r in rows if r["event_type"] == "AGREE"]
    assert signed == [("KEN", "TZA", MONDAY)]  # "it" is Kenya, not the Uganda named just before


# ------------------------------------------------------------ an attack's target named elsewhere (targets.py)

def test_an_attack_with_no_target_takes_the_one_target_the_document_names_for_its_doer(run, rules_alone):
    rows = run("Eritrea launched its full-scale invasion in May 1998. Since then Eritrea's invasion of Ethiopia "
               "has killed thousands.")
    assert pairs_of([r for r in rows if r["event_type"] == "ASSAULT"]) == {("ERI", "ETH")}


def test_a_doer_with_two_targets_leaves_the_untargeted_attack_open(run, rules_alone):
    rows = run("Eritrea launched its full-scale invasion in May 1998. Eritrea's invasion of Ethiopia and "
               "Eritrea's attack on Djibouti killed thousands.")
    assert ("ERI", None) in pairs_of([r for r in rows if r["event_type"] == "ASSAULT"])


def test_fill_attack_targets_keeps_an_uncoded_targets_words_and_leaves_other_types():
    from pipeline.extract.events.targets import fill_attack_targets

    def row(etype, actor, recipient, code, entity=None):
        return {"event_type": etype, "actor_code": actor, "recipient": recipient, "recipient_code": code,
                "recipient_entity_id": entity}

    rows = fill_attack_targets([row("ASSAULT", "ERI", "Ethiopia", "ETH", "eth"), row("ASSAULT", "ERI", "civilians", None),
                                row("ACCUSE", "ERI", None, None), row("ASSAULT", "ERI", "Afar Front", None, "afar")])
    assert [(r["recipient"], r["recipient_code"]) for r in rows[1:]] == [
        ("civilians", "ETH"), (None, None), ("Afar Front", None)]
