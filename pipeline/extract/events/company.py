"""Verbs whose parties are people meeting people: "was joined by" leaders, a counterpart phoned;
and what counts as a person or an office for them."""
from __future__ import annotations

from pipeline.extract.entities.gazetteer import lexicon as entity_lexicon
from pipeline.extract.events.agents import agent_of
from pipeline.extract.events.syntax import prep_objects


def joined_by_people(verb) -> bool:
    """A passive "was joined by" with people on both sides: the people who joined met the subject."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    joiners = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return bool(subjects and joiners) and person_or_office(subjects[0]) and person_or_office(joiners[0])


def phoned(verb, g: dict) -> bool:
    """"Blinken called his Chinese counterpart", "Macron rang Zelensky": a verb of calling whose object
    is a person or an office is a phone call; "called X a liar" (a predicate) and "called off" are not.
    "Called on / for" are the lexicon's readings, tried before this one (triggers._readings)."""
    if verb.lemma_.lower() not in g["phoning_verbs"]:
        return False
    if any(c.dep_ in ("oprd", "ccomp", "prt") for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and (person_or_office(c) or c.lemma_.lower() in g["relational_people"])
               for c in verb.children)


def person_or_office(tok) -> bool:
    """A person, or a title the actor dictionaries know ("the President", "leaders from A")."""
    return a_person(tok) or entity_lexicon().is_role(tok.lemma_)


def a_person(obj) -> bool:
    """A named person, people a Phoenix agent noun names ("journalists", "activists"; not a body such
    as "the settlement") or someone's kin or aide ("the son of President Bazoum")."""
    agent = agent_of(obj)
    return obj.ent_type_ == "PERSON" or (agent is not None and (obj.tag_ == "NNS" or agent.names_a_person)) \
        or any(o.ent_type_ == "PERSON" for o in prep_objects(obj, ("of",)))
