"""The Dagster UI publishes unattended: sensors on by default, a first tick that starts from the
latest release, the corpus automation that does not wait for partitions never run, the run queue,
and (slow) a real daemon that publishes, then follows an added and a removed file."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from pipeline.build import write_dagster_yaml
from pipeline.definitions import defs
from pipeline.partitions import partition_key, sources_partitions
from pipeline.resources import BuildSettings
from pipeline.sensors import sources_sensor

ROOT = Path(__file__).resolve().parent.parent


def _tick(settings: BuildSettings, instance, cursor=None):
    return sources_sensor(dg.build_sensor_context(instance=instance, cursor=cursor, resources={"settings": settings}))


def _fake_release(outputs: Path, inputs: dict[str, bytes], digest: str = "other") -> None:
    """A release folder holding only the manifest fields the sensor reads."""
    folder = outputs / "releases" / "v1"
    folder.mkdir(parents=True)
    files = [{"source_file": name, "sha256": hashlib.sha256(data).hexdigest()} for name, data in inputs.items()]
    (folder / "manifest.json").write_text(json.dumps({"sources_digest": digest, "inputs": files}))
    os.symlink("v1", outputs / "releases" / "latest")


def _added(result) -> list[str]:
    return [k for r in result.dynamic_partitions_requests if isinstance(r, dg.AddDynamicPartitionsRequest)
            for k in r.partition_keys]


def _deleted(result) -> list[str]:
    return [k for r in result.dynamic_partitions_requests if isinstance(r, dg.DeleteDynamicPartitionsRequest)
            for k in r.partition_keys]


def test_sensors_run_by_default():
    sensors = {s.name: s for s in defs.sensors}
    assert set(sensors) == {"sources_sensor", "automation_sensor"}
    for sensor in sensors.values():
        assert sensor.default_status == dg.DefaultSensorStatus.RUNNING, sensor.name
    assert isinstance(sensors["automation_sensor"], dg.AutomationConditionSensorDefinition)


def test_first_tick_starts_from_the_latest_release(tmp_path):
    src, out = tmp_path / "sources", tmp_path / "out"
    src.mkdir()
    for name, text in {"same.txt": "held", "edited.txt": "new words", "new.txt": "never built"}.items():
        (src / name).write_text(text, encoding="utf-8")
    _fake_release(out, {"same.txt": b"held", "edited.txt": b"old words", "gone.txt": b"removed since"})
    settings = BuildSettings(sources_dir=str(src), outputs_dir=str(out))
    with dg.instance_for_test() as instance:
        first = _tick(settings, instance)
        assert sorted(r.partition_key for r in first.run_requests) == sorted(
            [partition_key("edited.txt"), partition_key("new.txt")])
        assert {r.job_name for r in first.run_requests} == {"document_extracts_job"}
        # every current file gets its partition (a fresh DAGSTER_HOME has none); the gone one is deleted
        assert sorted(_added(first)) == sorted(partition_key(n) for n in ["same.txt", "edited.txt", "new.txt"])
        assert _deleted(first) == [partition_key("gone.txt")]
        assert isinstance(_tick(settings, instance, first.cursor), dg.SkipReason)


def test_first_tick_with_nothing_released_requests_one_corpus_run(tmp_path):
    src = tmp_path / "sources"
    src.mkdir()
    settings = BuildSettings(sources_dir=str(src), outputs_dir=str(tmp_path / "out"))
    with dg.instance_for_test() as instance:
        assert isinstance(_tick(settings, instance), dg.SkipReason)  # an empty folder: nothing to build yet
        (src / "one.txt").write_text("text", encoding="utf-8")
        (src / "three.txt").write_text("more", encoding="utf-8")
        first = _tick(settings, instance)
        assert [r.job_name for r in first.run_requests] == ["build_release"]
        assert sorted(_added(first)) == sorted([partition_key("one.txt"), partition_key("three.txt")])
        (src / "two.txt").write_text("more text", encoding="utf-8")
        second = _tick(settings, instance, first.cursor)
        assert [r.partition_key for r in second.run_requests] == [partition_key("two.txt")]


def test_first_tick_on_an_unchanged_release_requests_nothing(tmp_path):
    from pipeline.ingest.fingerprint import sources_digest

    src, out = tmp_path / "sources", tmp_path / "out"
    src.mkdir()
    (src / "one.txt").write_text("text", encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")  # a source issue: not in the manifest's inputs
    _fake_release(out, {"one.txt": b"text"}, digest=sources_digest(src))
    settings = BuildSettings(sources_dir=str(src), outputs_dir=str(out))
    with dg.instance_for_test() as instance:
        first = _tick(settings, instance)
        assert first.run_requests == [] and len(_added(first)) == 2


def test_a_removed_file_alone_rebuilds_the_corpus(tmp_path):
    src = tmp_path / "sources"
    src.mkdir()
    (src / "a.txt").write_text("a", encoding="utf-8")
    (src / "b.txt").write_text("b", encoding="utf-8")
    settings = BuildSettings(sources_dir=str(src), outputs_dir=str(tmp_path / "out"))
    with dg.instance_for_test() as instance:
        first = _tick(settings, instance)
        (src / "b.txt").unlink()
        second = _tick(settings, instance, first.cursor)
        assert _deleted(second) == [partition_key("b.txt")]
        assert [r.job_name for r in second.run_requests] == ["build_release"]


def test_corpus_automation_follows_a_new_partition_without_waiting_for_those_never_run():
    """The first corpus build (one `build_release` run) materializes no partition; a file added
    later has its partition run, and the corpus must follow it. Plain eager() would wait for the
    partitions never run, forever."""
    corpus = [k for k in defs.resolve_asset_graph().get_all_asset_keys() if k.to_user_string() != "document_extracts"]

    def ticks(assets) -> int:
        with dg.instance_for_test() as instance:
            instance.add_dynamic_partitions(sources_partitions.name, ["a-0", "b-0", "new-0"])
            for key in corpus:  # the first release, built by one build_release run
                instance.report_runless_asset_event(dg.AssetMaterialization(key))
            first = dg.evaluate_automation_conditions(defs=assets, instance=instance)
            assert first.total_requested == 0  # nothing changed since the release
            instance.report_runless_asset_event(dg.AssetMaterialization("document_extracts", partition="new-0"))
            second = dg.evaluate_automation_conditions(defs=assets, instance=instance, cursor=first.cursor)
            if second.total_requested:
                for name in ["documents", "parsed_documents", "events"]:
                    assert second.get_num_requested(dg.AssetKey(name)) == 1, name
                # the release follows on a later tick, once the new tables' blocking checks passed
                for name in ["document_extracts", "release"]:
                    assert second.get_num_requested(dg.AssetKey(name)) == 0, name
            return second.total_requested

    assert ticks(defs) > 0
    plain = [a.map_asset_specs(lambda s: s.replace_attributes(automation_condition=dg.AutomationCondition.eager())
                               if s.automation_condition else s) for a in defs.assets]
    assert ticks(dg.Definitions(assets=plain, asset_checks=defs.asset_checks, resources=defs.resources)) == 0


def test_dagster_yaml_has_a_run_queue_of_one_run_per_core_and_keeps_an_existing_one(tmp_path):
    home = tmp_path / "home"
    path = write_dagster_yaml(home)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        coordinator = instance.run_coordinator
        assert type(coordinator).__name__ == "QueuedRunCoordinator"
        assert coordinator.get_run_queue_config().max_concurrent_runs == (os.cpu_count() or 1)
        assert not instance.telemetry_enabled
    path.write_text("telemetry:\n  enabled: false\n")
    write_dagster_yaml(home)
    assert "run_queue" not in path.read_text()


def test_run_sh_dev_writes_dagster_yaml_under_the_outputs_folder(tmp_path):
    """./run.sh dev with a stand-in venv (no install, `dagster` only prints what it was given)."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    (venv / "bin" / "dagster").write_text('#!/bin/sh\necho "home=$DAGSTER_HOME args=$*"\n')
    for script in (venv / "bin").iterdir():
        script.chmod(0o755)
    stamp = hashlib.sha256((ROOT / "requirements.lock").read_bytes() + (ROOT / "pyproject.toml").read_bytes())
    (venv / ".diplodata-installed").write_text(stamp.hexdigest() + "\n")
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env.update(DIPLODATA_VENV=str(venv), DIPLODATA_OUTPUTS="out")  # relative to the caller's folder
    done = subprocess.run([str(ROOT / "run.sh"), "dev", "-p", "3999"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=60)
    home = tmp_path / "out" / ".dagster_home"
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"home={home} args=dev -w workspace.yaml -p 3999"
    assert "max_concurrent_runs" in (home / "dagster.yaml").read_text()


# the daemon, for real ------------------------------------------------------------------------------

SEEDS = ["003_d3b727e8c1348242.txt", "004_43f8c738d0970dae.txt"]  # the two smallest seed articles
ADDED = "000_e36682693c13a26d.txt"
WAIT_SECONDS = 8 * 60
POLL_SECONDS = 3


def _released_inputs(outputs: Path) -> set[str] | None:
    manifest = outputs / "releases" / "latest" / "manifest.json"
    try:
        return {i["source_file"] for i in json.loads(manifest.read_text())["inputs"]}
    except (OSError, ValueError, KeyError):  # none yet, or `latest` moving under us
        return None


def _wait_for_release(outputs: Path, wanted: set[str], log: Path, daemon: subprocess.Popen) -> float:
    start = time.monotonic()
    while time.monotonic() - start < WAIT_SECONDS:
        if _released_inputs(outputs) == wanted:
            return time.monotonic() - start
        assert daemon.poll() is None, f"the daemon exited:\n{log.read_text()[-3000:]}"
        time.sleep(POLL_SECONDS)
    pytest.fail(f"no release holding exactly {sorted(wanted)} after {WAIT_SECONDS} s "
                f"(latest holds {_released_inputs(outputs)}):\n{log.read_text()[-3000:]}")


def _stop(daemon: subprocess.Popen) -> None:
    """The daemon and the code server and runs it started share its process group."""
    if daemon.poll() is None:
        os.killpg(daemon.pid, signal.SIGTERM)
        try:
            daemon.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(daemon.pid, signal.SIGKILL)
            daemon.wait()


@pytest.mark.slow
def test_daemon_publishes_unattended_then_follows_added_and_removed_files(tmp_path):
    src, out = tmp_path / "sources", tmp_path / "out"
    src.mkdir()
    for name in SEEDS:
        shutil.copy2(ROOT / "sources" / name, src / name)
    home = out / ".dagster_home"
    write_dagster_yaml(home)
    env = {**os.environ, "DAGSTER_HOME": str(home), "DIPLODATA_SOURCES": str(src), "DIPLODATA_OUTPUTS": str(out),
           "DIPLODATA_SENSOR_SECONDS": "5", "DIPLODATA_PARSE_PROCESSES": "1"}
    log = tmp_path / "daemon.log"
    with log.open("w") as sink:
        daemon = subprocess.Popen([str(Path(sys.executable).parent / "dagster-daemon"), "run",
                                   "-w", str(ROOT / "workspace.yaml")],
                                  cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        first = _wait_for_release(out, set(SEEDS), log, daemon)
        shutil.copy2(ROOT / "sources" / ADDED, src / ADDED)
        added = _wait_for_release(out, {*SEEDS, ADDED}, log, daemon)
        (src / SEEDS[0]).unlink()
        removed = _wait_for_release(out, {SEEDS[1], ADDED}, log, daemon)
        print(f"first release {first:.0f} s, added file {added:.0f} s, removed file {removed:.0f} s")
    finally:
        _stop(daemon)
