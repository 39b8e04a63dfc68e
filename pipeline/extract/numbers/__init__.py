"""Number grammar: find quantities in plain text, without spaCy.

`scan(text)` returns every candidate quantity with its span, value, kind, unit
and approximation; `parse_quantity(s)` reads one. Candidates whose kind is
None are bare numbers ("eight", "188"): whether they count something is a
grammatical question left to `figures.py`, which has the parse.
The lexicon lives in pipeline/data/units.yaml.

Modules, from the lexicon up to the reader:
  quantity  Quantity: one candidate and its span
  lexicon   units.yaml and the regular expressions built from it
  words     numbers in digits or words, and the scale words after them
  units     the currency before a number, the unit or measure word after it
  context   what surrounds a number: blocked spans, glued names, qualifiers, identifier words
  extend    approximations and ranges: a number widened to its currency, scale, range and unit
  phrases   quantities with no digits to start from: fractions, durations, vague amounts, multiples
  reader    scan: every quantity in a text, left to right
"""
from __future__ import annotations

from pipeline.extract.numbers.context import _blocked_spans, identifier_numbers
from pipeline.extract.numbers.lexicon import UNITS_PATH, lexicon, patterns
from pipeline.extract.numbers.quantity import Quantity
from pipeline.extract.numbers.reader import parse_number, parse_quantity, scan

# _blocked_spans: tests/test_bounded_work.py times it on long texts
__all__ = ["Quantity", "UNITS_PATH", "_blocked_spans", "identifier_numbers", "lexicon", "parse_number",
           "parse_quantity", "patterns", "scan"]
