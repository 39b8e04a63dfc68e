"""Pairing predictions with gold items, and counting the pairs (codebook §9)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


def pair(predicted: list[dict], gold: list[dict], score: Callable[[dict, dict], float]) -> list[tuple[dict, dict]]:
    """Pairs of a prediction and a gold item, the best-scoring first, each item in at most one pair;
    a score of 0 never pairs. Ties go to the later row of each list, so that where two predictions
    could take one gold item the earlier one is left for a later gold item it also matches."""
    candidates = [(s, i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold) if (s := score(p, g)) > 0]
    candidates.sort(reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], gold[j]))
    return pairs


def unique(rows: list[dict], key: Callable[[dict], tuple]) -> list[dict]:
    """The first of each group of rows that repeat one another (same key): a repeat is one prediction."""
    seen, kept = set(), []
    for row in rows:
        k = key(row)
        if k not in seen:
            seen.add(k)
            kept.append(row)
    return kept


@dataclass
class Count:
    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, matched: int, predicted: int, gold: int) -> None:
        self.matched += matched
        self.predicted += predicted
        self.gold += gold

    def scores(self) -> dict:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                "tp": self.matched, "predicted": self.predicted, "gold": self.gold}


def share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0
