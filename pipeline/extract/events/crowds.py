"""What a crowd does in protest is its protest: "farmers blocked motorways in protest at the plans",
"traders shut their shops in a nationwide strike". The adjunct names the event, whatever the verb;
a state or its organs acting "in protest" ("Japan recalled its envoy in protest") do their own act."""
from __future__ import annotations

from pipeline.extract.events.agents import agent_of
from pipeline.extract.events.syntax import crowd_subject, prep_objects


def in_protest(verb, g: dict) -> bool:
    """A plural subject that is no state organ, acting "in protest" or "in a (general, nationwide,
    hunger ...) strike"; a strike with no such word may be an air strike ("killed in a strike")."""
    subj = crowd_subject(verb)
    if subj is None or subj.ent_type_ in ("GPE", "ORG") or ((agent := agent_of(subj)) is not None and agent.acts_for_state):
        return False
    for obj in prep_objects(verb, ("in",)):
        word = obj.lemma_.lower()
        if word in g["protest_words"]:
            return True
        if word == "strike" and any(c.lemma_.lower() in g["labour_strike_words"] for c in obj.children):
            return True
    return False
