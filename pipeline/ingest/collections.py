"""`collection.yaml`: what a folder of sources is, said once for every file below it.

A collection names its publisher, licence, citation and archive, and may say what its file names
mean (a regex with named groups: year, month, day, country, session), who speaks in its texts and
the state whose government publishes them.
The nearest collection file above a source describes it. A collection file with an unknown key or
a bad value is reported (`collection_malformed`) and ignored, as if it were not there: a typo must
not silently give a thousand documents a wrong licence.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import string
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.datafile import load_yaml
from pipeline.ingest.reader import COLLECTION_NAME, _walk, display_name, is_inside, make_issue, read_bytes
from schemas._base import ISO3 as ISO3_PATTERN

# What `pipeline.ingest.corpus` reads of a collection when it makes a documents row.
CLEANING_FIELDS = ("folder", "name", "publisher", "licence", "language", "file_pattern", "speaking_state",
                   "title_template", "country_names", "publisher_state")
TEXT_KEYS = ("title", "description", "publisher", "licence", "archive", "url", "language",
             "title_template")
KEYS = {"name", "citation", "file_pattern", "speaking_state", "publisher_state", "country_names", *TEXT_KEYS}
NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")
ISO3 = re.compile(ISO3_PATTERN)  # the contracts' pattern (anchored)
DATE_GROUPS = ("year", "month", "day")


class CollectionError(ValueError):
    """A collection file that cannot be used; the message says why."""


@dataclass(frozen=True)
class Collection:
    """One collection file, checked. `folder` is its folder relative to sources/ ("" at the top)."""

    folder: str
    name: str
    title: str | None = None
    description: str | None = None
    publisher: str | None = None
    licence: str | None = None
    citation: tuple[str, ...] = ()
    archive: str | None = None
    url: str | None = None
    language: str | None = None
    file_pattern: str | None = None
    speaking_state: str | None = None  # an ISO3 code, or "{group}" to take it from the file name
    title_template: str | None = None
    # {ISO3: ((last year or None, name), ...)}: what to call a state in a title, by period
    country_names: tuple[tuple[str, tuple[tuple[int | None, str], ...]], ...] = ()
    # ISO3 of the state whose government publishes the texts: a transcript's "THE PRESIDENT:" is its president
    publisher_state: str | None = None

    @property
    def path(self) -> str:
        return str(PurePosixPath(self.folder or ".") / COLLECTION_NAME)

    def cleaning_key(self) -> list:
        """The values a document's row is made from: a change to the collection's description,
        citation or archive does not clean its documents again."""
        return [getattr(self, name) for name in CLEANING_FIELDS]

    def contains(self, source_name: str) -> bool:
        return not self.folder or source_name.startswith(self.folder + "/")


# Loading


def collection_files(sources_dir: Path) -> list[tuple[str, Path]]:
    """(name relative to sources/, path) of every collection file, in sorted order."""
    root = Path(sources_dir).resolve()
    return [(display_name((folder / COLLECTION_NAME).relative_to(root).as_posix()), folder / COLLECTION_NAME)
            for folder, _, filenames in _walk(root) if COLLECTION_NAME in filenames]


def load_collections(sources_dir: Path, max_bytes: int) -> tuple[list[Collection], list[dict]]:
    """Every usable collection file under `sources_dir`, and an issue per unusable one."""
    root = Path(sources_dir).resolve()
    found, issues = [], []
    for rel, path in collection_files(root):
        try:
            collection = read_collection(path, rel, root, max_bytes)
            check_unique(collection, found)
            found.append(collection)
        except CollectionError as err:
            issues.append(make_issue(rel, "collection_malformed",
                                     f"{err}; the collection is ignored (its files are read as if it were not there)"))
    return found, issues


def read_collection(path: Path, rel: str, root: Path, max_bytes: int) -> Collection:
    if not is_inside(path, root):
        raise CollectionError("collection file links outside the sources folder (or nowhere)")
    data, issue = read_bytes(path, rel, max_bytes)
    if issue:
        raise CollectionError(f"collection file not read: {issue['message']}")
    try:
        values = load_yaml(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise CollectionError(f"not valid UTF-8 (byte {exc.start})") from None
    except Exception as exc:  # yaml.YAMLError and its kin: the text is not YAML
        raise CollectionError(f"not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    folder = PurePosixPath(rel).parent.as_posix()
    return parse_collection(values, "" if folder == "." else folder)


def check_unique(collection: Collection, found: list[Collection]) -> None:
    for other in found:
        if other.name == collection.name:
            raise CollectionError(f"name {collection.name!r} is already the name of {other.path}")


def parse_collection(values, folder: str) -> Collection:
    """A Collection from parsed YAML, or CollectionError naming the first problem."""
    if not isinstance(values, dict):
        raise CollectionError("a collection file must be a mapping of keys to values")
    unknown = sorted(str(k) for k in values if k not in KEYS)
    if unknown:
        raise CollectionError(f"unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(KEYS))})")
    name = values.get("name")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise CollectionError("`name` is required: lower-case letters, digits, '.', '_' or '-'")
    collection = Collection(
        folder=folder, name=name, citation=citations(values.get("citation")),
        country_names=country_names(values.get("country_names")),
        **{key: text_value(values, key) for key in TEXT_KEYS},
        file_pattern=pattern_value(values.get("file_pattern")),
        speaking_state=text_value(values, "speaking_state"),
        publisher_state=text_value(values, "publisher_state"))
    check_fields(collection)
    return collection


def text_value(values: dict, key: str) -> str | None:
    value = values.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise CollectionError(f"`{key}` must be a non-empty string")
    return " ".join(value.split()) if key != "title_template" else value.strip()


def citations(value) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) and v.strip() for v in items):
        raise CollectionError("`citation` must be a string or a list of strings")
    return tuple(" ".join(v.split()) for v in items)


def pattern_value(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise CollectionError("`file_pattern` must be a string (a Python regular expression)")
    try:
        re.compile(value)
    except re.error as exc:
        raise CollectionError(f"`file_pattern` is not a valid regular expression ({exc})") from None
    return value


def country_names(value) -> tuple:
    """{ISO3: name} or {ISO3: [{until: year, name: ...}, {name: ...}]} (periods in order)."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise CollectionError("`country_names` must map ISO3 codes to a name or a list of periods")
    out = []
    for code, spec in value.items():
        if not isinstance(code, str) or not ISO3.fullmatch(code):
            raise CollectionError(f"`country_names` key {code!r} is not an ISO3 code")
        out.append((code, periods(code, spec)))
    return tuple(sorted(out))


