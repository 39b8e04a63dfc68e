"""Stage outputs pass between steps as pickled files, with no log event per file."""
import dagster as dg
import polars as pl

from pipeline.storage import StageStorage


@dg.asset
def numbers() -> pl.DataFrame:
    return pl.DataFrame({"n": [1, 2, 3]})


@dg.asset
def total(numbers: pl.DataFrame) -> int:
    return int(numbers["n"].sum())


def test_outputs_round_trip_through_files_without_file_log_events(tmp_path):
    with dg.instance_for_test() as instance:
        result = dg.materialize([numbers, total], instance=instance,
                                resources={"io_manager": StageStorage(base_dir=str(tmp_path))})
        assert result.success and result.output_for_node("total") == 6
        assert (tmp_path / "numbers").is_file() and (tmp_path / "total").is_file()
        assert not list(tmp_path.glob(".*.tmp"))
        messages = [e.user_message for e in instance.all_logs(result.run_id)]
        assert not [m for m in messages if "Writing file at" in m or "Loading file from" in m]


def test_default_folder_is_the_instance_storage(tmp_path):
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        assert dg.materialize([numbers], instance=instance, resources={"io_manager": StageStorage()}).success
        assert (tmp_path / "storage" / "numbers").is_file()
