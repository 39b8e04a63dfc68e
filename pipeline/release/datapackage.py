"""datapackage.json: the release described as a Frictionless Data Package (v2), one resource per
Parquet file and one per gzip CSV copy, with table schemas generated from the pandera contracts in schemas/, and its sources:
each collection (from its collection.yaml) and each loose document."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl

from pipeline.ingest.collections import Collection
from pipeline.release.csvfiles import csv_name
from pipeline.release.publish import file_sha256
from schemas import TABLES
from schemas._base import columns, foreign_keys, primary_key, table_description

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TITLE = "diplodata: diplomatic events, figures and quotes"
DESCRIPTION = ("An open dataset of diplomatic events (PLOVER-typed), stated figures and attributed quotes "
               "extracted by rules from news and analysis articles and from official statements and speeches, "
               "with every row traceable to character offsets in the cleaned source text.")
KEYWORDS = ["diplomacy", "international relations", "events", "PLOVER", "quotations", "event data"]
DATA_LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 International"}
FIELD_TYPES = {"String": "string", "Int64": "integer", "Float64": "number", "Date": "date", "Boolean": "boolean"}
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def field_type(dtype: str) -> str:
    return "datetime" if dtype.startswith("Datetime") else FIELD_TYPES.get(dtype, "any")


def check_constraints(column) -> dict:
    """Constraints that the pandera checks of one column state."""
    out = {}
    for check in column.checks:
        stats = check.statistics or {}
        if check.name == "isin":
            out["enum"] = list(stats["allowed_values"])
        elif check.name == "str_matches":
            out["pattern"] = stats["pattern"]
        elif check.name == "greater_than_or_equal_to":
            out["minimum"] = stats["min_value"]
        elif check.name == "less_than_or_equal_to":
            out["maximum"] = stats["max_value"]
    return out


def field_descriptor(name: str, dtype: str, description: str, nullable: bool, column) -> dict:
    constraints = {"required": not nullable, **({"unique": True} if column.unique else {}),
                   **check_constraints(column)}
    return {"name": name, "type": field_type(dtype), "description": description, "constraints": constraints}


def table_schema(table: str) -> dict:
    model = TABLES[table]
    pandera_columns = model.to_schema().columns
    schema = {"fields": [field_descriptor(name, dtype, desc, nullable, pandera_columns[name])
                         for name, dtype, desc, nullable in columns(model)]}
    if primary_key(model):
        schema["primaryKey"] = primary_key(model)
    if foreign_keys(model):
        schema["foreignKeys"] = foreign_keys(model)
    return schema


def resource(folder: Path, table: str, rows: int) -> dict:
    """The Parquet file: its schema only. Frictionless's Parquet reader counts no bytes, so a
    declared `bytes` or `hash` could never match; manifest.json holds its size and SHA-256."""
    return {"name": table, "type": "table", "path": f"{table}.parquet", "format": "parquet",
            "mediatype": PARQUET_MEDIATYPE, "description": table_description(TABLES[table]), "rows": rows,
            "schema": table_schema(table)}


def csv_resource_name(table: str) -> str:
    return f"{table}-csv"


def csv_schema(table: str) -> dict:
    """The table schema with foreign keys pointing at the CSV resources, so a CSV-only reader
    checks references within the CSV files."""
    schema = table_schema(table)
    if "foreignKeys" in schema:  # new dicts: the keys are the contracts' own metadata
        schema["foreignKeys"] = [{**key, "reference": {**key["reference"], "resource": csv_resource_name(
            key["reference"].get("resource") or table)}} for key in schema["foreignKeys"]]
    return schema


def csv_resource(folder: Path, table: str, rows: int) -> dict:
    """The gzip CSV copy: Frictionless counts and hashes its bytes, so it carries both."""
    path = folder / csv_name(table)
    return {"name": csv_resource_name(table), "type": "table", "path": path.name, "format": "csv",
            "compression": "gz", "mediatype": "text/csv", "encoding": "utf-8",
            "bytes": path.stat().st_size, "hash": f"sha256:{file_sha256(path)}",
            "description": f"{table_description(TABLES[table])} (gzip CSV copy of {table}.parquet; text cells "
                           "that begin with =, +, -, @, a tab or a carriage return carry a leading ')",
            "rows": rows, "schema": csv_schema(table)}


# Sources: collections and loose documents


def collection_entries(documents: pl.DataFrame, collections: list[Collection]) -> list[dict]:
    """One entry per collection the documents belong to: what its collection file says, with the
    count, years and licence of its published documents."""
    described = {c.name: c for c in collections}
    stats = (documents.filter(pl.col("collection").is_not_null()).group_by("collection")
             .agg(documents=pl.len(), first=pl.col("published_date").min(), last=pl.col("published_date").max(),
                  licence=pl.col("licence").drop_nulls().first(), publisher=pl.col("publisher").drop_nulls().first())
             .sort("collection"))
    return [collection_entry(row, described.get(row["collection"])) for row in stats.to_dicts()]


def collection_entry(row: dict, c: Collection | None) -> dict:
    years = [d.year for d in (row["first"], row["last"]) if d]
    entry = {"name": row["collection"], "title": (c.title if c else None) or row["collection"],
             "documents": row["documents"], "years": "-".join(sorted({str(y) for y in years})) or None,
             "licence": (c.licence if c else None) or row["licence"],
             "publisher": (c.publisher if c else None) or row["publisher"]}
    if c:
        entry.update(folder=c.folder, description=c.description, citation=list(c.citation),
                     archive=c.archive, url=c.url)
    return {k: v for k, v in entry.items() if v not in (None, [], "")}


def collection_source(entry: dict) -> dict:
    """A Data Package source: title and path (the pinned archive, else the home page), with the
    collection's licence, citation and counts beside them."""
    out = {"title": entry["title"]}
    if entry.get("archive") or entry.get("url"):
        out["path"] = entry.get("archive") or entry.get("url")
    return {**out, **{k: entry[k] for k in ("name", "publisher", "licence", "citation", "url", "documents", "years")
                      if k in entry}}


