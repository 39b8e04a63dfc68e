"""The derived trigger lexicon (CAMEO -> PLOVER): its schema, its loader and its reproduction."""
import importlib.util
from pathlib import Path

import pytest

from pipeline.extract.trigger_lexicon import (COLUMNS, DERIVED_PATH, LexiconError, Pattern, Reading, load_derived,
                                              match, parse)
from schemas.vocab import EVENT_TYPES

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT.parent / "shared" / "resources"
HEADER = ",".join(COLUMNS)


def lexicon(*rows: str, header: str = HEADER) -> str:
    return "\n".join(["# a comment", header, *rows]) + "\n"


def test_a_small_lexicon_reads_into_typed_entries():
    lex = parse(lexicon("verb,condemn,,,,ACCUSE,disapprove,111",
                        "pattern,impose,,,sanction,SANCTION,sanctions,163",
                        "pattern,call,,for,,REQUEST,appeal,020",
                        "pattern,set,up,,,COOPERATE,cooperation,060",
                        "noun,,,,demonstration,PROTEST,demo,141"))
    assert lex.verbs["condemn"] == Reading("ACCUSE", "disapprove", "111")
    assert lex.patterns[Pattern("impose", object="sanction")].type == "SANCTION"
    assert lex.patterns[Pattern("call", prep="for")].cameo == "020"
    assert Pattern("set", particle="up") in lex.patterns
    assert lex.nouns["demonstration"].mode == "demo"


def test_entries_are_frozen():
    lex = parse(lexicon("verb,condemn,,,,ACCUSE,disapprove,111"))
    with pytest.raises(Exception):
        lex.verbs["condemn"].type = "AGREE"
    with pytest.raises(TypeError):
        lex.verbs["praise"] = Reading("SUPPORT", "praise", "051")


@pytest.mark.parametrize("text, message", [
    (lexicon("verb,condemn,,,,ACCUSE,disapprove,111", header=HEADER + ",weight"), "unknown: ['weight']"),
    (lexicon("verb,condemn,,,,ACCUSE,disapprove", header=",".join(COLUMNS[:-1])), "missing: ['cameo']"),
    (lexicon("verb,condemn,,,,DENOUNCE,disapprove,111"), "unknown event type 'DENOUNCE'"),
    (lexicon("verb,condemn,,,,ACCUSE,Disapprove,111"), "malformed mode"),
    (lexicon("verb,condemn,,,,ACCUSE,disapprove,1x1"), "malformed CAMEO code"),
    (lexicon("adverb,condemn,,,,ACCUSE,disapprove,111"), "unknown kind 'adverb'"),
    (lexicon("verb,condemn,,,,ACCUSE,disapprove"), "7 cells"),
    (lexicon("verb,condemn,,,sanction,ACCUSE,disapprove,111"), "fills object"),
    (lexicon("noun,hold,,,talk,CONSULT,meeting,046"), "fills verb"),
    (lexicon("pattern,impose,,,,SANCTION,sanctions,163"), "names nothing beside the verb"),
    (lexicon("pattern,,,,sanction,SANCTION,sanctions,163"), "needs its verb"),
    (lexicon("pattern,call,up,for,,REQUEST,appeal,020"), "both a particle and a preposition"),
    (lexicon("verb,Condemn,,,,ACCUSE,disapprove,111"), "malformed verb"),
    (lexicon("verb,condemn,,,,ACCUSE,disapprove,111", "verb,condemn,,,,ACCUSE,allege,112"), "listed twice"),
    ("# only comments\n", "no header row"),
])
def test_a_schema_breach_is_an_error_naming_the_line(text, message):
    with pytest.raises(LexiconError, match=message.replace("[", r"\[").replace("(", r"\(")):
        parse(text, "test.csv")


def test_the_shipped_lexicon_loads_and_every_type_is_a_codebook_type():
    lex = load_derived()
    assert len(lex.verbs) > 500 and len(lex.patterns) > 5000
    readings = [*lex.verbs.values(), *lex.patterns.values(), *lex.nouns.values()]
    assert {r.type for r in readings} <= set(EVENT_TYPES)
    assert not any(r.cameo.startswith("01") for r in readings)  # public statements are no events


def test_the_codebook_decides_where_it_differs_from_plover():
    lex = load_derived()
    assert lex.patterns[Pattern("impose", object="sanction")].type == "SANCTION"  # PLOVER: COERCE
    assert lex.verbs["apologize"].type == "CONCEDE"  # PLOVER: SUPPORT
    assert lex.patterns[Pattern("call", prep="for")].type == "REQUEST"  # PLOVER leaves appeals unmapped


def test_the_licence_notice_sits_beside_the_derived_file():
    notice = (DERIVED_PATH.parent / "cameo_triggers.NOTICE.md").read_text(encoding="utf-8")
    for words in ("CC BY-SA 4.0", "MIT", "Open Event Data", "scripts/build_trigger_lexicon.py", "676801cd"):
        assert words in notice


@pytest.mark.skipif(not (RESOURCES / "petrarch2" / "CAMEO.2.0.txt").is_file(), reason="../shared/resources absent")
def test_the_script_reproduces_the_derived_file_byte_for_byte():
    spec = importlib.util.spec_from_file_location("build_trigger_lexicon", ROOT / "scripts" / "build_trigger_lexicon.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.build(RESOURCES).encode("utf-8") == DERIVED_PATH.read_bytes()


# ---------------------------------------------------------------- reading a parse (sentences written for the tests)

def verb_of(nlp, text: str, lemma: str):
    return next(t for t in nlp(text) if t.lemma_.lower() == lemma and t.pos_ == "VERB")


@pytest.mark.parametrize("text, lemma, etype, pattern", [
    ("Canada imposed sanctions on Belarus.", "impose", "SANCTION", Pattern("impose", object="sanction")),
    ("New sanctions were imposed on Belarus by Canada.", "impose", "SANCTION", Pattern("impose", object="sanction")),
    ("Chile called for a ceasefire in the region.", "call", "REQUEST", Pattern("call", prep="for", object="ceasefire")),
    ("Peru sought assistance from Bolivia after the floods.", "seek", "REQUEST", Pattern("seek", object="assistance")),
    ("Ghana boycotted the summit in Lagos.", "boycott", "REJECT", Pattern("boycott", object="summit")),
])
def test_the_parse_finds_the_most_specific_dictionary_pattern(nlp, text, lemma, etype, pattern):
    found = match(verb_of(nlp, text, lemma))
    assert found is not None and found.pattern == pattern and found.reading.type == etype
    assert found.object_i is not None and found.object_i != verb_of(nlp, text, lemma).i


def test_a_preposition_with_its_object_wins_over_the_preposition_alone(nlp):
    found = match(verb_of(nlp, "Chile called for a ceasefire.", "call"))
    assert found.pattern.object == "ceasefire" and found.reading.cameo == "0256"


def test_a_verb_alone_and_a_residual_code_are_no_reading(nlp):
    assert match(verb_of(nlp, "The delegation went home early.", "go")) is None  # CAMEO block GO_SOMEWHERE [040]
    assert load_derived().verbs["condemn"].type == "ACCUSE"  # verbs are in the file, but `match` reads patterns
    assert match(verb_of(nlp, "Norway condemned the attack.", "condemn")) is None
