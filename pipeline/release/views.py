"""Convenience views in the release's DuckDB file: the joins most readers write first.

Views name only tables inside the same database (no file paths, no SET), so the .duckdb file
works wherever it is copied. Every view and every view column carries a COMMENT."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.release.database import _literal
from pipeline.release.publish import DB_NAME
from schemas import TABLES
from schemas._base import columns

SOURCE_COLUMNS = [
    ("d.title", "source_title", "Title of the source document (documents.title)."),
    ("d.publisher", "source_publisher", "Publisher of the source document (documents.publisher)."),
    ("d.published_date", "source_published_date", "Publication date of the source document (documents.published_date)."),
    ("d.url", "source_url", "Original address of the source document (documents.url)."),
]


@dataclass(frozen=True)
class View:
    name: str
    comment: str
    base: str    # the table whose columns all pass through, aliased `b`
    joins: str
    extra: list  # (expression, column name, description)

    def select_sql(self) -> str:
        extras = "".join(f",\n  {expr} AS {name}" for expr, name, _ in self.extra)
        return f"SELECT b.*{extras}\nFROM {self.base} b\n{self.joins}"

    def column_comments(self) -> dict[str, str]:
        out = {name: desc for name, _, desc, _ in columns(TABLES[self.base])}
        out.update({name: desc for _, name, desc in self.extra})
        return out


DOC_JOIN = "LEFT JOIN documents d ON d.doc_id = b.doc_id"

VIEWS = [
    View("events_named",
         "Events with the names and types of the actor and recipient entities and the source document's "
         "title, publisher, date and address.",
         "events",
         "LEFT JOIN entities a ON a.entity_id = b.actor_entity_id\n"
         f"LEFT JOIN entities r ON r.entity_id = b.recipient_entity_id\n{DOC_JOIN}",
         [("a.name", "actor_name", "Canonical name of the actor entity (entities.name); null when unresolved."),
          ("a.entity_type", "actor_type", "Entity type of the actor (entities.entity_type)."),
          ("r.name", "recipient_name", "Canonical name of the recipient entity (entities.name); null when unresolved."),
          ("r.entity_type", "recipient_type", "Entity type of the recipient (entities.entity_type)."),
          *SOURCE_COLUMNS]),
    View("quotes_with_speaker",
         "Quotes with the speaker entity's name, type, role and country, and the source document's "
         "title, publisher, date and address.",
         "quotes",
         f"LEFT JOIN entities s ON s.entity_id = b.speaker_entity_id\n{DOC_JOIN}",
         [("s.name", "speaker_name", "Canonical name of the speaker entity (entities.name); null when unresolved."),
          ("s.entity_type", "speaker_type", "Entity type of the speaker (entities.entity_type)."),
          ("s.role", "speaker_role", "Office or role of the speaker (entities.role)."),
          ("s.country_code", "speaker_country", "ISO3 code of the state the speaker acts for (entities.country_code)."),
          *SOURCE_COLUMNS]),
    View("figures_with_subject",
         "Figures with the subject entity's name, type, country and code, and the source document's "
         "title, publisher, date and address.",
         "figures",
         f"LEFT JOIN entities s ON s.entity_id = b.subject_entity_id\n{DOC_JOIN}",
         [("s.name", "subject_name", "Canonical name of whose figure it is (entities.name); null when unknown."),
          ("s.entity_type", "subject_type", "Entity type of the subject (entities.entity_type)."),
          ("s.country_code", "subject_country", "ISO3 code of the subject's state (entities.country_code)."),
          ("s.code", "subject_code", "Actor code of the subject (entities.code)."),
          *SOURCE_COLUMNS]),
]


def view_statements(view: View) -> list[str]:
    out = [f"CREATE OR REPLACE VIEW {view.name} AS\n{view.select_sql()}",
           f"COMMENT ON VIEW {view.name} IS {_literal(view.comment)}"]
    out += [f'COMMENT ON COLUMN {view.name}."{col}" IS {_literal(desc)}'
            for col, desc in view.column_comments().items()]
    return out


def create_views(database: Path) -> None:
    con = duckdb.connect(str(database))
    try:
        for view in VIEWS:
            for statement in view_statements(view):
                con.execute(statement)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def write_views(folder: Path, frames, previous, version) -> dict:
    """Release writer: adds the views to the release's database (already listed in the manifest)."""
    create_views(folder / DB_NAME)
    return {}
