"""Which tokens are triggers: a verb + object phrase, a verb, an event noun, or a reported demand
("X said Y should ..."), each checked against what its lexicon entry requires of the parse."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pipeline.extract.events.agents import agent_of, counted_head
from pipeline.extract.events.company import a_person, joined_by_people, phoned
from pipeline.extract.events.crowds import in_protest, labour_strike
from pipeline.extract.events.deeds import named_deed
from pipeline.extract.events.forces import clash_kind, forces_leaving, forces_moving, shots_at
from pipeline.extract.events.lexicon import (APPROVING_REACTION, ARMED_CLASH, CROWD_PROTEST, CROWD_RIOT,
                                             DISAPPROVING_REACTION, FORCES_LEAVE, FORCES_MOVE, JOINT_COMMITMENT,
                                             REPORTED_DEMAND, SHOTS_FIRED, Entry, Lexicon)
from pipeline.extract.events.labels import hostile_label
from pipeline.extract.events.status import awaited, stated_resolve
from pipeline.extract.events.syntax import (bare_participle, characterised, for_clause, governing_verb, happened,
                                            in_a_date, in_adjunct, infinitive, infinitive_clauses, joins_an_act,
                                            named_doer, only_a_time, prep_objects)
from pipeline.extract.required import noun_modified, object_modified


@dataclass(frozen=True)
class Candidate:
    """One trigger reading of a token: its lexicon entry and kind ("verb", "noun" or "phrase"); `obj`
    is a phrase's object, or the clause a reported demand asks for."""
    tok: Any
    entry: Entry
    kind: str
    obj: Any = None

    @property
    def spoken_demand(self) -> bool:
        """A demand the text makes in its own voice ("Israeli forces should withdraw"): the clause
        asked for is the trigger itself, with no saying verb above it."""
        return self.entry.demand and self.obj is self.tok


def same_event_objects(cand: Candidate, found: list[dict], lex: Lexicon) -> list[int]:
    """"hosted a summit", "visited on a trip": an event noun that is the object of a verb coded as the
    same type names the same event (a broker's deal is the parties' own event, so it stays)."""
    if not found or cand.kind != "verb" or cand.entry.broker:
        return []
    types = {r["event_type"] for r in found}
    return [c.i for c in cand.tok.children if c.dep_ == "dobj"
            and c.lemma_.lower() in lex.nouns and lex.nouns[c.lemma_.lower()].type in types]


def candidates(tok, lex: Lexicon, taken: set[int]) -> list[dict]:
    """Trigger readings of one token: a verb+object phrase, a verb, or an event noun; and a demand
    the text makes in its own voice ("Israeli forces should withdraw"), beside the verb's own reading."""
    spoken = [Candidate(tok, REPORTED_DEMAND, "verb", tok)] if _spoken_demand(tok, lex.grammar) else []
    return spoken + [c for c in _readings(tok, lex, taken)
                     if not (c.entry.type == "ASSAULT" and c.kind != "verb" and _sporting(tok, lex))]


def _sporting(tok, lex: Lexicon) -> bool:
    """"launched a late attack that earned them a 2-1 win", "India's bowling attack": the words of a
    game around an attack named by a noun say it is play, not force ("gunmen attacked a stadium
    during a match" is still an attack)."""
    return any(t.lemma_.lower() in lex.grammar["sport_words"] and (t.pos_ in ("NOUN", "PROPN") or t.lower_.endswith("ing"))
               for t in tok.sent)


def _spoken_demand(tok, g: dict) -> bool:
    """A main clause with "should" or "must" and a subject: "Israeli forces should be withdrawn", "the
    League of Arab States should play an important role". Only a text with a speaker of its own (a
    speech) asks anything by it; the arguments find that speaker (`arguments.read_arguments`)."""
    if tok.pos_ != "VERB" or tok.dep_ != "ROOT" or in_a_date(tok):
        return False
    if not {c.lower_ for c in tok.children if c.dep_ == "aux"} & g["demand_modals"]:
        return False
    if any(m.dep_ == "mark" and m.lower_ in g["conditional_marks"] for c in tok.children if c.dep_ == "advcl"
           for m in c.children):
        return False  # "if China attacks, Japan should respond": what ought to follow a condition
    # a named subject: not "it should be noted", "we should ...", "they should ..."
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") for c in tok.children)


