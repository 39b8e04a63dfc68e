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
from pipeline.extract.entities.mentions import government_state
from pipeline.ids import sha256_text, stable_id
from pipeline.ingest.cache import DocumentCache
from pipeline.ingest.catalog import catalog_date, load_catalog
from pipeline.ingest.collections import Collection, FileFacts, file_facts, load_collections, nearest
from pipeline.ingest.frontmatter import FrontMatter, split_front_matter
from pipeline.ingest.furniture import remove_furniture
from pipeline.ingest.wrapping import unwrap_plain
from pipeline.ingest.markdown import decode_escapes, unwrap_markdown
from pipeline.ingest.metadata import header_end, infer_date, infer_title
from pipeline.ingest.reader import list_sources, make_issue, read_source, source_format


@dataclass
class IngestResult:
    documents: list[dict] = field(default_factory=list)
    issues: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    cache_damaged: int = 0  # a stored cache that failed its checksum or shape (cleaned again)
    cache_warning: str | None = None  # why the cache could not be written, if it could not


def ingest_corpus(sources_dir: Path, max_bytes: int | None = None,
                  now: dt.datetime | None = None, cache_path: Path | None = None) -> IngestResult:
    """Read every `*.txt` and `*.md` under `sources_dir` (sorted), merge the catalog and the
    collection files, clean, and report issues.

    `now` stamps `detected_at` on issues; pass a fixed value for byte-identical rebuilds.
    `cache_path` keeps cleaned documents between builds (see `pipeline.ingest.cache`).
    """
    sources_dir = Path(sources_dir)
    max_bytes = max_source_bytes() if max_bytes is None else max_bytes
    result = IngestResult()
    catalog, issues = load_catalog(sources_dir, max_bytes)
    collections, collection_issues = load_collections(sources_dir, max_bytes)
    sources, link_issues = list_sources(sources_dir)
    result.issues += issues + collection_issues + link_issues
    seen_raw: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    cache = DocumentCache(cache_path, build_document)
    for source in sources:
        ingest_one(source, catalog.get(source.name), max_bytes, result, seen_raw, seen_text, cache.build,
                   collection=nearest(collections, source.name))
    cache.save()
    result.cache_damaged, result.cache_warning = cache.damaged, cache.disabled
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
               seen_raw: dict[str, str], seen_text: dict[str, str], clean: Callable | None = None,
               collection: Collection | None = None) -> None:
    """`clean` is `build_document` or a cache in front of it; `collection` the one the source is in."""
    read = read_source(source, max_bytes)
    if read.issue:
        result.issues.append(read.issue)
        return
    if read.raw_sha256 in seen_raw:
        result.issues.append(duplicate(source.name, seen_raw[read.raw_sha256], "the same bytes as"))
        return
    seen_raw[read.raw_sha256] = source.name
    doc, removed, issues = (clean or build_document)(source.name, read.text, read.raw_sha256, row or {}, collection)
    result.issues += issues
    if doc is None:
        return
    if doc["text_sha256"] in seen_text:
        result.issues.append(duplicate(source.name, seen_text[doc["text_sha256"]], "the same cleaned text as"))
        return
    seen_text[doc["text_sha256"]] = source.name
    # The encoding follows from the bytes alone, so it is added here, outside the cleaning cache.
    result.documents.append({**doc, "encoding": read.encoding})
    result.removed += [{"doc_id": doc["doc_id"], "source_file": source.name, **r} for r in removed]


def duplicate(name: str, first: str, how: str) -> dict:
    return make_issue(name, "duplicate", f"{how} {first}, which is kept; this copy is skipped")


def build_document(name: str, raw_text: str, raw_sha: str, row: dict,
                   collection: Collection | None = None) -> tuple[dict | None, list[dict], list[dict]]:
    """(documents row or None, removed furniture, issues) for one decoded source."""
    front, body = split_front_matter(decode_escapes(raw_text))
    markdown = source_format(name) == "markdown"
    if markdown:  # furniture and title rules read lines: a line must be a paragraph, not a fragment
        body = unwrap_markdown(body)
    facts = file_facts(collection, name)
    lines = body.split("\n")
    end = header_end(lines)
    meta, issues = metadata(name, lines, end, row, front or FrontMatter(), facts)
    meta.update(collection_columns(collection, row, facts))
    if not meta.get("publisher_state"):  # a loose source whose catalog publisher is a government office
        meta["publisher_state"] = government_state(meta.get("publisher"))
    issues += source_issues(name, front, facts)
    text, removed = remove_furniture(body, meta["title"], end, markdown=markdown)
    if not markdown:  # after the furniture rules, which read the wrapped lines as they came
        text = unwrap_plain(text)
    if front:  # the block is metadata, not prose: kept where every removal can be audited
        removed.insert(0, {"kind": "front_matter", "text": front.block})
    if not text.strip():
        return None, removed, issues + [make_issue(name, "empty", "nothing is left once front matter and page "
                                                                  "furniture are removed")]
    text_sha = sha256_text(text)
    doc = {"doc_id": stable_id("doc", text_sha), "source_file": name, **order(meta),
           "text_sha256": text_sha, "n_chars": len(text), "n_words": len(re.findall(r"\S+", text)),
           "text": text, "raw_sha256": raw_sha}
    return doc, removed, issues