def periods(code: str, spec) -> tuple[tuple[int | None, str], ...]:
    items = [{"name": spec}] if isinstance(spec, str) else spec
    ok = isinstance(items, list) and all(
        isinstance(i, dict) and set(i) <= {"until", "name"} and isinstance(i.get("name"), str)
        and isinstance(i.get("until", 0), int) and not isinstance(i.get("until"), bool) for i in items)
    if not ok or not items:
        raise CollectionError(f"`country_names` {code}: a name, or a list of {{until: year, name: text}}")
    return tuple((i.get("until"), i["name"]) for i in items)


def check_fields(c: Collection) -> None:
    """Cross-field rules: the groups named by speaking_state and title_template exist."""
    groups = set(re.compile(c.file_pattern).groupindex) if c.file_pattern else set()
    state = c.speaking_state
    if state and not ISO3.fullmatch(state) and not (state[:1] == "{" and state[1:-1] in groups and state[-1:] == "}"):
        raise CollectionError(f"`speaking_state` {state!r} is neither an ISO3 code nor a {{group}} "
                              "of file_pattern")
    if c.publisher_state and not (ISO3.fullmatch(c.publisher_state) and is_country(c.publisher_state)):
        raise CollectionError(f"`publisher_state` {c.publisher_state!r} is not an ISO3 country code")
    if c.title_template:
        known = template_names(groups)
        try:
            fields = {f for _, f, _, _ in string.Formatter().parse(c.title_template) if f is not None}
        except ValueError as exc:
            raise CollectionError(f"`title_template` is not a format string ({exc})") from None
        if fields - known:
            raise CollectionError(f"`title_template` names {', '.join(sorted(fields - known))}, which the "
                                  f"file pattern does not give (known: {', '.join(sorted(known)) or 'none'})")


