"""Everything extracted from one parsed document, and the cache that keeps rebuilds incremental.

The extractors are plain functions over a `ParsedDoc`; this module runs them in order (entities
first, because quotes, figures and events resolve their actors through them) and caches the rows,
with the verdict of their validation, by document content, publication date, speaking state,
extractor and contract code, and model version. Only the rows of extractors that finished are
cached: an exception is recorded for the document and the next build tries again."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from pipeline.extract.entities import entity_rows, mention_rows, resolve_entities
from pipeline.extract.event_model import model_identity
from pipeline.extract.events import extract_events
from pipeline.extract.figures import extract_figures
from pipeline.extract.quotes import extract_quotes
from pipeline.ids import sha256_text
from pipeline.nlp.parse import ParsedDoc, sentence_rows
from pipeline.sealed import Damaged, read_sealed, write_sealed

EXTRACTED_TABLES = ("sentences", "entities", "mentions", "quotes", "figures", "events")
# the extractors, their data, and the contracts their rows are validated against when made
_CODE_DIRS = ("pipeline/extract", "pipeline/data", "schemas")
_CODE_FILES = ("pipeline/datafile.py", "pipeline/ids.py")  # shared helpers the extractors call
# Dagster wiring and table assembly decide when extractors run and how their rows are put
# together, not what the rows are: editing them keeps the cache
_NOT_CODE = ("assets.py", "corpus_tables.py")


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """Digest of the extractor, data and contract files: any change to them invalidates the cache."""
    root = Path(__file__).resolve().parent.parent.parent
    digest = hashlib.sha256()
    paths = [p for folder in _CODE_DIRS for p in sorted((root / folder).rglob("*"))] + [root / f for f in _CODE_FILES]
    for path in paths:
        if path.is_file() and path.suffix in {".py", ".yaml", ".yml", ".csv", ".txt", ".json"} and path.name not in _NOT_CODE:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def extract_document(parsed: ParsedDoc) -> dict[str, list[dict]]:
    """Rows of every extracted table for one parsed document. Entities are resolved first (the other
    extractors code their actors through them) and written last: a name an extractor looks up in
    the gazetteer joins the document's entities, and its row must be there."""
    parsed.entities = resolve_entities(parsed)
    parsed.meta["quotes"] = quotes = extract_quotes(parsed)  # events read who says "we" in a quotation
    figures, events = extract_figures(parsed), extract_events(parsed)
    return {
        "sentences": sentence_rows(parsed),
        "entities": entity_rows(parsed.entities.entities.values()),
        "mentions": mention_rows(parsed.entities),
        "quotes": quotes,
        "figures": figures,
        "events": events,
    }


def cache_key(text_sha256: str, published_date, model: str, speaking_state: str | None = None,
              publisher_state: str | None = None) -> str:
    # the event model is chosen at run time (DIPLODATA_EVENT_MODEL), so its digest is part of the key
    parts = (text_sha256, published_date, speaking_state, publisher_state, extractor_version(), model, model_identity())
    return sha256_text("|".join(map(str, parts)))[:32]


class ExtractCache:
    """Per document, keyed by `cache_key`, a sealed (checksummed, see `pipeline.sealed`) {"rows":
    rows of every table, "violations": the contract checks they broke when made, [] if none}.
    A damaged entry (truncated, altered, another shape, rows of another document) is recomputed and
    counted in `damaged`; a folder that cannot be written turns the cache off (`disabled` says
    why) and the build goes on without it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.damaged = 0
        self.disabled: str | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.disabled = f"{folder}: {exc.strerror or exc}"

    def get(self, key: str, doc_id: str | None = None) -> dict | None:
        if self.disabled:
            return None
        try:
            return read_sealed(self.folder / f"{key}.pkl", lambda entry: valid_entry(entry, doc_id))
        except Damaged:
            self.count_damaged()
            return None

    def count_damaged(self) -> None:
        self.damaged += 1

    def put(self, key: str, rows: dict[str, list[dict]], violations: list[dict]) -> None:
        if self.disabled:
            return
        try:
            write_sealed(self.folder / f"{key}.pkl", {"rows": rows, "violations": violations})
        except OSError as exc:  # read-only or full: no cache from here on, never lost rows
            self.disabled = f"{self.folder}: {exc.strerror or exc}"


def valid_entry(entry, doc_id: str | None = None) -> bool:
    """The shape an entry must have: every extracted table a list of row dicts (sentences never
    empty: a document has text), violations a list, and every row of the document it is keyed by."""
    if not (isinstance(entry, dict) and entry.keys() == {"rows", "violations"}):
        return False
    rows, violations = entry["rows"], entry["violations"]
    if not (isinstance(rows, dict) and rows.keys() == set(EXTRACTED_TABLES) and isinstance(violations, list)):
        return False
    if not all(isinstance(table, list) and all(isinstance(r, dict) for r in table) for table in rows.values()):
        return False
    if not rows["sentences"]:
        return False
    owned = [r.get("doc_id") for name in EXTRACTED_TABLES if name != "entities" for r in rows[name]]
    return doc_id is None or all(owner == doc_id for owner in owned)