def _readings(tok, lex: Lexicon, taken: set[int]) -> list[dict]:
    lemma = tok.lemma_.lower()
    if tok.i in taken or in_a_date(tok):
        return []
    if tok.pos_ == "VERB":
        # "allowed UN convoys to enter": the one allowed, parsed as the infinitive's subject, is the object
        allowed = [s for c in infinitive_clauses(tok) if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
        for child in [*tok.children, *allowed]:
            obj, pobj = _antecedent(tok, child), None
            rule = lex.phrase(tok, obj)
            if rule is None and (counted := counted_head(obj, lex.grammar["quantity_nouns"])) is not obj:
                obj, rule = counted, lex.phrase(tok, counted)  # "tens of thousands of reservists"
            if rule is None and (pobj := _prep_object(child)) is not None:
                obj, rule = pobj, _through_prep(lex.phrase(tok, pobj), child)
            if rule and (child.dep_ in ("dobj", "nsubjpass", "attr") or obj is pobj or child in allowed) \
                    and _has_required_prep(tok, rule) and _clause_fits(tok, rule) and object_modified(obj, rule):
                if not named_doer(obj):
                    taken.add(obj.i)
                return [Candidate(tok, rule, "phrase", obj)]
        if lemma in lex.grammar["company_verbs"] and joined_by_people(tok):
            return [Candidate(tok, lex.verbs["meet"], "verb")]  # "The President was joined by leaders from A, B"
        if (reaction := _reaction(tok, lex)) is not None:
            return [reaction]  # the manner says more than "respond" alone
        if hostile_label(tok, lex):
            return [Candidate(tok, DISAPPROVING_REACTION, "verb")]  # "called the drills a provocation"
        if in_protest(tok, lex.grammar):
            return [Candidate(tok, CROWD_PROTEST, "verb")]  # the adjunct names the event, whatever the verb
        if (clash := clash_kind(tok, lex.grammar)) is not None:  # forces on a side: no quarrel
            return [Candidate(tok, ARMED_CLASH if clash == "armed" else CROWD_RIOT, "verb")]
        moving, leaving = forces_moving(tok, lex.grammar), forces_leaving(tok, lex.grammar)
        entry = lex.phrasal(tok) or lex.verbs.get(lemma)
        if entry and _verb_allowed(tok, entry, lex) and not (leaving or moving and entry.type == "CONSULT"):
            return [Candidate(tok, object_reading(tok, entry, lex.grammar["quantity_nouns"]), "verb")]
        if moving:
            return [Candidate(tok, FORCES_MOVE, "verb")]  # warships do not visit: "bombers flew to Guam"
        if leaving:
            return [Candidate(tok, FORCES_LEAVE, "verb")]  # whatever the verb's own reading: "troops quit Armenia"
        if shots_at(tok, lex.grammar):
            return [Candidate(tok, SHOTS_FIRED, "verb")]
        if phoned(tok, lex.grammar):
            return [Candidate(tok, lex.verbs["phone"], "verb")]
        if entry is None and lemma in lex.commitment_verbs and _commitment_clause(tok, lex.grammar) \
                and not _a_thing_as_subject(tok, lex.grammar):
            return [Candidate(tok, JOINT_COMMITMENT, "verb")]
    if tok.pos_ == "VERB" and (demanded := _demanded_clause(tok, lex.grammar)) is not None:
        return [Candidate(tok, REPORTED_DEMAND, "verb", demanded)]
    if tok.pos_ in ("NOUN", "PROPN") and (entry := _noun_entry(tok, lemma, lex)) is not None \
            and (tok.tag_ != "NNP" or _named_meeting_held(tok, entry, lex)) and _noun_allowed(tok, entry, lex):
        return [Candidate(tok, entry, "noun")]
    if (deed := named_deed(tok, lex)) is not None and _noun_allowed(tok, deed, lex):
        return [Candidate(tok, deed, "noun")]  # "Russia's bombardment of Kharkiv"
    stance = _stance(tok, lex)
    return [stance] if stance is not None else []


def _noun_entry(tok, lemma: str, lex: Lexicon) -> Entry | None:
    """"renewed its call for Spain to apologise": a call for something asks for it (an appeal), where
    "a call with X" is a phone call; a strike named general, nationwide or N-hour is a labour strike."""
    if lemma in lex.grammar["appeal_nouns"] and (prep_objects(tok, ("for",)) or for_clause(tok) is not None):
        return lex.nouns["appeal"]
    if labour_strike(tok, lex.grammar):
        return lex.nouns["walkout"]  # "a nationwide strike called by the unions", "a 48-hour strike"
    return lex.nouns.get(lemma)


def _commitment_clause(verb, g: dict) -> bool:
    """Where a generic commitment verb can be a promise: its own clause, a gerund looked forward to
    ("looks forward to working with Russia") or the infinitive of a resolve stated as such ("announced
    their intention to strengthen energy security"); not a modifier or the gerund of any preposition."""
    return verb.dep_ not in ("amod", "compound", "pcomp", "acl") or awaited(verb) or stated_resolve(verb, g)


def _reaction(verb, lex: Lexicon) -> Candidate | None:
    """"Moscow reacted positively to the decision", "Beijing responded angrily to the decision"."""
    g = lex.grammar
    if verb.lemma_.lower() not in g["reaction_verbs"]:
        return None
    manners = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    if manners & g["approving_manners"]:
        return _accepted(verb, lex) or Candidate(verb, APPROVING_REACTION, "verb")
    if manners & g["disapproving_manners"]:
        return Candidate(verb, DISAPPROVING_REACTION, "verb")
    return None


def _accepted(verb, lex: Lexicon) -> Candidate | None:
    """"Putin responded positively to this initiative": approval of something whose acceptance is an
    agreement ("accepted the initiative", a verb + object phrase of the lexicon) is that agreement."""
    for obj in objects_of(verb, preps=("to",)):
        rule = lex.phrase_index.get(("accept", obj.lemma_.lower()))
        if rule is not None and rule.type == "AGREE":
            return Candidate(verb, rule, "phrase", obj)
    return None


def _named_meeting_held(tok, entry: Entry, lex: Lexicon) -> bool:
    """"hold their first Cyber-Digital Dialogue", "hosted the Camp David Summit": a meeting's proper
    name held, hosted or attended is the meeting (a name elsewhere, "the Shangri-La Dialogue said", is not)."""
    return entry.type == "CONSULT" and tok.dep_ == "dobj" \
        and tok.head.lemma_.lower() in lex.grammar["light_verbs"]


def _stance(tok, lex: Lexicon) -> Candidate | None:
    """"Japan is deeply concerned about ...", "X remains committed to ...", "it was alarmed by ...": a
    predicate adjective read as a phrase on the verb that holds it, so that the verb's tense,
    negation and dates are the stance's."""
    entry = lex.adjectives.get(tok.lower_)
    if entry is None or tok.tag_ not in ("JJ", "VBN"):
        return None
    if tok.dep_ == "acomp" and tok.head.lemma_.lower() in lex.grammar["stance_copulas"]:
        return Candidate(tok.head, entry, "phrase", tok)
    if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in tok.children):
        return Candidate(tok, entry, "phrase", tok)
    return None


