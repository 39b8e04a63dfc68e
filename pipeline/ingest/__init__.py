"""Ingest: read `sources/`, merge `catalog.csv`, infer metadata, remove page furniture.

Plain functions; the Dagster wiring lives elsewhere. Entry point: `ingest_corpus`.
"""
from pipeline.ingest.corpus import IngestResult, ingest_corpus

__all__ = ["IngestResult", "ingest_corpus"]
