"""README.md in every release: the data card a person reads before using the files."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import yaml

from pipeline.config import publish_text
from pipeline.printable import printable
from pipeline.ingest.collections import Collection
from pipeline.release.datapackage import collection_entries
from pipeline.release.plots import PLOT_FILES
from schemas import TABLES
from schemas._base import table_description
from schemas.dictionary import dictionary_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs"
QUALITY_FILE = DOCS / "quality.json"
# The card links these, so the release carries them: a card must read whole without the project.
CODEBOOK, DICTIONARY = "CODEBOOK.md", "DATA_DICTIONARY.md"
SCORING = f"{CODEBOOK}#9-gold-annotations-and-scoring"
# Hugging Face counts a dataset's examples in these bins; the largest table decides.
SIZE_BINS = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
             (10_000_000, "1M<n<10M")]
CITATION = ("diplodata contributors. diplodata: diplomatic events, figures and quotes extracted from news "
            "and analysis articles. Dataset, release {version}. CC BY 4.0.")
LIMITATIONS = [
    "Everything is extracted by rules (spaCy parse, lexicons, a bundled gazetteer), not by people: "
    "expect missed and wrong rows, especially events (see Measured extraction quality).",
    "Quality is measured on three kinds of hand-annotated text: the seed articles the rules were "
    "developed on (it flatters them), a second development set, and the project's own sealed set of "
    "corpus documents that no rule was written against. Quote the sealed numbers; on unseen "
    "publishers and genres expect those, not the seed ones.",
    "Events are one row per actor-recipient pair and per mention; the same real-world event reported "
    "twice (or in two articles) appears twice. Deduplicate by type, codes and date if you count events.",
    "Dates come from the text relative to the article's publication date; an article without a date "
    "gives events without dates. Check `date_precision` before comparing dates.",
    "Entity resolution uses a bundled gazetteer: actors outside it keep their name as written, with no "
    "code or Wikidata id, and the same person may appear under two names.",
    "The corpus is small and topical (see Sources); counts describe these articles, "
    "not the world.",
    "`documents.speaking_state` is the state a collection files a speech under, not a judgement of "
    "who held the seat: read each collection's description (under Sources) for its historical caveats.",
]


def load_quality(path: Path = QUALITY_FILE) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _cell(value) -> str:
    return "" if value is None else printable(str(value).replace("\n", " ")).replace("|", "\\|")


def markdown_table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return lines + ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]


def hub_header(frames: dict[str, pl.DataFrame]) -> list[str]:
    """The Hugging Face dataset-card metadata: one config per table (its Parquet file), so that
    `load_dataset(<release folder>, "quotes")` loads a table and events load by default."""
    configs = [{"config_name": name, "data_files": [{"split": "train", "path": f"{name}.parquet"}],
                **({"default": True} if name == "events" else {})} for name in TABLES if name in frames]
    meta = {"license": "cc-by-4.0", "pretty_name": "diplodata", "language": languages(frames["documents"]),
            "task_categories": ["token-classification", "text-classification"],
            "task_ids": ["named-entity-recognition"],
            "size_categories": [size_category(max(f.height for f in frames.values()))],
            "annotations_creators": ["machine-generated"], "language_creators": ["found"],
            "multilinguality": ["monolingual"], "source_datasets": ["original"],
            "tags": ["diplomacy", "event-extraction", "plover", "quotations", "international-relations"],
            "configs": configs}
    return ["---", *yaml.safe_dump(meta, sort_keys=False, allow_unicode=True).splitlines(), "---", ""]


def languages(documents: pl.DataFrame) -> list[str]:
    found = sorted(documents["language"].drop_nulls().unique().to_list()) if "language" in documents.columns else []
    return found or ["en"]


def size_category(rows: int) -> str:
    return next((label for limit, label in SIZE_BINS if rows < limit), "n>10M")


def coverage_section(frames: dict[str, pl.DataFrame]) -> list[str]:
    docs = frames["documents"]
    dates = docs["published_date"].drop_nulls()
    span = f"published {dates.min()} to {dates.max()}" if dates.len() else "publication dates unknown"
    publishers = sorted(set(docs["publisher"].drop_nulls().to_list()))
    return ["## What it covers", "",
            f"{docs.height} source documents ({span}; publishers: {', '.join(publishers) or 'unknown'}), "
            f"from which {frames['quotes'].height} quotes, {frames['figures'].height} figures and "
            f"{frames['events'].height} events were extracted, with {frames['entities'].height} entities. "
            "Every extracted row carries its document id, character offsets into `documents.text` and "
            "its sentence, so it can be checked against the text.", ""]


def tables_section(frames: dict[str, pl.DataFrame]) -> list[str]:
    rows = [[f"`{name}`", frames[name].height, table_description(TABLES[name])] for name in TABLES if name in frames]
    return ["## Tables and row counts", "",
            "Each table is a Parquet file and a table in `diplodata.duckdb` (with the same data dictionary "
            "as `COMMENT ON` every table and column). The codebook (what counts as a quote, a figure, an "
            f"event; PLOVER types; codes; dates; how quality is scored) is [{CODEBOOK}]({CODEBOOK}), the "
            f"column-by-column dictionary [{DICTIONARY}]({DICTIONARY}); both are in this release and summarised "
            "by `datapackage.json`.", "",
            *markdown_table(["table", "rows", "one row per"], rows), "",
            "Views in `diplodata.duckdb`: `events_named` (events with actor/recipient names and source title), "
            "`quotes_with_speaker` (quotes with the speaker's role and country), `figures_with_subject` "
            "(figures with their subject's name and country).", ""]


def sources_section(documents: pl.DataFrame, entries: list[dict]) -> list[str]:
    """Each collection (what it is, its licence, citation and archive), then the loose documents."""
    lines = ["## Sources", ""]
    if entries:
        rows = [[e["name"], e["title"], e["documents"], e.get("years"), e.get("licence"), e.get("publisher")]
                for e in entries]
        lines += ["Collections (each described by a `collection.yaml` in its folder of `sources/`):", "",
                  *markdown_table(["collection", "title", "documents", "years", "licence", "publisher"], rows), ""]
        lines += [line for e in entries for line in collection_details(e)]
    loose = documents.filter(pl.col("collection").is_null())
    if loose.height:
        cols = ["title", "publisher", "author", "published_date", "url"]
        rows = loose.sort("published_date", "source_file", nulls_last=True).select(cols).rows()
        lines += ["Documents outside any collection:" if entries else "", "",
                  *markdown_table(cols, [list(r) for r in rows]), ""]
    return lines


def collection_details(entry: dict) -> list[str]:
    lines = [f"**{entry['title']}** (`{entry['name']}`).", ""]
    if entry.get("description"):
        lines += [entry["description"], ""]
    facts = [f"Licence: {entry['licence']}." if entry.get("licence") else "",
             f"Archive: {entry['archive']}." if entry.get("archive") else "",
             f"Home: {entry['url']}." if entry.get("url") else ""]
    lines += [" ".join(f for f in facts if f), ""] if any(facts) else []
    if entry.get("citation"):
        lines += ["Cite as:", "", *[f"- {c}" for c in entry["citation"]], ""]
    return lines


def counts_section(documents: pl.DataFrame) -> list[str]:
    """Documents per year and per speaking state, in each collection (and outside any)."""
    if documents.is_empty():
        return []
    docs = documents.with_columns(pl.col("collection").fill_null("no collection"),
                                  year=pl.col("published_date").dt.year().cast(pl.String).fill_null("unknown"),
                                  state=pl.col("speaking_state").fill_null("none"))
    return ["## Documents per year and per country", "",
            "Per year of publication (for a speech, the year it was given); `unknown` when no date was found.", "",
            *crosstab(docs, "year"), "",
            "Per speaking state (`documents.speaking_state`: the state that speaks in the first person, as its "
            "collection states it); `none` for reported text.", "",
            *crosstab(docs, "state"), ""]


def crosstab(docs: pl.DataFrame, by: str) -> list[str]:
    names = sorted(docs["collection"].unique().to_list())
    table = docs.pivot(on="collection", index=by, values="doc_id", aggregate_function="len").fill_null(0)
    table = table.with_columns(total=pl.sum_horizontal(names)).sort(by)
    return markdown_table([by, *names, "total"], [list(r) for r in table.select(by, *names, "total").rows()])


def license_section(entries: list[dict]) -> list[str]:
    licences = "; ".join(f"{e['name']}: {e['licence']}" for e in entries if e.get("licence"))
    return ["## License", "",
            "The data we produce (every extracted row, the codes, ids, offsets and metadata) is released "
            "under [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/). The source texts are not ours: "
            "they keep their owners' rights (see the publishers above), and quoted words remain the speakers' "
            "and publishers'. " + (f"Source licences, per collection: {licences} (`documents.licence`). "
                                   if licences else "") + text_statement(), ""]


def text_statement() -> str:
    if publish_text():
        return ("This release includes the full cleaned texts (`documents.text`, `sentences.text` which tiles "
                "them, and `furniture.text`) so that every offset can be checked; re-publish them only where "
                "their owners' terms allow. A build with `DIPLODATA_PUBLISH_TEXT=0` withholds them.")
    return ("This release was built with `DIPLODATA_PUBLISH_TEXT=0`: `documents.text`, `sentences.text` and "
            "`furniture.text` are null. Offsets still refer to the cleaned text, which anyone holding the "
            "sources can rebuild with `diplodata build`; quotes, figure spans and evidence sentences remain.")


def cite_section(version: str, entries: list[dict]) -> list[str]:
    sources = [f"- {c}" for e in entries for c in e.get("citation", [])]
    return ["## How to cite", "", CITATION.format(version=version), "", "```bibtex",
            "@misc{diplodata,", "  title  = {diplodata: diplomatic events, figures and quotes},",
            "  author = {{diplodata contributors}},", f"  note   = {{Release {version}, CC BY 4.0}},", "}",
            "```", "", *(["Please cite the source collections as well:", "", *sources, ""] if sources else [])]


def metric_rows(metrics: dict, variant: str = "") -> list[list]:
    """One row per measure; a nested group (`events_rules_alone`: the build without the learned
    event model) gives its measures again, named with the group."""
    rows = []
    for name, m in metrics.items():
        if isinstance(m, dict) and "f1" in m:
            rows.append([f"{name}{variant}", m.get("precision"), m.get("recall"), m.get("f1"), m.get("tp"),
                         m.get("predicted"), m.get("gold")])
        elif isinstance(m, dict) and not variant:
            rows += metric_rows(m, f" ({name.replace('_', ' ')})")
    return rows


def quality_section(quality: dict | None) -> list[str]:
    head = ["## Measured extraction quality", ""]
    if not quality:
        return head + ["No measurement was available to this build (`docs/quality.json` missing).", ""]
    header = ["table / match", "precision", "recall", "F1", "matched", "predicted", "gold"]
    lines = head + [f"Measured on {quality.get('date')} by `benchmarks/quality.py`, which builds each set's "
                    "documents and scores the release with `diplodata evaluate GOLD_DIR --release RELEASE "
                    f"--json` (matching rules: [codebook §9]({SCORING}); `events_type` needs the same type and "
                    "overlapping evidence, `events_full` also the same codes and date). The gold folders are in "
                    "the project repository (`benchmarks/gold/`) or in its shared development data "
                    "(`../shared/gold/`). The numbers describe the extractors at that date; held-out "
                    "articles of other publishers and genres will score lower than the set the rules were "
                    "developed on.", ""]
    for m in quality.get("measurements", []):
        lines += [f"**{m['set']}**: {m['gold']}. Command: `{m['command']}`", "",
                  *markdown_table(header, metric_rows(m.get("metrics", {}))), ""]
    return lines


def plots_section(folder: Path) -> list[str]:
    present = [(name, title) for name, title in PLOT_FILES.items() if (folder / name).exists()]
    return ["## Plots", "", *[f"![{title}]({name})" for name, title in present], ""] if present else []


def usage_section() -> list[str]:
    return ["## Using the release", "", "```sh",
            "diplodata verify RELEASE_FOLDER        # recompute every SHA-256 in manifest.json",
            "diplodata query \"SELECT * FROM events_named LIMIT 5\" --release RELEASE_FOLDER",
            "diplodata pack RELEASE_FOLDER --out DIR # one .tar.gz with a .sha256 file beside it",
            "diplodata evaluate GOLD_DIR --release RELEASE_FOLDER  # precision, recall, F1 against gold",
            "duckdb -readonly diplodata.duckdb      # or any Parquet reader on the *.parquet files", "```", "",
            "`datapackage.json` (Frictionless Data Package v2) and `croissant.json` (Croissant 1.0) describe the "
            "files, types, keys and checksums for tools. Worked questions in SQL: `docs/queries.md` in the "
            "project repository.", "",
            *csv_paragraph()]


def csv_paragraph() -> list[str]:
    return ["**CSV copies.** Every table is also `<table>.csv.gz`: gzip, UTF-8, a header row, RFC 4180 "
            "quoting (CRLF line ends; line breaks inside quoted fields), empty field for null; same rows as "
            "the Parquet file. A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return "
            "is written with a leading `'` (the OWASP convention against CSV injection), so a spreadsheet "
            "shows it instead of running it as a formula; strip that one quote to get the value. "
            "`diplodata query --format csv` escapes the same way. The Parquet files and the database hold "
            "the values unescaped.", ""]


def limitations_section() -> list[str]:
    return ["## Known limitations", "", *[f"- {item}" for item in LIMITATIONS], ""]


def card_markdown(folder: Path, frames: dict[str, pl.DataFrame], version: str, quality: dict | None,
                  collections: list[Collection] | None = None) -> str:
    entries = collection_entries(frames["documents"], collections or [])
    parts = [hub_header(frames), [f"# diplodata release {version}", "",
              "Diplomatic events, stated figures and attributed quotes extracted from news and analysis "
              "articles and from official statements and speeches, with the texts they come from.", ""],
             coverage_section(frames), tables_section(frames), quality_section(quality), plots_section(folder),
             sources_section(frames["documents"], entries), counts_section(frames["documents"]), usage_section(),
             license_section(entries), cite_section(version, entries), limitations_section()]
    return "\n".join(line for part in parts for line in part)


def write_datacard(folder: Path, frames: dict[str, pl.DataFrame], previous, version: str,
                   collections: list[Collection] | None = None) -> dict:
    """Release writer: README.md, the data card."""
    text = card_markdown(folder, frames, version, load_quality(), collections or [])
    (folder / "README.md").write_text(text, encoding="utf-8")
    return {"README.md": {"table": None, "rows": len(text.splitlines())}, **write_card_documents(folder)}


def write_card_documents(folder: Path) -> dict:
    """The codebook and the data dictionary the card links, beside it. The dictionary is generated
    from the same contracts as the tables, so it always describes this release's columns."""
    shutil.copyfile(DOCS / CODEBOOK, folder / CODEBOOK)
    (folder / DICTIONARY).write_text(dictionary_markdown(), encoding="utf-8")
    return {name: {"table": None, "rows": len((folder / name).read_text(encoding="utf-8").splitlines())}
            for name in (CODEBOOK, DICTIONARY)}
