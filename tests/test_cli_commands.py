"""`diplodata verify`, `query` and `pack` on a release built from sources/."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import tarfile

import pytest

from pipeline.cli import main
from pipeline.release.commands import pack_release
from tests.test_release_package import seed_release


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    return seed_release(tmp_path_factory)


@pytest.fixture
def copy(release, tmp_path):
    target = tmp_path / release.name
    shutil.copytree(release, target)
    return target


def test_verify_passes_on_an_intact_release(release, capsys):
    assert main(["verify", str(release)]) == 0
    assert "every file matches" in capsys.readouterr().out


def test_verify_lists_every_tampered_missing_and_unlisted_file(copy, capsys):
    events = copy / "events.parquet"
    data = bytearray(events.read_bytes())
    data[len(data) // 2] ^= 0xFF
    events.write_bytes(bytes(data))
    (copy / "quotes.parquet").unlink()
    (copy / "extra.csv").write_text("a,b\n")
    (copy / "events.csv.gz").write_bytes(b"")  # CSV copies carry a hash in datapackage.json too
    assert main(["verify", str(copy)]) == 1
    err = capsys.readouterr().err
    assert "checksum mismatch: events.parquet" in err
    assert "missing: quotes.parquet" in err
    assert "not in manifest: extra.csv" in err
    assert "datapackage.json hash mismatch: events.csv.gz" in err
    assert "datapackage.json hash mismatch: events.parquet" not in err  # Parquet: the manifest's checksum


def test_verify_on_a_folder_without_manifest(tmp_path, capsys):
    assert main(["verify", str(tmp_path)]) == 1
    assert "manifest.json" in capsys.readouterr().err


def test_query_formats(release, capsys):
    sql = "SELECT event_type, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, event_type"
    assert main(["query", sql, "--release", str(release), "--format", "json"]) == 0
    as_json = json.loads(capsys.readouterr().out)
    assert as_json and set(as_json[0]) == {"event_type", "n"}
    assert main(["query", sql, "--release", str(release), "--format", "csv"]) == 0
    as_csv = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["event_type"], int(r["n"])) for r in as_csv] == [(r["event_type"], r["n"]) for r in as_json]
    assert main(["query", sql, "--release", str(release)]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split() == ["event_type", "|", "n"] and f"({len(as_json)} rows)" in table


def test_query_defaults_to_the_latest_release_under_outputs(release, tmp_path, monkeypatch, capsys):
    releases = tmp_path / "outputs" / "releases"
    releases.mkdir(parents=True)
    (releases / "latest").symlink_to(release)
    monkeypatch.chdir(tmp_path)
    assert main(["query", "SELECT count(*) AS documents FROM documents", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "documents"


def test_query_is_read_only(copy, capsys):
    assert main(["query", "DROP TABLE events", "--release", str(copy)]) == 2
    assert "read-only" in capsys.readouterr().err
    assert main(["verify", str(copy)]) == 0


def test_query_reports_bad_sql_and_missing_release(release, tmp_path, capsys):
    assert main(["query", "SELECT nonsense FROM nowhere", "--release", str(release)]) == 2
    assert main(["query", "SELECT 1", "--release", str(tmp_path)]) == 2
    assert "diplodata.duckdb" in capsys.readouterr().err


def test_pack_makes_one_safe_archive_and_its_checksum(release, tmp_path, capsys):
    out = tmp_path / "dist"
    assert main(["pack", str(release), "--out", str(out)]) == 0
    archive = next(out.glob("*.tar.gz"))
    checksum = out / f"{archive.name}.sha256"
    digest, name = checksum.read_text().split()
    assert name == archive.name and digest == hashlib.sha256(archive.read_bytes()).hexdigest()
    with tarfile.open(archive) as tar:
        members = tar.getmembers()
        tops = {m.name.split("/")[0] for m in members}
        assert tops == {archive.name.removesuffix(".tar.gz")}
        assert all(not m.name.startswith("/") and ".." not in m.name.split("/") and m.isfile() for m in members)
        tar.extractall(tmp_path / "unpacked", filter="data")
    assert main(["verify", str(tmp_path / "unpacked" / tops.pop())]) == 0


def test_pack_is_reproducible(release, tmp_path):
    first, _ = pack_release(release, tmp_path / "a")
    second, _ = pack_release(release, tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()


def test_pack_refuses_a_release_that_does_not_verify(copy, tmp_path, capsys):
    (copy / "README.md").write_text("edited\n")
    assert main(["pack", str(copy), "--out", str(tmp_path / "dist")]) == 1
    err = capsys.readouterr().err
    assert "does not verify" in err and "mismatch: README.md" in err
    assert not (tmp_path / "dist").exists() or not any((tmp_path / "dist").iterdir())
