"""Diplomatic events (codebook section 5) from the dependency parse.

A trigger (a verb, an event noun, or a verb + object phrase from
`pipeline/data/event_triggers.yaml`) gives an event when the parse also names who
acted; the type comes from the lexicon, the parties from the entities layer,
the date from `event_dates`, and the status from the grammar of the clause.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from pipeline.datafile import load_yaml
from pipeline.extract.event_args import RECIPIENT_PREPS, ArgReader, Party, entity_code, governing_verb, sent_of
from pipeline.extract.event_when import event_date
from pipeline.extract.event_lists import ListReader, first_sentence_end, headline_chunks, headlines, list_items
from pipeline.ids import unique_rows
from pipeline.nlp.parse import doc_text

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "event_triggers.yaml"
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
NULL_RECIPIENT_OK = {"MOBILIZE", "PROTEST"}
LIST_BULLET = re.compile(r"\s*(?:[-*\u2022]|\d{1,2}[.)])\s+\S")
# "the visit of the minister", "the request of X": "of" names who acted; elsewhere the target
MAX_GROUP = 6  # "the parties" stands for at most this many named parties
OF_IS_ACTOR = {"CONSULT", "REQUEST", "SUPPORT", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE"}
# "X and Y will strengthen ...": a generic verb is an event only as a promise two parties make together
# "X said Y should stop": X asks Y (codebook REQUEST: asks, appeals, demands)
REPORTED_DEMAND = {"type": "REQUEST", "mode": "appeal", "needs_recipient": True, "demand": True, "confidence": 0.55}
JOINT_COMMITMENT = {"type": "AGREE", "mode": "promise", "reciprocal": True, "joint": True, "confidence": 0.6}
FOOTNOTE = re.compile(r"\s*(\[\d{1,3}\]|\d{1,3}\.\s+[A-Z][a-z]+\s+[A-Z][a-z]+,)")
VERB_CONFIDENCE, NOUN_CONFIDENCE, PHRASE_CONFIDENCE = 0.75, 0.6, 0.7


@functools.lru_cache(maxsize=1)
def load_lexicon(path: str = str(LEXICON_PATH)) -> dict:
    with open(path, encoding="utf-8") as fh:
        lex = load_yaml(fh.read())
    lex["grammar"] = {k: (set(v) if isinstance(v, list) else v) for k, v in lex.get("grammar", {}).items()}
    lex["phrase_index"] = {}
    lex["commitment_verbs"] = set(lex.get("commitments", {}).get("verbs", []))
    for rule in lex.get("phrases", []):
        for obj in rule["object"]:
            lex["phrase_index"][(rule["verb"], obj)] = rule
    return lex


def extract_events(parsed) -> list[dict]:
    """One row per event and actor-recipient pair, each with its content id. An exception is a bug:
    it reaches the caller, which records it for the document (never an empty result)."""
    return unique_rows("event", _extract(parsed))


def _extract(parsed) -> list[dict]:
    lex = load_lexicon()
    reader = ArgReader(parsed, lex["grammar"])
    reader.quotes = _quotes_of(parsed)
    rows, taken_by_lists = _list_rows(parsed, reader, lex)
    seen_nouns: dict = {}
    for sent in parsed.doc.sents:
        if sent.text.rstrip().endswith("?") or FOOTNOTE.match(sent.text):
            continue
        taken: set[int] = set(taken_by_lists)
        _catch_up_list_pair(reader, sent.start_char)
        fired: set[int] = set()
        deferred: list[tuple[dict, object]] = []
        for tok in sent:
            for cand in _candidates(tok, lex, taken):
                found = _rows_for(parsed, reader, lex, cand, seen_nouns, deferred)
                fired.update([tok.i] if found else [])
                taken.update(_same_event_objects(cand, found, lex))
                rows.extend(found)
        for cand, inner in deferred:
            if not fired & {t.i for t in [inner] + _objects(inner, preps=("in",))}:
                rows.extend(_rows_for(parsed, reader, lex, cand, seen_nouns))  # the inner action coded nothing
    rows.extend(_headline_rows(parsed, reader, lex, rows))
    return _dedupe(rows)


def _same_event_objects(cand: dict, found: list[dict], lex: dict) -> list[int]:
    """"hosted a summit", "visited on a trip": an event noun that is the object of a verb coded as the
    same type names the same event (a broker's deal is the parties' own event, so it stays)."""
    if not found or cand["kind"] != "verb" or cand["entry"].get("broker"):
        return []
    types = {r["event_type"] for r in found}
    return [c.i for c in cand["tok"].children if c.dep_ == "dobj"
            and lex["nouns"].get(c.lemma_.lower(), {}).get("type") in types]


def _quotes_of(parsed) -> list[dict]:
    """The document's attributed quotations (who says "we" inside them), extracted once per document."""
    quotes = parsed.meta.get("quotes") if isinstance(getattr(parsed, "meta", None), dict) else None
    if quotes is None and getattr(parsed, "entities", None) is not None:
        from pipeline.extract.quotes import extract_quotes

        quotes = extract_quotes(parsed)
    return quotes or []


# ---------------------------------------------------------------- headlines

HEADLINE_PARTY_TYPES = ("state", "igo", "person", "organization")


def _headline_rows(parsed, reader: ArgReader, lex: dict, found: list[dict]) -> list[dict]:
    """Events of title-case headlines the parse misread: "U.S., China Sign Trade Deal"."""
    rows: list[dict] = []
    for line in headlines(parsed.text):
        if any(line.start <= r["char_start"] < line.end for r in found):
            continue
        hit = _headline_trigger(parsed, reader, lex, line)
        if hit is None:
            continue
        tok, entry, kind = hit
        actors = _headline_subject(parsed, reader, line.start, tok.idx)
        recips = _headline_object(parsed, reader, tok, line.end, place=bool(entry.get("dest")))
        if entry.get("host"):
            actors, recips = recips, actors
        if not recips and (kind == "noun" or not entry.get("reciprocal") or len(actors) < 2):
            continue
        status = "planned" if tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("to", "will") else "occurred"
        cand = {"tok": tok, "entry": entry, "kind": kind}
        for a, r in _pairs(actors, recips, bool(entry.get("reciprocal"))):
            if a.code and r is not None and r.code:
                row = _row(parsed, cand, entry["type"], entry["mode"], a, r, status, None, kind, (None, None))
                row.update(char_start=line.start, char_end=line.end, sentence=parsed.text[line.start:line.end])
                rows.append(row)
    return rows


