"""Agent nouns (Phoenix `phoenix_agents.csv`, MIT): "police", "riot police", "protesters", "rebels",
"opposition supporters"; and the project's own few in `agents_added.csv`, each with its reason. A noun
phrase headed by one names a political actor when no entity does.

An agent that acts for a state (police, troops, a ministry) codes as the state named on it ("Kenyan
police") or, failing that, the state where it acts ("police in Nairobi"). Other agents (protesters,
rebels, unions, gunmen) are parties with no code, the codebook's "anything else" (section 6); they
take part only in the event types where such actors act (`agent_types` in the trigger grammar)."""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from pipeline.extract.entities.dictionary import DATA_DIR, Agent, read_added_agents, read_phoenix_agents


@functools.lru_cache(maxsize=1)
def agent_index() -> dict[str, Agent]:
    """Agents by noun phrase in American spelling; the dictionary writes both ("labor union",
    "labour ministry"), and a text may write either ("labour unions", "defence ministry")."""
    index: dict[str, Agent] = {}
    phoenix = read_phoenix_agents(DATA_DIR / "phoenix_agents.csv")
    for agent in phoenix + read_added_agents(DATA_DIR / "agents_added.csv", phoenix):
        index.setdefault(american(agent.noun), agent)
    return index


@functools.lru_cache(maxsize=4096)  # looked up for every noun phrase the coder reads
def american(phrase: str) -> str:
    """"labour unions" -> "labor unions", "defence" -> "defense", "organisation" -> "organization";
    short words keep their "our" ("four", "tour", "your")."""
    phrase = re.sub(r"\b(\w{3,})our(er|ers|s)?\b", r"\1or\2", phrase)
    phrase = re.sub(r"\b(def|off)ence\b", r"\1ense", phrase)
    return re.sub(r"isation(s?)\b", r"ization\1", phrase)


def counted_head(tok, quantity_nouns):
    """The noun a quantity phrase counts ("tens of thousands of protesters" -> protesters, "a barrage
    of rockets" -> rockets), else `tok` (None stays None)."""
    for _ in range(3):
        # "thousands of protesters", and a number's partitive: "four of its fleets"
        if tok is None or (tok.lemma_.lower() not in quantity_nouns and tok.pos_ != "NUM"):
            return tok
        nxt = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"), None)
        if nxt is None:
            return tok
        tok = nxt
    return tok


SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})  # "$5 million in aid"


def counting_noun(tok, quantity_nouns):
    """The quantity noun that counts `tok` ("held two days of talks" -> days), else `tok`: the
    reverse of counted_head, for a verb that governs the count rather than the thing counted."""
    for _ in range(2):
        of = tok.head
        if tok.dep_ != "pobj" or of.head.lemma_.lower() not in quantity_nouns \
                or not (of.lower_ == "of" or (of.lower_ == "in" and of.head.lemma_.lower() in SCALE_WORDS)):
            return tok
        tok = of.head
    return tok


def _nominal(tok) -> bool:
    """A noun, or a plural the tagger took for a verb in a noun's slot ("by the ELN guerrillas" tagged VBZ)."""
    return tok.pos_ in ("NOUN", "PROPN") or tok.tag_ == "VBZ" and tok.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj")


def agent_of(tok) -> Agent | None:
    """The agent a noun names, longest phrase first: "riot police", then "police"."""
    if not _nominal(tok) or tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP"):
        return None
    index = agent_index()
    mods: list = []
    for left in reversed(list(tok.lefts)):
        if left.dep_ not in ("compound", "amod") or left.i != (mods[0].i if mods else tok.i) - 1:
            break
        mods.insert(0, left)
    head = tok.lemma_.lower()
    for k in range(len(mods) + 1):
        phrase = american(" ".join([m.lower_ for m in mods[k:]] + [head]))
        if phrase in index:
            return index[phrase]
    if (joined := _joined_index().get(american(head))) is not None:
        return joined  # "coastguard" for "coast guard"
    for body in (m for m in mods if m.dep_ == "compound"):
        # "coast guard officers", "navy sailors": the people of a body that acts for a state act for it
        words = [t.lower_ for t in body.subtree if t.dep_ == "compound" or t.i == body.i]
        found = index.get(" ".join(words)) or _joined_index().get("".join(words))  # "coastguard"
        if found is not None and found.acts_for_state:
            return found
    return None


@functools.lru_cache(maxsize=1)
def _joined_index() -> dict[str, Agent]:
    """Agents by their words run together: "coastguard" for "coast guard"."""
    return {name.replace(" ", ""): agent for name, agent in agent_index().items()}


def names_a_force(tok, force_names) -> bool:
    """A proper name whose head noun names a state's force: "Amphibious Rapid Deployment Brigade",
    "Pacific Fleet" (the grammar's `force_names`, or a Phoenix agent acting for a state)."""
    if tok.pos_ != "PROPN":
        return False
    word = tok.lemma_.lower()
    agent = agent_index().get(american(word))
    return word in force_names or (agent is not None and agent.acts_for_state and not agent.names_a_person)


def acts_for_state(tok) -> bool:
    """"Kenyan police", "Israeli troops": an agent noun acting for the state named on it."""
    agent = agent_of(tok)
    return agent is not None and agent.acts_for_state


def acts_for(tok, ent, g: dict) -> bool:
    """A noun that acts for the party named on it: "Kenyan police" for Kenya, and for an
    intergovernmental body its experts, monitors and peacekeepers ("UN experts", "AU peacekeepers")."""
    if acts_for_state(tok):
        return True
    return getattr(ent, "entity_type", None) == "igo" and tok.lemma_.lower() in g["body_agents"]


def admitted(parties: list, etype: str, agent_types) -> list:
    """The parties that may take part in an event of `etype`: an agent with no code only where such
    actors act ("protesters marched", "gunmen killed villagers"), not in a promise of aid to farmers."""
    return [p for p in parties if p.agent is None or p.code or etype in agent_types]


def placed(parties: list, place_code: str | None) -> list:
    """"Police arrested dozens in Nairobi": an agent acting for a state, with none named on it, acts
    for the state where the event happens."""
    if not place_code:
        return parties
    return [replace(p, code=place_code) if p.for_state and not p.code else p for p in parties]


def political(actor, recipient, etype: str, grammar) -> bool:
    """A pair the dataset codes (codebook sections 5 and 6): a state or body on one side; or, in an
    event type where non-state actors act, an agent, a person, a group the text does not break
    down, or a people or movement with no state of its own ("Houthis seized a ship"); or, in the
    types of force and protest, a named organisation ("the Rapid Support Forces shelled ...", but
    not a company "withdrawing from a joint venture")."""
    if actor.code or (recipient is not None and recipient.code):
        return True
    if etype in grammar["agent_types"] and (actor.agent or actor.group or actor.etype in ("person", "group")):
        return True
    return etype in grammar["organization_types"] and actor.etype == "organization"
