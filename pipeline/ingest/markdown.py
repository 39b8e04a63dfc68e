"""Markdown link targets and escapes in the body text.

A page saved as markdown carries "[trade deal](https://...)": the target is not prose, and left in
place it breaks sentences and the parse around the link. The published text keeps the link words;
each removed target is recorded as furniture (kind `link_target`) so nothing disappears silently.
"""
from __future__ import annotations

import re

# "[words](target)" or "![alt](target)"; the words may wrap over a line; a target may hold one level
# of parentheses (wiki addresses) and an optional "title"
LINK = re.compile(r"!?\[(?P<words>[^\[\]\n]{1,300}(?:\n[^\[\]\n]{0,300}){0,3})\]"
                  r"\((?P<target>(?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"\n]*\")?)\)")
ESCAPE = re.compile(r"\\([\[\]*_#`])")


def strip_links(text: str) -> tuple[str, list[dict]]:
    """(text with link words only and markdown escapes undone, [{kind, text}] of removed targets)."""
    removed: list[dict] = []

    def keep_words(m: re.Match) -> str:
        removed.append({"kind": "link_target", "text": m.group("target")})
        return m.group("words")

    return ESCAPE.sub(r"\1", LINK.sub(keep_words, text)), removed
