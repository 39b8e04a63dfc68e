"""Diplomatic events (codebook section 5) from the dependency parse: the per-document loop.

A trigger (a verb, an event noun, or a verb + object phrase from `pipeline/data/event_triggers.yaml`)
gives an event when the parse also names who acted; the type comes from the lexicon, the parties from
the entities layer, the date from `when`/`dates`, and the status from the grammar of the clause.
Rules produce rows sentence by sentence (`rows.rows_for`); the lists and headlines passes add the rows
the parse cannot give, and a final pass drops repeats."""
from __future__ import annotations

import re

from pipeline.extract.events.context import DocContext
from pipeline.extract.events.headlines import headline_rows, headlines
from pipeline.extract.events.learned import learned_rows
from pipeline.extract.events.lexicon import load_lexicon
from pipeline.extract.events.lists import catch_up_list_pair, list_rows
from pipeline.extract.events.parties import ArgReader
from pipeline.extract.events.rows import Coding, rows_for
from pipeline.extract.events.syntax import depth, main_event_first
from pipeline.extract.events.targets import fill_attack_targets
from pipeline.extract.events.triggers import Candidate, at_occasion, candidates, objects_of, same_event_objects
from pipeline.ids import unique_rows


FOOTNOTE = re.compile(r"\s*(\[\d{1,3}\]|\d{1,3}\.\s+[A-Z][a-z]+\s+[A-Z][a-z]+,)")


def extract_events(parsed) -> list[dict]:
    """One row per event and actor-recipient pair, each with its content id. An exception is a bug:
    it reaches the caller, which records it for the document (never an empty result)."""
    return unique_rows("event", _extract(DocContext.of(parsed)))


def _extract(ctx: DocContext) -> list[dict]:
    lex = load_lexicon()
    reader = ArgReader(ctx, lex.grammar)
    rows, taken_by_lists = list_rows(ctx, reader, lex)
    coding = Coding(ctx, reader, lex)
    titles = headlines(ctx.text)  # read by the headline pass, left alone by the model
    for sent in ctx.doc.sents:
        if sent.text.rstrip().endswith("?") or _in_footnote(ctx.text, sent.start_char):
            continue
        taken: set[int] = set(taken_by_lists)
        catch_up_list_pair(reader, sent.start_char)
        fired: set[int] = set()
        occasions: set[int] = set()  # meetings the clause's act took place at, which leave the clause to the model
        deferred: list[tuple[Candidate, object]] = []
        ranked: list[tuple[int, int, list[dict]]] = []
        for tok in sent:
            for cand in candidates(tok, lex, taken):
                found = rows_for(coding, cand, deferred)
                if found:
                    occasion = cand.kind == "noun" and at_occasion(tok, cand.entry, lex.grammar)
                    # a row whose doer the text does not name leaves the sentence to the model, which may name one
                    if occasion or any(r["actor"] is not None for r in found):
                        (occasions if occasion else fired).add(tok.i)
                taken.update(same_event_objects(cand, found, lex))
                ranked.append((depth(cand.tok), len(ranked), found))
        # the sentence's main event first ("Russia's invasion ... was condemned by X": the condemnation),
        # as a reader of one sentence takes it; the rest in the order of the text
        coded = main_event_first(ranked)
        for cand, inner in deferred:
            if not fired & {t.i for t in [inner] + objects_of(inner, preps=("in",))}:
                coded.extend(rows_for(coding, cand))  # the inner action coded nothing
        # the rules are precise where they fire; the model reads the sentences they leave, and its
        # event is the clause's own, before a meeting named as where it took place
        if not fired and not any(t.start <= sent.start_char < t.end for t in titles):
            learned = learned_rows(coding, sent, taken | occasions)
            coded = learned + coded if occasions else coded + learned
        rows.extend(coded)
        coding.opened = coding.opened or bool(coded)
    rows.extend(headline_rows(ctx, reader, lex, rows, titles))
    return _dedupe(fill_attack_targets(rows))


def _in_footnote(text: str, start: int) -> bool:
    """A sentence of a note ("[3] Takita, ... [Japan and China Agree ...], Sankei Shimbun, 2017."):
    the note's marker opens its line, which may hold several sentences of citations."""
    return bool(FOOTNOTE.match(text, start) or FOOTNOTE.match(text, text.rfind("\n", 0, start) + 1))


def _dedupe(rows: list[dict]) -> list[dict]:
    """One row per type, pair, date and sentence (the codebook codes "sanctioning ... and freezing" once);
    its span covers every wording that named it ("Reaffirming his commitment ..., he said he was ready
    to work with X")."""
    seen: dict[tuple, dict] = {}
    out = []
    for row in rows:
        # a date the context lent is no date of the sentence's own: "will continue to add ... while
        # cooperating" is one promise, whichever of its words took the day of publication
        own_date = row["event_date"] if row.get("date_basis") == "sentence" else None
        key = (row["event_type"], row["actor_code"] or row["actor"], row["recipient_code"] or row["recipient"],
               own_date, row["status"], row["sentence"])
        if key in seen:
            kept = seen[key]
            kept["char_start"] = min(kept["char_start"], row["char_start"])
            kept["char_end"] = max(kept["char_end"], row["char_end"])
            continue
        seen[key] = row
        out.append(row)
    return out
