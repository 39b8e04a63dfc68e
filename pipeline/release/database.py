"""The release's DuckDB file: real tables (not views over relative Parquet paths, which would
resolve against the reader's working directory) with the data dictionary as COMMENT ON."""
from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from schemas import TABLES
from schemas._base import columns, table_description


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def comment_statements(table: str) -> list[str]:
    model = TABLES[table]
    out = [f"COMMENT ON TABLE {table} IS {_literal(table_description(model))}"]
    out += [f'COMMENT ON COLUMN {table}."{name}" IS {_literal(desc)}' for name, _, desc, _ in columns(model)]
    return out


def write_database(path: Path, frames: dict[str, pl.DataFrame]) -> None:
    con = duckdb.connect(str(path))
    try:
        for table, frame in frames.items():
            arrow = frame.to_arrow()
            con.register("incoming", arrow)
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM incoming")
            con.unregister("incoming")
            for statement in comment_statements(table):
                con.execute(statement)
        con.execute("CHECKPOINT")
    finally:
        con.close()
