"""NLP stage: one spaCy parse per document, cached on disk by content and pipeline version."""

import dagster as dg
import polars as pl

from pipeline.nlp.parse import cache_key, load_model, model_version, parse_text
from pipeline.progress import EVERY, Meter, progress
from pipeline.resources import BuildSettings


@dg.asset(group_name="nlp", kinds={"spacy", "polars"}, automation_condition=dg.AutomationCondition.eager())
def parsed_documents(context: dg.AssetExecutionContext, settings: BuildSettings, documents: pl.DataFrame) -> dg.Output:
    """Each document parsed once (sentences, tokens, entities, dependencies); later stages read the
    cached parse and never parse again. Unchanged documents are not re-parsed on rebuild."""
    nlp = load_model()
    rows, parsed = [], 0
    todo = [(doc_id, text, n, cache_key(text, nlp))
            for doc_id, text, n in documents.select("doc_id", "text", "n_words").iter_rows()]
    todo_words = sum(n for _, _, n, key in todo if not (settings.parse_cache / f"{key}.spacy").exists())
    meter = Meter(documents.height, todo_words)
    for done, (doc_id, text, n_words, key) in enumerate(todo, start=1):
        if not (settings.parse_cache / f"{key}.spacy").exists():
            parse_text(text, nlp, settings.parse_cache)
            parsed += 1
            meter.add(n_words)
            # Lines count parses: cache hits take no time, and every line is an event-log write.
            if parsed % EVERY == 0:
                progress(context, "parse", meter.line(done))
        rows.append({"doc_id": doc_id, "parse_key": key})
    frame = pl.DataFrame(rows, schema={"doc_id": pl.String, "parse_key": pl.String})
    progress(context, "parse", f"{parsed} documents parsed, {frame.height - parsed} from cache")
    return dg.Output(frame, metadata={"parsed": parsed, "from_cache": frame.height - parsed,
                                      "model": model_version(nlp)})
