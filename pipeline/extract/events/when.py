"""Which date phrase of a sentence dates an event: the phrase attached to the trigger's clause, or
to a clause whose time it shares (codebook section 7). `dates` turns the phrase into a date."""
from __future__ import annotations

import re

from pipeline.extract.events.context import DocContext
from pipeline.extract.events.syntax import (at_the_behest, governing_verb, named_doer, plain_form, purpose_clause,
                                             reporting_verb, sent_of)
from pipeline.extract.events.status import awaiting
from pipeline.extract.events.dates import (ANCHORED, DEADLINE, YEAR, day_anchor, looks_like_date, names_a_day, names_calendar,
                                          resolve_date_text, resolve_offset, starts_a_span)
from pipeline.nlp.parse import sentence_ents


def event_date(ctx: DocContext, tok, kind: str, status: str, grammar: dict):
    """The date of the trigger's event: a phrase attached to its clause (the nearest that names a time),
    else one opening the sentence, a possessive date on its noun, the date of a clause that holds the
    trigger's, or a span from the present."""
    sent = sent_of(tok)
    gov = governing_verb(tok) if kind == "noun" else None
    behest = gov is not None and at_the_behest(tok, grammar)
    judged = gov is not None and _deed_under_another_act(tok, gov, grammar)
    if judged or behest:
        gov = None  # "condemned Russia's invasion in 2008 on Friday": only 2008 dates the invasion
    clause = tok if tok.pos_ in ("VERB", "AUX") else gov
    # a promise told in the past ("announced $1 billion in aid on Tuesday") is dated by the telling
    prefer = "future" if status == "planned" and not (clause is not None and clause.tag_ == "VBD") else "past"
    for ent in _clause_dates(ctx, sent, tok, gov, clause, grammar, status == "planned"):
        if (found := _resolve(ctx, ent, _date_phrase(ent), prefer)) is not None:
            return found
    start = clause if clause is not None else tok
    if not (judged or behest) and (opening := _opening_date(sent, start, grammar)) is not None:
        # the phrase dates the main clause: its tense, not the trigger's, says which side of today
        return _resolve(ctx, opening[0], opening[1], _main_tense(sent, grammar))
    if (owner := _possessive_date(start)) is not None:
        return _resolve(ctx, owner, _date_phrase(owner), prefer)
    if status != "planned" and not behest:  # a planned act's time is not its announcing clause's
        if (found := _enclosing_date(ctx, sent, start, judged, grammar)) is not None:
            return found
    return _duration_from_now(ctx, tok, clause, sent)


def names_a_time(ctx: DocContext, tok, grammar: dict) -> bool:
    """The trigger's clause has a date phrase of its own, whether or not it resolves to a point
    ("last week" across two months), so no time from elsewhere is its time."""
    sent = sent_of(tok)
    gov = governing_verb(tok) if tok.pos_ == "NOUN" else None
    clause = tok if tok.pos_ in ("VERB", "AUX") else gov
    if any(not starts_a_span(_date_phrase(e)) for e in _clause_dates(ctx, sent, tok, gov, clause, grammar)):
        return True
    return _opening_date(sent, clause if clause is not None else tok, grammar) is not None


def _enclosing_date(ctx: DocContext, sent, start, judged: bool, g: dict):
    """The date of a clause that holds the trigger's clause, when its own names none. A deed judged
    by another act ("condemned X's launch ... on 4 October") takes only a calendar date: news dates
    the judging by its weekday ("condemned X's launch on Tuesday"), the deed by its day of the month."""
    for ent in _enclosing_dates(sent, start, g):
        if judged and not names_calendar(_date_phrase(ent)):
            continue
        if (found := _resolve(ctx, ent, _date_phrase(ent), _main_tense(sent, g))) is not None:
            return found
    return None


def _main_tense(sent, g: dict) -> str:
    """Which side of today a date phrase of the main clause lies on: its tense, not the trigger's."""
    return "future" if any(c.dep_ == "aux" and plain_form(c) in g["future_aux"] for c in sent.root.children) else "past"


