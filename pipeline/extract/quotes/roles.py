"""Speakers named by role: "the head of X said", "the Pentagon's top general", "his Japanese counterpart".

A role phrase names the person the same document names in that role, where it does so: a title
before the name ("Gen. Ann Roe", "Japanese Foreign Minister Ken Ito"), an apposition ("Ann Roe,
the head of X"), or "Ann Roe is the head of X". The role matches when its head word is among
that person's role words, its other words too (bar modifiers such as "top"), and the bodies or
states it belongs to do not differ. When the document names nobody in the role, the speaker is
the body or state the phrase names ("the head of X" -> X), and otherwise nobody: a person is never
guessed, and a common noun phrase ("my dad", "the kids") is not a speaker.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import pycountry

from pipeline.extract.quotes.lexicon import lexicon
from pipeline.extract.quotes.names import Speaker, clean_name
from pipeline.extract.quotes.pronouns import sentence_index

BODY_KINDS = ("organization", "igo", "state")
ROLE_POS = ("NOUN", "PROPN", "ADJ")


@dataclass(frozen=True)
class Holder:
    """A person the document names in a role."""
    speaker: Speaker
    start: int
    words: frozenset[str]
    owners: frozenset[str]
    heads: frozenset[str] = frozenset()  # the nouns the role is: "spokesperson" of "Foreign Ministry spokesperson"


@dataclass(frozen=True)
class Role:
    """The role phrase a quotation's subject gives."""
    head: str
    words: frozenset[str]
    owners: frozenset[str]
    plural: bool


def role_word(tok: Any) -> str:
    word = (tok.lemma_ if tok.pos_ != "PROPN" else tok.text).lower().strip(".")
    return lexicon()["role_synonyms"].get(word, word)


def owner_key(ctx: Any, sp: Speaker) -> str:
    """States and bodies compare by their code where the entity pass gave one ("Japanese" = "Japan")."""
    ents = getattr(ctx.names.ents, "entities", None) or {}
    e = ents.get(sp.entity_id) if sp.entity_id else None
    code = e.code or e.country_code if e is not None else None
    return code.upper() if code else sp.name.lower()


def person_country(ctx: Any, sp: Speaker) -> str | None:
    ents = getattr(ctx.names.ents, "entities", None) or {}
    e = ents.get(sp.entity_id) if sp.entity_id else None
    return e.country_code if e is not None else None


def entity_role_words(ctx: Any, sp: Speaker) -> list[str]:
    """The role the entity pass gave the person ("Prime Minister of Japan"), as role words."""
    ents = getattr(ctx.names.ents, "entities", None) or {}
    e = ents.get(sp.entity_id) if sp.entity_id else None
    synonyms = lexicon()["role_synonyms"]
    return [synonyms.get(w, w) for w in (e.role or "").lower().split()] if e is not None else []


def chunk_heads(words: list[str]) -> set[str]:
    """The last word of each run between "of", "for", "the" and gaps: "chair of the joint chiefs of staff
    general" -> chair, chiefs, general."""
    heads, last = set(), ""
    for w in words + [""]:
        if w in ("", "of", "for", "the", "'s", "’s", "to", "and"):
            if last:
                heads.add(last)
            last = ""
        else:
            last = w
    return heads


def described_head(toks: list) -> int:
    """The index of the head token of an apposition or predicate noun phrase."""
    ids = {t.i for t in toks}
    return next((t.i for t in toks if t.head.i not in ids or t.head.i == t.i), -1)


def bodies_in(ctx: Any, s: int, e: int) -> list[Speaker]:
    """States and bodies named in [s, e), each once: the entity pass's reading over spaCy's."""
    found = [m for m in ctx.names.near(s, e) if s <= m[0] and m[1] <= e and m[2].kind in BODY_KINDS]
    resolved = [m for m in found if m[2].entity_id]
    kept = resolved + [m for m in found if not m[2].entity_id
                       and not any(r[0] < m[1] and m[0] < r[1] for r in resolved)]
    kept.sort(key=lambda m: m[0])
    return list({m[2].name: m[2] for m in kept}.values())


