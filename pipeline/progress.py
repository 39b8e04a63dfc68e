"""Per-stage progress lines for long builds: assets log `progress(...)` messages, and the CLI's
`progress` logger prints just those to stderr (Dagster's own event lines stay in the run history)."""
from __future__ import annotations

import logging
import sys
import time

import dagster as dg

PREFIX = "progress: "
EVERY = 100  # documents between progress lines inside a stage


def progress(context, stage: str, message: str) -> None:
    context.log.info(f"{PREFIX}{stage}: {message}")


class Meter:
    """Counts and an estimated time left for one stage. The estimate goes by words, not documents:
    a UN speech is ten times a news brief, so a count of documents alone misleads."""

    def __init__(self, documents: int, words: int) -> None:
        self.documents, self.words = documents, max(words, 1)
        self.started = time.monotonic()
        self.words_done = 0

    def add(self, words: int) -> None:
        self.words_done += words

    def line(self, done: int) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.words_done / elapsed if elapsed > 0 else 0.0
        left = (self.words - self.words_done) / rate if rate > 0 else float("nan")
        eta = f"{left:.0f} s left" if left == left else "time left unknown"
        return (f"{done}/{self.documents} documents, {self.words_done:,}/{self.words:,} words, "
                f"{rate:,.0f} words/s, {eta}")


class _OnlyProgress(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        meta = getattr(record, "dagster_meta", None) or {}
        message = str(meta.get("orig_message", record.getMessage()))
        if not message.startswith(PREFIX):
            return False
        record.progress_line = message[len(PREFIX):]
        return True


@dg.logger(description="Prints the pipeline's per-stage progress lines to stderr.")
def progress_logger(init_context) -> logging.Logger:
    log = logging.getLogger("diplodata.progress")
    log.setLevel(logging.INFO)
    log.propagate = False
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.addFilter(_OnlyProgress())
        handler.setFormatter(logging.Formatter("[%(asctime)s] %(progress_line)s", "%H:%M:%S"))
        log.addHandler(handler)
    return log
