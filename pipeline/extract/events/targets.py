"""An attack's target where the sentence does not name it as the object: the one defended against
it ("Ukraine defends itself from Russia's aggression"), the state it lands in ("struck buildings in
Kharkiv"), and, in the final pass, the doer's one target named elsewhere in the document.

"Russia launched its full-scale invasion in February 2022" names no target; an article that also
says "Russia's invasion of Ukraine" is about one war, and a reader (and the codebook's annotators)
takes its target from there. The target is taken only where the document names exactly one for
that doer; a doer attacking two parties leaves the sentence's row as it is."""
from __future__ import annotations

from collections import defaultdict

from pipeline.extract.events.output import event_location, place_or_its_region
from pipeline.extract.events.parties import Party
from pipeline.extract.events.subjects import subject_of
from pipeline.extract.events.syntax import prep_objects

FILLED_TYPES = ("ASSAULT",)


def fill_attack_targets(rows: list[dict]) -> list[dict]:
    """Rows with a coded doer and no coded target take the doer's one target named elsewhere in the
    document; a target named but not a party ("attacks against civilians") keeps its words."""
    targets = _targets_by_doer(rows)
    for row in rows:
        if not _open(row):
            continue
        named = targets.get((row["event_type"], row["actor_code"]), {})
        if len(named) == 1:
            code, (name, entity_id) = next(iter(named.items()))
            row["recipient_code"] = code
            if row["recipient"] is None:
                row["recipient"], row["recipient_entity_id"] = name, entity_id
    return rows


def _targets_by_doer(rows: list[dict]) -> dict[tuple, dict[str, tuple]]:
    out: dict[tuple, dict[str, tuple]] = defaultdict(dict)
    for row in rows:
        code, doer = row["recipient_code"], row["actor_code"]
        if row["event_type"] in FILLED_TYPES and doer and code and code != doer:
            out[(row["event_type"], doer)].setdefault(code, (row["recipient"], row["recipient_entity_id"]))
    return out


def _open(row: dict) -> bool:
    """A row of a filled type whose doer is coded and whose target is neither a party nor an entity."""
    return (row["event_type"] in FILLED_TYPES and bool(row["actor_code"]) and row["recipient_code"] is None
            and row["recipient_entity_id"] is None)


def defender(tok, kind: str, actors: list[Party], reader, g: dict) -> list[Party]:
    """"Ukraine defends itself from Russia's aggression", "to protect Taiwan against attacks": the one
    defended is the one attacked."""
    prep = tok.head
    verb = prep.head
    if kind != "noun" or tok.dep_ != "pobj" or prep.lower_ not in ("from", "against") \
            or verb.lemma_.lower() not in g["defending_verbs"]:
        return []
    own = {p.code for p in actors}
    # a pronoun defender ("help Ukraine as it defends itself") is left to no one: it may be either party
    named = [c for dep in ("dobj", "nsubj") for c in verb.children if c.dep_ == dep and c.pos_ != "PRON"]
    found = [p for c in named[:1] for p in reader.parties(c)]
    if not named and _reflexive(verb) and not _pronoun_subject(verb):  # "Ukraine continues to defend itself"
        found = subject_of(verb, reader)[0]
    return [p for p in found if p.code and p.code not in own]


def _reflexive(verb) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in ("itself", "themselves", "herself", "himself") for c in verb.children)


def _pronoun_subject(verb) -> bool:
    """The subject of the verb, or of the clause it is the infinitive of, is a pronoun ("as it
    continues to defend itself")."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return subject is not None and subject.pos_ == "PRON"
        verb = verb.head
    return False


def attacked_place(tok, actors: list[Party], reader) -> list[Party]:
    """"Russian missiles struck buildings in Kharkiv": the state an attack lands in is its target,
    unless the attacker is that state ("a drone strike by federal forces killed 30 in Amhara")."""
    name, code = event_location(tok, reader)
    if not code or any(p.code == code for p in actors):
        return []
    return [Party(name, None, code, "location", None)]


def aided_place(tok, actors: list[Party], reader) -> list[Party]:
    """"provided $5 million for flood relief in Pakistan": the state that what is given, or what it
    is for, is in receives it; the place of the giving ("at a conference in Geneva") does not."""
    own = {p.code for p in actors}
    given = [c for c in tok.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("for", "in"))]
    for t in (t for c in given for t in c.subtree):
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "across", "throughout"):
            name, code = reader.place(t)
            if code and code not in own:
                return [Party(name, None, code, "location", t.i)]
    return []


def place_left(tok, actors: list[Party], reader) -> list[Party]:
    """"The withdrawal of the Russian contingent from Karabakh", "withdrew its troops from Niger", "the
    troops left Niger": the state of the place a force leaves is the other side of the retreat, unless
    the force is its own."""
    own = {p.code for p in actors}
    # the "from" phrase may hang on the adverb of direction: "pulled back from two towns"
    away = [a for a in tok.children if a.dep_ == "advmod" and a.lower_ in ("back", "away", "out")]
    left = [o for holder in (tok, *prep_objects(tok, ("of",)), *away) for o in prep_objects(holder, ("from",))]
    # "pulled out of the International Criminal Court": "out" hangs the "of" phrase
    left += [o for out in tok.children if out.lower_ == "out" for o in prep_objects(out, ("of",))]
    for pobj in left:
        body = [p for p in reader.party(pobj) if p.etype == "igo" and p.code not in own]
        if body:
            return body[:1]  # a body left is left as a party ("withdrew from the WHO")
    held = left + [c for c in tok.children if c.dep_ == "dobj"]
    # "pulled back from several towns in northern Ethiopia's Tigray region": the country the places lie in
    inside = [p for o in held for p in prep_objects(o, ("in",))]
    for pobj in held + inside:
        name, code = place_or_its_region(pobj, reader)
        if code and code not in own:
            return [Party(name, None, code, "location", pobj.i)]
    return []