def span_of(toks: list) -> tuple[int, int]:
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def title_tokens(ctx: Any, first: Any) -> list:
    """"Chairman of the Joint Chiefs Gen." before a name: capitalised words, "of" and "the"."""
    out: list = []
    i = first.i - 1
    while i >= max(first.sent.start, first.i - 10):
        t = ctx.doc[i]
        if not (t.pos_ in ROLE_POS or t.lower_ in ("of", "the", "for", "'s", "’s") or t.text == "."):
            break
        if t.pos_ in ROLE_POS and not t.text[:1].isupper() and t.tag_ != "POS":
            break  # "said Foreign Minister Ito": the title is only the capitalised words
        out.insert(0, t)
        i -= 1
    while out and out[0].lower_ in ("of", "the", "for"):
        out.pop(0)
    return out


def counterpart_title(ctx: Any, first: Any) -> list:
    """"her Indonesian counterpart Sugiono": a lower-case "counterpart" right before a name is his title,
    with the nationality before it."""
    if first.i == 0 or ctx.doc[first.i - 1].lemma_.lower() != "counterpart":
        return []
    noun = ctx.doc[first.i - 1]
    return [c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.pos_ in ROLE_POS] + [noun]


def described_by(ctx: Any, head: Any, name_ids: set[int]) -> list:
    """The noun phrase in apposition to a name, or its predicate after "is"."""
    for c in head.children:
        if c.dep_ == "appos" and c.i not in name_ids and c.pos_ == "NOUN":
            return [t for t in c.subtree if t.i not in name_ids]
    anchor = head.head if head.dep_ == "appos" else None
    while anchor is not None and anchor.pos_ != "NOUN" and anchor.dep_ in ("pobj", "prep", "compound"):
        anchor = anchor.head  # "the spokesman for the Ministry of X, Ann Roe": the parser hangs her on "X"
    if anchor is not None and anchor.pos_ == "NOUN" and anchor.i not in name_ids:
        return [t for t in anchor.subtree if t.i not in name_ids and t.i < head.i]
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        for c in head.head.children:
            if c.dep_ == "attr" and c.pos_ == "NOUN":
                return list(c.subtree)
    return []


def led_body(head: Any) -> tuple[str, list] | None:
    """"Ann Roe, who heads the electoral authority,": the role the verb gives ("head") and the body led."""
    verbs = lexicon()["leading_verbs"]
    for c in head.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in verbs and any(
                g.dep_ == "nsubj" and g.lower_ in ("who", "that") for g in c.children):
            body = [t for g in c.children if g.dep_ == "dobj" for t in g.subtree]
            if body:
                return verbs[c.lemma_.lower()], body
    return None


def holders(ctx: Any) -> list[Holder]:
    """Every person mention with the role words around it; computed once per document."""
    if getattr(ctx, "role_holders", None) is None:
        found = [h for ms, me, sp in ctx.names.mentions if sp.kind == "person"
                 and (h := holder_of(ctx, ms, me, sp)) is not None]
        ctx.role_holders = [counterpart_role(h, found) for h in found]
    return ctx.role_holders


def counterpart_role(h: Holder, found: list[Holder]) -> Holder:
    """"Ann Roe, the foreign minister, met her Spanish counterpart, Bo Li": Bo Li holds Ann Roe's role
    (not her bodies), when the person named last before him is the one he is the counterpart of."""
    if "counterpart" not in h.heads:
        return h
    before = [o for o in found if o.start < h.start and h.start - o.start < 300 and o.speaker.name != h.speaker.name]
    if not before:
        return h
    other = before[-1]
    return Holder(h.speaker, h.start, h.words | other.words, h.owners, h.heads | other.heads)


