"""Collections (collection.yaml), nested folders, file-name metadata and files of other formats, on
small folders written here; and a build with nothing to publish."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.ingest import ingest_corpus
from pipeline.ingest.collections import CollectionError, ordinal, parse_collection
from pipeline.ingest.fingerprint import sources_digest

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
SPEECH = "Mr. President, we meet at a time of change. My delegation supports the Charter.\n"

SPEECHES = """name: speeches
title: Statements in a general debate
publisher: An Assembly
licence: CC0-1.0
citation: [First citation., Second citation.]
archive: https://example.org/archive/commit/abc
url: https://example.org/speeches
language: en
file_pattern: '(?P<country>[A-Z]{3})_(?P<session>\\d+)_(?P<year>\\d{4})\\.txt'
speaking_state: '{country}'
title_template: 'Statement by {country_name} at the {session_ordinal} session, {year}'
country_names:
  SUN:
    - {until: 1991, name: the Soviet Union}
    - {name: the Union}
"""


def write(root, files: dict[str, str]):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def run(root, files: dict[str, str]):
    write(root, files)
    result = ingest_corpus(root, now=NOW)
    return {d["source_file"]: d for d in result.documents}, {(i["source_file"], i["code"]): i for i in result.issues}


def test_file_names_give_date_state_and_title(tmp_path):
    docs, issues = run(tmp_path, {"speeches/collection.yaml": SPEECHES, "speeches/JPN_1_1957.txt": SPEECH,
                                  "speeches/CHN_22_1967.txt": SPEECH.replace("change", "trial")})
    assert issues == {}
    jpn = docs["speeches/JPN_1_1957.txt"]
    assert (jpn["published_date"], jpn["published_date_precision"], jpn["published_date_source"]) == \
        (dt.date(1957, 1, 1), "year", "file_name")
    assert (jpn["speaking_state"], jpn["collection"], jpn["licence"], jpn["publisher"], jpn["language"]) == \
        ("JPN", "speeches", "CC0-1.0", "An Assembly", "en")
    assert (jpn["title"], jpn["title_source"]) == ("Statement by Japan at the 1st session, 1957", "collection")
    assert docs["speeches/CHN_22_1967.txt"]["title"] == "Statement by China at the 22nd session, 1967"


def test_country_names_by_period():
    from pipeline.ingest.collections import file_facts

    collection = parse_collection(__import__("yaml").safe_load(SPEECHES), "speeches")
    assert file_facts(collection, "speeches/SUN_46_1991.txt").title == \
        "Statement by the Soviet Union at the 46th session, 1991"
    assert file_facts(collection, "speeches/SUN_47_1992.txt").title == "Statement by the Union at the 47th session, 1992"


def test_file_name_that_does_not_match_is_reported(tmp_path):
    docs, issues = run(tmp_path, {"speeches/collection.yaml": SPEECHES, "speeches/notes-1957.txt": SPEECH,
                                  "speeches/XXX_1_1957.txt": SPEECH + "Again.\n"})
    assert set(issues) == {("speeches/notes-1957.txt", "file_name_mismatch"),
                           ("speeches/XXX_1_1957.txt", "file_name_mismatch")}
    assert docs["speeches/notes-1957.txt"]["collection"] == "speeches"
    assert docs["speeches/notes-1957.txt"]["published_date"] is None
    odd = docs["speeches/XXX_1_1957.txt"]
    assert odd["speaking_state"] is None and odd["published_date"] == dt.date(1957, 1, 1)


def test_nearest_collection_wins_and_loose_files_have_none(tmp_path):
    outer = "name: outer\nlicence: CC-BY-4.0\npublisher: Outer Press\n"
    inner = "name: inner\nlicence: CC0-1.0\nspeaking_state: NOR\n"
    docs, issues = run(tmp_path, {"loose.txt": "Ministers met in Oslo.\n",
                                  "a/collection.yaml": outer, "a/x/one.md": "Ministers met in Lima.\n",
                                  "a/b/collection.yaml": inner, "a/b/c/deep/two.txt": "Ministers met in Bern.\n"})
    assert issues == {}
    assert [docs[n]["collection"] for n in ("loose.txt", "a/x/one.md", "a/b/c/deep/two.txt")] == [None, "outer", "inner"]
    assert (docs["a/x/one.md"]["licence"], docs["a/x/one.md"]["publisher"], docs["a/x/one.md"]["speaking_state"]) == \
        ("CC-BY-4.0", "Outer Press", None)
    assert docs["a/b/c/deep/two.txt"]["speaking_state"] == "NOR"
    assert docs["loose.txt"]["licence"] is None and docs["loose.txt"]["speaking_state"] is None


def test_catalog_and_front_matter_come_before_the_collection(tmp_path):
    (tmp_path / "catalog.csv").write_text("file,title,publisher\nspeeches/JPN_2_1958.txt,From the Catalog,Cat Press\n")
    front = "---\ntitle: From Front Matter\ndate: 1959-09-21\n---\n"
    docs, _ = run(tmp_path, {"speeches/collection.yaml": SPEECHES, "speeches/JPN_2_1958.txt": SPEECH,
                             "speeches/JPN_3_1959.txt": front + SPEECH + "More.\n"})
    by_catalog, by_front = docs["speeches/JPN_2_1958.txt"], docs["speeches/JPN_3_1959.txt"]
    assert (by_catalog["title"], by_catalog["title_source"], by_catalog["publisher"]) == \
        ("From the Catalog", "catalog", "Cat Press")
    assert (by_front["title"], by_front["title_source"]) == ("From Front Matter", "front_matter")
    assert (by_front["published_date"], by_front["published_date_source"]) == (dt.date(1959, 9, 21), "front_matter")
    assert by_front["speaking_state"] == "JPN"


def test_malformed_collection_is_reported_and_ignored(tmp_path):
    docs, issues = run(tmp_path, {"a/collection.yaml": "name: a\nlicense: CC0-1.0\n", "a/one.txt": SPEECH})
    issue = issues[("a/collection.yaml", "collection_malformed")]
    assert "unknown key(s) license" in issue["message"] and "ignored" in issue["message"]
    assert docs["a/one.txt"]["collection"] is None and docs["a/one.txt"]["licence"] is None


def test_a_malformed_inner_collection_falls_back_to_the_outer_one(tmp_path):
    docs, issues = run(tmp_path, {"collection.yaml": "name: outer\n", "a/collection.yaml": "name: [not, text]\n",
                                  "a/one.txt": SPEECH})
    assert list(issues) == [("a/collection.yaml", "collection_malformed")]
    assert docs["a/one.txt"]["collection"] == "outer"


@pytest.mark.parametrize("values, message", [
    ({"title": "no name"}, "`name` is required"),
    ({"name": "Bad Name"}, "`name` is required"),
    ({"name": "a", "file_pattern": "(?P<year"}, "not a valid regular expression"),
    ({"name": "a", "speaking_state": "Norway"}, "neither an ISO3 code"),
    ({"name": "a", "speaking_state": "{country}"}, "neither an ISO3 code"),
    ({"name": "a", "file_pattern": "(?P<year>\\d{4})", "title_template": "{country_name} {year}"}, "names country_name"),
    ({"name": "a", "title_template": "{"}, "not a format string"),
    ({"name": "a", "citation": [1, 2]}, "`citation` must be"),
    ({"name": "a", "licence": ""}, "`licence` must be a non-empty string"),
    ({"name": "a", "country_names": {"Japan": "Japan"}}, "not an ISO3 code"),
    ({"name": "a", "country_names": {"JPN": [{"until": "x", "name": "Japan"}]}}, "country_names` JPN"),
    (["name", "a"], "must be a mapping"),
])
def test_collection_values_are_checked(values, message):
    with pytest.raises(CollectionError, match=message.replace("(", r"\(").replace("[", r"\[")):
        parse_collection(values, "folder")


def test_two_collections_cannot_share_a_name(tmp_path):
    _, issues = run(tmp_path, {"a/collection.yaml": "name: same\n", "b/collection.yaml": "name: same\n",
                               "a/x.txt": SPEECH})
    assert "already the name of a/collection.yaml" in issues[("b/collection.yaml", "collection_malformed")]["message"]


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 79, 101, 111, 112)] == \
        ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "79th", "101st", "111th", "112th"]


def test_other_formats_are_reported_and_metadata_files_are_not_sources(tmp_path):
    docs, issues = run(tmp_path, {"a.txt": SPEECH, "deep/er/b.md": SPEECH + "More.\n", "report.pdf": "%PDF",
                                  "deep/data.json": "{}", "deep/catalog.csv": "file,title\n", "README": "read me",
                                  ".DS_Store": "x", "collection.yaml": "name: top\n"})
    assert sorted(docs) == ["a.txt", "deep/er/b.md"]
    assert set(issues) == {("report.pdf", "unsupported_format"), ("deep/data.json", "unsupported_format"),
                           ("deep/catalog.csv", "unsupported_format"), ("README", "unsupported_format")}
    assert "only the catalog.csv at the top" in issues[("deep/catalog.csv", "unsupported_format")]["message"]
    assert "*.txt or *.md" in issues[("report.pdf", "unsupported_format")]["message"]


def test_collection_files_are_part_of_the_sources_digest(tmp_path):
    write(tmp_path, {"a/collection.yaml": "name: a\nlicence: CC0-1.0\n", "a/one.txt": SPEECH})
    before = sources_digest(tmp_path)
    (tmp_path / "a" / "collection.yaml").write_text("name: a\nlicence: CC-BY-4.0\n")
    assert sources_digest(tmp_path) != before


def check_release_describes_the_collection(release):
    """datapackage.json, croissant.json and the data card name the collection, its licence and
    citations, and count its documents; both descriptors still validate."""
    import json

    import frictionless
    import mlcroissant as mlc
    import polars as pl

    docs = pl.read_parquet(release / "documents.parquet")
    assert docs.sort("source_file")["speaking_state"].to_list() == [None, "JPN"]
    package = json.loads((release / "datapackage.json").read_text())
    first = package["sources"][0]
    assert (first["name"], first["licence"], first["citation"], first["documents"], first["years"]) == \
        ("speeches", "CC0-1.0", ["First citation.", "Second citation."], 1, "1957")
    assert first["path"] == "https://example.org/archive/commit/abc" and len(package["sources"]) == 2
    assert frictionless.Package.validate_descriptor(str(release / "datapackage.json")).valid
    croissant = json.loads((release / "croissant.json").read_text())
    assert croissant["isBasedOn"][0]["license"] == "CC0-1.0"
    assert croissant["isBasedOn"][0]["citation"] == ["First citation.", "Second citation."]
    issues = mlc.Dataset(jsonld=str(release / "croissant.json")).metadata.ctx.issues
    assert not issues.errors and not issues.warnings, issues.report()
    card = (release / "README.md").read_text()
    for needle in ["| speeches | Statements in a general debate | 1 | 1957 | CC0-1.0 | An Assembly |",
                   "- Second citation.", "| 1957 | 0 | 1 | 1 |", "| JPN | 0 | 1 | 1 |", "| none | 1 | 0 | 1 |",
                   "speeches: CC0-1.0"]:
        assert needle in card


def test_a_release_describes_its_collection_and_unsupported_files_alone_publish_nothing(tmp_path, capsys, monkeypatch):
    from pipeline.cli import main

    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    src, out = tmp_path / "sources", tmp_path / "out"
    write(src, {"a.txt": "Ministers of Chile and Peru met in Lima on Monday.\n",
                "speeches/collection.yaml": SPEECHES, "speeches/JPN_12_1957.txt": SPEECH})
    assert main(["build", "--sources", str(src), "--outputs", str(out)]) == 0
    latest = (out / "releases" / "latest").resolve()
    check_release_describes_the_collection(latest)
    for path in (src / "a.txt", src / "speeches" / "JPN_12_1957.txt", src / "speeches" / "collection.yaml"):
        path.unlink()
    write(src, {"notes.pdf": "%PDF-1.4", "sub/table.xlsx": "PK"})
    capsys.readouterr()
    assert main(["build", "--sources", str(src), "--outputs", str(out)]) != 0
    err = capsys.readouterr()
    assert "no document could be ingested" in err.err and "2 unsupported_format" in err.err
    assert "notes.pdf: unsupported_format" in err.out
    assert (out / "releases" / "latest").resolve() == latest
    assert sorted(p.name for p in (out / "releases").iterdir()) == sorted(["latest", latest.name])


def test_a_catalog_publisher_that_is_a_government_office_gives_the_publisher_state(tmp_path):
    from pipeline.ingest import ingest_corpus

    body = "Transcript\n\nPRIME MINISTER: Good afternoon. We signed a declaration with Japan today.\n"
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(body + f"Copy {name}.\n")  # identical texts would be duplicates
    (tmp_path / "catalog.csv").write_text(
        "file,title,publisher,author,url,published_date,language\n"
        "a.txt,Press conference,Prime Minister of Australia,,,2022-10-22,en\n"
        "b.txt,Talks,The Japan Times,,,2022-10-22,en\n"
        "c.txt,Briefing,Embassy of Japan in Kenya,,,2022-10-22,en\n")
    states = {d["source_file"]: d["publisher_state"] for d in ingest_corpus(tmp_path).documents}
    # a newspaper named after a country is no government; an office naming two states is unclear
    assert states == {"a.txt": "AUS", "b.txt": None, "c.txt": None}
