"""Shared fixtures: the spaCy model loads once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp.parse import load_model

    return load_model()


@pytest.fixture(autouse=True)
def _no_user_dagster_home(monkeypatch):
    # Builds in tests keep their Dagster state under their own outputs folder.
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    yield
