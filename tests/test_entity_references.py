"""Every entity an extracted row cites is among the document's entity rows, including a speaker
found only through the gazetteer (a label "Secretary of the Treasury Scott Bessent:" before a
quotation, which the entity pass does not take for a mention)."""
from __future__ import annotations

import datetime as dt

from pipeline.extract.document import extract_document
from pipeline.nlp.parse import parse_document

TEXT = ("Support grows for the trade plan.\n\n"
        "Secretary of the Treasury Scott Bessent: “President Trump signed the declaration for the American people. "
        "For decades, the status quo has allowed countries to take advantage of us.”\n\n"
        "Japan and China held talks in Beijing on Monday, the ministry said.\n")


def test_every_cited_entity_is_an_entity_row(nlp):
    parsed = parse_document("doc_0123456789abcdef", TEXT, dt.date(2025, 4, 3), nlp=nlp)
    rows = extract_document(parsed)
    ids = {e["entity_id"] for e in rows["entities"]}
    cited = {q["speaker_entity_id"] for q in rows["quotes"]} | {m["entity_id"] for m in rows["mentions"]}
    cited |= {e[k] for e in rows["events"] for k in ("actor_entity_id", "recipient_entity_id")}
    assert rows["quotes"] and rows["quotes"][0]["speaker"] == "Scott Bessent"
    assert cited - {None} <= ids
