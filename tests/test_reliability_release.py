"""Releases never lose data: a broken contract blocks publication, a build killed while publishing
leaves no partial release, two builds never run at once, `query` cannot change a release and a
`pack` archive cannot write outside its target."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.ids import stable_id
from pipeline.release.publish import PAUSE_ENV, file_sha256

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ("Leaders Meet in Seoul\n\n"
           "Japanese Prime Minister Taro Yamada met South Korean President Kim Min-jun in Seoul on Monday.\n\n"
           "“We agreed to deepen our cooperation on security,” Yamada told reporters after the talks.\n\n"
           "Japan pledged $2.5 billion in loans to the region, the ministry said.\n")
SECOND = ARTICLE.replace("Seoul", "Manila").replace("Kim Min-jun", "Maria Santos")


def make_sources(root: Path) -> Path:
    src = root / "sources"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return src


def build(src: Path, out: Path) -> int:
    return main(["build", "--sources", str(src), "--outputs", str(out)])


def latest(out: Path) -> Path:
    return (out / "releases" / "latest").resolve()


def visible(out: Path) -> list[str]:
    """What a reader listing releases/ sees: everything not hidden."""
    return sorted(p.name for p in (out / "releases").iterdir() if not p.name.startswith("."))


def hidden_tmp(out: Path) -> list[str]:
    return sorted(p.name for p in (out / "releases").iterdir() if p.name.startswith((".tmp-", ".latest-")))


def verify(release: Path) -> list[str]:
    from pipeline.release.commands import verify_release

    return verify_release(release)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A good release to compare against: sources, outputs and the release `latest` names."""
    root = tmp_path_factory.mktemp("published")
    src = make_sources(root)
    out = root / "out"
    assert build(src, out) == 0
    return src, out, latest(out)


# ---- a broken contract blocks publication -----------------------------------------------------

def bad_event(parsed) -> dict:
    text = parsed.text
    return {"event_id": stable_id("event", parsed.doc_id, "bogus"), "doc_id": parsed.doc_id,
            "event_type": "PARLEY", "status": "occurred", "trigger": text[:5], "char_start": 0, "char_end": 5,
            "sentence": text[:40], "confidence": 0.5}


@pytest.fixture
def dagster_result(monkeypatch):
    """The Dagster run result of the next build, for its check evaluations."""
    import pipeline.build as build_module

    seen = {}
    original = build_module._report

    def keep(result):
        seen["result"] = result
        return original(result)

    monkeypatch.setattr(build_module, "_report", keep)
    return seen


def check_evaluations(result) -> dict[str, object]:
    return {event.event_specific_data.check_name: event.event_specific_data
            for event in result.all_events if event.event_type_value == "ASSET_CHECK_EVALUATION"}


def test_broken_contract_blocks_publication(published, monkeypatch, dagster_result, capsys):
    """The only document breaks row rules: it is quarantined, and quarantining every document is
    above the allowed share, so nothing is published."""
    import pipeline.extract.document as document

    src, out, before = published
    real_quotes = document.extract_quotes

    def quotes_with_a_wrong_span(parsed):
        rows = real_quotes(parsed)
        assert rows, "the article must give a quote for this test to bite"
        return [dict(rows[0], text=rows[0]["text"] + " (edited)")] + rows[1:]

    monkeypatch.setattr(document, "extract_events", lambda parsed: [bad_event(parsed)])
    monkeypatch.setattr(document, "extract_quotes", quotes_with_a_wrong_span)
    # The extraction cache is keyed by the extractor code, which a monkeypatch does not change.
    shutil.rmtree(out / ".cache" / "extract", ignore_errors=True)
    try:
        assert build(src, out) == 1
    finally:
        shutil.rmtree(out / ".cache" / "extract", ignore_errors=True)  # holds the bad rows now
    err = capsys.readouterr().err
    assert "contract failed: extraction_issues:quarantine_share (1 failing)" in err
    assert "a.txt" in err and "PARLEY" in err
    assert "nothing published; the previous release is untouched" in err

    checks = check_evaluations(dagster_result["result"])
    share = checks["quarantine_share"]
    assert not share.passed and share.metadata["quarantined"].value == 1
    cases = share.metadata["failure_cases_json"].value
    assert [c["source_file"] for c in cases] == ["a.txt"]
    assert "events.event_type isin" in cases[0]["message"] and "'PARLEY'" in cases[0]["message"]
    assert "quotes.text span_equals_slice" in cases[0]["message"] and "(edited)" in cases[0]["message"]
    assert checks["events_contract"].passed and checks["quotes_evidence"].passed  # the rows were withheld
    assert checks["documents_contract"].passed

    assert latest(out) == before and visible(out) == [before.name, "latest"]
    assert not hidden_tmp(out)
    assert verify(before) == []


# ---- a build killed while publishing; a second build at the same time ---------------------------