def _demanded_clause(tok, g: dict):
    """"X said Y should (not) do Z", "X hopes Y will do more": the clause X asks of another party."""
    lemma = tok.lemma_.lower()
    if lemma not in g["demand_saying_verbs"] and lemma not in g["demand_hoping_verbs"]:
        return None
    for clause in (c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")):
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if marks & set(g["conditional_marks"]) or not any(c.dep_ == "nsubj" for c in clause.children):
            continue
        if modals & set(g["demand_modals"]) or (lemma in g["demand_hoping_verbs"] and modals & {"will", "would", "could", "can"}):
            return clause
    return _need_for_clause(tok, g) if lemma in g["demand_saying_verbs"] else None


def _need_for_clause(tok, g: dict):
    """"stressed the need for Iran to comply": the clause whose "for" subject is asked to act."""
    objects = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in g["need_nouns"]]
    if not objects:
        return None
    holders = [tok] + objects + [g2 for o in objects for c in o.children if c.dep_ == "prep" for g2 in c.children]
    for holder in holders:
        for clause in holder.children:
            if clause.pos_ == "VERB" and clause.dep_ in ("advcl", "acl", "relcl", "ccomp", "xcomp", "pcomp") \
                    and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) \
                    and any(c.dep_ == "nsubj" for c in clause.children):
                return clause
    return None


def _antecedent(verb, obj):
    """The noun a relative pronoun object stands for: "the sanctions which the EU imposed on Russia"
    imposes the sanctions."""
    return verb.head if obj.tag_ == "WDT" and verb.dep_ == "relcl" else obj


def _prep_object(child):
    """The object of a preposition on the verb ("went on strike"), or None."""
    return next((g for g in child.children if g.dep_ == "pobj"), None) if child.dep_ == "prep" else None


