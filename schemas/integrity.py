"""Checks across tables that one table's contract cannot see (evidence spans and references),
and the failure cases of a table's own contract."""
from __future__ import annotations

import pandera.polars as pa
import polars as pl

# table -> (id column, column that must equal the slice of documents.text, or None)
SPANS = {
    "sentences": ("sentence_id", "text"),
    "mentions": ("mention_id", "text"),
    "quotes": ("quote_id", "text"),
    "figures": ("figure_id", "raw_text"),
    "events": ("event_id", None),
}
REFERENCES = {
    "mentions": ["entity_id"],
    "quotes": ["speaker_entity_id"],
    "figures": ["subject_entity_id"],
    "events": ["actor_entity_id", "recipient_entity_id"],
}
FAILURE_SCHEMA = {"table": pl.String, "check": pl.String, "row_id": pl.String, "doc_id": pl.String,
                  "detail": pl.String}


def contract_failures(model: type[pa.DataFrameModel], frame: pl.DataFrame) -> pl.DataFrame | None:
    """None when the frame honours the contract, else pandera's failure cases (all of them: lazy)."""
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        return err.failure_cases
    return None


def _failures(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=FAILURE_SCHEMA, orient="row") if rows else pl.DataFrame(schema=FAILURE_SCHEMA)


def span_failures(table: str, frame: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Rows whose offsets fall outside their document or whose text is not the slice it claims."""
    id_col, text_col = SPANS[table]
    texts = dict(zip(documents["doc_id"].to_list(), documents["text"].to_list()))
    out = []
    cols = [id_col, "doc_id", "char_start", "char_end"] + ([text_col] if text_col else [])
    for row in frame.select(cols).iter_rows(named=True):
        doc = texts.get(row["doc_id"])
        s, e = row["char_start"], row["char_end"]
        found = {"table": table, "row_id": row[id_col], "doc_id": row["doc_id"]}
        if doc is None:
            out.append({**found, "check": "doc_exists", "detail": f"unknown doc_id {row['doc_id']}"})
        elif not (0 <= s < e <= len(doc)):
            out.append({**found, "check": "offsets_in_document", "detail": f"[{s}:{e}] outside 0..{len(doc)}"})
        elif text_col and doc[s:e] != row[text_col]:
            out.append({**found, "check": "span_equals_slice",
                        "detail": f"{row[text_col]!r} != text[{s}:{e}] {doc[s:e]!r}"[:300]})
    return _failures(out)


def reference_failures(table: str, frame: pl.DataFrame, entities: pl.DataFrame) -> pl.DataFrame:
    """Entity references that do not exist in `entities`."""
    id_col = SPANS[table][0]
    known = set(entities["entity_id"].to_list())
    out = []
    for col in REFERENCES.get(table, []):
        for row_id, doc_id, ref in frame.select(id_col, "doc_id", col).iter_rows():
            if ref is not None and ref not in known:
                out.append({"table": table, "check": f"{col}_exists", "row_id": row_id, "doc_id": doc_id,
                            "detail": f"{col} {ref} not in entities"})
    return _failures(out)
