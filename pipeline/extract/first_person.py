"""First-person references to a document's speaking state.

A statement spoken for a state (its collection says which, e.g. a UN General Debate speech) refers
to that state as "we", "our", "my Government", "my country" or "my delegation". Those words give
the state's code as actor or speaker, never a guess: a document without a speaking state gets
nothing from here, and words inside quotation marks belong to whoever is quoted.
"""
from __future__ import annotations

import functools
from pathlib import Path

from pipeline.datafile import load_yaml
from pipeline.nlp.parse import sentence_of
from pipeline.nlp.parse import doc_text

DATA = Path(__file__).resolve().parent.parent / "data" / "first_person.yaml"
OPEN_QUOTES, CLOSE_QUOTES = "\u201c", "\u201d"


@functools.lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    data = load_yaml(DATA)
    return {key: frozenset(w.lower() for w in data[key]) for key in ("pronouns", "possessives", "nouns")}


def speaking_entity(parsed):
    """The entity of the document's speaking state, or None when the document states none."""
    from pipeline.extract.entities import state_entity

    code = getattr(parsed, "speaking_state", None)
    return state_entity(code) if code else None


def in_quote(tok) -> bool:
    """Whether the token stands inside quotation marks opened in its sentence, or (curly marks
    only: straight ones do not pair across sentences) earlier in its paragraph."""
    text, sent_start = doc_text(tok.doc), sentence_of(tok.doc[tok.i:tok.i + 1]).start_char
    before = text[sent_start:tok.idx]
    if before.count(OPEN_QUOTES) > before.count(CLOSE_QUOTES) or before.count('"') % 2 == 1:
        return True
    para = max(text.rfind("\n\n", 0, sent_start), sent_start - 600, 0)
    earlier = text[para:tok.idx]
    return earlier.count(OPEN_QUOTES) > earlier.count(CLOSE_QUOTES)


def is_self_noun(tok) -> bool:
    """"my Government", "our country": a singular self noun owned by a first-person possessive
    ("our countries", "our two nations" are the speaker and others, not the speaker alone)."""
    w = words()
    return tok.tag_ in ("NN", "NNP") and tok.lemma_.lower() in w["nouns"] and any(
        c.dep_ == "poss" and c.lower_ in w["possessives"] for c in tok.children)


def is_self_reference(tok) -> bool:
    """A first-person pronoun or self noun of the document's own voice (not inside a quotation)."""
    if not (tok.lower_ in words()["pronouns"] or is_self_noun(tok)):
        return False
    return not in_quote(tok)


def self_noun_spans(doc) -> list[tuple[int, int]]:
    """Character spans of "my Government"-like phrases outside quotations: mentions of the speaking state."""
    spans = []
    nouns = words()["nouns"]
    for tok in doc:
        if tok.lemma_.lower() in nouns and tok.pos_ in ("NOUN", "PROPN") and is_self_reference(tok):
            poss = min(c.idx for c in tok.children if c.dep_ == "poss")
            spans.append((poss, tok.idx + len(tok)))
    return spans
