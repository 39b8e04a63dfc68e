"""The output row of one event: its pairs of actor and recipient, text span, place and confidence."""
from __future__ import annotations

from pipeline.extract.entities.gazetteer import place_kind
from pipeline.extract.events.agents import political
from pipeline.extract.events.context import DocContext
from pipeline.extract.events.lexicon import NOUN_CONFIDENCE, PHRASE_CONFIDENCE, VERB_CONFIDENCE
from pipeline.extract.events.parties import ArgReader, Party
from pipeline.extract.events.syntax import governing_verb, sent_of
from pipeline.extract.events.triggers import Candidate, objects_of
from pipeline.nlp.lemmas import written_form

# the prepositions that name what an act is aimed at ("fired at", "an attack on", "measures against")
TARGET_PREPS = ("at", "on", "against")


def actor_recipient_pairs(actors: list[Party], recips: list[Party], reciprocal: bool,
                          domestic: bool = False) -> list[tuple[Party, Party | None]]:
    """One (actor, recipient) pair per two sides; `domestic` (the types where agents act) lets two
    parties of one state be a pair."""
    if not actors:
        return []
    if not recips:
        if len(actors) >= 2 and reciprocal:
            return [(actors[0], r) for r in actors[1:]]
        return [(a, None) for a in actors]
    out, seen = [], set()
    for a in actors:
        for r in recips:
            apart = domestic and _one_state_apart(a, r)
            key = frozenset([a.name, r.name] if apart else [a.code or a.name, r.code or r.name])
            if len(key) == 2 and key not in seen:  # "we ... our partnership": one pair, not both ways
                seen.add(key)
                out.append((a, r))
    return out


def coded_pairs(actors: list[Party], recips: list[Party], reciprocal: bool, etype: str,
                grammar: dict) -> list[tuple[Party, Party | None]]:
    """The pairs the dataset codes for an event of `etype`, whether the rules or the model read the
    type: one per two sides, one state on both sides only where agents act, each a political pair."""
    domestic = etype in grammar["agent_types"]
    return [(a, r) for a, r in actor_recipient_pairs(actors, recips, reciprocal, domestic)
            if political(a, r, etype, grammar)]


def _one_state_apart(a: Party, r: Party) -> bool:
    """A state or its organs acting on a person or body of its own ("the federal police indicted the
    former president", "the court rejected the opposition leader's appeal"): a pair in the types where
    agents act. A state is never the one acted on by its own ("we ... our partnership", "the minister
    called for the release of Japanese nationals" is not Japan's act on Japan)."""
    return a.code == r.code and a.name != r.name and not (a.group or r.group) and r.etype in ("person", "organization")


def _span(cand: Candidate, parties: list[Party | None]) -> tuple[int, int]:
    tok = cand.tok
    sent = sent_of(tok)
    idx = [tok.i] + [p.token_i for p in parties if p is not None and p.token_i is not None
                     and sent.start <= p.token_i < sent.end]
    head = tok if tok.pos_ in ("VERB", "AUX") else (governing_verb(tok) or tok)
    if not (sent.start <= head.i < sent.end):
        head = tok
    left = min([tok.left_edge.i] + idx)
    right = max([tok.right_edge.i] + idx)
    if head is not tok:
        left = min(left, tok.i)
    start_tok, end_tok = sent.doc[max(left, sent.start)], sent.doc[min(right, sent.end - 1)]
    return start_tok.idx, end_tok.idx + len(end_tok)


