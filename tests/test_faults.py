"""Fault suite (issue 18, part D): damaged caches and releases, an oversized catalog field, a
hostile manifest, control characters in file names, a full disk, a read-only outputs folder, a
corrupt run history and a missing spaCy pipeline. Each fault is injected by the `fault` fixture into
a copy of one small built corpus; each build then either publishes exactly the baseline's rows,
or records a source issue and publishes the rest, or exits non-zero with one line and the previous
release untouched. None may exit 0 with missing or wrong rows.

Writes are refused with a Python audit hook (tests run as root, so permissions do not stop them):
it raises the OS error the fault would give from every Python-level open, mkdir, rename and
remove under the chosen folder, which is where each of these failures first surfaces."""
from __future__ import annotations

import errno
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from pipeline.cli import main

ARTICLE = ("Foreign Minister {name} of Japan visited Canberra on Tuesday and met Australian Foreign Minister "
           "Penny Wong.\n\n“Our partnership has never been stronger,” {name} said in {city}.\n\n"
           "Japan pledged $2.5 billion in loans to the region, the ministry said.\n")
NAMES = [("Ito", "Sydney"), ("Sato", "Perth"), ("Mori", "Manila")]
TABLES = ("documents", "sentences", "entities", "mentions", "quotes", "figures", "events")
ANSI_NAME = "news\x1b[2J\x1b]8;;evil\x07\rred\u202e.txt"  # clear screen, a forged link, CR, bidi

# ---- the fault fixture ---------------------------------------------------------------------------

_RULES: list = []  # active write refusals: (path prefix, errno)
_HOOKED: list = []
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _is_write(event: str, args: tuple) -> bool:
    if event != "open":
        return event in {"os.mkdir", "os.rename", "os.replace", "os.remove", "os.rmdir", "os.symlink"}
    mode, flags = args[1], args[2]
    return (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
        isinstance(flags, int) and bool(flags & WRITE_FLAGS))


