"""The type and mode a reading ends with, once its parties are known: a promised act's own type ("will
strengthen ties" is a promise), a launch aimed at a party (an attack), an exercise held with a partner
(cooperation), forces sent to one's own border (a deployment), money promised to a party (aid), and
forces sent to help (aid). Used by `rows` as one step of a reading."""
from __future__ import annotations

from pipeline.extract.events.agents import acts_for_state
from pipeline.extract.events.arguments import helped, helping_clauses
from pipeline.extract.events.lexicon import Entry, Lexicon
from pipeline.extract.events.parties import Party
from pipeline.extract.events.status import PROMISING_VERBS, announced, imperative
from pipeline.extract.events.syntax import dobj_words, moves_forces, sole_subject, to_border

# prepositions that name where forces aim, not who drills with them: "drills around Taiwan"
TARGET_PREPS = frozenset({"around", "near", "against", "off", "toward", "towards", "at"})
# a missile fired "at", "on" or "into" a party is an attack on it; one "over" or "towards" it is not
AIMING_PREPS = frozenset({"at", "on", "upon", "against", "into"})


def final_type(entry: Entry, tok, kind: str, status: str, actors: list[Party], recips: list[Party],
               lex: Lexicon) -> tuple[str, str, str]:
    """The reading's type, mode and status."""
    etype, mode = entry.type, entry.mode
    if entry.planned_type and (status == "planned" or imperative(tok)):
        etype, mode, status = entry.planned_type[0], entry.planned_type[1], "occurred"
    elif imperative(tok):
        status = "planned"
    if entry.assault_if_target and any(p.code and _targeted(p, tok, AIMING_PREPS) for p in recips):
        etype, mode = "ASSAULT", "attack"
    mode = refine_mode(tok, etype, mode, lex)
    g = lex.grammar
    # a partner is a party named as one: an uncoded single name ("code-named Joint Sword") is not
    partners = [p for p in _partners(actors, recips) if not _targeted(p, tok) and (p.code or p.group)]
    sides = {a.code or a.name for a in actors}  # "the Eastern Theatre Command" and "China" are one side
    if etype == "MOBILIZE" and (mode == "joint_exercise" or (mode == "exercise" and (partners or len(sides) > 1))):
        etype, mode = "COOPERATE", "joint_exercise"  # codebook: exercises with a partner are cooperation
    elif etype == "MOBILIZE" and helping_clauses(tok, g["relief_purposes"]):
        etype, mode = "AID", "military" if partners else "humanitarian"  # "deployed soldiers to help evacuate"
    elif etype == "AID" and recips and (not partners or to_border(tok)) and moves_forces(tok, g):
        etype, mode = "MOBILIZE", "deployment"  # "sent tanks to its border": forces moved on its own ground
    elif etype == "AGREE" and _money_promised_to(tok, recips, g):
        etype, mode = "AID", refine_mode(tok, "AID", "financial", lex)  # "pledged $12 billion to Ukraine"
    elif etype == "RETREAT" and mode == "withdrawal" and recips and all(p.etype == "igo" for p in recips) \
            and not dobj_words(tok) & g["force_nouns"]:
        etype, mode = "SANCTION", "withdraw"  # a state leaving a body cuts its ties (as withdrawing from a treaty)
    elif etype == "PROTEST" and mode == "obstruct" and _by_the_state(tok, actors):
        etype, mode = "COERCE", "restrict"  # "authorities blocked access to a news site" (PLOVER censor / restrict)
    if etype == "AID" and announced(tok, kind):
        status = "planned"
    return etype, mode, status


def _by_the_state(tok, actors: list[Party]) -> bool:
    """A state, or an organ that acts for one ("Kyrgyz authorities", "police"), as the subject: what it
    blocks it restricts, where crowds blocking roads protest."""
    subj = sole_subject(tok)
    if subj is None:
        return False
    # a state's name, singular, not its people's ("Israelis blocked the highway" protest)
    return acts_for_state(subj) or \
        (subj.tag_ == "NNP" and any(a.code and a.etype in ("state", "igo") for a in actors))


def refine_mode(tok, etype: str, mode: str, lex: Lexicon) -> str:
    g = lex.grammar
    # words of a name ("the drills, code-named Joint Sword") say nothing of the event's kind
    words = {c.lemma_.lower() for c in tok.subtree if c.i <= tok.i + 8 and c.pos_ != "PROPN"} if tok.pos_ != "VERB" else \
        {c.lemma_.lower() for c in tok.children} | dobj_words(tok)
    if etype == "AID":
        for word, aid_mode in g["aid_modes"].items():
            if word in words:
                return aid_mode
        if words & g["refugee_words"]:
            return "asylum"
    if etype == "MOBILIZE" and words & g["joint_words"]:
        return "joint_exercise"
    return mode


def _money_promised_to(verb, recips: list[Party], g: dict) -> bool:
    """A promising verb whose object is aid to a coded party, or money on the verb's own "to" phrase."""
    words = dobj_words(verb)
    if verb.lemma_.lower() not in PROMISING_VERBS or not words & g["money_words"]:
        return False
    if words & g["aid_words"]:
        return any(p.code for p in recips)  # "with Tokyo promising $4.5 billion in aid", after its deal with Kyiv
    # money on the verb's own "to" phrase, or for a purpose that helps the party ("to help Sudan")
    named = {t.i for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for t in c.subtree} \
        | {t.i for t in helped(verb, g["helping_verbs"])}
    return any(p.code and p.token_i in named for p in recips)


def _partners(actors: list[Party], recips: list[Party]) -> list[Party]:
    """The recipients that are not the actors' own side ("Egypt's army held exercises near its border")."""
    own = {a.code for a in actors if a.code}
    return [p for p in recips if not p.code or p.code not in own]


def _targeted(party: Party, trigger, preps: frozenset = TARGET_PREPS) -> bool:
    """The party is named under a targeting preposition between it and the trigger."""
    if party.token_i is None or not hasattr(trigger, "doc"):
        return False
    cur = trigger.doc[party.token_i]
    for _ in range(8):
        if cur.i == trigger.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in preps:
            return True
        cur = cur.head
    return False