def wait_for(path: Path, proc: subprocess.Popen, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_text():
            return path.read_text()
        if proc.poll() is not None:
            raise AssertionError(f"build exited ({proc.returncode}) before the pause:\n{proc.stderr.read()}")
        time.sleep(0.2)
    raise AssertionError("the build never reached the publish step")


@pytest.fixture(scope="module")
def paused_build(tmp_path_factory):
    """A `diplodata build` subprocess paused inside publish(), its temporary release complete and
    the rename not done; the outputs folder already holds an earlier release."""
    root = tmp_path_factory.mktemp("paused")
    src = make_sources(root)
    out = root / "out"
    assert build(src, out) == 0
    before = latest(out)
    (src / "b.txt").write_text(SECOND, encoding="utf-8")  # new content, so a new version
    marker = root / "paused-at"
    env = {**os.environ, PAUSE_ENV: str(marker)}
    env.pop("DAGSTER_HOME", None)
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "build", "--sources", str(src),
                             "--outputs", str(out)], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        tmp = Path(wait_for(marker, proc, seconds=240))
        yield {"proc": proc, "src": src, "out": out, "before": before, "tmp": tmp}
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_second_build_refuses_while_one_is_running(paused_build, capsys):
    out, before = paused_build["out"], paused_build["before"]
    assert paused_build["proc"].poll() is None
    assert build(paused_build["src"], out) == 3
    err = capsys.readouterr().err
    assert "another build is running on" in err and f"pid {paused_build['proc'].pid}" in err
    assert "wait for it to finish and retry" in err
    # The refused build touched nothing; the running one is still only a hidden temporary folder.
    assert latest(out) == before and visible(out) == [before.name, "latest"]
    assert paused_build["tmp"].is_dir() and (paused_build["tmp"] / "manifest.json").is_file()
    assert verify(before) == []


def test_build_killed_while_publishing_leaves_no_partial_release(paused_build):
    proc, out, before, tmp = (paused_build[k] for k in ("proc", "out", "before", "tmp"))
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL
    # Readers see the previous release, whole; the half-published one is a hidden leftover.
    assert latest(out) == before and visible(out) == [before.name, "latest"]
    assert verify(before) == []
    assert tmp.name in hidden_tmp(out)

    # The next build takes the (released) lock, cleans the leftover up and publishes.
    assert build(paused_build["src"], out) == 0
    after = latest(out)
    assert after != before and visible(out) == sorted([before.name, after.name, "latest"])
    assert not hidden_tmp(out)
    assert verify(after) == [] and verify(before) == []
    inputs = {i["source_file"] for i in json.loads((after / "manifest.json").read_text())["inputs"]}
    assert inputs == {"a.txt", "b.txt"}


def test_two_builds_started_at_once_one_refuses(tmp_path):
    src = make_sources(tmp_path)
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    command = [sys.executable, "-m", "pipeline.cli", "build", "--sources", str(src), "--outputs", str(out)]
    procs = [subprocess.Popen(command, cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 3], results
    refused = next(err for code, err in results if code == 3)
    assert "another build is running" in refused
    assert visible(out) == sorted([latest(out).name, "latest"]) and not hidden_tmp(out)
    assert verify(latest(out)) == []


# ---- query is read-only; a packed archive stays inside its target --------------------------------

@pytest.mark.parametrize("sql", [
    "CREATE TABLE stolen AS SELECT 1 AS x",
    "DELETE FROM documents",
    "DROP TABLE quotes",
    "UPDATE documents SET title = 'changed'",
    "INSERT INTO source_issues SELECT * FROM source_issues",
])
def test_query_cannot_change_the_release(published, sql, capsys):
    _, _, release = published
    db = release / "diplodata.duckdb"
    digest, mtime = file_sha256(db), db.stat().st_mtime_ns
    assert main(["query", sql, "--release", str(release)]) == 2
    assert "read-only" in capsys.readouterr().err.lower()
    assert file_sha256(db) == digest and db.stat().st_mtime_ns == mtime
    assert not list(release.glob("*.wal")) and verify(release) == []
    assert main(["query", "SELECT count(*) AS n FROM documents", "--release", str(release)]) == 0
    assert "1" in capsys.readouterr().out


def archive_members_stay_inside(archive: Path, target: Path) -> list[str]:
    """Problems that would let extracting `archive` into `target` write elsewhere."""
    problems = []
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            name = member.name
            if name.startswith("/") or ".." in Path(name).parts or ":" in name.split("/")[0]:
                problems.append(f"escaping name {name}")
            if not (member.isreg() or member.isdir()):
                problems.append(f"{name} is not a plain file or folder")
            if not (target / name).resolve().is_relative_to(target.resolve()):
                problems.append(f"{name} resolves outside")
    return problems


def test_packed_archive_unpacks_only_inside_its_target(published, tmp_path):
    _, _, release = published
    packs = tmp_path / "packs"
    assert main(["pack", str(release), "--out", str(packs)]) == 0
    archive = next(packs.glob("*.tar.gz"))
    target = tmp_path / "unpacked"
    target.mkdir()
    assert archive_members_stay_inside(archive, target) == []
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")  # the stdlib's safe filter raises on anything escaping
    tops = list(target.iterdir())
    assert len(tops) == 1 and verify(tops[0]) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["packs", "unpacked"]


def test_pack_refuses_a_tampered_release(published, tmp_path):
    _, _, release = published
    copy = tmp_path / "copy"
    shutil.copytree(release, copy)
    outside = tmp_path / "outside.txt"
    outside.write_text("not part of the release")
    (copy / "extra_link.txt").symlink_to(outside)
    assert main(["pack", str(copy), "--out", str(tmp_path / "packs")]) == 1
    assert not list((tmp_path / "packs").glob("*.tar.gz")) if (tmp_path / "packs").exists() else True


def test_pack_keeps_a_hostile_manifest_version_inside_the_archive(published, tmp_path):
    _, _, release = published
    copy = tmp_path / "deep" / "copy"
    shutil.copytree(release, copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["version"] = "x/../../../escaped"  # manifest.json is not itself checksummed
    (copy / "manifest.json").write_text(json.dumps(manifest))
    packs = tmp_path / "deep" / "packs"
    (packs / "diplodata-x").mkdir(parents=True)  # an existing folder lets the '..' resolve
    code = main(["pack", str(copy), "--out", str(packs)])
    written = [p for p in tmp_path.rglob("*.tar.gz")]
    assert all(p.parent == packs for p in written), written
    if code == 0:
        target = tmp_path / "unpacked"
        target.mkdir()
        assert archive_members_stay_inside(written[0], target) == []
