"""Every UN member state's usual demonym codes as that state, as "Eritrean forces" or "Kyrgyz border
guards" name one. The table is written from public knowledge, not from any text of the corpus."""
import datetime as dt

import pytest

from pipeline.extract.entities.resolve import resolve_text
from tests.conftest import events_of, pairs

DEMONYMS = {
    "AFG": "Afghan", "AGO": "Angolan", "ALB": "Albanian", "AND": "Andorran", "ARE": "Emirati",
    "ARG": "Argentine", "ARM": "Armenian", "ATG": "Antiguan", "AUS": "Australian", "AUT": "Austrian",
    "AZE": "Azerbaijani", "BDI": "Burundian", "BEL": "Belgian", "BEN": "Beninese", "BFA": "Burkinabe",
    "BGD": "Bangladeshi", "BGR": "Bulgarian", "BHR": "Bahraini", "BHS": "Bahamian", "BIH": "Bosnian",
    "BLR": "Belarusian", "BLZ": "Belizean", "BOL": "Bolivian", "BRA": "Brazilian", "BRB": "Barbadian",
    "BRN": "Bruneian", "BTN": "Bhutanese", "BWA": "Botswanan", "CAF": "Central African", "CAN": "Canadian",
    "CHE": "Swiss", "CHL": "Chilean", "CHN": "Chinese", "CIV": "Ivorian", "CMR": "Cameroonian",
    "COL": "Colombian", "COM": "Comorian", "CPV": "Cape Verdean", "CRI": "Costa Rican", "CUB": "Cuban",
    "CYP": "Cypriot", "CZE": "Czech", "DEU": "German", "DJI": "Djiboutian", "DNK": "Danish",
    "DOM": "Dominican", "DZA": "Algerian", "ECU": "Ecuadorian", "EGY": "Egyptian", "ERI": "Eritrean",
    "ESP": "Spanish", "EST": "Estonian", "ETH": "Ethiopian", "FIN": "Finnish", "FJI": "Fijian",
    "FRA": "French", "FSM": "Micronesian", "GAB": "Gabonese", "GBR": "British", "GEO": "Georgian",
    "GHA": "Ghanaian", "GIN": "Guinean", "GMB": "Gambian", "GNQ": "Equatorial Guinean", "GRC": "Greek",
    "GRD": "Grenadian", "GTM": "Guatemalan", "GUY": "Guyanese", "HND": "Honduran", "HRV": "Croatian",
    "HTI": "Haitian", "HUN": "Hungarian", "IDN": "Indonesian", "IND": "Indian", "IRL": "Irish",
    "IRN": "Iranian", "IRQ": "Iraqi", "ISL": "Icelandic", "ISR": "Israeli", "ITA": "Italian",
    "JAM": "Jamaican", "JOR": "Jordanian", "JPN": "Japanese", "KAZ": "Kazakh", "KEN": "Kenyan",
    "KGZ": "Kyrgyz", "KHM": "Cambodian", "KIR": "I-Kiribati", "KNA": "Kittitian", "KOR": "South Korean",
    "KWT": "Kuwaiti", "LAO": "Lao", "LBN": "Lebanese", "LBR": "Liberian", "LBY": "Libyan",
    "LCA": "Saint Lucian", "LIE": "Liechtensteiner", "LKA": "Sri Lankan", "LSO": "Basotho",
    "LTU": "Lithuanian", "LUX": "Luxembourgish", "LVA": "Latvian", "MAR": "Moroccan", "MCO": "Monegasque",
    "MDA": "Moldovan", "MDG": "Malagasy", "MDV": "Maldivian", "MEX": "Mexican", "MHL": "Marshallese",
    "MKD": "North Macedonian", "MLI": "Malian", "MLT": "Maltese", "MMR": "Burmese", "MNE": "Montenegrin",
    "MNG": "Mongolian", "MOZ": "Mozambican", "MRT": "Mauritanian", "MUS": "Mauritian", "MWI": "Malawian",
    "MYS": "Malaysian", "NAM": "Namibian", "NER": "Nigerien", "NGA": "Nigerian", "NIC": "Nicaraguan",
    "NLD": "Dutch", "NOR": "Norwegian", "NPL": "Nepali", "NRU": "Nauruan", "NZL": "New Zealand",
    "OMN": "Omani", "PAK": "Pakistani", "PAN": "Panamanian", "PER": "Peruvian", "PHL": "Filipino",
    "PLW": "Palauan", "PNG": "Papua New Guinean", "POL": "Polish", "PRK": "North Korean",
    "PRT": "Portuguese", "PRY": "Paraguayan", "PSE": "Palestinian", "QAT": "Qatari", "ROU": "Romanian",
    "RUS": "Russian", "RWA": "Rwandan", "SAU": "Saudi", "SDN": "Sudanese", "SEN": "Senegalese",
    "SGP": "Singaporean", "SLB": "Solomon Islander", "SLE": "Sierra Leonean", "SLV": "Salvadoran",
    "SMR": "Sammarinese", "SOM": "Somali", "SRB": "Serbian", "SSD": "South Sudanese", "STP": "Santomean",
    "SUR": "Surinamese", "SVK": "Slovak", "SVN": "Slovenian", "SWE": "Swedish", "SWZ": "Swazi",
    "SYC": "Seychellois", "SYR": "Syrian", "TCD": "Chadian", "TGO": "Togolese", "THA": "Thai",
    "TJK": "Tajik", "TKM": "Turkmen", "TLS": "Timorese", "TON": "Tongan", "TTO": "Trinidadian",
    "TUN": "Tunisian", "TUR": "Turkish", "TUV": "Tuvaluan", "TWN": "Taiwanese", "TZA": "Tanzanian",
    "UGA": "Ugandan", "UKR": "Ukrainian", "URY": "Uruguayan", "USA": "American", "UZB": "Uzbek",
    "VCT": "Vincentian", "VEN": "Venezuelan", "VNM": "Vietnamese", "VUT": "Vanuatuan", "WSM": "Samoan",
    "YEM": "Yemeni", "ZAF": "South African", "ZMB": "Zambian", "ZWE": "Zimbabwean",
}


@pytest.mark.parametrize("code, demonym", sorted(DEMONYMS.items()))
def test_a_demonym_codes_as_its_state(code, demonym):
    found = resolve_text(demonym)
    assert found is not None and found.code == code


@pytest.mark.parametrize("code, demonym", [("PRK", "N. Korean"), ("KOR", "S. Korean")])
def test_the_abbreviated_korean_adjectives_code_as_the_abbreviated_names_do(code, demonym):
    found = resolve_text(demonym)
    assert found is not None and found.code == code


def test_abbreviated_adjectives_name_the_states_of_an_event(nlp, rules_alone):
    rows = events_of(nlp, "N. Korean troops fired artillery shells at S. Korean border posts on Monday.", dt.date(2024, 6, 1))
    assert pairs(rows, "ASSAULT") == {("PRK", "KOR")}
