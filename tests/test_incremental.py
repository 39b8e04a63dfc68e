"""Incremental rebuilds: the sensor's requests, work done only for new sources, the changelog."""
from __future__ import annotations

import json

import dagster as dg
import pytest

from pipeline.build import run_build
from pipeline.ingest.fingerprint import quick_fingerprints
from pipeline.partitions import partition_key
from pipeline.resources import BuildSettings
from pipeline.sensors import diff_sources, sources_sensor, sources_sensor_result

ARTICLE = ("Foreign Minister {name} of Japan visited Canberra on Tuesday and met Australian Foreign Minister "
           "Penny Wong.\n\n“Our partnership has never been stronger,” {name} said.\n")


def test_partition_keys_are_safe_and_distinct():
    keys = {partition_key(n) for n in ["a b.txt", "a_b.txt", "ü/../x,y.txt", "-dash.txt"]}
    assert len(keys) == 4
    assert all(set(k) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") for k in keys)


def test_diff_sources_finds_new_changed_removed():
    assert diff_sources({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "9", "d": "4"}) == (["d"], ["b"], ["c"])


def test_sensor_requests_partitions_and_runs():
    result = sources_sensor_result({"a.txt": "1", "gone.txt": "2", "same.txt": "3"},
                                   {"a.txt": "5", "new.txt": "6", "same.txt": "3"})
    assert isinstance(result, dg.SensorResult)
    adds = [r for r in result.dynamic_partitions_requests if isinstance(r, dg.AddDynamicPartitionsRequest)]
    deletes = [r for r in result.dynamic_partitions_requests if isinstance(r, dg.DeleteDynamicPartitionsRequest)]
    assert adds[0].partition_keys == [partition_key("new.txt")]
    assert deletes[0].partition_keys == [partition_key("gone.txt")]
    assert sorted(r.partition_key for r in result.run_requests) == sorted([partition_key("new.txt"),
                                                                            partition_key("a.txt")])
    assert json.loads(result.cursor) == {"a.txt": "5", "new.txt": "6", "same.txt": "3"}


def sources_with(tmp_path, files: dict[str, str]) -> tuple:
    """A sources folder holding `files` (name -> text) and the settings that build it."""
    src = tmp_path / "sources"
    src.mkdir()
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    return src, BuildSettings(sources_dir=str(src), outputs_dir=str(tmp_path / "out"))


def test_sensor_on_a_folder_then_skips_when_nothing_changed(tmp_path):
    src, settings = sources_with(tmp_path, {"one.txt": "text"})
    with dg.instance_for_test() as instance:
        first = sources_sensor(dg.build_sensor_context(instance=instance, resources={"settings": settings}))
        # nothing released yet: the partition is registered and one corpus run builds the release
        assert [r.job_name for r in first.run_requests] == ["build_release"]
        assert first.dynamic_partitions_requests[0].partition_keys == [partition_key("one.txt")]
        second = sources_sensor(dg.build_sensor_context(instance=instance, cursor=first.cursor,
                                                         resources={"settings": settings}))
        assert isinstance(second, dg.SkipReason)


def test_a_changed_catalog_rebuilds_the_corpus_and_an_unchanged_one_does_not(tmp_path):
    src, settings = sources_with(tmp_path, {"one.txt": "text", "catalog.csv": "file,date\none.txt,2024-01-02\n"})
    with dg.instance_for_test() as instance:
        def tick(cursor):
            return sources_sensor(dg.build_sensor_context(instance=instance, cursor=cursor,
                                                          resources={"settings": settings}))
        first = tick(None)
        assert isinstance(tick(first.cursor), dg.SkipReason)
        (src / "catalog.csv").write_text("file,date\none.txt,2024-03-04\n", encoding="utf-8")
        changed = tick(first.cursor)
        assert [(r.job_name, r.tags.get("diplodata/metadata")) for r in changed.run_requests] == [("build_release", "changed")]
        assert not changed.dynamic_partitions_requests  # no source file is new
        assert isinstance(tick(changed.cursor), dg.SkipReason)


def test_a_cursor_kept_before_metadata_starts_keeping_it_without_a_run(tmp_path):
    src, settings = sources_with(tmp_path, {"one.txt": "text", "catalog.csv": "file,date\none.txt,2024-01-02\n"})
    old_cursor = json.dumps(quick_fingerprints(src))
    with dg.instance_for_test() as instance:
        result = sources_sensor(dg.build_sensor_context(instance=instance, cursor=old_cursor,
                                                         resources={"settings": settings}))
    assert isinstance(result, dg.SensorResult) and not result.run_requests
    assert "catalog.csv" in result.cursor


@pytest.fixture
def counting(monkeypatch):
    """Count documents parsed and extracted during builds."""
    import pipeline.extract.fresh as fresh
    import pipeline.nlp.assets as nlp_assets

    import pipeline.ingest.corpus as corpus

    calls = {"clean": 0, "parse": 0, "extract": 0}

    def wrap(module, name, key, count=lambda *args: 1):
        original = getattr(module, name)

        def counted(*args, **kwargs):
            calls[key] += count(*args)
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)

    wrap(corpus, "build_document", "clean")
    wrap(nlp_assets, "parse_into_cache", "parse", count=lambda texts, *rest: len(texts))
    wrap(fresh, "extract_document", "extract")
    return calls


