"""Entities and mentions of one document, one pass over the existing parse (never re-parsed):
1. lexicon spans and spaCy NER spans (mentions.py), the longest winning;
2. people the gazetteer lacks get a country from the title around them (roles.py);
3. name variants within a document are merged (aliases.py), and bare titles
   ("Japan's Prime Minister") point at the holder (roles.py).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Iterable

from pipeline.extract.entities.aliases import (
    _calls, _clean_person, _lone_surnames, _merge_people, _Person, _preferred,
)
from pipeline.extract.entities.dictionary import Entity, Mention
from pipeline.extract.entities.gazetteer import (
    Lexicon, _tok, actor_entity, body_entity, lexicon, name_key, plain_entity, region_entity, state_entity,
)
from pipeline.extract.entities.mentions import (
    LINK_TAIL, POSSESSIVE_MARKS, Cand, _compound_parts, _junk, _solid_cands, _words, lexicon_cands, ner_cands, select, titled_names,
    unlisted,
)
from pipeline.extract.entities.phoenix import phoenix_entity, untagged_bodies
from pipeline.extract.entities.roles import (
    _bare_titles, _of_country, _strip_titles, country_by_as, title_after, title_before,
)
from pipeline.extract.first_person import in_quote, self_noun_spans, speaking_entity
from pipeline.ids import unique_rows


class DocEntities:
    """Entities and mentions of one document, with look-ups for the extractors."""

    def __init__(self, entities: dict[str, Entity], mentions: list[Mention], doc_id: str = "",
                 date: dt.date | None = None):
        self.entities = entities
        self.mentions = sorted(mentions, key=lambda m: (m.char_start, -m.char_end))
        self.doc_id = doc_id
        self.date = date
        self._starts = [m.char_start for m in self.mentions]
        self._by_text: dict[str, Entity] = {}
        for m in self.mentions:
            self._by_text.setdefault(_norm(m.text), entities[m.entity_id])
        for e in entities.values():
            self._by_text.setdefault(_norm(e.name), e)

    def at(self, start: int, end: int) -> Entity | None:
        best = None
        hi = bisect.bisect_left(self._starts, end)
        for m in self.mentions[max(0, hi - 64):hi]:
            if m.char_end > start and m.char_start < end:
                if best is None or (m.char_end - m.char_start) > (best.char_end - best.char_start):
                    best = m
        return self.entities[best.entity_id] if best else None

    def within(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        lo = bisect.bisect_left(self._starts, start)
        out = []
        for m in self.mentions[lo:]:
            if m.char_start >= end:
                break
            if m.char_end <= end:
                out.append((m, self.entities[m.entity_id]))
        return out

    def last_before(self, offset: int, types=("person",), limit_chars: int | None = None,
                    exclude: frozenset = frozenset()) -> Entity | None:
        """The entity of `types` mentioned last before `offset`, other than those in `exclude` (ids)."""
        types = (types,) if isinstance(types, str) else tuple(types)
        for k in range(bisect.bisect_left(self._starts, offset) - 1, -1, -1):
            m = self.mentions[k]
            if limit_chars is not None and offset - m.char_end > limit_chars:
                break
            ent = self.entities[m.entity_id]
            if m.char_end <= offset and ent.entity_type in types and ent.entity_id not in exclude:
                return ent
        return None

    def lookup(self, name: str) -> Entity | None:
        """The entity a name refers to; None on a miss (an exception is a bug and propagates)."""
        return self._lookup(name)

    def _lookup(self, name: str) -> Entity | None:
        key = _norm(name)
        if not key:
            return None
        found = self._by_text.get(key)
        if found is not None and found.entity_type != "location":
            return found
        found = resolve_text(name, self.date) or found
        if found is not None:
            # a name resolved through the gazetteer joins the document's entities, so the row that
            # cites it (a quote's speaker) references an entity the release holds
            return self.entities.setdefault(found.entity_id, found)
        lex = lexicon()
        persons = [e for e in self.entities.values() if e.entity_type == "person"]
        same = [e for e in persons if name_key(e.name) == name_key(key)]
        if same:
            return same[0]
        last = key.split()[-1]  # "Mr. Quillfeather": by family name only, never by a given name
        people = [e for e in persons if last in _calls(e.name.split(), lex)]
        return _preferred(people) if people else None

    def __len__(self) -> int:
        return len(self.mentions)


def _norm(text: str) -> str:
    text = LINK_TAIL.split(text.strip(), 1)[0].strip("[*_ ")  # "Mike](https://..." -> "Mike"
    text = re.sub(r"[’']s$", "", text.strip().replace("’", "'"))
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    return re.sub(r"\s+", " ", text).strip(" .,;:").lower()


def resolve_text(text: str, date: dt.date | None = None, fallback: bool = True) -> Entity | None:
    """Resolve free text ("the Japanese Foreign Ministry", "Beijing", "Xi") without a document;
    `fallback`: also through the Phoenix dictionary when the project's own lexicon has no entry."""
    lex = lexicon()
    words = [w for w in _tok(text.strip()) if w.lower() not in ("the", "a", "an")]
    while words and words[-1] in ("'s", "’s", "'", ".", ","):
        words.pop()
    if not words:
        return None
    lows = [w.lower() for w in words]
    cands = [c for c in lexicon_cands(words, lows, lex) if c.kind != "ner"]
    full = [c for c in cands if c.start == 0 and c.end == len(words)]
    if full:
        return _cand_entity(sorted(full, key=lambda c: c.prio)[0], words, lows, lex, date)
    found = phoenix_entity(words, date) if fallback else None  # the field's dictionary, after the project's own
    if found is not None:
        return found
    lead = _strip_titles(words, lows, lex)
    if lead and lead < len(words):
        return resolve_text(" ".join(words[lead:]), date, fallback)
    return None


