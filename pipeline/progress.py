"""Per-stage progress lines for long builds: assets log `progress(...)` messages, and the CLI's
`progress` logger prints just those to stderr (Dagster's own event lines stay in the run history)."""
from __future__ import annotations

import logging
import sys

import dagster as dg

PREFIX = "progress: "
EVERY = 100  # documents between progress lines inside a stage


def progress(context, stage: str, message: str) -> None:
    context.log.info(f"{PREFIX}{stage}: {message}")


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