def _headline_trigger(parsed, reader: ArgReader, lex: dict, line):
    """The first headline word that inflects a trigger verb ("Signs", "Ink") or names an event noun."""
    span = parsed.doc.char_span(line.start, line.end, alignment_mode="expand")
    for tok in span if span is not None else []:
        if not tok.is_alpha:
            continue
        for form in _base_forms(tok.lower_):
            if form in lex["verbs"] and not lex["verbs"][form].get("requires_prep") and not lex["verbs"][form].get("requires_object"):
                return tok, lex["verbs"][form], "verb"
        if _names_a_party(reader, tok):
            continue
        for form in _base_forms(tok.lower_):
            entry = lex["nouns"].get(form)
            if entry and not entry.get("requires_modifier") and not entry.get("needs_light_verb"):
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


def _headline_subject(parsed, reader: ArgReader, start: int, end: int) -> list[Party]:
    """Each comma- or "and"-separated piece before the verb, looked up by name ("U.S., China ...")."""
    out: list[Party] = []
    lookup = getattr(reader.view.ents, "lookup", None)
    for a, b in headline_chunks(parsed.text, start, end):
        piece = re.sub(r"^(?:the\s+)", "", parsed.text[a:b].strip(" \t*#'\"\u201c\u201d"), flags=re.I)
        ent = lookup(piece) if lookup and len(piece.split()) <= 4 else None
        if ent is not None and entity_code(ent) and getattr(ent, "entity_type", None) in HEADLINE_PARTY_TYPES:
            out.append(Party(ent.name, ent.entity_id, entity_code(ent), ent.entity_type))
        else:
            out.extend(_coded_within(reader, a, b))
    return _dedupe_parties(out)


def _headline_object(parsed, reader: ArgReader, trigger, end: int, place: bool) -> list[Party]:
    """The first party named after the headline's verb, with the parties joined to it by "and" or commas
    ("Deals with Japan and Korea"); a later prepositional phrase ("Strikes on Kyiv") is scenery."""
    found = [(p.token_i, p) for p in _coded_within(reader, trigger.idx + len(trigger), end, place)]
    covered: set[int] = set()
    for m, _ in _mentions_within(reader, trigger.idx + len(trigger), end):
        named = parsed.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
        covered |= {t.i for t in named} if named is not None else set()
    lookup = getattr(reader.view.ents, "lookup", None)
    span = parsed.doc.char_span(trigger.idx + len(trigger), end, alignment_mode="contract")
    for tok in span if span is not None and lookup else []:
        if tok.is_alpha and tok.text[0].isupper() and tok.i not in covered:
            ent = lookup(tok.text)
            if ent is not None and entity_code(ent) and getattr(ent, "entity_type", None) in ("state", "igo", "person"):
                found.append((tok.i, Party(ent.name, ent.entity_id, entity_code(ent), ent.entity_type, tok.i)))
    found.sort(key=lambda x: x[0] if x[0] is not None else 10**9)
    out: list[Party] = []
    for i, party in found:
        if out and (i is None or out[-1].token_i is None or
                    any(t.is_alpha and t.lower_ not in ("and",) for t in parsed.doc[out[-1].token_i + 1:i]
                        if not t.text[0].isupper())):
            break
        out.append(party)
    return _dedupe_parties(out)


def _coded_within(reader: ArgReader, start: int, end: int, place: bool = False) -> list[Party]:
    types = HEADLINE_PARTY_TYPES + (("location",) if place else ())
    out = []
    for m, e in _mentions_within(reader, start, end):
        if getattr(e, "entity_type", None) in types and entity_code(e, place=place):
            tok = _token_at(reader.view.doc, m.char_end - 1)
            out.append(Party(getattr(e, "name", ""), getattr(e, "entity_id", None), entity_code(e, place=place),
                             e.entity_type, tok.i if tok is not None else None))
    return _dedupe_parties(out)


def _mentions_within(reader: ArgReader, start: int, end: int) -> list:
    ents = reader.view.ents
    return list(ents.within(start, end)) if ents is not None else []


# ---------------------------------------------------------------- itemised commitments

def _list_rows(parsed, reader: ArgReader, lex: dict) -> tuple[list[dict], set[int]]:
    """Rows of the items listed under a commitment lead-in, and the tokens they used as triggers."""
    lists = ListReader(parsed, reader, lex)
    leading = leading_parties(reader)
    rows: list[dict] = []
    used: set[int] = set()
    for item in list_items(parsed.text):
        parties = lists.lead_parties(item, leading)
        verb = lists.trigger(item) if len(parties) >= 2 else None
        tok = _token_at(parsed.doc, verb.start()) if verb else None
        if tok is None:
            continue
        used.add(tok.i)
        if all(p.code for p in parties[:2]):
            reader.list_pairs.append((item.start, parties[:2]))
        end = first_sentence_end(parsed.text, verb.start(), item.end)
        is_aid, beneficiaries = lists.aid_recipient(item, verb)
        if is_aid:
            mode = _refine_mode(tok, "AID", "material", lex)
            pairs = [(p, beneficiaries[0] if beneficiaries else None) for p in parties]
            found = [_item_row(parsed, tok, "AID", mode, a, r, "planned", (verb.start(), end)) for a, r in pairs]
        else:
            found = [_item_row(parsed, tok, "AGREE", "promise", parties[0], r, "occurred", (verb.start(), end))
                     for r in parties[1:]]
        rows.extend(found)
    return rows, used


def _catch_up_list_pair(reader: ArgReader, offset: int) -> None:
    """The parties of the last commitment list before `offset` are the pair the text is about."""
    before = [lp for lp in reader.list_pairs if lp[0] < offset]
    if before and before[-1][0] > reader.context_at:
        reader.context_at, reader.context_pair = before[-1][0], list(before[-1][1])


def _item_row(parsed, tok, etype, mode, actor: Party, recip: Party | None, status, span) -> dict:
    cand = {"tok": tok, "entry": {"type": etype, "mode": mode}, "kind": "verb"}
    row = _row(parsed, cand, etype, mode, actor, recip, status, None, "verb", (None, None))
    start, end = span
    row.update(char_start=start, char_end=end, sentence=parsed.text[start:end], trigger=parsed.text[start:tok.idx + len(tok)])
    return row


