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

import bisect
import re
from dataclasses import dataclass

from pipeline.extract.events.arguments import leading_parties
from pipeline.extract.events.context import DocContext
from pipeline.extract.events.lexicon import Entry, Lexicon
from pipeline.extract.events.output import event_row
from pipeline.extract.events.parties import ArgReader, Party, entity_code
from pipeline.extract.events.syntax import token_at
from pipeline.extract.events.retype import refine_mode
from pipeline.extract.events.triggers import Candidate
from pipeline.nlp.parse import doc_text

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

    def __init__(self, ctx: DocContext, reader: ArgReader, lex: Lexicon):
        self.ctx, self.reader, self.lex = ctx, reader, lex
        self.conf = lex.commitments
        self.markers = set(self.conf.get("lead_markers", []))

    def lead_parties(self, item: Item, leading: list[Party]) -> list[Party]:
        text = self.ctx.text[item.lead_start:item.lead_end]
        words = {w.lower() for w in WORD.findall(text)}
        if not words & self.markers:
            return []
        found = _coded_in(self.reader, item.lead_start, item.lead_end)
        if len(found) < 2 and words & (set(self.lex.grammar["pair_words"]) | {"we", "they", "leaders"}):
            return list(leading)
        return found

    def trigger(self, item: Item) -> re.Match | None:
        """The item's verb: its first word, or the first word after an opening phrase and comma."""
        text = self.ctx.text
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
        return word.lower() in self.lex.commitment_verbs

    def aid_recipient(self, item: Item, verb: re.Match) -> tuple[bool, list[Party]]:
        """Support promised to a third party: "Support developing countries", "Enhance our support to X"."""
        text = self.ctx.text
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
        text = self.ctx.text
        for ent in self.reader.view.within(start, end):
            code = entity_code(ent)
            if code and getattr(ent, "entity_type", None) in ("state", "igo"):
                return [Party.of(ent, name=code, code=code, etype="state")]
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


# ---------------------------------------------------------------- rows of the items

# words of a lead-in that make its named parties the subject of the items: "We the leaders of A, B
# and C:", "The Leaders of A and B:", "The participants, A, B and C, decided:"
GROUP_LEAD_WORDS = {"we", "leaders", "heads", "ministers", "signatories", "participants", "governments", "undersigned"}
PARAGRAPH = re.compile(r"\n[ \t]*\n")


def colon_lead_ins(text: str):
    """(start of its paragraph, the colon) of each line that ends with a colon: a lead-in."""
    breaks = [m.end() for m in PARAGRAPH.finditer(text)]
    for colon in re.finditer(r":[ \t]*\n", text):
        k = bisect.bisect_right(breaks, colon.start())
        yield (breaks[k - 1] if k else 0), colon


def lead_in_groups(ctx: DocContext, reader: ArgReader) -> list[tuple[int, int, list[Party]]]:
    """(start, end, parties) of each run of items under a lead-in that names two or more coded
    parties as its subject: "We the leaders of A, B and C:" followed by paragraphs or bullets,
    each item running on while the one before ends with a semicolon ("Commend ...;  Affirm ...;
    Recognize ... ."). The parties are the subject of every item."""
    text, out = ctx.text, []
    for para_start, colon in colon_lead_ins(text):
        lead = (para_start, colon.start())
        words = {w.lower() for w in WORD.findall(text[lead[0]:lead[1]])}
        if not words & GROUP_LEAD_WORDS:
            continue
        parties = _coded_in(reader, *lead)
        if len(parties) >= 2:
            out.append((colon.end(), _item_run_end(text, colon.end()), parties))
    return out


def _coded_in(reader: ArgReader, start: int, end: int) -> list[Party]:
    found: list[Party] = []
    for ent in reader.view.within(start, end):
        code = entity_code(ent)
        if code and getattr(ent, "entity_type", None) in PARTY_TYPES and code not in {p.code for p in found}:
            found.append(Party.of(ent, name=code, code=code))
    return found


def _first_named(reader: ArgReader, start: int, end: int) -> list[Party]:
    """The first coded party of a list line ("President X, Argentina": a person the dictionaries lack is
    coded by the state beside the name); a line that opens with an uncoded company or body
    ("Acme Holdings, Rwanda") names no party."""
    first = next((e for e in reader.view.within(start, end) if getattr(e, "entity_type", None) in PARTY_TYPES), None)
    if first is None or (getattr(first, "entity_type", None) == "organization" and not entity_code(first)):
        return []
    return _coded_in(reader, start, end)[:1]


