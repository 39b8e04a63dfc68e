"""Contract of the `sentences` table."""
from __future__ import annotations

from typing import Optional

import pandera.polars as pa

from schemas._base import ID, TableModel


class Sentences(TableModel):
    """Every sentence of every document as the spaCy pipeline split it, with offsets, so each
    extracted row can be read in context."""

    sentence_id: str = pa.Field(unique=True, str_matches=ID, description="Stable sentence id (document and offsets).")
    doc_id: str = pa.Field(str_matches=ID, description="Document the sentence belongs to.")
    sentence_index: int = pa.Field(ge=0, description="Position of the sentence in its document, from 0.")
    char_start: int = pa.Field(ge=0, description="Start offset (Python slice) into documents.text.")
    char_end: int = pa.Field(ge=0, description="End offset (Python slice, exclusive) into documents.text.")
    text: Optional[str] = pa.Field(nullable=True, description="The sentence text, equal to documents.text[char_start:char_end]. Null only in a release built with DIPLODATA_PUBLISH_TEXT=0.")

    class Config:
        metadata = {"primary_key": ["sentence_id"], "foreign_keys": [{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}]}
