"""The diplodata Dagster code location: ingest → nlp → extract → release."""
from __future__ import annotations

import dagster as dg

from pipeline.automation import automation_sensor
from pipeline.contracts import ALL_CHECKS
from pipeline.extract.assets import document_extracts, extract
from pipeline.ingest.assets import ingest
from pipeline.nlp.assets import parsed_documents
from pipeline.release.assets import release
from pipeline.jobs import build_release_job, document_job
from pipeline.progress import progress_logger
from pipeline.resources import BuildSettings
from pipeline.schedules import rebuild_schedule
from pipeline.sensors import sources_sensor
from pipeline.storage import StageStorage

ASSETS = [document_extracts, ingest, parsed_documents, extract, release]


def make_definitions(settings: BuildSettings | None = None) -> dg.Definitions:
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=ALL_CHECKS,
        jobs=[build_release_job, document_job],
        sensors=[sources_sensor, automation_sensor],
        schedules=[rebuild_schedule],
        resources={"settings": settings or BuildSettings(), "io_manager": StageStorage()},
        loggers={"console": dg.colored_console_logger, "progress": progress_logger},
        # A run's steps follow each other, so one process per run, as `diplodata build` does: a
        # process per step would import Dagster, polars and spaCy again for each of them.
        executor=dg.in_process_executor,
    )


defs = make_definitions()
