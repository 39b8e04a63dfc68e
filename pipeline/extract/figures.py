"""Figures: quantities stated in a document (codebook section 4).

`numbers.scan` finds every candidate in the text; this module uses the one
parse to decide what a bare number counts (the noun it modifies), to drop
determiner uses ("the two countries"), name numbers ("Resolution 2231") and
verb-less "double", and to fill measure, subject and period.
"""
from __future__ import annotations

import re

from pipeline.extract.figures_nouns import (NOUNS, coordinated_noun, counted_lemma, model_name, noun_after, plural_in_run,
                                            singular_name)
from pipeline.extract.figures_roles import age_apposition, rate_base, titled_name_number
from pipeline.extract.figures_people import copula_noun, people_count, people_nominal, tally_noun, tally_side, vote_tally
from pipeline.extract.numbers import Quantity, identifier_numbers, lexicon, scan
from pipeline.ids import unique_rows
from pipeline.nlp.parse import doc_text, sentence_ents, sentence_of

CODE_CITATION = re.compile(r"(?:[A-Z]\.){3,}")  # "U.S.C.", "C.F.R." (not "U.S.": "12 U.S. warships")
NAME_LABELS = ("ORG", "PRODUCT", "LAW", "EVENT", "FAC", "WORK_OF_ART")
YEARISH = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b|\b(last|this|next|past|previous|coming)\s+(year|month|week|decade|quarter)\b"
                     r"|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b", re.I)


def extract_figures(parsed) -> list[dict]:
    """One row per figure in `parsed`, each with its content id. An exception is a bug: it reaches
    the caller, which records it for the document (never an empty or partial result)."""
    rows: list[dict] = []
    names = identifier_numbers(parsed.text or "")
    for q in scan(parsed.text or ""):
        if not q.words and q.kind is None and parsed.text[q.core_start:q.core_end] in names:
            continue  # "the 232 tariffs" in a text that names "Section 232"
        row = _row(parsed, q, rows)
        if row is not None:
            rows.append(row)
    return unique_rows("figure", public_rows(rows))


