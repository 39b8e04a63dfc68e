"""One helper for every place a file name (or a message holding one) is shown to a person: the
terminal (CLI output) and Markdown (CHANGELOG.md, the data card).

A source's name is chosen by whoever wrote the file, and may hold control characters: an ANSI
escape (`ESC [ 2 J` clears the screen; `ESC ] 8` forges a link), a carriage return that overwrites
the line, a bidirectional override that reorders it. Each such character is shown as a visible
escape (`\\x1b`, `\\u202e`), so a sequence can no longer act and the name stays recognisable.
Tables and JSON keep the exact name: the release's JSON files are written with `ensure_ascii`,
which escapes every control character as `\\u00XX` and gives the exact name back when parsed.
"""
from __future__ import annotations

import re

# C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional embeddings,
# overrides and isolates. Tab and newline too: a name is one line.
# Lone surrogates (a name that is not valid UTF-8) too: printing them would raise.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text) -> str:
    """`text` with every control, separator and bidi character escaped; anything else unchanged."""
    return UNSAFE.sub(_escape, "" if text is None else str(text))