def test_second_build_processes_only_the_added_source_and_writes_a_changelog(tmp_path, counting):
    src, out = tmp_path / "sources", tmp_path / "out"
    src.mkdir()
    for i, name in enumerate(["Ito", "Sato", "Mori"]):
        (src / f"a{i}.txt").write_text(ARTICLE.format(name=name), encoding="utf-8")
    first = run_build(src, out)
    assert first.success and counting == {"clean": 3, "parse": 3, "extract": 3}
    assert not (out / "releases" / "latest" / "CHANGELOG.md").exists()

    (src / "new.txt").write_text(ARTICLE.format(name="Kato"), encoding="utf-8")
    counting.update(clean=0, parse=0, extract=0)
    second = run_build(src, out)
    assert second.success and counting == {"clean": 1, "parse": 1, "extract": 1}

    latest = (out / "releases" / "latest").resolve()
    changes = json.loads((latest / "changes.json").read_text())
    assert changes["previous_version"] == first.release["version"]
    assert changes["sources"] == {"added": ["new.txt"], "removed": []}
    assert changes["tables"]["documents"]["added"] == 1 and changes["tables"]["documents"]["removed"] == 0
    assert changes["tables"]["quotes"]["added"] == 1 and changes["tables"]["quotes"]["changed"] == 0
    assert "new.txt" in (latest / "CHANGELOG.md").read_text()

    (src / "a0.txt").unlink()
    third = run_build(src, out)
    assert third.success and counting == {"clean": 1, "parse": 1, "extract": 1}
    changes = json.loads(((out / "releases" / "latest").resolve() / "changes.json").read_text())
    assert changes["sources"]["removed"] == ["a0.txt"]
    assert changes["tables"]["documents"]["removed"] == 1


def test_cleaned_documents_cache_gives_the_same_rows_and_follows_the_catalog(tmp_path):
    import datetime as dt

    from pipeline.ingest.corpus import ingest_corpus

    now, cache = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc), tmp_path / "ingest.pkl"
    src = tmp_path / "sources"
    src.mkdir()
    for i, name in enumerate(["Ito", "Sato"]):
        (src / f"a{i}.txt").write_text(ARTICLE.format(name=name), encoding="utf-8")

    def both():
        return ingest_corpus(src, now=now), ingest_corpus(src, now=now, cache_path=cache)

    plain, cached = both()
    assert cache.exists() and cached == plain and ingest_corpus(src, now=now, cache_path=cache) == plain
    (src / "catalog.csv").write_text("file,title,published_date\na1.txt,A Catalog Title,2021-13-45\n")
    plain, cached = both()
    assert cached == plain
    assert [d["title"] for d in cached.documents if d["source_file"] == "a1.txt"] == ["A Catalog Title"]
    assert any(i["code"] == "catalog_bad_date" for i in cached.issues)


