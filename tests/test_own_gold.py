"""The project's own gold (benchmarks/gold/): well formed, split once, and the sealed part kept
out of everything that trains or tunes."""
import importlib.util
import json
import sys
from pathlib import Path

from pipeline.evaluate.gold_parts import GOLD, gold_copy, part_files

ROOT = Path(__file__).resolve().parent.parent


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_gold_file_passes_its_checker(capsys):
    checker = load("gold_check", GOLD / "check.py")
    assert checker.main(["sealed", "tune"]) == 0, capsys.readouterr().out


def test_the_parts_do_not_overlap_and_the_sealed_part_is_as_first_split():
    sealed, tune = set(part_files("sealed")), set(part_files("tune"))
    assert sealed and tune and not sealed & tune
    first = load("gold_choose", GOLD / "choose.py").choose()
    assert sealed == {r["source_file"] for r in first if r["part"] == "sealed"}


def test_a_tune_copy_holds_no_sealed_document(tmp_path):
    copied = {p.relative_to(tmp_path / "own-tune").as_posix() for p in (tmp_path / "own-tune").rglob("*")
              if p.is_file() and p.name != "collection.yaml"} if gold_copy(tmp_path, "tune") else set()
    assert copied == set(part_files("tune"))
    assert not copied & set(part_files("sealed"))


def test_training_reads_the_gold_triggers_of_a_tune_document(nlp, tmp_path):
    trainer = load("train_event_model", ROOT / "scripts" / "train_event_model.py")
    from pipeline.ingest.corpus import ingest_corpus
    first_round = [r["source_file"] for r in json.loads((GOLD / "split.json").read_text(encoding="utf-8"))
                   if r["part"] == "tune" and "round" not in r and r["source_file"].startswith("whitehouse/")]
    source = min(first_round, key=lambda name: (ROOT / "sources" / name).stat().st_size)
    gold = json.loads((GOLD / "tune" / source.replace("/", "__").replace(".md", ".json")).read_text(encoding="utf-8"))
    (tmp_path / "whitehouse").mkdir()
    (tmp_path / "whitehouse" / "collection.yaml").write_bytes((ROOT / "sources/whitehouse/collection.yaml").read_bytes())
    (tmp_path / "whitehouse" / "x.md").write_bytes((ROOT / "sources" / source).read_bytes())
    document = ingest_corpus(tmp_path).documents[0]
    doc = nlp(document["text"])
    heads = trainer.gold_heads(doc, document["text"], gold["events"])
    assert set(heads.values()) <= {e["event_type"] for e in gold["events"]}
    assert len(heads) >= 0.5 * len({e["evidence"] for e in gold["events"]})