def _item_run_end(text: str, start: int) -> int:
    """The end of the items after a lead-in: paragraphs while each ends with a semicolon (a bullet
    list's lines are one paragraph or several, each opening with its mark)."""
    pos = start
    while True:
        m = PARAGRAPH.search(text, pos)
        para_end = m.start() if m else len(text)
        para = text[pos:para_end].strip()
        goes_on = bool(re.search(r";(?:\s*and)?$", para)) or (BULLET.match(para) and m and BULLET.match(text, m.end()))
        if m is None or not goes_on:
            return para_end
        pos = m.end()


def lead_group_of(tok, reader: ArgReader) -> list[Party]:
    """The lead-in's parties when `tok` opens one of its items (the first word of its paragraph or
    bulleted line)."""
    text = doc_text(tok.doc)
    for start, end, parties in reader.lead_groups:
        if start <= tok.idx < end:
            breaks = [m.end() for m in PARAGRAPH.finditer(text, start, tok.idx)]
            para = max([start] + breaks, default=start)
            line = text.rfind("\n", 0, tok.idx) + 1
            if BULLET.match(text, line):
                para = max(para, line)
            head = BULLET.sub("", text[para:tok.idx], count=1)
            before = [t for t in tok.doc[:tok.i] if t.idx >= tok.idx - len(head) and not t.is_space]
            # "Strongly condemn ...": an adverb may come first
            return list(parties) if all(t.pos_ == "ADV" for t in before) else []
    return []


def following_lists(text: str, reader: ArgReader) -> list[tuple[int, int, list[Party]]]:
    """(start, end, parties) of each lead-in sentence that names "the following" and ends with a
    colon over a block of lines ("The President invited the following leaders to the Summit:", then
    "President X, Argentina" lines, bulleted or not): the first coded party of every line, in order."""
    out = []
    for para_start, colon in colon_lead_ins(text):
        lead = max(para_start, text.rfind(". ", para_start, colon.start()) + 1)  # the lead-in's sentence
        if not re.search(r"\bthe following\b", text[lead:colon.start()], re.I):
            continue
        block = re.match(r"[ \t]*\n?(.+?)(?:\n[ \t]*\n|\Z)", text[colon.end():], re.S)
        found: list[Party] = []
        pos = colon.end() + (block.start(1) if block else 0)
        for line in (block.group(1).split("\n") if block else []):
            named = _first_named(reader, pos, pos + len(line))
            if named and named[0].code not in {p.code for p in found}:
                found.append(named[0])
            pos += len(line) + 1
        if found:
            out.append((lead, colon.end(), found))
    return out


def list_rows(ctx: DocContext, reader: ArgReader, lex: Lexicon) -> tuple[list[dict], set[int]]:
    """Rows of the items listed under a commitment lead-in, and the tokens they used as triggers."""
    reader.lead_groups = lead_in_groups(ctx, reader)
    reader.following = following_lists(ctx.text, reader)
    lists = ListReader(ctx, reader, lex)
    leading = leading_parties(reader)
    rows: list[dict] = []
    used: set[int] = set()
    for item in list_items(ctx.text):
        parties = lists.lead_parties(item, leading)
        verb = lists.trigger(item) if len(parties) >= 2 else None
        tok = token_at(ctx.doc, verb.start()) if verb else None
        if tok is None:
            continue
        used.add(tok.i)
        if all(p.code for p in parties[:2]):
            reader.list_pairs.append((item.start, parties[:2]))
        end = first_sentence_end(ctx.text, verb.start(), item.end)
        is_aid, beneficiaries = lists.aid_recipient(item, verb)
        if is_aid:
            mode = refine_mode(tok, "AID", "material", lex)
            pairs = [(p, beneficiaries[0] if beneficiaries else None) for p in parties]
            found = [_item_row(ctx, tok, "AID", mode, a, r, "planned", (verb.start(), end)) for a, r in pairs]
        else:
            found = [_item_row(ctx, tok, "AGREE", "promise", parties[0], r, "occurred", (verb.start(), end))
                     for r in parties[1:]]
        rows.extend(found)
    return rows, used


def catch_up_list_pair(reader: ArgReader, offset: int) -> None:
    """The parties of the last commitment list before `offset` are the pair the text is about."""
    before = [lp for lp in reader.list_pairs if lp[0] < offset]
    if before and before[-1][0] > reader.context_at:
        reader.context_at, reader.context_pair = before[-1][0], list(before[-1][1])


def _item_row(ctx: DocContext, tok, etype, mode, actor: Party, recip: Party | None, status, span) -> dict:
    cand = Candidate(tok, Entry(type=etype, mode=mode), "verb")
    row = event_row(ctx, cand, etype, mode, actor, recip, status, None, "verb", (None, None))
    start, end = span
    row.update(char_start=start, char_end=end, sentence=ctx.text[start:end], trigger=ctx.text[start:tok.idx + len(tok)])
    return row