def _enclosing_dates(sent, start, g: dict) -> list:
    """Codebook section 7, "absolute dates in the sentence win": a point date on a clause that holds
    the trigger's clause dates an event whose own clause names none ("We are here today with one
    message: we stand with X", "took part in Monday's drills, sending ships to ..."), nearest first.
    Not through a relative clause or a noun's participle, which tell another time ("the deal Iran
    had signed"), a clause a span away from the other's ("a week after Hanoi lifted its ban"), nor
    into a clause beside or below the trigger's, whose time is its own."""
    path = _path_to_root(start, sent) or []
    hosts = {}
    for step, t in enumerate(path[1:], 1):
        below = path[step - 1]
        if below.dep_ in ("relcl", "acl") or (below.dep_ == "conj" and below.pos_ in ("VERB", "AUX")) \
                or _pluperfect(below) or _offset_in_time(below, g):
            break
        if t.pos_ in ("VERB", "AUX"):
            hosts[t.i] = step
    found = []
    for ent in sentence_ents(sent):
        if not _is_date(ent):
            continue
        phrase = _date_phrase(ent)
        if DEADLINE.search(phrase) or starts_a_span(phrase):
            continue
        if (host := _attached_to(ent.root, set(hosts))) is not None:
            found.append((hosts[host], ent.start, ent))
    return [f[-1] for f in sorted(found, key=lambda f: f[:2])]


def _offset_in_time(clause, g: dict) -> bool:
    """A clause placed a span from the other's time ("a week after X signed", "since X joined"). A bare
    "after" or "before" ("resumed on June 4 after Hanoi lifted its ban") tells the order of two acts of
    one occasion, and shares its date, as the codebook's "dates in the sentence win" reads."""
    link = _sequence_link(clause, g)
    if link is None:
        return False
    return link.lower_ == "since" or bool(DURATION_LINK.search(link.doc[sent_of(link).start:link.i + 1].text))


def _deed_under_another_act(noun, gov, g: dict) -> bool:
    """A named party's deed that is the object of another act ("condemned Russia's invasion"), not
    staged by its verb ("Russia's invasion began"). A present perfect takes no past date of its own,
    so "have rejected Russia's annexation ... last month" dates the annexation."""
    return named_doer(noun) and noun.head.i == gov.i and noun.dep_ == "dobj" and not _present_perfect(gov) \
        and gov.lemma_.lower() not in g["light_verbs"] and gov.lemma_.lower() not in STAGING_VERBS


def _present_perfect(verb) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and plain_form(c) in ("have", "has", "'ve") for c in verb.children)


def _clause_dates(ctx: DocContext, sent, tok, gov, clause, grammar, planned: bool = False) -> list:
    """Date phrases attached to the trigger's clause or to a clause whose time it shares, nearest first;
    last, the start of a span that the trigger verb itself began ("has banned imports since 2002")."""
    anchors = {tok.i} | ({gov.i} if gov is not None else set()) | _staging_verbs(tok)
    shared = _shared_time_holders(clause, ctx, tok, grammar, planned) if clause is not None else {}
    found, onsets = [], []
    for ent in list(sentence_ents(sent)) + _loose_day_words(sent):
        if not (_is_date(ent) or _day_of_month(ent)):
            continue
        holder = _attached_to(ent.root, anchors | set(shared))
        if starts_a_span(_date_phrase(ent)):
            # "the first exercises since 1972": when a span began, not when this event happened
            if holder == tok.i and _began_a_state(tok):
                onsets.append(ent)
            continue
        if holder is not None and (holder in anchors or ent.root.i < shared[holder]):
            # the trigger's own phrase before a shared one: "X met Y last month, and Z met W in June"
            found.append((holder not in anchors, abs(ent.root.i - tok.i), ent.start, ent))
    return [f[-1] for f in sorted(found, key=lambda f: f[:3])] + onsets


# verbs that stage an event noun: "the summit, to be held in 2025", "talks scheduled for May 3"
STAGING_VERBS = {"hold", "take", "schedule", "set", "plan", "convene", "slate", "organize", "organise", "occur", "happen",
                 "make"}  # "the commitment the UK made last July"


