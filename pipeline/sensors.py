"""The sources sensor: notices new, changed and removed files in sources/, keeps the `sources`
dynamic partitions in step with them and requests a run for each new or changed one, and a corpus
rebuild when the catalog or a collection file changes."""
from __future__ import annotations

import json
from pathlib import Path

import dagster as dg

from pipeline.automation import sensor_interval
from pipeline.ingest.fingerprint import metadata_fingerprints, quick_fingerprints, sources_digest
from pipeline.ingest.reader import list_sources
from pipeline.jobs import build_release_job, document_job
from pipeline.partitions import partition_key, sources_partitions
from pipeline.release.commands import load_manifest
from pipeline.release.publish import file_sha256, latest_release
from pipeline.resources import BuildSettings


def diff_sources(previous: dict[str, str], current: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """(added, changed, removed) source files between two fingerprint maps."""
    added = sorted(set(current) - set(previous))
    removed = sorted(set(previous) - set(current))
    changed = sorted(f for f in set(current) & set(previous) if current[f] != previous[f])
    return added, changed, removed


def sources_sensor_result(previous: dict[str, str], current: dict[str, str], first: bool = False,
                          metadata: dict[str, str] | None = None,
                          metadata_changed: bool = False) -> dg.SensorResult | dg.SkipReason:
    """Partition and run requests for what changed. The `first` tick registers every current file:
    a fresh DAGSTER_HOME has no partitions, even for files the last release holds. A changed
    catalog or collection file (`metadata_changed`) rebuilds the corpus: it may change the date or
    speaking state of documents whose bytes did not change."""
    added, changed, removed = diff_sources(previous, current)
    register = sorted(current) if first else added
    if not (register or changed or removed or metadata_changed):
        return dg.SkipReason(f"no change in {len(current)} sources")
    requests = []
    if register:
        requests.append(sources_partitions.build_add_request([partition_key(f) for f in register]))
    if removed:
        requests.append(sources_partitions.build_delete_request([partition_key(f) for f in removed]))
    runs = [dg.RunRequest(job_name=document_job.name, partition_key=partition_key(f),
                          run_key=f"{partition_key(f)}:{current[f]}")
            for f in added + changed]
    if removed and not runs:
        # Deleting a partition updates no asset, so the automation would not rebuild the corpus.
        runs.append(dg.RunRequest(job_name=build_release_job.name, tags={"diplodata/removed": str(len(removed))}))
    if metadata_changed:
        runs.append(dg.RunRequest(job_name=build_release_job.name, tags={"diplodata/metadata": "changed"}))
    return dg.SensorResult(run_requests=runs, dynamic_partitions_requests=requests,
                           cursor=cursor_of(current, metadata))


def cursor_of(current: dict[str, str], metadata: dict[str, str] | None) -> str:
    """The sources' fingerprints, and those of the catalog and collection files under a prefix no
    source name can have."""
    if metadata is None:
        return json.dumps(current, sort_keys=True)
    marked = {f"{METADATA_MARK}{name}": fp for name, fp in metadata.items()}
    return json.dumps({**current, **marked, METADATA_MARK: "kept"}, sort_keys=True)


def split_cursor(cursor: dict[str, str]) -> tuple[dict[str, str], dict[str, str] | None]:
    """(sources, metadata) of a cursor; metadata None for a cursor written before it was kept."""
    files = {k: v for k, v in cursor.items() if not k.startswith(METADATA_MARK)}
    if METADATA_MARK not in cursor:
        return files, None
    return files, {k[len(METADATA_MARK):]: v for k, v in cursor.items() if k.startswith(METADATA_MARK) and k != METADATA_MARK}


# cursor keys of the catalog and collection files: "\0" is in no file name
METADATA_MARK = "\0metadata:"


def first_release_result(current: dict[str, str], metadata: dict[str, str] | None = None) -> dg.SensorResult | dg.SkipReason:
    """Nothing released yet: one corpus run makes the first release (the automation does not
    materialize what was already missing when it started, and one run per file would cost a
    process and a spaCy load each)."""
    if not current:
        return dg.SkipReason("no sources yet")  # no cursor: the next tick looks again
    return dg.SensorResult(
        run_requests=[dg.RunRequest(job_name=build_release_job.name, tags={"diplodata/first_release": "true"})],
        dynamic_partitions_requests=[sources_partitions.build_add_request([partition_key(f) for f in sorted(current)])],
        cursor=cursor_of(current, metadata))


def released_fingerprints(settings: BuildSettings, current: dict[str, str]) -> dict[str, str] | None:
    """The cursor a first tick starts from: what the latest release already holds (None: no release).

    A file whose bytes the release's manifest lists keeps its current fingerprint (no run); one it
    lists with other bytes, or that is gone, gets a stand-in (a run, or a removal)."""
    manifest = latest_manifest(settings)
    if manifest is None:
        return None
    if manifest.get("sources_digest") == sources_digest(settings.sources):
        return dict(current)
    paths = {s.name: s.path for s in list_sources(settings.sources)[0]}
    previous = {}
    for item in manifest.get("inputs", []):
        name, sha = item["source_file"], item["sha256"]
        held = name in paths and sha256_or_none(paths[name]) == sha
        previous[name] = current[name] if held and name in current else f"released:{sha}"
    # Files the release does not list (source issues, duplicates) are left out: they count as new.
    return previous


def latest_manifest(settings: BuildSettings) -> dict | None:
    latest = latest_release(settings.outputs)
    if latest is None or not (latest / "manifest.json").exists():
        return None
    return load_manifest(latest)


def sha256_or_none(path: Path) -> str | None:
    try:
        return file_sha256(path)
    except OSError:  # gone or unreadable since it was listed: not what the release holds
        return None


@dg.sensor(jobs=[document_job, build_release_job], minimum_interval_seconds=sensor_interval(60),
           default_status=dg.DefaultSensorStatus.RUNNING,
           description="Registers a `sources` partition per file in sources/ (removing those deleted) and "
                       "requests a document run for every new or changed file, or a corpus rebuild when "
                       "files were only removed or the catalog or a collection file changed. The first tick "
                       "starts from what the latest release holds.")
def sources_sensor(context: dg.SensorEvaluationContext, settings: BuildSettings):
    current = quick_fingerprints(settings.sources)
    metadata = metadata_fingerprints(settings.sources)
    if context.cursor:
        previous, seen = split_cursor(json.loads(context.cursor))
        result = sources_sensor_result(previous, current, metadata=metadata,
                                       metadata_changed=seen is not None and seen != metadata)
        if seen is None and isinstance(result, dg.SkipReason):
            return dg.SensorResult(cursor=cursor_of(current, metadata))  # an older cursor starts keeping metadata
        return result
    released = released_fingerprints(settings, current)
    if released is None:
        return first_release_result(current, metadata)
    return sources_sensor_result(released, current, first=True, metadata=metadata)