def source_issues(name: str, front: FrontMatter | None, facts: FileFacts) -> list[dict]:
    issues = []
    if front and front.problems:
        issues.append(make_issue(name, "bad_front_matter", "; ".join(front.problems) + "; the block is removed "
                                 "from the text, and only the fields that could be read are used"))
    if facts.problem:
        issues.append(make_issue(name, "file_name_mismatch", facts.problem))
    return issues


def metadata(name: str, lines: list[str], end: int, row: dict, front: FrontMatter,
             facts: FileFacts) -> tuple[dict, list[dict]]:
    """Each value from the first that gives it: catalog row, front matter, the collection's reading
    of the file name, then the text (or URL) itself; with where it came from."""
    meta = {"publisher": row.get("publisher"), "language": row.get("language"),
            "author": row.get("author") or front.author, "url": row.get("url") or front.url}
    meta.update(pick_title(row, front, facts, lines, end))
    date, issues = catalog_date(row.get("published_date")), []
    meta.update(pick_date(date, front, facts) or infer_date(lines, end, meta["url"]))
    if row.get("published_date") and date is None:
        issues.append(make_issue(name, "catalog_bad_date",
                                 f"catalog published_date {row['published_date']!r} is not YYYY[-MM[-DD]]; "
                                 f"ignored, {fallback_date(meta)}"))
    return meta, issues


def fallback_date(meta: dict) -> str:
    """Where the date of a document with a bad catalog date came from instead, for its issue."""
    if meta["published_date"] is None:
        return "and no other date was found (front matter, file name, byline, Published line or URL): undated"
    return (f"date taken from the {meta['published_date_source'].replace('_', ' ')} instead "
            f"({meta['published_date']}, {meta['published_date_precision']} precision)")


def pick_date(catalog: tuple | None, front: FrontMatter, facts: FileFacts) -> dict | None:
    """The date a source's metadata states (catalog, front matter, file name), if any."""
    for date, source in ((catalog, "catalog"), (front.date, "front_matter"), (facts.date, "file_name")):
        if date:
            return {"published_date": date[0], "published_date_precision": date[1], "published_date_source": source}
    return None


def pick_title(row: dict, front: FrontMatter, facts: FileFacts, lines: list[str], end: int) -> dict:
    for title, source in ((row.get("title"), "catalog"), (front.title, "front_matter"), (facts.title, "collection")):
        if title:
            return {"title": title, "title_source": source}
    title = infer_title(lines, end)
    return {"title": title, "title_source": "text" if title else None}


def collection_columns(collection: Collection | None, row: dict, facts: FileFacts) -> dict:
    """What the collection says of all its documents; a catalog row still wins where it speaks."""
    if collection is None:
        return {}
    return {"collection": collection.name, "licence": collection.licence, "speaking_state": facts.speaking_state,
            "publisher_state": collection.publisher_state,
            "publisher": row.get("publisher") or collection.publisher,
            "language": row.get("language") or collection.language}


COLUMNS = ("collection", "title", "title_source", "publisher", "author", "url", "published_date",
           "published_date_precision", "published_date_source", "language", "licence", "speaking_state",
           "publisher_state")


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
    collections, _ = load_collections(sources_dir, max_bytes)
    sources, link_issues = list_sources(sources_dir)
    result.issues += [i for i in link_issues if keep(i["source_file"])]
    for source in sources:
        if keep(source.name):
            ingest_one(source, catalog.get(source.name), max_bytes, result, {}, {},
                       collection=nearest(collections, source.name))
    return result


def ingest_file(sources_dir: Path, source_file: str, max_bytes: int | None = None) -> IngestResult:
    """One source on its own: see `ingest_selected`."""
    return ingest_selected(sources_dir, lambda name: name == source_file, max_bytes)
