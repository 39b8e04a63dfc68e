"""Reading the lexicon and gazetteer YAML files in `pipeline/data/`.

YAML 1.1, which PyYAML follows, reads the bare words on, off, yes, no, y and n as booleans, so a
preposition list such as `[for, on, upon]` would silently hold `True`. These files are word lists:
only `true` and `false` are booleans here (the YAML 1.2 rule). A key written twice in one mapping is
an error, not a silent overwrite.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml


class WordListLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's when present: several times faster) with YAML 1.2 booleans."""


WordListLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
WordListLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                     list("tTfF"))


def _unique_keys(loader, node, deep=False):
    """A mapping whose keys are each written once: YAML keeps the last of two equal keys without a
    word, so a second `judging_verbs:` would silently replace the first."""
    keys = Counter(loader.construct_object(key, deep=deep) for key, _ in node.value)
    twice = sorted(str(key) for key, n in keys.items() if n > 1)
    if twice:
        raise yaml.constructor.ConstructorError(None, None, f"keys written twice: {', '.join(twice)}", node.start_mark)
    return loader.construct_mapping(node, deep=deep)


WordListLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_keys)


def load_yaml(source: str | Path):
    """The parsed YAML of a path or a string."""
    text = Path(source).read_text(encoding="utf-8") if isinstance(source, Path) else source
    return yaml.load(text, Loader=WordListLoader)
