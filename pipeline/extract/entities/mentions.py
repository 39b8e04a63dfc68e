"""Mention finding: candidate spans from the lexicon and spaCy NER, and the choice among them.

The longest span wins where they overlap (the lexicon on ties), so the gazetteer fixes NER
mistakes ("Xi" missed, a capital tagged PERSON).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.entities.dictionary import Entity
from pipeline.extract.entities.gazetteer import INITIAL, Lexicon, _tok, lexicon, state_entity

# the possessive's marks as tokens: "Japan's", "the Philippines' " (straight or curly)
POSSESSIVE_MARKS = ("'s", "\u2019s", "'", "\u2019")


NER_LABELS = {"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"}


@dataclass
class Cand:
    start: int        # token index
    end: int          # token index, exclusive
    kind: str         # actor|state|demonym|seat|body|ner
    value: object
    prio: int         # lower wins ties


def _match_at(words: list[str], lows: list[str], i: int, lex: Lexicon) -> tuple[int, tuple] | None:
    """Longest lexicon key starting at token i: (length, (kind, value))."""
    n = len(words)
    if words[i] not in lex.firsts and lows[i] not in lex.lower_firsts:
        return None
    for length in range(min(lex.maxlen, n - i), 0, -1):
        hit = lex.exact.get(tuple(words[i:i + length]))
        if hit is None and length > 1:
            hit = lex.lower.get(tuple(lows[i:i + length]))
        if hit is not None:
            return length, hit
    return _initials_match(words, i, lex)


def _initials_match(words: list[str], i: int, lex: Lexicon) -> tuple[int, tuple] | None:
    """A gazetteer person written with middle initials or a suffix ("Joseph R. Biden Jr.")."""
    k = i + 1
    while k < len(words) and k - i <= 2 and INITIAL.match(words[k]):
        k += 1
    if k == i + 1 or k >= len(words):
        return None
    hit = lex.exact.get((words[i], words[k]))
    if hit is None or hit[0] != "actor" or lex.actors[hit[1]].entity_type != "person":
        return None
    end = k + 1
    if end < len(words) and words[end].lower() in lex.suffixes:
        end += 1
    return end - i, hit


def _longest(table: dict, lows: list[str], i: int, maxlen: int) -> tuple[int, object] | None:
    for length in range(min(maxlen, len(lows) - i), 0, -1):
        hit = table.get(tuple(lows[i:i + length]))
        if hit is not None:
            return length, hit
    return None


def _country_of(hit: tuple) -> str | None:
    return hit[1] if hit[0] in ("state", "demonym", "seat") else None


def _ref_code(hit: tuple) -> str | None:
    """Code of a state reference, of an intergovernmental body ("NATO Secretary-General") or the
    country of a party or agency ("Liberal Democratic Party general secretary")."""
    if hit[0] == "actor":
        actor = lexicon().actors[hit[1]]
        if actor.entity_type == "igo":
            return actor.terms[0].code
        return actor.home if actor.entity_type == "organization" else None
    return _country_of(hit)


def lexicon_cands(words: list[str], lows: list[str], lex: Lexicon) -> list[Cand]:
    out: list[Cand] = []
    i, n = 0, len(words)
    while i < n:
        m = _match_at(words, lows, i, lex)
        if m is None:
            i += 1
            continue
        length, hit = m
        out.append(Cand(i, i + length, hit[0], hit[1], 0 if hit[0] == "actor" else 1))
        code = _country_of(hit)
        if code and hit[0] != "seat":
            body = _body_after(lows, i + length, lex)
            if body:
                out.append(Cand(i, body[0], "body", (body[1], code), 0))
        i += 1
    out.extend(_body_of_country(words, lows, lex))
    return out


def _body_after(lows: list[str], j: int, lex: Lexicon) -> tuple[int, dict] | None:
    """A body noun right after a country reference ("Japan's Foreign Ministry")."""
    if j < len(lows) and lows[j] in POSSESSIVE_MARKS:
        j += 1
    hit = _longest(lex.bodies, lows, j, lex.body_maxlen)
    return (j + hit[0], hit[1]) if hit else None


def _body_of_country(words: list[str], lows: list[str], lex: Lexicon) -> list[Cand]:
    """"the Ministry of Foreign Affairs of Japan"."""
    out = []
    for i in range(len(lows)):
        if not words[i][:1].isupper():
            continue
        hit = _longest(lex.bodies, lows, i, lex.body_maxlen)
        if not hit:
            continue
        j = i + hit[0]
        if j + 1 < len(lows) and lows[j] == "of":
            m = _match_at(words, lows, j + 1, lex)
            if m and _country_of(m[1]) and m[1][0] != "seat":
                out.append(Cand(i, j + 1 + m[0], "body", (hit[1], m[1][1]), 0))
    return out


def ner_cands(doc) -> list[Cand]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        while end > start and doc[end - 1].text in POSSESSIVE_MARKS:
            end -= 1
        for k in range(start, end):
            if "](" in doc[k].text:  # "[Penny Wong](https://..." ends at the link
                end = k + 1
                break
            if "\n\n" in doc[k].text or "\n" in doc[k].whitespace_ and "\n" in doc[k + 1:k + 2].text:
                end = k + (0 if "\n" in doc[k].text else 1)  # a name never runs over a paragraph break
                break
        while start < end and not any(ch.isalnum() for ch in doc[start].text):
            start += 1
        while end > start and not any(ch.isalnum() for ch in doc[end - 1].text):
            end -= 1
        label = ent.label_
        if _opening_word(doc, start, end, label):
            continue
        if label == "PERSON" and all(t.is_upper or not t.is_alpha for t in doc[start:end]):
            label = "ORG"  # "AIIB", "BRI": acronyms are bodies, not people
        if start < end:
            out.append(Cand(start, end, "ner", label, 2))
    return out


LIST_WORDS = frozenset({",", "and", "&", "or"})


def unlisted(ner: list[Cand], lexical: list[Cand], lows: list[str]) -> list[Cand]:
    """NER spans less those that are lists of names the dictionary knows one by one: the tagger reads
    "Gabon, Equatorial Guinea and Chad" as one organisation "Gabon, Equatorial Guinea", which would
    hide Gabon."""
    ends: dict[int, set[int]] = {}
    for c in lexical:
        ends.setdefault(c.start, set()).add(c.end)
    return [c for c in ner if not _a_list(c, ends, lows)]


def _a_list(c: Cand, ends: dict[int, set[int]], lows: list[str]) -> bool:
    if c.end in ends.get(c.start, ()):
        return False  # one name the dictionary knows whole ("Trinidad and Tobago")
    i, names = c.start, 0
    while i < c.end:
        if lows[i] in LIST_WORDS:
            i += 1
            continue
        j = max((e for e in ends.get(i, ()) if e <= c.end), default=None)
        if j is None:
            return False
        i, names = j, names + 1
    return names >= 2


def _opening_word(doc, start: int, end: int, label: str) -> bool:
    """"Coordinated naval patrols began": a sentence's first word is capitalised whatever it is, and
    NER takes a lone participle or adverb there for a name. Only those: a proper adjective the
    tagger calls an adjective ("Uyghur activists", "Gambian troops") is a name all the same."""
    tok = doc[start] if end - start == 1 else None
    return tok is not None and bool(tok.is_sent_start) and tok.tag_ not in ("NNP", "NNPS") and (
        tok.tag_ in ("VBN", "VBD", "VBG", "RB") or tok.pos_ in ("ADJ", "VERB") and tok.lower_.endswith(("ed", "ing")))


def titled_names(doc, lows: list[str], lex: Lexicon) -> list[Cand]:
    """Capitalised names right after a title that NER missed ("Ambassador to Japan Rahm Emanuel")."""
    out = []
    for j in range(len(lows)):
        role = _longest(lex.roles, lows, j, lex.role_maxlen) if lows[j] in lex.role_firsts else None
        if not role:
            continue
        k = start = j + role[0]
        while k < len(doc) and k - start < 3 and doc[k].is_title and doc[k].pos_ == "PROPN" and not doc[k].ent_type_:
            k += 1
        if k - start >= 2:
            out.append(Cand(start, k, "ner", "PERSON", 3))
    return out


def select(cands: list[Cand], n: int) -> list[Cand]:
    """Non-overlapping spans, longest first, lexicon before NER on ties."""
    taken = bytearray(n)
    chosen = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.prio, c.start)):
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


LINK_TAIL = re.compile(r"\]\(|\]$|https?:|\*\*|\\+$")


MARKUP_CHARS = frozenset("]*\\:[_")


def _words(doc) -> tuple[list[str], list[tuple[int, int]], list[bool]]:
    """Token texts with markdown residue cut off ("[Bessent](https://..." -> "Bessent"), their char
    spans and whether they are whitespace (one pass over the tokens: long documents)."""
    words, spans, space = [], [], []
    for t in doc:
        text, start = t.text, t.idx
        if not MARKUP_CHARS.isdisjoint(text):
            m = LINK_TAIL.search(text)
            if m and m.start() > 0:
                text = text[:m.start()]
            lead = len(text) - len(text.lstrip("[*_"))
            if lead < len(text):
                text, start = text[lead:], start + lead
        words.append(text)
        spans.append((start, start + len(text)))
        space.append(t.is_space)
    return words, spans, space


def _junk(text: str, lex: Lexicon) -> bool:
    """NER spans that are handles, URLs, file names, numbers or transcript labels, not names."""
    return (not any(ch.isalpha() for ch in text) or text.startswith("@") or "/" in text
            or (text.isupper() and text.lower().rstrip(".:") in lex.transcript_labels)
            or "http" in text or re.search(r"\.(jpe?g|png|gif|svg|html?)$", text, re.I) is not None
            or re.fullmatch(r"[\d\W]*\w?\d+\w*", text) is not None)


def _solid_cands(space, words, lows, lex) -> list[Cand]:
    """Lexicon spans found with line breaks skipped ("Secretary Scott\nBessent" in wrapped markdown)."""
    keep = [i for i, blank in enumerate(space) if not blank]
    cands = lexicon_cands([words[i] for i in keep], [lows[i] for i in keep], lex)
    return [Cand(keep[c.start], keep[c.end - 1] + 1, c.kind, c.value, c.prio) for c in cands]


def _compound_parts(words, spans, lex) -> list[tuple[int, tuple[int, int, Entity]]]:
    """States inside one hyphenated token ("U.S.-Korea", "China–Russia"): (token, (start, end, state))."""
    out = []
    for k, w in enumerate(words):
        if "-" not in w and "–" not in w or len(w) < 5:
            continue
        pieces = [(m.start(), m.group()) for m in re.finditer(r"[^-–]+", w)]
        hits = [lex.exact.get(_tok(piece)) for _, piece in pieces]
        if len(pieces) < 2 or not all(h and h[0] in ("state", "demonym") for h in hits):
            continue
        base = spans[k][0]
        for (offset, piece), hit in zip(pieces, hits):
            out.append((k, (base + offset, base + offset + len(piece), state_entity(hit[1]))))
    return out


# words that make a publisher a government's own office rather than a newspaper named after a country
GOVERNMENT_PUBLISHER = re.compile(r"\b(?:Ministry|Department|Minister|President|Presidential|Government|"
                                  r"Cabinet|Embassy|Mission|Kremlin|White House|State Council|Office)\b")


def government_state(publisher: str | None) -> str | None:
    """The state whose government publishes a text, read from a catalog's publisher ("Prime Minister
    of Australia", "Ministry of Foreign Affairs of Japan", "U.S. Department of Defense"): the one state
    the gazetteer finds in it, when it names a government office. A newspaper ("The Japan Times")
    names none."""
    if not publisher or not GOVERNMENT_PUBLISHER.search(publisher):
        return None
    words = list(_tok(publisher))
    cands = select(lexicon_cands(words, [w.lower() for w in words], lexicon()), len(words))
    codes = {c.value[1] if c.kind == "body" else _ref_code((c.kind, c.value)) for c in cands} - {None}
    return codes.pop() if len(codes) == 1 else None
