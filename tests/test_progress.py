"""Stage progress lines give counts and a time left estimated from the words still to do."""
from __future__ import annotations

from pipeline import progress


def test_meter_estimates_time_left_from_words(monkeypatch):
    clock = iter([100.0, 110.0])
    monkeypatch.setattr(progress.time, "monotonic", lambda: next(clock))
    meter = progress.Meter(documents=10, words=3000)
    meter.add(1000)
    line = meter.line(4)
    # 1,000 words in 10 s: 100 words/s, so 2,000 words left take 20 s
    assert line == "4/10 documents, 1,000/3,000 words, 100 words/s, 20 s left"


def test_meter_without_progress_says_the_time_left_is_unknown(monkeypatch):
    monkeypatch.setattr(progress.time, "monotonic", lambda: 5.0)
    assert progress.Meter(documents=3, words=0).line(0).endswith("time left unknown")
