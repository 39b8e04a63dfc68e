"""Shared fixtures: the spaCy model loads once per session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


def seed_sources_dir(tmp_path_factory) -> Path:
    """The five seed articles and their catalog (`sources/*.txt`, `sources/catalog.csv`) copied to a
    folder of their own, once per session: `sources/` holds the whole corpus, which no test
    ingests or builds."""
    folder = tmp_path_factory.getbasetemp() / "seed-sources"
    if not folder.exists():
        folder.mkdir()
        for path in [*sorted(SOURCES.glob("*.txt")), SOURCES / "catalog.csv"]:
            shutil.copy2(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def seed_sources(tmp_path_factory) -> Path:
    return seed_sources_dir(tmp_path_factory)


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp.parse import load_model

    return load_model()


@pytest.fixture(autouse=True)
def _no_user_dagster_home(monkeypatch):
    # Builds in tests keep their Dagster state under their own outputs folder.
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    yield


@pytest.fixture
def rules_alone(monkeypatch):
    """The event rules without the learned trigger model (for tests of what a rule family decides;
    the model may still read such a sentence, see tests/test_event_model.py)."""
    monkeypatch.setenv("DIPLODATA_EVENT_MODEL", "none")
    yield
    monkeypatch.delenv("DIPLODATA_EVENT_MODEL")


def events_of(nlp, text: str, published, speaking_state: str | None = None):
    """Events of one text written for a test: parsed once, entities resolved, then extracted."""
    from pipeline.extract.entities import resolve_entities
    from pipeline.extract.events import extract_events
    from pipeline.nlp.parse import parse_document

    parsed = parse_document("t", text, published, nlp=nlp, speaking_state=speaking_state)
    parsed.entities = resolve_entities(parsed)
    return extract_events(parsed)


def figures_of(nlp, text: str) -> list[dict]:
    """Figure rows of one text written for a test, parsed with the session's model."""
    from pipeline.extract.figures import extract_figures
    from pipeline.nlp.parse import parse_document

    return extract_figures(parse_document("test", text, nlp=nlp))


def pairs(rows, etype):
    """The (actor, recipient) code pairs of the rows of one event type."""
    return {(r["actor_code"], r["recipient_code"]) for r in rows if r["event_type"] == etype}