def _through_prep(rule: Entry | None, prep) -> Entry | None:
    """A phrase whose object comes through the preposition it requires ("went on strike", "took to the
    streets"); other phrases take their object directly ("held a rally", not "held talks on a rally")."""
    return rule if rule is not None and prep.lower_ in rule.requires_prep else None


def _direct_object(tok):
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            # "the system, which the Army deployed": a relative pronoun stands for the noun it hangs on
            return _antecedent(tok, child)
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def object_reading(tok, entry: Entry, quantity_nouns=()) -> Entry:
    """The reading an object gives: "withdrew from the treaty" and "withdrew the country from the
    treaty" both name the treaty; "mobilised tens of thousands of supporters" names the supporters."""
    objs = [_direct_object(tok)] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                                    for g in c.children if g.dep_ == "pobj"]
    for obj in (counted_head(o, quantity_nouns) for o in objs if o is not None):
        for rule in entry.objects:
            if obj.lemma_.lower() in rule.lemmas:
                return replace(entry, type=rule.type, mode=rule.mode, objects=(), requires_object_type=(),
                               recipient_optional=entry.recipient_optional or rule.recipient_optional)
    return entry


def particle_missing(tok, lex: Lexicon) -> bool:
    """"called a meeting": the lexicon reads this verb and object only with a particle ("called off")
    that is not there, a reading the rules declined and the model must not make either."""
    return tok.pos_ == "VERB" and any(
        (rule := lex.phrase_index.get((tok.lemma_.lower(), c.lemma_.lower()))) is not None
        and c.dep_ in ("dobj", "nsubjpass") and rule.requires_prep and not _has_required_prep(tok, rule)
        for c in tok.children)


def declined(tok, etype: str, lex: Lexicon) -> bool:
    """"Beijing called the drills a provocation", "Kenya released a statement": the lexicon reads this
    verb as this type only with a preposition ("called on") or an object ("released prisoners") that is
    not there, a reading the rules declined and the model must not make either. A proper name the
    object list cannot hold ("rammed the BRP Teresa Magbanua") is left to the model."""
    entry = lex.verbs.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
    if entry is None or entry.type != etype or _verb_allowed(tok, entry, lex):
        return False
    obj = _direct_object(tok)
    return not (obj is not None and obj.pos_ == "PROPN" and _has_required_prep(tok, entry))


def _has_required_prep(tok, entry: Entry) -> bool:
    """The particle or preposition the entry needs, if any, hangs on the verb ("called off"); one that
    only says when ("demonstrated in recent weeks") is not the place or target the entry needs."""
    preps = entry.requires_prep
    return not preps or any((c.dep_ in ("prep", "prt", "dative") or (c.dep_ == "advmod" and c.lower_ in PARTICLES))
                            and c.lower_ in preps and not only_a_time(c) for c in tok.children)


def _clause_fits(tok, entry: Entry) -> bool:
    """The clausal complement the entry needs, if any: "pressed X to withdraw", "ordered X to leave"."""
    clauses = [c.lemma_.lower() for c in infinitive_clauses(tok)]
    if entry.requires_xcomp and not clauses:
        return False
    return not entry.requires_xcomp_verb or bool(set(clauses) & set(entry.requires_xcomp_verb))


def _verb_allowed(tok, entry: Entry, lex: Lexicon) -> bool:
    if tok.dep_ in ("amod", "compound") or joins_an_act(tok) or bare_participle(tok):
        return False
    if not _has_required_prep(tok, entry):
        return False
    named = _direct_object(tok)
    obj = counted_head(named, lex.grammar["quantity_nouns"])
    if entry.type == "PROTEST" and tok.lemma_.lower() in lex.grammar["showing_verbs"] \
            and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
        return False  # "demonstrated its importance", "demonstrated that ...": shown, not protested
    if entry.type == "MOBILIZE" and tok.lemma_.lower() in lex.grammar["raising_verbs"] and obj is not None \
            and not _object_words(obj) & lex.grammar["raised_forces"] \
            and object_reading(tok, entry, lex.grammar["quantity_nouns"]) is entry:
        return False  # "mobilizing finance", "mobilize the international community" (supporters rally: PROTEST)
    if entry.type == "CONSULT" and tok.lemma_.lower() in lex.grammar["goal_verbs"] and obj is not None \
            and obj.lemma_.lower() in lex.grammar["goal_nouns"]:
        return False  # "meet the demand", "meet its targets": a goal reached, not a party met
    if entry.requires_object_entity and not _names_something(obj):
        return False  # "addressing issues together with X": X is a partner, not the audience
    if entry.dest and _goods_travel(tok, entry, lex):
        return False
    wanted = entry.requires_object
    # the words of the object counted and of the counting noun ("a package of drones" is a package)
    words = _object_words(obj) | _object_words(named) if obj is not None else set()
    if wanted and (obj is None or not (words & set(wanted) or (entry.person_object and a_person(obj)))):
        return False
    if not _clause_fits(tok, entry):
        return False
    if tok.lemma_.lower() in lex.grammar["courtesy_verbs"] and _bare_courtesy(tok, named):
        return False
    if tok.lemma_.lower() in lex.grammar["concurring_verbs"] and _a_view_shared(tok, lex.grammar):
        return False
    return True


