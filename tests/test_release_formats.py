"""The release in every tool: gzip CSV copies of every table, formula escaping, `diplodata query`
edge cases and formats, and `diplodata --version`."""
from __future__ import annotations

import csv
import gzip
import io
import json
from importlib.metadata import version

import polars as pl
import pytest

from pipeline.cli import main
from pipeline.release.csvfiles import escape_formula, write_csv_gz
from schemas import TABLES
from tests.test_release_package import seed_release


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    return seed_release(tmp_path_factory)


def read_csv_gz(path) -> list[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


# CSV copies --------------------------------------------------------------------------------------

def test_every_table_ships_as_csv_with_the_parquet_rows(release):
    listed = {e["path"]: e for e in json.loads((release / "manifest.json").read_text())["outputs"]}
    for table in TABLES:
        parquet = pl.read_parquet(release / f"{table}.parquet")
        rows = read_csv_gz(release / f"{table}.csv.gz")
        assert rows[0] == parquet.columns, table
        assert len(rows) - 1 == parquet.height, table
        assert listed[f"{table}.csv.gz"]["rows"] == parquet.height
        assert listed[f"{table}.csv.gz"]["sha256"]


def test_frictionless_catches_a_changed_csv_copy(release, tmp_path):
    """The published package validates (tests/test_release_package.py); a copy whose CSV lost a row
    does not, so that check can fail."""
    import shutil

    import frictionless

    copy = tmp_path / "copy"
    shutil.copytree(release, copy)
    write_csv_gz(pl.read_parquet(copy / "events.parquet").slice(1), copy / "events.csv.gz")
    report = frictionless.validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert {e.type for task in report.tasks if task.name == "events-csv" for e in task.errors} & {"hash-count", "byte-count"}


def test_seed_csv_holds_the_text_of_the_parquet(release):
    """Not only the count: the documents' texts (line breaks, quotes, commas) survive the round trip."""
    parquet = pl.read_parquet(release / "documents.parquet")
    rows = read_csv_gz(release / "documents.csv.gz")
    text = rows[0].index("text")
    assert [r[text] for r in rows[1:]] == [escape_formula(t) for t in parquet["text"]]
    assert any("\n" in t and "," in t for t in parquet["text"])


def test_data_card_records_the_csv_convention(release):
    card = (release / "README.md").read_text()
    assert "<table>.csv.gz" in card and "OWASP" in card and "leading `'`" in card


def test_csv_is_rfc4180_and_escapes_formulas(tmp_path):
    frame = pl.DataFrame({"text": ["=HYPERLINK(\"x\")", "+1", "-said", "@SUM(A1)", "\tx", "\rx", "a, \"b\"\nc",
                                   "plain", None],
                          "number": [-5, 1, 2, 3, 4, 5, 6, 7, 8]})
    path = tmp_path / "t.csv.gz"
    write_csv_gz(frame, path)
    raw = gzip.decompress(path.read_bytes())
    assert raw.startswith(b"text,number\r\n")
    assert b'"a, ""b""\nc"' in raw  # quoted field, doubled quotes, the line break kept inside it
    rows = read_csv_gz(path)
    assert [r[0] for r in rows[1:]] == ["'=HYPERLINK(\"x\")", "'+1", "'-said", "'@SUM(A1)", "'\tx", "'\rx",
                                        "a, \"b\"\nc", "plain", ""]
    assert rows[1][1] == "-5"  # a number is not text: written as it is
    assert gzip.decompress(path.read_bytes()) == raw and path.read_bytes()[4:8] == b"\0\0\0\0"  # no mtime


# query -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sql", ["", "   \n\t", "-- only a comment"])
def test_empty_query_is_one_line_and_exit_2(release, sql, capsys):
    assert main(["query", sql, "--release", str(release)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("diplodata: empty query") and err.count("\n") == 1 and "Traceback" not in err


def test_empty_query_is_reported_before_a_missing_release(tmp_path, capsys):
    assert main(["query", " ", "--release", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("diplodata: empty query")


def test_empty_query_from_the_shell_has_no_traceback(release):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "query", "", "--release", str(release)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_several_statements_print_each_result_in_turn(release, capsys):
    sql = "SELECT count(*) AS documents FROM documents; SELECT count(*) AS events FROM events;"
    assert main(["query", sql, "--release", str(release)]) == 0
    out = capsys.readouterr().out
    assert out.index("documents") < out.index("events") and out.count("(1 row)") == 2


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_several_statements_are_refused_where_one_result_is_needed(release, fmt, capsys):
    assert main(["query", "SELECT 1; SELECT 2", "--release", str(release), "--format", fmt]) == 2
    captured = capsys.readouterr()
    assert "2 statements" in captured.err and captured.out == ""


def test_query_csv_escapes_formulas(release, capsys):
    sql = "SELECT '=1+1' AS a, '@x' AS b, -5 AS n, 'fine' AS c"
    assert main(["query", sql, "--release", str(release), "--format", "csv"]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out))) == [["a", "b", "n", "c"],
                                                                     ["'=1+1", "'@x", "-5", "fine"]]


def test_query_parquet_needs_out_and_writes_it(release, tmp_path, capsys):
    assert main(["query", "SELECT 1", "--release", str(release), "--format", "parquet"]) == 2
    assert "--out" in capsys.readouterr().err
    out = tmp_path / "events.parquet"
    sql = "SELECT event_id, event_type FROM events ORDER BY event_id"
    assert main(["query", sql, "--release", str(release), "--format", "parquet", "--out", str(out)]) == 0
    got = pl.read_parquet(out)
    expected = pl.read_parquet(release / "events.parquet").select("event_id", "event_type").sort("event_id")
    assert got.height > 0 and got.equals(expected)
    empty = tmp_path / "none.parquet"
    assert main(["query", "SELECT event_id, char_start, event_date FROM events WHERE false", "--release", str(release),
                 "--format", "parquet", "--out", str(empty)]) == 0
    assert pl.read_parquet(empty).schema == pl.Schema({"event_id": pl.String, "char_start": pl.Int64,
                                                       "event_date": pl.Date})


# --version ---------------------------------------------------------------------------------------

def test_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"diplodata {version('diplodata')}"
