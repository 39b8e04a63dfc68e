"""Blocking asset checks: every published table is validated against its pandera contract
(lazily, so all failures are reported) and against the documents it cites. A failed check stops
the release from being built, so a broken table never publishes."""
from __future__ import annotations

import dagster as dg
import pandera.polars as pa
import polars as pl

from schemas import TABLES, SourceIssues
from schemas.integrity import SPANS, reference_failures, span_failures

MAX_SHOWN = 50


def validate(model: type[pa.DataFrameModel], frame: pl.DataFrame) -> pl.DataFrame | None:
    """None when the frame honours the contract, else the pandera failure cases."""
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        return err.failure_cases
    return None


def check_result(failures: pl.DataFrame | None, rows: int) -> dg.AssetCheckResult:
    if failures is None or failures.height == 0:
        return dg.AssetCheckResult(passed=True, metadata={"rows": rows})
    shown = failures.head(MAX_SHOWN).cast({c: pl.String for c in failures.columns})
    return dg.AssetCheckResult(
        passed=False,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"rows": rows, "failures": failures.height,
                  "failure_cases": dg.MetadataValue.md(_markdown(shown)),
                  "failure_cases_json": dg.MetadataValue.json(shown.to_dicts())},
    )


def _markdown(frame: pl.DataFrame) -> str:
    head = "| " + " | ".join(frame.columns) + " |\n|" + "---|" * len(frame.columns) + "\n"
    return head + "".join("| " + " | ".join(str(v).replace("|", "\\|")[:120] for v in row) + " |\n"
                          for row in frame.iter_rows())


def contract_check(table: str, model: type[pa.DataFrameModel]) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=table, name=f"{table}_contract", blocking=True,
                    description=f"Validate {table} against its pandera contract ({model.__name__}), lazily.")
    def _check(frame: pl.DataFrame) -> dg.AssetCheckResult:
        return check_result(validate(model, frame), frame.height)

    return _check


def evidence_check(table: str) -> dg.AssetChecksDefinition:
    """Offsets inside the document, spans equal to their slice, entity references that exist."""
    @dg.asset_check(asset=table, name=f"{table}_evidence", blocking=True,
                    additional_ins={"documents": dg.AssetIn("documents"), "entities": dg.AssetIn("entities")},
                    description=f"Every {table} row's span is the slice of documents.text it claims, "
                                f"and every entity it references exists.")
    def _check(frame: pl.DataFrame, documents: pl.DataFrame, entities: pl.DataFrame) -> dg.AssetCheckResult:
        failures = pl.concat([span_failures(table, frame, documents), reference_failures(table, frame, entities)])
        return check_result(failures, frame.height)

    return _check


CONTRACT_CHECKS = [contract_check(t, m) for t, m in TABLES.items()] + [
    contract_check("extraction_issues", SourceIssues)]
EVIDENCE_CHECKS = [evidence_check(t) for t in SPANS]
ALL_CHECKS = CONTRACT_CHECKS + EVIDENCE_CHECKS
