"""One spaCy pass per document, cached by content hash and pipeline version.

Extractors receive a `ParsedDoc` and never parse again.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from pipeline.config import spacy_model_name
from pipeline.ids import sha256_text
from pipeline.nlp.lemmas import repair_lemmas

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# spaCy's default is 1,000,000 characters; sources may be up to the size limit.
MAX_LENGTH = 20_000_000
# Bump when the segmentation rules change: cached parses keyed on the old rules are then unused.
SEGMENTATION_VERSION = "lines-2-runs-1"
# spaCy's tokenizer is quadratic on a long run of punctuation with no space in it ("(((((", "[{(",
# '"""'): 9,000 brackets take half a minute, 100 KB minutes. Such runs get one token per character.
PUNCT_RUN = re.compile(r"[^\w\s]{64,}")
LIST_MARKER = re.compile(r"^(?:[-*•●#>]+|\d{1,3}[.)])$")
# Above this many characters a text is parsed in pieces (see `pieces`): one spaCy Doc of a whole
# 1 MB text took 105 s and 3.6 GB, one of 5 MB did not finish. Shorter texts parse whole, as before.
PIECE_CHARS = 100_000
SPACE_RUN = re.compile(r"\s*")


@dataclass
class ParsedDoc:
    """A cleaned document and its parse; `entities` is filled by the entity pass."""

    doc_id: str
    text: str
    doc: "Doc"
    published_date: dt.date | None = None
    entities: Any = None
    meta: dict = field(default_factory=dict)
    # ISO3 of the state speaking in the first person ("we", "my Government"), when the
    # document's collection states one (a UN General Debate statement); None for reported text
    speaking_state: str | None = None
    # how much of `published_date` is known (day, month, year): a UN General Debate statement is
    # dated by its year only, and a relative date must not be resolved against its January 1st
    published_precision: str | None = None
    # ISO3 of the state whose government publishes the text, when its collection says: a transcript
    # turn labelled "THE PRESIDENT:" is that state's president on `published_date`
    publisher_state: str | None = None

    @classmethod
    def of_row(cls, row: dict, doc: "Doc") -> "ParsedDoc":
        """The parse of one `documents` row, with the facts about it the extractors read."""
        return cls(row["doc_id"], row["text"], doc, row["published_date"], speaking_state=row.get("speaking_state"),
                   published_precision=row.get("published_date_precision"),
                   publisher_state=row.get("publisher_state"))


def sentence_of(span):
    """The sentence holding `span`. spaCy's `Span.sent` walks the tokens to find the boundaries,
    so calling it per number is quadratic on a long sentence: look it up in a per-doc index instead."""
    doc = span.doc
    index = doc.user_data.get("diplodata_sentence_of")
    if index is None:
        index = [None] * len(doc)
        for sent in doc.sents:
            index[sent.start:sent.end] = [sent] * (sent.end - sent.start)
        doc.user_data["diplodata_sentence_of"] = index
    return index[span.start]


def sentence_ents(sent) -> list:
    """Entities of `sent`, from a per-doc index (`Span.ents` scans every entity of the doc)."""
    doc = sent.doc
    by_start = doc.user_data.get("diplodata_sentence_ents")
    if by_start is None:
        by_start = {}
        for ent in doc.ents:
            by_start.setdefault(sentence_of(ent).start, []).append(ent)
        doc.user_data["diplodata_sentence_ents"] = by_start
    return by_start.get(sent.start, [])


def hangs_a_colon(tok) -> bool:
    """"Bloomberg: Defense Secretary X said ...": a label the parser made a word of the clause after
    it hangs the label's colon on that word."""
    return any(c.dep_ == "punct" and c.text == ":" for c in tok.children)


def doc_text(doc: "Doc") -> str:
    """`doc.text`, computed once: spaCy rebuilds it from every token on each access, so using it
    per token or per match makes an extractor quadratic in document length."""
    text = doc.user_data.get("diplodata_text")
    if text is None:
        text = doc.user_data["diplodata_text"] = doc.text
    return text


def is_hard_wrapped(text: str) -> bool:
    """True for text wrapped at a fixed width, where a single newline does not end a sentence."""
    lengths = [len(line) for line in text.split("\n") if line.strip()]
    if len(lengths) < 8:
        return False
    wrapped = sum(1 for n in lengths if 55 <= n <= 100)
    return wrapped / len(lengths) >= 0.6


def _continues(previous, token) -> bool:
    """A lower-case word after a line that did not end a sentence carries the sentence on, in
    text that is wrapped only in places (indented list items, quoted speech)."""
    return token.text[:1].islower() and previous.text not in (".", "!", "?", ":", ";")


