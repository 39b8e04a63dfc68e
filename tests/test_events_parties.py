"""Arguments with several parties (codebook section 5): one row per actor-recipient pair for lists of
three or more, groups named by role or number ("the three leaders", "our countries"), and the group
the text is about staying put while a subgroup acts. Sentences are written for the tests."""
import datetime as dt

import pytest

from conftest import events_of, pairs

PUBLISHED = dt.date(2024, 3, 14)


@pytest.fixture(scope="module")
def run(nlp):
    return lambda text: events_of(nlp, text, PUBLISHED)


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


def test_the_group_follows_the_order_the_text_names_its_parties(run, rules_alone):
    # the welcome codes the guest as actor, but the host is named first and acts for the pair
    rows = run("President Ruto welcomed President Museveni of Uganda to Nairobi on Monday. "
               "The two leaders agreed to build a railway.")
    assert pairs(rows, "AGREE") == {("KEN", "UGA")}


def test_the_two_leaders_keep_the_order_the_text_first_named_them_in(run, rules_alone):
    # the deal names Uganda first, but "the two leaders" are the pair the text opened with
    rows = run("President Ruto met President Museveni of Uganda in Kampala on Monday. Uganda and Kenya then "
               "signed a trade deal. The two leaders agreed to build a railway.")
    assert ("KEN", "UGA") in pairs(rows, "AGREE") and ("UGA", "KEN") in pairs(rows, "AGREE")
    agreed = [r for r in rows if r["trigger"] == "agreed"]
    assert [(r["actor_code"], r["recipient_code"]) for r in agreed] == [("KEN", "UGA")]


# ------------------------------------------------------------------ bodies and their members

def test_allies_or_partners_named_by_a_body_are_the_body(run, rules_alone):
    rows = run("NATO allies condemned the attack on Somalia. Chile pledged to work closely with ASEAN partners.")
    assert pairs(rows, "ACCUSE") == {("NATO", "SOM")}
    assert ("CHL", "ASEAN") in pairs(rows, "AGREE")


# ------------------------------------------------------------------ lead-ins naming the subject of their items

LEAD_IN = ("We the leaders of Chile, Peru, Colombia and Ecuador:\n\n"
           "Welcome the decision of Argentina to join the fisheries accord;\n\n"
           "Strongly condemn the attack by Venezuela on the border post; and\n\n"
           "Note the progress of the talks.\n\n")


def test_items_under_a_lead_in_have_its_parties_as_subject(run, rules_alone):
    rows = run(LEAD_IN)
    assert pairs(rows, "SUPPORT") == {(c, "ARG") for c in ("CHL", "PER", "COL", "ECU")}
    assert pairs(rows, "ACCUSE") == {(c, "VEN") for c in ("CHL", "PER", "COL", "ECU")}


def test_the_items_end_with_the_paragraph_that_ends_without_a_semicolon(run, rules_alone):
    rows = run(LEAD_IN + "Condemn the attack by Venezuela on the border post.")
    assert len(pairs(rows, "ACCUSE")) == 4  # the paragraph after the list is no item of it


def test_a_lead_in_that_names_no_subject_gives_its_items_none(run, rules_alone):
    rows = run("The talks covered the following:\n\nWelcome the decision of Argentina to join the fisheries accord;\n\n")
    assert not pairs(rows, "SUPPORT")


FOLLOWING = ("Kenya will host the water summit in Nairobi. President Ruto invited the following leaders to "
             "attend the summit:\n\n{items}\n\nThe summit opens in May.")


@pytest.mark.parametrize("mark", ["", "-   "])
def test_the_following_leaders_are_the_parties_of_the_lines_listed_after_the_colon(run, rules_alone, mark):
    lines = ["President Samia Suluhu Hassan, Tanzania", "President Yoweri Museveni, Uganda",
             "Prime Minister Abiy Ahmed, Ethiopia"]
    rows = run(FOLLOWING.format(items="\n".join(mark + line for line in lines)))
    assert pairs(rows, "REQUEST") == {("KEN", "TZA"), ("KEN", "UGA"), ("KEN", "ETH")}