def holder_of(ctx: Any, ms: int, me: int, sp: Speaker) -> Holder | None:
    toks = ctx.tokens(ms, me)
    if not toks:
        return None
    ids = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[-1])
    # title words inside the mention too ("Gen." of "Gen. Ann Roe"), but not initials ("T.")
    inner = [t for t in toks if t.pos_ != "PROPN" or len(t.text) > 2 and t.text.endswith(".")]
    title = (counterpart_title(ctx, toks[0]) or title_tokens(ctx, toks[0])) + inner
    described = described_by(ctx, head, ids)
    role = [t for t in title + described if not ctx.quoted(t)]
    entity_words = entity_role_words(ctx, sp)
    words = {role_word(t) for t in role if t.pos_ in ROLE_POS} | set(entity_words)
    heads = chunk_heads([role_word(t) if t.pos_ in ROLE_POS else "" for t in title]) | chunk_heads(entity_words)
    heads |= {role_word(t) for t in described if t.i == described_head(described)}
    led = led_body(head)
    if led is not None:
        words |= {led[0]} | {role_word(t) for t in led[1] if t.pos_ in ROLE_POS}
        heads |= {led[0]}
        role += [t for t in led[1] if not ctx.quoted(t)]
    owners = {owner_key(ctx, b) for b in bodies_in(ctx, *span_of(role))} if role else set()
    if country := person_country(ctx, sp):
        owners.add(country)
    return Holder(ctx.names.canonical(sp), ms, frozenset(words), frozenset(owners), frozenset(heads))


def role_of(ctx: Any, t: Any, s: int, e: int) -> Role:
    lex = lexicon()
    owners = bodies_in(ctx, s, e)
    # names inside the phrase ("Japanese" of "the Japanese foreign minister"), not a name read over the
    # whole phrase (the entity pass may read "the Spanish foreign minister" as Spain)
    inside = [(ms, me) for ms, me, sp in ctx.names.near(s, e) if s <= ms and me <= e and not ms <= t.idx < me]
    mods = {role_word(c) for c in t.children
            if c.dep_ in ("amod", "compound") and c.pos_ in ROLE_POS
            and not any(ms <= c.idx < me for ms, me in inside)}
    mods -= lex["role_modifiers_ignored"]
    return Role(role_word(t), frozenset(mods), frozenset(owner_key(ctx, b) for b in owners), t.tag_ == "NNS")


def codes(owners: frozenset[str]) -> set[str]:
    """The owners given as codes (states, and bodies of a state): names of other bodies do not compare."""
    return {o for o in owners if o.isupper()}


def state_codes(owners: frozenset[str]) -> set[str]:
    """The states among the owners: an American can command NATO's forces, so only states exclude states."""
    return {o for o in codes(owners) if len(o) == 3 and pycountry.countries.get(alpha_3=o) is not None}


def matches(role: Role, h: Holder, leaders: bool = False) -> bool:
    if state_codes(role.owners) and state_codes(h.owners) and not state_codes(role.owners) & state_codes(h.owners):
        return False  # the Japanese foreign minister is not China's
    if role.head == "counterpart":
        return bool(role.owners & h.owners)
    if leaders:
        return bool(h.words & lexicon()["leader_roles"])
    if role.head in h.heads and role.words <= h.words:
        return True
    # "the Japanese leader" is its prime minister, "the top diplomat" a foreign minister
    return any(set(words) <= h.words and words[-1] in h.heads
               for words in lexicon()["role_equivalents"].get(role.head, []))


def pick(found: list[Holder], role: Role, at: int) -> Holder | None:
    """The holder whose bodies agree, then the latest named before the quotation, else the first after."""
    if not found:
        return None
    agreeing = [h for h in found if role.owners & h.owners] or found
    before = [h for h in agreeing if h.start < at]
    return before[-1] if before else agreeing[0]


def role_speaker(ctx: Any, t: Any, s: int, e: int) -> Speaker | None:
    """The person the document names in the role of the phrase [s, e) headed by `t`, else its body."""
    role = role_of(ctx, t, s, e)
    people = [h for h in holders(ctx) if not (s <= h.start < e)]
    if role.plural and len(role.owners) > 1 and role.head in lexicon()["leader_roles"]:
        return group_of_leaders(ctx, role, people, t.idx, s, e)
    if role.plural and not role.owners:
        return counted_group(ctx, t, role, people)
    # "the foreign ministry said": a body speaks, not the person whose title names the body
    found = None if role.head in lexicon()["body_heads"] else pick([h for h in people if matches(role, h)], role, t.idx)
    if found is not None:
        return found.speaker
    bodies = bodies_in(ctx, s, e)
    bodies.sort(key=lambda b: BODY_KINDS.index(b.kind))
    if not bodies or bodies[0].name.lower() == bare_phrase(ctx.text[s:e]).lower():
        # "the foreign ministry", read as a body of that name alone: whose it is, where the text says
        if (owned := body_of_lone_state(ctx, t, s, e)) is not None:
            return owned
    return bodies[0] if bodies else body_by_noun(ctx, t) or lone_person_before(ctx, t)


