"""Measuring a release against hand annotations: `diplodata evaluate` (codebook §9)."""
from __future__ import annotations

from pipeline.evaluate.scoring import MEASURES, evaluate

__all__ = ["MEASURES", "evaluate"]
