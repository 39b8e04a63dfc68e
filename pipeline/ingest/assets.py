"""Ingest stage: source files → documents, source issues and removed furniture."""

import datetime as dt

import dagster as dg
import polars as pl

from pipeline.ingest.corpus import ingest_corpus
from pipeline.progress import progress
from pipeline.resources import BuildSettings
from schemas import Documents, Furniture, SourceIssues
from schemas.frames import to_frame


@dg.multi_asset(
    outs={
        name: dg.AssetOut(description=description, group_name="ingest", kinds={"polars"},
                          automation_condition=dg.AutomationCondition.eager())
        for name, description in {
            "documents": "One row per usable source article: metadata and cleaned text.",
            "source_issues": "Problems found while reading the sources: code and message per file.",
            "furniture": "Page furniture removed from the sources before extraction.",
        }.items()
    },
    # The corpus is assembled after the per-document partitions, so a new source's partition
    # run is followed (declaratively) by a corpus rebuild.
    deps=["document_extracts"],
    name="ingest",
)
def ingest(context: dg.AssetExecutionContext, settings: BuildSettings):
    """Read every *.txt under sources/, merge catalog.csv, infer metadata and remove furniture."""
    result = ingest_corpus(settings.sources, now=dt.datetime.now(dt.timezone.utc),
                           cache_path=settings.outputs / ".cache" / "ingest.pkl")
    documents = to_frame(result.documents, Documents).sort("source_file")
    issues = to_frame(result.issues, SourceIssues).sort("source_file", "code")
    removed = to_frame(result.removed, Furniture)
    progress(context, "ingest", f"{documents.height} documents, {issues.height} source issues")
    yield dg.Output(documents, "documents", metadata={"rows": documents.height})
    yield dg.Output(issues, "source_issues", metadata={"rows": issues.height,
                                                       "codes": dg.MetadataValue.json(_counts(issues, "code"))})
    yield dg.Output(removed, "furniture", metadata={"rows": removed.height})


def _counts(frame: pl.DataFrame, column: str) -> dict:
    return {str(k): int(v) for k, v in frame.group_by(column).len().iter_rows()} if frame.height else {}
