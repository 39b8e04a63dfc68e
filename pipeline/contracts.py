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


def check_result(table: str, check_name: str, failures: pl.DataFrame | None, rows: int) -> dg.AssetCheckResult:
    key = {"asset_key": dg.AssetKey(table), "check_name": check_name}
    if failures is None or failures.height == 0:
        return dg.AssetCheckResult(passed=True, metadata={"rows": rows}, **key)
    shown = failures.head(MAX_SHOWN).cast({c: pl.String for c in failures.columns})
    return dg.AssetCheckResult(
        **key,
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


CONTRACTS = {**TABLES, "extraction_issues": SourceIssues}


def contract_spec(table: str, model: type[pa.DataFrameModel]) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(f"{table}_contract", asset=table, blocking=True,
                             description=f"Validate {table} against its pandera contract ({model.__name__}), lazily.")


def evidence_spec(table: str) -> dg.AssetCheckSpec:
    """Offsets inside the document, spans equal to their slice, entity references that exist."""
    return dg.AssetCheckSpec(f"{table}_evidence", asset=table, blocking=True, additional_deps=["documents", "entities"],
                             description=f"Every {table} row's span is the slice of documents.text it claims, "
                                         f"and every entity it references exists.")


def evaluate(frames: dict[str, pl.DataFrame], tables: list[str], evidence: list[str]):
    """One result per check, every check run even after a failure, so all failures are reported."""
    for table in tables:
        frame = frames[table]
        yield check_result(table, f"{table}_contract", validate(CONTRACTS[table], frame), frame.height)
    for table in evidence:
        frame = frames[table]
        failures = pl.concat([span_failures(table, frame, frames["documents"]),
                              reference_failures(table, frame, frames["entities"])])
        yield check_result(table, f"{table}_evidence", failures, frame.height)


def table_checks(name: str, tables: list[str], evidence: list[str]) -> dg.AssetChecksDefinition:
    """The checks of one stage's tables in one Dagster step. Each check keeps its own blocking spec
    (shown per table, and a failure stops everything downstream of that table), but the build pays
    Dagster's per-step cost (event-log writes, input loads) once per stage instead of per check.
    Dagster runs a blocking check before the assets that read its table, so the tables of two stages
    cannot share one step."""
    specs = [contract_spec(t, CONTRACTS[t]) for t in tables] + [evidence_spec(t) for t in evidence]
    inputs = sorted(set(tables) | ({"documents", "entities"} if evidence else set()))

    @dg.multi_asset_check(specs=specs, name=name, ins={t: dg.AssetIn(t) for t in inputs},
                          description=f"Contracts{' and evidence' if evidence else ''} of {', '.join(tables)}.")
    def _checks(**frames: pl.DataFrame):
        yield from evaluate(frames, tables, evidence)

    return _checks


INGESTED = ["documents", "source_issues", "furniture"]
EXTRACTED = [t for t in CONTRACTS if t not in INGESTED]
ALL_CHECKS = [table_checks("ingest_contracts", INGESTED, []),
              table_checks("extract_contracts", EXTRACTED, list(SPANS))]
