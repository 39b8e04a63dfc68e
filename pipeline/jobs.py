"""Jobs: the whole corpus build, and the per-document partition runs."""
from __future__ import annotations

import dagster as dg

build_release_job = dg.define_asset_job(
    "build_release",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets("document_extracts"),
    description="Ingest the sources, extract every table and publish a release.")

document_job = dg.define_asset_job(
    "document_extracts_job",
    selection=dg.AssetSelection.assets("document_extracts"),
    description="Read, parse and extract one source file (a `sources` partition) into the extraction cache.")
