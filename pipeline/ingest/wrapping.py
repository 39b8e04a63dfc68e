"""Plain-text sources hard-wrapped at a fixed width (a third of the UN General Debate statements:
"Japan\nsigned the International Convention for the\nSuppression of ..."). A line break inside a
sentence splits it for the parser, which then reads "the\nSuppression" as two sentences; so a line
that ends mid-sentence is joined to the next one. A line that ends a sentence keeps its break, which
is where these files end their paragraphs (they have no blank lines). Text written a paragraph per
line, as news articles are, is left as it is."""
from __future__ import annotations

import re
import statistics

# a line that ends a sentence or a label's colon, with a closing quotation or bold mark after it
ENDS_SENTENCE = re.compile(r"[.!?:]['\"\u201d\u2019)\]*_]*\s*$")
# a title or an initial before a name ("Mr.\nKofi Annan"): the sentence goes on
ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Messrs|Dr|St|No|Nos|Gen|Lt|Col|Sen|Rep|Prof|Mt)|\b[A-Z])\.\s*$")
# a label or a lead-in, bold or not ("**Sen. X**:"): what follows is its own line
LABEL_END = re.compile(r":[*_]*$")
# a line broken inside a word: "fifty-" + "sixth"
BROKEN_WORD = re.compile(r"[A-Za-z]-$")
# list items, markup and links: a text marked up this way is Markdown saved as text, whose lines
# carry structure (items, labels) that joining would lose
MARKUP = re.compile(r"\s*(?:[-*+\u2022]\s|#|<|\|)|.*\]\(")
MIN_SHARE = 0.5   # of lines followed by another line, ending mid-sentence
MIN_LINES = 10
MIN_WIDTH = 40     # median length of those lines: a wrap width, not a header of short lines
PARAGRAPH_LINES = 12  # mean lines of a block that is one paragraph


def hard_wrapped(lines: list[str]) -> bool:
    """Lines run on into the next line, at a width: the text was wrapped, not written a paragraph
    per line (a byline over a dateline, "Transcript" over a date, are short and few)."""
    inner = [line for line, nxt in zip(lines, lines[1:]) if line.strip() and nxt.strip()]
    runs = [line for line in inner if _runs_on(line)]
    if len(runs) < MIN_LINES or len(runs) < MIN_SHARE * len(inner):
        return False
    if sum(1 for line in lines if MARKUP.match(line)) >= 3:
        return False
    return statistics.median(len(line) for line in runs) >= MIN_WIDTH


def unwrap_plain(text: str) -> str:
    """Each sentence on one line: lines of a hard-wrapped text that end mid-sentence are joined to
    the next non-blank line. Where blank lines part short blocks, each block is a paragraph and is
    joined whole (but for a line ending in a colon, a label or a lead-in); where they do not (the UN
    statements run paragraphs together), a sentence-final break stays as the paragraph's end."""
    lines = text.split("\n")
    if not hard_wrapped(lines):
        return text
    whole = _blocks_are_paragraphs(lines)
    out: list[str] = []
    for line in lines:
        prev = out[-1].rstrip() if out else ""
        if prev and line.strip() and (_runs_on(prev) or whole and not LABEL_END.search(prev)):
            joiner = "" if BROKEN_WORD.search(prev) and line.lstrip()[:1].islower() else " "
            out[-1] = prev + joiner + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _blocks_are_paragraphs(lines: list[str]) -> bool:
    size, sizes = 0, []
    for line in lines + [""]:
        if line.strip():
            size += 1
        elif size:
            sizes.append(size)
            size = 0
    return len(sizes) >= 3 and statistics.mean(sizes) <= PARAGRAPH_LINES


def _runs_on(line: str) -> bool:
    return not ENDS_SENTENCE.search(line) or bool(ABBREVIATION.search(line))
