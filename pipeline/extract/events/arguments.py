"""Who acted and who was acted on: the reading of one candidate's arguments, from its subject,
object and phrases (`verb_args` for a verb, `noun_args` for an event noun) and the "between" phrase
of a reciprocal event."""
from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from pipeline.extract.events.agents import counting_noun
from pipeline.extract.events.lexicon import Entry, Lexicon, load_lexicon
from pipeline.extract.events.noun_args import FORCE_MOVES, noun_arguments, received, suspended_act
from pipeline.extract.events.parties import ArgReader, Party
from pipeline.extract.events.syntax import at_the_behest, governing_verb, happened, in_adjunct, moves_forces, purpose_clause
from pipeline.extract.events.stances import stance_parties
from pipeline.extract.events.status import imperative
from pipeline.extract.events.subjects import described_noun, subject_of
from pipeline.extract.events.triggers import Candidate, reply_in_kind
from pipeline.extract.events.verb_args import co_actors, verb_recipients
from pipeline.extract.first_person import in_quote
from pipeline.nlp.parse import doc_text


def leading_parties(reader: ArgReader) -> list[Party]:
    """The first two states the document names: the parties of a joint text's "we" and "the two leaders"."""
    ents = reader.view.ents
    out: list[Party] = []
    for mention, ent in ((m, ents.entities.get(m.entity_id)) for m in getattr(ents, "mentions", [])):
        if ent is not None and ent.entity_type == "state" and ent.code and ent.code not in {p.code for p in out}:
            out.append(Party.of(ent, code=ent.code, etype="state"))
        if len(out) == 2:
            break
    return out


def _narrator_we(tok) -> bool:
    """The text's own "we" (outside quotations): in a joint statement, its leading parties."""
    from pipeline.extract.first_person import in_quote

    return any(c.dep_ == "nsubj" and c.lower_ == "we" and not in_quote(c) for c in tok.children)


def _across_blank_line(parties: list[Party], tok) -> bool:
    """A subject found across a blank line comes from a heading or title the parser ran into the clause."""
    doc = tok.doc
    for p in parties:
        if p.token_i is not None and p.token_i < tok.i and "\n\n" in doc_text(doc)[doc[p.token_i].idx:tok.idx]:
            return True
    return False


def _own_voice(tok, reader: ArgReader) -> list[Party]:
    """The speaker of a text spoken in the first person (a UN statement's state), outside quotation
    marks; other texts have no voice of their own that asks anything."""
    if reader.speaker is None or in_quote(tok):
        return []
    return [Party(reader.speaker.name, reader.speaker.entity_id, reader.speaker.code, "state", None)]


class Arguments(NamedTuple):
    """Who acted, who was acted on, and the entry as the arguments leave it ("welcomed X on his
    visit" turns a welcome into hosting a visit)."""
    actors: list[Party]
    recips: list[Party]
    entry: Entry


