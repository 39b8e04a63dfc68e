"""Extract stage: entities, mentions, quotes, figures and events from every parsed document."""

import datetime as dt
import traceback
import warnings
import dagster as dg
import polars as pl

from pipeline.extract.document import EXTRACTED_TABLES, ExtractCache, cache_key, extract_document
from pipeline.ingest.corpus import ingest_selected
from pipeline.nlp.parse import ParsedDoc, load_model, model_version, parse_text
from pipeline.partitions import partition_key, sources_partitions
from pipeline.progress import EVERY, progress
from pipeline.resources import BuildSettings
from schemas import TABLES, SourceIssues
from schemas.frames import to_frame

# Single-run backfills of dynamic partitions are what we want; Dagster marks the parameter beta.
warnings.filterwarnings("ignore", message=".*backfill_policy.*", category=Warning)

DESCRIPTIONS = {
    "sentences": "Every sentence of every document with offsets.",
    "entities": "One row per real-world actor, the same id across documents.",
    "mentions": "Every mention of an entity with offsets.",
    "quotes": "Attributed quotations with speaker, cue and exact span.",
    "figures": "Quantities normalised to value, unit, range and approximation.",
    "events": "PLOVER-typed events with actor, recipient, date, place and status.",
    "extraction_issues": "Documents an extractor failed on; published in source_issues.",
}
SORT_KEYS = {"entities": ["entity_id"], "extraction_issues": ["source_file"]}


def document_rows(doc: dict, nlp, model: str, cache: ExtractCache, settings: BuildSettings) -> tuple[dict, bool]:
    """(rows of every extracted table for one documents row, whether they came from the cache).
    `model` is model_version(nlp), read once per run by the caller (spaCy rebuilds nlp.meta on
    every access). Raises when an extractor fails; the callers record that as a source issue."""
    key = cache_key(doc["text_sha256"], doc["published_date"], model)
    rows = cache.get(key)
    if rows is not None:
        return rows, True
    parsed = ParsedDoc(doc["doc_id"], doc["text"], parse_text(doc["text"], nlp, settings.parse_cache),
                       doc["published_date"])
    rows = extract_document(parsed)
    cache.put(key, rows)
    return rows, False


def extraction_issue(doc: dict, exc: Exception) -> dict:
    return {"source_file": doc["source_file"], "code": "extraction_error",
            "message": f"extraction failed, document published without extracted rows: "
                       f"{type(exc).__name__}: {exc}"[:500],
            "detected_at": dt.datetime.now(dt.timezone.utc)}


def run_extractors(documents: pl.DataFrame, settings: BuildSettings, log=None,
                   report=None) -> tuple[dict[str, list[dict]], dict]:
    """Rows of every extracted table; each document's rows come from the cache when unchanged."""
    nlp = load_model()
    model, cache = model_version(nlp), ExtractCache(settings.extract_cache)
    tables: dict[str, list[dict]] = {name: [] for name in EXTRACTED_TABLES}
    issues, stats = [], {"extracted": 0, "from_cache": 0, "failed": 0}
    for done, doc in enumerate(documents.iter_rows(named=True), start=1):
        try:
            rows, cached = document_rows(doc, nlp, model, cache, settings)
        except Exception as exc:  # one bad document must not stop the release
            stats["failed"] += 1
            issues.append(extraction_issue(doc, exc))
            if log:
                log.warning(traceback.format_exc())
            continue
        stats["from_cache" if cached else "extracted"] += 1
        # Lines count extractions: cache hits take no time, and every line is an event-log write.
        if report and not cached and stats["extracted"] % EVERY == 0:
            report(done)
        for name in EXTRACTED_TABLES:
            tables[name].extend(rows.get(name, []))
    tables["extraction_issues"] = issues
    return tables, stats


def table_frames(tables: dict[str, list[dict]]) -> dict[str, pl.DataFrame]:
    frames = {}
    for name, rows in tables.items():
        model = SourceIssues if name == "extraction_issues" else TABLES[name]
        frame = to_frame(rows, model)
        if name == "entities":
            frame = frame.unique("entity_id", keep="first", maintain_order=True)
        keys = SORT_KEYS.get(name, ["doc_id", "char_start", "char_end", frame.columns[0]])
        frames[name] = frame.sort(keys)
    return frames


@dg.asset(
    group_name="extract",
    kinds={"spacy"},
    partitions_def=sources_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
)
def document_extracts(context: dg.AssetExecutionContext, settings: BuildSettings) -> dg.MaterializeResult:
    """Per source file (a dynamic partition): read and clean it, parse it once and run every
    extractor, storing the rows in the extraction cache that the corpus tables are assembled from.
    A new or changed source is processed alone; unchanged ones are cache hits."""
    nlp, cache = load_model(), ExtractCache(settings.extract_cache)
    model = model_version(nlp)
    wanted = set(context.partition_keys)
    documents = ingest_selected(settings.sources, lambda name: partition_key(name) in wanted).documents
    # a source that gave no document is unreadable: the corpus ingest records why
    stats = {"extracted": 0, "from_cache": 0, "failed": 0, "skipped": len(wanted) - len(documents)}
    for doc in documents:
        try:
            _, cached = document_rows(doc, nlp, model, cache, settings)
            stats["from_cache" if cached else "extracted"] += 1
        except Exception:
            stats["failed"] += 1
            context.log.warning(traceback.format_exc())
    progress(context, "document", f"{sorted(wanted)}: {stats}")
    return dg.MaterializeResult(metadata=stats)


@dg.multi_asset(
    outs={name: dg.AssetOut(description=desc, group_name="extract", kinds={"polars"},
                            automation_condition=dg.AutomationCondition.eager())
          for name, desc in DESCRIPTIONS.items()},
    deps=[document_extracts],
    name="extract",
)
def extract(context: dg.AssetExecutionContext, settings: BuildSettings, documents: pl.DataFrame,
            parsed_documents: pl.DataFrame):
    """Run the entity, quote, figure and event extractors over each parsed document."""
    tables, stats = run_extractors(documents, settings, context.log,
                                   lambda done: progress(context, "extract", f"{done}/{documents.height} documents"))
    progress(context, "extract", f"done: {stats}")
    for name, frame in table_frames(tables).items():
        yield dg.Output(frame, name, metadata={"rows": frame.height, **({"documents": stats} if name == "events" else {})})
