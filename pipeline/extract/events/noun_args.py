"""Who acted and who was acted on, named on an event noun: its possessor and modifiers ("Russia's
invasion", "the Abe-Xi meeting"), its "of", "by" and recipient phrases, the agent of a passive
participle on it ("sanctions imposed by the EU on Russia"), and the party a noun is received from
("drew condemnation from Qatar"). Used by `arguments.read_arguments`."""
from __future__ import annotations

from dataclasses import replace

from pipeline.extract.events.lexicon import Entry, Lexicon
from pipeline.extract.events.modifiers import LED_BY, nationality_on
from pipeline.extract.events.parties import ArgReader, Party, RECIPIENT_PREPS, unique_parties
from pipeline.extract.events.subjects import subject_of
from pipeline.extract.events.syntax import for_clause, prep_objects
from pipeline.extract.events.verb_args import verb_recipients

# "the visit of the minister", "the request of X": "of" names who acted; elsewhere the target
OF_IS_ACTOR = {"CONSULT", "REQUEST", "SUPPORT", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE"}
# types whose passive subject is the actor's own forces ("troops were deployed", "were withdrawn"), and
# whose "from" names the place left, not the doer ("the withdrawal from Afghanistan")
FORCE_MOVES = ("MOBILIZE", "RETREAT")


def noun_arguments(tok, entry: Entry, reader: ArgReader, lex: Lexicon) -> tuple[list[Party], list[Party]]:
    """Actor and recipient named on the noun itself: "Russia's invasion of Ukraine"."""
    actors: list[Party] = []
    recips: list[Party] = []
    dest = entry.dest
    joined = _joined_modifiers(tok, reader)
    actors.extend(joined)
    # "hold the first Cyber-Digital Dialogue": the meeting's own name is no party to it
    own_name = getattr(reader.view.at(tok.idx, tok.idx + len(tok)), "entity_id", None) if tok.tag_ == "NNP" else None
    for child in tok.children:
        if child.dep_ == "poss":
            actors.extend(_possessor(child, tok, reader))
        elif joined and child.i < tok.i and child.dep_ in ("amod", "compound", "nmod"):
            continue
        elif entry.type in FORCE_MOVES and child.dep_ == "compound" and child.lemma_.lower() in reader.grammar["force_nouns"]:
            continue  # "troop deployments": what moves, not who moves it
        elif (leader := nationality_on(child, LED_BY)) is not None:
            actors.extend(reader.party(leader))  # "the Russian-provoked war", "a Saudi-led offensive"
        elif child.dep_ in ("amod", "compound", "nmod") and child.pos_ in ("PROPN", "ADJ", "NOUN"):
            found = [p for p in _joined_names(child, reader) or reader.party(child)
                     if p.code or own_name is None or p.entity_id != own_name]
            if entry.type == "CONSULT" and found and found[0].etype == "igo":
                recips.extend(found)  # "the G-7 summit": the body hosts
            else:
                actors.extend(found)
    sources: list[Party] = []
    for child in tok.children:
        if child.dep_ != "prep":
            continue
        prep = child.lower_
        for pobj in (c for c in child.children if c.dep_ == "pobj"):
            if prep == "from" and entry.type not in FORCE_MOVES and not dest:  # "a visit from X": the host is elsewhere
                sources.extend(reader.parties(pobj))
            elif prep == "by":
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
    if entry.type == "REQUEST" and (clause := for_clause(tok)) is not None:
        recips.extend(p for c in clause.children if c.dep_ == "nsubj" for p in reader.parties(c))  # "a call for China to act"
    if sources and not actors:
        actors = sources  # "a plea from Somalia", "criticism from Beijing": what comes from a party is its act
    else:
        recips.extend(sources)
    if (stray := stray_agent(tok, lex)) is not None and not any(p.code for p in actors):
        inside = {t.i for t in stray.subtree}
        actors = [p for o in prep_objects(stray.head, ("by",)) for p in reader.parties(o)] or actors
        recips = [p for p in recips if p.token_i not in inside]
    if not actors:
        actors, more = _passive_agent(tok, entry, reader)
        recips = recips or more
    return unique_parties(actors), unique_parties(recips)


def _possessor(poss, noun, reader: ArgReader) -> list[Party]:
    """"Russia's invasion"; "X and Y plan to hold their first dialogue": a possessive pronoun on the
    verb's object is the verb's subject, before any party named earlier in the text."""
    if poss.pos_ == "PRON" and noun.dep_ == "dobj" and (subject := subject_of(noun.head, reader)[0]) \
            and _agrees(poss.lower_, subject):
        return subject
    return reader.parties(poss)


def _agrees(pronoun: str, parties: list[Party]) -> bool:
    """"Beijing has granted his request": "his" is no state's; "their" and "our" are anyone's."""
    people = all(p.etype == "person" for p in parties)
    return {"his": people, "her": people, "its": not people and len(parties) == 1}.get(pronoun, True)


def stray_agent(noun, lex: Lexicon):
    """"the storming of the rebel stronghold of Kidal by Malian troops": the parser may hang an event
    noun's "by" phrase on its "of" object, or one "of" further down. An object that is no act takes
    no agent of its own, so the phrase is the event's; an act's ("condemnation of the attack by X")
    stays with that act."""
    if prep_objects(noun, ("by",)):
        return None
    obj = next(iter(prep_objects(noun, ("of",))), None)
    while obj is not None and obj.lemma_.lower() not in lex.nouns:
        by = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if by is not None:
            return by
        obj = next(iter(prep_objects(obj, ("of",))), None)
    return None


def suspended_act(noun, lex: Lexicon):
    """"the suspension of U.S. military assistance to South Sudan": the event noun a stopping noun
    (grammar `stopping_nouns`) names with "of"; the stopping is between that act's sides."""
    if noun.lemma_.lower() not in lex.grammar["stopping_nouns"]:
        return None
    return next((o for o in prep_objects(noun, ("of",)) if o.lemma_.lower() in lex.nouns), None)


def received(noun, verb, reader: ArgReader) -> tuple[list[Party], list[Party]] | None:
    """"Israel's strike drew condemnation from Qatar", "Japan faced criticism from China": the one the
    noun comes from acts, towards the verb's subject."""
    sources = [p for head in (noun, verb) for o in prep_objects(head, ("from",)) for p in reader.parties(o)]
    if not sources:
        return None
    own = {p.code for p in sources if p.code}
    # "Tokyo's decision drew criticism from Beijing": the owner of the deed or word criticised
    owners = subject_of(verb, reader)[0] or [p for s in verb.children if s.dep_ == "nsubj"
                                              for c in s.children if c.dep_ == "poss" for p in reader.parties(c)]
    return sources, [p for p in owners if p.code not in own]


def _passive_agent(noun, entry: Entry, reader: ArgReader) -> tuple[list[Party], list[Party]]:
    """"sanctions imposed by the EU on Russia", "restrictions, which were introduced by China": the
    agent acts, and the participle's own "on"/"against" phrase names the recipient."""
    for clause in (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"):
        for agent in (c for c in clause.children if c.dep_ == "agent"):
            found = [p for pobj in agent.children if pobj.dep_ == "pobj" for p in reader.parties(pobj)]
            if found:
                return found, verb_recipients(clause, replace(entry, dest=False), reader)
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