def _cand_entity(c: Cand, words, lows, lex: Lexicon, date) -> Entity | None:
    if c.kind == "actor":
        return actor_entity(lex.actors[c.value], date)
    if c.kind in ("state", "demonym"):
        return state_entity(c.value)
    if c.kind == "seat":
        prev = lows[c.start - 1] if c.start > 0 else ""
        after = lows[c.end] if c.end < len(lows) else ""
        # "in Beijing" is a place; so is the city in a document's name ("the Paris Agreement")
        if prev in lex.place_preps or after in lex.named_after_places:
            return plain_entity(" ".join(words[c.start:c.end]).removeprefix("the ").strip(), "location", c.value)
        return state_entity(c.value)
    if c.kind == "body":
        spec, code = c.value
        return body_entity(spec, code)
    if c.kind == "region":
        return region_entity(c.value)
    if c.kind == "city":
        return plain_entity(" ".join(words[c.start:c.end]), "location", c.value)
    return None


def resolve_entities(parsed) -> DocEntities:
    """Entities and mentions of one parsed document. An exception reaches the caller, which
    records it for the document instead of publishing an empty result as if it were right."""
    return _resolve(parsed, getattr(parsed, "doc_id", ""), getattr(parsed, "published_date", None))


def _resolve(parsed, doc_id: str, date) -> DocEntities:
    lex = lexicon()
    doc = parsed.doc
    words, spans, space = _words(doc)
    lows = [w.lower() for w in words]
    bodies = [Cand(start, end, "ner", "ORG", 2) for start, end in untagged_bodies(doc)]
    solid = _solid_cands(space, words, lows, lex)
    chosen = select(solid + unlisted(ner_cands(doc), solid, lows) + titled_names(doc, lows, lex) + bodies, len(doc))
    resolved: list[tuple[int, int, Entity | _Person]] = []  # token start, end, target
    people: dict[tuple, _Person] = {}
    for c in chosen:
        target = _target(c, doc, words, lows, lex, date, people)
        if target is not None:
            resolved.append((c.start, c.end, target))
    _merge_people(resolved, people, date)
    resolved += _lone_surnames(doc, words, resolved)
    resolved += _bare_titles(doc, words, lows, lex, date, resolved)
    parts = _compound_parts(words, spans, lex)
    if parts:
        split = {k for k, _ in parts}
        resolved = [r for r in resolved if not (r[1] - r[0] == 1 and r[0] in split)]
    return _build(parsed, doc_id, date, resolved, spans, [p for _, p in parts])


