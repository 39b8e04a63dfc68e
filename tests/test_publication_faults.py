"""Publication under real-world faults: content ids, quarantine of documents whose rows break a row
rule, extractor exceptions recorded and never cached, the quarantine limit, unknown keys, and the
CLI naming the failed checks with examples. Small corpora written here; extractors are
monkeypatched to misbehave on one document."""
from __future__ import annotations

import datetime as dt
import re

import polars as pl
import pytest

from pipeline.cli import main
from pipeline.ids import row_id, unique_rows

ARTICLE = ("Foreign Minister {name} of Japan visited Canberra on Tuesday and met Australian Foreign Minister "
           "Penny Wong.\n\n“Our partnership has never been stronger,” {name} said in {city}.\n\n"
           "Japan pledged $2.5 billion in loans to the region, the ministry said.\n")
NAMES = [("Ito", "Sydney"), ("Sato", "Perth"), ("Mori", "Manila")]  # the Manila one misbehaves


def make_sources(root, names=NAMES):
    src = root / "sources"
    src.mkdir()
    for i, (name, city) in enumerate(names):
        (src / f"a{i}.txt").write_text(ARTICLE.format(name=name, city=city), encoding="utf-8")
    return src


def build(src, out) -> int:
    return main(["build", "--sources", str(src), "--outputs", str(out)])


def table(out, name: str) -> pl.DataFrame:
    return pl.read_parquet(out / "releases" / "latest" / f"{name}.parquet")


def doc_id_of(out, source_file: str) -> str:
    docs = table(out, "documents")
    return docs.filter(pl.col("source_file") == source_file)["doc_id"][0]


def on_manila(replacement):
    """Wrap an extractor so that the Manila document gets `replacement(parsed, rows)` instead."""
    def wrap(real):
        def extractor(parsed):
            rows = real(parsed)
            return replacement(parsed, rows) if "Manila" in parsed.text else rows
        return extractor
    return wrap


def bad_event(parsed, rows):
    row = {"doc_id": parsed.doc_id, "event_type": "PARLEY", "status": "occurred", "trigger": "met",
           "char_start": 0, "char_end": 7, "sentence": parsed.text[:40], "confidence": 0.5}
    return rows + unique_rows("event", [row])


@pytest.fixture
def patch(monkeypatch):
    """patch(name, wrapper): replace the extractor `name` as extract_document calls it."""
    import pipeline.extract.document as document

    def apply(name, wrapper):
        monkeypatch.setattr(document, name, wrapper(getattr(document, name)))
    return apply


# ---- ids from content --------------------------------------------------------------------------

EVENT = {"doc_id": "doc_0123456789abcdef", "event_type": "CONSULT", "actor_code": "JPN", "recipient_code": "AUS",
         "actor_entity_id": "ent_0000000000000001", "event_mode": "meeting", "event_date": dt.date(2024, 6, 3), "date_basis": "sentence",
         "char_start": 10, "char_end": 40, "sentence": "Japan met Australia.", "confidence": 0.8,
         "status": "occurred", "trigger": "met"}


@pytest.mark.parametrize("field,value", [("actor_entity_id", "ent_0000000000000002"), ("event_mode", "visit"),
                                         ("event_date", dt.date(2024, 6, 4)), ("actor", "Japan"), ("confidence", 0.7)])
def test_rows_that_differ_in_one_non_offset_field_get_different_ids(field, value):
    other = dict(EVENT, **{field: value})
    assert row_id("event", EVENT) != row_id("event", other)
    assert len({r["event_id"] for r in unique_rows("event", [EVENT, other])}) == 2


def test_identical_rows_become_one_and_the_id_ignores_key_order_and_an_old_id():
    reordered = dict(reversed(list(EVENT.items())))
    rows = unique_rows("event", [EVENT, reordered, dict(EVENT, event_id="event_ffffffffffffffff")])
    assert len(rows) == 1 and list(rows[0])[0] == "event_id"
    assert rows[0]["event_id"] == row_id("event", EVENT)
    assert row_id("event", dict(EVENT, actor=None)) != row_id("event", dict(EVENT, actor=""))


def test_extractors_give_content_ids_and_no_repeats(nlp):
    from pipeline.extract.document import extract_document
    from pipeline.nlp.parse import parse_document

    text = ARTICLE.format(name="Ito", city="Tokyo") + "Japan and Australia held talks. Japan and Australia held talks.\n"
    rows = extract_document(parse_document("doc_0123456789abcdef", text, dt.date(2024, 6, 3), nlp=nlp))
    for name, prefix in (("events", "event"), ("quotes", "quote"), ("figures", "figure"), ("mentions", "mention")):
        ids = [r[f"{prefix}_id"] for r in rows[name]]
        assert len(ids) == len(set(ids)), name
        assert all(i == row_id(prefix, r) for i, r in zip(ids, rows[name])), name


# ---- unknown keys --------------------------------------------------------------------------------

def test_an_unknown_key_is_an_error_naming_the_table_and_keys():
    from schemas import Quotes
    from schemas.frames import to_frame

    with pytest.raises(ValueError, match=r"Quotes rows carry keys not in the contract: \['speaker_title'\]"):
        to_frame([{"quote_id": "quote_0123456789abcdef", "speaker_title": "Minister"}], Quotes)