def _token_at(doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def leading_parties(reader: ArgReader) -> list[Party]:
    """The first two states the document names: the parties of a joint text's "we" and "the two leaders"."""
    ents = reader.view.ents
    out: list[Party] = []
    for mention, ent in ((m, ents.entities.get(m.entity_id)) for m in getattr(ents, "mentions", [])):
        if ent is not None and ent.entity_type == "state" and ent.code and ent.code not in {p.code for p in out}:
            out.append(Party(ent.name, ent.entity_id, ent.code, "state"))
        if len(out) == 2:
            break
    return out


# ---------------------------------------------------------------- triggers

def _candidates(tok, lex: dict, taken: set[int]) -> list[dict]:
    """Trigger readings of one token: a verb+object phrase, a verb, or an event noun."""
    lemma = tok.lemma_.lower()
    if tok.i in taken:
        return []
    if tok.pos_ == "VERB":
        for child in tok.children:
            rule = lex["phrase_index"].get((lemma, child.lemma_.lower()))
            if rule and child.dep_ in ("dobj", "nsubjpass", "attr"):
                taken.add(child.i)
                return [{"tok": tok, "entry": rule, "kind": "phrase", "obj": child}]
        entry = lex["verbs"].get(lemma)
        if entry and _verb_allowed(tok, entry, lex):
            return [{"tok": tok, "entry": _object_reading(tok, entry), "kind": "verb"}]
        if entry is None and lemma in lex["commitment_verbs"] and tok.dep_ not in ("amod", "compound", "pcomp", "acl"):
            return [{"tok": tok, "entry": JOINT_COMMITMENT, "kind": "verb"}]
    if tok.pos_ == "VERB" and (demanded := _demanded_clause(tok, lex["grammar"])) is not None:
        return [{"tok": tok, "entry": REPORTED_DEMAND, "kind": "verb", "obj": demanded}]
    if tok.pos_ in ("NOUN", "PROPN") and tok.tag_ != "NNP":
        entry = lex["nouns"].get(lemma)
        if entry and _noun_allowed(tok, entry, lex):
            return [{"tok": tok, "entry": entry, "kind": "noun"}]
    return []


def _demanded_clause(tok, g: dict):
    """"X said Y should (not) do Z", "X hopes Y will do more": the clause X asks of another party."""
    lemma = tok.lemma_.lower()
    if lemma not in g["demand_saying_verbs"] and lemma not in g["demand_hoping_verbs"]:
        return None
    for clause in (c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")):
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if marks & set(g["conditional_marks"]) or not any(c.dep_ == "nsubj" for c in clause.children):
            continue
        if modals & set(g["demand_modals"]) or (lemma in g["demand_hoping_verbs"] and modals & {"will", "would", "could", "can"}):
            return clause
    return _need_for_clause(tok, g) if lemma in g["demand_saying_verbs"] else None


def _need_for_clause(tok, g: dict):
    """"stressed the need for Iran to comply": the clause whose "for" subject is asked to act."""
    objects = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in g["need_nouns"]]
    if not objects:
        return None
    holders = [tok] + objects + [g2 for o in objects for c in o.children if c.dep_ == "prep" for g2 in c.children]
    for holder in holders:
        for clause in holder.children:
            if clause.pos_ == "VERB" and clause.dep_ in ("advcl", "acl", "relcl", "ccomp", "xcomp", "pcomp") \
                    and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) \
                    and any(c.dep_ == "nsubj" for c in clause.children):
                return clause
    return None


def _direct_object(tok):
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _object_reading(tok, entry: dict) -> dict:
    obj = _direct_object(tok)
    if obj is None:
        return entry
    for rule in entry.get("objects", []):
        if obj.lemma_.lower() in rule["lemmas"]:
            reading = {k: v for k, v in entry.items() if k not in ("objects", "requires_object_type")}
            return {**reading, "type": rule["type"], "mode": rule["mode"]}
    return entry


def _verb_allowed(tok, entry: dict, lex: dict) -> bool:
    if tok.dep_ in ("amod", "compound"):
        return False
    preps = entry.get("requires_prep")
    if preps and not any(c.dep_ in ("prep", "prt", "dative") and c.lower_ in preps for c in tok.children):
        return False
    obj = _through_quantity(_direct_object(tok), lex["grammar"])
    if entry.get("requires_object_entity") and not _names_something(obj):
        return False  # "addressing issues together with X": X is a partner, not the audience
    wanted = entry.get("requires_object")
    if wanted and (obj is None or not ({obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children if c.dep_ in ("amod", "compound")}) & set(wanted)):
        return False
    if entry.get("requires_xcomp") and not any(c.dep_ == "xcomp" for c in tok.children):
        return False
    return True


def _through_quantity(obj, g: dict):
    """"dozens of missiles", "a barrage of rockets": the counted noun is the object."""
    if obj is not None and obj.lemma_.lower() in g["quantity_nouns"]:
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                return pobj
    return obj


def _names_something(obj) -> bool:
    """An object that can be a party: a name, a pronoun, or a phrase with a capitalised word
    ("the Japanese parliament"); "those issues" cannot."""
    if obj is None:
        return False
    if obj.pos_ in ("PROPN", "PRON"):
        return True
    return any(t.text[:1].isupper() for t in obj.subtree if t.i < obj.i or t.head.i == obj.i and t.dep_ != "prep")


def _noun_allowed(tok, entry: dict, lex: dict) -> bool:
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    if entry.get("requires_modifier") and not mods & set(entry["requires_modifier"]):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("no", "any", "every") for c in tok.children):
        return False
    gov = governing_verb(tok)
    if entry.get("needs_light_verb") and (gov is None or gov.lemma_.lower() not in lex["grammar"]["light_verbs"]):
        return False
    if gov is not None and gov.i != tok.i:
        gentry = lex["verbs"].get(gov.lemma_.lower())
        light = gov.lemma_.lower() in lex["grammar"]["light_verbs"]
        if gentry and not light and not gentry.get("broker") and _verb_allowed(gov, gentry, lex) \
                and not _in_sequence_adjunct(tok, lex["grammar"]):
            return False  # "condemned the invasion": the verb is the event; a brokered deal is the parties' own
        if lex["phrase_index"].get((gov.lemma_.lower(), tok.lemma_.lower())):
            return False
    return True


