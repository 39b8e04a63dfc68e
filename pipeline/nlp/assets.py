"""NLP stage: one spaCy parse per document, cached on disk by content and pipeline version."""

import dagster as dg
import polars as pl

from pipeline.config import parse_processes
from pipeline.nlp.parse import cache_key, load_model, model_version, parse_into_cache
from pipeline.progress import EVERY, Meter, progress
from pipeline.resources import BuildSettings


@dg.asset(group_name="nlp", kinds={"spacy", "polars"}, automation_condition=dg.AutomationCondition.eager())
def parsed_documents(context: dg.AssetExecutionContext, settings: BuildSettings, documents: pl.DataFrame) -> dg.Output:
    """Each document parsed once (sentences, tokens, entities, dependencies); later stages read the
    cached parse and never parse again. Unchanged documents are not re-parsed on rebuild."""
    nlp = load_model()
    todo = [(doc_id, text, n, cache_key(text, nlp))
            for doc_id, text, n in documents.select("doc_id", "text", "n_words").iter_rows()]
    fresh = [(text, n) for _, text, n, key in todo if not (settings.parse_cache / f"{key}.spacy").exists()]
    fresh = list({text: (text, n) for text, n in fresh}.values())  # equal texts parse once
    words = sum(n for _, n in fresh)
    meter = Meter(len(fresh), words)
    problems: list[str] = []
    stored = parse_into_cache([t for t, _ in fresh], nlp, settings.parse_cache, parse_processes(), words, problems)
    for done, i in enumerate(stored, start=1):
        meter.add(fresh[i][1])
        # Lines count parses: cache hits take no time, and every line is an event-log write.
        if done % EVERY == 0:
            progress(context, "parse", meter.line(done))
    parsed = len(fresh)
    if problems:
        progress(context, "parse", f"warning: parse cache not writable ({problems[0]}); continuing without it "
                                   "(the extract stage parses again)")
    rows = [{"doc_id": doc_id, "parse_key": key} for doc_id, _, _, key in todo]
    frame = pl.DataFrame(rows, schema={"doc_id": pl.String, "parse_key": pl.String})
    progress(context, "parse", f"{parsed} documents parsed, {frame.height - parsed} from cache")
    return dg.Output(frame, metadata={"parsed": parsed, "from_cache": frame.height - parsed,
                                      "model": model_version(nlp)})