def _goods_travel(verb, entry: Entry, lex: Lexicon) -> bool:
    """"A food shipment from Uzbekistan arrived in Kabul": what arrives is an act of another kind
    (aid, a deployment), not a visitor; the noun gives the event."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    noun = lex.nouns.get(subject.lemma_.lower()) if subject is not None and subject.pos_ == "NOUN" else None
    return noun is not None and noun.type != entry.type


def _a_view_shared(verb, g) -> bool:
    """"agreed that the alliance has never been stronger", "agreed on the importance of open markets":
    a view the parties share, no deal; "agreed that the minister would visit" and "agreed to" are."""
    if any(c.dep_ in ("xcomp", "dobj") for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        return not any(a.dep_ == "aux" and a.lower_ in g["commissive_aux"] for c in clauses for a in c.children)
    return any(o.dep_ == "pobj" and o.lemma_.lower() in g["view_nouns"]
               for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children)


def _a_thing_as_subject(verb, g) -> bool:
    """"The friendship between Japan and Kenya will continue to grow": a bond or a tie goes on, no party
    promises anything; "the two countries will continue" and "the ministry will continue" do."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].pos_ != "NOUN":
        return False
    lemma = subjects[0].lemma_.lower()
    return not any(lemma in g[k] for k in ("pair_nouns", "group_nouns", "acting_nouns")) and agent_of(subjects[0]) is None


def _bare_courtesy(tok, obj) -> bool:
    """"Thank you.", "Thank you very much, Mr. President.": a courtesy that says nothing of what for;
    "thank you for your support" and "thanked the Prime Minister" are praise."""
    return (obj is None or obj.lower_ == "you") \
        and not any(c.dep_ in ("prep", "xcomp", "advcl", "ccomp") for c in tok.children)


def _object_words(obj) -> set[str]:
    """The lemmas of an object, its modifiers, what it holds ("planes of tents") and its coordinated
    objects ("armoured vehicles and troops")."""
    out = set()
    for head in [obj, *obj.conjuncts]:
        out |= {head.lemma_.lower()} | {c.lemma_.lower() for c in head.children if c.dep_ in ("amod", "compound")}
        out |= {o.lemma_.lower() for o in prep_objects(head, ("of",))}
    return out


# particles the parser sometimes reads as adverbs ("pulled back most of the troops")
PARTICLES = frozenset({"back", "out", "up", "down", "off", "away"})


def _names_something(obj) -> bool:
    """An object that can be a party: a name, a pronoun, or a phrase with a capitalised word
    ("the Japanese parliament"); "those issues" cannot."""
    if obj is None:
        return False
    if obj.pos_ in ("PROPN", "PRON"):
        return True
    return any(t.text[:1].isupper() for t in obj.subtree if t.i < obj.i or t.head.i == obj.i and t.dep_ != "prep")


def _noun_allowed(tok, entry: Entry, lex: Lexicon) -> bool:
    if not noun_modified(tok, entry):  # "the launch of a missile"
        return False
    if any(c.dep_ == "det" and c.lower_ in ("no", "any", "every") for c in tok.children):
        return False
    if characterised(tok, lex.grammar):
        return False
    gov = governing_verb(tok)
    if entry.needs_light_verb and (gov is None or gov.lemma_.lower() not in lex.grammar["light_verbs"]):
        return False
    if gov is not None and gov.i != tok.i:
        gentry = lex.verbs.get(gov.lemma_.lower())
        light = gov.lemma_.lower() in lex.grammar["light_verbs"]
        if gentry and not light and not gentry.broker and _verb_allowed(gov, gentry, lex) \
                and not _another_occasion(tok, entry, lex.grammar) and not named_doer(tok) and not reply_in_kind(tok, gov, lex) \
                and not _took_place(tok, gentry, lex.grammar):
            return False  # "condemned the invasion": the verb is the event; a brokered deal is the parties' own
        if lex.phrase_index.get((gov.lemma_.lower(), tok.lemma_.lower())) and not named_doer(tok) \
                and not (tok.dep_ == "nsubj" and gov.tag_ in ("VBD", "VBZ", "VBP")):
            return False  # the verb+object phrase reads it; the subject of a finite verb is none ("a strike began")
    return True