def _in_sequence_adjunct(tok, g: dict) -> bool:
    """"After a deal between X and Y, Z flew to ...": an event before or after the verb's is another event."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pobj" and cur.head.lower_ in g["sequence_preps"]:
            return True
        if cur.dep_ not in ("pobj", "prep", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


# ---------------------------------------------------------------- status

def _status(tok, kind: str, lex: dict) -> str | None:
    """'occurred', 'planned', or None for negated, hypothetical and conditional statements."""
    g = lex["grammar"]
    verb = tok if kind != "noun" else governing_verb(tok)
    planned = False
    if kind == "noun":
        mods = {c.lower_ for c in tok.children}
        if mods & g["plan_modifiers"]:
            planned = True
        if verb is None:
            return "planned" if planned else "occurred"
    cur, steps = verb, 0
    while cur is not None and steps < 6:
        steps += 1
        verdict = _clause_modality(cur, g)
        if verdict == "skip":
            return None
        planned = planned or verdict == "planned"
        head = cur.head
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if cur.dep_ == "xcomp" or (cur.dep_ == "acl" and head.pos_ in ("NOUN", "ADJ")) or (infinitive and head.i != cur.i):
            hl = head.lemma_.lower()
            if hl in g["negating_verbs"]:
                return None
            if hl in g["factive_adjectives"]:
                cur = governing_verb(head) or head.head
                continue
            if hl in g["desire_verbs"] or hl in g["desire_nouns"]:
                return "desire"
            if hl in g["hypothetical_verbs"] or hl in g["hypothetical_adjectives"]:
                return None
            if any(c.dep_ == "mark" and c.lower_ == "for" for c in cur.children):
                return None  # "it is necessary for X to discuss"
            if hl in g["plan_verbs"] or hl in g["plan_nouns"] or hl == "be":
                planned = True
            elif infinitive and not _purpose_of_trip(head, g):
                return None
            cur = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
        elif cur.head.pos_ in ("VERB", "AUX") and (cur.dep_ == "conj" or (cur.dep_ == "advcl" and cur.tag_ == "VBG")):
            # a participle clause ("..., while cooperating in ...") shares the main clause's modality
            cur = head
        else:
            break
    return "planned" if planned else "occurred"


def _stated_resolve(tok, g: dict) -> bool:
    """"shared a determination to conclude", "expressed their desire to sign": a resolve stated as
    such (not "need to agree", which only says what is wanting)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else governing_verb(tok)
    noun = verb.head if verb is not None and verb.dep_ == "acl" else None
    stater = governing_verb(noun) if noun is not None and noun.lemma_.lower() in g["desire_nouns"] else None
    return stater is not None and stater.lemma_.lower() in g["resolve_verbs"]


def _purpose_of_trip(head, g: dict) -> bool:
    """"took a train to visit Kyiv": an infinitive of purpose after a travel verb happened."""
    verb = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
    return verb is not None and verb.lemma_.lower() in g["purpose_heads"]


def _clause_modality(verb, g: dict) -> str | None:
    if any(c.dep_ == "neg" for c in verb.children):
        return "skip"  # "would not send": the negation wins over the modal, whatever their order
    for child in verb.children:
        low = child.lower_
        if child.dep_ == "neg":
            return "skip"
        if child.dep_ == "mark" and low in g["conditional_marks"]:
            return "skip"
        if child.dep_ in ("aux", "auxpass"):
            if low in g["future_aux"] or (low == "to" and verb.dep_ == "ROOT"):
                return "planned"  # "Kishida to visit Kyiv": a headline's infinitive announces
            if low in g["hypothetical_aux"]:
                return "planned" if low == "would" and _reported(verb, g) else "skip"
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in g["conditional_marks"] for c in verb.children):
        return "skip"
    return None


def _reported(verb, g: dict) -> bool:
    head = verb.head
    return verb.dep_ == "ccomp" and head.lemma_.lower() in g["reporting_verbs"] and head.tag_ in ("VBD", "VBN")


# ---------------------------------------------------------------- arguments

def _subject(tok, reader: ArgReader, depth: int = 0) -> tuple[list[Party], bool]:
    """Parties of the subject (agent of a passive); True when the subject is the grammatical object."""
    if depth > 6:  # "was quick to join X in sanctioning Y": the subject sits six heads up
        return [], False
    for child in tok.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return reader.parties(pobj), False
    for child in tok.children:
        if child.dep_ in ("nsubj", "csubj"):
            found = reader.parties(child)
            if found:
                return found, False
    if tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "acomp") and tok.head.i != tok.i:
        return _subject(tok.head, reader, depth + 1)  # "joined the U.S. in sanctioning Russia": the joiner acts
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        found = reader.parties(tok.head) or [p for c in tok.head.children if c.dep_ in ("poss", "amod", "compound")
                                             for p in reader.party(c)]  # "a British plan to provide"
        found = found or _split_possessor(tok.head, reader)
        if not found and tok.head.dep_ in ("dobj", "pobj") and (_infinitive(tok) or _vehicle_of(tok.head, reader)):
            # "took a train to visit Kyiv", "boarded a train headed for Kyiv": the traveller
            return _subject(tok.head.head, reader, depth + 1)
        return found, False
    if tok.dep_ == "pobj" or tok.head.dep_ == "prep":
        return _subject(tok.head.head, reader, depth + 1) if tok.head.head.i != tok.head.i else ([], False)
    if tok.pos_ == "NOUN" and depth > 0 and any(c.dep_ == "prep" and c.lower_ in ("for", "in") and
                                              any(g.dep_ == "pcomp" for g in c.children) for c in tok.children):
        # "won praise for brokering", "its success in brokering": the noun's owner, else the clause's subject
        owners = [p for c in tok.children if c.dep_ == "poss" for p in reader.parties(c)]
        if owners or tok.dep_ not in ("dobj", "attr"):
            return owners, False
        return _subject(tok.head, reader, depth + 1)
    return [], False


def _vehicle_of(noun, reader: ArgReader) -> bool:
    """A train or plane taken by the clause's subject ("boarded a train", "took a flight")."""
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    return verb.lemma_.lower() in reader.grammar["purpose_heads"] and noun.lemma_.lower() in reader.grammar["vehicles"]


def _split_possessor(noun, reader: ArgReader) -> list[Party]:
    """"blasted Finland's decision to join": the parser may hang "Finland 's" off the verb as a
    second object; the possessive mark right before the noun still names its owner."""
    doc = noun.doc
    mark = doc[noun.i - 1] if noun.i > 0 else None
    if mark is None or mark.tag_ != "POS" or mark.head.i == noun.i or mark.head.i >= noun.i:
        return []
    return reader.party(mark.head)


def _infinitive(tok) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _narrator_we(tok) -> bool:
    """The text's own "we" (outside quotations): in a joint statement, its leading parties."""
    from pipeline.extract.first_person import in_quote

    return any(c.dep_ == "nsubj" and c.lower_ == "we" and not in_quote(c) for c in tok.children)


def _across_blank_line(parties: list[Party], tok) -> bool:
    """A subject found across a blank line comes from a heading or title the parser ran into the clause."""
    doc = tok.doc
    for p in parties:
        if p.token_i is not None and p.token_i < tok.i and "\n\n" in doc_text(doc)[doc[p.token_i].idx:tok.idx]:
            return True
    return False


