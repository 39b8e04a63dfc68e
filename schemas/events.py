"""Contract of the `events` table."""
from __future__ import annotations

from typing import Optional

import pandera.polars as pa
import polars as pl

from schemas._base import ID, ISO3, TableModel
from schemas.quotes import DOC_FK
from schemas.vocab import DATE_BASES, DATE_PRECISIONS, EVENT_STATUSES, EVENT_TYPES


class Events(TableModel):
    """Who did what to whom, when: one row per PLOVER-typed interaction between political actors
    (and per actor-recipient pair), reported as having happened or as planned."""

    event_id: str = pa.Field(unique=True, str_matches=ID, description="Stable event id: a digest of every other column of the row, so rows that differ anywhere differ in id.")
    doc_id: str = pa.Field(str_matches=ID, description="Document the event is reported in.")
    event_type: str = pa.Field(isin=EVENT_TYPES, description="PLOVER category: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE or ASSAULT.")
    event_mode: Optional[str] = pa.Field(nullable=True, description="Short lower-case subtype: visit, meeting, phone_call, summit, agreement, aid_package, sanctions, expulsion, exercise, invasion, statement...")
    actor: Optional[str] = pa.Field(nullable=True, description="Who acts, canonical name or as written.")
    actor_entity_id: Optional[str] = pa.Field(nullable=True, str_matches=ID, description="The actor's entities.entity_id.")
    actor_code: Optional[str] = pa.Field(nullable=True, description="ISO3 code of the actor's state, or an intergovernmental body's short name; null otherwise.")
    recipient: Optional[str] = pa.Field(nullable=True, description="Who the action is directed at (the host of a visit).")
    recipient_entity_id: Optional[str] = pa.Field(nullable=True, str_matches=ID, description="The recipient's entities.entity_id.")
    recipient_code: Optional[str] = pa.Field(nullable=True, description="ISO3 code of the recipient's state, or an intergovernmental body's short name; null otherwise.")
    location: Optional[str] = pa.Field(nullable=True, description="Where it happened, as written.")
    location_code: Optional[str] = pa.Field(nullable=True, str_matches=ISO3, description="ISO3 code of the country of the location.")
    event_date: Optional[pl.Date] = pa.Field(nullable=True, description="Date of the event (first day when the precision is coarser); null when the text gives none.")
    event_date_end: Optional[pl.Date] = pa.Field(nullable=True, description="Last day of a date range; null otherwise.")
    date_precision: Optional[str] = pa.Field(nullable=True, isin=DATE_PRECISIONS, description="Precision of event_date: day, month or year.")
    date_text: Optional[str] = pa.Field(nullable=True, description="The words that gave the date.")
    date_basis: Optional[str] = pa.Field(nullable=True, isin=DATE_BASES, description="Where event_date comes from: 'sentence' (a date phrase of the event's own sentence), 'context' (the dated meeting or call the text goes on reporting; date_text gives its words), 'publication' (a statement or promise made in the present tense, dated by the publication at its precision); null when event_date is null.")
    status: str = pa.Field(isin=EVENT_STATUSES, description="occurred, or planned (announced or scheduled).")
    trigger: str = pa.Field(description="The word that names the event.")
    char_start: int = pa.Field(ge=0, description="Start offset (Python slice) into documents.text of the evidence.")
    char_end: int = pa.Field(ge=0, description="End offset (Python slice, exclusive) into documents.text of the evidence.")
    sentence: str = pa.Field(description="The sentence the event came from.")
    confidence: float = pa.Field(ge=0, le=1, description="Confidence, 0 to 1: the rule's own (0.75 for a verb, 0.7 a verb and object, 0.6 an event noun), or, for an event the learned trigger model added to a sentence no rule coded, the model's probability of its type; less 0.1 without a recipient and 0.1 without an actor code.")

    @pa.dataframe_check(description="date_basis is set exactly when event_date is")
    def basis_with_date(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("date_basis").is_null() == pl.col("event_date").is_null())

    @pa.dataframe_check(description="event_date_end is not before event_date")
    def end_after_start(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("event_date_end").is_null() | pl.col("event_date").is_null()
            | (pl.col("event_date_end") >= pl.col("event_date")))

    class Config:
        metadata = {"primary_key": ["event_id"], "foreign_keys": [
            DOC_FK,
            {"fields": ["actor_entity_id"], "reference": {"resource": "entities", "fields": ["entity_id"]}},
            {"fields": ["recipient_entity_id"], "reference": {"resource": "entities", "fields": ["entity_id"]}}]}
