"""Declarative automation of the corpus assets, and the sensor that runs it unattended."""
from __future__ import annotations

import os

import dagster as dg


def sensor_interval(default: int) -> int:
    """Seconds between sensor ticks: DIPLODATA_SENSOR_SECONDS, else `default` (tests shorten it)."""
    value = os.environ.get("DIPLODATA_SENSOR_SECONDS")
    return max(1, int(value)) if value else default


# A source's partition speeds the corpus up but is not its input: ingest reads sources/ itself and
# extract extracts any document the cache lacks. So the corpus waits for partition runs in progress,
# never for partitions that were not run (the first release; files a CLI build already holds).
CORPUS_CONDITION = dg.AutomationCondition.eager().replace(
    "any_deps_missing",
    dg.AutomationCondition.any_deps_missing().ignore(dg.AssetSelection.assets("document_extracts")))

# On by default: without it no automation condition is ever evaluated and nothing publishes unattended.
automation_sensor = dg.AutomationConditionSensorDefinition(
    "automation_sensor",
    target=dg.AssetSelection.all(),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=sensor_interval(30),
    description="Evaluates the assets' automation conditions: the corpus is rebuilt and released after "
                "new source partitions are extracted, once the contract checks pass.")