def _verb_recipients(tok, entry: dict, reader: ArgReader, besides: tuple = ()) -> list[Party]:
    dest = entry.get("dest")
    only = entry.get("dest_preps")  # "left China for Japan": the place left is no destination
    inside: list[Party] = []  # a body named inside the object ("delivery of Leopard tanks"), if nothing better
    for child in tok.children:
        if child.dep_ in ("dobj", "dative", "nsubjpass") and not only:
            if child.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in tok.children):
                continue
            found = reader.parties(child, place=dest)
            if not found:
                inside = reader.parties_inside(child, place=dest, besides=besides)
                found = inside if any(p.code or p.group for p in inside) else []
            if not found and dest:
                found = reader.place_within(child)  # "visited a church in Bucha, a town outside Kyiv"
            if found:
                return found
    for child in tok.children:
        preps = only or (PLACE_PREPS_DEST if dest else RECIPIENT_PREPS + tuple(entry.get("recipient_preps", ())))
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    found = reader.parties(pobj, place=dest) or reader.parties_inside(pobj, place=dest)
                    if found:
                        return found
    if entry["type"] == "AGREE":
        return _complement_partners(tok, reader) or inside
    return inside


def _complement_partners(tok, reader: ArgReader) -> list[Party]:
    """"committed to expanding trade together with Peru": the partner of the promised course."""
    clauses = [c for c in tok.children if c.dep_ == "xcomp"]
    clauses += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pcomp"]
    for clause in clauses:
        for prep in [t for t in clause.subtree if t.dep_ == "prep" and t.lower_ == "with" and t.head.i in (clause.i, *(a.i for a in clause.children))]:
            for pobj in prep.children:
                found = reader.parties(pobj) if pobj.dep_ == "pobj" else []
                if found:
                    return found
    return []


PLACE_PREPS_DEST = ("to", "in", "at", "into", "with")


def _noun_args(tok, entry: dict, reader: ArgReader) -> tuple[list[Party], list[Party]]:
    """Actor and recipient named on the noun itself: "Russia's invasion of Ukraine"."""
    actors: list[Party] = []
    recips: list[Party] = []
    dest = entry.get("dest")
    joined = _joined_modifiers(tok, reader)
    actors.extend(joined)
    for child in tok.children:
        if child.dep_ == "poss":
            actors.extend(reader.parties(child))
        elif joined and child.i < tok.i and child.dep_ in ("amod", "compound", "nmod"):
            continue
        elif child.dep_ in ("amod", "compound", "nmod") and child.pos_ in ("PROPN", "ADJ", "NOUN"):
            found = _joined_names(child, reader) or reader.party(child)
            if entry["type"] == "CONSULT" and found and found[0].etype == "igo":
                recips.extend(found)  # "the G-7 summit": the body hosts
            else:
                actors.extend(found)
    for child in tok.children:
        if child.dep_ != "prep":
            continue
        prep = child.lower_
        for pobj in (c for c in child.children if c.dep_ == "pobj"):
            if prep == "by":
                actors.extend(reader.parties(pobj))
            elif prep == "between":
                recips.extend(reader.parties(pobj))
            elif prep == "of" and entry["type"] in OF_IS_ACTOR and not actors:
                actors.extend(reader.parties(pobj))
            elif prep in ("at", "in") and entry["type"] == "CONSULT" and not dest:
                continue
            elif prep in RECIPIENT_PREPS + ("of",):
                recips.extend(reader.parties(pobj, place=dest) or reader.parties_inside(pobj, place=dest))
    if not actors:
        actors, more = _passive_agent(tok, entry, reader)
        recips = recips or more
    return _dedupe_parties(actors), _dedupe_parties(recips)


def _passive_agent(noun, entry: dict, reader: ArgReader) -> tuple[list[Party], list[Party]]:
    """"sanctions imposed by the EU on Russia", "restrictions, which were introduced by China": the
    agent acts, and the participle's own "on"/"against" phrase names the recipient."""
    for clause in (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"):
        for agent in (c for c in clause.children if c.dep_ == "agent"):
            found = [p for pobj in agent.children if pobj.dep_ == "pobj" for p in reader.parties(pobj)]
            if found:
                return found, _verb_recipients(clause, {**entry, "dest": False}, reader)
    return [], []


JOINERS = ("-", "\u2013", "\u2014", "/")


def _joined_names(tok, reader: ArgReader) -> list[Party]:
    """"the Abe-Xi meeting", "the Iran-Saudi Arabia deal": names joined by a dash are both parties."""
    left = tok.left_edge
    if not any(t.text in JOINERS for t in tok.doc[left.i:tok.i]):
        return []
    found: list[Party] = []
    for t in tok.doc[left.i:tok.i + 1]:
        if t.text not in JOINERS and (t.i == tok.i or t.head.i > t.i) and t.dep_ in ("compound", "nmod", "amod", "poss") or t.i == tok.i:
            for p in reader.party(t) or _looked_up(t, reader):
                if p.code and p.code not in {f.code for f in found}:
                    found.append(p)
    return found if len(found) >= 2 else []


def _joined_modifiers(noun, reader: ArgReader) -> list[Party]:
    """"one more Abe-Xi meeting" parsed as two modifiers of the noun: the dash still joins them."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
    if len(mods) < 2:
        return []
    words = noun.doc[min(m.left_edge.i for m in mods):noun.i]
    if not any(t.text in JOINERS for t in words):
        return []
    found: list[Party] = []
    for t in words:
        for p in ([] if t.text in JOINERS or not t.text[:1].isupper() else reader.party(t) or _looked_up(t, reader)):
            if p.code and p.code not in {f.code for f in found}:
                found.append(p)
    return found if len(found) >= 2 else []


def _looked_up(tok, reader: ArgReader) -> list[Party]:
    """A family name the mention layer left inside a joined pair ("Abe-Xi"), resolved by name."""
    ents = reader.view.ents
    if tok.pos_ != "PROPN" or ents is None or not hasattr(ents, "lookup"):
        return []
    ent = ents.lookup(tok.text)
    if ent is None or getattr(ent, "entity_type", None) not in ("person", "state"):
        return []
    return [Party(ent.name, ent.entity_id, entity_code(ent), ent.entity_type, tok.i)]


def _dedupe_parties(parties: list[Party]) -> list[Party]:
    seen, out = set(), []
    for p in parties:
        key = p.code or p.name
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _arguments(cand: dict, reader: ArgReader, lex: dict) -> tuple[list[Party], list[Party]] | None:
    tok, entry, kind = cand["tok"], cand["entry"], cand["kind"]
    if kind == "noun":
        actors, recips = _noun_args(tok, entry, reader)
        if entry.get("needs_actor_modifier") and not actors:
            return None
        between = _between(tok, reader)
        if between and entry.get("reciprocal") and len(between) >= 2:
            return between[:1], between[1:]
        gov = governing_verb(tok)
        light = gov is not None and gov.lemma_.lower() in lex["grammar"]["light_verbs"] and _object_of(tok, gov)
        if not actors and light:
            actors, _ = _subject(gov, reader)
            if not actors:
                actors = reader.parties_left_of(gov)
        clause = _clause_verb(tok) if not actors and _in_adjunct(tok, lex["grammar"]) else None
        if clause is not None:
            actors, _ = _subject(clause, reader)  # "at talks with X, Y said": Y took part
        pair_named = entry.get("reciprocal") and len(actors) >= 2  # "the Abe-Xi meeting" names both sides
        if light and not pair_named and not any(r.code for r in recips):  # "its delivery of tanks to Ukraine"
            recips = _verb_recipients(gov, entry, reader, besides=_codes(actors)) or recips
        if not actors and len(recips) >= 2 and entry.get("reciprocal"):
            actors, recips = recips[:1], recips[1:]
        return actors, recips
    if entry.get("demand"):
        # only a party that can ask speaks for one: "analysts said Japan should ..." asks nothing
        speakers = [p for p in _subject(tok, reader)[0] if p.code]
        asked = [p for c in cand["obj"].children if c.dep_ == "nsubj" for p in reader.parties(c)]
        return speakers, asked
    actors, _ = _subject(tok, reader)
    passive = any(c.dep_ == "nsubjpass" for c in tok.children)
    if (not actors and not passive) or _across_blank_line(actors, tok):
        actors = reader.parties_left_of(tok) or actors
    if not actors and tok.tag_ == "VBN" and entry.get("broker"):
        actors = _capital_of(tok, reader)  # "a deal brokered in Beijing": the capital's government brokered it
    if not actors and entry.get("joint") and _narrator_we(tok):
        actors = leading_parties(reader)
    recips = _verb_recipients(tok, entry, reader, besides=_codes(actors))
    if kind == "phrase" and not recips:
        recips = reader.parties_inside(cand["obj"], besides=_codes(actors))
    if not actors and _imperative(tok) and len(reader.context_pair) >= 2:
        actors = reader.context_pair[:1] if recips else list(reader.context_pair)  # fact-sheet imperative
    if tok.lemma_.lower() == "welcome" and recips and _welcomes_a_guest(tok, recips[0]):
        cand["entry"] = {**entry, "type": "CONSULT", "mode": "visit", "host": True}
        entry = cand["entry"]
    if entry.get("host"):
        actors, recips = recips, actors
    return actors, recips


def _capital_of(tok, reader: ArgReader) -> list[Party]:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            found = [p for pobj in child.children if pobj.dep_ == "pobj" for p in reader.parties(pobj, place=True)]
            return [p for p in found if p.code and p.etype in ("state", "location")]
    return []


def _in_adjunct(tok, g: dict) -> bool:
    """The noun sits in a time or place adjunct of its clause ("at a meeting with", "after a summit with")."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "pobj" and cur.head.lower_ in g["adjunct_preps"]:
            return True
        if cur.dep_ not in ("pobj", "prep", "conj", "npadvmod") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _object_of(tok, verb) -> bool:
    """"held talks", "engaged in talks", "took part in talks": the noun is what the verb does."""
    if tok.head.i == verb.i:
        return tok.dep_ in ("dobj", "attr", "nsubjpass", "conj", "npadvmod", "oprd")
    head = tok.head
    if tok.dep_ == "conj":
        return _object_of(head, verb)
    return tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "into", "on") and head.head.i == verb.i


