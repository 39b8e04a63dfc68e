"""Contract of the `documents` table."""
from __future__ import annotations

from typing import Optional

import pandera.polars as pa
import polars as pl

from schemas._base import ID, ISO3, TableModel
from schemas.vocab import DATE_PRECISIONS, DATE_SOURCES, TITLE_SOURCES


class Documents(TableModel):
    """One row per source article that was read, with its metadata and its cleaned text.
    All character offsets in the other tables refer to `text`."""

    doc_id: str = pa.Field(unique=True, str_matches=ID, description="Stable document id derived from the cleaned text.")
    source_file: str = pa.Field(unique=True, description="File name under sources/ (posix path relative to it).")
    collection: Optional[str] = pa.Field(nullable=True, description="Name of the collection the source belongs to (from the nearest collection.yaml above it); null for a loose file.")
    title: Optional[str] = pa.Field(nullable=True, description="Article title, from the catalog, the source's front matter, the collection's title template, or a short first line of the text.")
    title_source: Optional[str] = pa.Field(nullable=True, isin=TITLE_SOURCES, description="Where the title came from: catalog, front_matter, collection (its title template over the file name) or text.")
    publisher: Optional[str] = pa.Field(nullable=True, description="Publisher named in the catalog, else by the collection.")
    author: Optional[str] = pa.Field(nullable=True, description="Author named in the catalog, else in the front matter.")
    url: Optional[str] = pa.Field(nullable=True, description="Original address of the article, from the catalog or the front matter.")
    published_date: Optional[pl.Date] = pa.Field(nullable=True, description="Publication date (first day of the period when the precision is coarser than a day).")
    published_date_precision: Optional[str] = pa.Field(nullable=True, isin=DATE_PRECISIONS, description="Precision of published_date: day, month or year.")
    published_date_source: Optional[str] = pa.Field(nullable=True, isin=DATE_SOURCES, description="Where published_date came from: catalog, front_matter, file_name (the collection's file-name pattern), text (a byline or Published line) or url.")
    language: Optional[str] = pa.Field(nullable=True, description="Language code of the text (ISO 639-1), from the catalog or the collection.")
    licence: Optional[str] = pa.Field(nullable=True, description="Licence of the source text as its collection states it (an SPDX identifier where one exists); null when no collection states one.")
    speaking_state: Optional[str] = pa.Field(nullable=True, str_matches=ISO3, description="ISO 3166-1 alpha-3 code of the state speaking in the first person in this text (its 'we', 'my Government'), as the document's collection states it; null for reported text.")
    publisher_state: Optional[str] = pa.Field(nullable=True, str_matches=ISO3, description="ISO 3166-1 alpha-3 code of the state whose government publishes the text, as the document's collection states it (`publisher_state`), or, for a source outside a collection, the one state a catalog publisher that is a government office names (\"Prime Minister of Australia\", \"Ministry of Foreign Affairs of Japan\"; a newspaper names none): a transcript turn labelled by a title alone (\"THE PRESIDENT:\") is that state's office-holder on the publication date; null when neither says.")
    text_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the cleaned text.")
    raw_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the source file's bytes.")
    encoding: str = pa.Field(str_matches=r"^[a-z0-9_-]+$", description="Character encoding the source file was read in (a Python codec name): utf-8, utf-16/utf-32 when the file opens with a byte-order mark, or a legacy encoding such as cp1252 (Windows-1252), cp1251 or cp932 (Shift_JIS) that charset-normalizer detected with confidence in a file that is not valid UTF-8. Bytes that no encoding explains are a source_issues row (invalid_utf8) instead.")
    n_chars: int = pa.Field(ge=0, description="Characters in the cleaned text.")
    n_words: int = pa.Field(ge=0, description="Whitespace-separated words in the cleaned text.")
    text: Optional[str] = pa.Field(nullable=True, description="Cleaned text: the source with front matter, page furniture and markdown link targets removed (Markdown sources also lose their markup: wrapped paragraphs joined, emphasis, heading and list markers dropped); offsets refer to it. Null only in a release built with DIPLODATA_PUBLISH_TEXT=0.")

    class Config:
        metadata = {"primary_key": ["doc_id"], "foreign_keys": []}