def source_entry(row: dict) -> dict:
    title = row["title"] or row["source_file"]
    details = ", ".join(str(x) for x in (row["publisher"], row["published_date"]) if x)
    entry = {"title": f"{title} ({details})" if details else title}
    if row["url"]:
        entry["path"] = row["url"]
    return entry


def sources(documents: pl.DataFrame, collections: list[Collection] | None = None) -> list[dict]:
    """Each collection, then each document that belongs to none."""
    cols = ["source_file", "title", "publisher", "published_date", "url"]
    loose = documents.filter(pl.col("collection").is_null()).sort("source_file").select(cols).to_dicts()
    return [collection_source(e) for e in collection_entries(documents, collections or [])] + \
        [source_entry(row) for row in loose]


def descriptor(folder: Path, frames: dict[str, pl.DataFrame], version: str,
               collections: list[Collection] | None = None) -> dict:
    tables = [name for name in TABLES if name in frames]
    return {
        "$schema": PROFILE, "name": "diplodata", "title": TITLE, "description": DESCRIPTION,
        "version": version, "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "keywords": KEYWORDS, "licenses": [DATA_LICENSE], "sources": sources(frames["documents"], collections),
        "resources": [resource(folder, name, frames[name].height) for name in tables] +
                     [csv_resource(folder, name, frames[name].height) for name in tables
                      if (folder / csv_name(name)).is_file()],
    }


def write_datapackage(folder: Path, frames: dict[str, pl.DataFrame], previous, version: str,
                      collections: list[Collection] | None = None) -> dict:
    """Release writer: datapackage.json beside the Parquet files."""
    data = descriptor(folder, frames, version, collections or [])
    (folder / "datapackage.json").write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
    return {"datapackage.json": {"table": None, "rows": len(data["resources"])}}
