"""A time budget for one document's extraction, so one pathological text cannot stall a build.

SIGALRM interrupts the extraction in the main thread; elsewhere (signals reach only the main
thread) there is no budget. Python runs the handler between bytecodes, so a single long C call
(one regex search, one spaCy batch) ends before the budget can stop it: the regexes that run on
whole texts are kept linear for that reason (tests/test_bounded_work.py).
"""
from __future__ import annotations

import contextlib
import signal
import threading
import time
from typing import Iterator


class TooSlow(BaseException):
    """Raised inside a document's extraction when its budget runs out. A BaseException, so an
    extractor's own `except Exception` cannot swallow it and carry on."""


def can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise TooSlow in the body once it has run `seconds`; no budget when `seconds` <= 0 or off
    the main thread. The previous SIGALRM handler and any timer already running are restored."""
    if seconds <= 0 or not can_interrupt():
        yield
        return
    armed = {"on": True}

    def expire(signum, frame):
        if armed["on"]:
            raise TooSlow(f"extraction took longer than the time budget of {seconds:g} s "
                          f"(DIPLODATA_DOCUMENT_SECONDS)")

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    earlier, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        try:
            yield
        finally:
            armed["on"] = False
    finally:  # runs even when the alarm fired during the inner `finally`: the timer is one-shot
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if earlier > 0:  # someone else's timer was running: give it back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(earlier - (time.monotonic() - started), 0.001), interval)
