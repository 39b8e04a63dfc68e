"""Figures in wire-news sentences: money in several currencies and scales, percentages, counts of
people, troops and ships, durations, ranges, approximations and fractions, and the numbers that are
not figures (ordinals, years, names and identifiers, relative times).

Each case lists every figure the sentence holds as (kind, value, unit), so a spurious figure fails
the test as surely as a missed one. Sentences here are written for the tests, in the way wire
services state numbers; none is taken from a source.
"""
from __future__ import annotations

import pytest

from tests.conftest import figures_of


@pytest.fixture(scope="module")
def figures(nlp):
    return lambda text: [(r["kind"], r["value"], r["unit"], r["approximation"]) for r in figures_of(nlp, text)]


M, B, T = 1e6, 1e9, 1e12


CASES = [
    # money: currencies before and after the number, scale words and suffixes, conversions in brackets
    ("The European Union agreed to give Ukraine a further 50 billion euros ($54 billion) over four years.",
     [("money", 50 * B, "EUR"), ("money", 54 * B, "USD"), ("duration", 4, "year")]),
    ("China's defence budget will rise 7.2 percent this year to 1.67 trillion yuan ($231 billion).",
     [("percent", 7.2, "%"), ("money", 1.67 * T, "CNY"), ("money", 231 * B, "USD")]),
    ("Tokyo pledged 1.5 trillion yen in additional spending to cushion households.",
     [("money", 1.5 * T, "JPY")]),
    ("Britain will give Kyiv £2.5bn in military aid this year, up from £2.3bn last year.",
     [("money", 2.5 * B, "GBP"), ("money", 2.3 * B, "GBP")]),
    ("The shortfall narrowed to 3.2 trillion won, or about 2.4 billion dollars.",
     [("money", 3.2 * T, "KRW"), ("money", 2.4 * B, "USD")]),
    ("The fund manages about A$1.2 trillion of retirement savings.",
     [("money", 1.2 * T, "AUD")]),
    ("The cabinet approved a loan of Rs 10,000 crore for the state power utility.",
     [("money", 1e11, "INR")]),
    ("The central bank let the pound fall by almost 40% to about 50 Egyptian pounds to the dollar.",
     [("percent", 40, "%"), ("money", 50, "EGP")]),
    ("The government will spend 120 billion rand on ports and railways over the next decade.",
     [("money", 120 * B, "ZAR")]),
    ("Lagos said the bridge would cost 1.3 trillion naira.",
     [("money", 1.3 * T, "NGN")]),
    ("Ankara set aside 300 billion Turkish lira for rebuilding the quake zone.",
     [("money", 300 * B, "TRY")]),
    ("The bank was fined 2.1 billion Swedish crowns by the regulator.",
     [("money", 2.1 * B, "SEK")]),
    ("Mexico's finance ministry raised 45 billion pesos in the bond sale.",
     [("money", 45 * B, "MXN")]),
    ("Tokyo approved a 1.5 trln yen package, and Malaysia set aside RM5 billion for subsidies.",
     [("money", 1.5 * T, "JPY"), ("money", 5 * B, "MYR")]),
    ("The scheme costs Rs 5 lakh crore, and Manila approved a ₱5.2 trillion budget.",
     [("money", 5 * T, "INR"), ("money", 5.2 * T, "PHP")]),
    ("Nigeria's budget is ₦27.5 trillion and Kenya will borrow KSh 300 billion.",
     [("money", 27.5 * T, "NGN"), ("money", 300 * B, "KES")]),
    ("The startup raised $5B after a $500M round, and exports reached US$ 12.3 bn.",
     [("money", 5 * B, "USD"), ("money", 500 * M, "USD"), ("money", 12.3 * B, "USD")]),
    ("Brent crude rose 1.1% to $82.40 a barrel on Tuesday.",
     [("percent", 1.1, "%"), ("money", 82.4, "USD")]),
    ("Washington has pledged more than $175 billion to Kyiv since February 2022.",
     [("money", 175 * B, "USD")]),
    # percentages and rates
    ("Japan's exports rose 4.3% in March from a year earlier, the finance ministry said.",
     [("percent", 4.3, "%")]),
    ("The central bank raised its benchmark rate by 50 basis points to 5.25 percent.",
     [("percent", 50, "bp"), ("percent", 5.25, "%")]),
    ("The Fed delivered a quarter-point cut in June after a half-point cut in May.",
     [("percent", 0.25, "%"), ("percent", 0.5, "%")]),
    ("Some 40 per cent of the country's wheat comes from the Black Sea region.",
     [("percent", 40, "%")]),
    ("Iran has enriched uranium up to 60% purity, close to the roughly 90% needed for a weapon.",
     [("percent", 60, "%"), ("percent", 90, "%")]),
    ("Washington imposed tariffs of 10 to 25 percent on the goods.",
     [("percent", 17.5, "%")]),
    ("Tariffs of between 10% and 20% apply, and growth will be 5 percent to 6 percent this year.",
     [("percent", 15, "%"), ("percent", 5.5, "%")]),
    ("Inflation fell 2% to 3.1% in May and rose from 3.1% to 3.4% in June.",
     [("percent", 2, "%"), ("percent", 3.1, "%"), ("percent", 3.1, "%"), ("percent", 3.4, "%")]),
    # counts of people, troops, ships and weapons
    ("At least 27 people were killed and dozens were wounded when a car bomb exploded in a market.",
     [("count", 27, "person"), ("count", 12, "person")]),
    ("Some 10\u00a0000 troops and 2 500 police officers were deployed, at a cost of $1 250 000 a day.",
     [("count", 10000, "troop"), ("count", 2500, "officer"), ("money", 1.25 * M, "USD")]),
    ("A suicide bomber struck a market, killing at least 12 and wounding 30, and police arrested 4.",
     [("count", 12, "person"), ("count", 30, "person"), ("count", 4, "person")]),
    ("The death toll has risen to 112; three were killed on Sunday alone.",
     [("count", 112, "person"), ("count", 3, "person")]),
    ("Of those killed, 14 were children, and 3 of the wounded were in critical condition.",
     [("count", 14, "child"), ("count", 3, "person")]),
    ("The number of refugees has risen to 45, and the total number of troops reached 12,000.",
     [("count", 45, "refugee"), ("count", 12000, "troop")]),
    ("The Senate passed the bill by a vote of 68 to 32, and Japan beat Spain 2-1 in the final.",
     [("count", 68, "vote"), ("count", 32, "vote")]),
    ("The striker scored 3 and the team won 2 of its 5 games.",
     [("count", 2, "game"), ("count", 5, "game")]),
    ("The Pentagon will send about 3,000 additional troops to the region within two weeks.",
     [("count", 3000, "troop"), ("duration", 2, "week")]),
    ("Two Chinese coast guard vessels entered the contiguous zone on Tuesday, the coast guard said.",
     [("count", 2, "vessel")]),
    ("The aid package includes 31 Abrams tanks and 10,000 rounds of artillery ammunition.",
     [("count", 31, "tank"), ("count", 10000, "round")]),
    ("Police detained 45 protesters, including four journalists, in the capital late on Sunday.",
     [("count", 45, "protester"), ("count", 4, "journalist")]),
    ("Kenya will deploy 1,000 police officers to Haiti, a country of 11 million people.",
     [("count", 1000, "officer"), ("count", 11 * M, "person")]),
    ("The air force said it shot down 29 of the 31 drones launched overnight.",
     [("count", 29, "drone"), ("count", 31, "drone")]),
    ("About 1.1 million Rohingya live in camps; nearly 9 million Syrians need aid, up from 6.5 million a year earlier.",
     [("count", 1.1 * M, "Rohingya"), ("count", 9 * M, "Syrian"), ("count", 6.5 * M, "Syrian")]),
    ("Nearly a quarter of a million refugees have returned, and donors pledged three-quarters of a billion dollars.",
     [("count", 250000, "refugee"), ("money", 750 * M, "USD")]),
    ("Half a million people have fled the fighting, the U.N. refugee agency said.",
     [("count", 500000, "person")]),
    ("A couple hundred soldiers and a few thousand volunteers stayed behind.",
     [("count", 200, "soldier"), ("count", 1000, "volunteer")]),
    ("The storm killed at least 1,400 people and left tens of thousands homeless.",
     [("count", 1400, "person"), ("count", 10000, "person")]),
    ("Rebels said they were holding between 5,000 and 7,000 government soldiers.",
     [("count", 6000, "soldier")]),
    ("A 2022 law requires companies with more than 500 employees to report their emissions.",
     [("count", 500, "employee")]),
    ("The ship was carrying 2.3 million tonnes of grain when it was struck.",
     [("mass", 2.3 * M, "t")]),
    ("The cartel will keep a cut of 1 million barrels per day in place until June.",
     [("count", 1 * M, "barrel")]),
    ("The pipeline can carry 55 billion cubic metres of gas a year.",
     [("other", 55 * B, "m3")]),
    ("Seoul and Washington signed a billion-dollar deal and a 500-million-euro loan was agreed.",
     [("money", 1 * B, "USD"), ("money", 500 * M, "EUR")]),
    ("Some 1.5 million people have fled, and officials expect a million and a half more.",
     [("count", 1.5 * M, "person"), ("count", 1.5 * M, "person")]),
    ("Dozens of soldiers were wounded and dozens more were missing.",
     [("count", 12, "soldier"), ("count", 12, "soldier")]),
    ("The coalition holds 64 of the Knesset's 120 seats, and 12 of the bloc's 27 members back it.",
     [("count", 64, "seat"), ("count", 120, "seat"), ("count", 12, "member"), ("count", 27, "member")]),
    ("Russia pumped about 9.5 mln bpd in May, the ministers of our three countries respective energy agencies said.",
     [("count", 9.5 * M, "barrel")]),
    ("The former president, who turned 80 last week, met 10 more governors this month.",
     [("count", 10, "governor")]),
    # durations and distances
    ("Negotiators met for six hours on Monday, the third round of talks since March.",
     [("duration", 6, "hour")]),
    ("He spent 27 years in prison before he was released.",
     [("duration", 27, "year")]),
    ("The quake struck about 40 km (25 miles) south of the capital at a depth of 10 km.",
     [("distance", 40, "km"), ("distance", 25, "mi"), ("distance", 10, "km")]),
    ("The island covers 1,200 sq km and its waters some 200 sq miles.",
     [("other", 1200, "km2"), ("other", 200, "mi2")]),
    ("Turkey's annual inflation eased to 61.4% in December, the lowest in nearly two years.",
     [("percent", 61.4, "%"), ("duration", 2, "year")]),
    ("The two countries share a 4,000-km border and a 300-mile maritime boundary.",
     [("distance", 4000, "km"), ("distance", 300, "mi")]),
    # a part of a calendar period is still a span of time
    ("China will buy 12 million tons of soybeans during the last two months of 2025.",
     [("mass", 12 * M, "t"), ("duration", 2, "month")]),
    ("Over the last 18 months, the two sides held 11 rounds of talks.",
     [("duration", 18, "month"), ("count", 11, "round")]),
    # fractions and multiples
    ("More than 1.7 million people, or about three-quarters of the population, have been displaced.",
     [("count", 1.7 * M, "person"), ("other", 0.75, "fraction")]),
    ("The economy shrank by nearly a third as some 70-plus firms shed 3,000-plus workers.",
     [("other", 1 / 3, "fraction"), ("count", 70, "firm"), ("count", 3000, "worker")]),
    ("Roughly 1-in-5 households and one-in-four adults are affected.",
     [("other", 0.2, "fraction"), ("other", 0.25, "fraction")]),
    ("Nearly half of those surveyed said relations would worsen.",
     [("other", 0.5, "fraction")]),
    ("Wheat prices jumped by a third after the invasion.",
     [("other", 1 / 3, "fraction")]),
    ("The army was cut by half, and its budget by a quarter in two years.",
     [("other", 0.5, "fraction"), ("other", 0.25, "fraction"), ("duration", 2, "year")]),
    ("The ceasefire was brokered by a third party, the foreign ministry said.", []),
    ("The bill needs a two-thirds majority in the 450-seat parliament.",
     [("other", 2 / 3, "fraction"), ("count", 450, "seat")]),
    # ordinals, years, names and identifiers, relative times: no figure
    ("The bloc adopted its 12th package of sanctions on the first day of the summit.", []),
    ("Flight MH17 was shot down over eastern Ukraine in July 2014.", []),
    ("Under Resolution 2231 the restrictions were due to expire on Oct. 18, 2023.", []),
    ("The Group of Seven backed the plan, and leaders of the G20 will discuss it in November.", []),
    ("The order invokes 50 U.S.C. 1701 and 19 U.S.C. § 2411, and Annex II lists 12 U.S. ports.",
     [("count", 12, "port")]),
    ("Ten days later, the two leaders met again in Geneva.", []),
    ("The 1967 borders remain the basis of the talks, the minister said.", []),
    # names and identifiers next to real figures
    ("Lockheed will build 24 F-16 fighter jets for Taiwan under the $8 billion deal.",
     [("count", 24, "jet"), ("money", 8 * B, "USD")]),
    ("The Su-35 jets and two S-400 batteries were delivered under a 2018 contract worth $5 billion.",
     [("count", 2, "battery"), ("money", 5 * B, "USD")]),
    ("Germany will deliver 14 Leopard 2 tanks, and Poland more Leopard 2 tanks, to Kyiv.",
     [("count", 14, "tank")]),
    ("Ukraine received 31 F-16s and 100 Leopard 1 tanks last year.",
     [("count", 31, "f-16"), ("count", 100, "tank")]),
    ("A thousand million people lack clean water and some two thousand million have no sanitation.",
     [("count", 1 * B, "person"), ("count", 2 * B, "person")]),
    ("The two sides signed 14 agreements covering trade, energy and security.",
     [("count", 14, "agreement")]),
    ("Vietnam received 3.5 million foreign visitors in the first two months of the year, up 68.7%.",
     [("count", 3.5 * M, "visitor"), ("duration", 2, "month"), ("percent", 68.7, "%")]),
]


