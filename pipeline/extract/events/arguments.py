"""Who acted and who was acted on: the subject, object and prepositional phrases of a trigger verb,
the possessor and modifiers of an event noun, and the "between" phrase of a reciprocal event."""
from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from pipeline.extract.events.agents import counting_noun
from pipeline.extract.events.lexicon import Entry, Lexicon, load_lexicon
from pipeline.extract.events.modifiers import LED_BY, nationality_on
from pipeline.extract.events.parties import ArgReader, Party, RECIPIENT_PREPS, unique_parties
from pipeline.extract.events.syntax import at_the_behest, governing_verb, named_by_free_relative, prep_objects, purpose_clause
from pipeline.extract.events.stances import stance_parties
from pipeline.extract.events.status import imperative
from pipeline.extract.events.subjects import infinitive, subject_of
from pipeline.extract.events.triggers import Candidate
from pipeline.nlp.parse import doc_text


# "the visit of the minister", "the request of X": "of" names who acted; elsewhere the target
OF_IS_ACTOR = {"CONSULT", "REQUEST", "SUPPORT", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE"}
# types whose passive subject is the actor's own forces ("troops were deployed", "were withdrawn")
FORCE_MOVES = ("MOBILIZE", "RETREAT")


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


def _verb_recipients(tok, entry: Entry, reader: ArgReader, besides: tuple = ()) -> list[Party]:
    dest = entry.dest
    only = entry.dest_preps  # "left China for Japan": the place left is no destination
    inside: list[Party] = []  # a body named inside the object ("delivery of Leopard tanks"), if nothing better
    for child in tok.children:
        if child.dep_ in ("dobj", "dative", "nsubjpass") and not only:
            if child.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in tok.children):
                continue
            found = reader.parties(child, place=dest)
            if not any(p.code for p in found) and not _talks_among(entry, besides):
                # "rammed the Philippine coastguard's BRP Teresa Magbanua": a vessel's name codes nothing, its owner does
                inside = reader.parties_inside(child, place=dest, besides=besides)
                found = inside if any(p.code or (p.group and not found) for p in inside) else found
            if not found and dest:
                found = reader.place_within(child)  # "visited a church in Bucha, a town outside Kyiv"
            if found and all(p.group and not p.code for p in found):
                found = _origin_of_group(tok, child, reader) or found
            if found:
                return found
    preps = only or (PLACE_PREPS_DEST if dest else RECIPIENT_PREPS + tuple(entry.recipient_preps) + _doer_prep(tok))
    uncoded: list[Party] = []
    # phrases after the verb before a scene-setting one before it ("On the margins of the summit, X met with Y")
    for child in sorted(tok.children, key=lambda c: c.i < tok.i):
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for pobj in [*child.children, *named_by_free_relative(child)]:
                if pobj.dep_ in ("pobj", "pcomp", "oprd"):
                    found = reader.parties(pobj, place=dest)
                    if not found and not (_talks_among(entry, besides) and child.lower_ != "with"):
                        found = reader.parties_inside(pobj, place=dest)
                    if any(p.code for p in found):
                        return found
                    uncoded = uncoded or found
    if uncoded:
        return uncoded
    if (shared := _shared_object(tok)) is not None and not dest and not only:
        return [p for p in reader.parties(shared) if p.code not in besides]  # "condemned and sanctioned Russia"
    if entry.type == "AGREE":
        return _complement_partners(tok, reader, besides) or inside
    return inside