def _staging_verbs(noun) -> set[int]:
    """The clause on an event noun that says when it takes place dates it like its own phrase."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return set()
    return {c.i for c in noun.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in STAGING_VERBS}


# a count or a frequency on the verb makes a "since" span hold many events, not one that began it
REPEATED = {"times", "repeatedly", "again", "regularly", "often", "frequently", "twice"}


def _began_a_state(verb) -> bool:
    """"Argentina has banned imports since 2002", "controls imposed since 2023": a past act whose
    state lasts, counted from its start; not "has met three times since 2019"."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
        return False
    for c in verb.subtree:
        if c.lower_ in REPEATED or (c.dep_ == "nummod" and c.head.head.i == verb.i):
            return False
    return True


LOOSE_DAY_WORDS = {"today", "yesterday", "tomorrow", "tonight"}


def _loose_day_words(sent) -> list:
    """"visiting Kyiv today" where NER read "Kyiv today" as one name, and "condemned the drills the
    same day" where NER tagged no date: the day words still date. Found once per sentence (every
    trigger of the sentence asks)."""
    found = sent.doc.user_data.setdefault("diplodata_loose_days", {})
    if sent.start not in found:
        found[sent.start] = _find_loose_day_words(sent)
    return found[sent.start]


def _find_loose_day_words(sent) -> list:
    dated = {i for ent in sentence_ents(sent) if ent.label_ == "DATE" for i in range(ent.start, ent.end)}
    loose = [sent.doc[t.i:t.i + 1] for t in sent if t.lower_ in LOOSE_DAY_WORDS and t.i not in dated]
    for m in ANCHORED.finditer(sent.text):
        span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and not any(t.i in dated for t in span):
            loose.append(span)
    return loose


def _resolve(ctx: DocContext, ent, text: str, prefer: str):
    year, anchor = _narrative_time(ctx, ent)
    found = resolve_date_text(text, ctx.published_date, prefer, year, anchor, ctx.published_precision)
    if found is None:
        return None
    return found[0], found[1], found[2], ent.text


def _date_ents(doc) -> list:
    """The DATE entities of the doc and the TIME ones that name a day ("Wednesday night"), listed once
    (`doc.ents` builds new spans on each access)."""
    found = doc.user_data.get("diplodata_date_ents")
    if found is None:
        found = doc.user_data["diplodata_date_ents"] = [e for e in doc.ents if e.label_ == "DATE" or _day_time(e)]
    return found


def _narrative_time(ctx: DocContext, ent) -> tuple[int | None, object]:
    """The year the paragraph last named, and the last day the text named before `ent`."""
    text = ctx.text
    para_start = text.rfind("\n\n", 0, ent.start_char) + 1
    year, anchor = None, None
    earlier = [e for e in _date_ents(ctx.doc) if e.end_char <= ent.start_char
               and e.start_char >= ent.start_char - 1500]
    for other in reversed(earlier):
        if year is None and other.start_char >= para_start and (m := YEAR.search(other.text)):
            year = int(m.group("y"))
        if anchor is None:
            anchor = day_anchor(other.text, ctx.published_date, "past", year, ctx.published_precision)
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
    if _counting_frame(ent):
        return "today"
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



