"""The word-list YAML loader keeps 'on', 'no', 'yes' and 'off' as words."""
from pathlib import Path

import pytest
import yaml

from pipeline.datafile import load_yaml

DATA = Path(__file__).resolve().parent.parent / "pipeline" / "data"


def test_yaml_1_1_boolean_words_stay_words():
    assert load_yaml("preps: [for, on, upon, off, yes, no, y, n]\nflag: true\nother: False") == {
        "preps": ["for", "on", "upon", "off", "yes", "no", "y", "n"], "flag": True, "other": False}


def _booleans_inside_lists(value, path=""):
    if isinstance(value, dict):
        return [hit for k, v in value.items() for hit in _booleans_inside_lists(v, f"{path}/{k}")]
    if isinstance(value, list):
        return [f"{path}[{i}]" for i, v in enumerate(value) if isinstance(v, bool)] + \
            [hit for v in value for hit in _booleans_inside_lists(v, path)]
    return []


def test_no_word_list_in_the_data_files_holds_a_boolean():
    files = sorted(DATA.glob("*.yaml"))
    assert files
    assert [hit for f in files for hit in _booleans_inside_lists(load_yaml(f), f.name)] == []


def test_a_key_written_twice_is_an_error_not_an_overwrite():
    with pytest.raises(yaml.constructor.ConstructorError, match="judging_verbs"):
        load_yaml("grammar:\n  judging_verbs: [reject]\n  other: [a]\n  judging_verbs: [be]\n")
    assert load_yaml("a: {b: 1, c: 2}") == {"a": {"b": 1, "c": 2}}


def test_every_data_file_writes_each_key_once():
    for f in sorted(DATA.glob("*.yaml")):
        load_yaml(f)  # raises on a key written twice
