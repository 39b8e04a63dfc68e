"""Who a trigger verb acts on: its object, its recipient phrases ("to", "with", "against" ...), an
object it shares with the verb joined to it, and the partner of a promised course ("committed to
expanding trade together with Peru"). Used by `arguments.read_arguments` and for the passive
participles of event nouns (`noun_args`)."""
from __future__ import annotations

from pipeline.extract.events.lexicon import JOINT_TYPES, Entry
from pipeline.extract.events.modifiers import HELD_BY, nationality_on
from pipeline.extract.events.parties import ArgReader, Party, RECIPIENT_PREPS
from pipeline.extract.events.subjects import described_noun
from pipeline.extract.events.syntax import infinitive, named_by_free_relative, prep_objects

# where a trip or a transfer goes ("visited Kyiv", "sent troops into Mali")
PLACE_PREPS_DEST = ("to", "in", "at", "into", "with")
# "with respect to", "with regard to", "with reference to": prepositions of a topic
TOPIC_HEADS = frozenset({"respect", "regard", "reference"})
ALONGSIDE_WORDS = frozenset({"together", "along", "jointly"})
# the verb's phrases that a parser hangs on its agent ("imposed by the EU on Rwanda")
AGENT_TAIL_PREPS = ("on", "upon", "against", "to", "toward", "towards", "into")
# forces moved or withdrawn: what they move is no party, where they move to may name one
FORCE_MOVE_TYPES = frozenset({"MOBILIZE", "RETREAT"})
# adverbs of direction whose "to" phrase still names where the act goes
DIRECTION_ADVERBS = ("back", "home", "over", "away")
# acts addressed to a party: joined after an act on that party, they are addressed to it
ADDRESSED_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})


def _undergoer(tok, reader: ArgReader, besides: tuple) -> list[Party]:
    """"Ugandan fishermen detained by ...": the coded parties of the noun a participle describes, from
    the noun's own words only (its phrase holds the participle too: "sanctions imposed by X")."""
    noun = described_noun(tok)
    if noun is None:
        return []
    found = [p for p in reader.parties_inside(noun, besides=besides) if p.token_i is not None and p.token_i < tok.i]
    return found if any(p.code for p in found) else []


def verb_recipients(tok, entry: Entry, reader: ArgReader, besides: tuple = ()) -> list[Party]:
    dest = entry.dest
    only = entry.dest_preps  # "left China for Japan": the place left is no destination
    inside: list[Party] = []  # a body named inside the object ("delivery of Leopard tanks"), if nothing better
    if (partner := _talks_with(tok, entry, reader, besides)):
        return partner
    among = _talks_among(entry, besides)
    moves = entry.type in FORCE_MOVE_TYPES
    # forces two parties move together ("Beijing and Moscow held drills near Japan") are a joint act
    alone = len(set(besides)) < 2
    if moves and alone and not only and (aimed := _force_place_state(tok, reader, besides)):
        return aimed
    if not only and (undergone := _undergoer(tok, reader, besides)):
        return undergone
    for child in tok.children:
        if moves and child.dep_ == "dobj" and _own_forces(child, reader, besides):
            continue  # "massed troops near the border": the troops are what moves, not whom it is aimed at
        if child.dep_ in ("dobj", "dative", "nsubjpass") and not only:
            if child.dep_ == "dobj" and among:
                continue  # "Brazil and Chile discussed Venezuela": what they discuss is the topic
            if child.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in tok.children):
                continue
            found = _held_by(child, reader, besides) or reader.parties(child, place=dest)
            if not any(p.code for p in found) and not among:
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
    for child in sorted([*tok.children, *_adverb_preps(tok)], key=lambda c: c.i < tok.i):
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            if entry.type not in JOINT_TYPES and _alongside(child):
                continue  # "imposed sanctions together with the G7": the G7 acts too, it is not the target
            for pobj in [*child.children, *named_by_free_relative(child)]:
                if pobj.dep_ in ("pobj", "pcomp", "oprd"):
                    if entry.type == "CONSULT" and pobj.lemma_.lower() in TOPIC_HEADS:
                        continue  # "discussed challenges with respect to North Korea": a topic, no partner
                    found = reader.parties(pobj, place=dest)
                    if not found and not (among and child.lower_ != "with"):
                        found = reader.parties_inside(pobj, place=dest, besides=besides)  # not "its" own border
                    if any(p.code for p in found):
                        return found
                    uncoded = uncoded or found
    if (tail := _agent_tail(tok, reader, dest)):
        return tail
    if uncoded:
        return uncoded
    if (shared := _shared_object(tok)) is not None and not dest and not only:
        return [p for p in reader.parties(shared) if p.code not in besides]  # "condemned and sanctioned Russia"
    if entry.type in ADDRESSED_TYPES and (earlier := _earlier_object(tok)) is not None and not dest and not only:
        return [p for p in reader.parties(earlier) if p.code and p.code not in besides]
    if entry.type == "AGREE":
        return _complement_partners(tok, reader, besides) or inside
    return inside


def _held_by(obj, reader: ArgReader, besides: tuple) -> list[Party]:
    """"froze any US assets held by Sudan's army chief", "seized a tanker operated by an Iranian
    firm": the party a participle's "by" names owns the object, whatever word names the object."""
    return [p for a in obj.children if a.dep_ == "acl" and a.tag_ == "VBN" for ag in a.children if ag.dep_ == "agent"
            for o in ag.children if o.dep_ == "pobj" for p in reader.parties(o) or reader.parties_inside(o)
            if p.code and not p.group and p.code not in besides]


