"""Groups of parties the parse leaves to the text: plurals that stand for the parties just named
("the two leaders", "both sides"), a list of names the parser broke, and the states a joint text
opens with ("our three countries"). Used by `parties.ArgReader`."""
from __future__ import annotations

from pipeline.extract.events.parties import GROUP_SIZES, ROLE_NOUNS, Party, entity_code
from pipeline.extract.events.syntax import sent_of
from pipeline.extract.first_person import in_quote


def list_tail(reader, last) -> list[Party]:
    """"with President A of X, Prime Minister B of Y, and C of Z.": a list of names the parser
    broke after its first item. The rest counts only as a closed list: name phrases separated by
    commas, "and" before the last, and the sentence ending right after it."""
    doc, sent = last.doc, sent_of(last)
    end = sent.end
    while end > sent.start and doc[end - 1].is_space:
        end -= 1
    i, segments, cur, closed = last.right_edge.i + 1, [], [], False
    while i < end:
        t = doc[i]
        if t.is_space:
            pass
        elif t.text == "," or (t.lower_ == "and" and (not cur or doc[i - 1].text == ",")):
            if cur:
                segments.append(cur)
            cur, closed = [], closed or t.lower_ == "and"
        elif t.pos_ in ("PROPN", "DET") or t.lower_ in ("of", "and") or (t.is_punct and t.text in (".", "-")):
            if t.text == "." and t.i == end - 1:
                break
            cur.append(t)
        else:
            return []
        i += 1
    if cur:
        segments.append(cur)
    if not closed or not segments or i < end - 1:
        return []
    out: list[Party] = []
    for seg in segments:
        ents = [e for e in reader.view.within(seg[0].idx, seg[-1].idx + len(seg[-1]))
                if getattr(e, "entity_type", None) in ("person", "state", "igo") and entity_code(e)]
        if not ents:
            return []  # an item that names no party: no list of parties
        e = ents[0]
        out.append(Party.of(e, seg[-1].i, name=seg[0].text))
    return out


def first_states(reader, size: int, before: int) -> list[Party]:
    """The document's first `size` states, when it names exactly that many before `before`:
    the parties of a joint text that speaks of "our three countries"."""
    ents = reader.view.ents
    out: list[Party] = []
    for m in sorted(getattr(ents, "mentions", []), key=lambda m: m.char_start):
        ent = ents.entities.get(m.entity_id)
        if m.char_start >= before:
            break
        if ent is not None and ent.entity_type == "state" and ent.code and ent.code not in {p.code for p in out}:
            out.append(Party.of(ent, code=ent.code, etype="state"))
    return out if len(out) == size else []


def named_group(reader, tok, toks) -> list[Party]:
    """"the parties", "the leaders", "the three leaders", "our countries", "both sides": a plural
    that stands for the parties just named. A number picks the group of that size (the last one
    that acted together, or the parties the text is about); a bare plural is the parties."""
    words = [t.lower_ for t in toks]
    if tok.lower_ in BODY_PLURALS and (bodies := bodies_of_list(tok)):
        return bodies
    if "following" in words and (listed := _listed_below(reader, tok)):
        return listed
    size = next((GROUP_SIZES[w] for w in words if w in GROUP_SIZES), None)
    head_is_number = tok.lower_ in GROUP_SIZES and tok.dep_ in ("nsubj", "nsubjpass")  # "Both agreed"
    people = tok.lemma_.lower() in reader.pair_nouns or (size is not None and _role_plural(reader, tok))
    if not head_is_number and (not people or tok.tag_ not in ("NNS", "NNPS")):
        return []
    if any(c.dep_ in ("prep", "relcl", "acl") and not _of_us(c) and not _verb_read_as_clause(c) for c in tok.children):
        return []  # "the leaders of the region", "the countries that signed": a group of its own
    recent = tok.idx - reader.context_at <= reader.grammar.get("counterpart_reach", 1500)
    if size is not None:
        found = next((list(g) for g in (reader.last_group, reader.context_pair) if recent and len(g) == size), [])
        if {p.code for p in found} == {p.code for p in reader.context_pair}:
            found = list(reader.context_pair)  # the parties in the order the text first named them
        if not found and words[0] == "our" and _speaks_for_the_group(reader, toks[0]):
            found = first_states(reader, size, tok.idx)  # "our three countries" in a joint text
        return found
    if words == ["their", tok.lower_] and (owners := reader.party(toks[0])):
        return owners  # "the north and south of Korea held a meeting between their premiers": the subject's
    if recent and len(reader.context_pair) >= 2 and words in (["the", tok.lower_], ["our", tok.lower_], ["their", tok.lower_]):
        return [] if words[0] != "the" and not _speaks_for_the_group(reader, toks[0]) else list(reader.context_pair)
    return []

