"""The ingest stage on the five seed articles of sources/ (checks named in the ingest brief), copied
to a folder of their own (`seed_sources`): the rest of sources/ is the corpus, never ingested in tests."""
from __future__ import annotations

import datetime as dt
import pytest

from pipeline.ingest import ingest_corpus

NOW = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def result(seed_sources):
    return ingest_corpus(seed_sources, now=NOW)


@pytest.fixture(scope="module")
def docs(result):
    return {d["source_file"][:3]: d for d in result.documents}


def lines(doc) -> list[str]:
    return [line.strip() for line in doc["text"].split("\n")]


def test_all_seeds_publish_without_issues(result):
    assert len(result.documents) == 5 and result.issues == []


def test_002_title_and_date_from_text(docs):
    d = docs["002"]
    assert d["title"] == "Japan's Relations with Russia and China and the Implications for the U.S.-Japan Alliance"
    assert d["title_source"] == "text"
    assert (d["published_date"], d["published_date_precision"], d["published_date_source"]) == \
        (dt.date(2018, 5, 16), "day", "text")


def test_000_month_from_catalog_url(docs):
    d = docs["000"]
    assert (d["published_date"], d["published_date_precision"], d["published_date_source"]) == \
        (dt.date(2023, 3, 1), "month", "url")
    assert d["title_source"] == "catalog"
    assert lines(d).count(d["title"]) == 1  # the repeated title lines are gone, the first stays


def test_001_has_no_inferred_title(docs):
    assert docs["001"]["title"] is None and docs["001"]["title_source"] is None


def test_001_summary_bullets_gone(docs, result):
    text = docs["001"]["text"]
    assert "What You Need To Know" not in text
    assert not any(line.startswith("- ") for line in text.split("\n"))
    removed = [r for r in result.removed if r["source_file"].startswith("001")]
    assert [r["kind"] for r in removed] == ["summary_list"]
    # every removed bullet's words are still in the body
    for bullet in removed[0]["text"].split("\n")[1:]:
        assert bullet[2:40] in text


def test_003_comment_and_social_furniture_gone(docs):
    ls = lines(docs["003"])
    for gone in ("COMMENTS", "Replying to X"):
        assert gone not in ls
    assert not any("on Facebook" in line or "Comments FAQ" in line or line.startswith("Published in")
                   for line in ls)


def test_004_navigation_and_related_list_gone(docs):
    ls = lines(docs["004"])
    assert "EN|FR|RU" not in ls and "Follow us on:" not in ls and "More on this topic" not in ls
    assert ls[-1].startswith("Nazar KURBANOV")  # the author's note before the related list stays


def test_removed_rows_point_at_documents(result):
    ids = {d["doc_id"] for d in result.documents}
    assert result.removed and all(r["doc_id"] in ids for r in result.removed)
    assert all(set(r) == {"doc_id", "source_file", "kind", "text"} for r in result.removed)


def test_document_columns_and_hashes(result, seed_sources):
    import hashlib

    for d in result.documents:
        assert d["text_sha256"] == hashlib.sha256(d["text"].encode()).hexdigest()
        assert d["raw_sha256"] == hashlib.sha256((seed_sources / d["source_file"]).read_bytes()).hexdigest()
        assert d["n_chars"] == len(d["text"]) and d["n_words"] == len(d["text"].split())
        assert d["doc_id"].startswith("doc_")


def test_rebuild_is_identical(result, seed_sources):
    again = ingest_corpus(seed_sources, now=NOW)
    assert again.documents == result.documents and again.removed == result.removed


def test_single_file_ingest_matches_corpus(result, seed_sources):
    from pipeline.ingest.corpus import ingest_file

    for doc in result.documents:
        assert ingest_file(seed_sources, doc["source_file"]).documents == [doc]
