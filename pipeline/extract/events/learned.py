"""Rows the learned trigger model adds: a verb or noun of the sentence that no rule coded, which the
model reads as an event of some type. The model decides the type (pipeline/extract/event_model.py);
the rules keep what they know: clause status (negation, hypotheticals), arguments, date and place."""
from __future__ import annotations

from pipeline.extract.event_model import candidate_votes, document_context, lemma, load_event_model, nominal_readings
from pipeline.extract.events.agents import placed
from pipeline.extract.events.lexicon import JOINT_TYPES, Entry, Lexicon
from pipeline.extract.events.output import coded_pairs, event_location, event_row
from pipeline.extract.events.memory import refers_back
from pipeline.extract.events.narrative import note_opening, row_date
from pipeline.extract.events.rows import Coding, arguments_with_agents, joint_actors, scheduled
from pipeline.extract.events.status import clause_status
from pipeline.extract.events.threats import conditional_menace, threat_parties
from pipeline.extract.events.syntax import bare_participle, depth, in_a_date, indefinite, joins_an_act, main_event_first
from pipeline.extract.events.triggers import Candidate, object_reading, declined, particle_missing
from pipeline.extract.events.when import event_date
from pipeline.extract.trigger_lexicon import load_derived


def learned_rows(coding: Coding, sent, passed: set[int]) -> list[dict]:
    """Rows of the tokens of `sent` that the model reads as triggers, skipping `passed` (tokens the
    rules consumed, such as list items). Without a model (DIPLODATA_EVENT_MODEL=none) the rules
    stand alone."""
    model = load_event_model()
    if model is None:
        return []
    ranked: list[tuple[int, int, list[dict]]] = []
    for tok in sent:
        found = None if tok.i in passed or in_a_date(tok) else candidate_votes(tok, coding.lex)
        if found is None:
            continue
        if not coding.contexts and model.context_weights is not None:
            coding.contexts.update(document_context(coding.ctx.doc.sents))  # one batch for the document
        context = coding.contexts.get(sent.start)
        reading = model.reading(tok, found, None if context is None else context[tok.i - sent.start])
        if reading is not None:
            ranked.append((depth(tok), tok.i, _rows(coding, tok, *reading)))
    return main_event_first(ranked)


def _rows(coding: Coding, tok, etype: str, probability: float) -> list[dict]:
    kind = "noun" if tok.pos_ == "NOUN" else "verb"
    if joins_an_act(tok) or bare_participle(tok) or particle_missing(tok, coding.lex):
        return []  # "joined the G-7 in sanctioning Russia": one event, the sanctioning (codebook section 5)
    status = clause_status(tok, kind, coding.lex)
    menace = conditional_menace(tok, kind, etype, coding.reader)
    status = "occurred" if menace else status
    if status in (None, "desire"):
        # negated, hypothetical or conditional, or only wished for ("wants to sign"): not an event
        # (codebook section 5); the rules make a wish planned only where their entry says how
        return []
    if declined(tok, etype, coding.lex) or _reply_done(tok, etype, status, coding.lex):
        return []
    etype, mode = _lexicon_object_type(tok, etype, coding.lex) or (etype, _mode(tok, etype, coding.lex))
    etype, mode = ("THREATEN", "threat") if menace else (etype, mode)  # "would impose sanctions if ..."
    cand = Candidate(tok, Entry(type=etype, mode=mode or "", confidence=round(probability, 2),
                                reciprocal=etype in JOINT_TYPES), kind)
    args = arguments_with_agents(cand, coding)
    actors, recips = (args.actors, args.recips) if args is not None else ([], [])
    if menace:
        actors, recips = threat_parties(tok, coding.reader, actors, recips)
    if etype in JOINT_TYPES and joint_actors(actors, recips, _entry_of(tok, coding.lex)):
        recips = []
    place = event_location(tok, coding.reader)
    actors, recips = placed(actors, place[1]), placed(recips, place[1])
    pairs = coded_pairs(actors, recips, cand.entry.reciprocal, etype, coding.lex.grammar)
    if not pairs:
        return []  # no one acting, or no political actor on either side (codebook sections 5 and 6)
    if _needs_recipient(tok, etype, coding.lex) and not any(r is not None and r.code for _, r in pairs):
        return []  # the lexicon reads this word as this event only towards someone ("boarded a ship")
    date = event_date(coding.ctx, tok, kind, status, coding.lex.grammar)
    status = "planned" if scheduled(coding.ctx, date, tok, kind) else status
    if kind == "noun" and not indefinite(tok) and refers_back(pairs, (etype, None), date, coding.seen_nouns):
        return []  # "his request": a noun naming an event the document already coded, as the rules read it
    note_opening(coding, etype, status, date, tok, pairs)
    date, basis = row_date(coding.ctx, coding.meeting, date, tok, kind, etype, status, actors, coding.lex.grammar)
    return [event_row(coding.ctx, cand, etype, mode, a, r, status, date, kind, place, basis) for a, r in pairs]


def _reply_done(tok, etype: str, status: str, lex: Lexicon) -> bool:
    """"Beijing retaliated on Monday": a reply the lexicon reads as a threat only while still to come
    (`threat_when_future`) is, once done, coded as what was done, not as a threat."""
    entry = lex.verbs.get(lemma(tok)) if tok.pos_ == "VERB" else None
    return entry is not None and entry.threat_when_future and entry.type == etype and status != "planned"


def _lexicon_object_type(tok, etype: str, lex: Lexicon) -> tuple[str, str] | None:
    """"Japan joined economic sanctions": where the lexicon reads the verb's object as another type,
    that reading (type and mode) is more specific than the model's, which reads "joined" as joining."""
    entry = lex.verbs.get(lemma(tok)) if tok.pos_ == "VERB" else None
    if entry is None or not entry.objects or entry.type != etype:
        return None
    reading = object_reading(tok, entry, lex.grammar["quantity_nouns"])
    return (reading.type, reading.mode) if reading.type != entry.type else None


def _entry_of(tok, lex: Lexicon) -> Entry | None:
    return (lex.verbs if tok.pos_ == "VERB" else lex.nouns).get(lemma(tok))


def _needs_recipient(tok, etype: str, lex: Lexicon) -> bool:
    """The project's lexicon has this word as this type only in a narrow sense (a required object)
    and only with a recipient: "boarded a ship" is no seizure without someone's ship."""
    entry = _entry_of(tok, lex)
    return entry is not None and entry.type == etype and entry.needs_recipient and bool(entry.requires_object)


def _mode(tok, etype: str, lex: Lexicon) -> str | None:
    """The mode a dictionary gives this word for this type, if one does."""
    word = lemma(tok)
    for table in (lex.verbs, lex.nouns):
        if (entry := table.get(word)) is not None and entry.type == etype:
            return entry.mode
    derived = load_derived()
    for reading in (derived.verbs.get(word), derived.nouns.get(word)):
        if reading is not None and reading.type == etype:
            return reading.mode
    if tok.pos_ == "NOUN":  # "detention": the mode of the verb it is made from
        for _, reading in nominal_readings(word, lex):
            if reading.type == etype:
                return reading.mode
    return None