def event_row(ctx: DocContext, cand, etype, mode, actor: Party, recip: Party | None, status, date, kind, place,
              date_basis: str = "sentence") -> dict:
    tok = cand.tok
    start, end = _span(cand, [actor, recip])
    location, location_code = place
    base = {"verb": VERB_CONFIDENCE, "noun": NOUN_CONFIDENCE, "phrase": PHRASE_CONFIDENCE}[kind]
    confidence = (cand.entry.confidence if cand.entry.confidence is not None else base) - (0.1 if recip is None else 0) - (0.1 if not actor.code else 0)
    event_date, date_end, precision, date_text = date if date else (None, None, None, None)
    return {  # event_id is set from the finished row (extract_events)
        "doc_id": ctx.doc_id,
        "event_type": etype,
        "event_mode": mode,
        "actor": actor.name,
        "actor_entity_id": actor.entity_id,
        "actor_code": actor.code,
        "recipient": recip.name if recip else None,
        "recipient_entity_id": recip.entity_id if recip else None,
        "recipient_code": recip.code if recip else None,
        "location": location,
        "location_code": location_code,
        "event_date": event_date,
        "event_date_end": date_end,
        "date_precision": precision,
        "date_text": date_text,
        "date_basis": date_basis if event_date is not None else None,
        "status": status,
        "trigger": cand.obj.text if cand.entry.feeling else written_form(tok),  # "concerned", not its "is"
        "char_start": start,
        "char_end": end,
        "sentence": sent_of(tok).text,
        "confidence": round(max(0.05, min(1.0, confidence)), 2),
    }


# "struck targets near Damascus": where the act landed, not only where it was held; "arrested
# activists across Kenya", "throughout the country": over the place's ground
PLACE_PREPS = ("in", "inside", "within", "at", "near", "outside", "around", "across", "throughout")


def event_location(tok, reader: ArgReader, meeting: bool = False) -> tuple[str | None, str | None]:
    """A place the event happened in: "in Tokyo", "at the summit in Hiroshima"; else the place of
    its target, where the parse hangs it ("fired tear gas at protesters in Harare"), or of the target
    of an act named as the object ("carried out strikes on camps in Mali"). A meeting's place may
    hang on the partner ("talks with Kuleba in Guangzhou") or name a seat ("an Oval Office meeting")."""
    holders = [tok] + ([governing_verb(tok)] if tok.pos_ != "VERB" and governing_verb(tok) is not None else [])
    targets = [t for h in holders for t in objects_of(h, preps=TARGET_PREPS)]
    # the target of an act named as the object: "carried out strikes on camps in Mali"
    targets += [t for o in targets for t in objects_of(o, preps=TARGET_PREPS) if t not in targets]
    if meeting:
        seat = _seat_named_on(tok, reader)
        if seat[1]:
            return seat
        targets += [t for h in holders for t in objects_of(h, preps=("with",)) if t.pos_ == "PROPN"]
    for holder in holders + targets:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (found := place_or_its_region(pobj, reader))[1]:
                        return found
    return None, None


def place_or_its_region(pobj, reader: ArgReader) -> tuple[str | None, str | None]:
    """"in Wilmington, Delaware": a town the dictionaries lack, placed by the region set off after it."""
    name, code = reader.place(pobj)
    if code:
        return name, code
    # "in Nigeria's Benue State", "Ethiopia's Amhara region": the state that owns the region
    owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
    if owner is not None and (found := reader.place(owner))[1]:
        return found
    doc = pobj.doc
    # the parser may hang the region on the phrase before ("met X in Naivasha, Kenya": appos of X)
    after = doc[pobj.i + 2] if pobj.i + 2 < len(doc) and doc[pobj.i + 1].text == "," else None
    region = next((c for c in pobj.children if c.dep_ in ("appos", "npadvmod") and c.pos_ == "PROPN"), after)
    return reader.place(region) if region is not None and region.pos_ == "PROPN" else (None, None)


def _seat_named_on(tok, reader: ArgReader) -> tuple[str | None, str | None]:
    """"a heated Oval Office meeting": a seat of government named on the meeting noun is its place
    (a state named there is a party, "a Japan-China meeting", so only places count)."""
    for child in tok.children:
        name = tok.doc[child.left_edge.i:child.i + 1].text
        if child.dep_ == "compound" and place_kind(name) in ("seat", "city"):
            return reader.place(child)
    return None, None
