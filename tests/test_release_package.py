"""The release people download: datapackage.json (Frictionless), croissant.json (mlcroissant),
the data card, the plots, and the DuckDB dictionary and views."""
from __future__ import annotations

import json
import shutil
import socket

import duckdb
import polars as pl
import pytest

from pipeline.cli import main
from pipeline.release import plots
from pipeline.release.commands import verify_release
from pipeline.release.datacard import load_quality, write_datacard
from pipeline.release.views import VIEWS
from schemas import TABLES
from schemas._base import columns, foreign_keys, primary_key
from tests.conftest import seed_sources_dir


def seed_release(tmp_path_factory):
    """One release built from the seed articles per test session, shared by the release test modules
    (the first caller builds it; the folder is the cache). Never the whole of sources/."""
    outputs = tmp_path_factory.getbasetemp() / "seed-release" / "outputs"
    latest = outputs / "releases" / "latest"
    if not latest.exists():
        with pytest.MonkeyPatch.context() as mp:
            mp.delenv("DAGSTER_HOME", raising=False)
            assert main(["build", "--sources", str(seed_sources_dir(tmp_path_factory)),
                         "--outputs", str(outputs)]) == 0
    return latest.resolve()


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    return seed_release(tmp_path_factory)


@pytest.fixture(scope="module")
def frames(release):
    return {name: pl.read_parquet(release / f"{name}.parquet") for name in TABLES}


@pytest.fixture
def offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_release_has_every_file_and_verifies(release):
    for name in ["README.md", "datapackage.json", "croissant.json", "manifest.json", "diplodata.duckdb",
                 *plots.PLOT_FILES, *(f"{t}.parquet" for t in TABLES)]:
        assert (release / name).is_file(), name
    assert verify_release(release) == []
    listed = {entry["path"] for entry in json.loads((release / "manifest.json").read_text())["outputs"]}
    assert {"README.md", "datapackage.json", "croissant.json", *plots.PLOT_FILES} <= listed


# datapackage.json ---------------------------------------------------------------------------------