def _shared_time_holders(verb, ctx, tok, g: dict, planned: bool = False) -> dict[int, int]:
    """Verbs whose time phrases also date this clause, each with the token index a shared phrase must
    precede: the first conjunct ("On May 3, X visited Y and met Z"), a when-clause or participle
    ("reproached Abe when he visited ... in 2013"), and the reporting verb of a reported event that
    happened (a planned one is announced today and held later)."""
    out: dict[int, int] = {}
    promised = False  # a planned act under the verb that promises it: that verb's time is the promise's
    for _ in range(3):
        if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "said he wants to expand": the clause of "wants"
            promised = planned
            if not planned:
                out[verb.i] = len(ctx.doc)  # "agreed Sunday to deepen ties": the agreeing is the act, dated so
    # "met on Saturday and agreed to expand patrols": Saturday dates the agreeing, not the patrols to come
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not awaiting(verb.head) and not promised:
        # "met Y on Monday and agreed to ...": a conjunct without its own auxiliary shares the first verb's time
        own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        out[verb.head.i] = verb.head.i if own_aux else verb.i
        if not own_aux and not planned and (speaker := reporting_verb(verb, same_tense=True)) is not None:
            out[speaker.i] = verb.i  # "said on Monday the dam threatens no one and urged X": the speaker's time
    if verb.dep_ == "advcl" and verb.head.pos_ == "VERB" and not planned and (verb.tag_ == "VBG" or any(
            c.dep_ == "mark" and c.lower_ in ("as", "while") for c in verb.children)):
        # "launched drills on Monday, deploying warships ...", "announced aid today as he signs ...": one time
        out[verb.head.i] = len(ctx.doc)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "with" and verb.head.head.pos_ == "VERB" \
            and not planned:
        out[verb.head.head.i] = len(ctx.doc)  # "criticized X on Tuesday, with its spokesman urging Y ...": one time
    if verb.dep_ == "relcl" and any(o.tag_ == "WDT" for p in verb.children if p.dep_ == "prep" for o in p.children):
        # "a May 9 clash (near the reef) in which navy ships rammed a boat": the clash's time
        out[verb.head.i] = len(ctx.doc)
        if verb.head.dep_ == "pobj" and verb.head.head.head.pos_ == "NOUN":
            out[verb.head.head.head.i] = len(ctx.doc)
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in g["reporting_verbs"] and not planned:
        out[verb.head.i] = len(ctx.doc)
        for c in verb.head.children:
            if c.dep_ == "advcl" and c.tag_ == "VBG":
                out[c.i] = len(ctx.doc)  # "Speaking Tuesday at talks, X said ..."
    for c in verb.children:
        if c.dep_ == "advcl" and (c.tag_ == "VBG" or any(m.dep_ in ("mark", "advmod") and m.lower_ in WHEN_MARKS for m in c.children)):
            out[c.i] = len(ctx.doc)
        if c.dep_ == "prep" and c.lower_ == "in" and verb.lemma_.lower() in g["reporting_verbs"]:
            # "said in its white paper released on July 12": said when the paper came out
            out.update((a.i, len(ctx.doc)) for o in c.children if o.dep_ == "pobj" for a in o.children
                       if a.dep_ in ("acl", "relcl") and a.lemma_.lower() in g["publishing_verbs"])
        if verb.lemma_.lower() in g["deploying_verbs"] and purpose_clause(c):
            out[c.i] = len(ctx.doc)  # "deployed vessels to shadow the ships on Monday": one time
    out.pop(tok.i, None)
    return out


def _is_date(ent) -> bool:
    """A DATE entity naming a time, a loose day word (a span without a label), or a TIME entity
    that names its day ("Wednesday night", "the early hours of Wednesday", "the night of June 3")."""
    return ent.label_ in ("DATE", "") and looks_like_date(ent.text) or _day_time(ent)


def _day_time(ent) -> bool:
    """A TIME entity the parser gives a day's time, which names that day ("Wednesday night")."""
    return ent.label_ == "TIME" and names_a_day(ent.text)


def _counting_frame(ent) -> bool:
    """"in their second meeting this year", "for the third time this month": the current period counts
    the occasions, and the one reported is its latest, so the report's day dates it, not the period."""
    head = ent.root.head
    return ent.root.dep_ == "npadvmod" and head.pos_ == "NOUN" and ent[0].lower_ == "this" \
        and any(c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in head.children)


def _opening_date(sent, start, g: dict):
    """A date phrase opening the sentence ("On May 3, ...", "Just last month, ...") scopes over every
    clause of it, infinitives and reported clauses included, but not over relative clauses (which
    describe something else) nor clauses placed before or after another time ("a week after ...").
    "By May 3, when X did Y, ...": a deadline dates only the when-clause. Returns (ent, phrase)."""
    ents = [e for e in sentence_ents(sent) if _is_date(e)]
    if not ents:
        return None
    ent = ents[0]
    if any(t.pos_ not in ("ADV", "ADP", "PUNCT", "CCONJ", "SPACE") for t in sent.doc[sent.start:ent.start]):
        return None
    if _attached_to(ent.root, {sent.root.i}) is None:
        return None
    path = _path_to_root(start, sent)
    if path is None or any(t.dep_ == "relcl" or _sequenced(t, g) for t in path):
        return None
    phrase = _date_phrase(ent)
    if DEADLINE.search(phrase):
        if not _inside_when_clause(path):
            return None
        phrase = ent.text
    return ent, phrase


