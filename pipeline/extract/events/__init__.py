"""The event coder (codebook section 5): `extract_events(parsed)` gives one row per event and
actor-recipient pair.

Modules, in the order a document goes through them:
  context    DocContext: what the coder reads of a document, fixed once per document
  lexicon    the trigger lexicon (event_triggers.yaml) as frozen Entry records, and its grammar word lists
  coder      the per-document loop: sentences -> trigger candidates -> rows, then the final pass
  triggers   which tokens are triggers (Candidate), and which readings yield to an inner trigger
  labels     a thing named by a hostile word ("called the drills a provocation"): a criticism of its doer
  deeds      the noun of a trigger verb read as its deed where the phrase names doer and patient
             ("Russia's bombardment of Kharkiv")
  rows       rows of one reading: a Reading goes through STEPS (arguments, joint/reciprocal, desire,
             recipients, fit, threat, type and mode, date, place, pairs)
  status     occurred / planned / desire / none, from the grammar of the clause
  arguments  actors and recipients of a verb, noun or phrase reading
  subjects   who does what a verb says: its clause's subject, or the one a passive, an expletive or
             a clause above puts there
  stances    stances held on "be" or "remain" (the lexicon's adjectives): who holds one, towards whom
  modifiers  noun modifiers that name a party ("Chinese-made", "Saudi-led") or only seem to
  parties    parse tokens -> coded parties through the entities layer (ArgReader, Party)
  view       the entities layer's look-ups as the coder reads them (EntityView), with a NER stand-in
  agents     agent nouns (Phoenix): police act for their state, protesters and rebels stay uncoded
  voices     who speaks: a transcript turn's label, whom "you" addresses, a quotation's speaker
  groups     groups the parse leaves to the text: "the two leaders", a list of names it broke, "our three
             countries", and the states a joint text's "we" stands for ("We, the leaders of A, B and C")
  memory     what the document has coded so far: the pair the text is about, nouns that refer back
  antecedents  whose thing a definite noun names again ("criticised the new command"): its first mention's owner
  when       which date phrase dates an event; dates turns the phrase into a date
  narrative  dates the text around a sentence lends it: a readout's meeting, a statement made today
  output     the output row: pairs, span, place, confidence
  lists      commitments itemised under a lead-in ("The United States and Japan will: - ..."), and
             the parties of "the following leaders:" lines
  targets    the final pass's attack targets: an attack with none named takes its doer's one target
  headlines  title-case headlines the parser misreads
  learned    the event model's readings of sentences the rules left empty (or where they coded only
             a meeting named as the occasion of the clause's act)
  syntax     small readings of the parse tree that several steps share
"""
from pipeline.extract.events.coder import extract_events
from pipeline.extract.events.lexicon import load_lexicon

__all__ = ["extract_events", "load_lexicon"]
