"""Stances held on "be" or "remain" (the lexicon's `adjectives`): who holds one and towards whom.
"Japan is concerned about China's drills" is criticism of China; "X remains committed to dialogue
with Y" is a promise to Y; "Kenya is grateful to Uganda" is praise. The trigger reading itself is
`_stance` in triggers.py (the adjective read as a phrase on the verb that holds it)."""
from __future__ import annotations

from pipeline.extract.events.lexicon import HOSTILE_TYPES, Entry, Lexicon
from pipeline.extract.events.parties import ArgReader, Party


def stance_parties(cand, reader: ArgReader, lex: Lexicon) -> tuple[list[Party], list[Party]]:
    """"Japan is concerned about China's drills": the subject holds the stance towards the party named
    under the adjective's preposition (never the passive's "by" agent as actor: "alarmed by the launch"
    names what alarmed the subject). Concern is criticism only of a party or of a hostile act ("the
    relationship between Beijing and Moscow" is no one's act); a commitment is to act with a partner."""
    actors = [p for c in cand.tok.children if c.dep_ in ("nsubj", "nsubjpass") and not reader.voices.in_label(c)
              for p in reader.parties(c)]
    if not actors and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cand.tok.children):
        actors = reader.voices.labelled(cand.tok) or []
    own = {p.code for p in actors if p.code}
    recips: list[Party] = []
    for prep in cand.obj.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in lex.grammar["stance_preps"]:
            continue
        for pobj in (o for o in prep.children if o.dep_ in ("pobj", "pcomp")):
            recips += [p for p in _stance_target(pobj, cand.entry, reader, lex) if p.code and p.code not in own]
    return actors, recips


def _stance_target(pobj, entry: Entry, reader: ArgReader, lex: Lexicon) -> list[Party]:
    # a commitment: "to Ukraine", "to reestablishing dialogue with the DPRK", not "to the one China policy"
    if entry.type == "AGREE":
        return (reader.parties(pobj) if pobj.pos_ == "PROPN" else []) + \
            [p for t in pobj.subtree if t.dep_ == "prep" and t.lower_ == "with"
             for o in t.children if o.dep_ == "pobj" for p in reader.parties(o)]
    named = reader.parties(pobj)
    if named or entry.type == "SUPPORT":
        return named
    act = lex.nouns.get(pobj.lemma_.lower())
    if act is None or act.type not in HOSTILE_TYPES:
        return []
    return [p for c in pobj.children if c.dep_ in ("poss", "amod", "compound") for p in reader.party(c)]
