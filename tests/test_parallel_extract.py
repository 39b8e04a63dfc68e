"""Fresh documents extracted in forked worker processes (`pipeline.extract.fresh`): the same rows in
the same order as in one process, an extractor's exception or a stalled text recorded for its own
document, and a worker that dies costing speed, not rows."""
import os
import time

import pytest

import pipeline.extract.document as document
import pipeline.extract.fresh as fresh
from pipeline.ingest.corpus import ingest_corpus
from pipeline.nlp.parse import load_model
from pipeline.resources import BuildSettings

pytestmark = pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                                reason="workers are forked; elsewhere extraction runs in one process")

ARTICLE = ("Defence Minister {name} of Canada met his Norwegian counterpart in Oslo on Monday.\n\n"
           "“We will patrol the Arctic together,” {name} said.\n\n"
           "Canada will send 300 troops and two frigates to the region, the ministry said.\n")
NAMES = ["Blair", "Anand", "McKay", "Sajjan", "Eggleton", "Collenette"]


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "sources"
    src.mkdir()
    for i, name in enumerate(NAMES):
        (src / f"d{i}.txt").write_text(ARTICLE.format(name=name), encoding="utf-8")
    todo = [(doc, doc["doc_id"]) for doc in ingest_corpus(src).documents]
    return todo, BuildSettings(sources_dir=str(src), outputs_dir=str(tmp_path / "out"))


@pytest.fixture
def workers(monkeypatch):
    monkeypatch.setattr(fresh, "PARALLEL_MIN_WORDS", 0)  # the fixtures are short texts


def pids_of(tmp_path, monkeypatch, hook=lambda parsed: None):
    """Wrap the event extractor to note the process each document was extracted in."""
    seen, real = tmp_path / "pids", document.extract_events
    seen.mkdir()

    def noted(parsed):
        (seen / f"{os.getpid()}-{parsed.doc_id}").touch()
        hook(parsed)
        return real(parsed)
    monkeypatch.setattr(document, "extract_events", noted)
    return lambda: {int(p.name.split("-")[0]) for p in seen.iterdir()}


def test_workers_give_the_rows_of_one_process_in_the_documents_order(corpus, workers, tmp_path, monkeypatch):
    todo, settings = corpus
    nlp = load_model()
    alone = list(fresh.extract_all(todo, nlp, settings, processes=1))
    pids = pids_of(tmp_path, monkeypatch)
    together = list(fresh.extract_all(todo, nlp, settings, processes=2))
    assert [d["doc_id"] for d, _, _ in together] == [d["doc_id"] for d, _ in todo]
    assert all(x.error is None for _, _, x in together)
    assert [x.rows for _, _, x in together] == [x.rows for _, _, x in alone]
    assert any(x.rows["events"] for _, _, x in together) and any(x.rows["figures"] for _, _, x in together)
    assert len(pids() - {os.getpid()}) >= 1  # some were extracted in a worker


def test_an_extractor_exception_in_a_worker_is_that_documents_error(corpus, workers, tmp_path, monkeypatch):
    todo, settings = corpus

    def fails_on_mckay(parsed):
        if "McKay" in parsed.text:
            raise ValueError("no verb in sight")
    pids_of(tmp_path, monkeypatch, fails_on_mckay)
    out = {d["doc_id"]: x for d, _, x in fresh.extract_all(todo, load_model(), settings, processes=2)}
    bad = [x for x in out.values() if x.error is not None]
    assert len(bad) == 1 and isinstance(bad[0].error, ValueError) and "no verb in sight" in str(bad[0].error)
    assert "fails_on_mckay" in bad[0].trace and bad[0].rows is None
    assert sum(x.rows is not None for x in out.values()) == len(NAMES) - 1


def test_an_exception_that_cannot_cross_processes_keeps_its_type_name_and_message(corpus, workers, tmp_path, monkeypatch):
    todo, settings = corpus

    class Local(Exception):  # a class defined in a function cannot be pickled
        pass

    def fails_on_anand(parsed):
        if "Anand" in parsed.text:
            raise Local("held a lock")
    pids_of(tmp_path, monkeypatch, fails_on_anand)
    errors = [x.error for _, _, x in fresh.extract_all(todo, load_model(), settings, processes=2) if x.error]
    assert [str(e) for e in errors] == ["Local: held a lock"]


def test_a_worker_that_dies_costs_speed_not_rows(corpus, workers, tmp_path, monkeypatch):
    todo, settings = corpus
    parent = os.getpid()

    def dies_in_a_worker_on_sajjan(parsed):
        if "Sajjan" in parsed.text and os.getpid() != parent:
            os._exit(3)  # as if killed: no exception, no result
    pids = pids_of(tmp_path, monkeypatch, dies_in_a_worker_on_sajjan)
    out = list(fresh.extract_all(todo, load_model(), settings, processes=2))
    assert [d["doc_id"] for d, _, _ in out] == [d["doc_id"] for d, _ in todo]
    assert all(x.error is None and x.rows["sentences"] for _, _, x in out)
    assert len(pids()) >= 2  # the document that killed its worker was extracted again here


def test_a_stalled_document_in_a_worker_runs_out_of_its_budget(corpus, workers, tmp_path, monkeypatch):
    todo, settings = corpus
    monkeypatch.setenv("DIPLODATA_DOCUMENT_SECONDS", "3")
    load_model(), list(fresh.extract_all(todo[:1], load_model(), settings))  # dictionaries loaded before the budget

    def stalls_on_eggleton(parsed):
        while "Eggleton" in parsed.text:
            time.sleep(0.05)
    pids_of(tmp_path, monkeypatch, stalls_on_eggleton)
    out = [x for _, _, x in fresh.extract_all(todo, load_model(), settings, processes=2)]
    slow = [x for x in out if x.error is not None]
    assert len(slow) == 1 and isinstance(slow[0].error, fresh.TooSlow) and "time budget of 3 s" in str(slow[0].error)
    assert sum(x.rows is not None for x in out) == len(NAMES) - 1
