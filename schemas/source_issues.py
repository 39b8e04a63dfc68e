"""Contract of the `source_issues` table."""
from __future__ import annotations

from typing import Annotated

import pandera.polars as pa
import polars as pl

from schemas._base import TableModel
from schemas.vocab import ISSUE_CODES


class SourceIssues(TableModel):
    """One row per problem found in the input: a file that could not be used, a catalog row that
    was wrong, a document an extractor failed on. Nothing bad is dropped silently."""

    source_file: str = pa.Field(description="File (or catalog entry) the problem concerns, relative to sources/.")
    code: str = pa.Field(isin=ISSUE_CODES, description="Machine-readable problem code.")
    message: str = pa.Field(description="What is wrong and what the build did about it, for a person.")
    detected_at: Annotated[pl.Datetime, "us", "UTC"] = pa.Field(description="When the build found the problem (UTC).")

    class Config:
        metadata = {"primary_key": [], "foreign_keys": []}
