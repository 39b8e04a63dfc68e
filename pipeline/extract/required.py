"""The modifier a lexicon entry requires of its word ("military exercise", "boosted its military
presence"), read the same way by the event rules and by the learned model's dictionary votes. It
sits outside `pipeline.extract.events` because the model's module cannot import that package (the
coder imports the model)."""
from __future__ import annotations


def modifiers(noun) -> set[str]:
    """The words modifying a noun before it, as lemma and as written: a participle modifier keeps
    its own form ("combined", lemma "combine")."""
    return {w for c in noun.children if c.dep_ in ("amod", "compound", "nmod") for w in (c.lemma_.lower(), c.lower_)}


def of_objects(noun, depth: int = 2) -> set[str]:
    """Lemmas of the noun's "of" objects and of theirs: "the launch of a missile" -> missile, "a
    shipment of 20,000 tonnes of wheat" -> tonne, wheat (a quantity's "of" names what is counted)."""
    found = set()
    for o in (o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"):
        found |= {o.lemma_.lower()} | (of_objects(o, depth - 1) if depth > 1 else set())
    return found


def object_modified(obj, entry) -> bool:
    """A verb + object phrase's object carries the modifier the entry requires, if it requires one:
    "boosted its military presence", not "the company boosted its presence"."""
    return not entry.requires_modifier or bool(modifiers(obj) & set(entry.requires_modifier))


def noun_modified(noun, entry) -> bool:
    """An event noun carries the modifier its entry requires, if it requires one, before it or in
    its "of" phrase: "a military buildup", "the launch of a missile", not "a buildup of debt"."""
    return not entry.requires_modifier or bool((modifiers(noun) | of_objects(noun)) & set(entry.requires_modifier))
