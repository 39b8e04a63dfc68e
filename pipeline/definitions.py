"""The diplodata Dagster code location: ingest → nlp → extract → release."""
from __future__ import annotations

import dagster as dg

from pipeline.contracts import ALL_CHECKS
from pipeline.extract.assets import extract
from pipeline.ingest.assets import ingest
from pipeline.nlp.assets import parsed_documents
from pipeline.release.assets import release
from pipeline.resources import BuildSettings

ASSETS = [ingest, parsed_documents, extract, release]
build_release_job = dg.define_asset_job("build_release", selection=dg.AssetSelection.all(),
                                        description="Ingest the sources, extract every table and publish a release.")


def make_definitions(settings: BuildSettings | None = None) -> dg.Definitions:
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=ALL_CHECKS,
        jobs=[build_release_job],
        resources={"settings": settings or BuildSettings()},
    )


defs = make_definitions()
