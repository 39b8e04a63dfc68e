"""The one resource every stage shares: where sources are read and outputs written."""
from __future__ import annotations

import os
from pathlib import Path

import dagster as dg


class BuildSettings(dg.ConfigurableResource):
    """Folders of a build. Defaults come from DIPLODATA_SOURCES / DIPLODATA_OUTPUTS, else
    `sources/` and `outputs/` under the working directory."""

    sources_dir: str = os.environ.get("DIPLODATA_SOURCES", "sources")
    outputs_dir: str = os.environ.get("DIPLODATA_OUTPUTS", "outputs")

    @property
    def sources(self) -> Path:
        return Path(self.sources_dir).resolve()

    @property
    def outputs(self) -> Path:
        return Path(self.outputs_dir).resolve()

    @property
    def parse_cache(self) -> Path:
        return self.outputs / ".cache" / "parses"

    @property
    def extract_cache(self) -> Path:
        return self.outputs / ".cache" / "extract"
