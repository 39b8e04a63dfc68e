"""Contract of the `furniture` table."""
from __future__ import annotations

from typing import Optional

import pandera.polars as pa

from schemas._base import ID, TableModel


class Furniture(TableModel):
    """Page furniture removed from a source before extraction (navigation, social and comment
    boilerplate, link lists, summary lists the body repeats), kept so every removal can be audited."""

    doc_id: str = pa.Field(str_matches=ID, description="Document the text was removed from.")
    source_file: str = pa.Field(description="Source file the text was removed from.")
    kind: str = pa.Field(description="Which furniture rule removed it (e.g. navigation, social, comments, link_list, summary_repeat, link_target for the address of a markdown link whose words were kept, front_matter for a YAML metadata block, struck_text for struck-out words, divider for a wordless rule line, marker_only for a list or heading marker with no words).")
    text: Optional[str] = pa.Field(nullable=True, description="The removed text, verbatim. Null only in a release built with DIPLODATA_PUBLISH_TEXT=0.")

    class Config:
        metadata = {"primary_key": [], "foreign_keys": [{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}]}