def test_a_listed_line_opening_with_an_uncoded_name_adds_no_party(run, rules_alone):
    rows = run(FOLLOWING.format(items="President Yoweri Museveni, Uganda\nAcme Water Holdings, Rwanda"))
    assert pairs(rows, "REQUEST") == {("KEN", "UGA")}


# ------------------------------------------------------------------ owners inside the object

def test_an_owner_parsed_as_a_modifier_is_the_target(run, rules_alone):
    rows = run("Chile strongly condemned DPRK’s unprecedented number of missile launches this year.")
    assert pairs(rows, "ACCUSE") == {("CHL", "PRK")}


def test_an_owner_one_of_phrase_down_is_the_recipient(run, rules_alone):
    rows = run("Chile expressed support for the goal of Peru's new fisheries initiative.")
    assert pairs(rows, "SUPPORT") == {("CHL", "PER")}


# ------------------------------------------------------------------ talks among a group, pledges for a third state

def test_states_in_the_topic_of_joint_talks_are_no_counterparts(run, rules_alone):
    rows = run("Chile and Peru met in Lima on Monday. "
               "The leaders also discussed their shared concerns over Bolivia's support to Argentina's navy.")
    assert pairs(rows, "CONSULT") == {("CHL", "PER")}


def test_a_joint_pledge_to_support_a_third_state_is_made_to_it(run, rules_alone):
    rows = run("Japan and Korea committed to defend Taiwan.")
    assert pairs(rows, "AGREE") == {("JPN", "TWN"), ("KOR", "TWN")}


def test_our_three_countries_with_no_group_yet_are_the_three_states_the_text_opens_with(run, rules_alone):
    rows = run("Chile, Peru and Colombia deepen ties\n\nIn March, our three countries held joint naval drills off the coast.")
    assert pairs(rows, "COOPERATE") == {("CHL", "PER"), ("CHL", "COL")}


def test_our_two_countries_is_no_group_when_the_text_names_three_states(run, rules_alone):
    rows = run("Chile, Peru and Colombia deepen ties\n\nIn March, our two countries held joint naval drills off the coast.")
    assert not pairs(rows, "COOPERATE")


def test_a_numbered_plural_of_people_or_acronyms_is_the_group_of_that_size(run, rules_alone):
    rows = run("The National Security Advisors of Chile, Peru and Colombia met on Monday in Lima. "
               "The three NSAs resolved to deepen trilateral cooperation. The three missiles were launched from Bolivia.")
    assert {a for a, _ in pairs(rows, "CONSULT")} | {r for _, r in pairs(rows, "CONSULT")} == {"CHL", "PER", "COL"}
    assert pairs(rows, "AGREE") == {("CHL", "PER"), ("CHL", "COL")}
    assert "BOL" not in {c for row in rows for c in (row["actor_code"], row["recipient_code"])}


def test_the_city_an_accord_is_named_after_is_no_party(run, rules_alone):
    # "the Paris Agreement", "the Minsk agreements": the city names the text, not a counterparty
    assert not pairs(run("Kenya criticised the Minsk agreements."), "ACCUSE") - {("KEN", None)}
    assert ("KEN", "FRA") not in pairs(run("Kenya welcomed the Paris Agreement."), "SUPPORT")
    assert pairs(run("Kenya criticised the Ethiopia plan."), "ACCUSE") == {("KEN", "ETH")}  # a state is a party


def test_a_possessive_inside_its_own_clause_subject_is_read_once(nlp):
    # "its" inside the subject it would stand for: reading the subject read "its" again, without end
    rows = events_of(nlp, "Kenya and its Government welcomed the struggle of the colonial peoples.",
                     dt.date(1960, 9, 23), speaking_state="KEN")
    assert {(r["event_type"], r["actor_code"]) for r in rows} == {("SUPPORT", "KEN")}


JOINT_TEXT = ("We, the leaders of Chile, Peru, and Colombia, convened in Lima to open a new chapter of partnership. "
              "We strongly condemn Bolivia's missile launches. We will hold joint naval drills in June.")


def test_a_joint_texts_we_is_every_state_its_opening_names(run, rules_alone):
    # "We, the leaders of A, B and C": the text's own "we" is all three states, not its first two
    rows = run(JOINT_TEXT)
    assert pairs(rows, "ACCUSE") == {("CHL", "BOL"), ("PER", "BOL"), ("COL", "BOL")}
    assert pairs(rows, "COOPERATE") == {("CHL", "PER"), ("CHL", "COL")}


