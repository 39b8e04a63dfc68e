"""Release stage: the validated tables published as one dated, immutable release folder."""

import dagster as dg
import polars as pl

from pipeline.config import max_source_bytes, publish_text, spacy_model_name
from pipeline.extract.document import extractor_version
from pipeline.ingest.fingerprint import sources_digest
from pipeline.release.changelog import write_changelog
from pipeline.ingest.collections import load_collections
from pipeline.release.extras import release_writers
from pipeline.release.publish import publish
from pipeline.progress import progress
from pipeline.resources import BuildSettings


# Tables whose `text` column reproduces the sources in full (withheld when publish_text() is off).
FULL_TEXT_TABLES = ("documents", "sentences", "furniture")


def release_frames(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The published tables: extraction failures join the source issues."""
    frames = dict(tables)
    issues = frames.pop("extraction_issues")
    frames["source_issues"] = pl.concat([frames["source_issues"], issues]).sort("source_file", "code")
    if not publish_text():
        for name in FULL_TEXT_TABLES:
            frames[name] = frames[name].with_columns(pl.lit(None, dtype=pl.String).alias("text"))
    return frames


def input_files(documents: pl.DataFrame) -> list[dict]:
    return [{"source_file": f, "sha256": s} for f, s in documents.select("source_file", "raw_sha256").iter_rows()]


# Rebuild once upstream tables changed and every blocking contract check on them has passed.
RELEASE_CONDITION = dg.AutomationCondition.eager() & dg.AutomationCondition.all_deps_blocking_checks_passed()


@dg.asset(group_name="release", kinds={"parquet", "duckdb"}, automation_condition=RELEASE_CONDITION)
def release(context: dg.AssetExecutionContext, settings: BuildSettings, documents: pl.DataFrame,
            source_issues: pl.DataFrame, furniture: pl.DataFrame, sentences: pl.DataFrame,
            entities: pl.DataFrame, mentions: pl.DataFrame, quotes: pl.DataFrame, figures: pl.DataFrame,
            events: pl.DataFrame, extraction_issues: pl.DataFrame) -> dg.Output:
    """Parquet files, a DuckDB database with the data dictionary, and a manifest with checksums,
    written atomically to outputs/releases/<version>/; `latest` then names it. It runs only after
    every table's blocking contract check has passed."""
    frames = release_frames({
        "documents": documents, "source_issues": source_issues, "furniture": furniture,
        "sentences": sentences, "entities": entities, "mentions": mentions, "quotes": quotes,
        "figures": figures, "events": events, "extraction_issues": extraction_issues})
    extra = {"spacy_model": spacy_model_name(), "extractor_version": extractor_version(),
             "sources_digest": sources_digest(settings.sources)}
    collections = load_collections(settings.sources, max_source_bytes())[0]  # their problems are source issues already
    published = publish(settings.outputs, frames, input_files(documents), extra,
                        writers=[write_changelog, *release_writers(collections)])
    rows = {name: frame.height for name, frame in frames.items()}
    state = "repaired" if published.repaired else "new" if published.created else "unchanged"
    progress(context, "release", f"{published.version} ({state})")
    for problem in published.repaired:
        progress(context, "release", f"rebuilt the damaged release: {problem}")
    return dg.Output({"version": published.version, "path": str(published.path), "created": published.created,
                      "rows": rows, "repaired": published.repaired},
                     metadata={"version": published.version, "path": str(published.path),
                               "repaired": len(published.repaired),
                               **{f"rows_{k}": v for k, v in rows.items()}})
