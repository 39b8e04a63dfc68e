"""Every SQL block in docs/queries.md runs against a release built from sources/."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.release.commands import run_query
from tests.test_release_package import seed_release

QUERIES_MD = Path(__file__).resolve().parent.parent / "docs" / "queries.md"


def sql_blocks(markdown: str) -> list[str]:
    return re.findall(r"```sql\n(.*?)```", markdown, flags=re.S)


BLOCKS = sql_blocks(QUERIES_MD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    return seed_release(tmp_path_factory)


def test_there_are_at_least_a_dozen_documented_questions():
    assert len(BLOCKS) >= 12
    assert len(re.findall(r"^## \d+\. ", QUERIES_MD.read_text(encoding="utf-8"), flags=re.M)) == len(BLOCKS)


@pytest.mark.parametrize("number", range(1, len(BLOCKS) + 1))
def test_documented_query_runs(release, number):
    names, rows = run_query(BLOCKS[number - 1], release)
    assert names, "a query in docs/queries.md returns no columns"
    assert isinstance(rows, list)


def test_most_documented_queries_find_something_in_the_seed_release(release):
    found = sum(1 for sql in BLOCKS if run_query(sql, release)[1])
    assert found >= len(BLOCKS) - 3


def test_the_offset_check_query_finds_no_mismatch(release):
    sql = next(b for b in BLOCKS if "quotes_not_matching_their_offsets" in b)
    assert run_query(sql, release)[1] == [(0,)]
