"""Event extraction on sentences written for the tests (one spaCy load per session)."""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from conftest import events_of
from pipeline.extract.events import extract_events
from pipeline.nlp.parse import load_model, parse_document

PUBLISHED = dt.date(2021, 6, 16)


@pytest.fixture(scope="module")
def run(nlp):
    return lambda text, published=PUBLISHED: events_of(nlp, text, published)


def one(rows, etype):
    found = [r for r in rows if r["event_type"] == etype]
    assert found, rows
    return found[0]


@pytest.mark.parametrize("text, etype, actor, recipient", [
    ("Germany and France signed a defence agreement on Thursday.", "AGREE", "DEU", "FRA"),
    ("The Chancellor of Germany visited Paris last week.", "CONSULT", "DEU", "FRA"),
    ("Canada praised Mexico for its handling of the crisis.", "SUPPORT", "CAN", "MEX"),
    ("Norway provided humanitarian aid to Sudan.", "AID", "NOR", "SDN"),
    ("Brazil urged Argentina to reopen the border.", "REQUEST", "BRA", "ARG"),
    ("Poland accused Belarus of staging the crisis.", "ACCUSE", "POL", "BLR"),
    ("Egypt rejected the proposal from Ethiopia.", "REJECT", "EGY", "ETH"),
    ("Turkey threatened Greece with retaliation.", "THREATEN", "TUR", "GRC"),
    ("Australia expelled two Chinese diplomats.", "SANCTION", "AUS", "CHN"),
    ("Iraq invaded Kuwait in August 1990.", "ASSAULT", "IRQ", "KWT"),
    ("Spain condemned the attack on Morocco.", "ACCUSE", "ESP", "MAR"),
    ("Kenya accepted refugees from Somalia.", "AID", "KEN", "SOM"),
])
def test_types_and_parties(run, text, etype, actor, recipient):
    row = one(run(text), etype)
    assert (row["actor_code"], row["recipient_code"]) == (actor, recipient)


def test_reciprocal_meeting_is_one_row_in_text_order(run):
    rows = [r for r in run("Germany and Italy met in Rome on May 3.") if r["event_type"] == "CONSULT"]
    assert len(rows) == 1


def test_several_recipients_give_one_row_each(run):
    rows = run("Sweden condemned Iran and Syria over the executions.")
    assert {r["recipient_code"] for r in rows if r["event_type"] == "ACCUSE"} == {"IRN", "SYR"}


def test_absolute_day_date(run):
    row = one(run("Germany and France signed a defence agreement on 3 March 2020."), "AGREE")
    assert (row["event_date"], row["date_precision"]) == (dt.date(2020, 3, 3), "day")


def test_weekday_resolves_against_publication(run):
    row = one(run("Canada praised Mexico on Monday."), "SUPPORT")
    assert row["event_date"] == dt.date(2021, 6, 14)


def test_month_precision(run):
    row = one(run("Iraq invaded Kuwait in August 1990."), "ASSAULT")
    assert (row["event_date"], row["date_precision"]) == (dt.date(1990, 8, 1), "month")


def test_the_act_of_agreeing_dates_the_course_agreed(run):
    row = one(run("Chile and Peru agreed Monday to deepen their fisheries cooperation."), "AGREE")
    assert row["event_date"] == dt.date(2021, 6, 14)


def test_a_planned_act_is_not_dated_by_the_day_it_was_agreed(run):
    row = one(run("Norway agreed on Monday to provide humanitarian aid to Sudan."), "AID")
    assert row["status"] == "planned" and row["event_date"] is None


@pytest.mark.parametrize("words, shift", [("this afternoon", 0), ("this morning", 0), ("last night", -1)])
def test_parts_of_a_day_date_against_publication(run, words, shift):
    row = one(run(f"Germany and France signed a defence agreement {words}."), "AGREE")
    assert row["event_date"] == PUBLISHED + dt.timedelta(days=shift)


def test_no_date_words_no_date(run):
    row = one(run("Poland accused Belarus of staging the crisis."), "ACCUSE")
    assert row["event_date"] is None and row["date_precision"] is None


def test_will_is_planned(run):
    row = one(run("Norway will provide humanitarian aid to Sudan."), "AID")
    assert row["status"] == "planned"


def test_plans_to_is_planned(run):
    row = one(run("The Chancellor of Germany plans to visit Paris."), "CONSULT")
    assert row["status"] == "planned"


def test_past_is_occurred(run):
    assert one(run("Australia expelled two Chinese diplomats."), "SANCTION")["status"] == "occurred"


