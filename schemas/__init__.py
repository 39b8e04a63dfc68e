"""One pandera DataFrameModel per published table. These definitions feed validation, the DuckDB
data dictionary (COMMENT ON), datapackage.json and docs/DATA_DICTIONARY.md."""
from __future__ import annotations

from schemas.documents import Documents
from schemas.entities import Entities, Mentions
from schemas.events import Events
from schemas.figures import Figures
from schemas.furniture import Furniture
from schemas.quotes import Quotes
from schemas.sentences import Sentences
from schemas.source_issues import SourceIssues

# Published tables, in the order a reader meets them.
TABLES = {
    "documents": Documents,
    "source_issues": SourceIssues,
    "furniture": Furniture,
    "sentences": Sentences,
    "entities": Entities,
    "mentions": Mentions,
    "quotes": Quotes,
    "figures": Figures,
    "events": Events,
}