def _pluperfect(verb) -> bool:
    """"had signed": an act before the time the sentence is set in."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and plain_form(c) in ("had", "'d") for c in verb.children)


def _path_to_root(tok, sent) -> list | None:
    """The tokens from `tok` up to the sentence root (inclusive)."""
    path, cur = [tok], tok
    for _ in range(len(sent)):
        if cur.head.i == cur.i:
            return path
        cur = cur.head
        path.append(cur)
    return None


def _sequenced(tok, g: dict) -> bool:
    """A clause or phrase introduced by "after", "before", "since": it has its own time."""
    return _sequence_link(tok, g) is not None


def _sequence_link(tok, g: dict):
    """The "after", "before" or "since" that introduces a clause or phrase: the token itself, or its mark."""
    if tok.dep_ in ("prep", "mark") and tok.lower_ in g["sequence_preps"]:
        return tok
    return next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in g["sequence_preps"]
                 and c.pos_ in ("SCONJ", "ADP")), None)


def _inside_when_clause(path) -> bool:
    """Whether the path reaches a when-clause before leaving through a conjunct with its own subject."""
    for t in path:
        if any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in t.children):
            return True
        if t.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return False
    return False


def _possessive_date(start):
    """"last week's action by the court, which issued a warrant": a possessive date dates its noun, the
    noun's own phrases, and the relative clause of the noun's agent, which restates the action."""
    cur = start
    if cur.dep_ == "relcl" and not _pluperfect(cur):
        cur = cur.head
    for _ in range(6):
        for c in cur.children:
            if c.dep_ == "poss" and any(_is_date(e) and e.start <= c.i < e.end for e in sentence_ents(sent_of(c))):
                return next(e for e in sentence_ents(sent_of(c)) if e.start <= c.i < e.end)
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


DURATION_LINK = re.compile(r"(?P<span>(?:\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|\d{1,2})\s+)?"
                           r"\b(?P<unit>hours?|days?|weeks?|months?|years?))\s+(?P<dir>after|before)\s*$", re.I)


def _duration_from_now(ctx: DocContext, tok, clause, sent):
    """"His trip comes just hours after he met X", "... a week after a summit with Y": a present-tense
    clause placed a span before or after this event puts the event that long from the publication date."""
    link = _link_of(tok, clause)
    if link is None:
        return None
    m = DURATION_LINK.search(ctx.text[sent.start_char:link.idx + len(link)])
    if not m:
        return None
    host = _link_host(link, sent)
    if host is None or host.tag_ not in ("VBZ", "VBP") or ctx.published_precision == "year":
        return None  # "hours after" a day nobody knows names no month
    found = resolve_offset(m.group("span"), m.group("dir").lower(), ctx.published_date)
    if found is None:
        return None
    return found[0], found[1], found[2], m.group(0).strip()


def _link_of(tok, clause):
    """The "after"/"before" that introduces the trigger: its preposition or its clause's mark."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ("after", "before"):
        return tok.head
    for head in (tok, clause):
        if head is not None:
            for c in head.children:
                if c.dep_ == "mark" and c.lower_ in ("after", "before"):
                    return c
    return None


def _link_host(link, sent):
    """The verb the "after"/"before" phrase modifies; a phrase coordinated with an earlier one
    ("hours after X and a week after Y") shares that one's verb."""
    cur = link.head if link.dep_ == "mark" else link
    doc = link.doc
    earlier = [t for t in doc[sent.start:link.i] if t.lower_ in ("after", "before")]
    if earlier and any(t.lower_ == "and" for t in doc[earlier[-1].i:link.i]) and doc[earlier[-1].i].dep_ in ("mark", "prep"):
        return _link_host(earlier[-1], sent)
    for _ in range(8):
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None
