"""Everything extracted from one parsed document, and the cache that keeps rebuilds incremental.

The extractors are plain functions over a `ParsedDoc`; this module runs them in order (entities
first, because quotes, figures and events resolve their actors through them) and caches the rows
by document content, publication date, extractor code and model version."""
from __future__ import annotations

import functools
import hashlib
import importlib
import pickle
from pathlib import Path
from typing import Callable

from pipeline.ids import sha256_text
from pipeline.nlp.parse import ParsedDoc, sentence_rows

EXTRACTED_TABLES = ("sentences", "entities", "mentions", "quotes", "figures", "events")
_CODE_DIRS = ("extract", "data")


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """Digest of the extractor code and data files: any change to them invalidates the cache."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder in _CODE_DIRS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".yaml", ".yml", ".csv", ".txt", ".json"}:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _optional(module: str, name: str) -> Callable | None:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def extract_document(parsed: ParsedDoc) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {name: [] for name in EXTRACTED_TABLES}
    tables["sentences"] = sentence_rows(parsed)
    resolve = _optional("pipeline.extract.entities", "resolve_entities")
    if resolve is not None:
        parsed.entities = resolve(parsed)
        tables["entities"] = _optional("pipeline.extract.entities", "entity_rows")(parsed.entities.entities.values())
        tables["mentions"] = _optional("pipeline.extract.entities", "mention_rows")(parsed.entities)
    for table, module, name in (("quotes", "pipeline.extract.quotes", "extract_quotes"),
                                ("figures", "pipeline.extract.figures", "extract_figures"),
                                ("events", "pipeline.extract.events", "extract_events")):
        fn = _optional(module, name)
        if fn is not None:
            tables[table] = fn(parsed)
    return tables


def cache_key(text_sha256: str, published_date, model: str) -> str:
    return sha256_text(f"{text_sha256}|{published_date}|{extractor_version()}|{model}")[:32]


class ExtractCache:
    """Pickled rows per document, keyed by `cache_key`; a corrupt entry is recomputed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def get(self, key: str) -> dict[str, list[dict]] | None:
        path = self.folder / f"{key}.pkl"
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None

    def put(self, key: str, tables: dict[str, list[dict]]) -> None:
        path = self.folder / f"{key}.pkl"
        tmp = path.with_suffix(f".tmp{id(tables)}")
        with tmp.open("wb") as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
