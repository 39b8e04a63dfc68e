"""Build typed polars frames from extractor rows, in the column order of the contract."""
from __future__ import annotations

from typing import Iterable

import pandera.polars as pa
import polars as pl


def polars_schema(model: type[pa.DataFrameModel]) -> dict[str, pl.DataType]:
    return {name: col.dtype.type for name, col in model.to_schema().columns.items()}


def to_frame(rows: Iterable[dict], model: type[pa.DataFrameModel]) -> pl.DataFrame:
    """Rows (dicts) to a frame with exactly the contract's columns and dtypes. A key the contract
    does not have raises: dropping it would turn a misspelt or renamed column into a silent null.
    A missing key is a null (the contract decides whether that column may be null)."""
    schema = polars_schema(model)
    rows = list(rows)
    unknown = sorted({key for row in rows for key in row} - schema.keys())
    if unknown:
        raise ValueError(f"{model.__name__} rows carry keys not in the contract: {unknown}")
    rows = [{name: row.get(name) for name in schema} for row in rows]
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)