def mark_line_breaks(doc: "Doc") -> "Doc":
    """Sentence starts the parser must respect: after a blank line, at a list item or heading, and
    (unless the text is hard-wrapped) after any line break. Without this, titles, headings and
    list items run into the next sentence, and the parse across them is meaningless."""
    text = doc.text  # spaCy builds it anew on every access: take it once
    # A piece of a long text (`parse_pieces`) carries the whole text's wrapping, and every piece
    # but the first starts a line, as it does in the whole text (it follows a blank line).
    wrapped = doc.user_data.get("diplodata_wrapped")
    wrapped = is_hard_wrapped(text) if wrapped is None else wrapped
    previous, line_start = None, None
    for token in doc:
        if token.is_space:
            continue
        if previous is None and doc.user_data.get("diplodata_after_break"):
            line_start = token
        elif previous is not None:
            gap = text[previous.idx + len(previous):token.idx]
            if "\n\n" in gap or ("\n" in gap and (LIST_MARKER.match(token.text) or not (wrapped or _continues(previous, token)))):
                token.is_sent_start = True
                line_start = token
            elif previous is line_start and "\n" not in gap:
                # The parser, once told where a line starts, tends to cut again right after it
                # ("Japan | and China met", "- | Advance trade"): the line's second word continues.
                token.is_sent_start = False
        previous = token
    return doc


class RunSafeTokenizer:
    """The pipeline's own tokenizer, except on long punctuation runs (see PUNCT_RUN)."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> "Doc":
        runs = list(PUNCT_RUN.finditer(text))
        if not runs:
            return self.tokenizer(text)
        words, spaces, pos = [], [], 0
        for run in runs:
            self._segment(text[pos:run.start()], words, spaces)
            words += list(run.group())
            spaces += [False] * len(run.group())
            pos = run.end()
        self._segment(text[pos:], words, spaces)
        from spacy.tokens import Doc

        doc = Doc(self.vocab, words=words, spaces=spaces)
        return doc if doc.text == text else self.tokenizer(text)

    def _segment(self, text: str, words: list, spaces: list) -> None:
        for token in self.tokenizer(text):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def __getattr__(self, name):  # rules, prefix_search...: those of the wrapped tokenizer
        return getattr(self.tokenizer, name)


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None) -> "Language":
    import spacy
    from spacy.language import Language

    if "diplodata_line_breaks" not in Language.factories:
        Language.component("diplodata_line_breaks", func=mark_line_breaks)
    nlp = spacy.load(name or spacy_model_name())
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("diplodata_line_breaks", before="parser")
    nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
    return nlp


def model_version(nlp: "Language") -> str:
    """Name, version and segmentation of the pipeline: part of every cache key. Kept on the pipeline
    object, because spaCy rebuilds `nlp.meta` on every access (0.7 ms, once per document)."""
    found = getattr(nlp, "_diplodata_model_version", None)
    if found is None:
        meta = nlp.meta
        found = f"{meta.get('name')}-{meta.get('version')}-spacy{meta.get('spacy_version', '')}-{SEGMENTATION_VERSION}"
        try:
            nlp._diplodata_model_version = found
        except AttributeError:  # a stand-in object without attributes: recompute next time
            pass
    return found


def cache_key(text: str, nlp: "Language") -> str:
    return sha256_text(model_version(nlp) + "\x00" + text)[:32]


def parse_text(text: str, nlp: "Language | None" = None, cache_dir: Path | None = None,
               on_damaged: "Callable[[], None] | None" = None) -> "Doc":
    """Parse `text`, reusing a cached parse of the same text and pipeline version. A cached entry
    is zlib-compressed (a checksum: truncation and altered bytes fail to load) and must hold exactly
    one doc of exactly this text; anything else is damaged, re-parsed and reported to `on_damaged`."""
    from spacy.tokens import DocBin

    nlp = nlp or load_model()
    path = cache_dir / f"{cache_key(text, nlp)}.spacy" if cache_dir else None
    if path is not None and path.exists():
        try:
            docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
            if len(docs) == 1 and docs[0].text == text:
                repair_lemmas(docs[0])
                return docs[0]
        except Exception:  # a corrupt cache entry is re-parsed, never fatal
            pass
        if on_damaged:
            on_damaged()
    doc = run_pipeline(text, nlp)
    repair_lemmas(doc)
    if path is not None:
        store(doc, path)
    return doc


def pieces(text: str, size: int = PIECE_CHARS, wrapped: bool = False) -> list[str]:
    """`text` cut into pieces of about `size` characters (longer where a paragraph is). Each cut is
    just after a run of whitespace where `mark_line_breaks` starts a sentence in the whole text: a
    blank line, or (in text that is not hard-wrapped) a line break before a character that is not
    lower-case. A run of whitespace also ends a tokenizer chunk, so no sentence or token crosses a
    cut. The pieces join to `text` exactly; a text without such a break stays whole."""
    out, start = [], 0
    while len(text) - start > size:
        cut = _last_cut(text, start, start + size, wrapped) or _next_cut(text, start + size, wrapped)
        if cut is None:
            break
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def _cut_at(text: str, newline: int, wrapped: bool) -> tuple[int, int]:
    """(start of the whitespace run holding `newline`, the cut after it, or -1 when the whole text
    does not start a sentence there)."""
    first = newline
    while first > 0 and text[first - 1].isspace():
        first -= 1
    cut = SPACE_RUN.match(text, newline).end()
    if cut >= len(text):
        return first, -1
    starts = "\n\n" in text[first:cut] or not (wrapped or text[cut].islower())
    return first, cut if starts else -1


def _last_cut(text: str, lo: int, hi: int, wrapped: bool) -> int | None:
    newline = text.rfind("\n", lo + 1, hi)
    while newline > lo:
        first, cut = _cut_at(text, newline, wrapped)
        if cut > 0:
            return cut
        newline = text.rfind("\n", lo + 1, first)
    return None


def _next_cut(text: str, lo: int, wrapped: bool) -> int | None:
    newline = text.find("\n", lo)
    while newline >= 0:
        _, cut = _cut_at(text, newline, wrapped)
        if cut > 0:
            return cut
        newline = text.find("\n", SPACE_RUN.match(text, newline).end())
    return None


def parse_pieces(text: str, nlp: "Language", size: int | None = None) -> "Doc":
    """One Doc of `text`, parsed piece by piece (`pieces`) and joined, so memory follows the piece
    size, not the document's. Token offsets and sentences are those of the whole text."""
    from spacy.tokens import Doc

    wrapped = is_hard_wrapped(text)

    def made():
        for i, piece in enumerate(pieces(text, size or PIECE_CHARS, wrapped)):
            doc = nlp.make_doc(piece)
            doc.user_data.update(diplodata_wrapped=wrapped, diplodata_after_break=i > 0)
            yield doc

    parsed = []
    for doc in nlp.pipe(made(), batch_size=1):
        doc.tensor = doc.tensor[:0]  # tok2vec output, unused later: 0.4 KB per token kept otherwise
        parsed.append(doc)
    # user_data holds only the flags above (spaCy would warn about each); the tensor is dropped
    return Doc.from_docs(parsed, ensure_whitespace=False, exclude=["user_data", "tensor"])