def _clause_verb(tok):
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _between(tok, reader: ArgReader) -> list[Party]:
    """"a deal between X and Y"; also "a deal brokered by Z between X and Y", "brokered a deal between X and Y"."""
    holders = [tok] + [c for c in tok.children if c.dep_ == "acl" and _brokers(c)]
    # "a meeting of the dialogue between X and Y": the forum's parties meet
    holders += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ in ("dobj", "nsubjpass") and _brokers(tok.head):
        holders.append(tok.head)
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                return _closed_list([p for pobj in child.children if pobj.dep_ == "pobj" for p in reader.parties(pobj)], tok.doc)
    return []


def _closed_list(parties: list[Party], doc) -> list[Party]:
    """"between Iran and Saudi Arabia, Chinese President Xi ...": the list ends at its "and"."""
    out: list[Party] = []
    for p in parties:
        if out and p.token_i is not None and out[-1].token_i is not None and len(out) >= 2 and \
                any(t.lower_ in ("and", "or") for t in doc[out[0].token_i:out[-1].token_i]):
            break
        out.append(p)
    return out


def _brokers(verb) -> bool:
    return bool(load_lexicon()["verbs"].get(verb.lemma_.lower(), {}).get("broker"))


def _welcomes_a_guest(tok, guest: Party) -> bool:
    """"welcomed X on his visit" (a person or state), "welcomed President X to the White House / to
    Beijing" (a person): a host receiving a guest. "welcomed Indonesia to the group" admits a member."""
    if guest.etype in ("person", "state") and any(t.lemma_.lower() in ("visit", "trip", "tour") for t in tok.subtree):
        return True
    places = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return guest.etype == "person" and any(g.ent_type_ in ("GPE", "FAC", "LOC", "ORG") or g.text[:1].isupper() for g in places)


def _pairs(actors: list[Party], recips: list[Party], reciprocal: bool) -> list[tuple[Party, Party | None]]:
    if not actors:
        return []
    if not recips:
        if len(actors) >= 2 and reciprocal:
            return [(actors[0], r) for r in actors[1:]]
        return [(a, None) for a in actors]
    out, seen = [], set()
    for a in actors:
        for r in recips:
            key = frozenset([a.code or a.name, r.code or r.name])
            if len(key) == 2 and key not in seen:  # "we ... our partnership": one pair, not both ways
                seen.add(key)
                out.append((a, r))
    return out


# ---------------------------------------------------------------- rows

