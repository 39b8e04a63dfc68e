"""Speaker names: the document's entities and spaCy's names, with short forms completed."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from pipeline.extract.quotes.lexicon import JUNK_NAME, MARKDOWN_LINK_TARGET, SPACES, lexicon
from pipeline.extract.quotes.spans import QSpan
from pipeline.extract.quotes.variants import fullest_forms, fullness, split_name

@dataclass(frozen=True)
class Speaker:
    name: str
    entity_id: str | None = None
    kind: str | None = None


def clean_name(s: str) -> str:
    s = MARKDOWN_LINK_TARGET.sub("", s)
    s = re.sub(r"[\[\]*_#]", "", s)
    s = SPACES.sub(" ", s).strip(" ,.:;—–-")
    return re.sub(r"[’']s$", "", s).strip()


def strip_titles(name: str) -> str:
    words = name.split()
    titles = lexicon()["titles"]
    while len(words) > 1 and words[0].lower() in titles:
        words.pop(0)
    return " ".join(words)


def name_in_label(words: list[str]) -> str:
    """"Deputy Chief of Staff Stephen Miller" -> "Stephen Miller"; "CNN’s Scott Jennings" -> "Scott Jennings"."""
    words = [w.strip(",;:") for w in words if w.strip(",;:")]
    titles = lexicon()["titles"]
    name: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper() or w.lower() in titles or re.search(r"[’']s$", w) or len(name) == 4:
            break
        name.insert(0, w)
    return " ".join(name) if name else " ".join(words)


# "(Laughter.)", "(Applause.)", "(Inaudible.)": a transcript's stage directions are nobody's name.
STAGE_DIRECTION = re.compile(r"\(\s*[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}\s*[.!]\s*\)")


def stage_directions(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in STAGE_DIRECTION.finditer(text) if len(m.group().split()) <= 4]


def inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_right(spans, (s, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= s and e <= spans[i][1]


def name_words(name: str) -> set[str]:
    return set(re.findall(r"[\w']+", name.casefold().replace("’", "'")))


def related(a: str, b: str) -> bool:
    """One name's words hold the other's ("Zelensky" in "Volodymyr Zelensky")."""
    wa, wb = name_words(a), name_words(b)
    return wa <= wb or wb <= wa


def written_forms(mentions: list, ner: list) -> dict[str, str]:
    """Entity id -> the fullest name spaCy read for it in the text, for people only: the entity's
    mentions also include role phrases ("Japan's Prime Minister"), which are not its name. Only where
    that fullest name is not a form of the canonical one ("Peter Hegseth" for "Pete Hegseth")."""
    forms: dict[str, list[str]] = {}
    for ms, me, sp in mentions:
        if sp.kind != "person" or not sp.entity_id:
            continue
        names = [name for s, e, kind, name in ner if kind == "person" and ms <= s and e <= me]
        forms.setdefault(sp.entity_id, []).extend(n for n in names if n)
    canonical = {sp.entity_id: sp.name for _, _, sp in mentions if sp.entity_id}
    fullest = {eid: max(names, key=fullness) for eid, names in forms.items() if names}
    return {eid: name for eid, name in fullest.items() if not related(name, canonical[eid])}


FALLBACK_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}


class Names:
    """Entity look-ups through `parsed.entities`, backed by spaCy's NER where that pass
    is missing or missed a name; short names are completed from full names in the document."""

    def __init__(self, parsed: Any, spans: list[QSpan]):
        self.ents = parsed.entities
        self.quoted = sorted((sp.start, sp.end) for sp in spans)
        ner = [(e.start_char, e.end_char, FALLBACK_TYPES[e.label_], strip_titles(clean_name(e.text)))
               for e in parsed.doc.ents if e.label_ in FALLBACK_TYPES]
        asides = stage_directions(parsed.text or "")
        self.mentions = [m for m in self.entity_mentions() + [(s, e, Speaker(name, None, kind))
                                                               for s, e, kind, name in ner]
                         if not inside(asides, m[0], m[1])]
        self.mentions.sort(key=lambda m: (m[0], m[2].entity_id is not None))
        self.starts = [m[0] for m in self.mentions]
        people = [sp.name for _, _, sp in self.mentions if sp.kind == "person" and len(sp.name.split()) > 1]
        self.people = people
        self.fullest = fullest_forms(people)
        self.variants: dict[str, str | None] = {}  # fullest_of_variant, asked again for every quote
        self.full_names: dict[str, str] = {}
        for name in people:  # "Brown" -> the fullest form, when one person of the document bears it
            family = (split_name(name) or ([], name))[1]
            full = self.fullest.get(name, name)
            if self.full_names.get(family, full) != full and not self.same_person(self.full_names[family], full):
                self.full_names[family] = ""
            elif self.full_names.get(family) != "":
                self.full_names[family] = max(full, self.full_names.get(family, full), key=fullness)
        self.full_names = {k: v for k, v in self.full_names.items() if v}
        self.written = written_forms(self.entity_mentions(), ner)
        self.by_name = {}
        for _, _, sp in self.mentions:
            if sp.entity_id and sp.name not in self.by_name:
                self.by_name[sp.name] = sp

    def same_person(self, a: str, b: str) -> bool:
        return self.fullest.get(a, a) == self.fullest.get(b, b)

    def entity_mentions(self) -> list[tuple[int, int, Speaker]]:
        out = []
        if self.ents is None:
            return out
        for m in getattr(self.ents, "mentions", None) or []:
            e = self.ents.entities.get(m.entity_id)
            if e is not None and not JUNK_NAME.search(e.name):
                out.append((m.char_start, m.char_end, Speaker(e.name, e.entity_id, e.entity_type)))
        return out

    def canonical(self, sp: Speaker | None) -> Speaker | None:
        """"Stoltenberg" -> "Jens Stoltenberg", "CQ Brown" -> "Charles Q. Brown Jr.": the fullest
        form the document gives the person."""
        if sp is None or sp.kind not in (None, "person", "organization"):
            return sp
        if sp.kind == "organization" and (body := self.spelt_out(sp.name)) is not None:
            return body
        words = sp.name.split()
        if len(words) == 1:
            full = self.full_names.get(sp.name)
        elif len(words) == 2 and words[0].lower().strip(".") in lexicon()["given_name_honorifics"]:
            full = self.by_given_name(words[1]) or self.fullest.get(sp.name)
        else:
            full = self.fullest.get(sp.name) or self.fullest_of_variant(sp.name)
        if not full or full == sp.name:
            return sp
        other = self.by_name.get(full)
        if other is not None and other.kind == "person":
            return other
        return Speaker(full, sp.entity_id if sp.kind == "person" else None, "person")

    def by_given_name(self, given: str) -> str | None:
        """"Sheikh Mohammed", "Prince Faisal": royals and sheikhs go by the given name, so the short form is
        the one person of the document whose full name begins with it (none when two do)."""
        honorifics = lexicon()["given_name_honorifics"]
        found = set()
        for name in self.people:
            words = name.split()
            while words and words[0].lower().strip(".") in honorifics:
                words.pop(0)
            if len(words) > 1 and words[0] == given:
                found.add(self.fullest.get(name, name))
        return found.pop() if len(found) == 1 else None

    def fullest_of_variant(self, name: str) -> str | None:
        """A form met only as a speaker ("T.R. Kellerman") against the document's person names."""
        if name not in self.variants:
            full = fullest_forms([name] + list(self.fullest.values())).get(name)
            self.variants[name] = full if full != name else None
        return self.variants[name]

    def as_written(self, sp: Speaker | None) -> Speaker | None:
        """"Volodymyr Zelensky" where the gazetteer spells him "Volodymyr Zelenskyy", "Erdogan" for
        "Erdoğan": a person whose canonical name shares no spelling with any name the document gives him
        speaks by the fullest of those, so the row says what its article says."""
        form = self.written.get(sp.entity_id) if sp is not None and sp.kind == "person" and sp.entity_id else None
        if form is None or related(form, sp.name):
            return sp
        return Speaker(form, sp.entity_id, sp.kind)

    def in_quote(self, s: int) -> bool:
        i = bisect.bisect_right(self.quoted, (s, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= s < self.quoted[i][1]

    def near(self, s: int, e: int) -> list[tuple[int, int, Speaker]]:
        """Mentions starting in [s - 300, e): no name is longer than that."""
        return self.mentions[bisect.bisect_left(self.starts, s - 300):bisect.bisect_left(self.starts, e)]

    def at(self, s: int, e: int) -> Speaker | None:
        hits = [m for m in self.near(s, e) if m[0] < e and s < m[1]]
        hits.sort(key=lambda m: (m[2].entity_id is None, -(m[1] - m[0])))
        return self.canonical(hits[0][2]) if hits else None

    def within(self, s: int, e: int, kinds: tuple[str, ...]) -> Speaker | None:
        for kind in kinds:
            hits = [m for m in self.near(s, e) if s <= m[0] and m[1] <= e and m[2].kind == kind]
            if hits:
                hits.sort(key=lambda m: (m[2].entity_id is None, -(m[1] - m[0])))
                return self.canonical(hits[0][2])
        return None

    def before(self, offset: int, kinds: tuple[str, ...], limit: int = 3000) -> Speaker | None:
        i = bisect.bisect_left(self.starts, offset)
        for ms, me, sp in reversed(self.mentions[:i]):
            if ms < offset - limit:
                break
            # spaCy's GPE is any place ("Philadelphia"): only the entity pass's states speak
            city = sp.kind == "state" and sp.entity_id is None and self.ents is not None
            if sp.kind in kinds and me <= offset and not self.in_quote(ms) and not city:
                return self.canonical(sp)
        return None

    def lookup(self, name: str) -> Speaker:
        name = clean_name(name)
        if self.ents is not None and hasattr(self.ents, "lookup"):
            e = self.ents.lookup(name)
            same_person = e is not None and e.name.split()[-1].lower() == name.split()[-1].lower() and len(
                e.name.split()) >= len(strip_titles(name).split())
            if e is not None and not JUNK_NAME.search(e.name) and (same_person or e.entity_type != "person"):
                return self.canonical(Speaker(e.name, e.entity_id, e.entity_type))
        bare = strip_titles(name)
        if len(bare.split()) == 1 and bare in self.full_names:
            return self.canonical(Speaker(bare, None, "person"))
        return self.spelt_out(name) or Speaker(name)

    def spelt_out(self, name: str) -> Speaker | None:
        """"The JCS said" after "the Joint Chiefs of Staff": an acronym is the one body of the document whose
        capitalised words it spells."""
        if not re.fullmatch(r"[A-Z]{2,6}", name):
            return None
        found = {sp.name: sp for _, _, sp in self.mentions if sp.kind in ("organization", "igo", "state")
                 and "".join(w[0] for w in re.findall(r"[\w’'-]+", sp.name) if w[0].isupper()) == name}
        return next(iter(found.values())) if len(found) == 1 else None