def _took_place(tok, gentry: Entry, g: dict) -> bool:
    """"The raid on the base left nine soldiers dead": the verb only says that the noun's event took
    place, so the noun is the event (an act of force as the verb, "the raid killed", is one itself)."""
    return happened(tok, g) and gentry.type not in g["unnamed_doer_types"]


def reply_in_kind(tok, gov, lex: Lexicon) -> bool:
    """"Beijing retaliated with sanctions on US firms": the act a reply is made with is the event (a
    reply done is coded as what was done; only one still to come is a threat), done by the replier."""
    entry = lex.verbs.get(gov.lemma_.lower())
    return entry is not None and entry.threat_when_future and tok.dep_ == "pobj" and tok.head.lower_ == "with" \
        and tok.head.head.i == gov.i


def _another_occasion(tok, entry: Entry, g: dict) -> bool:
    """"After a deal between X and Y, Z flew to ...": an event before or after the verb's is another
    event; so is a meeting the verb's act took place at ("During a phone call with X, Y thanked him")."""
    return in_adjunct(tok, g["sequence_preps"]) or at_occasion(tok, entry, g)


def at_occasion(tok, entry: Entry, g: dict) -> bool:
    """A meeting named as where the clause's act took place: an event of its own, not the clause's
    ("engaged in talks" is the clause's act, named by a light verb)."""
    gov = governing_verb(tok)
    return entry.type == "CONSULT" and in_adjunct(tok, g["occasion_preps"]) \
        and not (gov is not None and gov.lemma_.lower() in g["light_verbs"])


def yields_to_inner(cand: Candidate, lex: Lexicon):
    """"agreed to hold talks", "expressed the desire to strengthen cooperation": the inner trigger is the
    event; its verb, or None when the reading stands on its own."""
    tok, entry = cand.tok, cand.entry
    if entry.guest_type and (accepted := _accepted_invitation(tok, lex)) is not None:
        return accepted
    if entry.type not in ("AGREE", "REQUEST") or entry.mode == "invite":
        return None
    holder = cand.obj if cand.kind == "phrase" else tok
    inner = list(holder.children) + [g for c in holder.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    for child in inner:
        if child.dep_ in ("xcomp", "acl", "pcomp") and child.pos_ == "VERB":
            if _unnamed_guest(child, lex):
                continue  # "agreed to host a training mission": no visitor, so the agreement is the event
            if lex.verbs.get(child.lemma_.lower()) or any(
                    lex.phrase_index.get((child.lemma_.lower(), g.lemma_.lower())) or lex.nouns.get(g.lemma_.lower())
                    for g in objects_of(child, preps=("in",))):
                inner_entry = lex.verbs.get(child.lemma_.lower())
                both_agree = entry.type == "AGREE" and inner_entry is not None and inner_entry.type == "AGREE"
                return None if both_agree else child
    return None


def _accepted_invitation(verb, lex: Lexicon):
    """"welcomed Kishida's invitation to visit Japan": the act invited to, done by the welcomer, is the
    event; the inviter is no guest received."""
    obj = _direct_object(verb)
    if obj is None or obj.lemma_.lower() not in lex.grammar["behest_nouns"]:
        return None
    return next((c for c in obj.children if c.dep_ == "acl" and c.pos_ == "VERB" and lex.verbs.get(c.lemma_.lower())
                 and infinitive(c)), None)


def _unnamed_guest(verb, lex: Lexicon) -> bool:
    """A hosting verb whose object names no one ("host a training mission") codes no meeting."""
    entry = lex.verbs.get(verb.lemma_.lower())
    if entry is None or not (entry.host or entry.requires_object_entity):
        return False
    obj = _direct_object(verb)
    return obj is None or not any(t.pos_ == "PROPN" for t in obj.subtree)


def objects_of(verb, preps: tuple[str, ...] | None = None) -> list:
    """Direct objects and objects of its prepositions ("engage in discussions"), or of only `preps`."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    return out + [g for c in verb.children if c.dep_ == "prep" and (preps is None or c.lower_ in preps)
                  for g in c.children if g.dep_ == "pobj"]
