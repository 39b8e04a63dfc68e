"""Quotations: find quoted spans, drop titles and scare quotes, attribute speakers.

The marks are paired by a scanner that never trusts them to balance: an
unclosed quotation is bounded by its paragraph, and the news convention of
leaving a quotation open at a paragraph end when the next paragraph reopens it
gives one row per paragraph, linked into one chain with one speaker.
Attribution uses the dependency parse: the reporting cue (a verb or phrase from
`data/reporting_verbs.yaml`) that governs, depends on or stands next to the
quotation, and that cue's subject; "Name: “...”" labels; the previous
quotation in the paragraph; and a lead-in line ending with a colon.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.datafile import load_yaml
from pipeline.extract.first_person import is_self_reference, speaking_entity
from pipeline.extract.first_person import words as first_person_words
from pipeline.ids import unique_rows

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "reporting_verbs.yaml"
MIN_WORDS = 3

DOUBLE_MARKS = "“”„«»\""
SINGLE_MARKS = "‘’"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS + "‚‹›"
# Characters after which a mark opens / before which a mark closes.
OPEN_CONTEXT = set(" \t\n\r\u00a0([{<—–-/*_>|,:;") | set(ALL_MARKS)
CLOSE_CONTEXT = set(" \t\n\r\u00a0.,;:!?)]}>—–-/*_…|\\") | set(ALL_MARKS)
BULLET = re.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")
MARKDOWN_LINK_TARGET = re.compile(r"\]\([^)]*\)")
ENDNOTE_LINE = re.compile(r"^\s*(?:\[\d+\]|\d{1,3}\.\s|\^)")
CITATION_MARK = re.compile(r"https?://|\b(?:1[89]|20)\d\d\b")
SPACES = re.compile(r"\s+")
JUNK_NAME = re.compile(r"\]\(|https?:|[/\[\]*]")


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    data = load_yaml(LEXICON_PATH) or {}
    return {key: set(values) if isinstance(values, list) else values for key, values in data.items()}


# --------------------------------------------------------------------------- spans

@dataclass
class QSpan:
    start: int          # first character inside the marks
    end: int            # the closing mark, or the paragraph end when unclosed
    para: int
    closed: bool
    single: bool = False
    chain: int | None = None  # index of the chain's first span, for multi-paragraph quotations


def hard_wrapped(text: str) -> bool:
    """True when lines are wrapped at a fixed width, so a newline is not a paragraph end."""
    lines = [line.rstrip() for line in text.split("\n") if len(line.strip()) >= 40]
    if len(lines) < 3:
        return False
    open_ended = sum(not re.search(r"[.!?:;”\"’)*]$", line) for line in lines)
    return sum(len(line) <= 100 for line in lines) / len(lines) >= 0.8 and open_ended / len(lines) >= 0.3


def paragraphs(text: str) -> list[tuple[int, int]]:
    wrapped = hard_wrapped(text)
    out: list[tuple[int, int]] = []
    start = end = None
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if not line.strip():
            if start is not None:
                out.append((start, end))
            start = None
            continue
        if start is not None and (not wrapped or BULLET.match(line)):
            out.append((start, end))
            start = None
        if start is None:
            start = s
        end = s + len(line.rstrip())
    if start is not None:
        out.append((start, end))
    return out


def classify_double(text: str, i: int, pending: bool) -> str | None:
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    opens, closes = prev in OPEN_CONTEXT, nxt in CLOSE_CONTEXT
    if c in "„«":
        return "open"
    if c == "»":
        return "close"
    if c == "“":  # also the closer of „...“ and of sloppy “...“
        return "close" if pending and closes and not opens else "open"
    if c == "”":
        return "open" if not pending and opens and not closes else "close"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if pending else "open"


def classify_single(text: str, i: int, pending: bool) -> str | None:
    """‘ opens at a word start; ’ closes only an open quotation and never inside a word."""
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if c == "‘":
        if (prev in OPEN_CONTEXT) and not nxt.isspace() and not re.match(r"\d\ds\b", text[i + 1:i + 5]):
            return "open"
        return None
    if not pending or prev.isspace() or nxt.isalnum():
        return None
    return "close"


def pair_marks(text: str, paras: list[tuple[int, int]], single: bool) -> list[QSpan]:
    marks = re.compile("[‘’]" if single else "[“”„«»\"]")
    classify = classify_single if single else classify_double
    spans: list[QSpan] = []
    for pi, (ps, pe) in enumerate(paras):
        open_at = None
        for m in marks.finditer(text, ps, pe):
            kind = classify(text, m.start(), open_at is not None)
            if kind == "open":
                if open_at is not None and not single:
                    spans.append(QSpan(open_at + 1, m.start(), pi, False, single))
                open_at = m.start()
            elif kind == "close" and open_at is not None:
                spans.append(QSpan(open_at + 1, m.start(), pi, True, single))
                open_at = None
        if open_at is not None:
            spans.append(QSpan(open_at + 1, pe, pi, False, single))
    return spans


def link_chains(text: str, spans: list[QSpan], paras: list[tuple[int, int]]) -> None:
    """An unclosed quotation at a paragraph end continues when the next paragraph opens with a mark."""
    for i, (a, b) in enumerate(zip(spans, spans[1:])):
        if a.closed or a.end != paras[a.para][1] or b.para != a.para + 1:
            continue
        lead = text[paras[b.para][0]:b.start - 1]
        if not lead.strip() or BULLET.fullmatch(lead):
            if a.chain is None:
                a.chain = i
            b.chain = a.chain


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find_spans(text: str, paras: list[tuple[int, int]]) -> list[QSpan]:
    """Top-level quotations: nested ones belong to the outer quotation and are dropped."""
    doubles = pair_marks(text, paras, single=False)
    singles = pair_marks(text, paras, single=True)
    inside = lambda sp, others: any(o.start <= sp.start - 1 and sp.end <= o.end for o in others if o is not sp)
    starts_in = lambda sp, others: any(o.start <= sp.start < o.end for o in others)
    singles = [s for s in singles if not starts_in(s, doubles)]
    singles = [s for s in singles if s.closed or (s.para + 1 < len(paras)
                                                  and text[paras[s.para + 1][0]:paras[s.para + 1][0] + 1] == "‘")]
    doubles = [d for d in doubles if not inside(d, singles)]
    spans = sorted(doubles + singles, key=lambda sp: sp.start)
    for sp in spans:
        sp.start, sp.end = trim(text, sp.start, sp.end)
    spans = [sp for sp in spans if sp.end > sp.start]
    link_chains(text, spans, paras)
    return spans


# --------------------------------------------------------------------------- filters

def word_count(s: str) -> int:
    return sum(any(ch.isalnum() for ch in w) for w in s.split())


def title_case(s: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", s) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def is_title_or_term(text: str, sp: QSpan, para: tuple[int, int]) -> bool:
    lex = lexicon()
    before = SPACES.sub(" ", text[max(para[0], sp.start - 60):sp.start - 1]).lower().rstrip(" ,:*_")
    after = text[sp.end + 1:min(sp.end + 80, para[1])]
    after_low = SPACES.sub(" ", after).lower().lstrip(" ,.”\"’*_")
    if before.endswith("=") or any(before.endswith(w) for w in lex["title_before"]):
        return True
    last_word = before.rsplit(" ", 1)[-1].strip("(")
    if last_word in lex["title_nouns"] or before.endswith("(") and after.lstrip(" ,”\"’").startswith(")"):
        return True
    if after_low.startswith("[") or any(after_low.startswith(w) for w in lex["title_after"]):
        return True
    if before.endswith("[") and after.startswith("]("):
        return True  # the text of a markdown link
    line = text[para[0]:para[1]]
    quoted = text[sp.start:sp.end]
    if ENDNOTE_LINE.match(line) and CITATION_MARK.search(line):
        return True
    if re.search(r"https?://", line) and title_case(quoted) and not re.search(r"[.!?]\W*$", quoted):
        return True
    return title_case(quoted) and not re.search(r"[.!?]\W*$", quoted) and bool(
        re.match(r"[\s,]*(?:in\s+)?[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\s*[,.(]", after))


# --------------------------------------------------------------------------- names

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


FALLBACK_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}


class Names:
    """Entity look-ups through `parsed.entities`, backed by spaCy's NER where that pass
    is missing or missed a name; short names are completed from full names in the document."""

    def __init__(self, parsed: Any, spans: list[QSpan]):
        self.ents = parsed.entities
        self.quoted = sorted((sp.start, sp.end) for sp in spans)
        ner = [(e.start_char, e.end_char, FALLBACK_TYPES[e.label_], strip_titles(clean_name(e.text)))
               for e in parsed.doc.ents if e.label_ in FALLBACK_TYPES]
        self.full_names: dict[str, str] = {}
        for _, _, kind, name in ner:
            if kind == "person" and len(name.split()) > 1:
                self.full_names.setdefault(name.split()[-1], name)
        self.mentions = self.entity_mentions() + [(s, e, Speaker(name, None, kind)) for s, e, kind, name in ner]
        for _, _, sp in self.mentions:
            if sp.kind == "person" and len(sp.name.split()) > 1:
                self.full_names[sp.name.split()[-1]] = sp.name
        self.mentions.sort(key=lambda m: (m[0], m[2].entity_id is not None))
        self.starts = [m[0] for m in self.mentions]

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
        """"Stoltenberg" -> "Jens Stoltenberg" when the document names him in full."""
        if sp is None or len(sp.name.split()) != 1 or sp.kind not in (None, "person", "organization"):
            return sp
        full = self.full_names.get(sp.name)
        if not full:
            return sp
        for _, _, other in self.mentions:
            if other.name == full and other.entity_id:
                return other
        return Speaker(full, None, "person")

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
            if sp.kind in kinds and me <= offset and not self.in_quote(ms):
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
        return Speaker(name)


# --------------------------------------------------------------------------- attribution

@dataclass
class Attribution:
    speaker: Speaker | None
    cue: str | None


class Context:
    """Everything attribution needs about one document."""

    def __init__(self, parsed: Any, spans: list[QSpan], paras: list[tuple[int, int]]):
        self.parsed, self.text, self.doc = parsed, parsed.text, parsed.doc
        self.spans, self.paras = spans, paras
        self.names = Names(parsed, spans)
        self.sents = [(s.start_char, s.end_char) for s in self.doc.sents]
        self.sent_starts = [s for s, _ in self.sents]
        self.tok_starts = [t.idx for t in self.doc]
        self.prev: tuple[QSpan, Speaker] | None = None

    def sentence_bounds(self, s: int, e: int) -> tuple[int, int]:
        if not self.sents:
            return 0, len(self.text)
        i = max(bisect.bisect_right(self.sent_starts, s) - 1, 0)
        j = max(bisect.bisect_right(self.sent_starts, max(e - 1, s)) - 1, i)
        return self.sents[i][0], self.sents[j][1]

    def tokens(self, s: int, e: int) -> list:
        i = max(bisect.bisect_right(self.tok_starts, s) - 1, 0)
        j = bisect.bisect_left(self.tok_starts, e)
        return [t for t in self.doc[i:j] if t.idx < e and s < t.idx + len(t)]

    def quoted(self, t: Any) -> bool:
        return self.names.in_quote(t.idx)


def is_cue(t: Any) -> bool:
    lex = lexicon()
    if t.pos_ not in ("VERB", "AUX") and t.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    if t.lemma_.lower() in lex["reporting_verbs"]:
        return True
    return t.lemma_.lower() in lex["document_verbs"] and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lex["document_nouns"] for c in t.children)


def phrase_cue(ctx: Context, s: int, e: int) -> tuple[Any, str] | None:
    """A cue phrase such as "according to" in [s, e): returns its object token."""
    low = ctx.text[s:e].lower()
    for phrase in sorted(lexicon()["phrase_cues"], key=len, reverse=True):
        for m in re.finditer(r"\b" + re.escape(phrase) + r"\b", low):
            last = [t for t in ctx.tokens(s + m.start(), s + m.end()) if not ctx.quoted(t)]
            if not last:
                continue
            obj = sorted((c for c in last[-1].children if c.dep_ in ("pobj", "dobj")),
                         key=lambda c: (c.pos_ != "PROPN", -c.i))
            if not obj:
                after = [t for t in ctx.doc[last[-1].i + 1:last[-1].i + 8] if t.pos_ in ("PROPN", "NOUN", "PRON")]
                obj = after[-1:] if after else []
            if obj:
                return obj[0], phrase
    return None


def quote_root(toks: list) -> Any | None:
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return None


def find_cue(ctx: Context, sp: QSpan) -> tuple[Any, str] | None:
    """The cue token governing, depending on or adjacent to the quotation, with its text."""
    toks = ctx.tokens(sp.start, sp.end)
    root = quote_root(toks)
    if root is not None:
        for a in root.ancestors:
            if not ctx.quoted(a) and is_cue(a):
                return a, a.text
    ss, se = ctx.sentence_bounds(sp.start, sp.end)
    ss, se = ctx.paras[sp.para][0] if ss < ctx.paras[sp.para][0] else ss, min(se, ctx.paras[sp.para][1])
    ids = {t.i for t in toks}
    # "the “new normal” touted by officials": a participle describing the quoted term
    cands = [t for t in ctx.tokens(ss, se) if not ctx.quoted(t) and is_cue(t)
             and not (t.dep_ == "acl" and t.head.i in {q.i for q in toks})]
    for t in sorted(cands, key=lambda t: abs(t.idx - sp.start)):
        if any(a.i in ids for a in t.ancestors):
            return t, t.text
    found = phrase_cue(ctx, ss, se)
    if found:
        return found
    for t in sorted(cands, key=lambda t: min(abs(t.idx - sp.end), abs(t.idx - sp.start))):
        if adjacent(ctx, sp, t):
            return t, t.text
    return None


def adjacent(ctx: Context, sp: QSpan, t: Any) -> bool:
    """Only a short attribution ("Putin said", "he added") separates the cue from the quotation."""
    lo, hi = (sp.end + 1, t.idx) if t.idx >= sp.end else (t.idx + len(t), sp.start - 1)
    if hi < lo:
        return True
    gap = ctx.text[lo:hi]
    if any(c in gap for c in "“”\"‘") or re.search(r"[.!?]\s", gap):
        return False
    return len(gap.split()) <= 8


def subject_of(t: Any) -> Any | None:
    for _ in range(6):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subj:
            return subj[0]
        agent = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        if t.head.i == t.i or t.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "acl", "prep", "pobj", "ccomp",
                                             "relcl", "dep", "parataxis", "advmod"):
            return None
        t = t.head
    return None


def np_bounds(ctx: Context, t: Any) -> tuple[int, int]:
    right = t
    for c in t.rights:
        if c.dep_ in ("prep", "compound", "flat", "nummod", "amod") and not ctx.quoted(c):
            right = c.right_edge
        elif c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == right.right_edge.i + 1 + sum(
                1 for g in c.lefts if g.dep_ in ("compound", "flat")):
            right = c  # "Ambassador to Japan Rahm Emanuel": the name, not what follows it
        elif not c.is_punct:
            break
    left = t.left_edge
    while left.i < t.i and (left.is_punct or ctx.quoted(left)):
        left = ctx.doc[left.i + 1]
    return left.idx, right.idx + len(right)


def owner_of(t: Any) -> Any | None:
    """The author of a document noun: "China's proposal", "a statement from the ministry"."""
    for c in t.children:
        if c.dep_ == "poss":
            return c
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def own_voice(ctx: Context, t: Any) -> Speaker | None:
    """"I" or "we" of a text spoken for a state is that state; in any other text, nobody."""
    state = speaking_entity(ctx.parsed)
    if state is None or not is_self_reference(t):
        return None
    return Speaker(state.name, state.entity_id, "state")


def speaker_of(ctx: Context, t: Any, cue: Any | None, depth: int = 0) -> Speaker | None:
    lex = lexicon()
    low = t.lower_
    if low in lex["relative_pronouns"] and t.head.dep_ == "relcl":
        t = t.head.head
        low = t.lower_
    if low in lex["writer_pronouns"] or low in first_person_words()["pronouns"]:
        return own_voice(ctx, t)  # "my message", "I said": the speaking state's, or nobody's
    continuing = cue is not None and cue.lemma_.lower() in lex["continuation_verbs"]
    if low in lex["person_pronouns"] or low in lex["group_pronouns"]:
        if ctx.prev and (continuing or low in lex["group_pronouns"]) and t.idx - ctx.prev[0].end < 1500:
            return ctx.prev[1]
        kinds = ("person",) if low in lex["person_pronouns"] else ("organization", "state", "igo", "group")
        return ctx.names.before(t.idx, kinds)
    if t.lemma_.lower() in lex["document_nouns"] and depth < 2:
        owner = owner_of(t)
        if owner is not None:
            return speaker_of(ctx, owner, None, depth + 1)
        return ctx.names.before(t.idx, ("organization", "state", "igo"))
    s, e = np_bounds(ctx, t)
    hit = ctx.names.within(s, e, ("person",)) or ctx.names.at(t.idx, t.idx + len(t))
    if hit is not None:
        return hit
    name = clean_name(ctx.text[s:e])
    if any(c.dep_ == "appos" and s <= c.idx < e for c in t.rights):
        name = name_in_label(name.split())
    return ctx.names.lookup(name) if name else None


def label_region(ctx: Context, sp: QSpan) -> tuple[int, int] | None:
    """The "Name:" or "[Name](link):" text before a quotation that opens its paragraph."""
    ps, pe = ctx.paras[sp.para]
    m = BULLET.match(ctx.text, ps)
    s = m.end() if m else ps
    pi = sp.para
    while pi > 0 and sp.para - pi < 3 and label_continues(ctx, s, sp.start - 1, pi):
        pi -= 1  # a label wrapped over short lines, each its own paragraph in unwrapped text
        s = ctx.paras[pi][0]
    region = ctx.text[s:sp.start - 1]
    flat = SPACES.sub(" ", re.sub(r"[\[\]*_#]", "", MARKDOWN_LINK_TARGET.sub("", region))).strip()
    if not flat.endswith(":") or len(flat.split()) > 12:
        return None
    return s, sp.start - 1


def label_continues(ctx: Context, s: int, e: int, pi: int) -> bool:
    """Whether the label text [s, e) may start in the paragraph before paragraph `pi`."""
    region = clean_name(ctx.text[s:e]).split(":")[0]
    if not re.search(r"\w", region):
        return True
    if word_count(region) < 12:
        ps, pe = ctx.paras[pi - 1]
        return not re.search(r"[.!?:]\W*$", ctx.text[ps:pe]) and word_count(ctx.text[ps:pe]) <= 6
    return False


def from_label(ctx: Context, sp: QSpan) -> Attribution | None:
    region = label_region(ctx, sp)
    if region is None:
        return None
    words = clean_name(ctx.text[region[0]:region[1]]).split()
    if not words or words[0].lower() in lexicon()["topic_label_starts"]:
        return lead_in(ctx, sp, own=False) or Attribution(None, ":")
    toks = [t for t in ctx.tokens(*region) if not t.is_punct]
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("NNP",) for t in toks) and len(words) > 4:
        return None
    return Attribution(ctx.names.lookup(name_in_label(words)), ":")


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


def lead_in(ctx: Context, sp: QSpan, own: bool = True) -> Attribution | None:
    """A line ending with a colon that introduces this quotation or the list it belongs to."""
    ps = ctx.paras[sp.para][0]
    body = ctx.text[ps:sp.start - 1].rstrip(" *_\n\t")
    if own and body.endswith(":") and word_count(body) > 1:
        return from_intro(ctx, ps, ps + len(body))
    for pi in range(sp.para - 1, max(sp.para - 30, -1), -1):
        ps, pe = ctx.paras[pi]
        if any(q.para == pi for q in ctx.spans):
            continue  # an earlier item of the same list
        body = ctx.text[ps:pe].rstrip(" *_")
        return from_intro(ctx, ps, ps + len(body)) if body.endswith(":") else None
    return None


def from_intro(ctx: Context, s: int, colon: int) -> Attribution | None:
    """The speaker of "Secretary X then told reporters:" - the subject of its first verb."""
    toks = ctx.tokens(s, colon)
    ids = {t.i for t in toks}
    for verb in (t for t in toks if t.pos_ in ("VERB", "AUX")):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in ids]
        if subj:
            who = speaker_of(ctx, subj[0], verb)
            if who is not None:
                return Attribution(who, ":")
    who = ctx.names.within(s, colon, ("person", "organization", "igo"))
    return Attribution(who, ":") if who else None


def previous_sentence(ctx: Context, sp: QSpan) -> Attribution | None:
    """"Stoltenberg spoke to reporters. “...”": a reporting verb in the sentence just before."""
    ss, _ = ctx.sentence_bounds(sp.start - 1, sp.start)
    if ss <= 0 or ctx.names.in_quote(ss - 1):
        return None
    ps, _ = ctx.sentence_bounds(ss - 1, ss)
    if sp.para > 0 and ps < ctx.paras[sp.para - 1][0]:
        return None
    for t in ctx.tokens(ps, ss):
        if is_cue(t) and not ctx.quoted(t) and t.dep_ == "ROOT":
            subj = subject_of(t)
            who = speaker_of(ctx, subj, t) if subj is not None else None
            if who is not None:
                return Attribution(who, t.text)
    return None


def own_attribution(ctx: Context, sp: QSpan) -> Attribution | None:
    label = from_label(ctx, sp)
    if label is not None:
        return label
    found = find_cue(ctx, sp)
    if found is None:
        return None
    tok, cue = found
    if cue in lexicon()["phrase_cues"]:
        return Attribution(speaker_of(ctx, tok, None), cue)
    subj = subject_of(tok)
    return Attribution(speaker_of(ctx, subj, tok) if subj is not None else None, cue)


# --------------------------------------------------------------------------- rows

def is_full(ctx: Context, sp: QSpan) -> bool:
    body = ctx.text[sp.start:sp.end].lstrip("\\[(…. '\"‘“")
    if not body[:1].isupper():
        return False
    before = ctx.text[ctx.paras[sp.para][0]:sp.start - 1].rstrip(" *_\n\t")
    if not before or before[-1] in ".,:;!?—–-)]":
        return True
    prev = [t for t in ctx.tokens(max(0, sp.start - 40), sp.start - 1) if not t.is_space]
    return bool(prev) and prev[-1].pos_ in ("VERB", "AUX", "SCONJ")


def attribute_all(ctx: Context, kept: list[QSpan]) -> dict[int, Attribution]:
    out: dict[int, Attribution] = {}
    for i, sp in enumerate(kept):
        att = own_attribution(ctx, sp)
        if att is not None:
            out[i] = att
            if att.speaker is not None:
                ctx.prev = (sp, att.speaker)
    chains: dict[int, Attribution] = {}
    for i, sp in enumerate(kept):
        if sp.chain is not None and i in out and out[i].speaker is not None:
            chains.setdefault(sp.chain, out[i])
    unresolved = {i: out.pop(i) for i in list(out) if out[i].speaker is None}
    prev: tuple[QSpan, Attribution] | None = None
    for i, sp in enumerate(kept):
        if i not in out and sp.chain is not None and sp.chain in chains:
            out[i] = chains[sp.chain]
        if i not in out and prev and prev[0].para == sp.para and prev[1].speaker is not None:
            out[i] = prev[1]
        if i not in out:
            lead = (lead_in(ctx, sp) or previous_sentence(ctx, sp)) if is_full(ctx, sp) else None
            if lead is not None:
                out[i] = lead
        if i not in out and i in unresolved:
            out[i] = unresolved[i]  # a cue with no nameable subject: the quote stands, speaker unknown
        if i in out:
            prev = (sp, out[i])
    return out


def keep(text: str, sp: QSpan, paras: list[tuple[int, int]]) -> bool:
    if word_count(text[sp.start:sp.end]) < MIN_WORDS:
        return False
    return not is_title_or_term(text, sp, paras[sp.para])


def extract_quotes(parsed: Any) -> list[dict]:
    """Quotation rows of one parsed document, each with its content id. An exception is a bug: it
    reaches the caller, which records it for the document (never an empty result)."""
    return unique_rows("quote", build_rows(parsed))


def build_rows(parsed: Any) -> list[dict]:
    text = parsed.text or ""
    paras = paragraphs(text)
    spans = find_spans(text, paras)
    ctx = Context(parsed, spans, paras)
    kept = [sp for sp in spans if keep(text, sp, paras)]
    atts = attribute_all(ctx, kept)
    rows = []
    for i, sp in enumerate(kept):
        att = atts.get(i)
        full = is_full(ctx, sp)
        if att is None and not (full and word_count(text[sp.start:sp.end]) >= 6):
            continue  # scare quotes and coined terms: nobody is reported as saying them
        who = att.speaker if att else None
        ss, se = ctx.sentence_bounds(sp.start, sp.end)
        rows.append({  # quote_id is set from the finished row (extract_quotes)
            "doc_id": parsed.doc_id,
            "text": text[sp.start:sp.end],
            "speaker": who.name if who else None,
            "speaker_entity_id": who.entity_id if who else None,
            "cue": att.cue if att else None,
            "quote_type": "full" if full else "partial",
            "char_start": sp.start,
            "char_end": sp.end,
            "sentence": text[ss:se],
        })
    return rows