def _rows_for(parsed, reader: ArgReader, lex: dict, cand: dict, seen_nouns: dict,
              deferred: list | None = None) -> list[dict]:
    """Rows of one trigger reading; one that may yield to an inner trigger waits in `deferred`."""
    tok, kind = cand["tok"], cand["kind"]
    status = _status(tok, kind, lex)
    if status is None:
        return []
    if deferred is not None and (inner := _yields_to_inner(cand, lex)) is not None:
        deferred.append((cand, inner))
        return []
    args = _arguments(cand, reader, lex)
    entry = cand["entry"]
    if args is None:
        return []
    actors, recips = args
    if entry.get("joint"):
        if status != "planned" or len(_codes(actors)) < 2:
            return []
        status, recips = "occurred", []
    if entry.get("reciprocal") and len(_codes(actors)) >= 2 and recips \
            and not any(r.code or r.group or r.etype == "person" for r in recips):
        recips = []  # "Israel and the UAE signed the Abraham Accords": the accord is no counterparty
    if entry.get("joint_only"):
        if len(_codes(actors)) < 2:
            return []
        recips = []
    if status == "desire":
        if entry["type"] == "AGREE" and len(_codes(actors)) >= 2 and _stated_resolve(tok, lex["grammar"]):
            # "the two leaders shared a determination to conclude a treaty": a joint resolve is a promise
            entry = cand["entry"] = {**entry, "mode": "promise", "planned_type": None}
            status = "occurred"
        elif not entry.get("planned_type"):
            return []
        else:
            status = "planned"
    if entry.get("dest") or any(r.code for r in recips):
        # "a trip to Asia" names no counterpart; beside a coded party, an uncoded place or body is scenery
        recips = [r for r in recips if r.code or r.group]
    if not any(r.code or r.group or r.etype == "person" for r in recips) and not entry.get("dest"):
        recips = _counterpart(reader, actors, entry, tok, lex["grammar"]) or recips
    if not _arguments_fit(entry, actors, recips) and not (not recips and _list_item_pledge(tok, entry, actors)):
        return []
    if entry.get("threat_when_future"):
        if status != "planned" or (entry.get("requires_menace") and not _menacing(tok, lex["grammar"])):
            return []
        status = "occurred"  # the threat is made now; what it threatens is still to come
    etype, mode = entry["type"], entry["mode"]
    if entry.get("planned_type") and (status == "planned" or _imperative(tok)):
        etype, mode, status = entry["planned_type"][0], entry["planned_type"][1], "occurred"
    elif _imperative(tok):
        status = "planned"
    if entry.get("assault_if_target") and any(r.code for r in recips):
        etype, mode = "ASSAULT", "attack"
    mode = _refine_mode(tok, etype, mode, lex)
    if etype == "MOBILIZE" and (mode == "joint_exercise" or (mode == "exercise" and (recips or len(actors) > 1))):
        etype, mode = "COOPERATE", "joint_exercise"  # codebook: exercises with a partner are cooperation
    if kind == "noun" and etype == "AID" and _announced(tok):
        status = "planned"
    date = event_date(parsed, tok, kind, status, lex["grammar"])
    if date and parsed.published_date and date[0] > parsed.published_date and date[2] != "year" \
            and not _past_tense(tok, kind):
        status = "planned"
    if etype == "COOPERATE" and _habitual(tok, kind) and not date:
        return []  # "Japan expands relations with its allies": a description of policy, not one act
    location, location_code = _location(tok, reader)
    if etype == "CONSULT" and location_code:
        actors, recips = _host_last(actors, recips, location_code)
    pairs = [(a, r) for a, r in _pairs(actors, recips, bool(entry.get("reciprocal"))) if a.code or (r is not None and r.code)]
    seen_key = (etype, status if kind == "noun" and _light_object(tok, lex) else None)
    if kind == "noun" and not _indefinite(tok) and _refers_back(pairs, seen_key, date, seen_nouns):
        return []
    rows = [_row(parsed, cand, etype, mode, a, r, status, date, kind, (location, location_code)) for a, r in pairs]
    for a, r in pairs:
        for key in {(etype, None), (etype, status)}:
            seen_nouns.setdefault(_pair_key(key, a, r), set()).add(date[0] if date else None)
            seen_nouns.setdefault(("people",) + _pair_key(key, a, r), set()).update(_people(a, r))
    _remember_pair(reader, pairs, actors, tok.idx, etype in lex["grammar"]["group_types"])
    return rows


def _arguments_fit(entry: dict, actors: list[Party], recips: list[Party]) -> bool:
    if not actors:
        return False
    if entry.get("requires_object_entity") and not recips:
        return False
    if entry.get("requires_object_type") and not any(r.etype in entry["requires_object_type"] for r in recips):
        return False
    if recips:
        return True
    pair_from_subject = entry.get("reciprocal") and len(actors) >= 2
    alone_ok = entry["type"] in NULL_RECIPIENT_OK or entry.get("recipient_optional")
    return pair_from_subject or (not entry.get("needs_recipient") and bool(alone_ok))


def _menacing(tok, g: dict) -> bool:
    """"will respond accordingly", "if X happens, Y will respond": a reply that menaces."""
    return any(c.dep_ == "advmod" and c.lower_ in g["menace_adverbs"] for c in tok.children) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children) for c in tok.children)


def _light_object(tok, lex: dict) -> bool:
    gov = governing_verb(tok)
    return gov is not None and gov.lemma_.lower() in lex["grammar"]["light_verbs"] and _object_of(tok, gov)


def _pair_key(etype, a: Party, r: Party | None) -> tuple:
    return etype, frozenset([a.code or a.name, (r.code or r.name) if r else None])


