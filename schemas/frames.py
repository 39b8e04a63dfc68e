"""Build typed polars frames from extractor rows, in the column order of the contract."""
from __future__ import annotations

from typing import Iterable

import pandera.polars as pa
import polars as pl


def polars_schema(model: type[pa.DataFrameModel]) -> dict[str, pl.DataType]:
    return {name: col.dtype.type for name, col in model.to_schema().columns.items()}


def to_frame(rows: Iterable[dict], model: type[pa.DataFrameModel]) -> pl.DataFrame:
    """Rows (dicts) to a frame with exactly the contract's columns and dtypes."""
    schema = polars_schema(model)
    rows = [{name: row.get(name) for name in schema} for row in rows]
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)