def _target(c: Cand, doc, words, lows, lex, date, people) -> Entity | _Person | None:
    if c.kind != "ner":
        return _cand_entity(c, words, lows, lex, date)
    text = " ".join(w for w in words[c.start:c.end] if w.strip())
    if _junk(text, lex):
        return None
    label = c.value
    if label == "PERSON":
        start = c.start = _clean_person(words, lows, c.start, c.end, lex)  # the mention is the name alone
        inner = resolve_text(" ".join(w for w in words[start:c.end] if w.strip()), date, fallback=False)
        if inner is not None:
            return inner
        toks = _name_words(doc, words, start, c.end)
        if not toks or not all(any(ch.isalpha() for ch in w) for w in toks) or not any(w[:1].isupper() for w in toks) \
                or (len(toks) == 1 and TWO_NAMES.match(toks[0])):
            return None  # "Abe-Xi", stray punctuation, lower-case words
        person = people.setdefault(name_key(" ".join(toks)), _Person(toks, " ".join(toks)))
        if len(toks) > len(person.tokens):  # show the fullest form ("John J. Smith" over "John Smith")
            person.tokens, person.name = toks, " ".join(toks)
        sent = doc[c.start].sent
        country, title, complete = title_before(words, lows, start, sent.start, lex)
        if not country and not title:
            country, title = title_after(words, lows, c.end, sent.end, lex)
        if not country and title:
            country = _of_country(words, lows, c.end, sent.end, lex)  # "President Ruto of Kenya"
        if not country:
            country = country_by_as(doc, c.start, c.end, words, lows, lex)
        if not country and not person.country:  # the text says nothing: the field's dictionary, at the date
            known = phoenix_entity(list(toks), date)
            country = known.code if known is not None and known.entity_type == "person" else None
        person.country = person.country or country
        if title and not person.title:
            person.title, person.complete = title, complete
        return person
    found = resolve_text(text, date)
    if found is not None:
        return found
    if label == "ORG":
        owned = _org_of_state(words[c.start:c.end], lows[c.start:c.end], text, lex,
                              _possessor_before(words, lows, c.start, lex))
        if owned is not None:
            return owned
    if label == "ORG" and len(words[c.start:c.end]) > 1 and lows[c.end - 1] in ("administration", "government"):
        head = resolve_text(" ".join(words[c.start:c.end - 1]), date)
        if head is not None and head.entity_type == "person" and head.country_code:
            return body_entity(lex.bodies[("government",)], head.country_code)
    if label in ("GPE", "LOC", "FAC"):
        return plain_entity(text, "location")
    if label == "NORP":
        return plain_entity(text, "group")
    return plain_entity(text, "organization")


# two names joined into one token: "Abe-Xi" (a summit), not a person
TWO_NAMES = re.compile(r"^[A-Z][\w.]*[-–][A-Z]")


def _name_words(doc, words, start: int, end: int) -> tuple[str, ...]:
    """A name's words, a hyphenated part kept whole ("Tsang Wai-ming", "Rees-Mogg"), without "'s"."""
    out: list[str] = []
    glue = False
    for k in range(start, end):
        w = words[k]
        if not w.strip() or w in ("'s", "’s"):
            glue = False
            continue
        if glue and out:
            out[-1] += w
        else:
            out.append(w)
        glue = doc[k].whitespace_ == "" and (w in ("-", "–") or (k + 1 < end and words[k + 1] in ("-", "–")))
    return tuple(out)


def _org_of_state(words, lows, text: str, lex, possessor: str | None = None) -> Entity | None:
    """"Supreme Court of Ukraine", "Mozambique's Constitutional Council": a body named for a state acts
    for it (a party only belongs to it). `possessor` is the state whose "'s" stands right before the name."""
    owner = _possessing_state(words, lows, lex) or (possessor if lows[-1] in lex.institution_heads else None) \
        or _demonym_named(words, lows, lex)
    if owner is not None:
        return plain_entity(text, "organization", owner, owner)
    for k in range(len(words) - 2, 0, -1):
        if lows[k] != "of":
            continue
        hit = lex.exact.get(tuple(words[k + 1:])) or lex.exact.get(tuple(words[k + 2:]))
        if hit and hit[0] == "state":
            code = hit[1]
            return plain_entity(text, "organization", code, None if "party" in lows else code)
        return None
    return None


def _demonym_named(words, lows, lex) -> str | None:
    """"the Somali National Army", "the Nigerian Navy": a state's body or forces named with its
    nationality word first."""
    first = 1 if lows[0] == "the" else 0
    if len(words) - first < 2 or not ((lows[-1],) in lex.bodies or lows[-1] in lex.institution_heads):
        return None
    hit = lex.exact.get((words[first],))
    return hit[1] if hit and hit[0] == "demonym" else None