def run_pipeline(text: str, nlp: "Language") -> "Doc":
    """The parse of `text`: whole when it is short, in pieces when long."""
    return nlp(text) if len(text) <= PIECE_CHARS else parse_pieces(text, nlp)


def store(doc: "Doc", path: Path) -> str | None:
    """Write one parse to the cache, atomically (concurrent runs may parse the same text). Returns
    why it could not be written (a read-only or full disk: the build goes on without the cache)."""
    from spacy.tokens import DocBin

    tmp = path.with_suffix(f".{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    bin_ = DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "POS", "MORPH", "SENT_START", "SPACY"])
    bin_.add(doc)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        bin_.to_disk(tmp)
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):  # a read-only folder refuses even this
            tmp.unlink(missing_ok=True)
        return f"{path.parent}: {exc.strerror or exc}"
    return None


# Below this many words, starting worker processes costs more than it saves.
PARALLEL_MIN_WORDS = 20_000


def parse_into_cache(texts: list[str], nlp: "Language", cache_dir: Path, processes: int = 1,
                     words: int = 0, problems: list[str] | None = None) -> "Iterator[int]":
    """Parse `texts` (none of them cached) into the cache, yielding each one's index as it is
    stored. Several worker processes parse when the batch is large enough; spaCy returns their
    docs in order and they equal an in-process parse token for token. A parse that cannot be
    stored appends why to `problems` (the extract stage parses again; no row is lost)."""
    # Long texts are parsed in pieces here, one at a time, after the others: a worker handed a
    # whole 5 MB text would hold it all in memory.
    short = [i for i, text in enumerate(texts) if len(text) <= PIECE_CHARS]
    long = [i for i, text in enumerate(texts) if len(text) > PIECE_CHARS]
    if processes > 1 and words >= PARALLEL_MIN_WORDS and len(short) > 1:
        docs = nlp.pipe([texts[i] for i in short], n_process=processes, batch_size=2)
    else:
        docs = (nlp(texts[i]) for i in short)
    docs = itertools.chain(docs, (parse_pieces(texts[i], nlp) for i in long))
    for i, doc in zip(short + long, docs):
        problem = store(doc, cache_dir / f"{cache_key(texts[i], nlp)}.spacy")
        if problem and problems is not None and not problems:
            problems.append(problem)
        yield i


def parse_document(doc_id: str, text: str, published_date: dt.date | None = None,
                   nlp: "Language | None" = None, cache_dir: Path | None = None,
                   speaking_state: str | None = None, published_precision: str | None = None,
                   publisher_state: str | None = None) -> ParsedDoc:
    return ParsedDoc(doc_id=doc_id, text=text, doc=parse_text(text, nlp, cache_dir), published_date=published_date,
                     speaking_state=speaking_state, published_precision=published_precision,
                     publisher_state=publisher_state)


def sentence_rows(parsed: ParsedDoc) -> list[dict]:
    """One row per sentence with its offsets into `documents.text`."""
    from pipeline.ids import stable_id

    return [
        {
            "sentence_id": stable_id("sent", parsed.doc_id, s.start_char, s.end_char),
            "doc_id": parsed.doc_id,
            "sentence_index": i,
            "char_start": s.start_char,
            "char_end": s.end_char,
            "text": s.text,
        }
        for i, s in enumerate(parsed.doc.sents)
    ]
