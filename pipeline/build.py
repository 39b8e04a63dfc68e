"""Run the Dagster job in-process, the way `diplodata build` does, and report what it did."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DAGSTER_YAML = """# Written by diplodata: run history and asset state of builds into this outputs folder.
telemetry:
  enabled: false
# `dagster dev` (./run.sh dev) runs at most this many runs at once, one per core: the sources
# sensor may request a run per new file.
run_queue:
  max_concurrent_runs: {cores}
"""


def quiet_run_config(debug: bool = False) -> dict:
    """The CLI prints stage progress and its own summary; Dagster's event lines stay in the run
    history. Its console shows nothing below CRITICAL (a failed step's traceback is ERROR: the CLI
    prints one line instead) unless the build runs with --debug or DIPLODATA_LOG_LEVEL is set."""
    level = os.environ.get("DIPLODATA_LOG_LEVEL") or ("DEBUG" if debug else "CRITICAL")
    return {"loggers": {"console": {"config": {"log_level": level}}, "progress": {}}}


@dataclass
class BuildReport:
    success: bool
    release: dict | None = None
    documents: int = 0
    issues: list[dict] = field(default_factory=list)
    failed_checks: list[str] = field(default_factory=list)
    # failed check -> {"failures": how many, "examples": up to MAX_EXAMPLES failure cases}
    check_failures: dict[str, dict] = field(default_factory=dict)
    error: str | None = None
    error_texts: list[str] = field(default_factory=list)  # a failed step's error and its causes, for diagnosis
    error_detail: str | None = None  # ... with the traceback, shown with --debug
    cache_damaged: int = 0  # damaged cache entries found, and recomputed, by this build


MAX_EXAMPLES = 5


def dagster_home(outputs: Path) -> Path:
    """A persistent DAGSTER_HOME (default outputs/.dagster_home) keeps run and partition state."""
    home = Path(os.environ.get("DAGSTER_HOME") or outputs / ".dagster_home").resolve()
    write_dagster_yaml(home)
    return home


def write_dagster_yaml(home: Path) -> Path:
    """`home`/dagster.yaml with telemetry off and a run queue of one run per core, unless the
    folder already has one (an operator's own settings win)."""
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    path = home / "dagster.yaml"
    if not path.exists():
        path.write_text(DAGSTER_YAML.format(cores=os.cpu_count() or 1), encoding="utf-8")
    return path


def relaxed_sqlite_sync() -> None:
    """Run history in SQLite with synchronous=NORMAL: in WAL mode (Dagster's) that keeps the database
    consistent through a crash and drops only an fsync per event; a build writes about 160 events,
    and those fsyncs were a second or more of a one-document rebuild. The release itself is written
    and fsynced by the publisher, not through SQLite."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    if not event.contains(Engine, "connect", _sqlite_normal_sync):
        event.listen(Engine, "connect", _sqlite_normal_sync)


def _sqlite_normal_sync(dbapi_connection, _record) -> None:
    import sqlite3

    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")


def run_build(sources: Path, outputs: Path, debug: bool = False) -> BuildReport:
    import dagster as dg

    from pipeline.definitions import make_definitions
    from pipeline.failures import check_spacy_model
    from pipeline.resources import BuildSettings

    check_spacy_model()
    os.environ["DAGSTER_HOME"] = str(dagster_home(outputs))
    relaxed_sqlite_sync()
    defs = make_definitions(BuildSettings(sources_dir=str(sources), outputs_dir=str(outputs)))
    job = defs.resolve_job_def("build_release")
    with dg.DagsterInstance.get() as instance:
        sync_partitions(instance, sources)
        result = job.execute_in_process(instance=instance, raise_on_error=False, run_config=quiet_run_config(debug))
        return _report(result)


def sync_partitions(instance, sources: Path) -> None:
    """Keep the `sources` dynamic partitions equal to the files in sources/, as the sensor does,
    so the UI on this DAGSTER_HOME shows one partition per current source."""
    from pipeline.ingest.reader import list_sources
    from pipeline.partitions import partition_key, sources_partitions

    files, _ = list_sources(sources)
    wanted = {partition_key(s.name) for s in files}
    have = set(instance.get_dynamic_partitions(sources_partitions.name))
    if wanted - have:
        instance.add_dynamic_partitions(sources_partitions.name, sorted(wanted - have))
    for key in sorted(have - wanted):
        instance.delete_dynamic_partition(sources_partitions.name, key)


def check_examples(metadata: dict) -> dict:
    """How many failure cases a failed check found and its first few, from the check's metadata."""
    cases = metadata.get("failure_cases_json")
    failures = metadata.get("failures")
    return {"failures": failures.value if failures is not None else None,
            "examples": list(cases.value)[:MAX_EXAMPLES] if cases is not None else []}


def _report(result) -> BuildReport:
    from pipeline.failures import error_info_texts

    report = BuildReport(success=result.success)
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if not evaluation.passed:
                name = f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"
                report.failed_checks.append(name)
                report.check_failures[name] = check_examples(evaluation.metadata)
        elif event.event_type_value == "STEP_FAILURE":
            error = event.event_specific_data.error
            if error.cls_name != "DagsterAssetCheckFailedError":  # failed checks are listed on their own
                report.error = str(error.message).strip()
                report.error_texts = error_info_texts(error)
                report.error_detail = error.to_string()
        elif event.event_type_value == "ASSET_MATERIALIZATION":
            damaged = event.step_materialization_data.materialization.metadata.get("cache_damaged")
            report.cache_damaged += int(damaged.value) if damaged is not None else 0
    try:
        report.release = result.output_for_node("release")
    except Exception:  # the release step did not run: a check failed or a stage crashed
        report.release = None
    try:
        documents = result.output_for_node("ingest", "documents")
        report.documents = documents.height
        issues = result.output_for_node("ingest", "source_issues")
        report.issues = issues.to_dicts()
        extra = result.output_for_node("extract", "extraction_issues")
        report.issues += extra.to_dicts()
    except Exception:
        pass
    report.success = report.release is not None
    return report