@pytest.mark.parametrize("text", [
    "Norway did not provide aid to Sudan.",
    "Norway is not likely to provide aid to Sudan.",
    "Norway could provide aid to Sudan.",
    "If talks fail, Poland would expel Belarusian diplomats.",
    "Norway may condemn Sudan.",
    "Norway should sanction Sudan.",
    "Norway did not even condemn Sudan.",
    "Norway has kept its distance from the conflict. Norway does not so much support the war as it does "
    "oppose allowing Sudan to be destroyed economically and politically.",
])
def test_negated_and_hypothetical_give_no_event(run, text):
    assert run(text) == []


def test_spans_are_slices_and_ids_stable(run):
    text = "Canada praised Mexico. Poland accused Belarus of lying."
    rows = run(text)
    for r in rows:
        assert r["sentence"] and text[r["char_start"]:r["char_end"]]
        assert r["char_start"] < r["char_end"]
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in run(text)]


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text):
    nlp = load_model()
    rows = extract_events(parse_document("h", text, PUBLISHED, nlp=nlp))
    for r in rows:
        assert 0 <= r["char_start"] <= r["char_end"] <= len(text)


# ---- itemised and joint commitments (fact-sheet genre)

FACT_SHEET = """Joint Fact Sheet

Together, Canada and Mexico will:

-   Strengthen cooperation on clean energy research and training.
-   Launch a border health initiative to share outbreak data.
-   Support developing countries in the Caribbean to expand solar power.
"""


def test_list_items_are_joint_promises_of_the_lead_in_parties(run):
    rows = run(FACT_SHEET)
    agree = [r for r in rows if r["event_type"] == "AGREE"]
    assert {(r["actor_code"], r["recipient_code"]) for r in agree} == {("CAN", "MEX")}
    assert len({r["sentence"] for r in agree}) == 2
    assert all(r["status"] == "occurred" for r in agree)
    for r in rows:
        assert FACT_SHEET[r["char_start"]:r["char_end"]] in FACT_SHEET


def test_list_item_supporting_third_countries_is_planned_aid_per_party(run):
    aid = [r for r in run(FACT_SHEET) if r["event_type"] == "AID"]
    assert {r["actor_code"] for r in aid} == {"CAN", "MEX"}
    assert all(r["recipient_code"] is None and r["status"] == "planned" for r in aid)


def test_list_without_commitment_lead_in_gives_nothing(run):
    text = "Canada and Mexico discussed these topics:\n\n-   Strengthen research.\n-   Expand trade.\n"
    assert not [r for r in run(text) if r["event_type"] == "AGREE"]


def test_joint_future_commitment_is_agree(run):
    row = one(run("Norway and Sweden will strengthen their energy links."), "AGREE")
    assert (row["actor_code"], row["recipient_code"], row["status"]) == ("NOR", "SWE", "occurred")


def test_single_party_aim_is_not_a_commitment(run):
    assert not [r for r in run("Norway will strengthen its energy links.") if r["event_type"] == "AGREE"]


def test_habitual_present_description_is_not_an_event(run):
    assert not run("Chile expands relations with its regional partners.")


def test_joiner_is_the_actor_of_a_joint_sanction(run):
    row = one(run("Finland joined the European Union in sanctioning Belarus last year."), "SANCTION")
    assert (row["actor_code"], row["recipient_code"]) == ("FIN", "BLR")


def test_showing_support_is_support(run):
    row = one(run("Turkey sent its foreign minister to Baku to show support for Azerbaijan."), "SUPPORT")
    assert (row["actor_code"], row["recipient_code"]) == ("TUR", "AZE")


def test_heading_run_into_the_clause_does_not_hide_the_subject(run):
    row = one(run("**Energy**\n\nPortugal and Spain have launched a new partnership on hydrogen."), "AGREE")
    assert (row["actor_code"], row["recipient_code"]) == ("PRT", "ESP")


# ---- subjects and counterparts the clause gives indirectly

def test_meeting_in_an_adjunct_involves_the_clause_subject(run):
    row = one(run("At a meeting on Monday with Dutch Prime Minister Mark Rutte, Macron said trade would grow."), "CONSULT")
    assert (row["actor_code"], row["recipient_code"]) == ("FRA", "NLD")


def test_subject_after_a_closed_list_and_comma(run):
    text = "Soon after a deal between Chile and Peru, Argentine President Alberto Fernandez made a visit to Kyiv."
    row = one(run(text), "CONSULT")
    assert (row["actor_code"], row["recipient_code"]) == ("ARG", "UKR")


