"""Contract of the `figures` table."""
from __future__ import annotations

from typing import Optional

import pandera.polars as pa

from schemas._base import ID, TableModel
from schemas.quotes import DOC_FK
from schemas.vocab import APPROXIMATIONS, FIGURE_KINDS


class Figures(TableModel):
    """Every quantity stated in the text (money, percentages, counts, distances, masses, durations,
    multiples), normalised to a fully scaled value with its unit, range and approximation."""

    figure_id: str = pa.Field(unique=True, str_matches=ID, description="Stable figure id: a digest of every other column of the row, so rows that differ anywhere differ in id.")
    doc_id: str = pa.Field(str_matches=ID, description="Document the figure is in.")
    raw_text: str = pa.Field(description="The span as written ('$185 billion', 'about 500 miles'), equal to documents.text[char_start:char_end].")
    value: float = pa.Field(description="Fully scaled value (185e9 for '$185 billion'); the midpoint for a range.")
    value_low: Optional[float] = pa.Field(nullable=True, description="Lower end of a range ('6-8%' gives 6); null when not a range.")
    value_high: Optional[float] = pa.Field(nullable=True, description="Upper end of a range ('6-8%' gives 8); null when not a range.")
    kind: str = pa.Field(isin=FIGURE_KINDS, description="money, percent, count, distance, mass, duration, multiple or other.")
    unit: Optional[str] = pa.Field(nullable=True, description="ISO 4217 code for money, % for percent, km/mi/t/day/week/month/year for measures, x for multiples, the counted noun's lemma for counts.")
    approximation: str = pa.Field(isin=APPROXIMATIONS, description="exact, about, more_than, less_than, up_to or at_least, from the qualifier before the number.")
    measure: Optional[str] = pa.Field(nullable=True, description="What is measured, a short noun phrase ('Russian-Chinese trade').")
    subject_entity_id: Optional[str] = pa.Field(nullable=True, str_matches=ID, description="Whose figure it is (entities.entity_id), where the sentence says.")
    period: Optional[str] = pa.Field(nullable=True, description="The year or date the figure refers to, where the sentence says.")
    char_start: int = pa.Field(ge=0, description="Start offset (Python slice) into documents.text.")
    char_end: int = pa.Field(ge=0, description="End offset (Python slice, exclusive) into documents.text.")
    sentence: str = pa.Field(description="The sentence the figure came from.")

    @pa.dataframe_check(description="value lies within [value_low, value_high] when a range is given")
    def value_in_range(cls, data) -> "pl.LazyFrame":
        import polars as pl

        return data.lazyframe.select(
            pl.col("value_low").is_null() | pl.col("value_high").is_null()
            | ((pl.col("value") >= pl.col("value_low")) & (pl.col("value") <= pl.col("value_high"))))

    class Config:
        metadata = {"primary_key": ["figure_id"], "foreign_keys": [
            DOC_FK, {"fields": ["subject_entity_id"], "reference": {"resource": "entities", "fields": ["entity_id"]}}]}
