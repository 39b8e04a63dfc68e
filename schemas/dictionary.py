"""The data dictionary in Markdown, generated from the table contracts (docs/DATA_DICTIONARY.md).

Regenerate with `python -m schemas.dictionary > docs/DATA_DICTIONARY.md`; a test keeps it current."""
from __future__ import annotations

from schemas import TABLES
from schemas._base import columns, foreign_keys, primary_key, table_description

DUCKDB_TYPES = {"String": "VARCHAR", "Int64": "BIGINT", "Float64": "DOUBLE", "Date": "DATE", "Boolean": "BOOLEAN"}


def sql_type(dtype: str) -> str:
    if dtype.startswith("Datetime"):
        return "TIMESTAMP WITH TIME ZONE"
    return DUCKDB_TYPES.get(dtype, dtype)


def table_markdown(name: str) -> str:
    model = TABLES[name]
    lines = [f"## `{name}`", "", table_description(model), ""]
    if primary_key(model):
        lines.append(f"Primary key: `{', '.join(primary_key(model))}`.")
    for fk in foreign_keys(model):
        ref = fk["reference"]
        lines.append(f"`{', '.join(fk['fields'])}` references `{ref['resource']}.{', '.join(ref['fields'])}`.")
    lines += ["", "| column | type | null | description |", "| --- | --- | --- | --- |"]
    lines += [f"| `{col}` | {sql_type(dtype)} | {'yes' if nullable else 'no'} | {desc} |"
              for col, dtype, desc, nullable in columns(model)]
    return "\n".join(lines) + "\n"


def dictionary_markdown() -> str:
    head = ("# Data dictionary\n\nGenerated from the pandera contracts in `schemas/` (the same text is in the "
            "release's DuckDB `COMMENT ON` and `datapackage.json`). Offsets are Python slice offsets into "
            "`documents.text`.\n")
    return head + "\n" + "\n".join(table_markdown(name) for name in TABLES)


if __name__ == "__main__":
    print(dictionary_markdown(), end="")