def lone_person_before(ctx: Any, t: Any) -> Speaker | None:
    """"Mr. Kagame has denied it. “...,” the president said": a definite role nobody is named in, right
    after a sentence that names one person and no other, is that person, unless the text gives that
    person another role (a lawyer is not "the president")."""
    if t.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
        return None
    s, e = previous_sentence_start(ctx, t.idx), t.idx
    names = {ctx.names.canonical(sp).name for ms, me, sp in ctx.names.near(s, e)
             if s <= ms and me <= e and sp.kind == "person" and not ctx.names.in_quote(ms)}
    if len(names) != 1:
        return None
    name = names.pop()
    if any(h.heads - lexicon()["address_titles"] for h in holders(ctx) if h.speaker.name == name):
        return None
    return next((ctx.names.canonical(sp) for _, _, sp in ctx.names.near(s, e)
                 if ctx.names.canonical(sp).name == name), None)


def body_of_lone_state(ctx: Any, t: Any, s: int, e: int) -> Speaker | None:
    """"Russia held drills. “...,” the foreign ministry said": a state's body named without its state,
    right after text that names one state and no other, is that state's body (the gazetteer's), as
    "Russia's foreign ministry" would be read."""
    if t.lemma_.lower() not in lexicon()["body_heads"] or any(c.dep_ == "poss" for c in t.children):
        return None
    start = previous_sentence_start(ctx, t.idx)
    states = {ctx.names.canonical(sp).name for ms, me, sp in ctx.names.near(start, s)
              if start <= ms and me <= s and sp.kind == "state" and sp.entity_id and not ctx.names.in_quote(ms)}
    if len(states) != 1:
        return None
    found = ctx.names.lookup(f"{states.pop()}'s {bare_phrase(ctx.text[s:e])}")
    return found if found.entity_id and found.kind in ("organization", "igo") else None


def previous_sentence_start(ctx: Any, at: int) -> int:
    """Where the sentence before the one holding `at` starts (the first sentence's own start)."""
    si = sentence_index(ctx, at)
    return ctx.sents[si - 1][0] if si else ctx.sents[0][0]


def bare_phrase(phrase: str) -> str:
    """The words of a phrase without its leading "the"."""
    words = phrase.split()
    return " ".join(words[1:] if words and words[0].lower() == "the" else words)


def body_by_noun(ctx: Any, t: Any, limit: int = 5000) -> Speaker | None:
    """"The ministry said" after "the Japanese Foreign Ministry": the latest body whose name holds the noun."""
    if t.tag_ != "NN" or any(c.dep_ == "poss" for c in t.children):
        return None
    word = t.lemma_.lower()
    i = bisect.bisect_left(ctx.names.starts, t.idx)
    for ms, me, sp in reversed(ctx.names.mentions[:i]):
        if ms < t.idx - limit:
            break
        if sp.kind in ("organization", "igo") and word in sp.name.lower().split() and not ctx.names.in_quote(ms):
            return sp
    return None


def group_of_leaders(ctx: Any, role: Role, people: list[Holder], at: int, s: int, e: int) -> Speaker:
    """"The leaders of X and Y": each state's leader the document names, else the state itself."""
    names = []
    for state in bodies_in(ctx, s, e):
        one = Role(role.head, role.words, frozenset({owner_key(ctx, state)}), False)
        found = pick([h for h in people if h.owners & one.owners and matches(one, h, leaders=True)], one, at)
        names.append(found.speaker.name if found else state.name)
    return Speaker(join_names(names), None, "group")


NUMBER_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def same_name(a: str, b: str) -> bool:
    """"Biden" and "Joe Biden" are one name here: the words of one hold the other's."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return wa <= wb or wb <= wa


def join_names(names: list[str]) -> str:
    """A group's names joined by "and", each person once, by the fullest form given."""
    kept: list[str] = []
    for name in sorted(dict.fromkeys(names), key=len, reverse=True):
        if not any(same_name(name, k) for k in kept):
            kept.append(name)
    return " and ".join(sorted(kept, key=names.index))


