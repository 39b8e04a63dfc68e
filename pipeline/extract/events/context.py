"""What the event coder reads of a document, fixed once per document: a typed view of the parse in
place of probing `parsed.meta` and the parse object's optional attributes rule by rule."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DocContext:
    doc_id: str
    text: str
    doc: Any                          # the spaCy Doc of `text`
    published_date: dt.date | None    # relative dates resolve against it
    published_precision: str | None   # day, month or year: how much of published_date is known
    entities: Any                     # the entities layer; None while it is missing (spaCy NER stands in)
    speaking_state: str | None        # ISO3 of the state speaking in the first person, if the collection says
    quotes: tuple[dict, ...]          # the quotes table's rows: who speaks inside each quotation
    publisher_state: str | None = None  # ISO3 of the government publishing the text, if its collection says

    @classmethod
    def of(cls, parsed) -> DocContext:
        """The context of a parsed document (`pipeline.nlp.parse.ParsedDoc`)."""
        return cls(parsed.doc_id, parsed.text, parsed.doc, parsed.published_date,
                   parsed.published_precision, parsed.entities,
                   parsed.speaking_state, tuple(_quotes_of(parsed)), getattr(parsed, "publisher_state", None))


def _quotes_of(parsed) -> list[dict]:
    """The document's attributed quotations: those the build already extracted (`meta["quotes"]`),
    else extracted here when the entities layer is there to attribute them."""
    quotes = parsed.meta.get("quotes")
    if quotes is None and parsed.entities is not None:
        from pipeline.extract.quotes import extract_quotes

        quotes = extract_quotes(parsed)
    return quotes or []
