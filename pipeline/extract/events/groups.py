"""Groups of parties the parse leaves to the text: a list of names the parser broke, and the states
a joint text opens with ("our three countries"). Used by `parties.ArgReader`."""
from __future__ import annotations

from pipeline.extract.events.parties import Party, entity_code, sent_of


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
