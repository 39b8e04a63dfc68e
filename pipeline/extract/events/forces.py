"""Readings the lexicon's entries cannot hold, about armed forces: forces moved or seen near a
place (a show of force), forces leaving a place (a withdrawal), shots fired on a target, and
clashes in which forces are a side."""
from __future__ import annotations

from pipeline.extract.events.agents import agent_of, counted_head
from pipeline.extract.events.syntax import in_a_date


def forces_leaving(verb, g: dict) -> bool:
    """Troops or other forces, as the subject of a verb of leaving: "the last French troops left Niger"."""
    if verb.lemma_.lower() not in g["leaving_verbs"]:
        return False
    subjects = [counted_head(c, g["quantity_nouns"]) for c in verb.children if c.dep_ == "nsubj"]
    return any(s.lemma_.lower() in g["force_nouns"] or war_craft(s, g) for s in subjects)


def forces_moving(verb, g: dict) -> bool:
    """Military craft moving or seen: "Russian warships sailed through ...", "coast guard ships were
    spotted in ..."; a ship or plane is a force when a military word names it ("navy ships", "fighter jets")."""
    lemma = verb.lemma_.lower()
    if lemma in g["motion_verbs"]:
        movers = [c for c in verb.children if c.dep_ == "nsubj"]
    elif lemma in g["sighting_verbs"]:
        movers = [c for c in verb.children if c.dep_ == "nsubjpass"]
    else:
        return False
    return any(war_craft(m, g) for m in movers)


def war_craft(noun, g: dict) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in g["war_craft"]:
        return True
    markers = {w for c in noun.subtree if c.i < noun.i for w in (c.lemma_.lower(), c.lower_)}
    return lemma in g["craft_nouns"] and bool(markers & g["military_markers"])


def shots_at(verb, g: dict) -> bool:
    """"Israeli tanks fired on a UN position", "troops shot at protesters": a verb of shooting with no
    object, aimed by its preposition at a target (what is fired, "fired missiles at", is the lexicon's)."""
    if verb.lemma_.lower() not in g["shooting_verbs"] or any(c.dep_ == "dobj" for c in verb.children):
        return False
    aims = [c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in g["shot_preps"]]
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return bool(aims)  # "a UN position was fired on by Israeli tanks": the subject is the target
    # "fired at will" aims at nothing
    return any(o.dep_ == "pobj" and not in_a_date(o) and o.lower_ != "will"
               for c in aims for o in c.children)


def clash_kind(verb, g: dict) -> str | None:
    """"armed" for sides that clash of which one is armed forces, police or rebels and none a crowd
    ("Indian and Chinese troops clashed": fighting, CAMEO 190 CLASH; PLOVER ASSAULT codes every side
    of two-sided violence); "riot" for a crowd clashing with an armed side ("students clashed with
    police": PLOVER PROTEST riot, aimed at the authorities); None otherwise ("Tokyo and Seoul
    clashed over the plan" is a quarrel, CAMEO 110, which other readings decide)."""
    if verb.lemma_.lower() not in g["clash_verbs"]:
        return None
    sides = [c for c in verb.children if c.dep_ == "nsubj"]
    sides += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    sides = [counted_head(s, g["quantity_nouns"]) for s in sides + [c for s in sides for c in s.conjuncts]]
    armed = [s for s in sides if _armed(s, g)]
    crowd = any(s.tag_ == "NNS" and s.pos_ == "NOUN" for s in sides if s not in armed)
    return None if not armed else "riot" if crowd else "armed"


def _armed(noun, g: dict) -> bool:
    agent = agent_of(noun)
    return noun.lemma_.lower() in g["force_nouns"] or war_craft(noun, g) or (agent is not None and agent.role_code in g["armed_roles"])