def test_our_before_the_we_that_names_the_group_is_not_the_group(run, rules_alone):
    # an introduction in the publisher's voice comes before the signatories' "We, the leaders of ..."
    rows = run("As part of our commitment, Kenya condemned Bolivia's missile launches.\n\n" + JOINT_TEXT)
    assert ("CHL", "BOL") in pairs(rows, "ACCUSE")
    assert {a for a, _ in pairs(rows, "ACCUSE")} == {"KEN", "CHL", "PER", "COL"}


def test_a_we_in_quotation_marks_is_not_the_narrators_group(run, rules_alone):
    rows = run(JOINT_TEXT + ' Ecuador said: "We strongly condemn the launches by Bolivia."')
    assert ("ECU", "BOL") in pairs(rows, "ACCUSE")


def test_a_plural_of_a_governments_bodies_is_the_state_they_act_for(run, rules_alone):
    # each name is looked up as "<name> Department" or "Department of <name>" in the dictionaries
    rows = run("The Departments of Treasury, State and Commerce announced new measures to isolate Iran's banks.")
    assert pairs(rows, "SANCTION") == {("USA", "IRN")}


def test_a_plural_of_bodies_with_a_name_no_dictionary_knows_stays_uncoded(run, rules_alone):
    rows = run("The Departments of Treasury and Happiness announced new measures to isolate Iran's banks.")
    assert "USA" not in {a for a, _ in pairs(rows, "SANCTION")}


@pytest.mark.parametrize("text, want", [
    ("Kenya and Ghana held talks on Monday. Both condemned Bolivia's attack on Peru.", {("KEN", "BOL"), ("GHA", "BOL")}),
    ("Kenya and Ghana held talks on Monday. Both of them condemned Bolivia's attack on Peru.",
     {("KEN", "BOL"), ("GHA", "BOL")}),
    # after three parties "both" names no pair
    ("Kenya, Ghana and Chad held talks on Monday. Both condemned Bolivia's attack on Peru.", set()),
])
def test_both_as_a_subject_is_the_pair_just_named(run, rules_alone, text, want):
    assert pairs(run(text), "ACCUSE") == want


def test_their_deep_in_the_object_is_the_clauses_coordinated_subject(run, rules_alone):
    # "their" four phrases down from its verb still belongs to the verb's subject, not to the pair
    # the text named before
    rows = run("Chile and Peru held talks in Lima on Monday. Argentina and Brazil have reached an agreement "
               "in principle on the partial reduction of their strategic weapons.")
    assert pairs(rows, "AGREE") == {("ARG", "BRA")}


def test_their_under_a_named_subject_that_gives_no_pair_is_not_the_earlier_pair(run, rules_alone):
    rows = run("Chile and Peru held talks in Lima on Monday. Recently, the north and south of Sudan held "
               "the first meeting between their premiers.")
    assert not {("SDN", "CHL"), ("SDN", "PER")} & pairs(rows, "CONSULT")


def test_their_under_an_unnamed_plural_subject_is_the_pair_the_text_is_about(run, rules_alone):
    rows = run("Kenya and Uganda met in Nairobi on Monday. The officials signed their first trade pact.")
    assert pairs(rows, "AGREE") == {("KEN", "UGA")}


@pytest.mark.parametrize("text, etype, pairs_", [
    ("Norway voiced concern over the growing military cooperation between Belarus and Iran.", "ACCUSE",
     {("NOR", "BLR"), ("NOR", "IRN")}),
    ("Chile welcomed the new trade accord between Peru and Ecuador.", "SUPPORT", {("CHL", "PER"), ("CHL", "ECU")}),
])
def test_a_stance_on_a_dealing_between_two_parties_is_towards_both(run, rules_alone, text, etype, pairs_):
    assert pairs(run(text), etype) == pairs_


# ------------------------------------------------------------------ talks among the parties

@pytest.mark.parametrize("text", [
    "Brazil and Chile discussed Venezuela.",
    "Brazil and Chile discussed regional issues with respect to Venezuela.",
    "Brazil and Chile reviewed the situation with regard to Venezuela and discussed it at length.",
])
def test_what_two_parties_discuss_is_a_topic_not_a_counterpart(run, rules_alone, text):
    assert pairs(run(text), "CONSULT") == {("BRA", "CHL")}