def _given_to(verb, reader: ArgReader, besides: tuple) -> list[Party]:
    """"Niger was given an ultimatum by ECOWAS": a passive verb that keeps its object is a passive of
    giving, and its subject is the one given to."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or not any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [p for c in verb.children if c.dep_ == "nsubjpass" for p in reader.parties(c)
            if p.code and p.code not in besides]


def read_arguments(cand: Candidate, reader: ArgReader, lex: Lexicon) -> Arguments | None:
    tok, entry, kind = cand.tok, cand.entry, cand.kind
    if entry.feeling:
        return Arguments(*stance_parties(cand, reader, lex), entry)
    if kind == "noun":
        actors, recips = noun_arguments(tok, entry, reader, lex)
        if (inner := suspended_act(tok, lex)) is not None:
            actors, recips = noun_arguments(inner, lex.nouns[inner.lemma_.lower()], reader, lex)  # the act's own sides
        if entry.needs_actor_modifier and not actors:
            return None
        between = _between(tok, reader)
        if between and entry.reciprocal and len(between) >= 2:
            return Arguments(between[:1], between[1:], entry)
        gov = governing_verb(tok)
        if gov is not None and gov.lemma_.lower() in lex.grammar["receiving_verbs"] and object_of(tok, gov) \
                and (sides := received(tok, gov, reader)) is not None:
            return Arguments(*sides, entry)  # "the strike drew condemnation from Qatar"
        light = gov is not None and gov.lemma_.lower() in lex.grammar["light_verbs"] \
            and object_of(counting_noun(tok, lex.grammar["quantity_nouns"]), gov)
        voiced = gov is not None and gov.lemma_.lower() in lex.grammar["voicing_verbs"] \
            and tok.head.i == gov.i and tok.dep_ == "dobj"
        if not actors and (light or voiced or gov is not None and reply_in_kind(tok, gov, lex)):
            actors, _ = subject_of(gov, reader)
            if not actors:
                actors = reader.parties_left_of(gov)
        clause = _clause_verb(tok) if not actors and in_adjunct(tok, lex.grammar["adjunct_preps"]) else None
        if clause is not None:
            actors, _ = subject_of(clause, reader)  # "at talks with X, Y said": Y took part
        if light and gov.lemma_.lower() in lex.grammar["company_verbs"] and (company := _company(gov, reader)):
            actors, recips = company[0] or actors, company[1]
        pair_named = entry.reciprocal and len(actors) >= 2  # "the Abe-Xi meeting" names both sides
        if (light or voiced) and not pair_named and not any(r.code for r in recips):  # "its delivery of tanks to Ukraine"
            recips = _given_to(gov, reader, party_codes(actors)) \
                or verb_recipients(gov, entry, reader, besides=party_codes(actors)) or recips
        if not actors and len(recips) >= 2 and entry.reciprocal:
            actors, recips = recips[:1], recips[1:]
        if any(p.code for p in actors) and not any(p.code for p in recips) and at_the_behest(tok, lex.grammar):
            # "At the invitation of X, Y will visit": Y was invited (the parser may hang Y on X's name)
            clause = tok.head.head
            own = party_codes(actors)
            recips = [p for p in subject_of(clause, reader)[0] or reader.parties_left_of(clause) if p.code not in own]
        if entry.mode in ("arrest", "detain") and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "under"):
            actors, recips = [], recips or actors  # "he remains in detention", "placed under arrest": the one held
        return Arguments(actors, recips, entry)
    if entry.demand:
        # only a party that can ask speaks for one: "analysts said Japan should ..." asks nothing
        speakers = _own_voice(tok, reader) if cand.spoken_demand else [p for p in subject_of(tok, reader)[0] if p.code]
        asked = [p for c in cand.obj.children if c.dep_ in ("nsubj", "nsubjpass") for p in reader.parties(c)]
        return Arguments(speakers, [p for p in asked if p.code not in party_codes(speakers)], entry)
    actors, _ = subject_of(tok, reader)
    passive = any(c.dep_ == "nsubjpass" for c in tok.children) or described_noun(tok) is not None
    if not actors and not passive and not any(c.dep_ == "nsubj" and not reader.voices.in_label(c) for c in tok.children):
        actors = reader.voices.labelled(tok) or []  # "PRESIDENT RUTO: Thank you, Mr. President."
    if (not actors and not passive) or _across_blank_line(actors, tok):
        actors = reader.parties_left_of(tok) or actors
    if not actors and passive and (entry.type in FORCE_MOVES or entry.type == "AID" and moves_forces(tok, lex.grammar)):
        # "North Korean troops have been deployed to Russia", "Indian troops were sent to the border":
        # forces moved are their state's move
        actors = [p for c in tok.children if c.dep_ == "nsubjpass" for p in reader.parties(c) if p.code]
    if not actors and tok.tag_ == "VBN" and entry.broker:
        actors = _capital_of(tok, reader)  # "a deal brokered in Beijing": the capital's government brokered it
    if not actors and entry.joint and _narrator_we(tok):
        actors = (reader.narrator if tok.idx >= reader.narrator_at else []) or leading_parties(reader)
    recips = verb_recipients(tok, entry, reader, besides=party_codes(actors))
    if kind == "phrase" and not recips:
        recips = reader.parties_inside(cand.obj, besides=party_codes(actors))
    beside, phrase = co_actors([tok, cand.obj], entry, reader, actors)
    actors, recips = actors + beside, [p for p in recips if p.token_i not in phrase]
    if not actors and reader.lead_groups and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        actors = _lead_insubject_of(tok, reader)  # "We the leaders of A, B and C: ... Condemn X's aggression;"
    if not actors and (passive or tok.dep_ == "acl" and tok.tag_ == "VBN") and entry.reciprocal \
            and len(party_codes(between := _between(tok, reader))) >= 2:
        actors, recips = between[:1], between[1:]  # "a treaty (was) signed between Ghana and Togo": both sides act
    if not actors and imperative(tok) and len(reader.context_pair) >= 2:
        actors = reader.context_pair[:1] if recips else list(reader.context_pair)  # fact-sheet imperative
    if entry.guest_type and recips and _welcomes_a_guest(tok, recips[0]):
        entry = replace(entry, type=entry.guest_type[0], mode=entry.guest_type[1], host=True)
    if entry.host:
        actors, recips = recips, actors
    return Arguments(actors, recips, entry)


def _lead_insubject_of(tok, reader: ArgReader) -> list[Party]:
    from pipeline.extract.events.lists import lead_group_of  # lists reads rows, which read arguments

    return lead_group_of(tok, reader)


def _capital_of(tok, reader: ArgReader) -> list[Party]:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            found = [p for pobj in child.children if pobj.dep_ == "pobj" for p in reader.parties(pobj, place=True)]
            return [p for p in found if p.code and p.etype in ("state", "location")]
    return []


def _company(verb, reader: ArgReader) -> tuple[list[Party], list[Party]] | None:
    """"Macron and Scholz joined Biden on the call": the joiners met the one they joined. "Joining
    President Biden on the call were A of X, B of Y and C": the names after "were" joined him, however
    the parser hangs a long list. Joiners are None where the subject names them."""
    be = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" and c.i > verb.i), None)
    inverted = be is not None and verb.tag_ == "VBG"
    joined = [p for c in verb.children if c.dep_ == "dobj" and (not inverted or c.i < be.i)
              for p in reader.parties(c) if p.code]
    if not joined:
        return None
    if not inverted:
        return None, joined
    seen = {p.code for p in joined}
    joiners: list[Party] = []
    for tok in verb.doc[be.i + 1:verb.sent.end]:
        if tok.pos_ == "PROPN" and tok.dep_ != "compound":
            for p in reader.party(tok):
                if p.code and p.code not in seen:
                    seen.add(p.code)
                    joiners.append(p)
    return (joiners, joined) if joiners else None


def object_of(tok, verb) -> bool:
    """"held talks", "engaged in talks", "took part in talks": the noun is what the verb does."""
    if tok.head.i == verb.i:
        return tok.dep_ in ("dobj", "attr", "nsubjpass", "conj", "npadvmod", "oprd")
    head = tok.head
    if tok.dep_ == "conj":
        return object_of(head, verb)
    if not (tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.i == verb.i):
        return False
    # "launched a task force on cyber threats": after a thing the verb makes or takes, "on" names its topic;
    # after a party ("joined the minister on the visit") it is still the act
    return head.lower_ in ("in", "into") or head.lower_ == "on" and not any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and not c.ent_type_ for c in verb.children)


def _clause_verb(tok):
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _between(tok, reader: ArgReader) -> list[Party]:
    """"a deal between X and Y"; also "a deal brokered by Z between X and Y", "brokered a deal between X and Y"."""
    holders = [tok] + [c for c in tok.children if c.dep_ == "acl" and _brokers(c)]
    # "a meeting of the dialogue between X and Y": the forum's parties meet
    holders += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ in ("dobj", "nsubjpass") and _brokers(tok.head) or happened(tok, reader.grammar):
        holders.append(tok.head)  # "talks took place between X and Y": the parser hangs the sides on the verb
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                return _closed_list([p for pobj in child.children if pobj.dep_ == "pobj" for p in reader.parties(pobj)], tok.doc)
    return []


def _closed_list(parties: list[Party], doc) -> list[Party]:
    """"between Iran and Saudi Arabia, Chinese President Xi ...": the list ends at its "and"."""
    out: list[Party] = []
    for p in parties:
        if out and p.token_i is not None and out[-1].token_i is not None and len(out) >= 2 and \
                any(t.lower_ in ("and", "or") for t in doc[out[0].token_i:out[-1].token_i]):
            break
        out.append(p)
    return out


def _brokers(verb) -> bool:
    entry = load_lexicon().verbs.get(verb.lemma_.lower())
    return entry is not None and entry.broker


def _welcomes_a_guest(tok, guest: Party) -> bool:
    """"welcomed X on his visit" (a person or state), "welcomed President X to the White House / to
    Beijing" (a person): a host receiving a guest. "welcomed Indonesia to the group" admits a member."""
    if guest.etype in ("person", "state") and any(t.lemma_.lower() in ("visit", "trip", "tour") for t in tok.subtree):
        return True
    places = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return guest.etype == "person" and any(g.ent_type_ in ("GPE", "FAC", "LOC", "ORG") or g.text[:1].isupper() for g in places)


