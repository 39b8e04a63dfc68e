"""What the event coder sees of the entities layer: its look-ups by character span, or a bare
spaCy-NER stand-in while that layer is missing (a document the entity pass could not read)."""
from __future__ import annotations

from pipeline.extract.events.context import DocContext


class EntityView:
    """The entities layer, or a bare spaCy-NER stand-in while it is missing."""

    def __init__(self, ctx: DocContext):
        self.ents = ctx.entities
        self.doc = ctx.doc

    # A miss is None or []; an exception from the entities layer is a bug and reaches the caller.
    def at(self, start: int, end: int):
        if self.ents is None:
            return _fallback_at(self.doc, start, end)
        return self.ents.at(start, end)

    def within(self, start: int, end: int) -> list:
        if self.ents is None:
            ent = _fallback_at(self.doc, start, end)
            return [ent] if ent else []
        return [e for _, e in self.ents.within(start, end)]

    def last_before(self, offset: int, types, exclude: frozenset = frozenset()) -> object | None:
        if self.ents is None:
            return None
        return self.ents.last_before(offset, types=types, limit_chars=1500, exclude=exclude)


def _fallback_at(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for ent in doc.ents:
        if ent.start < span.end and span.start < ent.end and ent.label_ in ("GPE", "NORP", "ORG", "PERSON"):
            return _FallbackEntity(ent.text, ent.label_)
    return None


class _FallbackEntity:
    def __init__(self, text: str, label: str):
        import pycountry

        self.name, self.entity_id, self.country_code = text, None, None
        self.entity_type = {"PERSON": "person", "ORG": "organization"}.get(label, "state")
        try:
            self.code = pycountry.countries.lookup(text.removeprefix("the ")).alpha_3 if label == "GPE" else None
        except LookupError:
            self.code = None
