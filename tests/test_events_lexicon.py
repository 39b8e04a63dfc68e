"""The trigger lexicon loads into typed entries, and strictly: a key it does not know is an error
naming the entry, never a flag silently ignored."""
from __future__ import annotations

import dataclasses

import pytest

from pipeline.extract.events.lexicon import Entry, LexiconError, load_lexicon, parse_entry


def test_the_shipped_lexicon_loads_into_frozen_entries():
    lex = load_lexicon()
    visit = lex.verbs["visit"]
    assert isinstance(visit, Entry) and visit.type == "CONSULT" and visit.dest
    with pytest.raises(dataclasses.FrozenInstanceError):
        visit.dest = False
    assert all(isinstance(e, Entry) for e in [*lex.verbs.values(), *lex.nouns.values(), *lex.phrases])


def test_phrases_are_indexed_by_verb_and_each_object():
    lex = load_lexicon()
    for rule in lex.phrases:
        for obj in rule.object:
            assert lex.phrase_index[(rule.verb, obj)] is rule


def test_a_phrase_row_with_a_list_of_verbs_gives_each_verb_the_objects(tmp_path):
    path = tmp_path / "triggers.yaml"
    path.write_text("phrases:\n  - {verb: [scrap, tear up], object: [treaty], type: SANCTION, mode: withdraw}\n")
    lex = load_lexicon.__wrapped__(str(path))
    assert [rule.verb for rule in lex.phrases] == ["scrap", "tear up"]
    assert lex.phrase_index[("tear up", "treaty")].type == "SANCTION"
    path.write_text("phrases:\n  - {verb: [], object: [treaty], type: SANCTION, mode: withdraw}\n")
    with pytest.raises(LexiconError, match=r"phrases\[0\]\.verb"):
        load_lexicon.__wrapped__(str(path))


def test_an_unknown_key_names_the_entry_and_the_key():
    with pytest.raises(LexiconError, match=r"verbs\.parley: unknown key\(s\) \['recipricol'\]"):
        parse_entry("verbs.parley", {"type": "CONSULT", "mode": "meeting", "recipricol": True})


def test_a_missing_mode_and_an_unknown_type_are_errors():
    with pytest.raises(LexiconError, match=r"nouns\.parley: missing key\(s\) \['mode'\]"):
        parse_entry("nouns.parley", {"type": "CONSULT"})
    with pytest.raises(LexiconError, match=r"verbs\.parley\.type: 'CHAT' is not an event type"):
        parse_entry("verbs.parley", {"type": "CHAT", "mode": "meeting"})


def test_values_of_the_wrong_kind_are_errors():
    with pytest.raises(LexiconError, match=r"verbs\.parley\.reciprocal: expected true or false"):
        parse_entry("verbs.parley", {"type": "CONSULT", "mode": "meeting", "reciprocal": "yes"})
    with pytest.raises(LexiconError, match=r"verbs\.parley\.requires_prep: expected a non-empty list"):
        parse_entry("verbs.parley", {"type": "CONSULT", "mode": "meeting", "requires_prep": "with"})
    with pytest.raises(LexiconError, match=r"planned_type: expected \[type, mode\]"):
        parse_entry("verbs.parley", {"type": "CONSULT", "mode": "meeting", "planned_type": ["AGREE"]})


def test_phrase_keys_belong_to_phrases_and_built_in_flags_to_no_file_entry():
    with pytest.raises(LexiconError, match=r"unknown key\(s\) \['verb'\]"):
        parse_entry("verbs.parley", {"type": "CONSULT", "mode": "meeting", "verb": "hold"})
    with pytest.raises(LexiconError, match=r"unknown key\(s\) \['joint'\]"):
        parse_entry("verbs.parley", {"type": "AGREE", "mode": "promise", "joint": True})
    with pytest.raises(LexiconError, match=r"missing key\(s\) \['object'\]"):
        parse_entry("phrases[0]", {"verb": "hold", "type": "CONSULT", "mode": "meeting"}, phrase=True)


def test_a_verb_object_reading_becomes_a_typed_object_reading():
    entry = parse_entry("verbs.parley", {"type": "CONSULT", "mode": "meeting",
                                         "objects": [{"lemmas": ["deal"], "type": "AGREE", "mode": "agreement"}]})
    assert entry.objects[0].lemmas == frozenset({"deal"}) and entry.objects[0].type == "AGREE"


def test_an_object_reading_may_need_no_recipient_and_nothing_else():
    entry = parse_entry("verbs.shut", {"type": "SANCTION", "mode": "suspend", "objects": [
        {"lemmas": ["internet"], "type": "COERCE", "mode": "censor", "recipient_optional": True}]})
    assert entry.objects[0].recipient_optional
    with pytest.raises(LexiconError, match="verbs.shut"):
        parse_entry("verbs.shut", {"type": "SANCTION", "mode": "suspend", "objects": [
            {"lemmas": ["internet"], "type": "COERCE", "mode": "censor", "needs_recipient": True}]})


def test_an_unknown_section_is_an_error(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text("verbs: {}\nnouns: {}\nphrase: []\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"unknown section\(s\) \['phrase'\]"):
        load_lexicon.__wrapped__(str(path))


@pytest.mark.parametrize("key", ["back down up", "back downward", "back  down"])
def test_a_verb_key_is_a_lemma_or_a_lemma_and_one_particle(tmp_path, key):
    path = tmp_path / "lexicon.yaml"
    path.write_text(f"verbs:\n  '{key}': {{type: CONCEDE, mode: yield}}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"a verb key is a lemma or a lemma and one particle"):
        load_lexicon.__wrapped__(str(path))


def test_a_phrasal_verb_is_its_own_entry():
    verbs = load_lexicon().verbs
    assert verbs["back down"].type == "CONCEDE" and verbs["back"].type == "SUPPORT"


def test_every_key_an_entry_may_hold_is_documented_in_the_lexicon_header():
    from pipeline.extract.events.lexicon import LEXICON_PATH

    header = LEXICON_PATH.read_text(encoding="utf-8").split("\nverbs:")[0]
    from pipeline.extract.events.lexicon import BUILT_IN_ONLY

    file_keys = {f.name for f in dataclasses.fields(Entry)} - BUILT_IN_ONLY  # set by the loader, not the file
    assert {k for k in file_keys if k not in header} == set()


def test_a_phrase_verb_is_checked_like_a_verb_key(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text("phrases:\n  - {verb: set upward, object: [group], type: AGREE, mode: agreement}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"a verb key is a lemma or a lemma and one particle"):
        load_lexicon.__wrapped__(str(path))


def test_a_phrasal_verb_keeps_its_own_phrases():
    lex = load_lexicon()
    assert lex.phrase_index[("set up", "committee")].type == "AGREE"
    assert ("set", "committee") not in lex.phrase_index  # "set a committee" is no founding
