"""Wire-news attribution: sentences written for these tests in the style of agency copy, with invented
people and countries, one per grammar of attribution (roles, name variants, groups, pronouns, quotations over
paragraphs, "X said:", "according to X", "quoted X as saying")."""
from __future__ import annotations

import importlib

import pytest

from pipeline.extract.quotes import extract_quotes
from pipeline.nlp.parse import load_model, parse_document

try:
    resolve_entities = importlib.import_module("pipeline.extract.entities").resolve_entities
except (ImportError, AttributeError):
    resolve_entities = None

CASES = [
    pytest.param('Gen. Marcus Delane, the head of Northern Sentinel Command, briefed lawmakers on Tuesday. The command tracked the balloon for days. “We had eyes on it the entire time,” the head of Northern Sentinel Command said.',
                 'We had eyes', 'Marcus Delane', id='role_head_of_command'),
    pytest.param('Chairman of the Joint Chiefs of Staff Gen. Darnell P. Okoro arrived in Vantia on Monday. “The alliance has never been stronger,” the Pentagon’s top general told reporters travelling with him.',
                 'The alliance has', 'Darnell P. Okoro', id='role_top_general'),
    pytest.param('Defense Secretary Lloyd Harrow met Japanese Defense Minister Kenji Sato in Tokyo. “We will deepen our cooperation on missile defense,” his Japanese counterpart said after the talks.',
                 'We will deepen', 'Kenji Sato', id='role_counterpart'),
    pytest.param('Gen. Charles Q. Brennan Jr. testified before the committee. Later, CQ Brennan said: “Our readiness is at a high level and we intend to keep it there.”',
                 'Our readiness', 'Charles Q. Brennan Jr.', id='variant_initials'),
    pytest.param('“We are not seeking a wider war,” Halvorsen said on Friday. Foreign Minister Ingrid Halvorsen spoke after a meeting of the alliance in Oslo.',
                 'We are not seeking', 'Ingrid Halvorsen', id='variant_short_form_first'),
    pytest.param('Japanese Prime Minister Taro Ishikawa and South Korean President Han Seung-woo met in Seoul. “We will face the challenges of the region together,” the leaders of Japan and South Korea said in a joint statement.',
                 'We will face', 'Taro Ishikawa and Han Seung-woo', id='group_leaders_of_two_states'),
    pytest.param('Foreign Minister Pedro Valcárcel arrived in Lima on Monday for two days of talks. “Our countries share a long history of friendship,” he said at the airport.',
                 'Our countries share', 'Pedro Valcárcel', id='pronoun_he_after_arrival'),
    pytest.param('“The sanctions are working,” said Treasury Secretary Janet Morrow. She met the governor of the central bank, Felipe Aranda, later in the day. “We will keep up the pressure until the talks resume,” she added.',
                 'We will keep up', 'Janet Morrow', id='pronoun_she_added_past_other_person'),
    pytest.param('Officials from the two countries met in Geneva on Thursday. “The talks were constructive and frank,” they said in a statement.',
                 'The talks were', 'Officials from the two countries', id='pronoun_they_plural_subject'),
    pytest.param('President Amara Kone addressed parliament on Wednesday.\n\n“We have rebuilt the roads and the schools. We have paid our debts.\n\n“Now we must build the future of our children,” Kone said.',
                 'Now we must', 'Amara Kone', id='continued_over_paragraphs'),
    pytest.param('Interior Minister Lars Eklund said: “The border will remain closed until further notice.”',
                 'The border will', 'Lars Eklund', id='speaker_before_colon'),
    pytest.param('The ceasefire “must be respected by all sides without exception,” according to Sofia Marchetti, the United Nations envoy for the region.',
                 'must be respected', 'Sofia Marchetti', id='according_to_apposition'),
    pytest.param('“This is a turning point for the region,” said Rafael Ortiz, the foreign minister of Veloria, after signing the accord.',
                 'This is a turning', 'Rafael Ortiz', id='said_name_apposition'),
    pytest.param('“China firmly opposes any interference in its internal affairs,” Foreign Ministry spokesperson Lin Wei said at a regular briefing.',
                 'China firmly', 'Lin Wei', id='spokesperson_title'),
    pytest.param('“We call on all parties to exercise restraint,” a spokesperson for the European Union said.',
                 'We call on', 'European Union', id='spokesperson_of_body_unnamed'),
    pytest.param('Prime Minister Hana Novak hosted Chancellor Erik Lindqvist in Prague. Lindqvist praised the talks. “We see eye to eye on energy and on security,” he said.',
                 'We see eye', 'Erik Lindqvist', id='pronoun_he_latest_subject'),
    pytest.param('Trade Minister Abdul Rahman Yusof visited Jakarta this week. “Our exports have doubled in five years,” the minister said.',
                 'Our exports have', 'Abdul Rahman Yusof', id='role_the_minister'),
    pytest.param('“There will be no retreat,” Defence Minister Oleksa Hrytsenko told a news conference in Kyiv.',
                 'There will be no', 'Oleksa Hrytsenko', id='title_in_inverted_subject'),
    pytest.param('President Elena Vasquez of Tamoria welcomed the deal. “This agreement will bring jobs to our people,” the president said in a televised address.',
                 'This agreement will', 'Elena Vasquez', id='role_the_president'),
    pytest.param('Secretary of State Mark Ellison called the attack “a cowardly act of terror” and promised a swift response.',
                 'a cowardly act', 'Mark Ellison', id='partial_quote_in_sentence'),
    pytest.param('Ambassador Grace Mbeki met Foreign Minister Tomas Berg on Monday. “We discussed trade, climate and security,” she said.',
                 'We discussed trade', 'Grace Mbeki', id='pronoun_she_subject_not_object'),
    pytest.param('“We will not accept a frozen conflict,” said Foreign Minister Dmytro Kovalenko.\n\n“Any peace must be just and lasting,” he added.',
                 'Any peace must', 'Dmytro Kovalenko', id='pronoun_he_added_next_paragraph'),
    pytest.param('Foreign Minister Anna Lind of Norland and Foreign Minister Pierre Duval of Gallia met in Brussels. “Our partnership is stronger than ever,” the two ministers said.',
                 'Our partnership is', 'Anna Lind and Pierre Duval', id='group_two_ministers'),
    pytest.param('“The humanitarian situation is catastrophic,” the World Food Programme said in a statement on Sunday.',
                 'The humanitarian', 'World Food Programme', id='organisation_speaker'),
    pytest.param('“We are ready,” General Tomas Ruiz said, “to defend every inch of our territory.”',
                 'to defend every', 'Tomas Ruiz', id='quote_split_by_attribution'),
    pytest.param('President Ravi Menon spoke to reporters after the summit. He said: “The region needs peace more than ever before.”',
                 'The region needs', 'Ravi Menon', id='pronoun_lead_in_colon'),
    pytest.param('Prime Minister Sanna Virtanen of Nordland announced new sanctions on Monday.\n\nThe measures target banks and energy exports.\n\n“We will not stand by while our neighbours are attacked,” she said.',
                 'We will not stand', 'Sanna Virtanen', id='pronoun_she_two_paragraphs_back'),
    pytest.param('“The talks could resume as early as next week,” a senior State Department official said on condition of anonymity.',
                 'The talks could', 'United States Department of State', id='official_of_department'),
    pytest.param('Mr. Okafor, who leads the opposition party, rejected the plan. “This budget punishes working families,” Mr. Okafor told reporters.',
                 'This budget punishes', 'Okafor', id='surname_with_mr'),
    pytest.param('The Foreign Ministry of Veloria summoned the ambassador on Monday. “The violation of our airspace is unacceptable,” the ministry said.',
                 'The violation of', 'Foreign Ministry of Veloria', id='body_named_again_by_noun'),
    pytest.param('First Lady Melania Trump visited a hospital in Ohio on Friday. “Every child deserves to feel safe,” the first lady said.',
                 'Every child deserves', 'Melania Trump', id='first_lady'),
    pytest.param('Rescue workers reached the village on Tuesday after a long night. Mayor Ion Popescu thanked them. “We found three people alive under the rubble,” they said.',
                 'We found three', 'Rescue workers', id='pronoun_they_not_one_person'),
    pytest.param('Prime Minister Kenta Mori met business leaders in Osaka on Monday. He was quoted as saying that the economy “is on a path to recovery after a difficult year” by the Kyodo news agency.',
                 'is on a path', 'Kenta Mori', id='quoted_as_saying_passive'),
    pytest.param('State news agency Xinhua quoted President Zhao Ming as saying that both sides “should keep dialogue open at all levels”.',
                 'should keep dialogue', 'Zhao Ming', id='quoted_as_saying_active'),
    pytest.param("“The prime minister has full confidence in the minister,” Prime Minister Leona Hart's office said in a statement.",
                 'The prime minister has', 'Leona Hart', id='office_of_person'),
    pytest.param('“Peace is possible if both sides want it,” Foreign Minister Arvid Holm wrote on X.',
                 'Peace is possible', 'Arvid Holm', id='wrote_on_social_media'),
    pytest.param('“The exercises are a clear provocation,” a statement from the Ministry of Defense of Kordavia said.',
                 'The exercises are', 'Ministry of Defense of Kordavia', id='statement_from_ministry'),
    pytest.param('Finance Minister Rosa Delgado told Reuters in an interview that inflation “will fall below four percent by the end of the year”.',
                 'will fall below', 'Rosa Delgado', id='told_agency_in_interview'),
    pytest.param('Navy Adm. Paul Brandt, who commands the Pacific fleet, said the patrols “will continue as planned in international waters”.',
                 'will continue as', 'Paul Brandt', id='relative_clause_subject'),
    pytest.param('“We have seen no evidence of a withdrawal,” said Helen Strand, the spokeswoman for the alliance.',
                 'We have seen no', 'Helen Strand', id='said_name_spokeswoman'),
    pytest.param('Foreign Minister Victor Lemaire met Ms. Clara Jensen, the trade commissioner, in Paris. “We made real progress on tariffs,” he said.',
                 'We made real', 'Victor Lemaire', id='pronoun_he_gender_from_title'),
    pytest.param('Prime Minister Maria Santos spoke by phone with President Luis Ferreira on Tuesday. “We agreed to reopen the border crossings,” she said.',
                 'We agreed to', 'Maria Santos', id='pronoun_she_subject_before_object'),
    pytest.param('President Ahmed Farouk hosted President Jean Moreau in Cairo. “We will double trade by 2030,” the two leaders said in a joint declaration.',
                 'We will double', 'Ahmed Farouk and Jean Moreau', id='group_two_leaders'),
    pytest.param('Provincial health officials confirmed the outbreak on Friday. “The risk to the public remains low,” they said.',
                 'The risk to', 'Provincial health officials', id='pronoun_they_plural_noun'),
    pytest.param('Energy Minister Omar Haddad announced the new pipeline on Monday.\n\n“The project will create thousands of jobs,” the minister added.',
                 'The project will', 'Omar Haddad', id='role_minister_added_next_paragraph'),
    pytest.param('The Kordavian Foreign Ministry said in a statement: “We reject these accusations as baseless.”',
                 'We reject these', 'Kordavian Foreign Ministry', id='body_said_in_statement_colon'),
    pytest.param('Defense Minister Kaito Mura inspected the base on Okinawa.\n\nSpeaking to reporters afterwards, he said: “The security environment around our country is the most severe since the war.”',
                 'The security environment', 'Kaito Mura', id='pronoun_he_speaking_to_reporters'),
    pytest.param('Chancellor Friedrich Albers met union leaders on Monday. “We cannot afford a strike now,” Albers said.',
                 'We cannot afford', 'Friedrich Albers', id='surname_only_later'),
    pytest.param('The convoy was hit near the border, according to a spokesman for the Red Crescent, who said “at least twelve trucks were destroyed”.',
                 'at least twelve', 'Red Crescent', id='according_to_spokesman_for_body'),
    pytest.param('Estonian Foreign Minister Kaarel Tamm visited Kyiv on Tuesday. “Our support for Ukraine will not waver,” the Estonian foreign minister said.',
                 'Our support for', 'Kaarel Tamm', id='role_with_nationality'),
]


@pytest.fixture(scope="module")
def nlp():
    if resolve_entities is None:
        pytest.skip("entity pass not importable")
    return load_model()


@pytest.mark.parametrize("text, quote_start, expected", CASES)
def test_wire_speaker(nlp, text, quote_start, expected):
    parsed = parse_document("t", text, nlp=nlp)
    parsed.entities = resolve_entities(parsed)
    rows = [r for r in extract_quotes(parsed) if r["text"].startswith(quote_start)]
    assert rows, f"no quote starting {quote_start!r}"
    assert rows[0]["speaker"] == expected
