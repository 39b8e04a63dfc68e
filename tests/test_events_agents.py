"""Agent nouns as parties (pipeline/extract/events/agents.py), the recipients of attacks and
threats, and the wire-report triggers of force, repression, protest and deployment. The sentences
are written for these tests."""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from tests.conftest import events_of

PUBLISHED = dt.date(2022, 9, 14)
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_actor_dictionary.py"


@pytest.fixture(scope="module")
def run(nlp):
    return lambda text: events_of(nlp, text, PUBLISHED)


def typed(rows) -> set[tuple]:
    return {(r["event_type"], r["actor_code"], r["recipient_code"]) for r in rows}


# ------------------------------------------------------------ the agent dictionary

def test_a_noun_with_no_plural_of_its_own_is_kept_by_the_converter(tmp_path):
    spec = importlib.util.spec_from_file_location("build_actor_dictionary", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    agents = tmp_path / "agents.txt"
    agents.write_text("POLICE {} [~COP]\nRIOT_POLICE {} [~COP]\nPROTESTER [~OPP]\n", encoding="utf-8")
    rows = {r["noun"]: r for r in module.agent_rows(agents)}
    assert set(rows) == {"police", "riot police", "protester"}
    assert rows["police"]["acts_for_state"] == "yes" and rows["protester"]["acts_for_state"] == "no"


def test_the_longest_agent_phrase_wins(nlp):
    from pipeline.extract.events.agents import agent_of

    doc = nlp("Riot police dispersed the crowd.")
    assert agent_of(doc[1]).noun == "riot police"


def test_a_plural_agent_the_tagger_took_for_a_verb_is_still_an_agent(nlp):
    # the small tagger sometimes reads "guerrillas" after "by the ELN" as a verb (VBZ); in a noun's
    # slot it is the noun. The parse is built by hand so the test does not hang on the tagger.
    from spacy.tokens import Doc

    from pipeline.extract.events.agents import agent_of

    words = ["A", "truce", "was", "declared", "by", "the", "ELN", "guerrillas", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 3, 3, 3, 3, 7, 7, 4, 3],
              deps=["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "compound", "pobj", "punct"],
              tags=["DT", "NN", "VBD", "VBN", "IN", "DT", "NNP", "VBZ", "."],
              pos=["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "PROPN", "VERB", "PUNCT"],
              lemmas=["a", "truce", "be", "declare", "by", "the", "ELN", "guerrilla", "."])
    assert agent_of(doc[7]) is not None
    assert agent_of(doc[3]) is None  # the verb itself names no agent


@pytest.mark.parametrize("text, etype", [
    ("Dock unions demanded higher pay from the Kenyan government.", "REQUEST"),
    ("The opposition staged a rally in Harare on Saturday.", "PROTEST"),
])
def test_the_projects_own_agents_act_where_phoenix_has_no_noun(run, text, etype):
    assert [r["event_type"] for r in run(text)] == [etype]


@pytest.mark.parametrize("row", [
    "union,LAB,no,no,",                    # no reason
    "union,XYZZY,no,no,a reason",          # a role code Phoenix never uses
    "police,COP,yes,no,a reason",          # a noun Phoenix has: an addition never overrides it
])
def test_an_added_agent_needs_a_reason_a_phoenix_role_and_a_new_noun(tmp_path, row):
    from pipeline.extract.entities.dictionary import ADDED_AGENT_COLUMNS, Agent, DictionaryError, read_added_agents

    path = tmp_path / "agents_added.csv"
    path.write_text(",".join(ADDED_AGENT_COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DictionaryError):
        read_added_agents(path, [Agent("police", "COP", True, False), Agent("labor union", "LAB", False, False)])


# ------------------------------------------------------------ agents acting for a state

def test_police_take_the_state_named_on_them(run):
    assert ("COERCE", "KEN", None) in typed(run("Kenyan police arrested dozens of opposition supporters on Monday."))


def test_police_take_the_state_where_they_act(run):
    assert ("COERCE", "KEN", None) in typed(run("Police in Nairobi arrested dozens of opposition supporters on Monday."))


@pytest.mark.parametrize("text, code", [
    ("Security forces detained dozens of opposition activists across Zimbabwe over the weekend.", "ZWE"),
    ("Soldiers arrested hundreds of suspected smugglers throughout Niger last month.", "NER"),
])
def test_agents_take_the_state_over_whose_ground_they_act(run, text, code):
    assert {r["actor_code"] for r in run(text) if r["event_type"] == "COERCE"} == {code}


def test_a_nationality_on_a_weapon_names_the_attacker_and_the_place_the_target(run):
    assert typed(run("Kenyan missiles struck buildings in Kampala on Monday.")) == {("ASSAULT", "KEN", "UGA")}


def test_an_attack_at_home_has_no_state_target(run):
    rows = run("Kenyan troops killed ten militants in Mombasa on Monday.")
    assert {(r["event_type"], r["actor_code"], r["recipient_code"]) for r in rows} == {("ASSAULT", "KEN", None)}
    assert rows[0]["recipient"] == "ten militants"


# ------------------------------------------------------------ agents with no state behind them

def test_protesters_are_a_party_with_no_code(run):
    rows = run("Thousands of protesters marched through Nairobi on Monday against the tax bill.")
    assert [(r["event_type"], r["actor"], r["actor_code"]) for r in rows] == \
        [("PROTEST", "Thousands of protesters", None)]


def test_an_uncoded_agent_takes_no_part_in_aid(run):
    assert not run("Farmers provided food to villagers on Monday.")


def test_a_state_inside_an_agent_phrase_stays_the_recipient(run):
    assert typed(run("Kenya accepted refugees from Somalia.")) == {("AID", "KEN", "SOM")}


def test_a_titled_role_is_left_to_the_entities_layer(run):
    rows = run("Russia has deepened its contacts in Asia, as shown by the visits of the country's "
               "Foreign Minister Sergey Lavrov to Laos and Vietnam in July.")
    assert typed(rows) == {("CONSULT", "RUS", "LAO"), ("CONSULT", "RUS", "VNM")}


# ------------------------------------------------------------ recipients inside a clause

def test_a_warning_names_its_target_inside_what_it_warns_of(run):
    rows = run("Kenya warned on Monday that it would close its border with Uganda if the raids continued.")
    assert ("THREATEN", "KEN", "UGA") in typed(rows)


def test_coordinated_objects_all_count_for_an_object_condition(run):
    assert ("MOBILIZE", "KEN", None) in typed(run("Kenya moved armoured vehicles and troops to the border on Monday."))


def test_a_deal_struck_is_an_agreement_not_an_attack(run):
    assert {r["event_type"] for r in run("Kenya and Uganda struck a deal on fishing rights on Monday.")} == {"AGREE"}


# ------------------------------------------------------------ organisations, readiness, disarmament

def test_a_named_armed_group_is_a_political_actor_in_an_attack(run):
    rows = run("The Lord's Resistance Army attacked a village in northern Uganda on Monday.")
    assert [(r["event_type"], r["recipient_code"]) for r in rows] == [("ASSAULT", "UGA")]


def test_a_company_withdrawing_from_a_venture_is_no_event(run):
    assert not run("Safaricom is withdrawing from a joint venture with a Ugandan bank.")


def test_forces_put_on_alert_are_a_military_move(run):
    assert typed(run("Kenya put its armed forces on alert on Monday.")) == {("MOBILIZE", "KEN", None)}


def test_fighters_laying_down_their_weapons_is_a_retreat(run):
    assert {r["event_type"] for r in run("Kenyan rebels laid down their weapons on Monday.")} == {"RETREAT"}


def test_deploying_technology_is_no_military_move(run):
    assert not [r for r in run("Kenya will deploy renewable energy in rural areas.") if r["event_type"] == "MOBILIZE"]


def test_a_joint_patrol_of_two_states_is_cooperation(run):
    rows = run("Kenya and Uganda conducted a joint naval patrol on Lake Victoria on Monday.")
    assert ("COOPERATE", "KEN", "UGA") in typed(rows)


def test_soldiers_are_an_agent_though_a_soldier_names_one_person(nlp):
    rows = events_of(nlp, "Soldiers opened fire on protesters in Harare on Monday.", dt.date(2024, 6, 1))
    assert ("ASSAULT", "ZWE") in {(r["event_type"], r["actor_code"]) for r in rows}


def test_an_agent_takes_the_state_of_the_place_its_target_is_in(nlp):
    rows = events_of(nlp, "Security forces fired tear gas at protesters in Lusaka.", dt.date(2024, 6, 1))
    assert ("ASSAULT", "ZMB") in {(r["event_type"], r["actor_code"]) for r in rows}


# ------------------------------------------------------------ crowds and stateless peoples

def test_a_crowd_that_protests_with_no_addressee_demonstrates(run):
    assert ("PROTEST", None, None) in typed(run("Hundreds of farmers protested outside the parliament on Monday."))
    assert ("PROTEST", None, None) in typed(run("Students protested in the capital against the new fees."))


def test_a_state_that_protests_to_another_complains(run):
    rows = typed(run("Vietnam protested to China over the new fishing ban."))
    assert ("ACCUSE", "VNM", "CHN") in rows and not [r for r in rows if r[0] == "PROTEST"]


def test_a_people_with_no_state_acts_in_force_and_repression(run):
    assert ("COERCE", None, None) in typed(run("Tuareg fighters seized a supply convoy in the desert."))
    assert not typed(run("Tuareg herders welcomed the new water project."))  # no political act


def test_strikes_that_forces_carry_out_are_attacks_on_the_place_they_hit(run):
    assert ("ASSAULT", "FRA", "MLI") in typed(run("French forces carried out strikes on militant camps in Mali on Sunday."))
    assert ("ASSAULT", "TUR", "SYR") in typed(run("Turkey conducted strikes against Kurdish positions in Syria."))


@pytest.mark.parametrize("text", [
    "Farmers in the north staged a strike on Monday.",
    "Jailed activists began a hunger strike against their detention.",
    "Nurses joined the walkout called by their union.",
])
def test_a_strike_staged_begun_or_joined_is_a_labour_protest(run, rules_alone, text):
    assert "PROTEST" in {t for t, _, _ in typed(run(text))}
    assert "ASSAULT" not in {t for t, _, _ in typed(run(text))}


def test_british_spellings_find_the_agent_written_the_american_way(run, rules_alone):
    from pipeline.extract.events.agents import american

    assert [american(w) for w in ("labour unions", "defence ministry", "four", "your")] == \
        ["labor unions", "defense ministry", "four", "your"]
    assert ("PROTEST", None, None) in typed(run("Labour unions in the capital staged a strike on Monday."))


def test_a_threat_needs_no_one_named_as_threatened_but_a_forecast_is_none(run, rules_alone):
    assert ("THREATEN", None, None) in typed(run("Rebels threatened to attack the provincial capital."))
    assert not typed(run("Rising prices threaten the recovery of the region."))


def test_government_agencies_and_commands_act_for_their_state(run):
    assert ("AGREE", "JPN", "BGD") in typed(run("JICA signed a loan agreement with Bangladesh for a new metro line."))
    assert ("COERCE", "RUS", "UKR") in typed(run("The FSB said it had detained a Ukrainian citizen in Crimea."))
    assert ("ASSAULT", "USA", "YEM") in typed(run("CENTCOM said it struck radar sites in Yemen on Friday."))


def test_forces_a_reporting_state_calls_its_own_act_for_it(run):
    assert ("ASSAULT", "TUR", "IRQ") in typed(run("Turkey said its jets struck militant targets in northern Iraq."))
    assert not typed(run("Turkey's economy grew, and its exports to Iraq fell."))


def test_regional_bodies_and_their_chairs_act_for_the_body(run):
    assert ("SUPPORT", "AU", "GHA") in typed(run("The chairperson of the African Union Commission praised Ghana's peaceful election."))
    assert ("ACCUSE", "SADC", "MOZ") in typed(run("The chairman of SADC condemned Mozambique's crackdown on protesters."))


def test_coordinated_nationalities_on_a_compound_plural_give_both_states(run):
    assert ("CONSULT", "GHA", "CIV") in typed(run("The Ivorian and Ghanaian army chiefs met in Abidjan on Monday."))  # the host receives


def test_demonyms_the_country_dictionary_lists_as_entries_or_with_rarer_endings_name_their_state(run):
    assert ("COERCE", "BFA", None) in typed(run("Burkinabe police arrested dozens of protesters in the capital."))


def test_an_acronym_the_parser_misreads_at_a_sentence_start_still_acts(run):
    # the small parser tags "USAID" as an adverb here; the entities layer still names it
    assert ("AID", "USA", "HTI") in typed(run("USAID will provide $5 million in humanitarian aid to Haiti."))


def test_a_named_force_a_state_owns_acts_for_it(run, rules_alone):
    # the entities layer names the brigade but gives it no state; the possessive does
    assert ("COOPERATE", "KEN", "UGA") in typed(run("Kenya's Quick Reaction Brigade will train alongside Ugandan "
                                                    "forces next year."))
    assert ("COOPERATE", "KEN", "UGA") in typed(run("A unit from Kenya's Quick Reaction Brigade will train "
                                                    "alongside Ugandan forces next year."))


def test_a_number_of_a_states_forces_acts_for_it(run, rules_alone):
    assert ("MOBILIZE", "KEN", "SOM") in typed(run("Four of Kenya's warships patrolled the waters around Somalia."))
    # "its" in a reported clause is the reporting body's
    assert ("MOBILIZE", "TUR", "CYP") in typed(run("Turkey's navy said three of its frigates patrolled the "
                                                   "waters around Cyprus."))


def test_the_nationality_on_a_participle_of_starting_an_act_is_its_doer(run, rules_alone):
    assert ("ASSAULT", "SAU", "YEM") in typed(run("A Saudi-led offensive on Yemen began in March."))
    # a backer is not the doer: the separatists attacked, not Russia
    assert ("ASSAULT", "RUS", "UKR") not in typed(run("Russian-backed separatists attacked Ukrainian positions."))


@pytest.mark.parametrize("text", ["Thousands protested in Nairobi against the finance bill.",
                                  "Hundreds marched through Quito on Sunday.",
                                  "A crowd of 5,000 rallied outside parliament in Accra."])
def test_a_crowd_named_by_its_size_protests(run, rules_alone, text):
    assert [r["event_type"] for r in run(text)] == ["PROTEST"]


def test_a_plural_of_officials_is_no_crowd(run, rules_alone):
    assert run("Officials protested the decision.") == []


@pytest.mark.parametrize("text", ["The Armenian journalist remains in detention in Baku.",
                                  "The Chadian opposition leader was placed under arrest on Monday."])
def test_the_one_held_in_detention_or_under_arrest_is_no_doer(run, rules_alone, text):
    assert [r["actor"] for r in run(text) if r["event_type"] == "COERCE"] == []  # no one is named as holding them


@pytest.mark.parametrize("text, row", [
    ("President Macron's office condemned Russia's strikes.", ("ACCUSE", "FRA", "RUS")),
    ("The office of Kenya's president condemned Uganda's raids.", ("ACCUSE", "KEN", "UGA")),
    ("Chile's presidency condemned Peru's decision to expel its ambassador.", ("ACCUSE", "CHL", "PER")),
])
def test_a_leaders_office_acts_for_the_leaders_state(run, text, row):
    assert row in typed(run(text))


@pytest.mark.parametrize("text, row", [
    # the parser and NER keep the state and the body apart, or take them as one name; both act for the state
    ("A request by the opposition for a recount was turned down by Malawi's Constitutional Council.", ("REJECT", "MWI", None)),
    ("Belarus's Investigative Committee accused Lithuania of the attack.", ("ACCUSE", "BLR", "LTU")),
    ("Chile's National Security Council condemned Peru's decision.", ("ACCUSE", "CHL", "PER")),
])
def test_a_named_body_a_state_owns_acts_for_it(run, text, row):
    assert row in typed(run(text))


def test_a_company_a_state_is_named_on_is_no_party(run):
    assert typed(run("Malawi's Nyasa Motors signed a deal with Zambia's Copperbelt Mining.")) == set()


def test_a_company_with_a_nationality_word_is_no_party(run, rules_alone):
    # the subject is there ("carmaker"), so the names before the verb are not a lost subject
    assert typed(run("A Zambian carmaker signed a supply deal with a Chilean copper producer.")) == set()


@pytest.mark.parametrize("text, row", [
    ("Three Ghanaian fishermen were arrested off the coast on Monday.", ("COERCE", None, "GHA")),
    ("Armenian positions were shelled overnight near the border.", ("ASSAULT", None, "ARM")),
    ("The detention of two Bolivian truck drivers angered La Paz.", ("COERCE", None, "BOL")),
])
def test_force_done_to_a_named_party_by_no_one_named_has_a_null_actor(run, rules_alone, text, row):
    rows = run(text)
    assert row in typed(rows)
    assert all(r["actor"] is None for r in rows if r["event_type"] == row[0])


def test_an_unnamed_arrester_is_the_state_where_the_arrest_happened(run, rules_alone):
    assert ("COERCE", "UGA", "KEN") in typed(run("Two Kenyan journalists were arrested in Kampala on Monday."))
    # shelling is no act of the state where it lands
    assert ("ASSAULT", None, "ARM") in typed(run("Armenian positions were shelled near Yerevan overnight."))


def test_an_unnamed_restriction_is_the_state_where_it_happened(run, rules_alone):
    rows = run("The mobile internet was shut down throughout Tanzania during the vote.")
    assert ("COERCE", "TZA", None) in typed(rows)
    # with no place named, no state did it
    assert not run("The mobile internet was shut down during the vote.")


@pytest.mark.parametrize("text", [
    "Armenian positions were inspected by the commission on Monday.",  # no force
    "Three fishermen were arrested off the coast on Monday.",          # no named party done to
    "Ghana was sanctioned for the delay.",                             # not a type of force
    "Attacks against Kenyan diplomats are unacceptable.",             # acts in general
])
def test_no_null_actor_row_without_force_done_to_a_named_party(run, rules_alone, text):
    assert not any(r["actor"] is None and r["recipient_code"] for r in run(text))


@pytest.mark.parametrize("text, row", [
    ("The opposition coalition accused the Kenyan government of rigging the vote.", ("ACCUSE", None, "KEN")),
    ("Rebels denounced the Malian army for the raid on the village.", ("ACCUSE", None, "MLI")),
])
def test_agents_accuse_a_state(run, rules_alone, text, row):
    assert row in typed(run(text))


def test_a_company_accusing_a_company_is_no_event(run, rules_alone):
    assert not [r for r in run("Samsung accused Apple of copying its phone designs.") if r["event_type"] == "ACCUSE"]


@pytest.mark.parametrize("text, row", [
    ("Relatives of the hostages demanded that the Israeli government reach a deal.", ("REQUEST", None, "ISR")),
    ("Families of the detained fishermen appealed to the Indian government for their release.", ("REQUEST", None, "IND")),
])
def test_kin_of_victims_act_as_civilians(run, rules_alone, text, row):
    assert row in typed(run(text))


# ------------------------------------------------------------ a person's office set beside the name

@pytest.mark.parametrize("text, row", [
    ("Kenya summoned Mr. Otieno, Uganda's ambassador, on Monday.", ("ACCUSE", "KEN", "UGA")),
    # the tagger reads the title as an organisation; it is still an office
    ("Peru summoned Mr. Alvarez, Chile's Charge d'Affaires, on Monday.", ("ACCUSE", "PER", "CHL")),
])
def test_a_person_acts_for_the_state_of_the_office_beside_the_name(run, text, row):
    assert row in typed(run(text))


def test_a_description_beside_the_name_is_no_office(run):
    assert typed(run("Kenya criticised Mr. Otieno, China's fiercest critic, on Monday.")) == {("ACCUSE", "KEN", None)}
