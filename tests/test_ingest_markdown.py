"""Markdown sources and front matter, on small files written here: what a reader sees is what
`documents.text` holds, and what was removed is recorded."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from pipeline.ingest import ingest_corpus
from pipeline.ingest.markdown import clean_markdown, unwrap_markdown

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)

PAGE = """---
title: "Readout of the Meeting Between\\_Japan and\\_Australia"
date: '2024-10-23'
published_time: 2024-10-23 21:24:39-04:00
source_url: https://example.gov/briefing-room/2024/10/23/readout/
tags: statements-releases
author: [Press Office, Wire Desk]
---
\u00a0
Parliament House  
Canberra

## Talks in *Canberra*

The foreign ministers of **Japan** and Australia met in Canberra on
Tuesday to discuss [maritime security](https://example.gov/maritime)
and trade.\u00a0 They agreed to meet again next year.

-   **Defence**: the two ministers welcomed the new
    [reciprocal access](https://example.gov/raa) agreement.
-   *Trade*: both sides will work toward an early review.
1.  A numbered point that wraps
    over two lines.

------------------------------------------------------------------------

The minister said the \\*interim\\* figure was \\$2 billion <s>million</s> [billion].

Related articles

[Japan and India hold talks](https://example.gov/a)
[Australia hosts Pacific summit](https://example.gov/b)
"""

CLEAN = """Parliament House
Canberra

Talks in Canberra

The foreign ministers of Japan and Australia met in Canberra on Tuesday to discuss maritime security and trade. They agreed to meet again next year.

Defence: the two ministers welcomed the new reciprocal access agreement.
Trade: both sides will work toward an early review.
A numbered point that wraps over two lines.

The minister said the *interim* figure was $2 billion [billion]."""


def ingest(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return ingest_corpus(tmp_path, now=NOW)


def test_markdown_page_reads_cleanly_with_its_front_matter(tmp_path):
    result = ingest(tmp_path, {"page.md": PAGE})
    assert result.issues == []
    doc = result.documents[0]
    assert doc["text"] == CLEAN
    assert (doc["title"], doc["title_source"]) == ("Readout of the Meeting Between Japan and Australia", "front_matter")
    assert doc["url"] == "https://example.gov/briefing-room/2024/10/23/readout/"
    assert doc["author"] == "Press Office, Wire Desk"
    assert (doc["published_date"], doc["published_date_precision"], doc["published_date_source"]) == \
        (dt.date(2024, 10, 23), "day", "front_matter")
    assert doc["n_chars"] == len(doc["text"]) and doc["collection"] is None and doc["licence"] is None


def test_everything_removed_is_recorded(tmp_path):
    removed = ingest(tmp_path, {"page.md": PAGE}).removed
    kinds = [r["kind"] for r in removed]
    assert kinds[0] == "front_matter" and removed[0]["text"].startswith("---\ntitle:")
    assert "link_list" in kinds and any("Japan and India hold talks" in r["text"] for r in removed)
    targets = [r["text"] for r in removed if r["kind"] == "link_target"]
    assert targets == ["https://example.gov/maritime", "https://example.gov/raa"]
    assert {"kind": "struck_text", "text": "<s>million</s>"} in [{k: r[k] for k in ("kind", "text")} for r in removed]


def test_furniture_inside_markdown_keeps_the_text_around_it_exact(tmp_path):
    body = ("The ministers met in Lima on Monday and\nsigned a fisheries accord.\n\n"
            "Share this article\n\n"
            "Officials said the accord\nwould take effect in May.\n")
    doc = ingest(tmp_path, {"a.md": body}).documents[0]
    text = doc["text"]
    assert text == "The ministers met in Lima on Monday and signed a fisheries accord.\n\n" \
                   "Officials said the accord would take effect in May."
    start = text.index("Officials")
    assert text[start:start + len("Officials said the accord would")] == "Officials said the accord would"


def test_published_time_when_there_is_no_date(tmp_path):
    page = "---\ntitle: A Title\npublished_time: 2023-05-21 09:00:00+09:00\n---\nLeaders met in Hiroshima today.\n"
    doc = ingest(tmp_path, {"a.md": page}).documents[0]
    assert (doc["published_date"], doc["published_date_source"]) == (dt.date(2023, 5, 21), "front_matter")


def test_front_matter_in_a_txt_file_is_read_and_cut(tmp_path):
    text = ("---\ntitle: Talks in Oslo\ndate: May 16, 2018\nurl: https://example.org/oslo\n---\n"
            "Ministers met in Oslo.\n\nThe foreign minister said the talks\nwent well.\n")
    doc = ingest(tmp_path, {"a.txt": text}).documents[0]
    # plain text keeps its lines as they are: only the block goes
    assert doc["text"] == "Ministers met in Oslo.\n\nThe foreign minister said the talks\nwent well."
    assert (doc["title"], doc["title_source"], doc["url"]) == ("Talks in Oslo", "front_matter", "https://example.org/oslo")
    assert (doc["published_date"], doc["published_date_precision"]) == (dt.date(2018, 5, 16), "day")


def test_catalog_wins_over_front_matter(tmp_path):
    (tmp_path / "catalog.csv").write_text("file,title,published_date\na.md,Catalog Title,2020-02\n")
    doc = ingest(tmp_path, {"a.md": "---\ntitle: Front Title\ndate: 2024-01-02\n---\nLeaders met today.\n"}).documents[0]
    assert (doc["title"], doc["title_source"]) == ("Catalog Title", "catalog")
    assert (doc["published_date"], doc["published_date_precision"], doc["published_date_source"]) == \
        (dt.date(2020, 2, 1), "month", "catalog")


def test_malformed_front_matter_is_an_issue_and_the_document_still_publishes(tmp_path):
    result = ingest(tmp_path, {"bad.md": "---\ntitle: [unclosed\ndate: 2024-01-01\n---\nLeaders met in Oslo.\n",
                               "list.txt": "---\n- a\n- b\n---\nLeaders met in Rome.\n",
                               "date.md": "---\ntitle: Fine\ndate: not a date\n---\nLeaders met in Bern.\n"})
    issues = {i["source_file"]: i for i in result.issues}
    assert {name: i["code"] for name, i in issues.items()} == {
        "bad.md": "bad_front_matter", "list.txt": "bad_front_matter", "date.md": "bad_front_matter"}
    assert "not valid YAML at line 3" in issues["bad.md"]["message"]
    assert "`date` 'not a date' is not a date" in issues["date.md"]["message"]
    texts = {d["source_file"]: d for d in result.documents}
    assert texts["bad.md"]["text"] == "Leaders met in Oslo." and texts["list.txt"]["text"] == "Leaders met in Rome."
    assert texts["date.md"]["title"] == "Fine" and texts["date.md"]["published_date"] is None


def test_an_unclosed_fence_is_not_front_matter(tmp_path):
    doc = ingest(tmp_path, {"a.txt": "---\nLeaders met in Oslo.\n"}).documents[0]
    assert doc["text"] == "---\nLeaders met in Oslo."


def test_same_body_with_other_front_matter_is_a_duplicate(tmp_path):
    body = "Leaders met in Oslo on Monday.\n"
    result = ingest(tmp_path, {"a.md": "---\ntitle: One\n---\n" + body, "b.md": "---\ntitle: Two\n---\n" + body})
    assert [d["source_file"] for d in result.documents] == ["a.md"]
    assert [(i["source_file"], i["code"]) for i in result.issues] == [("b.md", "duplicate")]


def test_unwrap_joins_paragraphs_and_items_and_keeps_hard_breaks():
    text = "One line\nwrapped here.\n\n- item one\n  continues\n- item two\n\nA  \nB\\\nC\n\u00a0\n# Head #\nNext"
    assert unwrap_markdown(text) == ("One line wrapped here.\n\n- item one continues\n- item two\n\n"
                                     "A\nB\nC\n\n# Head #\nNext")


def test_a_wrapped_line_that_looks_like_a_numbered_item_continues_its_sentence():
    item = "-   **Group:** It first met in\n    December 2023 and plans to meet in May\n    2024.  \n-   **Next:** item"
    assert unwrap_markdown(item) == "-   **Group:** It first met in December 2023 and plans to meet in May 2024.\n-   **Next:** item"
    assert unwrap_markdown("Signed in\n1999. The treaty holds.") == "Signed in 1999. The treaty holds."
    assert unwrap_markdown("• Finance to reach\n$11 billion by\n2024. These rose.") == "• Finance to reach $11 billion by 2024. These rose."
    assert unwrap_markdown("1. first\n2. second\n   wraps\n3. third") == "1. first\n2. second wraps\n3. third"
    assert unwrap_markdown("Intro:\n\n1. a\n2. b") == "Intro:\n\n1. a\n2. b"


def test_a_line_of_only_a_marker_is_recorded_when_it_goes():
    text, removed = clean_markdown("Intro.\n\n3.\n\nNext.")
    assert text == "Intro.\n\nNext."
    assert {"kind": "marker_only", "text": "3."} in removed


def test_emphasis_markers_go_but_literal_characters_stay():
    cleaned, _ = clean_markdown("**Bold** and __strong__ and *it* and _em_ and snake_case_name and 2 * 3 "
                                "and \\*literal\\* and \\_under\\_ and **IBM **announced")
    assert cleaned == ("Bold and strong and it and em and snake_case_name and 2 * 3 and *literal* and _under_ "
                       "and IBM announced")


def test_wordless_lines_and_comments_go():
    cleaned, removed = clean_markdown("Before.\n\n\\*\\*\\*\n\n<!-- -->\n\nAfter <https://example.org/x>.")
    assert cleaned == "Before.\n\nAfter https://example.org/x."
    assert {"kind": "divider", "text": "***"} in removed


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *_#-[]()\\<>|1.\n\u00a0 ")), max_size=120))
def test_markdown_cleaning_never_raises_and_leaves_no_blank_runs(text):
    cleaned, removed = clean_markdown(unwrap_markdown(text))
    assert "\n\n\n" not in cleaned and cleaned == cleaned.strip("\n")
    assert all(isinstance(r["text"], str) for r in removed)


def test_converter_escapes_in_a_plain_text_copy_are_undone(tmp_path):
    # a page copied from a JSON feed: "\u2019" written out, and Markdown's hard-break backslash
    text = ("Readout of Prime Minister Rutte\\u2019s Meeting with President Ramaphosa\\\n\n"
            "Prime Minister Mark Rutte met President Cyril Ramaphosa in Pretoria on Monday \\u2014 "
            "their first talks \\u0007since 2019.\n")
    doc = ingest(tmp_path, {"readout.txt": text}).documents[0]
    assert doc["title"] == "Readout of Prime Minister Rutte\u2019s Meeting with President Ramaphosa"
    assert doc["text"].startswith("Readout of Prime Minister Rutte\u2019s Meeting with President Ramaphosa\n")
    assert "Monday \u2014 their" in doc["text"]
    assert "\\u0007since" in doc["text"]  # a control character is not written into the text
