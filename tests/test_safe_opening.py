"""Safe opening of sources (issue 18, part E): a source is opened without following a link, must
still be the file that was listed (device and inode), and is not read when it has other hard links
(unless DIPLODATA_ALLOW_HARD_LINKS=1). Each refusal is a source_issues row; the rest is read."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from pipeline.ingest import corpus as corpus_module
from pipeline.ingest import ingest_corpus
from pipeline.ingest.reader import list_sources, read_source

NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
GOOD = "Ministers met in Oslo.\n\nThe foreign minister said the talks went well and would go on next week.\n"
SECRET = "Secret text that must never be read.\n"


def codes(result) -> dict[str, str]:
    return {i["source_file"]: i["code"] for i in result.issues}


@pytest.fixture
def corpus(tmp_path):
    """(sources with a.txt and b.txt, a secret file outside them)."""
    src, outside = tmp_path / "sources", tmp_path / "outside"
    src.mkdir()
    outside.mkdir()
    (src / "a.txt").write_text(GOOD)
    (src / "b.txt").write_text(GOOD.replace("Oslo", "Bern"))
    (outside / "secret.txt").write_text(SECRET)
    return src, outside / "secret.txt"


def swap_after_listing(monkeypatch, swap):
    """The fault: `swap()` runs between the listing of the sources and their reading."""
    real = corpus_module.list_sources

    def listed_then_swapped(folder):
        found = real(folder)
        swap()
        return found
    monkeypatch.setattr(corpus_module, "list_sources", listed_then_swapped)


def test_a_source_swapped_for_a_link_after_listing_is_refused(corpus, monkeypatch):
    src, secret = corpus

    def swap():
        (src / "b.txt").unlink()
        (src / "b.txt").symlink_to(secret)
    swap_after_listing(monkeypatch, swap)
    result = ingest_corpus(src, now=NOW)
    assert codes(result) == {"b.txt": "source_changed"}
    assert [d["source_file"] for d in result.documents] == ["a.txt"]
    assert all("Secret" not in d["text"] for d in result.documents)


def test_a_source_replaced_by_another_file_after_listing_is_refused(corpus, monkeypatch):
    src, _ = corpus

    def swap():
        (src / "b.tmp").write_text(SECRET)
        os.replace(src / "b.tmp", src / "b.txt")  # a new inode under the listed name
    swap_after_listing(monkeypatch, swap)
    result = ingest_corpus(src, now=NOW)
    assert codes(result) == {"b.txt": "source_changed"}
    assert "never be read" not in str(result.issues)


def test_a_link_inside_sources_is_read_at_its_target_without_following_links(corpus):
    src, _ = corpus
    (src / "c.txt").symlink_to(src / "a.txt")
    found, issues = list_sources(src)
    link = next(s for s in found if s.name == "c.txt")
    assert issues == [] and link.path == (src / "a.txt").resolve()
    assert read_source(link, 10_000).text == GOOD


def test_a_hard_link_is_recorded_and_not_read(corpus, monkeypatch):
    src, secret = corpus
    os.link(secret, src / "linked.txt")
    monkeypatch.delenv("DIPLODATA_ALLOW_HARD_LINKS", raising=False)
    result = ingest_corpus(src, now=NOW)
    assert codes(result) == {"linked.txt": "hard_link"}
    assert "2 hard links" in result.issues[0]["message"]
    assert all("Secret" not in d["text"] for d in result.documents)


def test_hard_links_are_read_when_allowed(corpus, monkeypatch):
    src, secret = corpus
    os.link(secret, src / "linked.txt")
    monkeypatch.setenv("DIPLODATA_ALLOW_HARD_LINKS", "1")
    result = ingest_corpus(src, now=NOW)
    assert codes(result) == {} and len(result.documents) == 3
