"""The sources sensor: notices new, changed and removed files in sources/, keeps the `sources`
dynamic partitions in step with them and requests a run for each new or changed one."""
from __future__ import annotations

import json

import dagster as dg

from pipeline.ingest.fingerprint import quick_fingerprints
from pipeline.jobs import document_job
from pipeline.partitions import partition_key, sources_partitions
from pipeline.resources import BuildSettings


def diff_sources(previous: dict[str, str], current: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """(added, changed, removed) source files between two fingerprint maps."""
    added = sorted(set(current) - set(previous))
    removed = sorted(set(previous) - set(current))
    changed = sorted(f for f in set(current) & set(previous) if current[f] != previous[f])
    return added, changed, removed


def sources_sensor_result(previous: dict[str, str], current: dict[str, str]) -> dg.SensorResult | dg.SkipReason:
    added, changed, removed = diff_sources(previous, current)
    if not (added or changed or removed):
        return dg.SkipReason(f"no change in {len(current)} sources")
    requests = []
    if added:
        requests.append(sources_partitions.build_add_request([partition_key(f) for f in added]))
    if removed:
        requests.append(sources_partitions.build_delete_request([partition_key(f) for f in removed]))
    runs = [dg.RunRequest(partition_key=partition_key(f), run_key=f"{partition_key(f)}:{current[f]}")
            for f in added + changed]
    return dg.SensorResult(run_requests=runs, dynamic_partitions_requests=requests,
                           cursor=json.dumps(current, sort_keys=True))


@dg.sensor(job=document_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Registers a `sources` partition per file in sources/ (removing those deleted) and "
                       "requests a document run for every new or changed file.")
def sources_sensor(context: dg.SensorEvaluationContext, settings: BuildSettings):
    previous = json.loads(context.cursor) if context.cursor else {}
    return sources_sensor_result(previous, quick_fingerprints(settings.sources))