def party_codes(parties: list[Party]) -> tuple[str, ...]:
    """The distinct codes of coded parties, in order."""
    return tuple(dict.fromkeys(p.code for p in parties if p.code))


def purpose_target(tok, reader: ArgReader, own: set) -> list[Party]:
    """"scrambled jets to intercept Chinese aircraft": the party a purpose clause acts on is whom the
    forces moved against."""
    objects = [o for c in tok.children if purpose_clause(c) for o in c.children if o.dep_ == "dobj"]
    return _first_other(objects, reader, own)


def helping_clauses(tok, helping: set) -> list:
    """Purpose clauses that help someone, on the verb or on its object: "pledged $5 million to help
    Sudan", "provided ambulances to help Ukraine evacuate the wounded"."""
    holders = [tok, *(o for o in tok.children if o.dep_ == "dobj")]
    return [c for h in holders for c in h.children
            if (purpose_clause(c) or (c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children)))
            and c.lemma_.lower() in helping]


def purpose_beneficiary(tok, reader: ArgReader, own: set, helping: set) -> list[Party]:
    """The party a helping purpose clause acts for: its object ("to help Sudan"), the subject of what
    it helps do ("to help Ukraine evacuate"), or that object's owner ("to rebuild Ukraine's power
    grid"); never a party further inside ("its defences against China")."""
    return _first_other(helped(tok, helping), reader, own)[:1]


def _first_other(tokens, reader: ArgReader, own: set) -> list[Party]:
    """The coded parties, other than `own`, of the first of `tokens` that names any."""
    for tok in tokens:
        found = [p for p in reader.party(tok) if p.code and p.code not in own]
        if found:
            return found
    return []


def helped(tok, helping: set) -> list:
    """The tokens that may name whom a helping purpose clause of `tok` helps, nearest first."""
    out = []
    for clause in helping_clauses(tok, helping):
        heads = [o for o in clause.children if o.dep_ == "dobj"] + \
            [s for c in clause.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"]
        out += [named for head in heads for named in (head, *(o for o in head.children if o.dep_ == "poss"))]
    return out
