"""Check the project's own gold annotations: their form, their vocabularies, that every verbatim
string stands in its source, and that the files match `split.json`.

    python benchmarks/gold/check.py            # every part
    python benchmarks/gold/check.py sealed     # one part

A verbatim string may differ from the source in line breaks and spacing only (White House texts
are hard-wrapped; the build joins their lines). Exit status 1 on any problem.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from schemas.vocab import APPROXIMATIONS, DATE_PRECISIONS, EVENT_STATUSES, EVENT_TYPES, FIGURE_KINDS, QUOTE_TYPES  # noqa: E402

PARTS = ("sealed", "tune")
KEYS = {
    "file": {"source_file", "published_date", "published_date_precision", "speaking_state", "note", "quotes",
             "figures", "events"},
    "quotes": {"text", "speaker", "quote_type", "cue", "speaker_aliases", "note"},
    "figures": {"raw_text", "value", "value_low", "value_high", "value_max", "kind", "unit", "approximation",
                "measure", "period", "evidence", "subject", "note"},
    "events": {"event_type", "event_mode", "actor_code", "recipient_code", "event_date", "event_date_end",
               "date_precision", "date_text", "status", "trigger", "evidence", "actor", "recipient", "location",
               "location_code", "note"},
}
REQUIRED = {"quotes": {"text", "speaker", "quote_type"}, "figures": {"raw_text", "value", "kind", "evidence"},
            "events": {"event_type", "actor_code", "status", "evidence"}}
VOCAB = {("quotes", "quote_type"): QUOTE_TYPES, ("figures", "kind"): FIGURE_KINDS,
         ("figures", "approximation"): APPROXIMATIONS, ("events", "event_type"): EVENT_TYPES,
         ("events", "status"): EVENT_STATUSES, ("events", "date_precision"): DATE_PRECISIONS}
CODE = re.compile(r"^(?:[A-Z]{3}|[A-Z][A-Z0-9]{1,9})$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def gold_name(source_file: str) -> str:
    """The gold file of a source: its path with folders joined by '__' and a .json ending."""
    return re.sub(r"\.(txt|md)$", "", source_file).replace("/", "__") + ".json"


def flat(text: str) -> str:
    return " ".join(text.split())


def item_problems(table: str, i: int, item: dict, source: str) -> list[str]:
    where = f"{table}[{i}]"
    out = [f"{where}: unknown key {k!r}" for k in sorted(set(item) - KEYS[table])]
    out += [f"{where}: missing {k!r}" for k in sorted(REQUIRED[table] - set(item))]
    for (t, key), allowed in VOCAB.items():
        if t == table and item.get(key) is not None and item[key] not in allowed:
            out.append(f"{where}: {key} {item[key]!r} not one of {allowed}")
    for key in ("actor_code", "recipient_code"):
        if table == "events" and item.get(key) is not None and not CODE.match(item[key]):
            out.append(f"{where}: {key} {item[key]!r} is not an ISO3 or body code")
    if table == "events" and item.get("event_date") is not None and not DATE.match(item["event_date"]):
        out.append(f"{where}: event_date {item['event_date']!r} is not YYYY-MM-DD")
    for key in ("text", "raw_text", "evidence"):
        if item.get(key) and flat(item[key]) not in source:
            out.append(f"{where}.{key} not in source: {item[key][:80]!r}")
    return out


def file_problems(path: Path, expected: dict) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = [f"unknown key {k!r}" for k in sorted(set(data) - KEYS["file"])]
    if data.get("source_file") != expected["source_file"]:
        out.append(f"source_file {data.get('source_file')!r} is not {expected['source_file']!r}")
        return out
    source = flat((ROOT / "sources" / data["source_file"]).read_text(encoding="utf-8"))
    for table in ("quotes", "figures", "events"):
        for i, item in enumerate(data.get(table, [])):
            out += item_problems(table, i, item, source)
    return out


def main(parts: list[str]) -> int:
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    bad = 0
    for row in split:
        if row["part"] not in parts:
            continue
        path = HERE / row["part"] / gold_name(row["source_file"])
        if not path.exists():
            print(f"{row['part']}/{path.name}: not annotated yet")
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        problems = file_problems(path, row)
        bad += len(problems)
        for p in problems:
            print(f"{row['part']}/{path.name}: {p}")
        counts = ", ".join(f"{len(data.get(t, []))} {t}" for t in ("quotes", "figures", "events"))
        print(f"{row['part']}/{path.name}: {counts}")
    for part in parts:
        listed = {gold_name(r["source_file"]) for r in split if r["part"] == part}
        for stray in sorted(p.name for p in (HERE / part).glob("*.json") if p.name not in listed):
            bad += 1
            print(f"{part}/{stray}: not in split.json for this part")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or list(PARTS)))