def _row(parsed, q: Quantity, rows: list[dict]) -> dict | None:
    doc, text = parsed.doc, parsed.text
    span = doc.char_span(q.core_start, max(q.core_end, q.end), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    kind_unit = _decide(q, span, rows)
    if kind_unit is None:
        return None
    kind, unit = kind_unit
    start, end = q.start, q.end
    sent = sentence_of(span)
    approx = _bound_verb(span) if q.approximation == "exact" else q.approximation
    return {  # figure_id is set from the finished row (extract_figures)
        "doc_id": parsed.doc_id,
        "raw_text": text[start:end],
        "value": float(q.value),
        "value_low": q.low,
        "value_high": q.high,
        "kind": kind,
        "unit": unit,
        "approximation": approx,
        "measure": _measure(span, kind),
        "subject_entity_id": _subject(parsed, span),
        "period": _period(sent, start, end),
        "char_start": start,
        "char_end": end,
        "sentence": sent.text,
        "_sent_start": sent.start_char,
    } if start < end else None


# ---------------------------------------------------------------- deciding

def _decide(q: Quantity, span, rows: list[dict]) -> tuple[str, str | None] | None:
    """(kind, unit) of the figure, or None when it is not a figure."""
    if q.verb_multiple:
        return ("multiple", "x") if span[0].pos_ in ("VERB", "AUX") else None
    if "occasion" in q.flags:  # "met twice": the adverb of a verb counts its occasions
        tok, prev = span[0], _previous_word(span[0])
        verb = tok.head.pos_ in ("VERB", "AUX") or (prev is not None and prev.pos_ == "VERB")
        return ("count", "time") if tok.pos_ == "ADV" and verb else None
    if q.words and q.value == 0 and q.kind in (None, "count", "compound"):
        return None  # "net zero", "zero-emission vehicles", "zero tolerance": a policy word, not a count
    if "yearlike" in q.flags:
        unit = _year_count(q, span)
        return ("count", unit) if unit else None
    if _name_number(q, span) or _identifier_word_number(q, span) or titled_name_number(q, span):
        return None
    if rate_base(span):
        return None  # "per 1,000 people": the base of a rate, not a count of people
    if q.kind == "duration" and _relative_time(span):
        return None  # only time has a before and after: "flew 900 km before striking" is a distance
    if q.words and q.value == 1 and not q.qualified and q.kind in ("duration", "count") and not q.compound_noun:
        if not (q.kind == "duration" and (q.flags & {"unit_only", "unit_adjective"} or _governed_one(span))):
            return None  # "one day after", "one time": an article, not a quantity
    if q.kind == "count" and q.compound_noun in lexicon()["compound_adjectives"]:
        head = noun_after(span.doc, span[-1].i + 1, sentence_of(span).end)
        return ("count", counted_lemma(head)) if head is not None else None
    if q.kind == "count" and q.compound_noun:
        return "count", q.compound_noun
    if q.kind == "duration" and q.unit == "day" and _days_on_which(span):
        return "count", "day"  # "spotted on 352 days last year": days on which it happened, not a span
    if q.kind is not None:
        return q.kind, q.unit
    if age_apposition(q, span):
        return "duration", "year"  # "Ruto, 57, met": an age, as "the 57-year-old" is
    if "vague_alone" in q.flags:
        return _vague_alone(q, span, rows)
    if (named := tally_noun(q, span)) is not None:  # before an earlier count's noun is carried over
        return "count", named if isinstance(named, str) else counted_lemma(named)
    unit = _count_unit(q, span, rows)
    if unit is None and people_count(q, span):
        return "count", "person"
    if unit is None and (not q.words and vote_tally(span) or tally_side(span)):
        return "count", "vote"
    if unit is None and (named := copula_noun(q, span)) is not None:
        return "count", counted_lemma(named)
    if unit is None and _bare_size(q, span):
        earlier = _last_count(rows, sentence_of(span).start_char)
        return "count", earlier["unit"] if earlier else None
    return ("count", unit) if unit else None


def _days_on_which(span) -> bool:
    prev = _previous_word(span[0])
    return prev is not None and prev.lower_ == "on"


def _bare_size(q: Quantity, span) -> bool:
    """A large number with no noun after it still counts: "a total of 17 million", "12,500 to
    15,000 made their escape". Only a scale word, a thousands separator or a spelled-out thousand
    marks it as a size; a short bare number ("in 47") may be anything."""
    if q.elided or (q.words and q.value < 2200):
        return False  # a spelled number from 1000 to 2199 may be a year: "in the year two thousand twenty-three"
    raw = span.doc.text[q.core_start:q.core_end]
    if not (q.words or "scaled" in q.flags or re.search(r"[,\s\u202f]", raw)):  # "12,500", "12 500"
        return False
    doc, after = span.doc, span[-1].i + 1
    while after < len(doc) and doc[after].is_space:
        after += 1
    nxt = doc[after] if after < len(doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "SYM") and nxt.lower_ != "of"


def _vague_alone(q: Quantity, span, rows: list[dict]) -> tuple[str, str | None] | None:
    """"thousands have fled", "they number in the millions": a vague plural standing as a noun.
    Not after a number ("two millions" is read as a scale) or a determiner or adjective that makes
    it a set already known ("the oppressed millions"), except "in the"/"by the"."""
    tok = span[0]
    if tok.pos_ != "NOUN":
        return None
    prev = _previous_word(tok)
    if prev is not None and prev.lower_ == "the":
        before = _previous_word(prev)
        if before is None or before.lower_ not in ("in", "by"):
            return None
    elif prev is not None and (prev.like_num or prev.pos_ in ("DET", "ADJ", "NUM") or prev.dep_ == "amod"
                               or prev.tag_ in ("PRP$", "POS")):
        return None
    earlier = _last_count(rows, sentence_of(span).start_char)
    return "count", earlier["unit"] if earlier else None


def _inside_name(tok) -> bool:
    """Inside a name the tagger found, after a capitalised word of it: "Project 636 submarines",
    "the Group of 20"."""
    if tok.ent_iob_ != "I" or tok.ent_type_ not in NAME_LABELS:
        return False
    i = tok.i - 1
    while i > 0 and tok.doc[i].ent_iob_ == "I" and tok.i - i < 8:
        i -= 1
    return tok.doc[i].ent_iob_ == "B" and tok.doc[i].is_title


def _name_number(q: Quantity, span) -> bool:
    """"Resolution 2231", "Boeing 747": a bare number hanging on the proper noun before it."""
    if q.kind is not None or q.words:
        return False
    first = span[0]
    prev = first.nbor(-1) if first.i > 0 else None
    if prev is not None and prev.lower_ == "of" and prev.i > 0 and prev.nbor(-1).pos_ == "PROPN" \
            and prev.nbor(-1).is_title and prev.nbor(-1).ent_type_ not in ("GPE", "NORP", "LOC", "DATE"):
        return True  # "the Group of 20", "the Committee of 24"
    if prev is None or prev.pos_ != "PROPN":
        return False
    if first.head == prev or prev.head == first or first.dep_ in ("appos", "npadvmod"):
        return True
    if _inside_name(first):
        return True
    # "a Falcon 9 rocket", "an Atlas 5 launcher": the name and its number both modify the noun after
    # them, or the number stands before a singular noun (a count of more than one takes a plural)
    after = first.head.i > first.i and not prev.is_lower
    return after and ((prev.dep_ in ("compound", "nmod") and prev.head == first.head)
                      or (first.head.tag_ == "NN" and q.value != 1) or model_name(prev))


def _identifier_word_number(q: Quantity, span) -> bool:
    """"phase two negotiations", "in part three": a spelled number after an identifier noun names
    a part (numbers/ already drops digits there: "Article 9"). The noun must be a noun: "block
    two bills" counts."""
    prev = _previous_word(span[0])
    return q.words and q.kind is None and prev is not None and prev.pos_ in NOUNS \
        and prev.lower_ in lexicon()["identifier_words"]


def _year_count(q: Quantity, span) -> str | None:
    """"2000 troops": a number that looks like a year counts the plural common noun it modifies.
    Otherwise, and after a time word or a determiner ("in 2000", "the 2020 elections"), it is a year."""
    lx = lexicon()
    num = span[0]
    head = noun_after(span.doc, span[-1].i + 1, sentence_of(span).end)
    people = head is not None and head.tag_ == "NNPS" and head.ent_type_ == "NORP"  # "2021 Afghans"
    if head is None or not (people or head.pos_ == "NOUN" and head.tag_ == "NNS") or num.dep_ != "nummod":
        return None
    if head.lower_ in lx["year_modified_nouns"] or head.lemma_.lower() in lx["year_modified_nouns"]:
        return None
    if not q.qualified and not people and head.lemma_.lower() not in lx["year_counted_nouns"]:
        return None  # "from 2019 to 2024 imports doubled"
    prev = _previous_word(num)
    if not q.qualified and prev is not None and (prev.lower_ in lx["year_words_before"]
                                                 or prev.tag_ in ("PRP$", "POS") or prev.pos_ == "PROPN"):
        return None
    return counted_lemma(head)


def _relative_time(span) -> bool:
    """"two years ago", "a week later", "100 years from now": a time reference, not a quantity."""
    after = span[-1].i + 1
    doc = span.doc
    if after >= len(doc):
        return False
    if doc[after].lower_ in lexicon()["relative_time_words"]:
        return True
    if doc[after].lower_ in lexicon()["relative_time_ungoverned"]:
        prev = _previous_word(span[0])  # "lasted three hours before": the verb's own duration
        if prev is not None and prev.pos_ == "ADV":
            prev = _previous_word(prev)  # "for nearly 20 hours before": the qualifier sits between
        return prev is None or (prev.pos_ != "ADP" and prev.lemma_.lower() not in lexicon()["duration_verbs"])
    return after + 1 < len(doc) and f"{doc[after].lower_} {doc[after + 1].lower_}" in lexicon()["relative_time_phrases"]


def _change_by(span) -> bool:
    """"by one notch", "by one seat": "by" before a number measures a change or a margin."""
    prev = _previous_word(span[0])
    return prev is not None and prev.lower_ == "by" and prev.pos_ == "ADP"


def _governed_one(span) -> bool:
    """"for one year", "in just one week": a spelled "one" with a duration is a quantity when a
    preposition or adverb governs it; alone it is an article ("one day, he left")."""
    prev = _previous_word(span[0])
    return prev is not None and prev.pos_ in ("ADP", "ADV")  # relative times were set aside in _decide


def _last_count(rows: list[dict], sent_start: int) -> dict | None:
    """The latest count row of the same sentence (rows come in text order, so scan back only)."""
    for row in reversed(rows):
        if row["_sent_start"] != sent_start:
            return None
        if row["kind"] == "count":
            return row
    return None


def _count_unit(q: Quantity, span, rows: list[dict]) -> str | None:
    doc = span.doc
    after = span[-1].i + 1
    nxt = doc[after] if after < len(doc) else None
    if q.vague or (nxt is not None and nxt.lower_ == "of"):
        stop = sentence_of(span).end
        pronoun = after + 1 < stop and doc[after + 1].lower_ in ("them", "us", "those")
        if pronoun and q.value >= 2:  # "sunk two of them": a share of the set the sentence counted before
            return _of_pronoun(doc, after + 2, stop, rows, sentence_of(span).start_char)
        if not (q.vague or q.qualified or q.value >= 3 or (not q.words and q.value >= 2)) or nxt is None or nxt.lower_ != "of":
            # "one of the", "two of the world's leading economies" (the pair already named); "three of
            # the islands" counts a part of a set
            return None
        if pronoun:
            return _of_pronoun(doc, after + 2, stop, rows, sentence_of(span).start_char)
        noun = noun_after(doc, after + 1, stop)
        if noun is None and people_nominal(doc, after + 1, stop):
            return "person"  # "four of the dead", "3 of the wounded"
        if noun is not None and noun.i + 1 < stop and doc[noun.i + 1].tag_ == "POS":
            noun = coordinated_noun(doc, noun.i + 2, stop)  # "64 of the Knesset's 120 seats": the owner is not counted
        elif noun is None and not q.words:  # "240 of the 465 seats"
            noun = coordinated_noun(doc, after + 1, stop)
        return counted_lemma(noun)
    if q.words and q.value == 1 and not q.qualified and not _change_by(span):
        return None  # "one of", "one day": an article; "cut by one notch" measures a change
    earlier = _last_count(rows, sentence_of(span).start_char)
    if q.elided:
        return earlier["unit"] if earlier else counted_lemma(noun_after(doc, after, sentence_of(span).end))
    head = noun_after(doc, after, sentence_of(span).end)
    if q.value > 1:
        head = plural_in_run(doc, after, head)
    if head is None and earlier and not q.words:
        return earlier["unit"]  # "54,000 troops in Japan and 28,500 in Korea"
    if head is not None and head.pos_ == "PROPN" and head.tag_ == "NNP" and head.is_upper and len(head) > 1:
        return None  # "50 USC 1702": an abbreviated name or unit, not a counted thing
    if nxt is not None and CODE_CITATION.fullmatch(nxt.text):
        return None  # "19 U.S.C. § 2411", "40 C.F.R. 60": a title of a code
    if nxt is not None and not q.words and q.value != 1 and "scaled" not in q.flags and singular_name(nxt) \
            and (head is None or singular_name(head) or head.tag_ == "NN"):
        return None  # "its 504 Program": a number before a singular name is part of the name ("150 Member States"
        # and "1.1 million Rohingya" count)
    if head is None or _determiner(q, span, head) or _quoted_term(doc_text(doc), span):
        return None
    if nxt is not None and head.i == nxt.i and head.tag_ == "NN" and q.value != 1 and not q.words \
            and "scaled" not in q.flags and (p := _previous_word(span[0])) is not None and p.lower_ in ("a", "an"):
        return None  # "a 301 investigation": one thing with a number for a name
    return counted_lemma(head)


def _of_pronoun(doc, i: int, stop: int, rows: list[dict], sent_start: int) -> str | None:
    """"27 hostages, 19 of them children": a share of a set named before counts the noun in apposition
    after the pronoun, or else the earlier count's noun ("12 ships, three of them sank")."""
    noun = noun_after(doc, i, stop) if i < stop and doc[i].pos_ in ("NOUN", "ADJ") else None
    if noun is not None and noun.tag_ == "NNS":
        return counted_lemma(noun)
    earlier = _last_count(rows, sent_start)
    return earlier["unit"] if earlier else None


def _quoted_term(text: str, span) -> bool:
    """A number inside a short quoted phrase is part of a coined term:
    the “two islands plus alpha” concept, the “one China” policy."""
    left = max(text.rfind(m, max(0, span.start_char - 40), span.start_char) for m in "“\"")
    if left < 0 or "\n" in text[left:span.start_char]:
        return False
    close = [j for j in (text.find(m, span.end_char, span.end_char + 60) for m in "”\"") if j >= 0]
    if not close:
        return False
    inner = text[left + 1:min(close)]
    return "\n" not in inner and len(inner.split()) <= 6 and not re.search(r"[.!?;]", inner)


def _determiner(q: Quantity, span, head) -> bool:
    """"the two countries", "their three leaders": a known set, not a count.

    A definite number counts only when it introduces a described set
    ("the four southernmost Kuril Islands"), never "the two" (the pair already named)."""
    if q.qualified or (not q.words and q.value > 2) or q.value >= 100:
        return False  # digits and large numbers name a size: "the 193 member states", "our half-billion people"
    if q.words and q.value == 2 and head.lower_ in lexicon()["party_set_nouns"]:
        return True  # "between two democracies": the parties the text is about
    prev = _previous_word(span[0])
    if prev is not None and prev.lower_ in lexicon()["set_position_words"]:
        prev = _previous_word(prev)  # "the first two sentences", "the other three members"
    if prev is None:
        return False
    definite = prev.lower_ in lexicon()["definite_determiners"] or prev.tag_ in ("PRP$", "POS")
    if not definite:
        return False
    # "the three National Security Advisors": a title of known holders; "the nine Security Council
    # resolutions" counts its common noun
    nxt = span[-1].i + 1
    title = nxt < len(span.doc) and span.doc[nxt].pos_ == "PROPN" and head.is_title
    return q.value <= 2 or head.i == nxt or title or _plain_adjectives(span.doc, nxt, head.i)


def _plain_adjectives(doc, start: int, end: int) -> bool:
    """Only plain adjectives between a definite number and its noun: "the three European powers",
    "the nine nuclear powers" name a known set as "the three powers" does. A superlative or a
    comparative describes a new set ("the four southernmost islands", "the two largest donors")."""
    between = [t for t in doc[start:end] if not t.is_space]
    return bool(between) and all(t.pos_ == "ADJ" and t.tag_ == "JJ" or t.ent_type_ == "NORP" and t.tag_ in ("JJ", "NNP")
                                 for t in between)


def _previous_word(tok):
    i = tok.i - 1
    while i >= 0 and tok.doc[i].is_space:
        i -= 1
    return tok.doc[i] if i >= 0 else None


def _bound_verb(span) -> str:
    """"trade will top $200 billion": the verb sets the approximation."""
    head = span.root.head
    if head.pos_ == "ADP" and head.lower_ == "to":
        head = head.head
    return lexicon()["bound_verbs"].get(head.lemma_.lower(), "exact")


# ---------------------------------------------------------------- context

def _measure(span, kind: str) -> str | None:
    root = span.root
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "for", "on"):
            obj = [c for c in child.children if c.dep_ == "pobj"]
            if obj and obj[0].pos_ in NOUNS:
                return _phrase(obj[0])
    head = root.head
    if head.pos_ in NOUNS and head.i > span[-1].i:
        return _clean(span.doc[span[-1].i + 1:head.i + 1].text.strip(" -"))
    verb = root
    while verb.head != verb and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and subj[0].pos_ == "NOUN" and kind != "count":
        return _phrase(subj[0])
    return None


