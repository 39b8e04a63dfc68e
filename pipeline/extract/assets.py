"""Extract stage: entities, mentions, quotes, figures and events from every parsed document."""

import datetime as dt
import warnings
from dataclasses import dataclass, field
from typing import Iterator

import dagster as dg
import polars as pl

from pipeline.automation import CORPUS_CONDITION
from pipeline.config import extract_processes
from pipeline.extract.budget import TooSlow
from pipeline.extract.corpus_tables import DOC, SEQ, CorpusTables, first_per_entity, reused, with_owner
from pipeline.extract.document import EXTRACTED_TABLES, ExtractCache, cache_key
from pipeline.extract.fresh import extract_all
from pipeline.extract.quarantine import batch_violations, violation_message
from pipeline.ingest.corpus import ingest_selected
from pipeline.nlp.parse import load_model, model_version
from pipeline.partitions import partition_key, sources_partitions
from pipeline.progress import EVERY, PREFIX, progress
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
    "extraction_issues": "Documents an extractor failed on or whose rows broke their contract (withheld); "
                         "published in source_issues.",
}
SORT_KEYS = {"entities": ["entity_id"], "extraction_issues": ["source_file"]}


@dataclass
class Outcome:
    """One document's extraction: its rows and the contract checks they broke ([] when none), or
    the exception an extractor raised."""
    rows: dict[str, list[dict]] | None = None
    violations: list[dict] = field(default_factory=list)
    error: BaseException | None = None  # an Exception an extractor raised, or TooSlow
    cached: bool = False

    @property
    def status(self) -> str:
        """The count this document adds to: failed, quarantined, from_cache or extracted."""
        if self.error is not None:
            return "failed"
        return "quarantined" if self.violations else "from_cache" if self.cached else "extracted"


# Fresh documents validated together: pandera costs about 20 ms a call whatever the rows, so one
# call per table per document would add seconds per hundred documents.
BATCH = 64


def document_key(doc: dict, model: str) -> str:
    # the date's precision decides how relative dates resolve, so it keys the cache with the date
    published = f"{doc['published_date']}/{doc.get('published_date_precision')}"
    return cache_key(doc["text_sha256"], published, model, doc.get("speaking_state"), doc.get("publisher_state"))


def document_outcomes(todo: list[tuple[dict, str]], nlp, cache: ExtractCache, settings: BuildSettings,
                      log=None, on_extracted=None) -> Iterator[tuple[dict, str, Outcome]]:
    """(documents row, cache key, outcome) for each (row, key) of `todo`: rows from the cache, as
    they were validated when made (these first), or extracted now, validated in batches and only
    then cached with their verdict. An exception is the document's outcome and is never cached."""
    fresh = []
    for doc, key in todo:
        entry = cache.get(key, doc["doc_id"])
        if entry is None:
            fresh.append((doc, key))
        else:
            yield doc, key, Outcome(entry["rows"], entry["violations"], cached=True)
    pending, count = [], 0
    for doc, key, done in extract_all(fresh, nlp, settings, extract_processes()):
        for _ in range(done.damaged):  # a damaged cached parse counts with the damaged cache entries
            cache.count_damaged()
        if done.error is not None:
            if log and done.trace:
                log.warning(done.trace)
            yield doc, key, Outcome(error=done.error)
            continue
        count += 1
        if on_extracted:
            on_extracted(count)
        pending.append((doc, key, done.rows, done.frames))
        if len(pending) >= BATCH:
            yield from settle(pending, cache)
            pending = []
    yield from settle(pending, cache)


def settle(pending: list[tuple], cache: ExtractCache) -> Iterator[tuple[dict, str, Outcome]]:
    """Validate a batch of freshly extracted documents, then cache each with its verdict."""
    verdicts = batch_violations([(doc["doc_id"], doc["text"], frames) for doc, _, _, frames in pending])
    for doc, key, rows, _ in pending:
        violations = verdicts.get(doc["doc_id"], [])
        cache.put(key, rows, violations)
        yield doc, key, Outcome(rows, violations)


def make_issue(doc: dict, code: str, message: str) -> dict:
    return {"source_file": doc["source_file"], "code": code, "message": message,
            "detected_at": dt.datetime.now(dt.timezone.utc)}


def outcome_issue(doc: dict, outcome: Outcome) -> dict | None:
    """The source_issues row of a document whose rows are withheld, None when they are published."""
    if isinstance(outcome.error, TooSlow):
        return make_issue(doc, "too_slow", f"{outcome.error}; document published without extracted rows")
    if outcome.error is not None:
        exc = outcome.error
        return make_issue(doc, "extraction_error", f"extraction failed, document published without extracted "
                                                   f"rows: {type(exc).__name__}: {exc}"[:500])
    if outcome.violations:
        return make_issue(doc, "contract_violation", violation_message(outcome.violations))
    return None