def test_visit_to_a_site_codes_the_country_of_its_place(run):
    row = one(run("Trudeau visited a children's hospital in Kyiv."), "CONSULT")
    assert row["recipient_code"] == "UKR"


def test_purpose_infinitive_after_a_route_takes_the_travellers_subject(run):
    row = one(run("The Spanish prime minister took a night train to visit Kyiv."), "CONSULT")
    assert (row["actor_code"], row["recipient_code"]) == ("ESP", "UKR")


def test_actor_only_commitment_takes_the_other_party_of_the_pair(run):
    rows = run("Macron and Scholz met in Berlin on Monday. Macron proposed a joint hydrogen programme.")
    row = one(rows, "AGREE")
    assert (row["actor_code"], row["recipient_code"]) == ("FRA", "DEU")


def test_wanting_to_expand_ties_is_a_promise(run):
    rows = run("Lula and Biden met in Washington on Friday. Lula said he wants to expand bilateral trade ties.")
    row = one(rows, "AGREE")
    assert (row["actor_code"], row["recipient_code"], row["status"]) == ("BRA", "USA", "occurred")


# ---- dates a clause shares with another

def test_second_conjunct_shares_a_leading_date(run):
    rows = run("On 3 May 2019, Portugal signed a fisheries deal with Morocco and praised Spain.")
    assert one(rows, "SUPPORT")["event_date"] == dt.date(2019, 5, 3)


def test_when_clause_dates_the_main_event(run):
    row = one(run("Seoul condemned Tokyo when its premier visited the shrine in August 2015."), "ACCUSE")
    assert (row["event_date"], row["date_precision"]) == (dt.date(2015, 8, 1), "month")


def test_reported_event_takes_the_date_of_the_report(run):
    row = one(run("Speaking on Monday, Modi said India had signed a trade deal with Japan."), "AGREE")
    assert row["event_date"] == dt.date(2021, 6, 14)


# ---- readings that must not produce the wrong row

def test_past_tense_with_a_later_date_stays_occurred(run):
    row = one(run("The next day, Canada's prime minister made a visit to Kyiv.", published=dt.date(2021, 6, 15)), "CONSULT")
    assert row["status"] == "occurred"


def test_commitment_to_host_is_the_meeting_not_an_agreement(run):
    rows = run("Norway committed to hosting a summit with Sweden next year.")
    assert not [r for r in rows if r["event_type"] == "AGREE"]


def test_reference_list_titles_are_not_events(run):
    assert not run("[4] Anna Berg, \u201cPoland and Lithuania Agree on Gas Link,\u201d Baltic Times, May 3, 2019.")


def test_a_trip_in_an_adjunct_does_not_borrow_the_main_visit(run):
    rows = run("During Macron's short trip, the Canadian prime minister made a visit to Kyiv.")
    assert {(r["actor_code"], r["recipient_code"]) for r in rows if r["event_type"] == "CONSULT"} == {("CAN", "UKR")}


def test_agentless_passive_has_no_actor(run):
    assert not run("The Iranian government has been widely condemned for the executions.")


def test_owner_of_the_condemned_act_is_the_target(run):
    rows = [r for r in run("Spain condemned Russia's aggression against Ukraine.") if r["event_type"] == "ACCUSE"]
    assert {r["recipient_code"] for r in rows} == {"RUS"}


def test_western_sanctions_target_the_west(run):
    row = one(run("Iran criticized Western sanctions against Syria."), "ACCUSE")
    assert (row["actor_code"], row["recipient_code"]) == ("IRN", None) and row["recipient"]


def test_joining_sanctions_is_a_sanction(run):
    row = one(run("Norway joined sanctions against Belarus."), "SANCTION")
    assert (row["actor_code"], row["recipient_code"]) == ("NOR", "BLR")


@pytest.mark.parametrize("text", [
    "Chile and Peru, which have conducted joint naval exercises off the coast, signed a deal.",
    "The first joint drills between the Indian Navy and France took place in May.",
])
def test_exercises_with_a_partner_are_cooperation(run, text):
    rows = [r for r in run(text) if r["event_type"] in ("COOPERATE", "MOBILIZE")]
    assert rows and all(r["event_type"] == "COOPERATE" and r["recipient_code"] for r in rows)


def test_exercise_by_one_country_stays_mobilize(run):
    assert one(run("Russia conducted military exercises near the border."), "MOBILIZE")["recipient_code"] is None


