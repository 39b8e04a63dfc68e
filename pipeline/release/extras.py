"""Files added to a release beside the tables. Each writer is called as
`writer(folder, frames, previous_release_or_None, version)` inside the temporary release folder,
before the manifest is written, and returns {file name: {"table": None, "rows": n}} for what it
wrote (or None). The writers that describe the sources' collections get them bound once per build
(`release_writers`): the collection files are read once, by the build that knows its sources."""
from __future__ import annotations

from functools import partial

from pipeline.release.croissant import write_croissant
from pipeline.release.csvfiles import write_csv_tables
from pipeline.release.datacard import write_datacard
from pipeline.release.datapackage import write_datapackage
from pipeline.release.plots import write_plots
from pipeline.release.views import write_views

# Order matters: the views change the database, and the data card shows the plots.
# The CSV copies come before datapackage.json, which states their sizes and hashes.
RELEASE_WRITERS: list = [write_views, write_plots, write_csv_tables, write_datapackage, write_croissant,
                         write_datacard]

DESCRIBE_COLLECTIONS = (write_datapackage, write_croissant, write_datacard)


def release_writers(collections: list) -> list:
    """RELEASE_WRITERS with the build's collections given to those that describe them."""
    return [partial(w, collections=collections) if w in DESCRIBE_COLLECTIONS else w for w in RELEASE_WRITERS]
