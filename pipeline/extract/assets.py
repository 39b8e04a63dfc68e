"""Extract stage: entities, mentions, quotes, figures and events from every parsed document."""

import datetime as dt
import traceback
import warnings
import dagster as dg
import polars as pl

from pipeline.extract.corpus_tables import DOC, SEQ, CorpusTables, first_per_entity, reused, with_owner
from pipeline.extract.document import EXTRACTED_TABLES, ExtractCache, cache_key, extract_document
from pipeline.ingest.corpus import ingest_selected
from pipeline.nlp.parse import ParsedDoc, load_model, model_version, parse_text
from pipeline.partitions import partition_key, sources_partitions
from pipeline.progress import EVERY, progress
from pipeline.resources import BuildSettings
from schemas import TABLES, SourceIssues
from schemas.frames import polars_schema, to_frame

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


def document_rows(doc: dict, nlp, model: str, cache: ExtractCache, settings: BuildSettings,
                  key: str | None = None) -> tuple[dict, bool]:
    """(rows of every extracted table for one documents row, whether they came from the cache).
    `model` is model_version(nlp), read once per run by the caller (spaCy rebuilds nlp.meta on
    every access). Raises when an extractor fails; the callers record that as a source issue."""
    key = key or cache_key(doc["text_sha256"], doc["published_date"], model)
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
                   report=None) -> tuple[dict[str, pl.DataFrame], dict]:
    """Frames of every extracted table. A document unchanged since the last build takes its rows
    from that build's tables; any other from its own cache entry or, failing that, the extractors."""
    nlp = load_model()
    model, cache = model_version(nlp), ExtractCache(settings.extract_cache)
    corpus = CorpusTables(settings.extract_cache)
    stored_keys, stored = corpus.load(EXTRACTED_TABLES)
    if not _same_columns(stored):
        stored_keys, stored = {}, {}  # a contract changed: rebuild the tables from the document cache
    rows: dict[str, list[dict]] = {name: [] for name in EXTRACTED_TABLES}
    owners, keys, kept = [], {}, []
    issues, stats = [], {"extracted": 0, "from_cache": 0, "failed": 0}
    for done, doc in enumerate(documents.iter_rows(named=True), start=1):
        key = cache_key(doc["text_sha256"], doc["published_date"], model)
        if stored_keys.get(doc["doc_id"]) == key:
            keys[doc["doc_id"]] = key
            kept.append(doc["doc_id"])
            stats["from_cache"] += 1
            continue
        try:
            found, cached = document_rows(doc, nlp, model, cache, settings, key)
        except Exception as exc:  # one bad document must not stop the release
            stats["failed"] += 1
            issues.append(extraction_issue(doc, exc))
            if log:
                log.warning(traceback.format_exc())
            continue
        keys[doc["doc_id"]] = key
        stats["from_cache" if cached else "extracted"] += 1
        # Lines count extractions: cache hits take no time, and every line is an event-log write.
        if report and not cached and stats["extracted"] % EVERY == 0:
            report(done)
        for name in EXTRACTED_TABLES:
            rows[name].extend(found.get(name, []))
        owners.extend([doc["doc_id"]] * len(found.get("entities", [])))
    frames, kept_form = _assemble(rows, owners, stored, kept, documents["doc_id"].to_list())
    if keys != stored_keys:  # a rebuild with nothing new keeps the stored tables as they are
        corpus.save(keys, kept_form)
    frames["extraction_issues"] = to_frame(issues, SourceIssues).sort(SORT_KEYS["extraction_issues"])
    return frames, stats


def _same_columns(stored: dict[str, pl.DataFrame]) -> bool:
    for name, frame in stored.items():
        extra = {DOC: pl.String, SEQ: pl.Int64} if name == "entities" else {}
        if dict(frame.schema) != {**polars_schema(TABLES[name]), **extra}:
            return False
    return True


def _assemble(rows: dict[str, list[dict]], owners: list[str], stored: dict[str, pl.DataFrame],
              kept: list[str], order: list[str]) -> tuple[dict[str, pl.DataFrame], dict[str, pl.DataFrame]]:
    """(published frames, the form kept for the next build): reused rows plus fresh ones."""
    frames, kept_form = {}, {}
    for name in EXTRACTED_TABLES:
        fresh = to_frame(rows[name], TABLES[name])
        if name == "entities":
            fresh = with_owner(fresh, owners)
        if name in stored:
            fresh = pl.concat([reused(stored[name], kept, DOC if name == "entities" else "doc_id"), fresh])
        kept_form[name] = fresh
        frame = first_per_entity(fresh, order) if name == "entities" else fresh
        keys = SORT_KEYS.get(name, ["doc_id", "char_start", "char_end", frame.columns[0]])
        frames[name] = frame.sort(keys)
    return frames, kept_form


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
    frames, stats = run_extractors(documents, settings, context.log,
                                   lambda done: progress(context, "extract", f"{done}/{documents.height} documents"))
    progress(context, "extract", f"done: {stats}")
    for name, frame in frames.items():
        yield dg.Output(frame, name, metadata={"rows": frame.height, **({"documents": stats} if name == "events" else {})})