@pytest.mark.parametrize("text, actor, recipient", [
    ("The Moldovan president reached out to the German people.", "MDA", "DEU"),
    ("Zelensky addressed the Italian parliament on Tuesday.", "UKR", "ITA"),
    ("Zelensky appeared before the Canadian parliament via a video link.", "UKR", "CAN"),
])
def test_speaking_to_a_foreign_audience_is_consult(run, text, actor, recipient):
    row = one(run(text), "CONSULT")
    assert (row["actor_code"], row["recipient_code"]) == (actor, recipient)


@pytest.mark.parametrize("text", ["The minister addressed the issue of tariffs.", "Zelensky appeared before reporters."])
def test_addressing_a_topic_or_the_press_is_not_consult(run, text):
    assert not [r for r in run(text) if r["event_type"] == "CONSULT"]


def test_plan_noun_owner_acts_in_its_infinitive(run):
    row = one(run("Moscow condemned a British plan to provide Ukraine with tank rounds."), "AID")
    assert (row["actor_code"], row["recipient_code"]) == ("GBR", "UKR")


# ---- coordinated clauses, pairs named together, brokers

def test_conjunct_without_its_own_auxiliary_shares_the_meeting_date(run):
    rows = run("Chile's president met Peru's president on Monday and agreed to reopen consulates.")
    assert one(rows, "AGREE")["event_date"] == one(rows, "CONSULT")["event_date"] == dt.date(2021, 6, 14)


def test_the_two_after_a_meeting_are_the_pair(run):
    rows = run("Macron met Scholz in Berlin, and the two agreed to resume regular consultations.")
    planned = [r for r in rows if r["status"] == "planned" and r["event_type"] == "CONSULT"]
    assert planned and (planned[0]["actor_code"], planned[0]["recipient_code"]) == ("FRA", "DEU")


@pytest.mark.parametrize("text, actor, recipient", [
    ("Scholz raised concerns about Serbia's troop movements.", "DEU", "SRB"),
    ("Brazil's president blasted Paraguay over the dam dispute.", "BRA", "PRY"),
    ("The Dutch court charged Russia with downing the airliner.", "NLD", "RUS"),
])
def test_criticism_verbs_and_concerns_about(run, text, actor, recipient):
    row = one(run(text), "ACCUSE")
    assert (row["actor_code"], row["recipient_code"]) == (actor, recipient)


def test_dash_joined_names_are_both_parties(run):
    row = one(run("The Egypt-Sudan agreement on water sharing was signed in Khartoum."), "AGREE")
    assert {row["actor_code"], row["recipient_code"]} == {"EGY", "SDN"}


@pytest.mark.parametrize("text, broker", [
    ("A ceasefire deal brokered by Qatar between Armenia and Azerbaijan took effect.", "QAT"),
    ("Turkey won praise for brokering a grain deal between Russia and Ukraine.", "TUR"),
])
def test_broker_agrees_with_each_party_and_the_parties_with_each_other(run, text, broker):
    pairs = {(r["actor_code"], r["recipient_code"]) for r in run(text) if r["event_type"] == "AGREE"}
    parties = {c for p in pairs for c in p} - {broker}
    assert len(parties) == 2 and {(broker, p) for p in parties} <= pairs
    assert any(set(p) == parties for p in pairs)


def test_event_in_a_sequence_adjunct_is_its_own_event(run):
    rows = run("After a summit between Kenya and Ethiopia, the president of Uganda flew to Kenya.")
    assert {(r["actor_code"], r["recipient_code"]) for r in rows if r["event_type"] == "CONSULT"} >= {("KEN", "ETH"), ("UGA", "KEN")}


def test_ordinal_day_takes_the_month_in_view(run):
    rows = run("On May 20, the Dutch minister arrived in Jakarta. On the 23rd, Dutch Prime Minister Mark Rutte met Indonesian President Joko Widodo.")
    assert [r["event_date"] for r in rows if r["trigger"] == "met"] == [dt.date(2021, 5, 23)]


def test_single_party_commitment_after_a_list_takes_the_other_listed_party(run):
    text = ("Canada and Mexico will:\n\n"
            "-   Strengthen cooperation on clean energy supply chains.\n"
            "-   Expand research partnerships between universities. Canada has committed $1 billion\n"
            "    to this effort.\n")
    rows = [r for r in run(text) if r["trigger"] == "committed"]
    assert rows and (rows[0]["actor_code"], rows[0]["recipient_code"]) == ("CAN", "MEX")


# ---- headlines