# ---- the cache key -------------------------------------------------------------------------------

def test_cache_key_covers_contracts_and_speaking_state(monkeypatch):
    from pathlib import Path

    from pipeline.extract import document

    key = document.cache_key("sha", dt.date(2024, 1, 1), "model")
    assert key != document.cache_key("sha", dt.date(2024, 1, 1), "model", "JPN")
    document.extractor_version.cache_clear()
    before = document.extractor_version()
    real = Path.read_bytes
    with monkeypatch.context() as m:
        m.setattr(Path, "read_bytes", lambda self: real(self) + (b"#" if self.name == "vocab.py" else b""))
        document.extractor_version.cache_clear()
        changed = document.extractor_version()
    document.extractor_version.cache_clear()
    assert changed != before  # a contract change invalidates cached rows


def test_a_cache_entry_without_a_verdict_is_not_trusted(tmp_path):
    import pickle

    from pipeline.extract.document import EXTRACTED_TABLES, ExtractCache

    cache = ExtractCache(tmp_path)
    (tmp_path / "old.pkl").write_bytes(pickle.dumps({"events": []}))
    assert cache.get("old") is None and cache.damaged == 1
    rows = {name: [] for name in EXTRACTED_TABLES} | {"sentences": [{"doc_id": "d", "text": "A."}]}
    cache.put("new", rows, [])
    assert cache.get("new", "d") == {"rows": rows, "violations": []}
    assert cache.get("new", "another document") is None  # rows of another document: not this one's entry


# ---- quarantine ----------------------------------------------------------------------------------

DOC_A, DOC_B = "doc_" + "a" * 16, "doc_" + "b" * 16
JAPAN = {"entity_id": "ent_" + "1" * 16, "name": "Japan", "entity_type": "state", "code": "JPN"}


def frames_of(doc_id: str, events: list[dict], entities=(JAPAN,)):
    from pipeline.extract.quarantine import document_frames

    rows = [dict(EVENT, doc_id=doc_id, char_start=0, char_end=5, **e) for e in events]
    return document_frames({"events": unique_rows("event", rows), "entities": list(entities)})


def test_batch_validation_maps_each_failure_to_its_document():
    from pipeline.extract.quarantine import batch_violations

    clean = frames_of(DOC_A, [{}])
    bad = frames_of(DOC_B, [{"event_type": "PARLEY"}, {"event_date": dt.date(2024, 6, 3), "event_date_end": dt.date(2024, 6, 1)}])
    found = batch_violations([(DOC_A, "Japan met Australia.", clean), (DOC_B, "Japan met Australia.", bad)])
    assert set(found) == {DOC_B}  # Japan in both documents' entities is no fault of either
    checks = {(v["table"], v["column"], v["check"]): v for v in found[DOC_B]}
    assert checks[("events", "event_type", "isin")]["example"] == "PARLEY"
    assert ("events", "Events", "end_after_start") in checks


def test_a_repeated_id_within_one_document_is_its_fault():
    from pipeline.extract.quarantine import batch_violations

    twice = frames_of(DOC_A, [{}], entities=(JAPAN, dict(JAPAN, name="Nippon")))
    found = batch_violations([(DOC_A, "Japan met Australia.", twice), (DOC_B, "Japan met Australia.", frames_of(DOC_B, [{}]))])
    assert list(found) == [DOC_A]
    assert found[DOC_A][0]["check"] == "field_uniqueness" and found[DOC_A][0]["rows"] == 2


def test_a_failure_without_a_row_holds_back_the_whole_batch(monkeypatch):
    import pipeline.extract.quarantine as quarantine

    cases = pl.DataFrame({"failure_case": ["String"], "column": ["char_end"], "check": ["dtype('Int64')"], "index": [None]},
                         schema={"failure_case": pl.String, "column": pl.String, "check": pl.String, "index": pl.Int32})
    monkeypatch.setattr(quarantine, "contract_failures", lambda model, frame: cases if model.__name__ == "Events" else None)
    found = quarantine.batch_violations([(DOC_A, "Japan met Australia.", frames_of(DOC_A, [{}])),
                                         (DOC_B, "Japan met Australia.", frames_of(DOC_B, [{}]))])
    assert set(found) == {DOC_A, DOC_B}


def test_a_document_breaking_a_row_rule_is_quarantined_and_the_rest_published(tmp_path, patch, monkeypatch, capsys):
    monkeypatch.setenv("DIPLODATA_MAX_QUARANTINE_SHARE", "0.5")
    patch("extract_events", on_manila(bad_event))
    src, out = make_sources(tmp_path), tmp_path / "out"
    assert build(src, out) == 0
    issues = table(out, "source_issues").filter(pl.col("code") == "contract_violation")
    assert issues["source_file"].to_list() == ["a2.txt"]
    message = issues["message"][0]
    assert "events.event_type isin" in message and "'PARLEY'" in message and "withheld" in message
    assert "a2.txt: contract_violation" in capsys.readouterr().out

    bad = doc_id_of(out, "a2.txt")  # the document row itself stays
    for name in ("sentences", "mentions", "quotes", "figures", "events"):
        frame = table(out, name)
        assert bad not in frame["doc_id"].to_list(), name
        assert frame.filter(pl.col("doc_id") == doc_id_of(out, "a0.txt")).height > 0, name
    assert "PARLEY" not in table(out, "events")["event_type"].to_list()


