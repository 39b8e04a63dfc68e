"""The ingest stage: sources folder in, `documents` and `source_issues` rows out.

`doc_id` is derived from the cleaned text (`text_sha256`), not from the file
bytes: every offset in every table points into the cleaned text, so the id
must change exactly when that text changes (a cleaner fix that moves offsets
gives new ids instead of old ids with stale offsets). Two sources whose
cleaned texts are equal would share an id, so the later one is reported as a
`duplicate`, like a byte-identical copy.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pipeline.config import max_source_bytes
from pipeline.ids import sha256_text, stable_id
from pipeline.ingest.cache import DocumentCache
from pipeline.ingest.catalog import catalog_date, load_catalog
from pipeline.ingest.furniture import remove_furniture
from pipeline.ingest.metadata import header_end, infer_date, infer_title
from pipeline.ingest.reader import list_sources, make_issue, read_source

CATALOG_FIELDS = ("publisher", "author", "url", "language")


@dataclass
class IngestResult:
    documents: list[dict] = field(default_factory=list)
    issues: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)


def ingest_corpus(sources_dir: Path, max_bytes: int | None = None,
                  now: dt.datetime | None = None, cache_path: Path | None = None) -> IngestResult:
    """Read every `*.txt` under `sources_dir` (sorted), merge the catalog, clean, and report issues.

    `now` stamps `detected_at` on issues; pass a fixed value for byte-identical rebuilds.
    `cache_path` keeps cleaned documents between builds (see `pipeline.ingest.cache`).
    """
    sources_dir = Path(sources_dir)
    max_bytes = max_source_bytes() if max_bytes is None else max_bytes
    result = IngestResult()
    catalog, issues = load_catalog(sources_dir, max_bytes)
    sources, link_issues = list_sources(sources_dir)
    result.issues += issues + link_issues
    seen_raw: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    cache = DocumentCache(cache_path, build_document)
    for source in sources:
        ingest_one(source, catalog.get(source.name), max_bytes, result, seen_raw, seen_text, cache.build)
    cache.save()
    listed = {s.name for s in sources} | {i["source_file"] for i in link_issues}
    result.issues += missing_files(catalog, listed)
    stamp = now or dt.datetime.now(dt.timezone.utc)
    for issue in result.issues:
        issue["detected_at"] = stamp
    return result


def missing_files(catalog: dict[str, dict], listed: set[str]) -> list[dict]:
    return [make_issue(name, "catalog_missing_file", "catalog row names a file that is not in sources/")
            for name in sorted(catalog) if name not in listed]


def ingest_one(source, row: dict | None, max_bytes: int, result: IngestResult,
               seen_raw: dict[str, str], seen_text: dict[str, str], clean: Callable | None = None) -> None:
    """`clean` is `build_document` or a cache in front of it."""
    read = read_source(source, max_bytes)
    if read.issue:
        result.issues.append(read.issue)
        return
    if read.raw_sha256 in seen_raw:
        result.issues.append(duplicate(source.name, seen_raw[read.raw_sha256], "the same bytes as"))
        return
    seen_raw[read.raw_sha256] = source.name
    doc, removed, issues = (clean or build_document)(source.name, read.text, read.raw_sha256, row or {})
    result.issues += issues
    if doc is None:
        return
    if doc["text_sha256"] in seen_text:
        result.issues.append(duplicate(source.name, seen_text[doc["text_sha256"]], "the same cleaned text as"))
        return
    seen_text[doc["text_sha256"]] = source.name
    result.documents.append(doc)
    result.removed += [{"doc_id": doc["doc_id"], "source_file": source.name, **r} for r in removed]


def duplicate(name: str, first: str, how: str) -> dict:
    return make_issue(name, "duplicate", f"{how} {first}, which is kept; this copy is skipped")


def build_document(name: str, raw_text: str, raw_sha: str, row: dict) -> tuple[dict | None, list[dict], list[dict]]:
    """(documents row or None, removed furniture, issues) for one decoded source."""
    lines = raw_text.split("\n")
    end = header_end(lines)
    meta, issues = metadata(name, lines, end, row)
    text, removed = remove_furniture(raw_text, meta["title"], end)
    if not text.strip():
        return None, removed, issues + [make_issue(name, "empty", "nothing is left once page furniture is removed")]
    text_sha = sha256_text(text)
    doc = {"doc_id": stable_id("doc", text_sha), "source_file": name, **meta,
           "text_sha256": text_sha, "n_chars": len(text), "n_words": len(re.findall(r"\S+", text)),
           "text": text, "raw_sha256": raw_sha}
    return doc, removed, issues


def metadata(name: str, lines: list[str], end: int, row: dict) -> tuple[dict, list[dict]]:
    """Catalog values where present, else values inferred from the text or URL, with their sources."""
    meta = {f: row.get(f) for f in CATALOG_FIELDS}
    title = row.get("title") or infer_title(lines, end)
    meta["title"] = title
    meta["title_source"] = ("catalog" if row.get("title") else "text") if title else None
    date, issues = catalog_date(row.get("published_date")), []
    if row.get("published_date") and date is None:
        issues.append(make_issue(name, "catalog_bad_date",
                                 f"catalog published_date {row['published_date']!r} is not YYYY[-MM[-DD]]; "
                                 "ignored, date inferred instead"))
    if date:
        meta.update(published_date=date[0], published_date_precision=date[1], published_date_source="catalog")
    else:
        meta.update(infer_date(lines, end, row.get("url")))
    return order(meta), issues


COLUMNS = ("title", "title_source", "publisher", "author", "url", "published_date",
           "published_date_precision", "published_date_source", "language")


def order(meta: dict) -> dict:
    return {c: meta.get(c) for c in COLUMNS}


def ingest_selected(sources_dir: Path, keep: Callable[[str], bool], max_bytes: int | None = None) -> IngestResult:
    """The sources whose names `keep` accepts, each on its own (for per-document partitions): the
    rows `ingest_corpus` gives them, except that duplicates are only detected corpus-wide. The
    catalog is read and the folder listed once, however many sources are selected."""
    sources_dir = Path(sources_dir)
    max_bytes = max_source_bytes() if max_bytes is None else max_bytes
    result = IngestResult()
    catalog, _ = load_catalog(sources_dir, max_bytes)
    sources, link_issues = list_sources(sources_dir)
    result.issues += [i for i in link_issues if keep(i["source_file"])]
    for source in sources:
        if keep(source.name):
            ingest_one(source, catalog.get(source.name), max_bytes, result, {}, {})
    return result


def ingest_file(sources_dir: Path, source_file: str, max_bytes: int | None = None) -> IngestResult:
    """One source on its own: see `ingest_selected`."""
    return ingest_selected(sources_dir, lambda name: name == source_file, max_bytes)
