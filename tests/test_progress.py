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


def test_parallel_parse_stores_what_an_in_process_parse_stores(nlp, tmp_path):
    from spacy.tokens import DocBin

    from pipeline.nlp.parse import PARALLEL_MIN_WORDS, cache_key, parse_into_cache

    texts = [f"Japan and China held talks in Tokyo on day {i}.\n\nThe ministers agreed to meet again." for i in range(5)]
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert list(parse_into_cache(texts, nlp, serial, processes=1)) == [0, 1, 2, 3, 4]
    assert list(parse_into_cache(texts, nlp, parallel, processes=2, words=PARALLEL_MIN_WORDS)) == [0, 1, 2, 3, 4]
    for text in texts:
        name = f"{cache_key(text, nlp)}.spacy"
        one, two = (next(DocBin().from_disk(d / name).get_docs(nlp.vocab)) for d in (serial, parallel))
        assert one.to_json() == two.to_json()
        assert [s.start for s in one.sents] == [s.start for s in two.sents]
