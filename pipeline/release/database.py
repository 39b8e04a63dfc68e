"""The release's DuckDB file: real tables (not views over relative Parquet paths, which would
resolve against the reader's working directory) with the data dictionary as COMMENT ON.

The file is written in DuckDB's v1.0.0 storage format, which every DuckDB from 1.0 on opens: a
user's DuckDB CLI or Python package is often older than the one that built the release, and a
file in a newer format is unreadable to it. A file keeps its format when reopened (views.py)."""
from __future__ import annotations

from pathlib import Path

import duckdb
from schemas import TABLES
from schemas._base import columns, table_description


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def comment_statements(table: str) -> list[str]:
    model = TABLES[table]
    out = [f"COMMENT ON TABLE {table} IS {_literal(table_description(model))}"]
    out += [f'COMMENT ON COLUMN {table}."{name}" IS {_literal(desc)}' for name, _, desc, _ in columns(model)]
    return out


STORAGE_VERSION = "v1.0.0"


def write_database(path: Path, parquet_files: dict[str, Path]) -> None:
    """Load each table from its (absolute) Parquet file into a real table, then comment it."""
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {_literal(str(path))} AS release (STORAGE_VERSION {_literal(STORAGE_VERSION)})")
        con.execute("USE release")
        for table, parquet in parquet_files.items():
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_parquet(?)", [str(parquet.resolve())])
            for statement in comment_statements(table):
                con.execute(statement)
        con.execute("CHECKPOINT")
    finally:
        con.close()
