"""The code location loads, and every asset is described, grouped and checked."""
from __future__ import annotations

import dagster as dg

from pipeline.contracts import ALL_CHECKS
from pipeline.definitions import defs
from schemas import TABLES
from schemas.integrity import SPANS


def _specs():
    return {spec.key: spec for spec in defs.resolve_all_asset_specs()}


def test_definitions_load():
    dg.Definitions.validate_loadable(defs)
    assert defs.resolve_job_def("build_release") is not None


def test_every_asset_has_description_and_group():
    for key, spec in _specs().items():
        assert spec.description and len(spec.description) > 20, key
        assert spec.group_name and spec.group_name != "default", key


def test_every_published_table_has_a_blocking_contract_check():
    specs = {(spec.asset_key.to_user_string(), spec.name): spec
             for checks in ALL_CHECKS for spec in checks.check_specs}
    keys = {(k.asset_key.to_user_string(), k.name) for k in defs.resolve_asset_graph().asset_check_keys}
    assert set(specs) <= keys
    for table in TABLES:
        assert (table, f"{table}_contract") in specs, table
    for table in SPANS:
        assert (table, f"{table}_evidence") in specs, table
    assert ("extraction_issues", "quarantine_share") in specs
    assert all(spec.blocking for spec in specs.values())


def test_checks_share_one_step_per_stage():
    """Each check is its own spec, but the checks of a stage's tables run in one step."""
    assert len(ALL_CHECKS) == 2
    assert sum(len(list(checks.check_specs)) for checks in ALL_CHECKS) == len(TABLES) + 1 + len(SPANS) + 1  # + quarantine_share


def test_stages_in_order():
    graph = defs.resolve_asset_graph()
    release = dg.AssetKey("release")
    upstream = {k.to_user_string() for k in graph.get(release).parent_keys}
    assert set(TABLES) <= upstream
    assert "documents" in {k.to_user_string() for k in graph.get(dg.AssetKey("parsed_documents")).parent_keys}