def test_talks_held_with_a_party_are_with_it_whatever_their_topic(run, rules_alone):
    assert pairs(run("Brazil discussed Venezuela with Chile."), "CONSULT") == {("BRA", "CHL")}


def test_a_topic_after_with_respect_to_is_no_counterpart_of_one_party_either(run, rules_alone):
    assert ("BRA", "VEN") not in pairs(run("Brazil discussed trade with respect to Venezuela."), "CONSULT")


def _rows(rows) -> set[tuple]:
    return {(r["event_type"], r["actor_code"], r["recipient_code"], r["status"]) for r in rows}


@pytest.mark.parametrize("text, expected", [
    # a meeting's proper name held is the meeting, its own name no party to it; the host's city names the host
    ("Chile and Peru plan to hold their first bilateral Cyber-Digital Dialogue in Lima.",
     {("CONSULT", "CHL", "PER", "planned")}),
    # "their" on the object is the verb's subject, not the pair the text spoke of before
    ("Japan and Korea met on Monday. Chile and Peru plan to hold their first bilateral dialogue in July.",
     {("CONSULT", "JPN", "KOR", "occurred"), ("CONSULT", "CHL", "PER", "planned")}),
    # a meeting's name as the subject of a reporting verb is no meeting held
    ("The Shangri-La Dialogue said Chile would send a delegation.", set()),
    # "his" is no state's: the request stays the one who wanted the weapons'
    ("Putin wants weapons from Chile, though there is no evidence Santiago has granted his request.", set()),
])
def test_a_meeting_named_and_held_and_the_possessive_on_an_object(run, text, expected):
    assert _rows(run(text)) == expected


# ------------------------------------------------------------------ co-actors

def test_a_together_with_phrase_names_a_co_actor_not_the_target(run, rules_alone):
    rows = run("Chile imposed sanctions on Bolivia together with the European Union.")
    assert pairs(rows, "SANCTION") == {("CHL", "BOL"), ("EU", "BOL")}
    assert not pairs(run("Chile imposed sanctions together with the European Union."), "SANCTION")


def test_together_with_names_the_partner_of_a_meeting(run, rules_alone):
    assert pairs(run("Chile will work together with Peru to build ports."), "AGREE") == {("CHL", "PER")}


def test_people_who_joined_a_leader_met_that_leader(run, rules_alone):
    rows = run("Chile's president was joined by leaders from Peru, Ecuador and Bolivia.")
    assert pairs(rows, "CONSULT") == {("PER", "CHL"), ("ECU", "CHL"), ("BOL", "CHL")}
    assert not pairs(run("Finland was joined by Sweden in the alliance."), "CONSULT")


def test_leaders_who_joined_another_on_a_call_met_that_leader(run, rules_alone):
    assert pairs(run("Boric and Petro joined Lula on the call."), "CONSULT") == {("CHL", "BRA"), ("COL", "BRA")}
    rows = run("Joining President Lula on the call were President Boric of Chile, President Petro of Colombia, "
               "Prime Minister Sanchez of Spain, and President Milei of Argentina.")
    assert pairs(rows, "CONSULT") == {("CHL", "BRA"), ("COL", "BRA"), ("ESP", "BRA"), ("ARG", "BRA")}


@pytest.mark.parametrize("text", ["Chile calls on all UN Member States to implement the resolutions.",
                                  "Chile called on UN member states to act.", "Chile urged EU member countries to act."])
def test_the_member_states_of_a_body_are_a_group_not_the_body(run, text):
    rows = run(text)
    assert rows and not any(r["recipient_code"] in ("UN", "EU") for r in rows)


def test_the_body_itself_is_still_the_body(run, rules_alone):
    assert pairs(run("Chile called on the United Nations to act."), "REQUEST") == {("CHL", "UN")}


@pytest.mark.parametrize("text, etype, pair", [
    ("Chad was accused by UN experts of arming the rebels.", "ACCUSE", ("UN", "TCD")),
    ("AU peacekeepers withdrew from Somalia in December.", "RETREAT", ("AU", "SOM")),
])
def test_experts_and_peacekeepers_of_a_body_act_for_it(run, rules_alone, text, etype, pair):
    assert pair in pairs(run(text), etype)


