"""What every table contract shares: the base config and access to its metadata."""
from __future__ import annotations

import pandera.polars as pa

ISO3 = r"^[A-Z]{3}$"
ID = r"^[a-z]+_[0-9a-f]{16}$"


class TableModel(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = True


def table_description(model: type[pa.DataFrameModel]) -> str:
    return " ".join((model.__doc__ or "").split())


def primary_key(model: type[pa.DataFrameModel]) -> list[str]:
    return list((model.Config.metadata or {}).get("primary_key", []))


def foreign_keys(model: type[pa.DataFrameModel]) -> list[dict]:
    return list((model.Config.metadata or {}).get("foreign_keys", []))


def columns(model: type[pa.DataFrameModel]) -> list[tuple[str, str, str, bool]]:
    """(name, polars dtype, description, nullable) in declaration order."""
    schema = model.to_schema()
    return [(name, str(col.dtype), col.description or "", bool(col.nullable)) for name, col in schema.columns.items()]
