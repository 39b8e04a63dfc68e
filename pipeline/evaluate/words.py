"""Words as the scorer compares them: case, Unicode forms and curly apostrophes do not count,
and Markdown link targets and bare URLs are not text (codebook §9)."""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

WORD = re.compile(r"[\w'\u2018\u2019]+")
# a Markdown link target or a bare address: never text a quote or evidence can be made of
NOT_TEXT = re.compile(r"\]\(\S+?\)|https?://\S+")
APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'"})


def normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().translate(APOSTROPHES)


def words(text: str | None) -> list[str]:
    """The normalised words of `text`, in order."""
    return re.findall(r"[\w']+", normal(text)) if text else []


def joined(text: str | None) -> str:
    return " ".join(words(text))


def word_overlap_f1(a: str | None, b: str | None) -> float:
    """F1 of the two texts' words counted as multisets (0 when they share none)."""
    ours, theirs = Counter(words(a)), Counter(words(b))
    shared = sum((ours & theirs).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(ours.values()), shared / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


@functools.lru_cache(maxsize=8)  # one document's words, for every gold item not found verbatim in it
def placed_words(text: str) -> list[tuple[str, int, int]]:
    """Each word of `text` outside link targets and URLs, normalised, with its offsets."""
    hidden = [m.span() for m in NOT_TEXT.finditer(text)]
    found = []
    for m in WORD.finditer(text):
        if any(start <= m.start() < end for start, end in hidden):
            continue
        found.append((joined(m.group()) or m.group(), m.start(), m.end()))
    return found


def locate(needle: str | None, text: str) -> list[tuple[int, int]]:
    """Every place `needle` stands in `text`: verbatim, or else as the same words in the same order,
    since the build rewraps lines, collapses spaces and drops link targets."""
    if not needle:
        return []
    verbatim = [(m.start(), m.start() + len(needle)) for m in re.finditer(f"(?={re.escape(needle)})", text)]
    if verbatim:
        return verbatim
    want = [w for w, _, _ in placed_words(needle)]
    have = placed_words(text)
    size = len(want)
    if not size:
        return []
    return [(have[i][1], have[i + size - 1][2]) for i in range(len(have) - size + 1)
            if all(have[i + k][0] == want[k] for k in range(size))]
