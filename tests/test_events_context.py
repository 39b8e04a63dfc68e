"""The document context the event coder reads (`events.context.DocContext`), built once per document."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from pipeline.extract.events.context import DocContext
from pipeline.nlp.parse import parse_document


def test_the_context_carries_the_parse_and_the_quotes_the_build_extracted(nlp):
    parsed = parse_document("c", "Kenya and Uganda met on Monday.", dt.date(2022, 9, 14), nlp=nlp)
    parsed.speaking_state = "KEN"
    parsed.meta["quotes"] = [{"char_start": 0, "char_end": 5, "speaker_entity_id": "x"}]
    ctx = DocContext.of(parsed)
    assert (ctx.doc_id, ctx.text, ctx.published_date, ctx.speaking_state) == \
        ("c", parsed.text, dt.date(2022, 9, 14), "KEN")
    assert ctx.doc is parsed.doc and ctx.quotes == tuple(parsed.meta["quotes"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.text = ""


def test_without_entities_or_extracted_quotes_there_are_no_quotes(nlp):
    parsed = parse_document("c", 'Kenya said "we will talk".', None, nlp=nlp)
    ctx = DocContext.of(parsed)
    assert ctx.entities is None and ctx.quotes == () and ctx.published_date is None
