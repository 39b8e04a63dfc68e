"""Arguments with several parties (codebook section 5): one row per actor-recipient pair for lists of
three or more, groups named by role or number ("the three leaders", "our countries"), and the group
the text is about staying put while a subgroup acts. Sentences are written for the tests."""
import datetime as dt

import pytest

from conftest import events_of

PUBLISHED = dt.date(2024, 3, 14)


@pytest.fixture(scope="module")
def run(nlp):
    return lambda text: events_of(nlp, text, PUBLISHED)


def pairs(rows, etype):
    return {(r["actor_code"], r["recipient_code"]) for r in rows if r["event_type"] == etype}


# ------------------------------------------------------------------ lists of three or more

def test_role_nouns_from_a_list_of_states_are_those_states(run, rules_alone):
    rows = run("Navy chiefs from Chile, Peru and Ecuador gathered in Quito on Monday and signed a fisheries pact.")
    assert pairs(rows, "AGREE") == {("CHL", "PER"), ("CHL", "ECU")}


def test_a_group_object_whose_from_phrase_hangs_on_the_verb(run, rules_alone):
    rows = run("Chancellor Olaf Scholz met trade ministers from Kenya, Ghana and Senegal on Tuesday.")
    assert pairs(rows, "CONSULT") == {("DEU", "KEN"), ("DEU", "GHA"), ("DEU", "SEN")}


def test_a_list_of_titled_names_the_parser_broke_gives_a_row_per_name(run, rules_alone):
    rows = run("During the summit, Chancellor Olaf Scholz met on Friday with President William Ruto of Kenya, "
               "Prime Minister Narendra Modi of India, President Lula da Silva of Brazil, and President "
               "Cyril Ramaphosa of South Africa.")
    assert pairs(rows, "CONSULT") == {("DEU", "KEN"), ("DEU", "IND"), ("DEU", "BRA"), ("DEU", "ZAF")}


def test_names_followed_by_a_clause_are_no_closed_list(run, rules_alone):
    rows = run("Chancellor Olaf Scholz met with President William Ruto of Kenya, officials in Berlin said on Friday.")
    assert pairs(rows, "CONSULT") == {("DEU", "KEN")}


def test_a_scene_setting_phrase_before_the_verb_is_not_the_counterpart(run, rules_alone):
    rows = run("On the sidelines of the ASEAN summit, President Joko Widodo met with Prime Minister Anthony Albanese.")
    assert pairs(rows, "CONSULT") == {("IDN", "AUS")}


def test_a_person_is_coded_by_the_state_of_his_of_phrase(run, rules_alone):
    rows = run("The Chancellor of Germany, Olaf Scholz, held talks with President Zandor Quillfeather of Brazil on Monday.")
    assert ("BRA" in {r for _, r in pairs(rows, "CONSULT")})


# ------------------------------------------------------------------ groups named by role or number

def test_the_leaders_after_a_meeting_of_four_are_all_four(run, rules_alone):
    rows = run("President Ruto of Kenya met with the leaders of Uganda, Rwanda and Burundi in Nairobi on Monday. "
               "The leaders strongly condemned the attack on Somalia.")
    assert {a for a, _ in pairs(rows, "ACCUSE")} == {"KEN", "UGA", "RWA", "BDI"}


def test_a_number_picks_the_group_of_that_size(run, rules_alone):
    rows = run("Kenya, Uganda and Tanzania held talks in Kampala on Monday. The three countries agreed to build a railway.")
    assert pairs(rows, "AGREE") == {("KEN", "UGA"), ("KEN", "TZA")}


def test_a_number_no_group_has_stays_one_uncoded_group(run, rules_alone):
    rows = run("Kenya and Uganda held talks in Kampala on Monday. The five countries condemned the attack on Somalia.")
    assert not {a for a, _ in pairs(rows, "ACCUSE")} & {"KEN", "UGA"}


def test_our_three_countries_in_a_joint_text_are_the_signatories(run, rules_alone):
    rows = run("We, the leaders of Chile, Peru and Colombia, met in Lima. "
               "Our three countries strongly condemn Venezuela's repression of protesters.")
    assert {a for a, _ in pairs(rows, "ACCUSE")} == {"CHL", "PER", "COL"}


# ------------------------------------------------------------------ the group the text is about

def test_a_subgroup_acting_does_not_redefine_the_leaders(run, rules_alone):
    rows = run("Kenya, Uganda and Tanzania held talks in Arusha on Monday. "
               "President Ruto and President Museveni praised the host. "
               "The leaders condemned the attack on Somalia.")
    assert {a for a, _ in pairs(rows, "ACCUSE")} == {"KEN", "UGA", "TZA"}


def test_the_first_named_party_stays_the_actor_of_the_group(run, rules_alone):
    rows = run("Chile, Peru and Colombia held talks in Bogota on Monday. "
               "Peru welcomed the proposals of Colombia and Chile. "
               "The leaders agreed to build a road.")
    assert pairs(rows, "AGREE") and {a for a, _ in pairs(rows, "AGREE")} == {"CHL"}


def test_an_outside_partner_of_a_joint_pledge_does_not_join_the_group(run, rules_alone):
    rows = run("Kenya, Uganda and Tanzania held talks in Arusha on Monday. "
               "The leaders pledged to work closely with Ethiopia. "
               "They condemned the attack on Somalia.")
    assert {a for a, _ in pairs(rows, "ACCUSE")} == {"KEN", "UGA", "TZA"}
