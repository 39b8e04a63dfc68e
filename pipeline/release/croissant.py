"""croissant.json: the release described in Croissant 1.0 JSON-LD (the ML-dataset vocabulary on
schema.org), one FileObject per Parquet file and one RecordSet per table; the source collections,
with their licences and citations, as schema.org `isBasedOn` works."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import polars as pl

from pipeline.release.datacard import CITATION
from pipeline.ingest.collections import Collection
from pipeline.release.datapackage import (DATA_LICENSE, DESCRIPTION, KEYWORDS, TITLE,
                                          collection_entries)
from pipeline.release.publish import file_sha256
from schemas import TABLES
from schemas._base import columns, foreign_keys, primary_key, table_description

# The standard Croissant 1.0 @context, so readers need not fetch anything to interpret the file.
CONTEXT = {
    "@language": "en", "@vocab": "https://schema.org/", "sc": "https://schema.org/",
    "cr": "http://mlcommons.org/croissant/", "rai": "http://mlcommons.org/croissant/RAI/",
    "dct": "http://purl.org/dc/terms/", "citeAs": "cr:citeAs", "column": "cr:column",
    "conformsTo": "dct:conformsTo", "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"}, "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"}, "extract": "cr:extract", "field": "cr:field",
    "fileProperty": "cr:fileProperty", "fileObject": "cr:fileObject", "fileSet": "cr:fileSet",
    "format": "cr:format", "includes": "cr:includes", "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath", "key": "cr:key", "md5": "cr:md5", "parentField": "cr:parentField",
    "path": "cr:path", "recordSet": "cr:recordSet", "references": "cr:references", "regex": "cr:regex",
    "repeated": "cr:repeated", "replace": "cr:replace", "samplingRate": "cr:samplingRate",
    "separator": "cr:separator", "source": "cr:source", "subField": "cr:subField", "transform": "cr:transform",
}
CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
DATA_TYPES = {"String": "sc:Text", "Int64": "sc:Integer", "Float64": "sc:Float", "Date": "sc:Date",
              "Boolean": "sc:Boolean"}


def semantic_version(version: str) -> str:
    """Croissant wants MAJOR.MINOR.PATCH: release 2026-12-01-c96d9b87 becomes 2026.12.1+c96d9b87."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})-([0-9a-f]+)", version)
    if not match:
        return version
    year, month, day, digest = match.groups()
    return f"{int(year)}.{int(month)}.{int(day)}+{digest}"


def data_type(dtype: str) -> str:
    return "sc:DateTime" if dtype.startswith("Datetime") else DATA_TYPES.get(dtype, "sc:Text")


def file_object(folder: Path, table: str) -> dict:
    name = f"{table}.parquet"
    return {"@type": "cr:FileObject", "@id": name, "name": name, "contentUrl": name,
            "encodingFormat": "application/x-parquet", "sha256": file_sha256(folder / name)}


def references(table: str) -> dict[str, str]:
    """{column: referenced field id} for single-column foreign keys."""
    out = {}
    for fk in foreign_keys(TABLES[table]):
        ref = fk["reference"]
        out[fk["fields"][0]] = f"{ref['resource']}/{ref['fields'][0]}"
    return out


def record_field(table: str, name: str, dtype: str, description: str, ref: str | None) -> dict:
    field = {"@type": "cr:Field", "@id": f"{table}/{name}", "name": name, "description": description,
             "dataType": data_type(dtype),
             "source": {"fileObject": {"@id": f"{table}.parquet"}, "extract": {"column": name}}}
    if ref:
        field["references"] = {"field": {"@id": ref}}
    return field


def record_set(table: str) -> dict:
    model, refs = TABLES[table], references(table)
    out = {"@type": "cr:RecordSet", "@id": table, "name": table, "description": table_description(model),
           "field": [record_field(table, name, dtype, desc, refs.get(name)) for name, dtype, desc, _ in columns(model)]}
    if primary_key(model):
        out["key"] = [{"@id": f"{table}/{col}"} for col in primary_key(model)]
    return out


def based_on(entry: dict) -> dict:
    """A source collection as a schema.org CreativeWork: title, publisher, licence, citations."""
    work = {"@type": "sc:CreativeWork", "name": entry["title"], "identifier": entry["name"]}
    if entry.get("archive") or entry.get("url"):
        work["url"] = entry.get("archive") or entry.get("url")
    if entry.get("publisher"):
        work["publisher"] = {"@type": "sc:Organization", "name": entry["publisher"]}
    if entry.get("licence"):
        work["license"] = entry["licence"]
    if entry.get("citation"):
        work["citation"] = entry["citation"]
    return work


def metadata(folder: Path, frames: dict[str, pl.DataFrame], version: str,
             collections: list[Collection] | None = None) -> dict:
    tables = [name for name in TABLES if name in frames]
    works = [based_on(e) for e in collection_entries(frames["documents"], collections or [])]
    return {
        "@context": CONTEXT, "@type": "sc:Dataset", "name": "diplodata", "alternateName": TITLE,
        "description": DESCRIPTION, "conformsTo": CONFORMS_TO, "license": DATA_LICENSE["path"],
        "version": semantic_version(version), "identifier": version, "keywords": KEYWORDS, "citeAs": CITATION.format(version=version),
        "datePublished": dt.date.today().isoformat(),
        **({"isBasedOn": works} if works else {}),
        "distribution": [file_object(folder, name) for name in tables],
        "recordSet": [record_set(name) for name in tables],
    }


def write_croissant(folder: Path, frames: dict[str, pl.DataFrame], previous, version: str,
                    collections: list[Collection] | None = None) -> dict:
    """Release writer: croissant.json beside the Parquet files."""
    data = metadata(folder, frames, version, collections or [])
    (folder / "croissant.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return {"croissant.json": {"table": None, "rows": len(data["recordSet"])}}