def _possessing_state(words, lows, lex) -> str | None:
    """The state before "'s" inside a name that ends in an institution's head noun."""
    if len(words) < 3 or lows[-1] not in lex.institution_heads:
        return None
    mark = next((k for k, w in enumerate(lows) if w in POSSESSIVE_MARKS), None)
    if mark is None or mark == 0 or mark >= len(words) - 1:
        return None
    return _state_named(words[1 if lows[0] == "the" else 0:mark], lex)


def _possessor_before(words, lows, start: int, lex) -> str | None:
    """The state whose "'s" ends right before a name ("the Philippines' | Supreme Court")."""
    if start < 2 or lows[start - 1] not in POSSESSIVE_MARKS:
        return None
    for k in range(max(0, start - 5), start - 1):
        if (code := _state_named(words[k:start - 1], lex)) is not None:
            return code
    return None


def _state_named(words, lex) -> str | None:
    hit = lex.exact.get(tuple(words))
    return hit[1] if hit and hit[0] == "state" else None


def _build(parsed, doc_id: str, date, resolved: list, spans: list, chars: list = ()) -> DocEntities:
    """Mentions from token spans (`resolved`) and character spans (`chars`)."""
    text = parsed.text
    entities: dict[str, Entity] = {}
    mentions = []
    located = [(spans[s][0], spans[e - 1][1], ent) for s, e, ent in resolved if isinstance(ent, Entity) and s < e]
    speaker = speaking_entity(parsed)
    if speaker is not None:  # the state a speech is spoken for is its actor even where it names itself only as "we"
        entities[speaker.entity_id] = speaker
        chars = list(chars) + [(a, b, speaker) for a, b in self_noun_spans(parsed.doc)] + _addressed(parsed.doc)
    for a, b, ent in located + list(chars):
        if text[a:b].strip() != text[a:b] or not text[a:b]:
            continue
        entities.setdefault(ent.entity_id, ent)
        mentions.append(Mention(ent.entity_id, doc_id, a, b, text[a:b]))
    return DocEntities(entities, mentions, doc_id, date)


def _addressed(doc) -> list[tuple[int, int, Entity]]:
    """In a speech spoken for a state, the body it is spoken to (places.yaml `addressed`): "Mr. President",
    "you", "your" outside quotation marks, and "this Assembly" / "the Organization"."""
    spec = lexicon().addressed
    if not spec:
        return []
    body = resolve_text(spec["body"])
    pronouns = {w.lower() for w in spec.get("pronouns") or []}
    dets = {w.lower() for w in spec.get("determiners") or []}
    nouns = {k: resolve_text(v) for k, v in (spec.get("nouns") or {}).items()}
    out = []
    for tok in doc:
        if tok.lower_ in pronouns and body is not None and not in_quote(tok):
            out.append((tok.idx, tok.idx + len(tok), body))
        elif nouns.get(tok.text) is not None and tok.i and doc[tok.i - 1].lower_ in dets and not in_quote(tok):
            out.append((doc[tok.i - 1].idx, tok.idx + len(tok), nouns[tok.text]))
    text = doc.text
    for title in spec.get("titles") or []:
        for m in re.finditer(rf"\b{re.escape(title)}\b", text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if body is not None and span is not None and not in_quote(span[0]):
                out.append((m.start(), m.end(), body))
    return out


def entity_rows(entities: Iterable[Entity]) -> list[dict]:
    """One row per entity_id (first seen wins), columns of the `entities` table."""
    seen: dict[str, dict] = {}
    for e in entities:
        if e.entity_id not in seen:
            seen[e.entity_id] = {"entity_id": e.entity_id, "name": e.name, "entity_type": e.entity_type,
                                 "country_code": e.country_code, "code": e.code, "role": e.role,
                                 "wikidata_id": e.wikidata_id}
    return list(seen.values())


def mention_rows(doc_entities: DocEntities | Iterable[DocEntities]) -> list[dict]:
    """Rows of the `mentions` table, ids from their content (two entities named by one span are
    two rows), one row per identical mention within a document."""
    docs = [doc_entities] if isinstance(doc_entities, DocEntities) else list(doc_entities)
    return [row for d in docs for row in unique_rows("mention", [
        {"entity_id": m.entity_id, "doc_id": m.doc_id, "char_start": m.char_start, "char_end": m.char_end,
         "text": m.text} for m in d.mentions])]
