"""The rebuild schedule: daily by default (DIPLODATA_REBUILD_CRON), and only when the sources
differ from those the latest release was built from."""
from __future__ import annotations

import json
import os

import dagster as dg

from pipeline.ingest.fingerprint import sources_digest
from pipeline.jobs import build_release_job
from pipeline.release.publish import latest_release
from pipeline.resources import BuildSettings

REBUILD_CRON = os.environ.get("DIPLODATA_REBUILD_CRON", "0 3 * * *")


def released_digest(settings: BuildSettings) -> str | None:
    latest = latest_release(settings.outputs)
    if latest is None or not (latest / "manifest.json").exists():
        return None
    return json.loads((latest / "manifest.json").read_text(encoding="utf-8")).get("sources_digest")


@dg.schedule(cron_schedule=REBUILD_CRON, job=build_release_job, default_status=dg.DefaultScheduleStatus.RUNNING,
             description="Rebuild the release when sources/ changed since the latest release.")
def rebuild_schedule(context: dg.ScheduleEvaluationContext, settings: BuildSettings):
    digest = sources_digest(settings.sources)
    if digest == released_digest(settings):
        return dg.SkipReason("sources unchanged since the latest release")
    return dg.RunRequest(run_key=f"sources-{digest[:16]}", tags={"diplodata/sources_digest": digest})