def _shared_object(verb):
    """"Japan condemned and sanctioned Russia": a verb with no object of its own shares the object of
    the verb joined after it, when that verb has no subject of its own."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in verb.children):
        return None
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            return next((c for c in conj.children if c.dep_ == "dobj"), None) or _shared_object(conj)
    return None


def _doer_prep(verb) -> tuple[str, ...]:
    """"criticized the remarks by Japan's prime minister", with "by" hung on the active verb: the
    doer of the act criticised; never in the passive, where "by" names the actor."""
    children = {c.dep_ for c in verb.children}
    return ("by",) if "dobj" in children and not children & {"auxpass", "nsubjpass", "agent"} else ()


def _talks_among(entry: Entry, actors: tuple) -> bool:
    """Two or more parties discussing ("the leaders discussed their concerns over China's support to
    Russia"): the states their topic names are no counterparts, the talks are among the actors."""
    return entry.type == "CONSULT" and entry.reciprocal and len(actors) >= 2


def _origin_of_group(verb, obj, reader: ArgReader) -> list[Party]:
    """"met foreign ministers from Germany, France and Italy": the parser may hang the group's
    "from" phrase on the verb; the states it lists are the group's members."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of") and c.i == obj.right_edge.i + 1):
        found = [p for pobj in prep.children if pobj.dep_ == "pobj" for p in reader.parties(pobj)]
        if found and all(p.code for p in found):
            return found
    return []


def _complement_partners(tok, reader: ArgReader, besides: tuple = ()) -> list[Party]:
    """"committed to expanding trade together with Peru": the partner of the promised course;
    else the state the course is for ("pledged to continue to support Ukraine", "committed to defend
    Japan"), one not among the parties promising (`besides`)."""
    clauses = [c for c in tok.children if c.dep_ == "xcomp"]
    clauses += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pcomp"]
    clauses += [g for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "acl" and infinitive(g)]
    clauses += [c for c in tok.children if c.dep_ == "advcl" and infinitive(c)]  # "signed a contract to buy ..."
    for clause in clauses:
        for prep in [t for t in clause.subtree if t.dep_ == "prep" and t.lower_ == "with" and t.head.i in (clause.i, *(a.i for a in clause.children))]:
            for pobj in prep.children:
                found = reader.parties(pobj) if pobj.dep_ == "pobj" else []
                if found:
                    return found
    for clause in clauses:
        while (inner := next((c for c in clause.children if c.dep_ == "xcomp"), None)) is not None:
            clause = inner  # "to continue to support": the last verb of the chain has the object
        # a purpose clause's object is what the deal is against or about, not a partner ("to counter China")
        found = [p for c in clause.children if c.dep_ == "dobj" and clause.dep_ != "advcl" for p in reader.parties(c)]
        # else the other side of a promised transfer: "agreed to ship interceptors to the U.S.", "to buy ... from"
        found = found or [p for c in clause.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "from")
                          for g in c.children if g.dep_ == "pobj" for p in reader.parties(g)]
        found = [p for p in found if p.code and p.etype in ("state", "igo") and p.code not in besides]
        if found:
            return found
    return []


PLACE_PREPS_DEST = ("to", "in", "at", "into", "with")


def _noun_args(tok, entry: Entry, reader: ArgReader) -> tuple[list[Party], list[Party]]:
    """Actor and recipient named on the noun itself: "Russia's invasion of Ukraine"."""
    actors: list[Party] = []
    recips: list[Party] = []
    dest = entry.dest
    joined = _joined_modifiers(tok, reader)
    actors.extend(joined)
    for child in tok.children:
        if child.dep_ == "poss":
            actors.extend(reader.parties(child))
        elif joined and child.i < tok.i and child.dep_ in ("amod", "compound", "nmod"):
            continue
        elif (leader := nationality_on(child, LED_BY)) is not None:
            actors.extend(reader.party(leader))  # "the Russian-provoked war", "a Saudi-led offensive"
        elif child.dep_ in ("amod", "compound", "nmod") and child.pos_ in ("PROPN", "ADJ", "NOUN"):
            found = _joined_names(child, reader) or reader.party(child)
            if entry.type == "CONSULT" and found and found[0].etype == "igo":
                recips.extend(found)  # "the G-7 summit": the body hosts
            else:
                actors.extend(found)
    for child in tok.children:
        if child.dep_ != "prep":
            continue
        prep = child.lower_
        for pobj in (c for c in child.children if c.dep_ == "pobj"):
            if prep == "by":
                actors.extend(reader.parties(pobj))
            elif prep == "between":
                recips.extend(reader.parties(pobj))
            elif prep == "of" and entry.type in FORCE_MOVES and pobj.lemma_.lower() in reader.grammar["force_nouns"]:
                # "the withdrawal of the Russian contingent": its doer; "Russia's deployment of troops": what it
                # moves, which is no other side ("its launch of a missile over Japan": a state named on it is)
                if actors:
                    recips.extend(p for p in reader.parties_inside(pobj, place=dest) if p.code)
                else:
                    actors.extend(reader.parties(pobj))
            elif prep == "of" and not actors and entry.type in OF_IS_ACTOR:
                actors.extend(reader.parties(pobj))
            elif prep in ("at", "in") and entry.type == "CONSULT" and not dest:
                continue
            elif prep in RECIPIENT_PREPS + ("of",):
                recips.extend(reader.parties(pobj, place=dest) or reader.parties_inside(pobj, place=dest))
    if not actors:
        actors, more = _passive_agent(tok, entry, reader)
        recips = recips or more
    return unique_parties(actors), unique_parties(recips)


def suspended_act(noun, lex: Lexicon):
    """"the suspension of U.S. military assistance to South Sudan": the event noun a stopping noun
    (grammar `stopping_nouns`) names with "of"; the stopping is between that act's sides."""
    if noun.lemma_.lower() not in lex.grammar["stopping_nouns"]:
        return None
    return next((o for o in prep_objects(noun, ("of",)) if o.lemma_.lower() in lex.nouns), None)


def _received(noun, verb, reader: ArgReader) -> tuple[list[Party], list[Party]] | None:
    """"Israel's strike drew condemnation from Qatar", "Japan faced criticism from China": the one the
    noun comes from acts, towards the verb's subject."""
    sources = [p for head in (noun, verb) for o in prep_objects(head, ("from",)) for p in reader.parties(o)]
    if not sources:
        return None
    own = party_codes(sources)
    return sources, [p for p in subject_of(verb, reader)[0] if p.code not in own]


def _passive_agent(noun, entry: Entry, reader: ArgReader) -> tuple[list[Party], list[Party]]:
    """"sanctions imposed by the EU on Russia", "restrictions, which were introduced by China": the
    agent acts, and the participle's own "on"/"against" phrase names the recipient."""
    for clause in (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"):
        for agent in (c for c in clause.children if c.dep_ == "agent"):
            found = [p for pobj in agent.children if pobj.dep_ == "pobj" for p in reader.parties(pobj)]
            if found:
                return found, _verb_recipients(clause, replace(entry, dest=False), reader)
    return [], []


JOINERS = ("-", "\u2013", "\u2014", "/")


def _joined_names(tok, reader: ArgReader) -> list[Party]:
    """"the Abe-Xi meeting", "the Iran-Saudi Arabia deal": names joined by a dash are both parties."""
    left = tok.left_edge
    if not any(t.text in JOINERS for t in tok.doc[left.i:tok.i]):
        return []
    found: list[Party] = []
    for t in tok.doc[left.i:tok.i + 1]:
        if t.text not in JOINERS and (t.i == tok.i or t.head.i > t.i) and t.dep_ in ("compound", "nmod", "amod", "poss") or t.i == tok.i:
            for p in reader.party(t) or _looked_up(t, reader):
                if p.code and p.code not in {f.code for f in found}:
                    found.append(p)
    return found if len(found) >= 2 else []


def _joined_modifiers(noun, reader: ArgReader) -> list[Party]:
    """"one more Abe-Xi meeting" parsed as two modifiers of the noun: the dash still joins them."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
    if len(mods) < 2:
        return []
    words = noun.doc[min(m.left_edge.i for m in mods):noun.i]
    if not any(t.text in JOINERS for t in words):
        return []
    found: list[Party] = []
    for t in words:
        for p in ([] if t.text in JOINERS or not t.text[:1].isupper() else reader.party(t) or _looked_up(t, reader)):
            if p.code and p.code not in {f.code for f in found}:
                found.append(p)
    return found if len(found) >= 2 else []


def _looked_up(tok, reader: ArgReader) -> list[Party]:
    """A family name the mention layer left inside a joined pair ("Abe-Xi"), resolved by name."""
    ents = reader.view.ents
    if tok.pos_ != "PROPN" or ents is None or not hasattr(ents, "lookup"):
        return []
    ent = ents.lookup(tok.text)
    if ent is None or getattr(ent, "entity_type", None) not in ("person", "state"):
        return []
    return [Party.of(ent, tok.i)]


class Arguments(NamedTuple):
    """Who acted, who was acted on, and the entry as the arguments leave it ("welcomed X on his
    visit" turns a welcome into hosting a visit)."""
    actors: list[Party]
    recips: list[Party]
    entry: Entry


def read_arguments(cand: Candidate, reader: ArgReader, lex: Lexicon) -> Arguments | None:
    tok, entry, kind = cand.tok, cand.entry, cand.kind
    if entry.feeling:
        return Arguments(*stance_parties(cand, reader, lex), entry)
    if kind == "noun":
        actors, recips = _noun_args(tok, entry, reader)
        if (inner := suspended_act(tok, lex)) is not None:
            actors, recips = _noun_args(inner, lex.nouns[inner.lemma_.lower()], reader)  # the act's own sides
        if entry.needs_actor_modifier and not actors:
            return None
        between = _between(tok, reader)
        if between and entry.reciprocal and len(between) >= 2:
            return Arguments(between[:1], between[1:], entry)
        gov = governing_verb(tok)
        if gov is not None and gov.lemma_.lower() in lex.grammar["receiving_verbs"] and object_of(tok, gov) \
                and (received := _received(tok, gov, reader)) is not None:
            return Arguments(*received, entry)  # "the strike drew condemnation from Qatar"
        light = gov is not None and gov.lemma_.lower() in lex.grammar["light_verbs"] \
            and object_of(counting_noun(tok, lex.grammar["quantity_nouns"]), gov)
        if not actors and light:
            actors, _ = subject_of(gov, reader)
            if not actors:
                actors = reader.parties_left_of(gov)
        clause = _clause_verb(tok) if not actors and _in_adjunct(tok, lex.grammar) else None
        if clause is not None:
            actors, _ = subject_of(clause, reader)  # "at talks with X, Y said": Y took part
        pair_named = entry.reciprocal and len(actors) >= 2  # "the Abe-Xi meeting" names both sides
        if light and not pair_named and not any(r.code for r in recips):  # "its delivery of tanks to Ukraine"
            recips = _verb_recipients(gov, entry, reader, besides=party_codes(actors)) or recips
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
        speakers = [p for p in subject_of(tok, reader)[0] if p.code]
        asked = [p for c in cand.obj.children if c.dep_ == "nsubj" for p in reader.parties(c)]
        return Arguments(speakers, asked, entry)
    actors, _ = subject_of(tok, reader)
    passive = any(c.dep_ == "nsubjpass" for c in tok.children)
    if not actors and not passive and not any(c.dep_ == "nsubj" and not reader.voices.in_label(c) for c in tok.children):
        actors = reader.voices.labelled(tok) or []  # "PRESIDENT RUTO: Thank you, Mr. President."
    if (not actors and not passive) or _across_blank_line(actors, tok):
        actors = reader.parties_left_of(tok) or actors
    if not actors and passive and entry.type in FORCE_MOVES:
        # "North Korean troops have been deployed to Russia": forces moved are their state's move
        actors = [p for c in tok.children if c.dep_ == "nsubjpass" for p in reader.parties(c) if p.code]
    if not actors and tok.tag_ == "VBN" and entry.broker:
        actors = _capital_of(tok, reader)  # "a deal brokered in Beijing": the capital's government brokered it
    if not actors and entry.joint and _narrator_we(tok):
        actors = (reader.narrator if tok.idx >= reader.narrator_at else []) or leading_parties(reader)
    recips = _verb_recipients(tok, entry, reader, besides=party_codes(actors))
    if kind == "phrase" and not recips:
        recips = reader.parties_inside(cand.obj, besides=party_codes(actors))
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


def _in_adjunct(tok, g: dict) -> bool:
    """The noun sits in a time or place adjunct of its clause ("at a meeting with", "after a summit with")."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "pobj" and cur.head.lower_ in g["adjunct_preps"]:
            return True
        if cur.dep_ not in ("pobj", "prep", "conj", "npadvmod") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def object_of(tok, verb) -> bool:
    """"held talks", "engaged in talks", "took part in talks": the noun is what the verb does."""
    if tok.head.i == verb.i:
        return tok.dep_ in ("dobj", "attr", "nsubjpass", "conj", "npadvmod", "oprd")
    head = tok.head
    if tok.dep_ == "conj":
        return object_of(head, verb)
    return tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "into", "on") and head.head.i == verb.i


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
    if tok.dep_ in ("dobj", "nsubjpass") and _brokers(tok.head):
        holders.append(tok.head)
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


def _helping_clauses(tok, helping: set) -> list:
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
    for clause in _helping_clauses(tok, helping):
        heads = [o for o in clause.children if o.dep_ == "dobj"] + \
            [s for c in clause.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"]
        out += [named for head in heads for named in (head, *(o for o in head.children if o.dep_ == "poss"))]
    return out