def test_document_partition_processes_only_its_own_source(tmp_path):
    from pipeline.extract.assets import document_extracts

    src = tmp_path / "sources"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE.format(name="Ito"), encoding="utf-8")
    (src / "b.txt").write_text(ARTICLE.format(name="Sato"), encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    settings = BuildSettings(sources_dir=str(src), outputs_dir=str(tmp_path / "out"))
    keys = {name: partition_key(name) for name in ("a.txt", "b.txt", "empty.txt")}

    def run(name):
        result = dg.materialize([document_extracts], instance=instance, partition_key=keys[name],
                                resources={"settings": settings})
        meta = result.asset_materializations_for_node("document_extracts")[0].metadata
        return {k: v.value for k, v in meta.items()}

    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("sources", list(keys.values()))
        assert run("a.txt") == {"extracted": 1, "from_cache": 0, "failed": 0, "quarantined": 0, "skipped": 0, "cache_damaged": 0}
        assert run("a.txt") == {"extracted": 0, "from_cache": 1, "failed": 0, "quarantined": 0, "skipped": 0, "cache_damaged": 0}
        assert run("empty.txt") == {"extracted": 0, "from_cache": 0, "failed": 0, "quarantined": 0, "skipped": 1, "cache_damaged": 0}
    assert len(list((tmp_path / "out" / ".cache" / "extract").glob("*.pkl"))) == 1


def test_an_incremental_build_publishes_the_tables_a_fresh_build_does(tmp_path, counting, monkeypatch):
    """Reusing the last build's tables (unchanged documents) must give exactly a full build's rows."""
    import polars as pl

    from pipeline.extract.document import ExtractCache

    lookups = []
    original_get = ExtractCache.get
    monkeypatch.setattr(ExtractCache, "get", lambda self, key, *rest: lookups.append(key) or original_get(self, key, *rest))

    src, out, fresh_out = tmp_path / "sources", tmp_path / "out", tmp_path / "fresh"
    src.mkdir()
    for i, name in enumerate(["Ito", "Sato", "Mori", "Abe"]):
        (src / f"a{i}.txt").write_text(ARTICLE.format(name=name), encoding="utf-8")
    (src / "a0.txt").write_text("Foreign Minister Hiroshi Tanabe of Japan visited Canberra.\n", encoding="utf-8")
    assert run_build(src, out).success
    (src / "a1.txt").unlink()
    (src / "a2.txt").write_text(ARTICLE.format(name="Kishi") + "\nJapan and China held talks in Beijing.\n",
                                encoding="utf-8")
    # the same person under another title, in a source sorted first: its entities row wins, as in a full build
    (src / "0new.txt").write_text("Defence Minister Hiroshi Tanabe of Japan met President Xi Jinping in Beijing.\n",
                                encoding="utf-8")
    counting.update(clean=0, parse=0, extract=0)
    lookups.clear()
    incremental = run_build(src, out)
    assert incremental.success and counting["extract"] == 2  # the changed and the added source only
    assert len(lookups) == 2  # the two unchanged sources came from the stored tables, not their cache files
    assert run_build(src, fresh_out).success
    for table in ("sentences", "entities", "mentions", "quotes", "figures", "events"):
        a = pl.read_parquet(out / "releases" / "latest" / f"{table}.parquet")
        b = pl.read_parquet(fresh_out / "releases" / "latest" / f"{table}.parquet")
        assert a.equals(b), table


def test_a_corrupt_stored_corpus_table_falls_back_to_the_document_cache(tmp_path):
    src, out = tmp_path / "sources", tmp_path / "out"
    src.mkdir()
    (src / "a0.txt").write_text(ARTICLE.format(name="Ito"), encoding="utf-8")
    first = run_build(src, out)
    (out / ".cache" / "extract" / "corpus" / "quotes.parquet").write_bytes(b"not parquet")
    (src / "a1.txt").write_text(ARTICLE.format(name="Sato"), encoding="utf-8")
    second = run_build(src, out)
    assert first.success and second.success
    assert second.release["rows"]["quotes"] == 2 * first.release["rows"]["quotes"]
