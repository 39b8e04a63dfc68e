"""Who speaks in a text, as the event arguments need it: the party a transcript turn's label speaks
for ("PRESIDENT RUTO: I thank you"), the party such a turn addresses ("you" in a two-party
transcript), and the speaker of a quotation ("we" inside quotation marks)."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from pipeline.extract.events.parties import Party, entity_code
from pipeline.extract.quotes.transcript import LABEL_NOTE, label_name, office_holder, turns
from pipeline.nlp.parse import doc_text, hangs_a_colon

LABEL = re.compile(r"[ \t]*([A-Z][\w .'\u2019-]{0,60}?)" + LABEL_NOTE + r"[ \t]*:[ \t]")  # "(AS INTERPRETED)"
LABEL_AT_PARAGRAPH = re.compile(r"(?:^|\n\n)" + LABEL.pattern)  # every turn's label, for turn_parties
SPEAKING_TYPES = ("person", "organization", "state")
ASSEMBLY = re.compile(r"\b(?:General Assembly|this Assembly)\b")
VOCATIVE = re.compile(r"\b(?:Sir|(?:Mr|Madam|Madame)\.? President)\b")


class Voices:
    def __init__(self, view, grammar: dict, ctx):
        self.view = view
        self.grammar = grammar
        self.quotes = ctx.quotes  # the quotes table's rows: who speaks inside a quotation
        self.publisher_state = ctx.publisher_state
        self.date = ctx.published_date
        self._turn_parties: list[Party] | None = None
        self._labels: dict[tuple[int, int], Party | None] = {}
        self._turns: list[tuple[int, int, int]] | None = None  # (turn start, label start, label end)
        self._assembly = None  # the General Assembly's entity when the text is addressed to it, else False

    def labelled(self, tok) -> list[Party] | None:
        """"SPOKESPERSON: We urge ...": the party the label of `tok`'s turn speaks for, named in the
        label or, for a bare role, in the document's title; None outside any labelled turn."""
        text = doc_text(tok.doc)
        label = LABEL.match(text, _paragraph_start(text, tok.idx), tok.idx)
        key = (label.start(1), label.end(1)) if label is not None else self._turn_label(text, tok.idx)
        if key is None:
            return None
        if key not in self._labels:  # every "I" and "we" of a turn reads the same label
            self._labels[key] = self._label_party(text, *key, None)
        found = self._labels[key]
        return [replace(found, token_i=tok.i)] if found is not None else []

    def in_label(self, tok) -> bool:
        """`tok` is a word of its paragraph's turn label ("PRIME MINISTER KISHIDA (AS INTERPRETED):"),
        which the parser may read as the subject of the first verb after it; or a label the parser
        hung its colon on ("FACT SHEET: President X ...")."""
        if hangs_a_colon(tok):
            return True
        text = doc_text(tok.doc)
        para = _paragraph_start(text, tok.idx)
        label = LABEL.match(text, para) if tok.idx - para < 80 else None
        return label is not None and tok.idx < label.end()

    def _turn_label(self, text: str, offset: int) -> tuple[int, int] | None:
        """A transcript's turn runs over paragraphs until the next label, so "I met with ..." three
        paragraphs after "THE PRESIDENT:" is still the President's. A reporter's "Q" turn names nobody."""
        if self._turns is None:
            self._turns = []
            for start, label in turns(text):
                at = text.find(label, start) if label != "Q" else start
                self._turns.append((start, at, at + len(label) if label != "Q" else at))
        i = bisect.bisect_right([t[0] for t in self._turns], offset) - 1
        if i < 0:
            return None
        _, a, b = self._turns[i]
        if a == b:
            self._labels[(a, b)] = None
        return a, b

    def addressee(self, tok) -> list[Party]:
        """"you" in a labelled turn of a transcript whose turns speak for exactly two parties: the
        other one ("PRESIDENT RUTO: Thank you, Mr. President" thanks Uganda)."""
        speaker = self.labelled(tok)
        if not speaker:
            return []
        others = [p for p in self.turn_parties(tok.doc) if p.code != speaker[0].code]
        return [Party(others[0].name, others[0].entity_id, others[0].code, others[0].etype, tok.i)] \
            if len(others) == 1 else []

    def chair_addressed(self, tok) -> list[Party]:
        """"congratulating you, Sir, on your election": a speech to the General Assembly, one that opens
        by calling its chair "Sir" or "Mr. President", addresses the Assembly's President, so its "you"
        is the Assembly."""
        if self._assembly is None:
            text = doc_text(tok.doc)
            lookup = getattr(self.view.ents, "lookup", None)
            addressed = ASSEMBLY.search(text) and VOCATIVE.search(text[:2000])  # "Mr. President, ..." as it opens
            self._assembly = (lookup("United Nations General Assembly") if addressed and lookup else None) or False
        return [Party.of(self._assembly, tok.i, name=tok.text)] if self._assembly else []

    def assembly_officer(self, tok, toks) -> list[Party]:
        """In a speech to the General Assembly, "your predecessor" is the Assembly's former chair and
        the bare "Secretary-General" the United Nations'."""
        predecessor = tok.lemma_.lower() == "predecessor" and any(c.dep_ == "poss" and c.lower_ == "your" for c in tok.children)
        secretary = tok.lower_ in ("general", "secretary-general") \
            and "".join(t.lower_ for t in toks if t.is_alpha and t.lower_ != "the") == "secretarygeneral"
        if not (predecessor or secretary) or not (chair := self.chair_addressed(tok)):
            return []
        if predecessor:
            return chair
        lookup = getattr(self.view.ents, "lookup", None)
        un = lookup("United Nations") if lookup is not None else None
        return [Party.of(un, tok.i, name=tok.text)] if un is not None else []

    def turn_parties(self, doc) -> list[Party]:
        """The distinct coded parties the document's turn labels speak for, in order."""
        if self._turn_parties is None:
            text, seen, out = doc_text(doc), set(), []
            for label in LABEL_AT_PARAGRAPH.finditer(text):
                found = self._label_party(text, label.start(1), label.end(1), None)
                if found is not None and found.code not in seen:
                    seen.add(found.code)
                    out.append(found)
            self._turn_parties = out
        return self._turn_parties

    def _label_party(self, text: str, start: int, end: int, token_i) -> Party | None:
        # "PRIME MINISTER KISHIDA" (the parser reads no name in capitals), "THE PRESIDENT"
        label = text[start:end]
        named = self._looked_up(label) if label_name(label) else self.office_holder(label)
        if named is not None:
            return Party.of(named, token_i)
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", text[start:end])}
        title_end = text.find("\n", 0, 400)
        places = [(start, end)]
        if words & set(self.grammar.get("speaker_roles", ())):  # a bare role speaks for the title's state
            places.append((0, title_end if title_end > 0 else min(len(text), 400)))
        for a, b in places:
            for ent in self.view.within(a, b):
                if getattr(ent, "entity_type", None) in SPEAKING_TYPES and entity_code(ent):
                    return Party.of(ent, token_i)
        return None

    def _looked_up(self, label: str):
        lookup = getattr(self.view.ents, "lookup", None)
        if lookup is None or not label.isupper():
            return None
        for form in (label.title(), label_name(label)):  # "Prime Minister Kishida", then "Kishida"
            ent = lookup(form) if form else None
            if getattr(ent, "entity_type", None) in SPEAKING_TYPES and entity_code(ent):
                return ent
        return None

    def office_holder(self, title: str):
        """"THE PRESIDENT", "the Vice President" in a text its government publishes: that state's
        holder of the office on the date (read as the quotes table reads the same label)."""
        return office_holder(self.publisher_state, title, self.date)

    def quoted(self, tok) -> list[Party]:
        """The coded person a quotation is attributed to: named right after it ("..., Putin said")
        or in the label right before it ("Secretary Bessent: “We ...")."""
        attributed = self._quote_speaker(tok)
        if attributed:
            return attributed
        text = doc_text(self.view.doc)
        opening = max(text.rfind("\u201c", 0, tok.idx), text.rfind('"', 0, tok.idx))
        closing = min([i for i in (text.find("\u201d", tok.idx), text.find('"', tok.idx)) if i != -1] or [len(text)])
        tail = re.search(r"[.\n]", text[closing + 1:closing + 80])
        stop = closing + 1 + tail.start() if tail else min(len(text), closing + 80)  # the attribution ends its sentence
        after = [e for e in self.view.within(closing, stop) if getattr(e, "entity_type", None) == "person"]
        label = text[max(0, opening - 200):max(0, opening)].rstrip().endswith(":")
        before = [e for e in self.view.within(max(0, opening - 200), max(0, opening)) if getattr(e, "entity_type", None) == "person"]
        for ent in after[:1] + (before[-1:] if label else []):
            if entity_code(ent):
                return [Party.of(ent, tok.i, name=tok.text, etype="person")]
        return []

    def _quote_speaker(self, tok) -> list[Party]:
        """The coded speaker the quotes table gives the quotation around `tok`."""
        ents = getattr(self.view.ents, "entities", None) or {}
        for quote in self.quotes:
            if quote["char_start"] <= tok.idx < quote["char_end"] and (ent := ents.get(quote.get("speaker_entity_id"))):
                code = entity_code(ent)
                return [Party.of(ent, tok.i, code=code)] if code else []
        return []


def _paragraph_start(text: str, offset: int) -> int:
    blank = text.rfind("\n\n", 0, offset)
    return blank + 2 if blank >= 0 else 0
