"""End to end: a temporary corpus with bad files builds a validated, checksummed release."""
from __future__ import annotations

import json
import shutil

import duckdb
import polars as pl
import pytest

from pipeline.cli import main
from pipeline.release.publish import file_sha256
from schemas import TABLES
from tests.conftest import SOURCES

GOOD = sorted(SOURCES.glob("*.txt"))[:2]
ARTICLE = ("Japanese Prime Minister Taro Yamada met South Korean President Kim Min-jun in Seoul on Monday.\n\n"
           "“We agreed to deepen our cooperation on security,” Yamada told reporters after the talks.\n\n"
           "Japan pledged $2.5 billion in loans to the region, the ministry said.\n")


def make_corpus(root):
    src = root / "sources"
    src.mkdir()
    for path in GOOD:
        shutil.copy(path, src / path.name)
    (src / "written.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "zz_copy.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    # UTF-8 with a Latin-1 byte pasted in: no single encoding explains it (pure Latin-1 is decoded)
    (src / "latin1.txt").write_bytes("Caf\xe9 ".encode("latin-1") + "na\xefve diplomacy in S\xe3o Paulo.".encode())
    (src / "big.txt").write_text("word " * 5000, encoding="utf-8")
    (src / "catalog.csv").write_text(
        "file,title,publisher,author,url,published_date,language\n"
        "written.txt,Leaders meet in Seoul,Test Wire,,,2024-06-03,en\n"
        "ghost.txt,Missing,,,,2024-01-01,en\n"
        f"{GOOD[0].name},,,,,not-a-date,en\n", encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    src = make_corpus(root)
    mp = pytest.MonkeyPatch()
    mp.setenv("DIPLODATA_MAX_SOURCE_BYTES", "20000")
    mp.delenv("DAGSTER_HOME", raising=False)
    code = main(["build", "--sources", str(src), "--outputs", str(root / "out")])
    mp.undo()
    assert code == 0
    return root, (root / "out" / "releases" / "latest").resolve()


def test_every_bad_input_is_recorded_and_the_rest_published(built):
    _, release = built
    issues = pl.read_parquet(release / "source_issues.parquet")
    got = set(zip(issues["source_file"], issues["code"]))
    assert {("zz_copy.txt", "duplicate"), ("empty.txt", "empty"), ("binary.txt", "binary"),
            ("latin1.txt", "invalid_utf8"), ("big.txt", "too_large"), ("ghost.txt", "catalog_missing_file"),
            (GOOD[0].name, "catalog_bad_date")} <= got
    assert all(m for m in issues["message"])
    docs = pl.read_parquet(release / "documents.parquet")
    assert set(docs["source_file"]) == {p.name for p in GOOD} | {"written.txt"}


def test_tables_hold_extracted_rows_with_the_written_article(built):
    _, release = built
    docs = pl.read_parquet(release / "documents.parquet")
    written = docs.filter(pl.col("source_file") == "written.txt").row(0, named=True)
    assert written["title"] == "Leaders meet in Seoul" and str(written["published_date"]) == "2024-06-03"
    quotes = pl.read_parquet(release / "quotes.parquet").filter(pl.col("doc_id") == written["doc_id"])
    assert quotes.height == 1 and quotes["text"][0].startswith("We agreed")
    figures = pl.read_parquet(release / "figures.parquet").filter(pl.col("doc_id") == written["doc_id"])
    assert figures.filter(pl.col("unit") == "USD")["value"].to_list() == [2.5e9]
    for table in ("quotes", "figures", "events", "mentions", "sentences"):
        frame = pl.read_parquet(release / f"{table}.parquet")
        text_col = {"quotes": "text", "figures": "raw_text", "mentions": "text", "sentences": "text"}.get(table)
        texts = dict(zip(docs["doc_id"], docs["text"]))
        for row in frame.iter_rows(named=True):
            span = texts[row["doc_id"]][row["char_start"]:row["char_end"]]
            assert span and (text_col is None or span == row[text_col])


def test_manifest_checksums_and_row_counts(built):
    _, release = built
    manifest = json.loads((release / "manifest.json").read_text())
    assert manifest["version"] == release.name and manifest["schema_version"]
    assert {i["source_file"] for i in manifest["inputs"]} == {p.name for p in GOOD} | {"written.txt"}
    files = {f["path"]: f for f in manifest["outputs"]}
    for table in TABLES:
        entry = files[f"{table}.parquet"]
        assert entry["rows"] == pl.read_parquet(release / entry["path"]).height
    for entry in manifest["outputs"]:
        assert file_sha256(release / entry["path"]) == entry["sha256"], entry["path"]


def test_duckdb_has_every_table_with_comments(built):
    _, release = built
    con = duckdb.connect(str(release / "diplodata.duckdb"), read_only=True)
    for table, model in TABLES.items():
        n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert n == pl.read_parquet(release / f"{table}.parquet").height
        assert con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = ?", [table]).fetchone()[0]
        comments = dict(con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ?",
                                    [table]).fetchall())
        assert set(comments) == set(model.to_schema().columns)
        assert all(comments.values()), table


def test_rebuild_gives_identical_tables_and_ids(built, monkeypatch):
    root, first = built
    monkeypatch.setenv("DIPLODATA_MAX_SOURCE_BYTES", "20000")
    assert main(["build", "--sources", str(root / "sources"), "--outputs", str(root / "out2")]) == 0
    second = (root / "out2" / "releases" / "latest").resolve()
    assert second.name == first.name
    for table in TABLES:
        a = pl.read_parquet(first / f"{table}.parquet").drop("detected_at", strict=False)
        b = pl.read_parquet(second / f"{table}.parquet").drop("detected_at", strict=False)
        assert a.equals(b), table


def test_failed_build_leaves_previous_release_untouched(built, monkeypatch, tmp_path):
    root, _ = built
    out = tmp_path / "out"
    assert main(["build", "--sources", str(root / "sources"), "--outputs", str(out)]) == 0
    before = (out / "releases" / "latest").resolve()
    (root / "sources" / "extra.txt").write_text(ARTICLE.replace("Seoul", "Tokyo"), encoding="utf-8")
    try:
        def broken(*args, **kwargs):
            raise OSError("disk full")

        monkeypatch.setattr("pipeline.release.publish.write_database", broken)
        assert main(["build", "--sources", str(root / "sources"), "--outputs", str(out)]) == 1
    finally:
        (root / "sources" / "extra.txt").unlink()
    assert (out / "releases" / "latest").resolve() == before
    assert sorted(p.name for p in (out / "releases").iterdir()) == sorted([before.name, "latest"])
