"""Blocking asset checks: every published table is validated against its pandera contract
(lazily, so all failures are reported) and against the documents it cites, and the share of
documents quarantined for breaking a row rule stays under its limit. A failed check stops the
release from being built, so a broken table never publishes. Each failure case names the document
(doc_id, source_file) of its row where there is one, for the CLI and the Dagster UI."""
from __future__ import annotations

import dagster as dg
import pandera.polars as pa
import polars as pl

from pipeline.config import max_quarantine_share
from schemas import TABLES, SourceIssues
from schemas.integrity import SPANS, contract_failures, reference_failures, span_failures

MAX_SHOWN = 50
validate = contract_failures  # the name the checks and tests use


def check_result(table: str, check_name: str, failures: pl.DataFrame | None, rows: int,
                 extra: dict | None = None) -> dg.AssetCheckResult:
    key = {"asset_key": dg.AssetKey(table), "check_name": check_name}
    metadata = {"rows": rows, **(extra or {})}
    if failures is None or failures.height == 0:
        return dg.AssetCheckResult(passed=True, metadata=metadata, **key)
    shown = failures.head(MAX_SHOWN).cast({c: pl.String for c in failures.columns})
    return dg.AssetCheckResult(
        **key,
        passed=False,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={**metadata, "failures": failures.height,
                  "failure_cases": dg.MetadataValue.md(_markdown(shown)),
                  "failure_cases_json": dg.MetadataValue.json(shown.to_dicts())},
    )


def located(failures: pl.DataFrame | None, frame: pl.DataFrame, documents: pl.DataFrame | None) -> pl.DataFrame | None:
    """Failure cases with the doc_id and source_file of each failing row where known: pandera
    gives the row's index, the evidence checks its doc_id."""
    if failures is None or failures.height == 0:
        return failures
    if "index" in failures.columns:
        for col in ("doc_id", "source_file"):
            if col in frame.columns and col not in failures.columns:
                values = frame[col].to_list()
                failures = failures.with_columns(pl.Series(col, [values[i] if i is not None and i < len(values) else None
                                                                 for i in failures["index"].to_list()], dtype=pl.String))
    if "doc_id" in failures.columns and "source_file" not in failures.columns and documents is not None:
        files = dict(zip(documents["doc_id"].to_list(), documents["source_file"].to_list()))
        failures = failures.with_columns(pl.Series("source_file", [files.get(d) for d in failures["doc_id"].to_list()],
                                                   dtype=pl.String))
    return failures


def quarantine_result(issues: pl.DataFrame, documents: pl.DataFrame) -> dg.AssetCheckResult:
    """Fails when more than the allowed share of documents had their rows withheld, for breaking a
    row rule or because an extractor raised on them: then the extractors, not a few odd texts, are
    at fault, and a release of documents without their rows would pass for a complete one."""
    limit = max_quarantine_share()
    withheld = pl.col("code").is_in(["contract_violation", "extraction_error", "too_slow"])
    quarantined = issues.filter(withheld).unique("source_file").select("source_file", "message")
    share = quarantined.height / documents.height if documents.height else 0.0
    extra = {"documents": documents.height, "quarantined": quarantined.height, "share": round(share, 4),
             "max_share": limit}
    return check_result("extraction_issues", "quarantine_share", quarantined if share > limit else None,
                        issues.height, extra)


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


def quarantine_spec() -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec("quarantine_share", asset="extraction_issues", blocking=True, additional_deps=["documents"],
                             description="At most DIPLODATA_MAX_QUARANTINE_SHARE (default 2%) of documents have "
                                         "their rows withheld for breaking a row rule of their contract or for "
                                         "an extractor error.")


def evaluate(frames: dict[str, pl.DataFrame], tables: list[str], evidence: list[str]):
    """One result per check, every check run even after a failure, so all failures are reported."""
    documents = frames.get("documents")
    for table in tables:
        frame = frames[table]
        failures = located(validate(CONTRACTS[table], frame), frame, documents)
        yield check_result(table, f"{table}_contract", failures, frame.height)
    for table in evidence:
        frame = frames[table]
        failures = pl.concat([span_failures(table, frame, documents),
                              reference_failures(table, frame, frames["entities"])])
        yield check_result(table, f"{table}_evidence", located(failures, frame, documents), frame.height)
    if "extraction_issues" in tables:
        yield quarantine_result(frames["extraction_issues"], documents)


def table_checks(name: str, tables: list[str], evidence: list[str]) -> dg.AssetChecksDefinition:
    """The checks of one stage's tables in one Dagster step. Each check keeps its own blocking spec
    (shown per table, and a failure stops everything downstream of that table), but the build pays
    Dagster's per-step cost (event-log writes, input loads) once per stage instead of per check.
    Dagster runs a blocking check before the assets that read its table, so the tables of two stages
    cannot share one step."""
    specs = [contract_spec(t, CONTRACTS[t]) for t in tables] + [evidence_spec(t) for t in evidence]
    specs += [quarantine_spec()] if "extraction_issues" in tables else []
    inputs = sorted(set(tables) | {"documents"} | ({"entities"} if evidence else set()))

    @dg.multi_asset_check(specs=specs, name=name, ins={t: dg.AssetIn(t) for t in inputs},
                          description=f"Contracts{' and evidence' if evidence else ''} of {', '.join(tables)}.")
    def _checks(**frames: pl.DataFrame):
        yield from evaluate(frames, tables, evidence)

    return _checks


INGESTED = ["documents", "source_issues", "furniture"]
EXTRACTED = [t for t in CONTRACTS if t not in INGESTED]
ALL_CHECKS = [table_checks("ingest_contracts", INGESTED, []),
              table_checks("extract_contracts", EXTRACTED, list(SPANS))]
