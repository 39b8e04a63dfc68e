"""An attack whose target the sentence leaves out, read from the rest of the document.

"Russia launched its full-scale invasion in February 2022" names no target; an article that also
says "Russia's invasion of Ukraine" is about one war, and a reader (and the codebook's annotators)
takes its target from there. The target is taken only where the document names exactly one for
that doer; a doer attacking two parties leaves the sentence's row as it is."""
from __future__ import annotations

from collections import defaultdict

FILLED_TYPES = ("ASSAULT",)


def fill_attack_targets(rows: list[dict]) -> list[dict]:
    """Rows with a coded doer and no coded target take the doer's one target named elsewhere in the
    document; a target named but not a party ("attacks against civilians") keeps its words."""
    targets = _targets_by_doer(rows)
    for row in rows:
        if not _open(row):
            continue
        named = targets.get((row["event_type"], row["actor_code"]), {})
        if len(named) == 1:
            code, (name, entity_id) = next(iter(named.items()))
            row["recipient_code"] = code
            if row["recipient"] is None:
                row["recipient"], row["recipient_entity_id"] = name, entity_id
    return rows


def _targets_by_doer(rows: list[dict]) -> dict[tuple, dict[str, tuple]]:
    out: dict[tuple, dict[str, tuple]] = defaultdict(dict)
    for row in rows:
        code, doer = row["recipient_code"], row["actor_code"]
        if row["event_type"] in FILLED_TYPES and doer and code and code != doer:
            out[(row["event_type"], doer)].setdefault(code, (row["recipient"], row["recipient_entity_id"]))
    return out


def _open(row: dict) -> bool:
    """A row of a filled type whose doer is coded and whose target is neither a party nor an entity."""
    return (row["event_type"] in FILLED_TYPES and bool(row["actor_code"]) and row["recipient_code"] is None
            and row["recipient_entity_id"] is None)
