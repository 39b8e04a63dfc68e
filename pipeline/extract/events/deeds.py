"""A deed named by the noun of a trigger verb, with its doer and what it is done to: "Russia's
bombardment of Kharkiv", "the assassination of the general by the United States", "China's rebuke
of Japan".

The verb dictionaries (CAMEO's and the project's) read the verb; the noun made from it, by a suffix
("bombardment", "assassination") or unchanged ("rebuke"), names the same act where the phrase itself
says who did it, by name, and to what. Without both the noun is left to the learned model: far
more such nouns name things ("forces", "orders") or refer back to an act ("the bombardment") than
report one.
"""
from __future__ import annotations

from pipeline.extract.event_model import nominal_readings
from pipeline.extract.events.lexicon import Entry, Lexicon
from pipeline.extract.events.noun_args import stray_agent
from pipeline.extract.events.syntax import named_doer, prep_objects

# what a deed is done to: "the bombardment of Kharkiv", "a raid on the camp", "a campaign against X"
PATIENT_PREPS = ("of", "on", "against")
# meetings, deals and stances have their own nouns in the lexicon; the noun of "meet" or "agree"
# made here would be "a meeting" or "an agreement" already read, or a thing ("Japan's agreement of 1956")
LEFT_TO_THE_LEXICON = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE")


def named_deed(tok, lex: Lexicon) -> Entry | None:
    """The reading of `tok` as a deed named with its doer and patient, or None."""
    word = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or word in lex.nouns or not prep_objects(tok, PATIENT_PREPS) or not _doer_named(tok, lex):
        return None
    readings = nominal_readings(word, lex)
    reading = next((r for source, r in readings if source == "nominal"), None) \
        or next((r for _, r in readings), None)
    if reading is None or reading.type in LEFT_TO_THE_LEXICON:
        return None
    return Entry(type=reading.type, mode=reading.mode or "", needs_actor_modifier=True, confidence=0.6)


def _doer_named(tok, lex: Lexicon) -> bool:
    """"Russia's bombardment", "the bombardment by Russia", and "the assassination of a general by
    Peru", where the parser hangs the "by" phrase on the patient."""
    stray = stray_agent(tok, lex)
    return named_doer(tok) or stray is not None and any(o.pos_ == "PROPN" for o in prep_objects(stray.head, ("by",)))
