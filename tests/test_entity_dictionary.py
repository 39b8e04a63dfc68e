"""Schema checks of the actor dictionaries: a misspelt column, key or value stops the build."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.entities.dictionary import (
    GAZETTEER_COLUMNS, PLACES_KEYS, DictionaryError, actors_from_rows, gazetteer_row, read_gazetteer,
    read_keyed_yaml,
)

ROW = {"name": "Ada Quill", "entity_type": "person", "country_code": "JPN", "code": "JPN",
       "role": "Foreign Minister", "wikidata_id": "", "aliases": "Quill|A. Quill", "start": "2019",
       "end": "2021-06-30", "home_country": ""}


def test_a_good_row_is_typed():
    row = gazetteer_row(ROW, "t")
    assert row.start == dt.date(2019, 1, 1) and row.end == dt.date(2021, 6, 30)
    assert row.aliases == ("Quill", "A. Quill")
    with pytest.raises(AttributeError):
        row.name = "other"  # frozen


@pytest.mark.parametrize("change", [
    {"nickname": "Q"},                 # unknown column
    {"entity_type": "persn"},          # value outside the domain
    {"country_code": "Japan"},         # not ISO3
    {"start": "2019-13-01"},           # not a date
    {"start": "2022", "end": "2020"},  # ends before it starts
    {"wikidata_id": "132345"},         # not a Q-id
])
def test_bad_rows_are_errors(change):
    with pytest.raises(DictionaryError):
        gazetteer_row({**ROW, **change}, "t")


def test_terms_of_one_actor_are_grouped():
    rows = [gazetteer_row(ROW, "t"), gazetteer_row({**ROW, "role": "Prime Minister", "start": "2022", "end": ""}, "t")]
    (actor,) = actors_from_rows(rows).values()
    assert [t.role for t in actor.terms] == ["Foreign Minister", "Prime Minister"]
    assert actor.terms[1].covers(dt.date(2030, 1, 1)) and not actor.terms[0].covers(dt.date(2022, 1, 1))


def test_unknown_yaml_key_is_an_error(tmp_path):
    path = tmp_path / "places.yaml"
    path.write_text("demonyms: {}\ndemonym: {}\n")
    with pytest.raises(DictionaryError):
        read_keyed_yaml(path, PLACES_KEYS)


def test_project_files_fit_the_schema(tmp_path):
    from pipeline.extract.entities.dictionary import DATA_DIR
    assert read_gazetteer(DATA_DIR / "gazetteer.csv")
    bad = tmp_path / "g.csv"
    bad.write_text(",".join(GAZETTEER_COLUMNS[:-1]) + "\n")
    with pytest.raises(DictionaryError):
        read_gazetteer(bad)