def _audit(event: str, args: tuple) -> None:
    if not _RULES or not args or not isinstance(args[0], (str, bytes, os.PathLike)) or not _is_write(event, args):
        return
    path = os.fsdecode(args[0])
    for prefix, code in _RULES:
        if path.startswith(prefix) or path + os.sep == prefix:
            raise OSError(code, os.strerror(code), path)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """A small corpus built once: (sources, outputs, the published tables)."""
    root = tmp_path_factory.mktemp("faults")
    src, out = root / "sources", root / "out"
    src.mkdir()
    for i, (name, city) in enumerate(NAMES):
        (src / f"a{i}.txt").write_text(ARTICLE.format(name=name, city=city), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:  # set up before the per-test fixture that clears it
        patch.delenv("DAGSTER_HOME", raising=False)
        assert build(src, out) == 0
        patch.delenv("DAGSTER_HOME", raising=False)  # the build sets it; the copies must use their own
    return src, out, published(out)


class Fault:
    """A private copy of the baseline corpus and outputs, and the faults to inject into it."""

    def __init__(self, root: Path, baseline, monkeypatch, capsys, caplog) -> None:
        src, out, self.tables = baseline
        self.src, self.out = root / "sources", root / "out"
        shutil.copytree(src, self.src)
        shutil.copytree(out, self.out, symlinks=True)
        self.monkeypatch, self.capsys, self.caplog = monkeypatch, capsys, caplog
        self.before = latest(self.out)
        self.mounts: list[str] = []

    def build(self) -> tuple[int, str, str]:
        """(exit code, stdout, stderr); the stages' progress lines are in `self.caplog.text`."""
        self.capsys.readouterr()
        self.caplog.clear()
        code = build(self.src, self.out)
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err

    # caches
    def damage_cache(self, how: str) -> int:
        """Damage every extraction-cache entry, parse and the stored corpus tables; how many."""
        from pipeline.extract.document import EXTRACTED_TABLES
        from pipeline.sealed import seal

        cache = self.out / ".cache"
        forms = {"truncated": lambda data: data[: len(data) // 2],
                 "empty_tables": lambda data: seal({"rows": {t: [] for t in EXTRACTED_TABLES}, "violations": []}),
                 "wrong_shape": lambda data: seal({"rows": [], "violations": {}}),
                 "unsealed": lambda data: pickle.dumps({"rows": {t: [] for t in EXTRACTED_TABLES}, "violations": []})}
        entries = sorted((cache / "extract").glob("*.pkl"))
        for path in entries:
            path.write_bytes(forms[how](path.read_bytes()))
        # the stored tables would serve every unchanged document: alter one so its sums fail
        pl.read_parquet(cache / "extract" / "corpus" / "quotes.parquet").head(0).write_parquet(
            cache / "extract" / "corpus" / "quotes.parquet")
        damaged = len(entries) + 1
        if how == "truncated":  # and the parses and cleaned documents behind them
            for path in [*sorted((cache / "parses").glob("*.spacy")), cache / "ingest.pkl"]:
                path.write_bytes(path.read_bytes()[:100])
                damaged += 1
        return damaged

    # real file systems, where this machine lets the tests mount them (root with CAP_SYS_ADMIN)
    def mount(self, *args: str) -> None:
        target = args[-1]
        if subprocess.run(["mount", *args], capture_output=True).returncode != 0:
            pytest.skip(f"cannot mount here: mount {' '.join(args)}")
        self.mounts.append(target)

    def on_tiny_disk(self) -> None:
        """Move the outputs onto a tmpfs with room for them and 64 KiB more: a new release cannot fit."""
        disk = self.out.parent / "disk"
        disk.mkdir()
        used = sum(-(-p.stat().st_size // 4096) * 4096 + 4096 for p in self.out.rglob("*"))
        self.mount("-t", "tmpfs", "-o", f"size={used + 64 * 1024}", "tmpfs", str(disk))
        shutil.copytree(self.out, disk / "out", symlinks=True)
        self.out = disk / "out"
        self.before = latest(self.out)

    def read_only(self) -> None:
        """Make the outputs folder a read-only bind mount of itself."""
        self.mount("--bind", str(self.out), str(self.out))
        self.mount("-o", "remount,ro,bind", str(self.out))

    # writes
    def refuse_writes(self, prefix: str, code: int) -> None:
        """Every Python-level write to a path starting with `prefix` fails with `code`."""
        if not _HOOKED:
            sys.addaudithook(_audit)
            _HOOKED.append(True)
        _RULES.append((prefix, code))


@pytest.fixture
def fault(tmp_path, baseline, monkeypatch, capsys, caplog):
    injected = Fault(tmp_path, baseline, monkeypatch, capsys, caplog)
    yield injected
    _RULES.clear()
    for target in reversed(injected.mounts):
        subprocess.run(["umount", target], check=False)


def build(src: Path, out: Path) -> int:
    return main(["build", "--sources", str(src), "--outputs", str(out)])


def latest(out: Path) -> Path | None:
    link = out / "releases" / "latest"
    return link.resolve() if link.exists() else None


def published(out: Path) -> dict[str, pl.DataFrame]:
    return {t: pl.read_parquet(out / "releases" / "latest" / f"{t}.parquet") for t in TABLES}


def assert_baseline_rows(fault: Fault) -> None:
    for name, frame in published(fault.out).items():
        assert frame.equals(fault.tables[name]), name


def assert_failed_cleanly(fault: Fault, code: int, err: str, exit_code: int, words: str) -> None:
    """Non-zero, one `diplodata:` line naming the problem, no traceback, the previous release intact."""
    from pipeline.release.commands import verify_release

    assert code == exit_code, err
    lines = [line for line in err.splitlines() if line.startswith("diplodata:")]
    assert len(lines) == 1 and words in lines[0], err
    assert "Traceback" not in err and "untouched" in lines[0]
    assert latest(fault.out) == fault.before and verify_release(fault.before) == []
    assert not [p for p in (fault.out / "releases").iterdir() if p.name.startswith(".tmp-")]
    assert_baseline_rows(fault)


# ---- cache integrity -----------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["truncated", "empty_tables", "wrong_shape", "unsealed"])
def test_a_damaged_cache_entry_is_recomputed_and_counted(fault, how):
    damaged = fault.damage_cache(how)
    code, out, err = fault.build()
    assert code == 0, err
    assert f"damaged cache entries recomputed: {damaged}" in out
    assert "unchanged (same content)" in out  # the very rows of the baseline release
    assert_baseline_rows(fault)
    code, out, _ = fault.build()  # the entries were written again, sealed
    assert code == 0 and "damaged cache entries" not in out


def test_an_unwritable_cache_degrades_to_no_cache_with_a_warning(fault):
    shutil.rmtree(fault.out / ".cache")  # nothing cached: every stage would write its cache
    (fault.out / ".cache").mkdir()
    fault.refuse_writes(f"{fault.out / '.cache'}{os.sep}", errno.EROFS)
    code, out, err = fault.build()
    assert code == 0, err
    for stage in ("ingest", "parse", "extraction"):
        assert f"warning: {stage} cache not writable" in fault.caplog.text
    assert_baseline_rows(fault)
    assert not list((fault.out / ".cache").iterdir())


def test_sealed_cache_files_detect_damage():
    from pipeline.sealed import Damaged, seal, unseal

    data = seal({"a": [1, 2]})
    assert unseal(data, lambda obj: isinstance(obj, dict)) == {"a": [1, 2]}
    for bad in (data[:-1], data[:10], b"", data.replace(b"\x01", b"\x02", 1), pickle.dumps({"a": [1, 2]})):
        with pytest.raises(Damaged):
            unseal(bad, lambda obj: True)
    with pytest.raises(Damaged):
        unseal(data, lambda obj: isinstance(obj, list))


# ---- release integrity ---------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["deleted", "altered"])
def test_a_damaged_latest_release_is_rebuilt_not_reported_unchanged(fault, how):
    from pipeline.release.commands import verify_release

    path = fault.before / "quotes.parquet"
    if how == "deleted":
        path.unlink()
    else:
        fault.tables["quotes"].head(0).write_parquet(path)  # a valid Parquet file, without rows
    code, out, err = fault.build()
    assert code == 0, err
    assert "rebuilt (the release on disk was damaged" in out and "quotes.parquet" in out
    assert latest(fault.out) == fault.before and verify_release(fault.before) == []
    assert_baseline_rows(fault)
    assert not [p for p in (fault.out / "releases").iterdir() if p.name.startswith(".tmp-")]


def test_verify_refuses_absolute_paths_dotdot_and_links(tmp_path, capsys, monkeypatch):
    import pipeline.release.commands as commands

    release, outside = tmp_path / "release", tmp_path / "outside"
    release.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("outside", encoding="utf-8")
    (release / "data.parquet").write_bytes(b"data")
    (release / "link.txt").symlink_to(outside / "secret.txt")
    (release / "dir").symlink_to(outside)
    hostile = ["../outside/secret.txt", str(outside / "secret.txt"), "sub/../../outside/secret.txt",
               "link.txt", "dir/secret.txt", "C:\\secret.txt", ""]
    manifest = {"outputs": [{"path": p, "sha256": "0" * 64} for p in hostile]
                + [{"path": "data.parquet", "sha256": commands.file_sha256(release / "data.parquet")}]}
    (release / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    hashed = []
    real = commands.file_sha256
    monkeypatch.setattr(commands, "file_sha256", lambda path: hashed.append(Path(path)) or real(path))
    assert main(["verify", str(release)]) == 1
    err = capsys.readouterr().err
    assert err.count("refused: manifest path") == len(hostile), err
    assert "link: dir" in err and "link: link.txt" in err
    assert hashed == [release / "data.parquet"]  # nothing outside was opened


# ---- catalog rows one by one ---------------------------------------------------------------------

@pytest.mark.parametrize("limit", [131_072, sys.maxsize])  # the default, and raised by other code
def test_an_oversized_catalog_field_costs_only_its_own_row(tmp_path, limit):
    import csv

    previous = csv.field_size_limit(limit)
    try:
        run_oversized_catalog(tmp_path)
    finally:
        csv.field_size_limit(previous)


def run_oversized_catalog(tmp_path):
    from pipeline.ingest.corpus import ingest_corpus

    src = tmp_path / "sources"
    src.mkdir()
    for i, (name, city) in enumerate(NAMES):
        (src / f"a{i}.txt").write_text(ARTICLE.format(name=name, city=city), encoding="utf-8")
    huge = "x" * 200_000
    (src / "catalog.csv").write_text("file,title,publisher\na0.txt,First,P\n"
                                     f"a1.txt,\"{huge}\",P\na2.txt,Third,P\n", encoding="utf-8")
    result = ingest_corpus(src)
    titles = {d["source_file"]: (d["title"], d["title_source"]) for d in result.documents}
    assert titles["a0.txt"] == ("First", "catalog") and titles["a2.txt"] == ("Third", "catalog")
    assert titles["a1.txt"][1] != "catalog"  # the bad row is not applied, the document still is
    issues = [i for i in result.issues if i["code"] == "catalog_malformed" and "row ignored" in i["message"]]
    assert len(issues) == 1 and "line 3" in issues[0]["message"] and "field limit" in issues[0]["message"]


# ---- names ---------------------------------------------------------------------------------------

def test_printable_escapes_control_characters_and_ansi():
    from pipeline.printable import printable

    assert printable("a\x1b[31mb\x07c\r\n\u202ed\x9b.txt") == "a\\x1b[31mb\\x07c\\x0d\\x0a\\u202ed\\x9b.txt"
    assert printable("Ünïcode – ok.txt") == "Ünïcode – ok.txt"


def test_control_characters_in_a_file_name_never_reach_terminal_markdown_or_raw_json(fault):
    (fault.src / ANSI_NAME).write_text(ARTICLE.format(name="Kishi", city="Osaka"), encoding="utf-8")
    shutil.copy(fault.src / "a0.txt", fault.src / ("dup" + ANSI_NAME))  # a duplicate: an issue line naming it
    code, out, err = fault.build()
    assert code == 0, err
    assert "duplicate" in out
    release = latest(fault.out)
    markdown = (release / "CHANGELOG.md").read_text(encoding="utf-8") + (release / "README.md").read_text(encoding="utf-8")
    for text in (out, err, fault.caplog.text, markdown):
        assert not any(ch in text for ch in "\x1b\x07\r\u202e"), text[-2000:]
    assert "news\\x1b[2J" in (release / "CHANGELOG.md").read_text(encoding="utf-8")
    for path in release.glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert not any(ord(ch) < 32 and ch not in "\n" for ch in text) and "\u202e" not in text, path.name
    changes = json.loads((release / "changes.json").read_text(encoding="utf-8"))
    assert ANSI_NAME in changes["sources"]["added"]  # JSON keeps the exact name, escaped
    docs = pl.read_parquet(release / "documents.parquet")
    assert ANSI_NAME in docs["source_file"].to_list()


# ---- clean failures ------------------------------------------------------------------------------

def add_source(fault: Fault) -> None:
    """A change, so the build writes a new release (an unchanged one writes nothing)."""
    (fault.src / "new.txt").write_text(ARTICLE.format(name="Abe", city="Kyoto"), encoding="utf-8")


def test_a_full_disk_while_publishing_is_one_line_and_exit_4(fault):
    add_source(fault)
    fault.refuse_writes(f"{fault.out / 'releases' / '.tmp-'}", errno.ENOSPC)
    code, _, err = fault.build()
    assert_failed_cleanly(fault, code, err, 4, "disk is full")


def test_a_read_only_outputs_folder_is_one_line_and_exit_5(fault):
    add_source(fault)
    fault.refuse_writes(f"{fault.out}{os.sep}", errno.EROFS)
    code, _, err = fault.build()
    assert_failed_cleanly(fault, code, err, 5, "cannot write to")


def test_a_really_full_disk_is_one_line_and_exit_4(fault):
    """The same on a real file system: outputs on a tmpfs with no room for the new release."""
    fault.on_tiny_disk()
    add_source(fault)
    code, _, err = fault.build()
    assert_failed_cleanly(fault, code, err, 4, "disk is full")


def test_a_really_read_only_outputs_folder_is_one_line_and_exit_5(fault):
    """The same on a read-only bind mount of the outputs folder."""
    fault.read_only()
    add_source(fault)
    code, _, err = fault.build()
    assert_failed_cleanly(fault, code, err, 5, "cannot write to")


def test_a_corrupt_run_history_is_one_line_and_exit_6(fault):
    add_source(fault)
    runs = fault.out / ".dagster_home" / "history" / "runs.db"
    assert runs.exists()
    runs.write_bytes(b"this is not a SQLite database " * 200)
    code, _, err = fault.build()
    assert_failed_cleanly(fault, code, err, 6, "run history")


def test_a_missing_spacy_pipeline_is_one_line_and_exit_7(fault):
    add_source(fault)
    fault.monkeypatch.setenv("DIPLODATA_SPACY_MODEL", "not_a_model")
    code, _, err = fault.build()
    assert_failed_cleanly(fault, code, err, 7, "'not_a_model' is not installed")


def test_debug_shows_the_traceback(fault):
    add_source(fault)
    fault.monkeypatch.setenv("DIPLODATA_SPACY_MODEL", "not_a_model")
    fault.capsys.readouterr()
    assert main(["build", "--sources", str(fault.src), "--outputs", str(fault.out), "--debug"]) == 7
    assert "Traceback" in fault.capsys.readouterr().err


def test_a_locked_run_history_is_diagnosed_as_locked(tmp_path):
    from pipeline.failures import diagnose

    found = diagnose(["sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked"], tmp_path)
    assert found.exit_code == 6 and "locked by another process" in found.line


def test_every_exit_code_is_documented_in_help_and_readme():
    from pipeline.cli import BUILD_EXIT_CODES
    from pipeline.failures import EXIT_CODES

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert len(set(EXIT_CODES.values())) == len(EXIT_CODES)
    for code in EXIT_CODES.values():
        assert f"  {code}  " in BUILD_EXIT_CODES
        assert f"| {code} |" in readme
