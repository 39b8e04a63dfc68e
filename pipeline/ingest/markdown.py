"""Markdown in the body text: link targets and escapes (every source), and the markup of `.md`
sources.

A page saved as markdown carries "[trade deal](https://...)": the target is not prose, and left in
place it breaks sentences and the parse around the link. The published text keeps the link words;
each removed target is recorded as furniture (kind `link_target`) so nothing disappears silently.

A `.md` source is also hard-wrapped and decorated: `clean_markdown` gives the text a reader sees,
one paragraph (or list item, or heading) per line, without emphasis, heading or list markers. The
result is the text every offset refers to; it is computed once, before anything reads offsets.
"""
from __future__ import annotations

import re
import unicodedata

# "[words](target)" or "![alt](target)"; the words may wrap over a line; a target may hold one level
# of parentheses (wiki addresses) and an optional "title"
LINK = re.compile(r"!?\[(?P<words>[^\[\]\n]{1,300}(?:\n[^\[\]\n]{0,300}){0,3})\]"
                  r"\((?P<target>(?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"\n]*\")?)\)")
ESCAPE = re.compile(r"\\([\[\]*_#`])")
# A backslash ending a line is a hard line break in Markdown; in a plain-text copy it is left over.
HARD_BREAK = re.compile(r"(?<!\\)\\[ \t]*$", re.MULTILINE)
# "Biden\u2019s": a converter wrote the character as a JSON-style escape. Left in, it splits the
# word and its possessive for the parser. Only printable characters are decoded.
LITERAL_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def decode_escapes(text: str) -> str:
    """The text with literal "\\uXXXX" escapes of printable characters written as the characters."""
    return LITERAL_ESCAPE.sub(_character, text) if "\\u" in text else text


def _character(m: re.Match) -> str:
    char = chr(int(m.group(1), 16))
    return char if unicodedata.category(char) not in {"Cc", "Cs", "Co", "Cn"} else m.group()


def strip_links(text: str) -> tuple[str, list[dict]]:
    """(text with link words only and markdown escapes undone, [{kind, text}] of removed targets)."""
    text, removed = _links(text)
    return HARD_BREAK.sub("", ESCAPE.sub(r"\1", text)), removed


def _links(text: str) -> tuple[str, list[dict]]:
    removed: list[dict] = []

    def keep_words(m: re.Match) -> str:
        removed.append({"kind": "link_target", "text": m.group("target")})
        return m.group("words")

    return LINK.sub(keep_words, text), removed


# Markdown sources, in two steps around furniture removal:
# 1. `unwrap_markdown`: one line per paragraph, list item, heading or hard line break, markup kept.
#    Furniture rules work on lines; on hard-wrapped text a line is a fragment of a sentence, and
#    "follow us: the power of our example." or a wrapped line holding only links would be cut out
#    of the middle of a sentence.
# 2. `clean_markdown`: the markup goes from each line (markers, emphasis, links, escapes).

RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
# The closing hashes and the trailing blanks start only where a run of blanks starts: the lazy text
# tried them at every blank of a long run, each rescanning the rest of it (quadratic).
HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]+(?P<text>.*?))?(?:(?<![ \t])[ \t]+#+)?(?<![ \t])[ \t]*")
ITEM = re.compile(r"[ \t]*(?:[-*+•]|\d{1,9}[.)])(?:[ \t]+|$)")
QUOTE = re.compile(r"(?:[ \t]{0,3}>[ \t]?)+")
TABLE_ROW = re.compile(r"[ \t]*\|")


def unwrap_markdown(text: str) -> str:
    """Paragraphs and list items joined onto one line each (markup kept); blank lines (whitespace
    and no-break spaces only) and thematic breaks become one empty line between blocks."""
    out = ["\n".join(block_lines(block)) for block in blocks(text.split("\n"))]
    return "\n\n".join(b for b in out if b)


def blocks(lines: list[str]):
    """Runs of lines between blank lines and rules."""
    run: list[str] = []
    for line in lines:
        if not line.strip() or RULE.fullmatch(line):
            if run:
                yield run
            run = []
        else:
            run.append(line)
    if run:
        yield run


def starts_item(line: str, current: list[str], content_column: int | None) -> bool:
    """Whether `line` opens a list item rather than continuing the text before it. As in
    CommonMark, an empty item never interrupts a paragraph, nor does an ordered item numbered other
    than 1, except as the next item of an ordered list: a wrapped "...in May\n    2024." or
    "- ... annually by\n2024. These ..." is one sentence."""
    item = ITEM.match(line)
    if item is None or not current:
        return item is not None
    if not line[item.end():].strip():
        return False
    number = re.match(r"[ \t]*(\d+)", line)
    if number is None or number.group(1) == "1":
        return True
    indent = len(line) - len(line.lstrip())
    ordered = re.match(r"[ \t]*\d", current[0]) is not None
    return ordered and content_column is not None and indent < content_column  # a sibling of the open item


def block_lines(lines: list[str]) -> list[str]:
    """One line per paragraph, list item, heading, table row or hard line break."""
    out: list[str] = []
    current: list[str] = []
    content_column: int | None = None  # where the open list item's text starts

    def flush() -> None:
        if current:
            out.append(" ".join(current))
        current.clear()

    for raw in lines:
        line = QUOTE.sub("", raw, count=1) if raw.lstrip().startswith(">") else raw
        opens_item = starts_item(line, current, content_column)
        own_line = bool(HEADING.fullmatch(line) or TABLE_ROW.match(line))  # a heading or table row stands alone
        if own_line or opens_item:
            flush()
            content_column = ITEM.match(line).end() if opens_item else None
        stripped = line.strip()
        if raw.endswith("\\") and not raw.endswith("\\\\"):
            stripped = stripped[:-1].rstrip()  # "\" at the end of a line is a line break, not text
        if stripped:
            current.append(stripped)
        if raw.endswith("  ") or raw.endswith("\\") or own_line:
            flush()
    flush()
    return out


# A backslash before ASCII punctuation makes it literal (CommonMark). Escaped characters are moved
# to a private-use plane while markup is removed, so "\*" or "\[" is never taken for markup, and
# put back at the end.
MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
SHIFT = 0xF0000
SHIFTED = re.compile("[\U000F0021-\U000F007E]")
LEAD = re.compile(r"(?:#{1,6}|[-*+•]|\d{1,9}[.)])(?:[ \t]+|$)")
# Starts only where a run of blanks starts: from every blank of a long run, `[ \t]+` rescanned the
# rest of it (quadratic on a heading line of spaces).
CLOSING_HASHES = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*$")
# Struck-out words are a correction shown in a transcript ("<s>President</s> [Prime Minister]"):
# the words were withdrawn, so they leave the text (and are recorded).
# The struck text holds no other struck-text tag: `(.*?)` scanned to the end of the text from every
# opening tag that has no closing one ("<s>" repeated: quadratic).
STRUCK = re.compile(r"<(s|del|strike)>((?:(?!</?(?:s|del|strike)>).)*?)</\1>", re.IGNORECASE | re.DOTALL)
# A comment holds no other "<!--": `<!--.*?-->` rescanned a line of unclosed openers from each.
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>|<!--(?:(?!<!--).)*?-->")
# A bullet typed as a character ("**• Item**"), left once the emphasis around it is gone.
BULLET = re.compile(r"[•●▪◦][ \t]+")
WORDLESS = re.compile(r"[^\w]*")
STRONG = re.compile(r"\*\*(?=\S)(.+?)\*\*|(?<!\w)__(?=\S)(.+?)__(?!\w)")
EMPHASIS = re.compile(r"\*(?=[^\s*])([^*]+?)\*|(?<![\w_])_(?=[^\s_])([^_]+?)_(?![\w_])")
# A delimiter run left without its partner, at the edge of a word ("**IBM **announced"); one
# between two word characters (snake_case) is not markup.
STRAY = re.compile(r"(?<!\S)[*_]+(?=\S)|(?<=\S)[*_]+(?!\S)|^[*_]+(?=\s)|(?<=\s)[*_]+$")
# Runs of two or more between spaces ("nominees. *** ***This") pair with nothing: gone first.
LONE_RUN = re.compile(r"(?<!\S)\*{2,}(?!\S)")
AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>", re.IGNORECASE)


def clean_markdown(text: str) -> tuple[str, list[dict]]:
    """Unwrapped Markdown (see `unwrap_markdown`) as a reader of the rendered page sees it, and
    [{kind, text}] of the words removed with the markup (link targets, struck-out words)."""
    text = MD_ESCAPE.sub(lambda m: chr(SHIFT + ord(m.group(1))), text)
    removed = [{"kind": "struck_text", "text": m.group(0)} for m in STRUCK.finditer(text)]
    text, targets = _links(TAG.sub("", AUTOLINK.sub(r"\1", STRUCK.sub("", text))))
    raw_lines = text.split("\n")
    lines = [plain_line(line) for line in raw_lines]
    removed += [{"kind": "divider", "text": unshift(line)} for line in lines if line and WORDLESS.fullmatch(line)]
    # a line that was only a list or heading marker ("3.", "#") loses everything: say so
    removed += [{"kind": "marker_only", "text": raw.strip()} for raw, line in zip(raw_lines, lines)
                if raw.strip() and not line]
    lines = ["" if WORDLESS.fullmatch(line) and line else line for line in lines]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(line for i, line in enumerate(lines) if line or is_gap(lines, i)))
    return unshift(text.strip("\n")), [{**r, "text": unshift(r["text"])} for r in removed + targets]


def is_gap(lines: list[str], i: int) -> bool:
    """An empty line that was a blank line between blocks, not a line that lost all its words."""
    return lines[i] == "" and i > 0 and lines[i - 1] != ""


def plain_line(line: str) -> str:
    """A line without its list or heading marker and emphasis, with no-break spaces and space runs
    as one space."""
    line = line.replace("\u00a0", " ").strip()
    lead = LEAD.match(line)
    if lead:
        line = CLOSING_HASHES.sub("", line[lead.end():]) if line.startswith("#") else line[lead.end():]
    if "*" in line or "_" in line:
        line = STRONG.sub(lambda m: m.group(1) or m.group(2), LONE_RUN.sub("", line))
        line = EMPHASIS.sub(lambda m: m.group(1) or m.group(2), line)
        line = STRAY.sub("", line)
    return " ".join(BULLET.sub("", line.strip(), count=1).split())


def unshift(text: str) -> str:
    return SHIFTED.sub(lambda m: chr(ord(m.group()) - SHIFT), text)