def test_datapackage_descriptor_is_valid(release, offline):
    import frictionless

    report = frictionless.Package.validate_descriptor(str(release / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def test_datapackage_describes_every_table_from_the_contracts(release, frames):
    package = json.loads((release / "datapackage.json").read_text())
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["$schema"].endswith("/2.0/datapackage.json")
    # one source per collection, then one per document outside any (the seeds are all loose)
    docs = frames["documents"]
    assert len(package["sources"]) == docs["collection"].n_unique() - docs["collection"].has_nulls() + \
        docs["collection"].null_count()
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == list(TABLES) + [f"{t}-csv" for t in TABLES]
    for name, model in TABLES.items():
        res, csv = resources[name], resources[f"{name}-csv"]
        assert res["path"] == f"{name}.parquet" and res["format"] == "parquet"
        assert "hash" not in res and "bytes" not in res  # the manifest's checksums cover Parquet
        assert csv["path"] == f"{name}.csv.gz" and csv["hash"].startswith("sha256:") and csv["bytes"] > 0
        assert [f["name"] for f in res["schema"]["fields"]] == frames[name].columns
        assert all(f["description"] for f in res["schema"]["fields"])
        assert res["schema"].get("primaryKey", []) == primary_key(model)
        assert res["schema"].get("foreignKeys", []) == foreign_keys(model)
        assert [k["reference"]["resource"] for k in csv["schema"].get("foreignKeys", [])] == \
            [f"{k['reference']['resource']}-csv" for k in foreign_keys(model)]


def test_frictionless_validates_the_published_package(release, offline):
    """The release folder itself, as a user runs `frictionless validate datapackage.json`: every
    Parquet and CSV resource read with its types, constraints, keys and foreign keys, and the
    CSV files' bytes and hashes."""
    import frictionless

    report = frictionless.validate(str(release / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]
    assert len(report.tasks) == 2 * len(TABLES)


# croissant.json -----------------------------------------------------------------------------------

def test_croissant_validates_offline(release, offline):
    import mlcroissant as mlc

    dataset = mlc.Dataset(jsonld=str(release / "croissant.json"))
    issues = dataset.metadata.ctx.issues
    assert not issues.errors, issues.report()
    assert not issues.warnings, issues.report()
    assert [rs.name for rs in dataset.metadata.record_sets] == list(TABLES)


def test_croissant_fields_and_hashes_match_the_files(release, frames):
    from pipeline.release.publish import file_sha256

    data = json.loads((release / "croissant.json").read_text())
    assert {d["name"]: d["sha256"] for d in data["distribution"]} == {
        f"{t}.parquet": file_sha256(release / f"{t}.parquet") for t in TABLES}
    for record_set in data["recordSet"]:
        assert [f["name"] for f in record_set["field"]] == frames[record_set["name"]].columns


# DuckDB -------------------------------------------------------------------------------------------

def test_every_table_and_view_column_has_a_comment(release):
    con = duckdb.connect(str(release / "diplodata.duckdb"), read_only=True)
    try:
        cols = con.execute("SELECT table_name, column_name, comment FROM duckdb_columns() "
                           "WHERE NOT internal AND schema_name = 'main'").fetchall()
        tables = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
        views = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    finally:
        con.close()
    assert set(tables) == set(TABLES) and all(tables.values())
    assert set(views) == {v.name for v in VIEWS} and all(views.values())
    missing = [(t, c) for t, c, comment in cols if not comment]
    assert not missing
    for name, model in TABLES.items():
        assert [c for t, c, _ in cols if t == name] == [c[0] for c in columns(model)]


def test_views_are_self_contained(release, tmp_path, monkeypatch):
    copy = tmp_path / "elsewhere" / "copy.duckdb"
    copy.parent.mkdir()
    shutil.copy(release / "diplodata.duckdb", copy)
    monkeypatch.chdir(tmp_path)
    con = duckdb.connect(str(copy), read_only=True)
    try:
        for view in VIEWS:
            sql = con.execute("SELECT sql FROM duckdb_views() WHERE view_name = ?", [view.name]).fetchone()[0]
            assert "read_parquet" not in sql and "/" not in sql and " SET " not in sql.upper()
            base = con.execute(f"SELECT count(*) FROM {view.base}").fetchone()[0]
            assert con.execute(f"SELECT count(*) FROM {view.name}").fetchone()[0] == base
    finally:
        con.close()


def test_events_named_carries_names_and_titles(release):
    con = duckdb.connect(str(release / "diplodata.duckdb"), read_only=True)
    try:
        row = con.execute("SELECT count(*) FILTER (WHERE actor_name IS NOT NULL), "
                          "count(*) FILTER (WHERE source_title IS NOT NULL) FROM events_named").fetchone()
    finally:
        con.close()
    assert row[0] > 0 and row[1] > 0


# data card and plots ------------------------------------------------------------------------------

def test_data_card_covers_counts_sources_license_quality(release, frames):
    card = (release / "README.md").read_text()
    for name in TABLES:
        assert f"| `{name}` | {frames[name].height} |" in card
    for title in frames["documents"]["title"].drop_nulls():
        assert title.replace("|", "\\|") in card
    for needle in ["CC BY 4.0", "DIPLODATA_PUBLISH_TEXT", "How to cite", "Known limitations", "[CODEBOOK.md](CODEBOOK.md)"]:
        assert needle in card
    quality = load_quality()
    assert quality is not None and {m["set"] for m in quality["measurements"]} == {
        "dev", "dev2", "own-sealed", "own-tune", "articles-sealed", "articles-tune", "articles2-sealed", "articles2-tune"}
    for m in quality["measurements"]:
        assert m["command"] in card
        assert f"| quotes | {m['metrics']['quotes']['precision']} |" in card
    for name in plots.PLOT_FILES:
        assert f"]({name})" in card


def test_publish_text_off_withholds_full_texts_and_says_so(tmp_path, frames, monkeypatch):
    from pipeline.release.assets import release_frames

    monkeypatch.setenv("DIPLODATA_PUBLISH_TEXT", "0")
    tables = {name: frames[name] for name in frames}
    tables["extraction_issues"] = frames["source_issues"].head(0)
    published = release_frames(tables)
    for name in ("documents", "sentences", "furniture"):
        assert published[name]["text"].null_count() == published[name].height
        validate_or_fail = TABLES[name].validate(published[name], lazy=True)
        assert validate_or_fail.height == published[name].height
    assert published["quotes"]["text"].null_count() == 0
    write_datacard(tmp_path, frames, None, "2024-01-01-00000000")
    assert "DIPLODATA_PUBLISH_TEXT=0" in (tmp_path / "README.md").read_text()


def test_plots_are_png_and_deterministic(tmp_path, frames):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        plots.write_plots(folder, frames, None, "v")
    for name in plots.PLOT_FILES:
        data = (first / name).read_bytes()
        assert data.startswith(b"\x89PNG") and data == (second / name).read_bytes()


def test_plots_draw_an_empty_state_on_empty_tables(tmp_path, frames):
    empty = {name: frame.clear() for name, frame in frames.items()}
    written = plots.write_plots(tmp_path, empty, None, "v")
    assert set(written) == set(plots.PLOT_FILES)
    for name in written:
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG")
