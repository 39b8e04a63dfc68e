"""Contracts of the `entities` and `mentions` tables."""
from __future__ import annotations

from typing import Optional

import pandera.polars as pa

from schemas._base import ID, ISO3, TableModel
from schemas.vocab import ENTITY_TYPES


class Entities(TableModel):
    """One row per real-world actor the corpus mentions: people, states, organisations,
    intergovernmental bodies, places and groups. The same actor has the same id in every document."""

    entity_id: str = pa.Field(unique=True, str_matches=ID, description="Stable entity id (from the Wikidata id when known, else type and canonical name).")
    name: str = pa.Field(description="Canonical name, e.g. 'Fumio Kishida', 'Ministry of Foreign Affairs of Japan'.")
    entity_type: str = pa.Field(isin=ENTITY_TYPES, description="person, state, organization, igo, location or group.")
    country_code: Optional[str] = pa.Field(nullable=True, str_matches=ISO3, description="ISO 3166-1 alpha-3 code of the state, or of the state a person or body acts for; null otherwise.")
    code: Optional[str] = pa.Field(nullable=True, description="Code used for this entity as an event actor or recipient: the ISO3 code, or an intergovernmental body's short name (NATO, EU, UN, G7...); null for anything else.")
    role: Optional[str] = pa.Field(nullable=True, description="Office or role, e.g. 'Prime Minister of Japan'.")
    wikidata_id: Optional[str] = pa.Field(nullable=True, str_matches=r"^Q[0-9]+$", description="Wikidata id where the bundled gazetteer has one.")

    class Config:
        metadata = {"primary_key": ["entity_id"], "foreign_keys": []}


class Mentions(TableModel):
    """Every place in a document where an entity is named or referred to, with offsets."""

    mention_id: str = pa.Field(unique=True, str_matches=ID, description="Stable mention id: a digest of every other column of the row, so rows that differ anywhere differ in id.")
    entity_id: str = pa.Field(str_matches=ID, description="The entity mentioned (entities.entity_id).")
    doc_id: str = pa.Field(str_matches=ID, description="Document of the mention.")
    char_start: int = pa.Field(ge=0, description="Start offset (Python slice) into documents.text.")
    char_end: int = pa.Field(ge=0, description="End offset (Python slice, exclusive) into documents.text.")
    text: str = pa.Field(description="The mention as written, equal to documents.text[char_start:char_end].")

    class Config:
        metadata = {"primary_key": ["mention_id"], "foreign_keys": [
            {"fields": ["entity_id"], "reference": {"resource": "entities", "fields": ["entity_id"]}},
            {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}]}