# "the Departments of State and Commerce": plural nouns of a government's bodies, and their singular
BODY_PLURALS = {"departments": "Department", "ministries": "Ministry", "agencies": "Agency"}


def bodies_of_list(tok) -> list[Party]:
    """"The Departments of Treasury, State and Commerce": one body per name, each looked up in the
    dictionaries as "Treasury Department" or "Department of Treasury". Empty unless every name is a
    coded body."""
    from pipeline.extract.entities.resolve import resolve_text  # the entities layer's free-text look-up

    singular = BODY_PLURALS[tok.lower_]
    heads = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    names = [n for h in heads[:1] for n in (h, *h.conjuncts) if n.pos_ == "PROPN"]
    found: list[Party] = []
    for name in names:
        ent = resolve_text(f"{name.text} {singular}") or resolve_text(f"{singular} of {name.text}")
        if ent is None or not ent.code:
            return []
        found.append(Party.of(ent, name.i))
    return found


def _verb_read_as_clause(child) -> bool:
    """"The three NSAs resolved to ...": the small parser may make the plural the sentence's root and
    its verb a clause on it; that verb is the sentence's own, not a description of a group."""
    return child.dep_ == "acl" and child.head.dep_ == "ROOT" and child.i == child.head.i + 1 and child.tag_ in ("VBD", "VBN")


def _of_us(prep) -> bool:
    """"both of us", "the two of them": the group itself, not a group of its own."""
    return prep.dep_ == "prep" and prep.lower_ == "of" \
        and any(o.dep_ == "pobj" and o.lower_ in ("us", "them", "you") for o in prep.children)


def _listed_below(reader, tok) -> list[Party]:
    """"invited the following leaders to the summit:" and a bulleted list of leaders: the parties the
    list's items name, one per item (`lists.following_lists`)."""
    return next((list(found) for start, end, found in reader.following if start <= tok.idx < end), [])


def _role_plural(reader, tok) -> bool:
    """"the three NSAs", "the two defence chiefs": people or bodies acting for the parties."""
    lemma = tok.lemma_.lower()
    acronym = len(tok.text) >= 3 and tok.text.endswith("s") and tok.text[:-1].isupper()
    return acronym or lemma in reader.acting_nouns | reader.group_nouns | ROLE_NOUNS

def _speaks_for_the_group(reader, possessor) -> bool:
    """"our countries" in the narration of a joint text (no speaking state) or "their countries"."""
    if possessor.lower_ == "their":
        return True
    return reader.speaker is None and not in_quote(possessor)


def narrator_group(reader, doc) -> tuple[int, list[Party]]:
    """"We, the leaders of A, B and C, met ...": the states a joint text's own "we" stands for from
    there on, named once in apposition to its first "we", with the offset they are named at. No
    parties when no such "we" names two or more states."""
    for tok in doc:
        if tok.lower_ != "we" or in_quote(tok):
            continue
        for appos in (c for c in tok.children if c.dep_ == "appos" and c.tag_ in ("NNS", "NNPS")):
            span = [t for t in appos.subtree if t.i >= appos.i]
            cut = next((k for k, t in enumerate(span) if t.pos_ in ("VERB", "AUX")), len(span))
            inside = reader.view.within(span[0].idx, span[cut - 1].idx + len(span[cut - 1]))
            found: list[Party] = []
            for ent in inside:
                if getattr(ent, "entity_type", None) == "state" and ent.code not in {p.code for p in found}:
                    found.append(Party.of(ent, code=ent.code, etype="state"))
            if len(found) >= 2:
                return tok.idx, found
        break  # only the text's first narrating "we" can introduce who "we" are
    return 0, []
