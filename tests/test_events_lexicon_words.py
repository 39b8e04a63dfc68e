"""Entries of the project's own trigger lexicon (pipeline/data/event_triggers.yaml), each grounded in
CAMEO, read in sentences written for them about other states, and the same verbs with other
objects, which code no such event."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_of, pairs

PUBLISHED = dt.date(2024, 6, 1)


@pytest.fixture(scope="module")
def run(nlp):
    return lambda text: events_of(nlp, text, PUBLISHED)


def has_pair(found, pair) -> bool:
    """The (actor, recipient) pair is among those found; a None side stands for any code there."""
    return any(all(want is None or want == got for want, got in zip(pair, f)) for f in found)


@pytest.mark.parametrize("text, etype, pair", [
    ("Armenian artillery pounded Azerbaijani positions near the border overnight.", "ASSAULT", ("ARM", "AZE")),
    ("Ghana broke off diplomatic relations with Togo on Monday.", "SANCTION", ("GHA", "TGO")),
    ("President Ruto defended his Ugandan counterpart's handling of the dispute.", "SUPPORT", ("KEN", "UGA")),
    ("The Sudanese army announced a unilateral truce on Friday.", "CONCEDE", ("SDN", None)),
])
def test_words_of_wire_copy_the_lexicon_reads(run, rules_alone, text, etype, pair):
    assert pairs(run(text), etype) == {pair}


@pytest.mark.parametrize("text, etype, pair", [
    ("Egyptian aircraft airdropped food parcels over Gaza on Tuesday.", "AID", ("EGY", "PSE")),
    ("Coordinated patrols in the Gulf of Thailand were carried out by the Thai and Cambodian navies.", "COOPERATE",
     ("THA", "KHM")),
    ("Chilean forces staged live-fire manoeuvres near the border with Peru.", "MOBILIZE", ("CHL", "PER")),
    ("The Greek army reinforced its positions along the border on Monday.", "MOBILIZE", ("GRC", None)),
    ("Evidence on the smugglers was passed to Spanish prosecutors by Italian police.", "COOPERATE", ("ITA", "ESP")),
    ("Loan disbursements to Mali were paused by France after the coup.", "SANCTION", ("FRA", "MLI")),
    ("Kazakhstan's arrest of two Kyrgyz border guards angered Bishkek.", "COERCE", ("KAZ", "KGZ")),
    ("Belgian Prime Minister Alexander De Croo apologised for the kidnapping of mixed-race children in Congo.",
     "CONCEDE", ("BEL", None)),
    ("Greece sent additional army units to the border with Turkey on Sunday.", "MOBILIZE", ("GRC", "TUR")),
    ("Chile sent 40 firefighters to Argentina on Friday.", "AID", ("CHL", "ARG")),
    ("Lima branded the raid on its consulate by Bolivian police a violation of international law.", "ACCUSE",
     ("PER", "BOL")),
    ("Peru brushed off Chile's proposal on Monday.", "REJECT", ("PER", "CHL")),
    ("The foreign ministers of Brazil, Argentina and Chile gathered in Santiago, Chile on Monday.", "CONSULT",
     ("BRA", "CHL")),
    ("The leaders of Kenya and Uganda convened in Nairobi on Monday.", "CONSULT", ("UGA", "KEN")),
    ("President Lula and Chancellor Scholz shared concern about Venezuela's practices in Essequibo.", "ACCUSE",
     ("DEU", "VEN")),
    ("Brazil and Germany underscored their concern over Venezuela's military buildup.", "ACCUSE", ("BRA", "VEN")),
    ("Brazil registered strong opposition to Venezuela's referendum.", "ACCUSE", ("BRA", "VEN")),
    ("Venezuela's buildup of troops near the border alarmed Guyana.", "MOBILIZE", ("VEN", None)),
    ("The shelling of Kharkiv by Russian artillery resumed on Monday.", "ASSAULT", ("RUS", "UKR")),
    ("Some 5,000 fighters handed over their weapons to UN monitors.", "RETREAT", (None, "UN")),
    # hostages handed over are released (RETREAT), as "released hostages" is; a suspect handed over
    # is judicial cooperation
    ("Kenyan police handed over three Ugandan hostages to the Red Cross on Saturday.", "RETREAT", ("KEN", "UGA")),
    ("Uruguay handed over a drug suspect to Paraguay.", "COOPERATE", ("URY", "PRY")),
    ("Quito ordered Colombian diplomats to leave the country within 48 hours.", "SANCTION", ("ECU", "COL")),
    ("Bolivia told the Peruvian ambassador to leave within three days.", "SANCTION", ("BOL", "PER")),
    ("Mexico flew 40 tonnes of food to Cuba on Monday.", "AID", ("MEX", "CUB")),
    # restrictions by other names, lowered relations, blacklists, entry banned (CAMEO 160, 161)
    ("Chile imposed export curbs on Peruvian copper on Monday.", "SANCTION", ("CHL", "PER")),
    ("Brazil tightened export controls on Argentina.", "SANCTION", ("BRA", "ARG")),
    ("Canada tightened sanctions on Venezuela on Monday.", "SANCTION", ("CAN", "VEN")),
    ("Peru downgraded diplomatic ties with Bolivia.", "SANCTION", ("PER", "BOL")),
    ("Ecuador blacklisted three Colombian firms.", "SANCTION", ("ECU", "COL")),
    ("Ghana banned entry to 12 Togolese officials.", "SANCTION", ("GHA", "TGO")),
    # a military presence raised, warships dispatched: moves on the mover's own ground
    ("Greece boosted its military presence on Rhodes.", "MOBILIZE", ("GRC", None)),
    ("Chile dispatched two frigates to the Drake Passage.", "MOBILIZE", ("CHL", None)),
])
def test_wire_words_the_lexicon_reads_among_other_rows(run, rules_alone, text, etype, pair):
    assert pair in pairs(run(text), etype)


@pytest.mark.parametrize("text, etype", [
    ("Ghana broke the record for cocoa exports on Monday.", "SANCTION"),
    ("President Ruto defended the capital against the rebels.", "SUPPORT"),
    ("The talks turned to trade on Monday.", "REJECT"),
    ("The Greek army reinforced its cooperation with Cyprus.", "MOBILIZE"),
    ("The Greek minister passed the microphone to his deputy.", "COOPERATE"),
    ("The coordinated release of the reports surprised analysts.", "COOPERATE"),
    ("Protesters gathered outside the Brazilian embassy in Lima.", "CONSULT"),
    ("President Ruto convened his cabinet in Nairobi on Tuesday.", "CONSULT"),
    ("The buildup of debt worried Kenya's lenders.", "MOBILIZE"),
    ("The Kenyan envoy handed over the keys to the mayor of Lima.", "RETREAT"),
    ("Quito ordered Colombia's ambassador to attend a meeting at the ministry.", "SANCTION"),
    ("Brazil told the Chinese ambassador to expect a formal protest.", "SANCTION"),
    ("President Lula flew to Beijing on Monday.", "AID"),
    # markets, laws, budgets and schools
    ("Malawi stands ready to meet the Zambian economy's growing demand for energy.", "CONCEDE"),
    ("The new law imposes heavy costs on consumers.", "SANCTION"),
    ("The ministry cut ten percent from the budget.", "SANCTION"),
    ("Norway gave a warm welcome to Moldova's delegation.", "AID"),
    ("The central bank transferred funds to Russia.", "AID"),
    ("Chile transferred the prisoners to Peru.", "AID"),
    ("The teachers received training in Oslo.", "MOBILIZE"),
    ("Investors bought Chilean bonds.", "COOPERATE"),
    ("Chile bought a new building for its embassy.", "COOPERATE"),
    ("The central bank tightened controls on capital.", "SANCTION"),
    ("Officials tightened security at the summit.", "SANCTION"),
    ("The company boosted its presence in Lima.", "MOBILIZE"),
    ("The summit gave Chile a platform.", "AID"),
    ("Peru gave the issue a lot of thought.", "AID"),
    ("A build-up of debt worried Chile.", "MOBILIZE"),
])
def test_the_same_words_with_other_objects_code_no_such_event(run, rules_alone, text, etype):
    assert not pairs(run(text), etype)


@pytest.mark.parametrize("text", ["The company branded its new phone a success.", "Kenya brushed off the dust."])
def test_branding_a_thing_and_brushing_dust_are_no_events(run, rules_alone, text):
    assert run(text) == []


@pytest.mark.parametrize("text, etype, pair", [
    # demands given in to (CAMEO 083): the one who gives in concedes; a proposal accepted is agreed to
    ("Zimbabwe's government accepted the teachers' demand for a pay rise.", "CONCEDE", ("ZWE", None)),
    ("The Malawian government accepted the protesters' demands on Friday.", "CONCEDE", ("MWI", None)),
    ("Chile accepted Peru's proposal.", "AGREE", ("CHL", "PER")),
    ("Chile's president met Peru's foreign minister.", "CONSULT", ("CHL", "PER")),
    # a truce declared by rebels holds with no state on either side (codebook section 6: agents)
    ("ELN rebels declared a unilateral ceasefire.", "CONCEDE", (None, None)),
    # money granted to a party (CAMEO 071)
    ("Japan announced a new grant to Kenya's energy ministry.", "AID", ("JPN", "KEN")),
    # a sanction by the other words of readouts and fact sheets (CAMEO 163), a party shut out of a system (16)
    ("Canada imposed export controls on Belarus.", "SANCTION", ("CAN", "BLR")),
    ("Canada will impose severe costs on Belarus.", "SANCTION", ("CAN", "BLR")),
    ("Belarus took countermeasures against Lithuania.", "SANCTION", ("BLR", "LTU")),
    ("The European Union will cut off Belarusian banks from SWIFT.", "SANCTION", ("EU", "BLR")),
    # arms handed over or moved to another state's forces are military aid (CAMEO 072)
    ("Norway gave Moldova tanks and ammunition.", "AID", ("NOR", "MDA")),
    ("Norway has given weapons to Moldova.", "AID", ("NOR", "MDA")),
    # money and goods handed to a party (CAMEO 071 and 073 list GIVE + MONEY, the currencies, FOOD)
    ("Norway has given money and nonlethal gear to Moldova.", "AID", ("NOR", "MDA")),
    # what a party claims, rejected, is a rejection (CAMEO 120); a deed rejected is condemned
    ("Pakistan categorically rejected the Indian claims, calling them baseless.", "REJECT", ("PAK", "IND")),
    ("India rejected allegations by Ottawa that its agents were involved.", "REJECT", ("IND", "CAN")),
    ("Norway rejected Russia's aggression against Moldova.", "ACCUSE", ("NOR", "RUS")),
    # a relative pronoun object stands for its noun: the tariffs are imposed
    ("Japan will suspend the retaliatory tariffs that it has imposed on Chinese goods.", "SANCTION", ("JPN", "CHN")),
    ("Norway gave Moldova $2 billion.", "AID", ("NOR", "MDA")),
    ("Norway gave food and medicine to Sudan.", "AID", ("NOR", "SDN")),
    # hyphenated nouns reach the lexicon as one word (pipeline/nlp/lemmas.py)
    ("The pull-out of Russian troops from Moldova began on Monday.", "RETREAT", ("RUS", "MDA")),
    ("Thailand's build-up of troops on the Cambodian border continued.", "MOBILIZE", ("THA", "KHM")),
    ("Belarus has transferred ballistic missiles to Russia.", "AID", ("BLR", "RUS")),
    # training and a sail of two navies are a joint exercise; a participle modifier counts as written
    ("Chilean and Peruvian forces conducted their first combined sail in the Pacific.", "COOPERATE", ("CHL", "PER")),
    ("Chile and Peru held joint training in Arica.", "COOPERATE", ("CHL", "PER")),
    ("Chile and Peru held a combined patrol.", "COOPERATE", ("CHL", "PER")),
    # ships circling a party's territory are a show of force short of using it (PLOVER MOBILIZE)
    ("Turkish warships circled Cyprus on Monday.", "MOBILIZE", ("TUR", "CYP")),
    # goods or arms bought from another state are trade (CAMEO 061)
    ("Chile purchased fighter jets from Brazil.", "COOPERATE", ("CHL", "BRA")),
    ("Peru will purchase two million tons of Argentine wheat.", "COOPERATE", ("PER", "ARG")),
    ("Peru resumed purchases of Argentine beef.", "COOPERATE", ("PER", "ARG")),
])
def test_words_of_readouts_and_fact_sheets_the_lexicon_reads(run, rules_alone, text, etype, pair):
    assert pairs(run(text), etype) == {pair}


@pytest.mark.parametrize("text, etype, pair", [
    ("Ghana's government backed down on the contested fuel levy.", "CONCEDE", ("GHA", None)),
    ("Peru's foreign minister hit out at Bolivia's border rules on Monday.", "ACCUSE", ("PER", "BOL")),
    ("Ugandan police cracked down on Kenyan activists at the border.", "COERCE", ("UGA", "KEN")),
    ("Armenian and Azerbaijani troops traded fire along the border.", "ASSAULT", ("ARM", "AZE")),
    ("Chad stepped up security patrols along its border with Sudan.", "MOBILIZE", ("TCD", None)),
    ("Bolivia's complaint against Chile was lodged with the court on Friday.", "ACCUSE", ("BOL", "CHL")),
])
def test_phrasal_verbs_and_nouns_of_cameo_verbs(run, rules_alone, text, etype, pair):
    assert pair in pairs(run(text), etype)


@pytest.mark.parametrize("text, etype", [
    ("Ghana backed Togo's bid for the seat.", "CONCEDE"),   # "back" without its particle supports
    ("The players traded jerseys after the match.", "ASSAULT"),
    ("Customers filed a complaint about the service.", "ACCUSE"),  # against no party
    ("The ministry cracked down on tax evasion.", "COERCE"),  # a practice is no party coerced
])
def test_the_same_words_without_the_particle_or_party_are_not_those_events(run, rules_alone, text, etype):
    assert not pairs(run(text), etype)


@pytest.mark.parametrize("text, etype, pair", [
    ("Egypt shipped 5,000 tonnes of flour to Sudan last week.", "AID", ("EGY", "SDN")),
    ("The World Bank released 80 million dollars to Malawi on Tuesday.", "AID", (None, "MWI")),
    ("Tanzania's president granted a pardon to a jailed Kenyan activist on Monday.", "CONCEDE", ("TZA", "KEN")),
    ("Senegal stands by Gambia in the dispute.", "SUPPORT", ("SEN", "GMB")),
])
def test_cameo_wording_of_shipping_releasing_pardons_and_standing_by(run, rules_alone, text, etype, pair):
    assert has_pair(pairs(run(text), etype), pair)


@pytest.mark.parametrize("text", [
    "China shipped crude oil to India last month.",                   # trade, no aid
    "The ministry released its annual report on Tuesday.",            # a report released
    "Kenya stood by its decision to close the camp.",                 # a decision, no party
])
def test_shipping_releasing_and_standing_by_without_aid_or_party(run, rules_alone, text):
    assert not any(r["event_type"] in ("AID", "SUPPORT") for r in run(text))


@pytest.mark.parametrize("text, etype, pair", [
    ("Rwanda sent 300 police officers to the Central African Republic on Sunday.", "AID", ("RWA", "CAF")),
    ("Ghanaian police were deployed across Accra ahead of the verdict.", "MOBILIZE", ("GHA", None)),
])
def test_police_sent_abroad_aid_and_deployed_at_home_mobilise(run, rules_alone, text, etype, pair):
    assert pair in pairs(run(text), etype)


@pytest.mark.parametrize("text, etype, pair", [
    ("Gunmen kidnapped three Ugandan engineers in South Sudan on Friday.", "ASSAULT", (None, "UGA")),
    ("Colombian police apprehended two Ecuadorean smugglers near the border.", "COERCE", ("COL", "ECU")),
    ("A Moroccan court jailed an Algerian activist for five years.", "COERCE", ("MAR", "DZA")),
    ("Inmates rioted in a prison in Guayaquil on Monday.", "PROTEST", (None, None)),
])
def test_the_derived_lexicons_verbs_of_force_arrest_and_riot(run, rules_alone, text, etype, pair):
    assert pair in pairs(run(text), etype)


def test_a_hunger_strike_launched_is_a_protest_and_a_strike_launched_on_a_party_is_not(run, rules_alone):
    assert pairs(run("Detained Bahraini activists launched a hunger strike on Monday."), "PROTEST")
    assert not pairs(run("Iran launched a strike on a Kurdish camp in Iraq."), "PROTEST")


@pytest.mark.parametrize("text, etype, pair", [
    ("Eritrea handed four detained fishermen back to Yemen on Sunday.", "RETREAT", ("ERI", "YEM")),
    ("Georgia returned two captured soldiers to Abkhazia's patron Russia.", "RETREAT", ("GEO", "RUS")),
    ("Pakistan's test-firing of a cruise missile was reported on Monday.", "MOBILIZE", ("PAK", None)),
    ("The nuclear test by North Korea was its seventh.", "MOBILIZE", ("PRK", None)),
    ("A food shipment from Uzbekistan arrived in Kabul on Friday.", "AID", ("UZB", None)),
])
def test_captives_given_back_weapons_tested_and_aid_shipped(run, rules_alone, text, etype, pair):
    assert pair in pairs(run(text), etype)


@pytest.mark.parametrize("text", [
    "The Bolivian foreign minister returned to La Paz on Sunday.",    # a journey home, nobody released
    "Coal shipments from Indonesia to India rose in May.",            # trade, no aid
    "The driving test was postponed because of the strike.",          # no weapon tested
])
def test_returning_home_trade_shipments_and_other_tests_are_not_those_events(run, rules_alone, text):
    assert not any(r["event_type"] in ("RETREAT", "AID", "MOBILIZE") for r in run(text))


def test_solidarity_with_a_states_government_is_with_the_state(run, rules_alone):
    assert ("NZL", "TON") in pairs(run("New Zealand stood behind Tonga's government after the eruption."), "SUPPORT")


@pytest.mark.parametrize("text, etype, pair", [
    ("Part of Zambia's debt was written off by China on Thursday.", "AID", ("CHN", "ZMB")),
    ("Burundi's government dissolved two opposition parties on Friday.", "COERCE", ("BDI", None)),
    ("Ethiopian authorities shut down internet access in Tigray on Monday.", "COERCE", ("ETH", None)),
    ("Ten armoured vehicles were handed over to the Malian National Guard by France.", "AID", ("FRA", "MLI")),
    ("Peruvian soldiers rescued 12 hostages from a rebel camp on Sunday.", "AID", ("PER", None)),
    ("Chile flew 40 rescuers to Ecuador after the earthquake.", "AID", ("CHL", "ECU")),
    ("Farmers blocked a busy junction in central Warsaw on Tuesday.", "PROTEST", (None, None)),
    ("Armenia called up tens of thousands of reservists on Saturday.", "MOBILIZE", ("ARM", None)),
])
def test_cameo_and_plover_wording_of_debt_relief_bans_rescues_and_call_ups(run, rules_alone, text, etype, pair):
    assert pair in pairs(run(text), etype)


@pytest.mark.parametrize("text, etype, pair", [
    ("Peru renewed its call for Chile to return the artefacts.", "REQUEST", ("PER", "CHL")),
    ("Bolivia repeated its calls for talks with Chile.", "REQUEST", ("BOL", None)),
    ("Mali refused to receive a delegation from the African Union.", "REJECT", ("MLI", "AU")),
    ("Fiji handed over two suspects wanted for fraud to Australian police.", "COOPERATE", ("FJI", "AUS")),
])
def test_appeals_refusals_and_hand_overs_read_their_other_side(run, rules_alone, text, etype, pair):
    assert has_pair(pairs(run(text), etype), pair)


@pytest.mark.parametrize("text", [
    "Senegal has no plans to send troops to Gambia.",                 # denied, not planned
    "Austria refused to comment on the Slovak claims.",               # declines to speak
    "Ghana refused to condemn Togo's crackdown.",                     # spares Togo, refuses whoever asked
    "A food shipment from Uzbekistan arrived in Kabul on Friday.",    # goods arrive, nobody visits
])
def test_no_plans_declined_comment_and_arriving_goods_are_not_those_events(run, rules_alone, text):
    assert not any(r["event_type"] in ("AID", "REJECT", "CONSULT") and r["actor_code"] in ("SEN", "AUT", "GHA")
                   or r["event_type"] == "CONSULT" for r in run(text))


@pytest.mark.parametrize("text, etype, pair", [
    ("Canada froze assets held by Russian oligarchs on Friday.", "SANCTION", ("CAN", "RUS")),
    ("Britain froze any UK assets held by Belarusian officials.", "SANCTION", ("GBR", "BLR")),
    ("Burundi pulled out of the International Criminal Court in 2017.", "SANCTION", ("BDI", "ICC")),
    ("Argentina withdrew from the World Health Organization on Wednesday.", "SANCTION", ("ARG", "WHO")),
    ("Belgium offered a formal apology to the Democratic Republic of Congo.", "CONCEDE", ("BEL", "COD")),
    ("South Korea gifted three patrol boats to Vietnam on Monday.", "AID", ("KOR", "VNM")),
])
def test_owners_of_what_is_frozen_bodies_left_apologies_offered_and_gifts(run, rules_alone, text, etype, pair):
    assert pair in pairs(run(text), etype)


def test_troops_withdrawn_from_a_town_still_retreat(run, rules_alone):
    assert ("RUS", "UKR") in pairs(run("Russian troops withdrew from Kherson on Friday."), "RETREAT")


@pytest.mark.parametrize("text, etype, pair", [
    ("Slovakia blocked the EU's new sanctions package against Russia at Thursday's summit.", "REJECT", ("SVK", "EU")),
    ("Turkey flew 20 tonnes of relief material to flood-hit Libya on Sunday.", "AID", ("TUR", "LBY")),
    ("Lithuania's foreign ministry summoned Russia's charge d'affaires in Vilnius on Monday.", "ACCUSE", ("LTU", "RUS")),
])
def test_decisions_blocked_relief_flown_and_envoys_summoned_by_their_owner(run, rules_alone, text, etype, pair):
    assert pair in pairs(run(text), etype)


@pytest.mark.parametrize("text", [
    "Ghana's Black Stars launched a late attack that earned them a 2-1 win in the qualifier in Accra.",
    "Pakistan's bowling attack dismissed the Sri Lankan batting line-up for 120 in Colombo.",
])
def test_an_attack_in_a_game_is_no_assault(run, rules_alone, text):
    assert not pairs(run(text), "ASSAULT")


def test_gunmen_attacking_during_a_match_still_attack(run, rules_alone):
    assert pairs(run("Gunmen attacked a stadium in Mogadishu during a football match on Friday."), "ASSAULT")
