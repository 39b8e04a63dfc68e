"""The event coder (codebook section 5): `extract_events(parsed)` gives one row per event and
actor-recipient pair.

Modules, in the order a document goes through them:
  context    DocContext: what the coder reads of a document, fixed once per document
  lexicon    the trigger lexicon (event_triggers.yaml) as frozen Entry records, and its grammar word lists
  coder      the per-document loop: sentences -> trigger candidates -> rows, then the final pass
  triggers   which tokens are triggers (Candidate), and which readings yield to an inner trigger
  rows       rows of one reading: a Reading goes through STEPS (arguments, joint/reciprocal, desire,
             recipients, fit, threat, type and mode, date, place, pairs)
  status     occurred / planned / desire / none, from the grammar of the clause
  arguments  actors and recipients of a verb, noun or phrase reading
  parties    parse tokens -> coded parties through the entities layer (ArgReader, Party)
  view       the entities layer's look-ups as the coder reads them (EntityView), with a NER stand-in
  agents     agent nouns (Phoenix): police act for their state, protesters and rebels stay uncoded
  voices     who speaks: a transcript turn's label, whom "you" addresses, a quotation's speaker
  groups     groups the parse leaves to the text: "the two leaders", a list of names it broke, "our three countries"
  memory     what the document has coded so far: the pair the text is about, nouns that refer back
  when       which date phrase dates an event; dates turns the phrase into a date
  output     the output row: pairs, span, place, confidence
  lists      commitments itemised under a lead-in ("The United States and Japan will: - ...")
  headlines  title-case headlines the parser misreads
"""
from pipeline.extract.events.coder import extract_events
from pipeline.extract.events.lexicon import load_lexicon

__all__ = ["extract_events", "load_lexicon"]
