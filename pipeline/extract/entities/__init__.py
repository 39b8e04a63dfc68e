"""Entities and mentions: who and what a document talks about, with offsets.

Parts, in the order a document passes through them:
- dictionary.py: typed, schema-checked entries of the actor dictionaries;
- gazetteer.py: the lexicon built from them and the entities it makes;
- phoenix.py: the Phoenix actor dictionary (PETRARCH-2), a fallback after the gazetteer;
- mentions.py: candidate spans (lexicon, NER) and the choice among them;
- roles.py: titles around names, and bare titles ("the Prime Minister of Japan", "his Japanese
  counterpart", "the head of X") pointing at the holder the text names or the one in office on the
  document's date, else the state or body;
- aliases.py: name variants of one person merged within a document (initials, nicknames, suffixes);
- resolve.py: one document's entities and mentions, and the table rows.
"""
from pipeline.extract.entities.dictionary import Actor, Entity, Mention, Term
from pipeline.extract.entities.gazetteer import (
    Lexicon, actor_entity, body_entity, lexicon, name_key, plain_entity, region_entity, state_entity,
)
from pipeline.extract.entities.resolve import (
    DocEntities, entity_rows, mention_rows, resolve_entities, resolve_text,
)

__all__ = [
    "Actor", "DocEntities", "Entity", "Lexicon", "Mention", "Term", "actor_entity", "body_entity", "entity_rows",
    "lexicon", "mention_rows", "name_key", "plain_entity", "region_entity", "resolve_entities", "resolve_text",
    "state_entity",
]