def _adverb_preps(verb) -> list:
    """"handed two soldiers back to Armenia", "flew home to Seoul": the parser hangs the phrase on the
    adverb that tells the direction, not on the verb; "handed over three suspects wanted over a heist to
    Kenyan police": or on the object's participle, when the verb has no "to" phrase of its own."""
    found = [p for a in verb.children if a.dep_ == "advmod" and a.lower_ in DIRECTION_ADVERBS
             for p in a.children if p.dep_ == "prep"]
    if any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children):
        return found
    # or on the worth the object is given ("handed over ambulances worth $4 million to Ukraine's ministry")
    objects = [o for o in verb.children if o.dep_ == "dobj"]
    holders = [a for o in objects for a in o.children if a.dep_ == "acl" and a.tag_ in ("VBN", "VBD")]
    holders += [a for h in (verb, *objects) for a in h.children if a.lower_ == "worth"]
    return found + [p for a in holders for p in a.subtree if p.dep_ == "prep" and p.lower_ == "to"]


def co_actors(heads, entry: Entry, reader: ArgReader, actors: list[Party]) -> tuple[list[Party], set[int]]:
    """"Japan imposed sanctions on Russia together with the G7": the G7 imposed them too (one row per
    actor, codebook section 5), whether the phrase hangs on the verb or on its object. The parties
    and the tokens of the phrase; a meeting's or a deal's "together with" names the other side."""
    if entry.type in JOINT_TYPES or not any(p.code for p in actors):
        return [], set()
    phrases = [c for h in heads if h is not None for c in h.children if c.dep_ == "prep" and _alongside(c)]
    own = {p.code for p in actors}
    found = [p for c in phrases for o in c.children if o.dep_ == "pobj" for p in reader.parties(o)
             if p.code and p.code not in own]
    return found, {t.i for c in phrases for t in c.subtree}


def _alongside(prep) -> bool:
    """"together with X", "along with X", "jointly with X": X acts beside the subject."""
    return prep.lower_ == "with" and any(c.dep_ == "advmod" and c.lower_ in ALONGSIDE_WORDS for c in prep.children)


def _shared_object(verb):
    """"Japan condemned and sanctioned Russia": a verb with no object of its own shares the object of
    the verb joined after it, when that verb has no subject of its own."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in verb.children):
        return None
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            return next((c for c in conj.children if c.dep_ == "dobj"), None) or _shared_object(conj)
    return None


def _earlier_object(verb):
    """"summoned China's ambassador and demanded an explanation": a demand or protest joined after an
    act on a party, with no subject and no addressee of its own, is addressed to that party."""
    if verb.dep_ != "conj" or verb.head.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj"), None)


def _doer_prep(verb) -> tuple[str, ...]:
    """"criticized the remarks by Japan's prime minister", with "by" hung on the active verb: the
    doer of the act criticised; never in the passive, where "by" names the actor."""
    children = {c.dep_ for c in verb.children}
    return ("by",) if "dobj" in children and not children & {"auxpass", "nsubjpass", "agent"} else ()


def _talks_with(verb, entry: Entry, reader: ArgReader, besides: tuple) -> list[Party]:
    """"Brazil discussed Venezuela with Chile": the party talks are held with, not their topic."""
    if entry.type != "CONSULT" or not entry.reciprocal or not any(c.dep_ == "dobj" for c in verb.children):
        return []
    found = [p for o in prep_objects(verb, ("with",)) for p in reader.parties(o)]
    return [p for p in found if p.code and p.code not in besides]


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


def _own_forces(noun, reader: ArgReader, besides: tuple) -> bool:
    """The mover's own forces ("massed troops", "deployed its warships"), not another party's forces met
    or watched ("intercepted two Russian bombers")."""
    g = reader.grammar
    lemma = noun.lemma_.lower()
    if not (lemma in g["force_nouns"] or lemma in g["war_craft"] or lemma in g["craft_nouns"]):
        return False
    return not any(p.code not in besides for p in _coded(noun, reader))


def _coded(tok, reader: ArgReader) -> list[Party]:
    """The coded parties a head names, else those named inside it ("the Ukrainian border")."""
    return [p for p in reader.parties(tok) if p.code] or [p for p in reader.parties_inside(tok) if p.code]


def _agent_tail(verb, reader: ArgReader, dest: bool) -> list[Party]:
    """"Sanctions were imposed by the EU on Rwanda": the parser may hang the verb's own "on" phrase on
    the agent's noun; a state named there is the recipient ("by leaders from the G7" names no target)."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for noun in (o for o in agent.children if o.dep_ == "pobj"):
            for pobj in prep_objects(noun, AGENT_TAIL_PREPS):
                found = [p for p in reader.parties(pobj, place=dest) if p.code]
                if found:
                    return found
    return []


def _holder(place, reader: ArgReader) -> list[Party]:
    """The state a hyphened participle says holds the place: "the Japanese-controlled Senkaku Islands"."""
    return [p for c in place.children if (held := nationality_on(c, HELD_BY)) is not None
            for p in reader.party(held) if p.code]


def _force_place_state(verb, reader: ArgReader, besides: tuple) -> list[Party]:
    """"massed troops near the Ukrainian border", "were spotted in the zone near Okinawa": the state
    whose place forces are moved to or seen at, named on the verb or on the forces moved."""
    g = reader.grammar
    preps = tuple(g["force_place_preps"])
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj" and _own_forces(c, reader, besides)]
    for head in heads:
        # a place forces are "in" is where they are (an ally's base, say); a place that zone is near is aimed at
        places = [p for o in prep_objects(head, preps) for p in (o, *prep_objects(o, preps))]
        places += [p for o in prep_objects(head, ("in",)) for p in prep_objects(o, preps)]
        for place in places:
            # a disputed place codes no state; the words on it may ("the Japanese-controlled Senkaku Islands")
            found = [p for p in reader.parties(place) if p.code] or _holder(place, reader) or _coded(place, reader)
            if found:
                return found
    return []
