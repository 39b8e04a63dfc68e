"""Documents extracted now (not from the cache), in this process or, when there are enough of them,
in forked worker processes: extraction is about half a full build, and a build otherwise runs it
on one core while the parse stage uses all of them.

The first document is always extracted here. That loads the pipeline, the dictionaries, the
gazetteer and the event model once, and the workers forked after it inherit them instead of each
loading its own. Results come back in the documents' order. A worker process that dies costs
speed, not rows: what it had not returned is extracted here."""
from __future__ import annotations

import multiprocessing
import pickle
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Iterator

import polars as pl

from pipeline.config import document_seconds
from pipeline.extract.budget import TooSlow, time_budget
from pipeline.extract.document import extract_document
from pipeline.extract.quarantine import document_frames
from pipeline.nlp.parse import ParsedDoc, parse_text
from pipeline.resources import BuildSettings

# Below this many words, forking workers costs more than it saves (the parse stage's threshold).
PARALLEL_MIN_WORDS = 20_000


@dataclass
class Extracted:
    """One document extracted now: its rows and their typed frames, or the error that stopped it
    (with the traceback text where it was an extractor's exception), and how many damaged cached
    parses were met on the way."""
    rows: dict[str, list[dict]] | None = None
    frames: dict[str, pl.DataFrame] | None = None
    error: BaseException | None = None
    trace: str | None = None
    damaged: int = 0


def extract_fresh(doc: dict, nlp, settings: BuildSettings, on_damaged=None) -> tuple[dict, dict[str, pl.DataFrame]]:
    """(rows, their typed frames) of one documents row. Raises when an extractor fails or emits a
    row its contract cannot hold (an unknown key, a value of the wrong type)."""
    parsed = ParsedDoc.of_row(doc, parse_text(doc["text"], nlp, settings.parse_cache, on_damaged))
    rows = extract_document(parsed)
    return rows, document_frames(rows)


def extract_one(doc: dict, nlp, settings: BuildSettings) -> Extracted:
    """One document under its time budget; an exception is its outcome, never raised."""
    damaged: list[None] = []
    try:
        with time_budget(document_seconds()):
            rows, frames = extract_fresh(doc, nlp, settings, lambda: damaged.append(None))
    except TooSlow as exc:  # a text that stalls the extractors
        return Extracted(error=exc, damaged=len(damaged))
    except Exception as exc:  # one bad document must not stop the release: the caller records it
        return Extracted(error=_sendable(exc), trace=traceback.format_exc(), damaged=len(damaged))
    return Extracted(rows, frames, damaged=len(damaged))


def _sendable(exc: Exception) -> Exception:
    """The exception, or one with its type's name and message where it cannot cross processes."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


_SHARED: dict = {}  # what forked workers inherit: the loaded pipeline and the build's settings


def _in_worker(doc: dict) -> Extracted:
    return extract_one(doc, _SHARED["nlp"], _SHARED["settings"])


def extract_all(todo: list[tuple[dict, str]], nlp, settings: BuildSettings,
                processes: int = 1) -> Iterator[tuple[dict, str, Extracted]]:
    """(documents row, cache key, Extracted) for each of `todo`, in order."""
    if not todo:
        return
    (doc, key), rest = todo[0], todo[1:]
    yield doc, key, extract_one(doc, nlp, settings)
    words = sum(d.get("n_words") or 0 for d, _ in rest)
    if processes < 2 or len(rest) < 2 or words < PARALLEL_MIN_WORDS or "fork" not in multiprocessing.get_all_start_methods():
        for doc, key in rest:
            yield doc, key, extract_one(doc, nlp, settings)
        return
    yield from _in_workers(rest, nlp, settings, processes)


def _in_workers(todo: list[tuple[dict, str]], nlp, settings: BuildSettings, processes: int) -> Iterator[tuple[dict, str, Extracted]]:
    _SHARED.update(nlp=nlp, settings=settings)
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"))
    done = 0
    try:
        futures = [pool.submit(_in_worker, doc) for doc, _ in todo]
        for (doc, key), future in zip(todo, futures):
            yield doc, key, _result(future)
            done += 1
    except BrokenProcessPool:  # a worker died (killed, out of memory): the rest are extracted here
        for doc, key in todo[done:]:
            yield doc, key, extract_one(doc, nlp, settings)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _SHARED.clear()


def _result(future) -> Extracted:
    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except Exception as exc:  # the result could not come back (it would not pickle): that document's error
        return Extracted(error=_sendable(exc), trace=traceback.format_exc())