def counted_group(ctx: Any, t: Any, role: Role, people: list[Holder]) -> Speaker | None:
    """"The two leaders", "both ministers": the latest that many distinct people named in the role."""
    counts = [NUMBER_WORDS[c.lower_] for c in t.children if c.dep_ in ("nummod", "det", "predet", "amod")
              and c.lower_ in NUMBER_WORDS]
    if not counts:
        return role_group(ctx, t, role, people)
    one = Role(role.head, role.words, role.owners, False)
    names: list[str] = []
    for h in reversed([h for h in people if h.start < t.idx and matches(one, h)]):
        if not any(same_name(h.speaker.name, n) for n in names):
            names.insert(0, h.speaker.name)
        if len(names) == counts[0]:
            return Speaker(join_names(names), None, "group")
    return people_of_sentence_before(ctx, t, counts[0]) or plural_before(ctx, t)


def plural_before(ctx: Any, t: Any) -> Speaker | None:
    """"The Colombian and Venezuelan foreign ministers met ... the two ministers said": nobody is named,
    so the group is the earlier plural phrase with the same head, as written."""
    first = sentence_index(ctx, t.idx)
    for si in range(first - 1, max(first - 3, -1), -1):
        s, e = ctx.sents[si]
        for c in reversed(ctx.tokens(s, e)):
            if c.tag_ == "NNS" and role_word(c) == role_word(t) and not ctx.quoted(c) and c.left_edge.i < c.i:
                return Speaker(clean_name(ctx.text[c.left_edge.idx:c.idx + len(c)]), None, "group")
    return None


def role_group(ctx: Any, t: Any, role: Role, people: list[Holder]) -> Speaker | None:
    """"The ministers said", "the leaders said": everyone in that role named in the nearest sentence before
    that names two or more of them."""
    one = Role(role.head, role.words, role.owners, False)
    first = sentence_index(ctx, t.idx)
    for si in range(first - 1, max(first - 3, -1), -1):
        s, e = ctx.sents[si]
        names: list[str] = []
        for h in people:
            if s <= h.start < e and matches(one, h, leaders=role.head in lexicon()["leader_roles"]) and not any(
                    same_name(h.speaker.name, n) for n in names):
                names.append(h.speaker.name)
        if len(names) >= 2:
            return Speaker(join_names(names), None, "group")
    return None


def coordinated_names(ctx: Any, people: list) -> list[str]:
    """"Presidents Bola Tinubu and Nana Akufo-Addo": a name coordinated with a person's is a person's,
    whatever NER took it for."""
    out = []
    for ms, me, _ in people:
        for t in ctx.tokens(ms, me):
            for c in t.children:
                if c.dep_ == "conj" and c.pos_ == "PROPN" and not any(a <= c.idx < b for a, b, _ in people):
                    words = [g for g in c.subtree if g.i <= c.i and (g.i == c.i or g.dep_ in ("compound", "flat")
                                                                     or g.is_punct and g.text in "-‐")]
                    out.append(ctx.text[words[0].idx:c.idx + len(c)])
    return out


def people_of_sentence_before(ctx: Any, t: Any, count: int) -> Speaker | None:
    """"X met his Iraqi counterpart Y. The two presidents said": the nearest sentence before that names
    exactly that many people, when the roles do not tell them (a counterpart holds no title of his own)."""
    first = sentence_index(ctx, t.idx)
    for si in range(first - 1, max(first - 3, -1), -1):
        s, e = ctx.sents[si]
        names: list[str] = []
        people = [(ms, me, sp) for ms, me, sp in ctx.names.near(s, e)
                  if s <= ms and me <= e and sp.kind == "person" and not ctx.names.in_quote(ms)]
        for name in [ctx.names.canonical(sp).name for _, _, sp in people] + coordinated_names(ctx, people):
            if not any(same_name(name, n) for n in names):
                names.append(name)
        if len(names) == count:
            return Speaker(join_names(names), None, "group")
        if names:
            return None
    return None
