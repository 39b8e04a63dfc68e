"""A quantity found in the text: its span, value, kind, unit and approximation."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    kind: str | None = None
    unit: str | None = None
    approximation: str = "exact"
    low: float | None = None
    high: float | None = None
    core_start: int = 0
    core_end: int = 0
    words: bool = False          # spelled out ("eight")
    vague: bool = False          # "thousands of"
    elided: bool = False         # "300 more": the counted noun is elided
    qualified: bool = False      # a qualifier stands before the number
    verb_multiple: bool = False  # "doubled": figures.py checks it is a verb
    compound_noun: str | None = None  # "eight-point" -> "point"
    flags: set = field(default_factory=set)