def _phrase(noun) -> str:
    left = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod", "poss") or c.text in ("-",)]
    start = min([noun.i] + [c.left_edge.i for c in left])
    return _clean(noun.doc[start:noun.i + 1].text)


def _clean(s: str | None) -> str | None:
    return " ".join(s.split()) or None if s else None


def _subject(parsed, span) -> str | None:
    ents = getattr(parsed, "entities", None)
    if ents is None:
        return None
    root = span.root
    holders = []
    if root.head.pos_ in NOUNS:
        holders += [c for c in root.head.children if c.dep_ == "poss"]
    verb = root
    while verb.head != verb and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    holders += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for tok in holders:
        sub = tok.doc[tok.left_edge.i:tok.i + 1]
        ent = ents.at(sub.start_char, sub.end_char)
        if ent is not None:
            return ent.entity_id
    return None


def _period(sent, start: int, end: int) -> str | None:
    best, best_gap = None, None
    for ent in sentence_ents(sent):
        if ent.label_ != "DATE" or (ent.start_char < end and start < ent.end_char):
            continue
        if not YEARISH.search(ent.text):
            continue
        gap = ent.start_char - end if ent.start_char >= end else start - ent.end_char
        if best_gap is None or gap < best_gap:
            best, best_gap = ent.text, gap
    return best


def public_rows(rows: list[dict]) -> list[dict]:
    """Rows without the private helper columns."""
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