def run_extractors(documents: pl.DataFrame, settings: BuildSettings, log=None,
                   report=None) -> tuple[dict[str, pl.DataFrame], dict]:
    """Frames of every extracted table. A document unchanged since the last build takes its rows
    from that build's tables; any other from its own cache entry or, failing that, the extractors.
    A document whose extraction failed or whose rows broke their contract publishes no extracted
    rows and gets a source issue instead."""
    nlp = load_model()
    model, cache = model_version(nlp), ExtractCache(settings.extract_cache)
    corpus = CorpusTables(settings.extract_cache)
    stored_keys, stored = corpus.load(EXTRACTED_TABLES)
    if not _same_columns(stored):
        stored_keys, stored = {}, {}  # a contract changed: rebuild the tables from the document cache
    rows: dict[str, list[dict]] = {name: [] for name in EXTRACTED_TABLES}
    owners, keys, kept, todo = [], {}, [], []
    issues, stats = [], {"extracted": 0, "from_cache": 0, "failed": 0, "quarantined": 0}
    for doc in documents.iter_rows(named=True):
        key = document_key(doc, model)
        if stored_keys.get(doc["doc_id"]) == key:  # stored only after its rows passed their row rules
            keys[doc["doc_id"]] = key
            kept.append(doc["doc_id"])
        else:
            todo.append((doc, key))
    stats["from_cache"] = len(kept)

    def extracted(count: int) -> None:
        # Lines count extractions: cache hits take no time, and every line is an event-log write.
        if report and count % EVERY == 0:
            report(len(kept) + count)

    for doc, key, outcome in document_outcomes(todo, nlp, cache, settings, log, extracted):
        stats[outcome.status] += 1
        issue = outcome_issue(doc, outcome)
        if issue is not None:
            issues.append(issue)
            continue
        keys[doc["doc_id"]] = key
        for name in EXTRACTED_TABLES:
            rows[name].extend(outcome.rows.get(name, []))
        owners.extend([doc["doc_id"]] * len(outcome.rows.get("entities", [])))
    frames, kept_form = _assemble(rows, owners, stored, kept, documents["doc_id"].to_list())
    unsaved = None
    if keys != stored_keys and not cache.disabled:  # a rebuild with nothing new keeps the stored tables
        unsaved = corpus.save(keys, kept_form)
    warn_cache_off(cache, log)
    if unsaved and log:
        log.warning(f"{PREFIX}extract: warning: the extracted tables could not be stored ({unsaved}); "
                    "the next build reads each document from its own cache entry")
    stats["cache_damaged"] = cache.damaged + corpus.damaged
    frames["extraction_issues"] = to_frame(issues, SourceIssues).sort(SORT_KEYS["extraction_issues"])
    return frames, stats


def warn_cache_off(cache: ExtractCache, log) -> None:
    """Say where the operator reads it (once, after extraction) that the build ran without its extraction cache."""
    if cache.disabled and log:
        log.warning(f"{PREFIX}extract: warning: extraction cache not writable ({cache.disabled}); "
                    "continuing without it (every document is extracted)")


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
    stats = {"extracted": 0, "from_cache": 0, "failed": 0, "quarantined": 0, "skipped": len(wanted) - len(documents)}
    todo = [(doc, document_key(doc, model)) for doc in documents]
    problems = {}
    for doc, _, outcome in document_outcomes(todo, nlp, cache, settings, context.log):
        stats[outcome.status] += 1
        issue = outcome_issue(doc, outcome)
        if issue is not None:  # shown here; the corpus `extract` asset records it in source_issues
            problems[doc["source_file"]] = issue["message"]
    warn_cache_off(cache, context.log)
    stats["cache_damaged"] = cache.damaged
    progress(context, "document", f"{sorted(wanted)}: {stats}")
    return dg.MaterializeResult(metadata={**stats, **({"problems": dg.MetadataValue.json(problems)} if problems else {})})


@dg.multi_asset(
    outs={name: dg.AssetOut(description=desc, group_name="extract", kinds={"polars"},
                            automation_condition=CORPUS_CONDITION)
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
        stage = {"documents": stats, "cache_damaged": stats["cache_damaged"]} if name == "events" else {}
        yield dg.Output(frame, name, metadata={"rows": frame.height, **stage})