@pytest.mark.parametrize("text, etype, pairs", [
    ("Chile, Peru Ink Fisheries Accord\n\nThe two governments said on Monday ...", "AGREE", {("CHL", "PER")}),
    ("Canada Signs Mineral Deals with Mexico and Brazil\n\nOttawa said ...", "AGREE", {("CAN", "MEX"), ("CAN", "BRA")}),
    ("Norway Condemns Russian Strikes on Kyiv\n\nOslo said ...", "ACCUSE", {("NOR", "RUS")}),
    # a kicker before the colon names a rubric, not the actor
    ("'A DEAL AT SEA: Chile, Peru Ink Fisheries Accord'\n\nThe two governments said ...", "AGREE",
     {("CHL", "PER")}),
])
def test_title_case_headline_events(run, text, etype, pairs):
    rows = [r for r in run(text) if r["event_type"] == etype and r["char_start"] < text.index("\n")]
    assert {(r["actor_code"], r["recipient_code"]) for r in rows} == pairs


def test_headline_without_a_counterpart_gives_nothing(run):
    assert not run("Remarks by the Prime Minister of Canada at the Annual Press Conference\n\nGood afternoon.")


def test_headline_infinitive_is_planned(run):
    assert one(run("Spain to Host Morocco Trade Talks\n\nMadrid said ..."), "CONSULT")["status"] == "planned"


def test_we_in_a_quotation_is_the_speakers_side(run):
    rows = run("\u201cWe have signed a new agreement with Peru,\u201d Chilean President Gabriel Boric said.")
    row = one(rows, "AGREE")
    assert (row["actor_code"], row["recipient_code"]) == ("CHL", "PER")


def test_we_in_a_quotation_with_an_unnamed_speaker_has_no_actor(run):
    rows = run("Chile and Peru met in Lima. \u201cWe are signing a deal with Bolivia,\u201d he said.")
    assert not [r for r in rows if r["event_type"] == "AGREE" and r["recipient_code"] == "BOL"]


# ---- capitals, support phrases, list-item commitments

@pytest.mark.parametrize("text, etype, actor, recipient", [
    ("Ottawa condemned Tehran for the arrests.", "ACCUSE", "CAN", "IRN"),
    ("Ankara rejected the proposal from Warsaw.", "REJECT", "TUR", "POL"),
    ("Lula greeted Biden as a true partner of Brazil.", "SUPPORT", "BRA", "USA"),
    ("Lithuania stands with Ukraine.", "SUPPORT", "LTU", "UKR"),
    ("Finland voiced support for Estonia on Monday.", "SUPPORT", "FIN", "EST"),
])
def test_capitals_and_support_phrases(run, text, etype, actor, recipient):
    row = one(run(text), etype)
    assert (row["actor_code"], row["recipient_code"]) == (actor, recipient)


@pytest.mark.parametrize("text", [
    "The delegates greeted the chair.",
    "The union stands with its members.",
])
def test_greetings_and_solidarity_without_a_party_are_not_events(run, text):
    assert not [r for r in run(text) if r["event_type"] == "SUPPORT"]


def test_list_item_commitment_by_one_party(run):
    rows = run("Outcomes of the meeting:\n\n- Norway agreed to host a training centre.\n- Denmark promised to train pilots.\n")
    assert {r["actor_code"] for r in rows if r["event_type"] == "AGREE"} == {"NOR", "DNK"}


def test_sentence_commitment_without_a_counterpart_is_not_an_event(run, rules_alone):
    assert not run("Norway agreed to host a training centre.")


def test_hosting_a_named_guest_is_still_the_meeting(run):
    row = one(run("Norway agreed to host Finnish President Alexander Stubb in May."), "CONSULT")
    assert (row["actor_code"], row["recipient_code"], row["status"]) == ("FIN", "NOR", "planned")


# ---- transcript labels

def test_we_after_a_spokesperson_label_is_the_titles_state(run):
    text = ("Chinese Foreign Ministry Spokesperson Mao Ning's Regular Press Conference\n\n"
            "SPOKESPERSON: We urge the Australian side to stop its provocations.")
    row = one(run(text), "REQUEST")
    assert (row["actor_code"], row["recipient_code"]) == ("CHN", "AUS")


def test_we_after_a_questioners_label_has_no_actor(run):
    text = "Chinese Foreign Ministry Spokesperson Mao Ning's Regular Press Conference\n\nQ: We urge Canada to stop. Will you respond?"
    assert not [r for r in run(text) if r["event_type"] == "REQUEST"]


def test_owner_of_a_plan_noun_acts_when_the_parse_splits_the_possessive(run):
    rows = run("The Kremlin blasted Finland\u2019s decision to join NATO.")
    row = one(rows, "COOPERATE")
    assert (row["actor_code"], row["recipient_code"], row["status"]) == ("FIN", "NATO", "planned")
