"""Contract of the `quotes` table."""
from __future__ import annotations

from typing import Optional

import pandera.polars as pa

from schemas._base import ID, TableModel
from schemas.vocab import QUOTE_TYPES

DOC_FK = {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}


class Quotes(TableModel):
    """Every attributed quotation: the words inside the quotation marks, who said them and the
    reporting cue. A quotation broken by its attribution, or spanning paragraphs, gives one row per part."""

    quote_id: str = pa.Field(unique=True, str_matches=ID, description="Stable quote id: a digest of every other column of the row, so rows that differ anywhere differ in id.")
    doc_id: str = pa.Field(str_matches=ID, description="Document the quote is in.")
    text: str = pa.Field(description="The quoted words without the quotation marks, equal to documents.text[char_start:char_end].")
    speaker: Optional[str] = pa.Field(nullable=True, description="Canonical name of the speaker (the fullest form the document gives; a role such as 'the head of X' is the person the document names in it, else the body or state, so 'a US defense official' is 'United States'; a group is its names joined by 'and', or as written: 'the countries of the region'); null when nobody can be attributed.")
    speaker_entity_id: Optional[str] = pa.Field(nullable=True, str_matches=ID, description="The speaker's entities.entity_id when resolved to an entity.")
    cue: Optional[str] = pa.Field(nullable=True, description="The reporting verb or phrase: 'said', 'tweeted', 'was quoted as saying'.")
    quote_type: str = pa.Field(isin=QUOTE_TYPES, description="full: a complete sentence or more; partial: a fragment embedded in the writer's sentence.")
    char_start: int = pa.Field(ge=0, description="Start offset (Python slice) into documents.text.")
    char_end: int = pa.Field(ge=0, description="End offset (Python slice, exclusive) into documents.text.")
    sentence: str = pa.Field(description="The sentence the quote came from.")

    class Config:
        metadata = {"primary_key": ["quote_id"], "foreign_keys": [
            DOC_FK, {"fields": ["speaker_entity_id"], "reference": {"resource": "entities", "fields": ["entity_id"]}}]}