def _key(kind: str, value: float, unit: str | None) -> tuple:
    """A figure compared at four significant digits, its unit case-blind ("Marine", "marine")."""
    return kind, float(f"{value:.4g}"), (unit or "").lower()


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:48] for c in CASES])
def test_wire_sentence(figures, text, expected):
    got = figures(text)
    assert sorted(_key(*row[:3]) for row in got) == sorted(_key(*e) for e in expected), got


@pytest.mark.parametrize("text,value,unit", [
    ("a loan of 300 billion Sri Lankan rupees", 300 * B, "LKR"),
    ("Pakistan's central bank added 500 billion rupees", 500 * B, "PKR"),
    ("a fine of 400 million Hungarian forints", 400 * M, "HUF"),
    ("the bank lent ZAR 5 billion", 5 * B, "ZAR"),
    ("worth 2 trillion CFA francs", 2 * T, "XOF"),
    ("the UAE pledged 10 billion dirhams", 10 * B, "AED"),
    ("a budget of 1.7 trillion hryvnias", 1.7 * T, "UAH"),
    ("Egypt will raise 5 billion pounds", 5 * B, "EGP"),
    ("Britain will spend 5 billion pounds", 5 * B, "GBP"),
    ("a deficit of 6,000 billion dong", 6e12, "VND"),
    ("a loan of 3 billion reais", 3 * B, "BRL"),
    ("a debt of 5 billion Venezuelan bolivars", 5 * B, "VES"),
    ("they paid 20 million Falkland Islands pounds", 20 * M, "FKP"),
    ("they paid 20 million Atlantis pounds", 20 * M, "GBP"),  # an adjective no ISO name has
])
def test_currency_nouns(text, value, unit):
    from pipeline.extract.numbers import parse_quantity
    q = parse_quantity(text)
    assert (q.kind, q.value, q.unit) == ("money", value, unit)


def test_scaled_values_are_exact():
    from pipeline.extract.numbers import parse_quantity
    assert parse_quantity("an appeal for $4.1 billion").value == 4_100_000_000


@pytest.mark.parametrize("text,kind", [
    ("the medals weighed a million pounds", "mass"),   # no nation named: a weight
    ("the pet weighed 80 pounds", "mass"),
    ("he won 5 medals", None),                         # "won" is a verb
    ("the TOP 10 list", None),                         # a code that spells a word
    ("a year after COP 27", None),
    ("progress on SDG 5", None),
    ("the Brazilian real fell 2 percent", "percent"),  # "real" alone is a word
])
def test_currency_nouns_not_money(text, kind):
    from pipeline.extract.numbers import parse_quantity
    q = parse_quantity(text)
    assert q is not None and q.kind == kind
