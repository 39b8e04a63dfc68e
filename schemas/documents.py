"""Contract of the `documents` table."""
from __future__ import annotations

from typing import Optional

import pandera.polars as pa
import polars as pl

from schemas._base import ID, TableModel
from schemas.vocab import DATE_PRECISIONS, DATE_SOURCES


class Documents(TableModel):
    """One row per source article that was read, with its metadata and its cleaned text.
    All character offsets in the other tables refer to `text`."""

    doc_id: str = pa.Field(unique=True, str_matches=ID, description="Stable document id derived from the cleaned text.")
    source_file: str = pa.Field(unique=True, description="File name under sources/ (posix path relative to it).")
    title: Optional[str] = pa.Field(nullable=True, description="Article title, from the catalog or a short first line of the text.")
    title_source: Optional[str] = pa.Field(nullable=True, isin=["catalog", "text"], description="Where the title came from: catalog or text.")
    publisher: Optional[str] = pa.Field(nullable=True, description="Publisher named in the catalog.")
    author: Optional[str] = pa.Field(nullable=True, description="Author named in the catalog.")
    url: Optional[str] = pa.Field(nullable=True, description="Original address of the article.")
    published_date: Optional[pl.Date] = pa.Field(nullable=True, description="Publication date (first day of the period when the precision is coarser than a day).")
    published_date_precision: Optional[str] = pa.Field(nullable=True, isin=DATE_PRECISIONS, description="Precision of published_date: day, month or year.")
    published_date_source: Optional[str] = pa.Field(nullable=True, isin=DATE_SOURCES, description="Where published_date came from: catalog, text (a byline or Published line) or url.")
    language: Optional[str] = pa.Field(nullable=True, description="Language code of the text (ISO 639-1).")
    text_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the cleaned text.")
    raw_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the source file's bytes.")
    n_chars: int = pa.Field(ge=0, description="Characters in the cleaned text.")
    n_words: int = pa.Field(ge=0, description="Whitespace-separated words in the cleaned text.")
    text: Optional[str] = pa.Field(nullable=True, description="Cleaned text: the source with page furniture and markdown link targets removed; offsets refer to it. Null only in a release built with DIPLODATA_PUBLISH_TEXT=0.")

    class Config:
        metadata = {"primary_key": ["doc_id"], "foreign_keys": []}
