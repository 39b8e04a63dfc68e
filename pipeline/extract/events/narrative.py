"""Dates a sentence takes from the text around it rather than from its own words (codebook section 7,
as docs/CODEBOOK.md reads it). Two cases, each marked in `date_basis`:

- `context`: a readout goes on reporting a dated meeting or call. "President Biden met Prime Minister
  Kishida on Tuesday. The leaders discussed North Korea." The discussing is the Tuesday meeting;
  the date comes from the text, not from the publication. A news story goes on in the same way from
  the dated act between two sides it opens with ("Ghana and Togo signed a treaty on Monday"). Only
  acts told in the past tense by the meeting's own parties take it, with no date phrase of their own,
  and only until the narrative moves to another date. A readout that
  opens on its meeting with no date phrase ("Vladimir Putin had a telephone conversation with
  Donald Trump.", published to the day) reports that day's meeting: the opening is dated to the
  publication day (`publication`) and the story goes on from it.
- `publication`: a statement made in the present tense by its speaker ("China firmly opposes it",
  "we urge Japan to ...", "Japan is concerned about ...") or a pledge made now ("we will support
  Ukraine", "will stand with Ukraine": SUPPORT, `planned`) is made on the day the text is
  published, at the precision that day is known: the pledge is said then, though its act is to come.

Everything else without a date phrase keeps a null date: nothing is dated by guess."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.events.context import DocContext
from pipeline.extract.events.dates import ANCHORED
from pipeline.extract.events.syntax import DEFINITE, governing_verb, plain_form
from pipeline.extract.events.when import names_a_time

# acts done by saying them: a present-tense report of one is the saying
SPEECH_TYPES = frozenset({"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "AGREE", "PROTEST"})
PRESENT_TAGS = frozenset({"VBP", "VBZ"})
PAST_TAGS = frozenset({"VBD"})
# clause links through which the main verb's time reaches the trigger
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "conj", "advcl"})
# determiners by which a noun refers back to an occasion the text has told ("their call" too)
REFERRING_DETS = DEFINITE | {"their", "its"}


@dataclass(frozen=True)
class Meeting:
    """A meeting or call the text dates to the day (or the act a news story opens with), and the codes
    of its sides."""
    date: tuple          # (date, end, precision, date_text), as `when.event_date` gives it
    parties: frozenset
    opening: int | None = None  # the trigger's token index where the meeting is the readout's opening


def noted_meeting(current: Meeting | None, etype: str, status: str, date: tuple | None, pairs, tok) -> Meeting | None:
    """The meeting later sentences go on reporting, after a reading dated by its own words."""
    if date is None or _anterior(tok):
        return current  # "the talks they had begun on February 12": told as background, not as the story
    if status != "occurred":
        return current  # "informed him that on March 19 they will exchange prisoners": still to come, no move
    codes = frozenset(p.code for pair in pairs for p in pair if p is not None and p.code)
    # a meeting starts a story, and so does another act between two sides where none is told yet
    # (a news lede: "Ghana and Togo signed a treaty on Monday"); an act on another day only ends one
    if date[2] == "day" and len(codes) >= 2 and (etype == "CONSULT" or current is None):
        return Meeting(date, codes)
    return current if current is not None and date[0] == current.date[0] else None  # the story moved on


def opening_meeting(ctx: DocContext, etype: str, status: str, date: tuple | None, tok, pairs,
                    grammar: dict) -> Meeting | None:
    """The meeting a readout opens on: the text's first act, a meeting or call between two coded
    sides told in the simple past in the main clause, with no date phrase of its own, in a text
    published to the day. A readout is published the day it reports; a story that opens on an older
    meeting names its day, and one told as background ("had begun", "when they met") is no opening."""
    if etype != "CONSULT" or status != "occurred" or date is not None or ctx.published_date is None:
        return None
    codes = frozenset(p.code for pair in pairs for p in pair if p is not None and p.code)
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if (ctx.published_precision or "day") != "day" or len(codes) < 2 or verb.dep_ != "ROOT" or _anterior(tok):
        return None
    if not _told_in(verb, PAST_TAGS) or verb.lemma_.lower() in grammar["aspect_verbs"]:
        return None  # "began negotiations": a phase of talks that ran before the text, not the day's meeting
    if names_a_time(ctx, tok, grammar):
        return None  # "held talks last week", a week across two months: dated by no point, but not today
    return Meeting((ctx.published_date, None, "day", None), codes, tok.i)


def note_opening(coding, etype: str, status: str, date: tuple | None, tok, pairs) -> None:
    """Before the text has coded anything (`coding.opened`), a readout's opening meeting becomes the
    meeting the story goes on reporting (`coding` is the coder's `rows.Coding`)."""
    if coding.opened:
        return
    opening = opening_meeting(coding.ctx, etype, status, date, tok, pairs, coding.lex.grammar)
    if opening is not None:
        coding.meeting = opening


def row_date(ctx: DocContext, meeting: Meeting | None, date: tuple | None, tok, kind: str, etype: str,
             status: str, actors, grammar: dict) -> tuple[tuple | None, str]:
    """A reading's date and its basis: the sentence's own, else one the context lends, else none."""
    if date is not None:
        return date, "sentence"
    if meeting is not None and meeting.opening == tok.i:
        return meeting.date, "publication"
    return _context_date(ctx, meeting, tok, kind, etype, status, actors, grammar) or (None, "sentence")


def _context_date(ctx: DocContext, meeting: Meeting | None, tok, kind: str, etype: str, status: str,
                 actors, grammar: dict) -> tuple[tuple, str] | None:
    """The date and its basis for a reading whose own sentence gives none, or None."""
    told = tok if kind != "noun" else _doing_verb(tok)
    if status == "occurred" and meeting is not None and _at_meeting(meeting, tok, kind, told, actors, grammar) \
            and not _own_time(ctx, tok, grammar):
        return meeting.date, "context"
    if ctx.published_date is None:
        return None
    said = kind != "noun" and etype in SPEECH_TYPES and _said_now(tok)  # a pledge too: said now, done later
    if said or status == "occurred" and told is not None and _just_done(told):
        return (ctx.published_date, None, ctx.published_precision or "day", None), "publication"
    return None


def _own_time(ctx: DocContext, tok, grammar: dict) -> bool:
    """The clause names a time of its own, resolved or not ("In May, Ghana signed ..."), other than the
    story's own day ("on the same day", where no day was named before the story's)."""
    if not names_a_time(ctx, tok, grammar):
        return False
    same = ANCHORED.search(tok.sent.text)
    return not (same and same.group("same"))


def _at_meeting(meeting: Meeting, tok, kind: str, told, actors, grammar: dict) -> bool:
    """The act is of the meeting the story is on: placed at it by the clause, or done by its own
    parties and told in the past."""
    if _at_that_meeting(tok if kind != "noun" else governing_verb(tok), grammar):
        return True
    codes = {p.code for p in actors if p.code}
    return told is not None and bool(codes) and codes <= meeting.parties and _told_in(told, PAST_TAGS)


def _just_done(verb) -> bool:
    """"I just met with Xi", "we have just concluded a session": done in the moments before the text
    was spoken or published, so on its day."""
    return (verb.tag_ in PAST_TAGS or _perfect(verb) and verb.tag_ == "VBN") and not _past_perfect(verb) \
        and any(c.dep_ == "advmod" and c.lower_ == "just" and c.i < verb.i for c in verb.children)


def _at_that_meeting(clause, g: dict) -> bool:
    """"During this event, the countries of the region opposed ...": the clause says it took place at
    an occasion it refers back to by a definite noun with no name or party of its own, which is the
    meeting the story is on, whoever acts."""
    if clause is None:
        return False
    for prep in clause.children:
        if prep.dep_ != "prep" or prep.lower_ not in g["occasion_preps"]:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in g["occasion_nouns"] and _refers_back(noun):
                return True
    return False


def _refers_back(noun) -> bool:
    """"this event", "the talks", "their call"; not "a meeting", "the G7 summit", "the talks with Iran"."""
    kids = list(noun.children)
    pointing = any(c.dep_ in ("det", "poss") and c.lower_ in REFERRING_DETS for c in kids)
    named = any(c.dep_ in ("compound", "prep", "nmod", "nummod") or c.pos_ == "PROPN" for c in kids)
    return pointing and not named


def _doing_verb(noun):
    """The verb whose direct object a noun trigger is, which tells when the act was done ("put forward
    a proposal", "expressed condolences"); a noun elsewhere ("the proposal was discussed") tells no time."""
    return noun.head if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None


def _told_in(verb, tags: frozenset) -> bool:
    """The trigger's own tense: its tag, or that of the verb whose infinitive it is ("agreed to expand")
    or whose participle clause it opens ("Reaffirming his commitment, the President said ...")."""
    for _ in range(4):
        if verb.tag_ in tags and not _perfect(verb):
            return True
        if not (verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")) or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _said_now(verb) -> bool:
    """In the speaker's present: "opposes", "urge", "is concerned", "will support"; not under a
    verb in the past ("said Japan opposes ..."), which tells of another time."""
    if not (_told_in(verb, PRESENT_TAGS) or _promised_now(verb)):
        return False
    cur = verb
    for _ in range(6):
        if cur.dep_ not in CLAUSE_LINKS or cur.head.i == cur.i:
            return True
        cur = cur.head
        if cur.tag_ in PAST_TAGS or _perfect(cur):
            return False
    return True


def _promised_now(verb) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and plain_form(c) in ("will", "shall", "'ll") for c in verb.children)


def _anterior(tok) -> bool:
    """A trigger told as what came before the story: in the past perfect ("had begun during their call
    on February 12"), or in a relative clause on another word ("the exchange that they had begun", "the
    treaty, signed in April 2021")."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "relcl" or cur.dep_ == "acl" and cur.tag_ == "VBN" \
                or (cur.pos_ in ("VERB", "AUX") and _past_perfect(cur)):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _past_perfect(verb) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in verb.children)


def _perfect(verb) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
