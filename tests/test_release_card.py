"""The data card reads whole inside the release: it opens with the Hugging Face dataset-card header,
every relative link in it resolves to a file of the release, and its accuracy table is
docs/quality.json, which benchmarks/quality.py writes with `diplodata evaluate`."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from pipeline.release.datacard import load_quality
from schemas import TABLES
from schemas.dictionary import dictionary_markdown
from tests.test_release_package import seed_release

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
HUB_SIZES = {"n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "n>10M"}


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    return seed_release(tmp_path_factory)


@pytest.fixture(scope="module")
def card(release):
    return (release / "README.md").read_text(encoding="utf-8")


def relative_links(markdown: str) -> list[str]:
    """Targets of Markdown links and images that are neither addresses nor anchors on the page."""
    targets = LINK.findall(markdown)
    return [t for t in targets if not re.match(r"^[a-z][a-z0-9+.-]*:", t, re.I) and not t.startswith("#")]


def test_every_relative_link_of_the_card_resolves_inside_the_release(release, card):
    links = relative_links(card)
    assert {"CODEBOOK.md", "DATA_DICTIONARY.md", "CODEBOOK.md#9-gold-annotations-and-scoring"} <= set(links)
    for link in links:
        target = (release / link.split("#")[0]).resolve()
        assert target.is_file() and target.parent == release.resolve(), link
    assert "docs/CODEBOOK.md" not in card


def test_the_codebook_anchor_the_card_links_exists(release):
    headings = re.findall(r"^#+ (.+)$", (release / "CODEBOOK.md").read_text(encoding="utf-8"), re.M)
    anchors = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}
    assert "9-gold-annotations-and-scoring" in anchors


def test_release_carries_the_codebook_and_dictionary_in_its_manifest(release):
    listed = {e["path"] for e in json.loads((release / "manifest.json").read_text())["outputs"]}
    assert {"CODEBOOK.md", "DATA_DICTIONARY.md"} <= listed
    assert (release / "CODEBOOK.md").read_bytes() == (ROOT / "docs" / "CODEBOOK.md").read_bytes()
    assert (release / "DATA_DICTIONARY.md").read_text(encoding="utf-8") == dictionary_markdown()


def test_card_opens_with_the_hub_dataset_card_header(release, card):
    assert card.startswith("---\n")
    header = yaml.safe_load(card.split("---\n")[1])
    assert header["license"] == "cc-by-4.0" and header["pretty_name"] and header["language"] == ["en"]
    assert header["task_categories"] and set(header["size_categories"]) <= HUB_SIZES
    configs = {c["config_name"]: c for c in header["configs"]}
    assert list(configs) == list(TABLES)
    assert [name for name, c in configs.items() if c.get("default")] == ["events"]
    for name, config in configs.items():
        assert config["data_files"] == [{"split": "train", "path": f"{name}.parquet"}]
        assert (release / f"{name}.parquet").is_file()
    assert card.split("---\n", 2)[2].lstrip().startswith("# diplodata release ")


def test_accuracy_table_is_the_evaluate_measurement(card):
    quality = load_quality()
    assert {m["set"] for m in quality["measurements"]} == {"dev", "dev2", "own-sealed", "own-tune", "articles-sealed", "articles-tune",
                                                          "articles2-sealed", "articles2-tune"}
    for m in quality["measurements"]:
        assert "diplodata evaluate " in m["command"] and "score.py" not in m["command"]
        assert m["command"] in card
        f = m["metrics"]["events_full"]
        assert f"| events_full | {f['precision']} | {f['recall']} | {f['f1']} | {f['tp']} |" in card
    assert "score.py" not in card  # no scorer outside the project is named


def test_the_card_shows_the_rules_alone_measures_beside_the_model():
    from pipeline.release.datacard import metric_rows

    m = {"precision": 0.5, "recall": 0.25, "f1": 0.333, "tp": 1, "predicted": 2, "gold": 4}
    rows = metric_rows({"events_type": m, "events_rules_alone": {"events_type": dict(m, f1=0.2)}})
    assert [r[0] for r in rows] == ["events_type", "events_type (events rules alone)"]
    assert rows[1][3] == 0.2