def _indefinite(noun) -> bool:
    """"a meeting", "another round of talks": an indefinite noun brings in a new event, never an old one."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


def _refers_back(pairs, etype, date, seen: dict) -> bool:
    """A noun that names an event already coded, with no new date, only refers back to it;
    `etype` carries the status for objects of light verbs: talks agreed to be resumed are not the talks held."""
    if not pairs:
        return False
    new_date = date[0] if date else None
    for a, r in pairs:
        dates = seen.get(_pair_key(etype, a, r))
        if dates is None or (new_date is not None and new_date not in dates):
            return False
        if _new_person(a, r, seen.get(("people",) + _pair_key(etype, a, r), set())):
            return False  # "a meeting with the prime minister" after talks with the president
    return True


def _codes(parties: list[Party]) -> tuple[str, ...]:
    """The distinct codes of coded parties, in order."""
    return tuple(dict.fromkeys(p.code for p in parties if p.code))


def _people(a: Party, r: Party | None) -> set[str]:
    return {p.entity_id for p in (a, r) if p is not None and p.etype == "person" and p.entity_id}


def _new_person(a: Party, r: Party | None, known: set[str]) -> bool:
    """A person the earlier events of this pair did not name, where they named people."""
    return bool(known) and bool(_people(a, r) - known)


def _remember_pair(reader: ArgReader, pairs, actors: list[Party], offset: int, together: bool) -> None:
    """The coded parties of the last event with two or more, actor first, for "the two leaders",
    "the parties", "they" and fact-sheet imperatives. Only parties acting `together` (meeting,
    agreeing) form a group; "X condemned Z" does not make X and Z the pair the text is about."""
    if not together:
        return
    named = [p for pair in pairs for p in pair if p is not None] if pairs and pairs[0][1] is not None else actors
    group: list[Party] = []
    for p in named:
        if p.code and p.code not in {g.code for g in group}:
            group.append(p)
    if len(group) >= 2 and all(p.code for p in named):
        reader.context_pair, reader.context_at = group[:MAX_GROUP], offset


def _counterpart(reader: ArgReader, actors: list[Party], entry: dict, tok, g: dict) -> list[Party]:
    """"Abe proposed an economic programme", right after Abe and Putin met: one party of the pair
    the text is about acts, so the other is the counterpart."""
    if len(actors) != 1 or entry["type"] not in g["counterpart_types"] or len(reader.context_pair) != 2:
        return []
    if tok.idx - reader.context_at > g["counterpart_reach"]:
        return []
    codes = [p.code for p in reader.context_pair]
    if actors[0].code not in codes:
        return []
    return [reader.context_pair[1 - codes.index(actors[0].code)]]


def _host_last(actors: list[Party], recips: list[Party], place_code: str):
    """Codebook: in a meeting the host is the recipient; a party whose country holds the meeting hosts."""
    everyone = actors + recips
    hosts = [p for p in everyone if p.code == place_code]
    if not hosts or len(everyone) < 2:
        return actors, recips
    guests = [p for p in everyone if p.code != place_code]
    return guests, hosts[:1]


def _yields_to_inner(cand: dict, lex: dict):
    """"agreed to hold talks", "expressed the desire to strengthen cooperation": the inner trigger is the
    event; its verb, or None when the reading stands on its own."""
    tok, entry = cand["tok"], cand["entry"]
    if entry["type"] not in ("AGREE", "REQUEST") or entry.get("mode") == "invite":
        return None
    holder = cand.get("obj") if cand["kind"] == "phrase" else tok
    inner = list(holder.children) + [g for c in holder.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    for child in inner:
        if child.dep_ in ("xcomp", "acl", "pcomp") and child.pos_ == "VERB":
            if _unnamed_guest(child, lex):
                continue  # "agreed to host a training mission": no visitor, so the agreement is the event
            if lex["verbs"].get(child.lemma_.lower()) or any(
                    lex["phrase_index"].get((child.lemma_.lower(), g.lemma_.lower())) or lex["nouns"].get(g.lemma_.lower())
                    for g in _objects(child, preps=("in",))):
                both_agree = entry["type"] == "AGREE" and lex["verbs"].get(child.lemma_.lower(), {}).get("type") == "AGREE"
                return None if both_agree else child
    return None


def _unnamed_guest(verb, lex: dict) -> bool:
    """A hosting verb whose object names no one ("host a training mission") codes no meeting."""
    entry = lex["verbs"].get(verb.lemma_.lower()) or {}
    if not (entry.get("host") or entry.get("requires_object_entity")):
        return False
    obj = _direct_object(verb)
    return obj is None or not any(t.pos_ == "PROPN" for t in obj.subtree)


def _list_item_pledge(tok, entry: dict, actors: list[Party]) -> bool:
    """"- Poland agreed to host a training mission.": a list item of commitments, each by one coded party."""
    if entry["type"] != "AGREE" or entry.get("mode") not in ("agreement", "promise") or len(actors) != 1 or not actors[0].code:
        return False
    text = doc_text(tok.doc)
    line_start = text.rfind("\n", 0, tok.idx) + 1
    head = text[line_start:tok.idx]
    return bool(LIST_BULLET.match(head)) and len(head.split()) <= 6


def _past_tense(tok, kind: str) -> bool:
    verb = tok if kind != "noun" else governing_verb(tok)
    return verb is not None and verb.tag_ == "VBD"


def _habitual(tok, kind: str) -> bool:
    """A verb in the simple present with no auxiliary describes what a party does, not an act."""
    return kind != "noun" and tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _objects(verb, preps: tuple[str, ...] | None = None) -> list:
    """Direct objects and objects of its prepositions ("engage in discussions"), or of only `preps`."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    return out + [g for c in verb.children if c.dep_ == "prep" and (preps is None or c.lower_ in preps)
                  for g in c.children if g.dep_ == "pobj"]


def _imperative(tok) -> bool:
    return tok.tag_ == "VB" and tok.dep_ == "ROOT" and not any(c.dep_ in ("nsubj", "aux", "nsubjpass") for c in tok.children)


def _announced(tok) -> bool:
    gov = governing_verb(tok)
    return gov is not None and gov.lemma_.lower() in ("announce", "pledge", "promise", "unveil", "approve", "commit", "offer")


def _refine_mode(tok, etype: str, mode: str, lex: dict) -> str:
    g = lex["grammar"]
    words = {c.lemma_.lower() for c in tok.subtree if c.i <= tok.i + 8} if tok.pos_ != "VERB" else \
        {c.lemma_.lower() for c in tok.children} | {c.lemma_.lower() for d in tok.children if d.dep_ == "dobj" for c in d.subtree}
    if etype == "AID":
        for word, aid_mode in g["aid_modes"].items():
            if word in words:
                return aid_mode
        if words & g["refugee_words"]:
            return "asylum"
    if etype == "MOBILIZE" and words & g["joint_words"]:
        return "joint_exercise"
    return mode


def _span(cand: dict, parties: list[Party | None]) -> tuple[int, int]:
    tok = cand["tok"]
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


def _row(parsed, cand, etype, mode, actor: Party, recip: Party | None, status, date, kind, place) -> dict:
    tok = cand["tok"]
    start, end = _span(cand, [actor, recip])
    location, location_code = place
    base = {"verb": VERB_CONFIDENCE, "noun": NOUN_CONFIDENCE, "phrase": PHRASE_CONFIDENCE}[kind]
    confidence = cand["entry"].get("confidence", base) - (0.1 if recip is None else 0) - (0.1 if not actor.code else 0)
    event_date, date_end, precision, date_text = date if date else (None, None, None, None)
    return {  # event_id is set from the finished row (extract_events)
        "doc_id": parsed.doc_id,
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
        "status": status,
        "trigger": tok.text,
        "char_start": start,
        "char_end": end,
        "sentence": sent_of(tok).text,
        "confidence": round(max(0.05, min(1.0, confidence)), 2),
    }


def _location(tok, reader: ArgReader) -> tuple[str | None, str | None]:
    """A place the event happened in: "in Tokyo", "at the summit in Hiroshima"."""
    holders = [tok] + ([governing_verb(tok)] if tok.pos_ != "VERB" and governing_verb(tok) is not None else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        name, code = reader.place(pobj)
                        if code:
                            return name, code
    return None, None


def _dedupe(rows: list[dict]) -> list[dict]:
    """One row per type, pair, date and sentence (the codebook codes "sanctioning ... and freezing" once)."""
    seen, out = set(), []
    for row in rows:
        key = (row["event_type"], row["actor_code"] or row["actor"], row["recipient_code"] or row["recipient"],
               row["event_date"], row["status"], row["sentence"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out