def test_quarantine_above_the_limit_blocks_and_the_previous_release_stays(tmp_path, patch, capsys):
    src, out = make_sources(tmp_path, NAMES[:2]), tmp_path / "out"
    assert build(src, out) == 0
    before = (out / "releases" / "latest").resolve()
    (src / "a2.txt").write_text(ARTICLE.format(name="Kato", city="Manila"), encoding="utf-8")
    patch("extract_events", on_manila(bad_event))
    capsys.readouterr()
    assert build(src, out) == 1  # one of three documents quarantined, above the 2% default
    err = capsys.readouterr().err
    assert "contract failed: extraction_issues:quarantine_share (1 failing)" in err
    assert "    a2.txt: rows break the contract" in err and "PARLEY" in err
    assert "nothing published; the previous release is untouched" in err
    assert (out / "releases" / "latest").resolve() == before


# ---- extractor exceptions ------------------------------------------------------------------------

def test_an_extractor_exception_is_recorded_and_never_cached(tmp_path, patch, monkeypatch):
    import pipeline.extract.document as document

    monkeypatch.setenv("DIPLODATA_MAX_QUARANTINE_SHARE", "0.5")  # one document of three may fail

    real_figures, calls = document.extract_figures, []

    def failing(real):
        def extractor(parsed):
            calls.append(parsed.doc_id)
            if "Manila" in parsed.text:
                raise RuntimeError("figure grammar broke")
            return real(parsed)
        return extractor

    patch("extract_figures", failing)
    src, out = make_sources(tmp_path), tmp_path / "out"
    assert build(src, out) == 0
    bad = doc_id_of(out, "a2.txt")
    issues = table(out, "source_issues").filter(pl.col("code") == "extraction_error")
    assert issues["source_file"].to_list() == ["a2.txt"]
    assert "RuntimeError: figure grammar broke" in issues["message"][0]
    for name in ("sentences", "mentions", "quotes", "figures", "events"):
        assert bad not in table(out, name)["doc_id"].to_list(), name
    assert len(calls) == 3

    calls.clear()
    assert build(src, out) == 0  # the failed document is extracted again, the others are not
    assert calls == [bad]
    assert table(out, "source_issues").filter(pl.col("code") == "extraction_error").height == 1

    monkeypatch.setattr(document, "extract_figures", real_figures)  # the bug fixed: the document gets its rows
    assert build(src, out) == 0
    assert table(out, "source_issues").filter(pl.col("code") == "extraction_error").height == 0
    assert table(out, "figures").filter(pl.col("doc_id") == bad).height > 0


def test_a_row_with_an_unknown_key_is_an_extraction_error(tmp_path, patch, monkeypatch):
    monkeypatch.setenv("DIPLODATA_MAX_QUARANTINE_SHARE", "0.5")
    patch("extract_quotes", on_manila(lambda parsed, rows: [dict(r, speaker_title="Minister") for r in rows]))
    src, out = make_sources(tmp_path), tmp_path / "out"
    assert build(src, out) == 0
    issues = table(out, "source_issues").filter(pl.col("code") == "extraction_error")
    assert issues["source_file"].to_list() == ["a2.txt"]
    assert "Quotes rows carry keys not in the contract: ['speaker_title']" in issues["message"][0]


def test_extractor_errors_above_the_limit_block_the_release(tmp_path, patch, capsys):
    def failing(real):
        def extractor(parsed):
            if "Manila" in parsed.text:
                raise RuntimeError("figure grammar broke")
            return real(parsed)
        return extractor

    patch("extract_figures", failing)  # one document of three: over the default 2%
    src, out = make_sources(tmp_path), tmp_path / "out"
    assert build(src, out) == 1
    assert "quarantine_share" in capsys.readouterr().err
    assert not (out / "releases" / "latest").exists()


# ---- table-level invariants still block, and the CLI says where --------------------------------

def test_a_table_level_failure_blocks_and_the_cli_names_checks_and_documents(tmp_path, patch, capsys):
    ghost = "ent_00000000000000ff"  # well formed, but no document emits this entity
    patch("extract_quotes", on_manila(lambda parsed, rows: unique_rows("quote", [dict(r, speaker_entity_id=ghost)
                                                                                 for r in rows])))
    src, out = make_sources(tmp_path), tmp_path / "out"
    assert build(src, out) == 1
    err = capsys.readouterr().err
    assert re.search(r"contract failed: quotes:quotes_evidence \(\d+ failing\)", err), err
    example = next(line for line in err.splitlines() if line.startswith("    a2.txt doc_"))
    assert "speaker_entity_id_exists" in example and ghost in example
    assert not (out / "releases" / "latest").exists()
