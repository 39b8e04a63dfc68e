"""Speakers given outside the sentence: "Name:" labels, lead-in lines ending with a colon, and a
reporting verb in the sentence just before the quotation."""
from __future__ import annotations

import re

from pipeline.extract.quotes.attribution import Attribution, Context, is_cue, speaker_of, subject_of
from pipeline.extract.quotes.lexicon import BULLET, MARKDOWN_LINK_TARGET, SPACES, lexicon
from pipeline.extract.quotes.names import clean_name, name_in_label
from pipeline.extract.quotes.spans import QSpan, word_count

def label_region(ctx: Context, sp: QSpan) -> tuple[int, int] | None:
    """The "Name:" or "[Name](link):" text before a quotation that opens its paragraph."""
    ps, pe = ctx.paras[sp.para]
    m = BULLET.match(ctx.text, ps)
    s = m.end() if m else ps
    pi = sp.para
    while pi > 0 and sp.para - pi < 3 and label_continues(ctx, s, sp.start - 1, pi):
        pi -= 1  # a label wrapped over short lines, each its own paragraph in unwrapped text
        s = ctx.paras[pi][0]
    region = ctx.text[s:sp.start - 1]
    flat = SPACES.sub(" ", re.sub(r"[\[\]*_#]", "", MARKDOWN_LINK_TARGET.sub("", region))).strip()
    if not flat.endswith(":") or len(flat.split()) > 12:
        return None
    return s, sp.start - 1


def label_continues(ctx: Context, s: int, e: int, pi: int) -> bool:
    """Whether the label text [s, e) may start in the paragraph before paragraph `pi`."""
    region = clean_name(ctx.text[s:e]).split(":")[0]
    if not re.search(r"\w", region):
        return True
    if word_count(region) < 12:
        ps, pe = ctx.paras[pi - 1]
        return not re.search(r"[.!?:]\W*$", ctx.text[ps:pe]) and word_count(ctx.text[ps:pe]) <= 6
    return False


def from_label(ctx: Context, sp: QSpan) -> Attribution | None:
    region = label_region(ctx, sp)
    if region is None:
        return None
    words = clean_name(ctx.text[region[0]:region[1]]).split()
    if not words or words[0].lower() in lexicon()["topic_label_starts"]:
        return lead_in(ctx, sp, own=False) or Attribution(None, ":")
    toks = [t for t in ctx.tokens(*region) if not t.is_punct]
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("NNP",) for t in toks) and len(words) > 4:
        return None
    # "Secretary of Commerce Ann Roe:", "Azerbaijani Ministry of Foreign Affairs:": the name found in the label
    found = ctx.names.lookup(name_in_label(words))
    if found.entity_id:
        return Attribution(found, ":")
    person = ctx.names.within(*region, ("person",))
    if person is not None and len(person.name.split()) > 1 and (
            found.name.endswith(person.name) or person.name not in found.name):
        return Attribution(person, ":")  # "Secretary of Commerce Ann Roe:" -> "Ann Roe", not "Commerce Ann Roe"
    body = ctx.names.within(*region, ("organization", "igo", "state"))
    if body is not None and len(found.name.split()) == 1:
        return Attribution(body, ":")  # "Azerbaijani Ministry of Foreign Affairs:" -> the ministry, not "Affairs"
    return Attribution(found, ":")


def lead_in(ctx: Context, sp: QSpan, own: bool = True) -> Attribution | None:
    """A line ending with a colon that introduces this quotation or the list it belongs to."""
    ps = ctx.paras[sp.para][0]
    body = ctx.text[ps:sp.start - 1].rstrip(" *_\n\t")
    if own and body.endswith(":") and word_count(body) > 1:
        return from_intro(ctx, ps, ps + len(body))
    for pi in range(sp.para - 1, max(sp.para - 30, -1), -1):
        ps, pe = ctx.paras[pi]
        if any(q.para == pi for q in ctx.spans):
            continue  # an earlier item of the same list
        body = ctx.text[ps:pe].rstrip(" *_")
        return from_intro(ctx, ps, ps + len(body)) if body.endswith(":") else None
    return None


def from_intro(ctx: Context, s: int, colon: int) -> Attribution | None:
    """The speaker of "Secretary X then told reporters:" - the subject of the reporting verb nearest
    the colon ("X said that ... . He added:"), else of the first verb."""
    toks = ctx.tokens(s, colon)
    ids = {t.i for t in toks}
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX")]
    for verb in [v for v in reversed(verbs) if is_cue(v)][:1] + verbs:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in ids]
        if subj:
            who = speaker_of(ctx, subj[0], verb)
            if who is not None:
                return Attribution(who, ":")
    who = ctx.names.within(s, colon, ("person", "organization", "igo"))
    return Attribution(who, ":") if who else None


def previous_sentence(ctx: Context, sp: QSpan) -> Attribution | None:
    """"Stoltenberg spoke to reporters. “...”": a reporting verb in the sentence just before."""
    ss, _ = ctx.sentence_bounds(sp.start - 1, sp.start)
    if ss <= 0 or ctx.names.in_quote(ss - 1):
        return None
    ps, _ = ctx.sentence_bounds(ss - 1, ss)
    if sp.para > 0 and ps < ctx.paras[sp.para - 1][0]:
        return None
    for t in ctx.tokens(ps, ss):
        if is_cue(t) and not ctx.quoted(t) and t.dep_ == "ROOT":
            subj = subject_of(t)
            who = speaker_of(ctx, subj, t) if subj is not None else None
            if who is not None:
                return Attribution(who, t.text)
    return None


# "“...”\n> — White House spokesman Ann Roe": a pull quote signed on the line after it.
DASH_SIGNATURE = re.compile(r"[ \t*_]*\n?[ \t>*_]*[—–―]{1,2}[ \t]*(?P<who>[^\n—–]{2,160}?)[ \t*_]*(?:\n|$)")


def from_signature(ctx: Context, sp: QSpan) -> Attribution | None:
    if not sp.closed:
        return None
    m = DASH_SIGNATURE.match(ctx.text, sp.end + 1)
    if m is None or word_count(m.group("who")) > 12 or not m.group("who")[:1].isupper():
        return None
    s, e = m.span("who")
    if any(t.pos_ in ("VERB", "AUX") for t in ctx.tokens(s, e)):
        return None  # "“...” — Beijing denied it": a sentence goes on, no signature
    who = ctx.names.within(s, e, ("person", "organization", "igo", "state"))
    if who is None:
        name = name_in_label(clean_name(m.group("who")).split(",")[0].split())
        who = ctx.names.lookup(name) if name else None
    return Attribution(who, "—") if who is not None else None
