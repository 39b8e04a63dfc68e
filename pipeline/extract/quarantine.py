"""Per-document validation of freshly extracted rows.

A document whose rows break a row rule of its table's contract (a value outside its vocabulary, a
malformed id, an evidence span that is not the slice of the text it claims) is quarantined: its
extracted rows are withheld and a `contract_violation` source issue names each failing check, so a
few bad documents cannot withhold the whole dataset. Rules that need the whole table (uniqueness
across documents, references to entities) stay with the blocking checks in pipeline/contracts.py.

A pandera call costs about 20 ms whatever the size of the frame, so the rows of a batch of
documents are validated together, one call per table, and each failure is mapped back to its
document through the row index.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import polars as pl

from schemas import TABLES
from schemas.frames import to_frame
from schemas.integrity import SPANS, contract_failures, span_failures

UNIQUE = "field_uniqueness"
EXAMPLE_CHARS = 80


def document_frames(rows: dict[str, list[dict]]) -> dict[str, pl.DataFrame]:
    """Typed frames of one document's rows. Raises on a key the contract lacks or a value its
    column cannot hold: that is an extractor bug, recorded as the document's extraction error."""
    return {name: to_frame(table_rows, TABLES[name]) for name, table_rows in rows.items()}


def batch_violations(batch: list[tuple[str, str, dict[str, pl.DataFrame]]]) -> dict[str, list[dict]]:
    """doc_id -> its failing checks ({table, column, check, example, rows}) for a batch of
    (doc_id, text, frames) documents; a document that is absent broke no row rule."""
    found: dict[str, list[dict]] = defaultdict(list)
    texts = pl.DataFrame({"doc_id": [d for d, _, _ in batch], "text": [t for _, t, _ in batch]},
                         schema={"doc_id": pl.String, "text": pl.String})
    for table in (batch[0][2] if batch else {}):
        owners = [doc_id for doc_id, _, frames in batch for _ in range(frames[table].height)]
        frame = pl.concat([frames[table] for _, _, frames in batch])
        if frame.height == 0:
            continue
        for doc_id, failure in _contract_cases(table, frame, owners):
            found[doc_id].append(failure)
        if table in SPANS:
            for case in span_failures(table, frame, texts).iter_rows(named=True):
                found[case["doc_id"]].append({"table": table, "column": SPANS[table][1] or "char_start",
                                              "check": case["check"], "example": case["detail"]})
    return {doc_id: summary(failures) for doc_id, failures in found.items()}


def _contract_cases(table: str, frame: pl.DataFrame, owners: list[str]) -> list[tuple[str, dict]]:
    """(doc_id, failure) for each pandera failure case of the table's rows in the batch."""
    cases = contract_failures(TABLES[table], frame)
    if cases is None:
        return []
    out = []
    for case in cases.iter_rows(named=True):
        failure = {"table": table, "column": case["column"], "check": short_check(case["check"]),
                   "example": case["failure_case"]}
        # A case without a row (a column's dtype) cannot come from frames typed by to_frame; were
        # it to, every document of the batch is held back, and the quarantine limit says so.
        docs = [owners[case["index"]]] if case["index"] is not None else sorted(set(owners))
        out += [(doc_id, failure) for doc_id in docs]
    return _within_documents(out)


def _within_documents(cases: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """Uniqueness failures of one document only: the same value in two documents (an entity both
    name) is the table's business, checked after assembly, not a fault of either document."""
    seen = Counter((doc_id, c["column"], c["example"]) for doc_id, c in cases if c["check"] == UNIQUE)
    return [(doc_id, c) for doc_id, c in cases
            if c["check"] != UNIQUE or seen[(doc_id, c["column"], c["example"])] > 1]


def short_check(check: str) -> str:
    """`isin` for `isin(['AGREE', 'CONSULT', ...])`: the long argument list says nothing the
    column's contract does not."""
    return check if len(check) <= 40 else check.split("(", 1)[0]


def summary(failures: list[dict]) -> list[dict]:
    """One entry per failing check (table, column, check): its first example and how many rows."""
    grouped: dict[tuple, dict] = {}
    for f in failures:
        key = (f["table"], f["column"], f["check"])
        if key in grouped:
            grouped[key]["rows"] += 1
        else:
            grouped[key] = {**f, "example": str(f["example"])[:EXAMPLE_CHARS], "rows": 1}
    return list(grouped.values())


def violation_message(violations: list[dict]) -> str:
    checks = "; ".join(f"{v['table']}.{v['column']} {v['check']} ({v['rows']} row{'s' * (v['rows'] > 1)}, "
                       f"e.g. {v['example']!r})" for v in violations)
    return f"rows break the contract, so this document's extracted rows are withheld: {checks}"[:1000]
