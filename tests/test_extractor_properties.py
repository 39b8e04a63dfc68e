"""Properties of every extractor over arbitrary text, through the same entry point the build uses
(`extract_document` on `parse_document(...)`): it never raises, every emitted span is the slice of
the text it claims, and every row honours its table's contract (one odd document must never be
able to block a release)."""
from __future__ import annotations

import datetime as dt
import time

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.contracts import validate
from pipeline.extract.document import extract_document
from pipeline.nlp.parse import load_model, parse_document
from schemas import TABLES
from schemas.frames import to_frame
from schemas.integrity import SPANS, span_failures

PUBLISHED = dt.date(2021, 6, 15)
DOC_ID = "doc_0123456789abcdef"
# Pieces of news prose and of hostile input, written for this test; hypothesis glues them together.
FRAGMENTS = [
    "The foreign minister said ", "“We will not back down,” ", "he told reporters. ", "Japan and China ",
    "agreed to hold talks ", "on 3 May 2023 ", "in Brussels. ", "$2.5 billion ", "about 40 per cent ",
    "more than 1,200 troops ", "last week ", "Prime Minister Jane Doe ", "the United Nations ",
    "NATO condemned the strike. ", "visited Kyiv on Monday", "“", "”", "\"", "'", "‘", "’", "«", "»",
    "(", ")", "[", "]", "{", "}", "\n", "\n\n", "\t", "  ", " ", ".", ",", ";", ":", "—", "-", "…",
    "9" * 60, "0025", "2023-02-30", "February 30, 2023", "31/31/2023", "1e309", "½", "%", "€", "£",
    "¥", "bn", "million", "three", "dozen", "Mr.", "U.S.", "e.g.", "#", "**", "> ", "- ", "* ",
    "[link](http://example.org/a_(b))", "http://x.org/2023/02/30/", "\u200b", "\u2028", "\xa0",
    "\x0c", "\x0b", "\x85", "\ufeff", "İ", "ß", "ﬁ", "e\u0301", "😀", "日本", "مرحبا",
]
PROSE = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join)
# Arbitrary unicode, surrogates excluded (they cannot come out of a UTF-8 decode).
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
SPAN_TEXT = {table: col for table, (_, col) in SPANS.items()}


def extract(text: str) -> dict[str, list[dict]]:
    return extract_document(parse_document(DOC_ID, text, PUBLISHED, nlp=load_model()))


def documents_frame(text: str) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": [DOC_ID], "text": [text]})


def check_properties(text: str) -> None:
    tables = extract(text)
    docs = documents_frame(text)
    for table, rows in tables.items():
        for row in rows:
            if table in SPANS:
                start, end = row["char_start"], row["char_end"]
                assert 0 <= start < end <= len(text), (table, row)
                column = SPAN_TEXT[table]
                if column:
                    assert text[start:end] == row[column], (table, row)
        frame = to_frame(rows, TABLES[table])
        failures = validate(TABLES[table], frame)
        assert failures is None, (table, failures.head(5).to_dicts())
        if table in SPANS:
            assert span_failures(table, frame, docs).height == 0, table


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(PROSE)
def test_prose_like_text_gives_exact_spans_and_valid_rows(text):
    check_properties(text)


@SETTINGS
@given(ANY_TEXT)
def test_arbitrary_unicode_gives_exact_spans_and_valid_rows(text):
    check_properties(text)


def test_hostile_shapes_give_exact_spans_and_valid_rows():
    # The shapes the fuzz corpus feeds the build, at a size that keeps the test quick.
    for text in [
        "",
        " \n\t ",
        "He said “" * 300,
        "“" * 200 + "The minister said so." + "”" * 3,
        "(" * 2000 + "talks" + ")" * 10 + "[" * 500,
        "The bill was $" + "9" * 400 + " and " + "1" + "0" * 400 + " people came.",
        "Ministers met on 0025 and on 2023-02-30, and again on February 30, 2023.",
        "word " * 3000,
    ]:
        check_properties(text)


def extraction_seconds(text: str) -> float:
    parsed = parse_document(DOC_ID, text, PUBLISHED, nlp=load_model())
    start = time.process_time()
    extract_document(parsed)
    return time.process_time() - start


def test_extraction_time_grows_linearly_on_one_long_line():
    line = "The minister said the talks went well and that 25 delegates would meet again. "
    extraction_seconds(line)  # lexicons and gazetteers load on first use
    short = extraction_seconds((line * 150)[:10_000])
    long = extraction_seconds((line * 1200)[:80_000])
    # 8x the text: linear is about 8x the time; the measured quadratic part makes it over 20x.
    assert long < 16 * max(short, 0.05), (short, long)