def test_experts_named_by_a_state_are_not_that_state(run, rules_alone):
    assert not any(r["actor_code"] == "KEN" for r in run("Kenyan experts criticised the budget on Monday."))


def test_goods_named_by_a_state_across_another_modifier_are_that_state_s(run, rules_alone):
    # the parser makes "U.S." an nmod when an adjective stands between it and the goods
    assert pairs(run("Chile has banned imports of U.S. live poultry since 2021."), "SANCTION") == {("CHL", "USA")}


# ------------------------------------------------------------------ a participle's noun underwent the act

@pytest.mark.parametrize("text, etype, pair", [
    # the noun a past participle describes is its recipient; its "by" names the doer, else the
    # authorities of the place it happened in act
    ("Two Estonian journalists detained in Belarus were freed on Friday.", "COERCE", ("BLR", "EST")),
    ("Chilean fishermen arrested by Argentine coast guards appeared in court.", "COERCE", ("ARG", "CHL")),
    ("Kenyan herders abducted by Ethiopian soldiers returned home.", "ASSAULT", ("ETH", "KEN")),
])
def test_the_noun_a_participle_describes_underwent_the_act(run, rules_alone, text, etype, pair):
    assert pair in pairs(run(text), etype)


@pytest.mark.parametrize("text, etype, pair", [
    # the parser reads a main verb as a participle: with an object, or an infinitive, it is active
    ("Suspected bandits abducted at least 30 Malian villagers from a market on Thursday.", "ASSAULT", (None, "MLI")),
    ("Zambia's main mining unions threatened on Monday to begin a strike next month if talks failed, the federation said.",
     "THREATEN", ("ZMB", None)),
])
def test_a_misread_main_verb_keeps_its_subject(run, rules_alone, text, etype, pair):
    assert pair in pairs(run(text), etype)


# ------------------------------------------------------------------ people who speak for an organisation

def test_leaders_of_a_named_organisation_stand_for_it(run, rules_alone):
    rows = run("Leaders of the farmers' federation FENAGRI met President Daniel Noboa in Quito on Tuesday.")
    found = [(r["actor"], r["actor_code"], r["recipient_code"]) for r in rows if r["event_type"] == "CONSULT"]
    assert found == [("FENAGRI", None, "ECU")]


def test_one_titled_official_of_a_party_is_the_person_named(run, rules_alone):
    rows = run("On July 22, Chairman of the General Council of the National Renewal Party of Chile Pablo Rivas "
               "met Foreign Minister Ana Ortiz of Peru in Lima.")
    assert ("CHL", "PER") in pairs(rows, "CONSULT")


def test_people_who_speak_for_parties_name_them_with_for(run, rules_alone):
    rows = run("Negotiators for the Colombian government and Venezuela agreed on a border framework in Caracas on Friday.")
    assert pairs(rows, "AGREE") == {("COL", "VEN")}


# ------------------------------------------------------------------ one state's organs and people

@pytest.mark.parametrize("text, etype, pair", [
    ("Argentina's Supreme Court on Tuesday rejected an appeal by former Argentine president Carlos Ruiz.",
     "REJECT", ("ARG", "ARG")),
    ("Chilean police on Monday arrested former Chilean interior minister Andres Molina in Santiago.",
     "COERCE", ("CHL", "CHL")),
])
def test_a_state_s_organ_acting_on_its_own_person_is_a_pair(run, rules_alone, text, etype, pair):
    assert pairs(run(text), etype) == {pair}


def test_a_state_is_not_the_one_its_own_minister_acts_on(run, rules_alone):
    rows = run("Japan's Foreign Minister Hiroshi Tanaka called for the early release of the Japanese nationals "
               "detained in China.")
    assert ("JPN", "JPN") not in pairs(rows, "REQUEST")


def test_a_meeting_of_one_state_s_own_officials_is_no_event(run, rules_alone):
    rows = run("Japanese Prime Minister Fumio Kishida met Japanese Foreign Minister Yoko Kamikawa on Monday.")
    assert pairs(rows, "CONSULT") == set()
