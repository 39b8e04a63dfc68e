"""What a crowd does in protest is its protest: "farmers blocked motorways in protest at the plans",
"traders shut their shops in a nationwide strike". The adjunct names the event, whatever the verb;
a state or its organs acting "in protest" ("Japan recalled its envoy in protest") do their own act."""
from __future__ import annotations

from pipeline.extract.events.agents import acts_for_state, agent_of
from pipeline.extract.events.syntax import crowd_subject, prep_objects


def no_state_organ(subj, g: dict) -> bool:
    """People, not the state: no state's or body's name, no organ acting for a state ("police",
    "lawmakers"), and no noun the lexicon reads as acting for its state ("officials") unless the
    agent dictionary names it as people ("people", "teachers")."""
    if subj.ent_type_ in ("GPE", "ORG") or acts_for_state(subj):
        return False
    return agent_of(subj) is not None or subj.lemma_.lower() not in g["acting_nouns"]


def labour_strike(noun, g: dict) -> bool:
    """"a nationwide strike", "a 48-hour strike": a strike its words name as labour's, not an air strike."""
    return noun.lemma_.lower() == "strike" and any(c.lemma_.lower() in g["labour_strike_words"] for c in noun.children)


def in_protest(verb, g: dict) -> bool:
    """A plural subject that is no state organ, acting "in protest", "to protest" or "in a (general,
    nationwide, hunger ...) strike"; a strike with no such word may be an air strike ("killed in a
    strike")."""
    subj = crowd_subject(verb)
    if subj is None or not no_state_organ(subj, g):
        return False
    if any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in g["protest_words"] and
           any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children):
        return True  # "drove tractors into the capital to protest against the tariffs": the purpose names it
    return any(obj.lemma_.lower() in g["protest_words"] or labour_strike(obj, g) for obj in prep_objects(verb, ("in",)))
