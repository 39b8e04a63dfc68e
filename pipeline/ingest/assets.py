"""Ingest stage: source files → documents, source issues and removed furniture."""

import datetime as dt

import dagster as dg
import polars as pl

from pipeline.automation import CORPUS_CONDITION
from pipeline.ingest.corpus import ingest_corpus
from pipeline.progress import progress
from pipeline.resources import BuildSettings
from schemas import Documents, Furniture, SourceIssues
from schemas.frames import to_frame


@dg.multi_asset(
    outs={
        name: dg.AssetOut(description=description, group_name="ingest", kinds={"polars"},
                          automation_condition=CORPUS_CONDITION)
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
    """Read every *.txt and *.md under sources/, merge catalog.csv and the collection files, infer
    metadata and remove furniture. No document at all fails the run: there is nothing to publish."""
    result = ingest_corpus(settings.sources, now=dt.datetime.now(dt.timezone.utc),
                           cache_path=settings.outputs / ".cache" / "ingest.pkl")
    documents = to_frame(result.documents, Documents).sort("source_file")
    issues = to_frame(result.issues, SourceIssues).sort("source_file", "code")
    removed = to_frame(result.removed, Furniture)
    if result.cache_warning:
        progress(context, "ingest", f"warning: ingest cache not writable ({result.cache_warning}); "
                                    "continuing without it")
    progress(context, "ingest", f"{documents.height} documents, {issues.height} source issues, "
                                f"{result.cache_damaged} damaged cache entries recomputed")
    yield dg.Output(documents, "documents", metadata={"rows": documents.height, "cache_damaged": result.cache_damaged})
    yield dg.Output(issues, "source_issues", metadata={"rows": issues.height,
                                                       "codes": dg.MetadataValue.json(_counts(issues, "code"))})
    yield dg.Output(removed, "furniture", metadata={"rows": removed.height})
    if documents.height == 0:
        # Failing here (after the tables, so the issues stay readable) stops the run before the
        # release: a corpus that gave no document publishes nothing and `latest` does not move.
        raise dg.Failure(description=no_documents_message(settings.sources, issues))


def no_documents_message(sources, issues: pl.DataFrame) -> str:
    why = ", ".join(f"{n} {code}" for code, n in sorted(_counts(issues, "code").items())) or "no files found"
    return (f"no document could be ingested from {sources} ({why}; see the source issues): "
            "nothing to publish. Sources are UTF-8 *.txt and *.md files.")


def _counts(frame: pl.DataFrame, column: str) -> dict:
    return {str(k): int(v) for k, v in frame.group_by(column).len().iter_rows()} if frame.height else {}
