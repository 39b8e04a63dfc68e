"""`diplodata evaluate`: the project's scorer (codebook §9), on hand-made releases whose right
answers were counted by hand, on the project's own gold, and against the shared scorer."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from pipeline.cli import main
from pipeline.evaluate import MEASURES, evaluate
from pipeline.evaluate.scoring import same_date, same_speaker
from pipeline.evaluate.words import locate, word_overlap_f1

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OWN_GOLD = ROOT / "benchmarks" / "gold"

# Two documents with folders in their paths, as the project's own gold names them.
JOINT = ("Japan and the United States held talks in Tokyo on 12 May 2024. \"We will stand together,\" "
         "Prime Minister Fumio Kishida said. Trade rose to $185 billion, up 30% on the year.")
SPEECH = "My delegation condemns the invasion of Ukraine. Russia expelled 12 diplomats in March 2022."
DOCS = {"whitehouse/statements/2024-05/joint.md": ("d1", JOINT), "un-general-debate/JPN_79_2024.txt": ("d2", SPEECH)}


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def write_release(folder: Path, quotes: list[dict], figures: list[dict], events: list[dict],
                  docs: dict = DOCS) -> Path:
    """A release holding just what the scorer reads."""
    folder.mkdir(parents=True)
    pl.DataFrame([{"doc_id": i, "source_file": f, "text": t} for f, (i, t) in docs.items()]).write_parquet(
        folder / "documents.parquet")
    schemas = {"quotes": {"doc_id": pl.String, "text": pl.String, "speaker": pl.String},
               "figures": {"doc_id": pl.String, "kind": pl.String, "value": pl.Float64, "unit": pl.String,
                           "char_start": pl.Int64, "char_end": pl.Int64, "sentence": pl.String},
               "events": {"doc_id": pl.String, "event_type": pl.String, "actor_code": pl.String,
                          "recipient_code": pl.String, "event_date": pl.Date, "char_start": pl.Int64,
                          "char_end": pl.Int64, "sentence": pl.String}}
    for name, rows in (("quotes", quotes), ("figures", figures), ("events", events)):
        pl.DataFrame(rows, schema=schemas[name]).write_parquet(folder / f"{name}.parquet")
    return folder


def write_gold(folder: Path) -> Path:
    folder.mkdir(parents=True)
    gold = {
        "whitehouse/statements/2024-05/joint.md": {
            "quotes": [{"text": "We will stand together,", "speaker": "Fumio Kishida", "quote_type": "full"}],
            "figures": [{"raw_text": "$185 billion", "value": 185e9, "kind": "money", "unit": "USD",
                         "evidence": "Trade rose to $185 billion"},
                        {"raw_text": "30%", "value": 30, "kind": "percent", "unit": "%", "evidence": "up 30% on the year"}],
            "events": [{"event_type": "CONSULT", "actor_code": "JPN", "recipient_code": "USA",
                        "event_date": "2024-05-12", "date_precision": "day", "evidence": "held talks in Tokyo"},
                       {"event_type": "CONSULT", "actor_code": "USA", "recipient_code": "JPN",
                        "event_date": "2024-05-12", "date_precision": "day", "evidence": "held talks in Tokyo"}]},
        "un-general-debate/JPN_79_2024.txt": {
            "quotes": [],
            "figures": [{"raw_text": "12", "value": 12, "kind": "count", "unit": "diplomat",
                         "evidence": "expelled 12 diplomats"}],
            "events": [{"event_type": "ACCUSE", "actor_code": "JPN", "recipient_code": "RUS", "event_date": None,
                        "date_precision": None, "evidence": "condemns the invasion"},
                       {"event_type": "COERCE", "actor_code": "RUS", "recipient_code": None,
                        "event_date": "2022-03-01", "date_precision": "month", "evidence": "Russia expelled 12 diplomats"}]},
    }
    for source_file, items in gold.items():
        name = source_file.replace("/", "__").rsplit(".", 1)[0] + ".json"
        (folder / name).write_text(json.dumps({"source_file": source_file, **items}), encoding="utf-8")
    return folder


def figure(doc: str, text: str, words: str, kind: str, value: float, unit: str | None) -> dict:
    start, end = span(text, words)
    return {"doc_id": doc, "kind": kind, "value": value, "unit": unit, "char_start": start, "char_end": end,
            "sentence": text}


def event(doc: str, text: str, words: str, kind: str, actor, recipient, date) -> dict:
    start, end = span(text, words)
    return {"doc_id": doc, "event_type": kind, "actor_code": actor, "recipient_code": recipient,
            "event_date": date, "char_start": start, "char_end": end, "sentence": text}


@pytest.fixture
def hand_made(tmp_path):
    """Predictions with known mistakes, each counted by hand in the test below."""
    quotes = [{"doc_id": "d1", "text": "We will stand together", "speaker": "Kishida"},    # match, speaker right
              {"doc_id": "d1", "text": "We will stand together", "speaker": "Kishida"},    # repeat: counts once
              {"doc_id": "d2", "text": "My delegation condemns", "speaker": "JPN"}]        # no gold: a false quote
    figures = [figure("d1", JOINT, "$185 billion", "money", 185.1e9, "USD"),  # within 0.1 %: match, unit right
               figure("d1", JOINT, "30%", "percent", 30, "percent"),           # match, unit wrong
               figure("d2", SPEECH, "12", "count", 13, "diplomat")]            # value wrong: no match
    events = [event("d1", JOINT, "held talks", "CONSULT", "JPN", "USA", dt.date(2024, 5, 12)),  # full match
              event("d1", JOINT, "held talks", "CONSULT", "USA", "JPN", dt.date(2024, 5, 13)),  # type only: wrong day
              event("d2", SPEECH, "condemns", "ACCUSE", "jpn ", "RUS", None),                  # full (codes normalised)
              event("d2", SPEECH, "expelled", "COERCE", "RUS", None, dt.date(2022, 3, 30)),    # full: month precision
              event("d2", SPEECH, "expelled", "SANCTION", "RUS", None, None)]                  # wrong type
    return write_release(tmp_path / "release", quotes, figures, events), write_gold(tmp_path / "gold")


def test_hand_counted_release(hand_made):
    release, gold = hand_made
    result = evaluate(release, gold)
    got = {name: (result[name]["tp"], result[name]["predicted"], result[name]["gold"]) for name in MEASURES}
    assert got == {"quotes": (1, 2, 1), "quotes_speaker": (1, 2, 1), "figures": (2, 3, 3),
                   "events_type": (4, 5, 4), "events_full": (3, 5, 4)}
    assert result["quotes"]["precision"] == 0.5 and result["quotes"]["f1"] == 0.667
    assert result["figures"]["recall"] == 0.667 and result["figures"]["unit_accuracy"] == 0.5
    assert result["events_full"] == {"precision": 0.6, "recall": 0.75, "f1": 0.667, "tp": 3, "predicted": 5, "gold": 4}
    assert result["quotes"]["speaker_accuracy"] == 1.0 and result["notes"] == []


def test_cli_prints_json_and_a_table(hand_made, capsys):
    release, gold = hand_made
    assert main(["evaluate", str(gold), "--release", str(release), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["events_type"]["tp"] == 4
    assert main(["evaluate", str(gold), "--release", str(release.parent)]) == 2  # no release there
    assert "no release at" in capsys.readouterr().err
    assert main(["evaluate", str(gold), "--release", str(release)]) == 0
    lines = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["events_full", "0.600", "0.750", "0.667", "3", "5", "4"] in lines


def test_gold_that_cannot_be_placed_is_named(hand_made, tmp_path):
    release, gold = hand_made
    (gold / "missing.json").write_text(json.dumps({"source_file": "elsewhere/x.txt", "quotes": [], "figures": [],
                                                   "events": [{"event_type": "AID", "evidence": "not there"}]}))
    result = evaluate(release, gold)
    assert result["events_type"]["gold"] == 5
    assert result["notes"] == ["missing: elsewhere/x.txt is not in the release",
                               "missing: evidence not in documents.text: 'not there'"]


def test_words_and_names():
    assert word_overlap_f1("It\u2019s a DEAL", "it's a deal") == 1.0
    assert word_overlap_f1("a b c d", "a b") == pytest.approx(2 / 3)
    text = "The two leaders\n  agreed [to meet](https://x.org/a) again."
    assert locate("leaders agreed to meet again", text) == [(8, len(text) - 1)]
    assert locate("meet again x", text) == []
    assert locate("leaders", "leaders and leaders") == [(0, 7), (12, 19)]
    assert same_speaker("Putin", {"speaker": "Vladimir Putin"})
    assert same_speaker("Vladimir V. Putin", {"speaker": "Vladimir Putin"})
    assert not same_speaker("Sergei Lavrov", {"speaker": "Vladimir Putin"})
    assert same_speaker("the Kremlin", {"speaker": "Dmitry Peskov", "speaker_aliases": ["Kremlin"]})
    assert same_date(dt.date(2022, 3, 30), "2022-03-01", "month") and not same_date(None, "2022-03-01", "month")
    assert same_date(None, None, None) and not same_date(dt.date(2023, 1, 1), "2022-01-01", "year")


def own_gold_document(part: str, source_file: str) -> dict:
    name = source_file.replace("/", "__").rsplit(".", 1)[0] + ".json"
    return json.loads((OWN_GOLD / part / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("part, source_file", [
    ("sealed", "un-general-debate/JPN_79_2024.txt"),
    ("sealed", "whitehouse/statements-releases/2024-09/"
               "2024-09-20-readout-of-president-bidens-meeting-with-prime-minister-albanese-of-australia-2.md")])
def test_own_gold_is_scored_in_its_source_text(tmp_path, part, source_file):
    """A release that predicts exactly the gold of a real corpus document (at the place the gold
    evidence stands in the raw, hard-wrapped source) scores 1 everywhere; one event missing and one
    quote or figure missing lower recall by exactly one each."""
    gold = own_gold_document(part, source_file)
    text = (ROOT / "sources" / source_file).read_text(encoding="utf-8")
    docs = {source_file: ("d", text)}
    place = lambda evidence: locate(evidence, text)[0]  # noqa: E731
    quotes = [{"doc_id": "d", "text": q["text"], "speaker": q["speaker"]} for q in gold["quotes"]]
    figures = [{"doc_id": "d", "kind": f["kind"], "value": float(f["value"]), "unit": f.get("unit"),
                "char_start": place(f["evidence"])[0], "char_end": place(f["evidence"])[1], "sentence": f["evidence"]}
               for f in gold["figures"]]
    events = [{"doc_id": "d", "event_type": e["event_type"], "actor_code": e["actor_code"],
               "recipient_code": e["recipient_code"],
               "event_date": dt.date.fromisoformat(e["event_date"]) if e["event_date"] else None,
               "char_start": place(e["evidence"])[0], "char_end": place(e["evidence"])[1],
               "sentence": f"{e['evidence']} {n}"}  # one sentence each: no two rows are repeats
              for n, e in enumerate(gold["events"])]
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "doc.json").write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate(write_release(tmp_path / "all", quotes, figures, events, docs), folder)
    assert result["notes"] == []
    assert all(result[m]["f1"] == 1.0 for m in MEASURES if result[m]["gold"])
    fewer = evaluate(write_release(tmp_path / "fewer", quotes[1:], figures[1:], events[1:], docs), folder)
    assert fewer["events_full"]["tp"] == len(events) - 1 and fewer["figures"]["tp"] == len(figures) - 1
    assert fewer["quotes"]["tp"] == max(len(quotes) - 1, 0)


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file() or not (SHARED / "gold" / "dev").is_dir(),
                    reason="needs the shared scorer and gold beside the clone (../shared)")
def test_same_figures_as_the_shared_scorer_on_dev(tmp_path_factory):
    from tests.test_release_package import seed_release

    release = seed_release(tmp_path_factory)
    ours = evaluate(release, SHARED / "gold" / "dev")
    shared = json.loads(subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(release), str(SHARED / "gold" / "dev"), "--json"],
        check=True, capture_output=True, text=True).stdout)
    for name in MEASURES:
        for key in ("precision", "recall", "f1"):
            assert ours[name][key] == pytest.approx(shared[name][key], abs=0.005), (name, key)
    assert ours["quotes"]["speaker_accuracy"] == pytest.approx(shared["quotes"]["speaker_accuracy"], abs=0.005)
    assert ours["figures"]["unit_accuracy"] == pytest.approx(shared["figures"]["unit_accuracy"], abs=0.005)
    assert ours["events_type"]["gold"] > 0 and ours["quotes"]["tp"] > 0  # a real comparison, not of empties
