"""The event coder (codebook section 5): `extract_events(parsed)` gives one row per event and
actor-recipient pair.

Modules, in the order a document goes through them:
  lexicon    the trigger lexicon (event_triggers.yaml) and its grammar word lists
  coder      the per-document loop: sentences -> trigger candidates -> rows, then the final pass
  triggers   which tokens are triggers, and which readings yield to an inner trigger
  status     occurred / planned / desire / none, from the grammar of the clause
  arguments  actors and recipients of a verb, noun or phrase reading
  parties    parse tokens -> coded parties through the entities layer (ArgReader, Party)
  rows       rows of one reading: the entry's conditions, refinements and document memory
  when       which date phrase dates an event; dates turns the phrase into a date
  output     the output row: pairs, span, place, confidence
  lists      commitments itemised under a lead-in ("The United States and Japan will: - ...")
  headlines  title-case headlines the parser misreads
"""
from pipeline.extract.events.coder import extract_events
from pipeline.extract.events.lexicon import load_lexicon

__all__ = ["extract_events", "load_lexicon"]
