"""Quotations: find quoted spans, drop titles and scare quotes, attribute speakers.

Spans and filters are in `spans`; attribution uses the dependency parse
(`attribution`): the reporting cue (a verb or phrase from
`data/reporting_verbs.yaml`) that governs, depends on or stands next to the
quotation, and that cue's subject; then "Name: “...”" labels, the previous
quotation in the paragraph and a lead-in line ending with a colon (`labels`).
"""
from __future__ import annotations

from typing import Any

from pipeline.extract.quotes.attribution import (Attribution, Context, find_cue, settled_subject, speaker_of,
                                                  subject_of)
from pipeline.extract.first_person import words as first_person_words
from pipeline.extract.quotes.labels import from_label, from_signature, lead_in, previous_sentence
from pipeline.extract.quotes.lexicon import lexicon
from pipeline.extract.quotes.spans import QSpan, find_spans, keep, paragraphs, word_count
from pipeline.ids import unique_rows

__all__ = ["build_rows", "extract_quotes"]


def own_attribution(ctx: Context, sp: QSpan) -> Attribution | None:
    """A quote's own cue names its speaker when its subject is a third party ("AFP: ... Ukraine's
    foreign ministry said he would discuss 'X'"); otherwise the turn label or signature does."""
    cued, third_party = cue_attribution(ctx, find_cue(ctx, sp))
    if third_party and cued.speaker is not None:
        return cued
    return from_label(ctx, sp) or from_signature(ctx, sp) or cued


def cue_attribution(ctx: Context, found) -> tuple[Attribution | None, bool]:
    """The attribution a cue gives, and whether its subject is a third party: not a phrase cue
    ("according to") and not the text's own voice ("I said", which the turn label names)."""
    if found is None:
        return None, False
    tok, cue = found
    if cue in lexicon()["phrase_cues"]:
        return Attribution(speaker_of(ctx, tok, None), cue), False
    subj = subject_of(tok)
    own_voice = subj is not None and subj.lower_ in first_person_words()["pronouns"]
    speaker = speaker_of(ctx, subj, tok) if subj is not None else None
    return Attribution(speaker, cue, settled_subject(subj)), not own_voice


def is_full(ctx: Context, sp: QSpan) -> bool:
    body = ctx.text[sp.start:sp.end].lstrip("\\[(…. '\"‘“")
    if not body[:1].isupper():
        return False
    before = ctx.text[ctx.paras[sp.para][0]:sp.start - 1].rstrip(" *_\n\t")
    if not before or before[-1] in ".,:;!?—–-)]":
        return True
    prev = [t for t in ctx.tokens(max(0, sp.start - 40), sp.start - 1) if not t.is_space]
    return bool(prev) and prev[-1].pos_ in ("VERB", "AUX", "SCONJ")


def attribute_all(ctx: Context, kept: list[QSpan]) -> dict[int, Attribution]:
    out: dict[int, Attribution] = {}
    for i, sp in enumerate(kept):
        att = own_attribution(ctx, sp)
        if att is not None:
            out[i] = att
            if att.speaker is not None:
                ctx.prev = (sp, att.speaker)
    chains: dict[int, Attribution] = {}
    for i, sp in enumerate(kept):
        if sp.chain is not None and i in out and out[i].speaker is not None:
            chains.setdefault(sp.chain, out[i])
    unresolved = {i: out.pop(i) for i in list(out) if out[i].speaker is None and not out[i].settled}
    prev: tuple[QSpan, Attribution] | None = None
    for i, sp in enumerate(kept):
        if i not in out and sp.chain is not None and sp.chain in chains:
            out[i] = chains[sp.chain]
        if i not in out and prev and prev[0].para == sp.para and prev[1].speaker is not None:
            out[i] = prev[1]
        if i not in out:
            lead = (lead_in(ctx, sp) or previous_sentence(ctx, sp)) if is_full(ctx, sp) else None
            if lead is not None:
                out[i] = lead
        if i not in out and i in unresolved:
            out[i] = unresolved[i]  # a cue with no nameable subject: the quote stands, speaker unknown
        if i in out:
            prev = (sp, out[i])
            if sp.chain is not None and out[i].speaker is not None:
                chains.setdefault(sp.chain, out[i])  # "“A,” X said. “B.¶“C.”": C goes on B, whose speaker is X
    return out


def extract_quotes(parsed: Any) -> list[dict]:
    """Quotation rows of one parsed document, each with its content id. An exception is a bug: it
    reaches the caller, which records it for the document (never an empty result)."""
    return unique_rows("quote", build_rows(parsed))


def build_rows(parsed: Any) -> list[dict]:
    text = parsed.text or ""
    paras = paragraphs(text)
    spans = find_spans(text, paras)
    ctx = Context(parsed, spans, paras)
    kept = [sp for sp in spans if keep(text, sp, paras)]
    atts = attribute_all(ctx, kept)
    rows = []
    for i, sp in enumerate(kept):
        att = atts.get(i)
        full = is_full(ctx, sp)
        if att is None and not (full and word_count(text[sp.start:sp.end]) >= 6):
            continue  # scare quotes and coined terms: nobody is reported as saying them
        who = ctx.names.as_written(att.speaker) if att else None
        ss, se = ctx.sentence_bounds(sp.start, sp.end)
        rows.append({  # quote_id is set from the finished row (extract_quotes)
            "doc_id": parsed.doc_id,
            "text": text[sp.start:sp.end],
            "speaker": who.name if who else None,
            "speaker_entity_id": who.entity_id if who else None,
            "cue": att.cue if att else None,
            "quote_type": "full" if full else "partial",
            "char_start": sp.start,
            "char_end": sp.end,
            "sentence": text[ss:se],
        })
    return rows