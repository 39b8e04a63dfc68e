"""Title-case headlines ("U.S., China Sign Trade Deal"): the parser reads their capitalised verbs
as names, so headlines are found in the text and their parties looked up by name."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.events.context import DocContext
from pipeline.extract.events.lexicon import Lexicon
from pipeline.extract.events.output import actor_recipient_pairs, event_row
from pipeline.extract.events.parties import ArgReader, Party, entity_code, unique_parties
from pipeline.extract.events.syntax import token_at
from pipeline.extract.events.triggers import Candidate


HEADLINE_PARTY_TYPES = ("state", "igo", "person", "organization")


def headline_rows(ctx: DocContext, reader: ArgReader, lex: Lexicon, found: list[dict],
                  lines: list[Headline]) -> list[dict]:
    """Events of the title-case headlines `lines` (`headlines(ctx.text)`) that the parse misread:
    "U.S., China Sign Trade Deal"."""
    rows: list[dict] = []
    for line in lines:
        if any(line.start <= r["char_start"] < line.end for r in found):
            continue
        hit = _headline_trigger(ctx, reader, lex, line)
        if hit is None:
            continue
        tok, entry, kind = hit
        actors = _headline_subject(ctx, reader, line.start, tok.idx)
        recips = _headline_object(ctx, reader, tok, line.end, place=bool(entry.dest))
        if entry.host:
            actors, recips = recips, actors
        if not recips and (kind == "noun" or not entry.reciprocal or len(actors) < 2):
            continue
        status = "planned" if tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("to", "will") else "occurred"
        cand = Candidate(tok, entry, kind)
        for a, r in actor_recipient_pairs(actors, recips, bool(entry.reciprocal)):
            if a.code and r is not None and r.code:
                row = event_row(ctx, cand, entry.type, entry.mode, a, r, status, None, kind, (None, None))
                row.update(char_start=line.start, char_end=line.end, sentence=ctx.text[line.start:line.end])
                rows.append(row)
    return rows


def _headline_trigger(ctx: DocContext, reader: ArgReader, lex: Lexicon, line):
    """The first headline word that inflects a trigger verb ("Signs", "Ink") or names an event noun."""
    span = ctx.doc.char_span(line.start, line.end, alignment_mode="expand")
    for tok in span if span is not None else []:
        if not tok.is_alpha:
            continue
        for form in _base_forms(tok.lower_):
            if form in lex.verbs and not lex.verbs[form].requires_prep and not lex.verbs[form].requires_object:
                return tok, lex.verbs[form], "verb"
        if _names_a_party(reader, tok):
            continue
        for form in _base_forms(tok.lower_):
            entry = lex.nouns.get(form)
            if entry and not entry.requires_modifier and not entry.needs_light_verb:
                return tok, entry, "noun"
    return None


def _base_forms(word: str) -> list[str]:
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1]]
    return forms


def _names_a_party(reader: ArgReader, tok) -> bool:
    ent = reader.view.at(tok.idx, tok.idx + len(tok))
    return ent is not None and getattr(ent, "entity_type", None) in ("person", "state", "igo", "location") \
        and bool(entity_code(ent, place=True))


def _headline_subject(ctx: DocContext, reader: ArgReader, start: int, end: int) -> list[Party]:
    """Each comma- or "and"-separated piece before the verb, looked up by name ("U.S., China ...")."""
    out: list[Party] = []
    lookup = getattr(reader.view.ents, "lookup", None)
    for a, b in headline_chunks(ctx.text, start, end):
        piece = re.sub(r"^(?:the\s+)", "", ctx.text[a:b].strip(" \t*#'\"\u201c\u201d"), flags=re.I)
        ent = lookup(piece) if lookup and len(piece.split()) <= 4 else None
        if ent is not None and entity_code(ent) and getattr(ent, "entity_type", None) in HEADLINE_PARTY_TYPES:
            out.append(Party.of(ent))
        else:
            out.extend(_coded_within(reader, a, b))
    return unique_parties(out)


def _headline_object(ctx: DocContext, reader: ArgReader, trigger, end: int, place: bool) -> list[Party]:
    """The first party named after the headline's verb, with the parties joined to it by "and" or commas
    ("Deals with Japan and Korea"); a later prepositional phrase ("Strikes on Kyiv") is scenery."""
    found = [(p.token_i, p) for p in _coded_within(reader, trigger.idx + len(trigger), end, place)]
    covered: set[int] = set()
    for m, _ in _mentions_within(reader, trigger.idx + len(trigger), end):
        named = ctx.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
        covered |= {t.i for t in named} if named is not None else set()
    lookup = getattr(reader.view.ents, "lookup", None)
    span = ctx.doc.char_span(trigger.idx + len(trigger), end, alignment_mode="contract")
    for tok in span if span is not None and lookup else []:
        if tok.is_alpha and tok.text[0].isupper() and tok.i not in covered:
            ent = lookup(tok.text)
            if ent is not None and entity_code(ent) and getattr(ent, "entity_type", None) in ("state", "igo", "person"):
                found.append((tok.i, Party.of(ent, tok.i)))
    found.sort(key=lambda x: x[0] if x[0] is not None else 10**9)
    out: list[Party] = []
    for i, party in found:
        if out and (i is None or out[-1].token_i is None or
                    any(t.is_alpha and t.lower_ not in ("and",) for t in ctx.doc[out[-1].token_i + 1:i]
                        if not t.text[0].isupper())):
            break
        out.append(party)
    return unique_parties(out)


def _coded_within(reader: ArgReader, start: int, end: int, place: bool = False) -> list[Party]:
    types = HEADLINE_PARTY_TYPES + (("location",) if place else ())
    out = []
    for m, e in _mentions_within(reader, start, end):
        if getattr(e, "entity_type", None) in types and entity_code(e, place=place):
            tok = token_at(reader.view.doc, m.char_end - 1)
            out.append(Party.of(e, tok.i if tok is not None else None, name="", place=place))
    return unique_parties(out)


def _mentions_within(reader: ArgReader, start: int, end: int) -> list:
    ents = reader.view.ents
    return list(ents.within(start, end)) if ents is not None else []


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
            out.append(Headline(_after_kicker(text, start, end), end))
    return out


KICKER = re.compile(r"[^\S\n]*[*#'\"\u201c]*[^:\n]{2,40}:\s+")


def _after_kicker(text: str, start: int, end: int) -> int:
    """Where a headline starts after its kicker ("ANALYSIS: ", "Ukraine war: "): the kicker names a
    rubric or a story, not the actor of the headline's verb."""
    m = KICKER.match(text, start, end)
    if m is None or len(HEADLINE_WORD.findall(text[m.end():end])) < 3 or len(text[start:m.end()].split()) > 6:
        return start
    return m.end()


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
