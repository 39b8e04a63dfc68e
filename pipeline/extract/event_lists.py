"""Commitments itemised under a lead-in (fact sheets, joint statements, readouts).

    The United States and Japan will:
    -   Advance secure 5G networks ...
    -   Support developing countries to deploy renewable energy ...

Each item starting with a verb in the base form is one joint commitment of the
lead-in's parties: AGREE (promise), first-named party -> each other party, or
AID (planned) per party when the item promises support to a third party. The
parse is unreliable inside such lists (capitalised verbs tag as proper nouns,
items run together), so items are read from the text lines and only the
entities layer and the lexicon are used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.event_args import ArgReader, Party, entity_code

BULLET = re.compile(r"^[ \t]*(?:[-*\u2022\u2023\u25aa\u25e6\u2013\u00b7]|\d{1,2}[.)])[ \t]+(?=\S)", re.M)
WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
PARTY_TYPES = ("state", "igo", "person", "organization")


@dataclass
class Item:
    start: int        # first character of the item's text (after the bullet mark)
    end: int          # end of the item (next item, blank line or end of text)
    lead_start: int   # the lead-in line
    lead_end: int


def list_items(text: str) -> list[Item]:
    """Items of every list whose lead-in line ends with a colon."""
    items: list[Item] = []
    lead: tuple[int, int] | None = None
    marks = list(BULLET.finditer(text))
    for k, m in enumerate(marks):
        line_start = m.start()
        if k == 0 or _breaks_list(text, marks[k - 1].end(), line_start):
            lead = _lead_in(text, line_start)
        if lead is None:
            continue
        end = _item_end(text, m.end(), marks[k + 1].start() if k + 1 < len(marks) else len(text))
        items.append(Item(m.end(), end, *lead))
    return items


def _breaks_list(text: str, prev_item: int, line_start: int) -> bool:
    """A paragraph that is not an indented continuation ends the list."""
    between = text[prev_item:line_start]
    for para in re.split(r"\n[ \t]*\n", between)[1:]:
        if para.strip() and not para.startswith((" ", "\t")):
            return True
    return False


def _lead_in(text: str, line_start: int) -> tuple[int, int] | None:
    """The non-empty line before the list when it ends with a colon."""
    before = text[:line_start].rstrip()
    if not before.endswith(":"):
        return None
    start = before.rfind("\n") + 1
    # a lead-in sentence may wrap over several lines of its paragraph
    para = max(before.rfind("\n\n"), before.rfind("\n \n")) + 1
    sent = max(before.rfind(". ", para), before.rfind(".\n", para))
    start = min(start, sent + 2 if sent >= 0 else para)
    return start, len(before)


def _item_end(text: str, start: int, next_mark: int) -> int:
    blank = re.search(r"\n[ \t]*\n", text[start:next_mark])
    return start + blank.start() if blank else next_mark


def _first_words(text: str, item: Item, limit: int = 80) -> list[re.Match]:
    return list(WORD.finditer(text, item.start, min(item.end, item.start + limit)))


class ListReader:
    """Turns list items into event rows through the same row builder as the main pass."""

    def __init__(self, parsed, reader: ArgReader, lex: dict):
        self.parsed, self.reader, self.lex = parsed, reader, lex
        self.conf = lex.get("commitments", {})
        self.verbs = set(self.conf.get("verbs", []))
        self.markers = set(self.conf.get("lead_markers", []))

    def lead_parties(self, item: Item, leading: list[Party]) -> list[Party]:
        text = self.parsed.text[item.lead_start:item.lead_end]
        words = {w.lower() for w in WORD.findall(text)}
        if not words & self.markers:
            return []
        found: list[Party] = []
        for ent in self.reader.view.within(item.lead_start, item.lead_end):
            code = entity_code(ent)
            if code and getattr(ent, "entity_type", None) in PARTY_TYPES and code not in {p.code for p in found}:
                found.append(Party(getattr(ent, "name", code), getattr(ent, "entity_id", None), code,
                                   getattr(ent, "entity_type", None)))
        if len(found) < 2 and words & (set(self.lex["grammar"]["pair_words"]) | {"we", "they", "leaders"}):
            return list(leading)
        return found

    def trigger(self, item: Item) -> re.Match | None:
        """The item's verb: its first word, or the first word after an opening phrase and comma."""
        text = self.parsed.text
        words = _first_words(text, item)
        if not words:
            return None
        if self._verb(words[0].group()):
            return words[0]
        comma = text.find(",", item.start, words[min(len(words) - 1, 6)].end())
        if comma != -1:
            after = [w for w in words if w.start() > comma]
            if after and self._verb(after[0].group()):
                return after[0]
        return None

    def _verb(self, word: str) -> bool:
        return word.lower() in self.verbs

    def aid_recipient(self, item: Item, verb: re.Match) -> tuple[bool, list[Party]]:
        """Support promised to a third party: "Support developing countries", "Enhance our support to X"."""
        text = self.parsed.text
        clause_end = _clause_end(text, verb.end(), item.end)
        low = verb.group().lower()
        if low in self.conf.get("aid_verbs", []):
            words = list(WORD.finditer(text, verb.end(), clause_end))[:4]
            for w in words:
                if _singular(w.group()) in self.conf.get("beneficiary_nouns", []) or self._third_state(w.start(), w.end()):
                    return True, self._beneficiary(words[0].start(), w.end())
                if text.find(",", verb.end(), w.end()) != -1:
                    break
        if low in self.conf.get("aid_support_heads", []):
            m = re.search(r"\bsupport\s+(?:to|for)\s+", text[verb.end():clause_end])
            if m:
                start = verb.end() + m.end()
                return True, self._beneficiary(start, min(clause_end, start + 80))
        return False, []

    def _third_state(self, start: int, end: int) -> bool:
        return any(getattr(e, "entity_type", None) == "state" for e in self.reader.view.within(start, end))

    def _beneficiary(self, start: int, end: int) -> list[Party]:
        text = self.parsed.text
        for ent in self.reader.view.within(start, end):
            code = entity_code(ent)
            if code and getattr(ent, "entity_type", None) in ("state", "igo"):
                return [Party(getattr(ent, "name", code), getattr(ent, "entity_id", None), code, "state")]
        name = " ".join(text[start:end].split())
        name = re.split(r",|\bto\b|\bin order\b", name)[0].strip()
        name = re.sub(r"^(?:the|our|their)\s+", "", name, flags=re.I)
        return [Party(name, None, None, "group", group=True)] if name else []


