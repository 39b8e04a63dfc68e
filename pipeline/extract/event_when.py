"""Which date phrase of a sentence dates an event: the phrase attached to the trigger's clause, or
to a clause whose time it shares (codebook section 7). `event_dates` turns the phrase into a date."""
from __future__ import annotations

import re

from pipeline.extract.event_args import governing_verb, sent_of
from pipeline.extract.event_dates import YEAR, day_anchor, looks_like_date, resolve_date_text
from pipeline.extract.figures import sentence_ents


def event_date(parsed, tok, kind: str, status: str, grammar: dict):
    """The date phrase attached to the trigger's clause, resolved; None when the clause has none."""
    sent = sent_of(tok)
    anchors = {tok.i}
    gov = governing_verb(tok) if kind == "noun" else None
    if gov is not None:
        anchors.add(gov.i)
    clause = tok if tok.pos_ in ("VERB", "AUX") else gov
    shared = _shared_time_holders(clause, parsed, tok, grammar) if clause is not None else {}
    best = None
    for ent in sentence_ents(sent):
        if not (ent.label_ == "DATE" and looks_like_date(ent.text) or _day_of_month(ent)):
            continue
        holder = _attached_to(ent.root, anchors | set(shared))
        if holder is not None and (holder in anchors or ent.root.i < shared[holder]):
            dist = abs(ent.root.i - tok.i)
            if best is None or dist < best[0]:
                best = (dist, ent)
    if best is None:
        return None
    ent = best[1]
    text = _date_phrase(ent)
    prefer = "future" if status == "planned" else "past"
    year, anchor = _narrative_time(parsed, ent)
    found = resolve_date_text(text, parsed.published_date, prefer, year, anchor)
    if found is None:
        return None
    return found[0], found[1], found[2], ent.text


def _date_ents(doc) -> list:
    """The DATE entities of the doc, listed once (`doc.ents` builds new spans on each access)."""
    found = doc.user_data.get("diplodata_date_ents")
    if found is None:
        found = doc.user_data["diplodata_date_ents"] = [e for e in doc.ents if e.label_ == "DATE"]
    return found


def _narrative_time(parsed, ent) -> tuple[int | None, object]:
    """The year the paragraph last named, and the last day the text named before `ent`."""
    text = parsed.text
    para_start = text.rfind("\n\n", 0, ent.start_char) + 1
    year, anchor = None, None
    earlier = [e for e in _date_ents(parsed.doc) if e.end_char <= ent.start_char
               and e.start_char >= ent.start_char - 1500]
    for other in reversed(earlier):
        if year is None and other.start_char >= para_start and (m := YEAR.search(other.text)):
            year = int(m.group("y"))
        if anchor is None:
            anchor = day_anchor(other.text, parsed.published_date, "past", year)
        if year is not None and anchor is not None:
            break
    return year, anchor


def _day_of_month(ent) -> bool:
    """"on the 26th": an ordinal day of the month the narrative is in."""
    doc = ent.doc
    return ent.label_ == "ORDINAL" and ent.start >= 2 and doc[ent.start - 1].lower_ == "the" \
        and doc[ent.start - 2].lower_ == "on" and bool(re.fullmatch(r"\d{1,2}(st|nd|rd|th)", ent.text))


def _date_phrase(ent) -> str:
    """The DATE words plus a preceding preposition, which tells "in May" from "may"."""
    doc = ent.doc
    if _day_of_month(ent):
        return doc[ent.start - 1:ent.end].text
    start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].dep_ == "prep" else ent.start
    return doc[start:ent.end].text


def _attached_to(tok, anchors: set[int]) -> int | None:
    """The anchor the date phrase hangs from, if it hangs from one without crossing another verb."""
    cur = tok
    for _ in range(8):
        if cur.i in anchors:
            return cur.i
        if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            return None
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


WHEN_MARKS = ("when", "as", "while")


def _shared_time_holders(verb, parsed, tok, g: dict) -> dict[int, int]:
    """Verbs whose time phrases also date this clause, each with the token index a shared phrase must
    precede: the first conjunct ("On May 3, X visited Y and met Z"), a when-clause or participle
    ("reproached Abe when he visited ... in 2013"), and the reporting verb of a reported event."""
    out: dict[int, int] = {}
    for _ in range(3):
        if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "said he wants to expand": the clause of "wants"
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "met Y on Monday and agreed to ...": a conjunct without its own auxiliary shares the first verb's time
        own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        out[verb.head.i] = verb.head.i if own_aux else verb.i
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in g["reporting_verbs"]:
        out[verb.head.i] = len(parsed.doc)
        for c in verb.head.children:
            if c.dep_ == "advcl" and c.tag_ == "VBG":
                out[c.i] = len(parsed.doc)  # "Speaking Tuesday at talks, X said ..."
    for c in verb.children:
        if c.dep_ == "advcl" and (c.tag_ == "VBG" or any(m.dep_ in ("mark", "advmod") and m.lower_ in WHEN_MARKS for m in c.children)):
            out[c.i] = len(parsed.doc)
    out.pop(tok.i, None)
    return out