def template_names(groups: set[str]) -> set[str]:
    return groups | {f"{g}_ordinal" for g in groups} | ({"country_name"} if "country" in groups else set())


# Use


def nearest(collections: list[Collection], source_name: str) -> Collection | None:
    """The collection whose folder is the deepest one holding the source."""
    holding = [c for c in collections if c.contains(source_name)]
    return max(holding, key=lambda c: len(c.folder), default=None)


@dataclass(frozen=True)
class FileFacts:
    """What a collection says about one of its files."""

    date: tuple[dt.date, str] | None = None
    speaking_state: str | None = None
    title: str | None = None
    problem: str | None = None


def file_facts(collection: Collection | None, source_name: str) -> FileFacts:
    if collection is None:
        return FileFacts()
    state = collection.speaking_state if collection.speaking_state and "{" not in collection.speaking_state else None
    if not collection.file_pattern:
        return FileFacts(speaking_state=state)
    file_name = PurePosixPath(source_name).name
    match = re.fullmatch(collection.file_pattern, file_name)
    if not match:
        return FileFacts(speaking_state=state, problem=f"file name does not match the file_pattern of "
                                                       f"{collection.path}; nothing is taken from it")
    return facts_from_groups(collection, {k: v for k, v in match.groupdict().items() if v is not None}, state)


def facts_from_groups(collection: Collection, groups: dict[str, str], state: str | None) -> FileFacts:
    problems = []
    if collection.speaking_state and "{" in collection.speaking_state:
        state = groups.get(collection.speaking_state[1:-1], "").upper() or None
        if state and not is_country(state):
            problems.append(f"{state!r} in the file name is not an ISO3 country code")
            state = None
    date = group_date(groups, problems)
    title = None
    if collection.title_template:
        title = format_title(collection, groups)
    return FileFacts(date, state, title, "; ".join(problems) or None)


def group_date(groups: dict[str, str], problems: list[str]) -> tuple[dt.date, str] | None:
    """The date the year, month and day groups give, at the precision of the last one given."""
    parts = []
    for key in DATE_GROUPS:
        if key not in groups:
            break
        parts.append(groups[key])
    if not parts:
        return None
    try:
        numbers = [int(p) for p in parts]
        return dt.date(*numbers, *[1] * (3 - len(numbers))), DATE_GROUPS[len(numbers) - 1]
    except ValueError:
        problems.append(f"{'-'.join(parts)} in the file name is not a date")
        return None


def format_title(collection: Collection, groups: dict[str, str]) -> str | None:
    values: dict[str, object] = {k: int(v) if v.isdigit() else v for k, v in groups.items()}
    values.update({f"{k}_ordinal": ordinal(v) if isinstance(v, int) else v for k, v in values.items()})
    if "country" in groups:
        values["country_name"] = country_name(collection, groups["country"].upper(), values.get("year"))
    try:
        return collection.title_template.format(**values)
    except (KeyError, IndexError, ValueError):  # a group the pattern made optional is missing
        return None


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st."""
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def country_name(collection: Collection, code: str, year) -> str:
    """The collection's name for the state in that year, else the ISO 3166 name, else the code."""
    for known, spans in collection.country_names:
        if known == code:
            for until, name in spans:
                if until is None or (isinstance(year, int) and year <= until):
                    return name
    country = _countries().get(code)
    return (getattr(country, "common_name", None) or country.name) if country else code


def is_country(code: str) -> bool:
    return code in _countries()


@functools.lru_cache(maxsize=1)
def _countries() -> dict:
    import pycountry

    return {c.alpha_3: c for c in pycountry.countries}