def _singular(word: str) -> str:
    low = word.lower()
    if low.endswith("ies"):
        return low[:-3] + "y"
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


def _clause_end(text: str, start: int, limit: int) -> int:
    m = re.search(r"[.;:]\s", text[start:limit])
    return start + m.start() if m else limit


def first_sentence_end(text: str, start: int, limit: int) -> int:
    m = re.search(r"[.;](?=\s|$)", text[start:limit])
    return start + m.end() if m else limit


# ---------------------------------------------------------------- headlines

HEADLINE_WORD = re.compile(r"[A-Za-z][\w.'\u2019-]*")
SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "vs", "over", "after"}
# Starts where a run of blanks starts, or at the separator: from each blank of a long run, `\s*`
# rescanned the rest of the run (quadratic).
HEADLINE_SPLIT = re.compile(r"(?:(?<!\s)\s*|(?=\S))(?:,|;|&|\band\b)\s*")


@dataclass
class Headline:
    start: int
    end: int


def headlines(text: str) -> list[Headline]:
    """Title-case lines standing alone (a title or heading): "U.S., China Sign Initial Trade Deal".
    The parser reads their capitalised verbs as names, so they are read from the text."""
    out: list[Headline] = []
    lead, tail = len(text) - len(text.lstrip()), len(text.rstrip())
    for m in re.finditer(r"(?m)^[^\n]+$", text):
        start, end = m.start(), m.end()
        if not _alone(text, start, end, lead, tail):
            continue
        line = text[start:end].strip(" \t*#\\'\"\u201c\u201d")
        words = HEADLINE_WORD.findall(line)
        if not 3 <= len(words) <= 20 or line.endswith((".", ":", ";", "?")):
            continue
        content = [w for w in words if w.lower() not in SMALL_WORDS]
        if content and sum(w[0].isupper() for w in content) / len(content) >= 0.8:
            out.append(Headline(start, end))
    return out


def _alone(text: str, start: int, end: int, lead: int, tail: int) -> bool:
    """The line text[start:end] has only whitespace, or a blank line, before it and after it.
    `lead` and `tail` are where the text's first non-blank starts and last one ends. Only the
    neighbouring lines are read: slicing and searching the text around every line was quadratic."""
    return (start <= lead or _blank_line_ends_at(text, start - 1)) and (end >= tail or _blank_line_starts_at(text, end))


def _blank_line_ends_at(text: str, newline: int) -> bool:
    """text[newline] is a line break ending a line of nothing but spaces and tabs."""
    previous = text.rfind("\n", 0, newline)
    return text[newline:newline + 1] == "\n" and previous >= 0 and not text[previous + 1:newline].strip(" \t")


def _blank_line_starts_at(text: str, newline: int) -> bool:
    """text[newline] is a line break followed by a line of nothing but spaces and tabs."""
    following = text.find("\n", newline + 1)
    return text[newline:newline + 1] == "\n" and following >= 0 and not text[newline + 1:following].strip(" \t")


def headline_chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The comma- and "and"-separated pieces of a headline's subject, as character spans."""
    out, pos = [], start
    for m in HEADLINE_SPLIT.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]
