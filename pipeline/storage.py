"""Where stage outputs wait between steps: pickled files under the instance's storage folder.

The same layout as Dagster's default filesystem IO manager, without its "Writing file at" and
"Loading file from" debug messages: each is an event-log write, 36 of them per build, and they
only repeat what the STEP_OUTPUT and LOADED_INPUT events already record.
"""
from __future__ import annotations

import os
import pickle
import uuid
from pathlib import Path

import dagster as dg


class PickledFiles(dg.IOManager):
    def __init__(self, base: Path) -> None:
        self.base = base

    def _path(self, context: dg.OutputContext | dg.InputContext) -> Path:
        if context.has_asset_key:
            return self.base.joinpath(*context.get_asset_identifier())
        output = context if isinstance(context, dg.OutputContext) else context.upstream_output
        return self.base.joinpath(*output.get_identifier())

    def handle_output(self, context: dg.OutputContext, obj) -> None:
        path = self._path(context)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(obj, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # a reader never sees half a file

    def load_input(self, context: dg.InputContext):
        with self._path(context).open("rb") as handle:
            return pickle.load(handle)


class StageStorage(dg.ConfigurableIOManagerFactory):
    """Stage outputs as pickled files in `<DAGSTER_HOME>/storage` (or `base_dir`)."""

    base_dir: str | None = None

    def create_io_manager(self, context: dg.InitResourceContext) -> PickledFiles:
        if self.base_dir:
            return PickledFiles(Path(self.base_dir))
        return PickledFiles(Path(context.instance.storage_directory()))
