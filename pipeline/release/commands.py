"""What `diplodata verify`, `query` and `pack` do, as plain functions the CLI and tests call."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import tarfile
from typing import NamedTuple
from pathlib import Path, PurePosixPath

from pipeline.release.csvfiles import escape_formula
from pipeline.printable import printable
from pipeline.release.publish import DB_NAME, file_sha256

DEFAULT_RELEASE = Path("outputs/releases/latest")
MAX_CELL = 80


# verify ------------------------------------------------------------------------------------------

def load_manifest(release: Path) -> dict:
    return json.loads((release / "manifest.json").read_text(encoding="utf-8"))


def unsafe_path(release: Path, name) -> str | None:
    """Why a path a manifest names may not be opened, None when it is a plain relative name of a
    regular file's place inside `release`: manifest.json is not itself checksummed, so a hostile one
    must not make verify read outside the release (absolute paths, `..`, links)."""
    if not isinstance(name, str) or not name or "\x00" in name:
        return f"refused: manifest path {printable(repr(name))} is not a file name"
    parts = PurePosixPath(name).parts
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts or "\\" in name:
        return f"refused: manifest path {printable(name)} leaves the release (absolute, `..` or `\\`)"
    for depth in range(1, len(parts) + 1):
        if (release / Path(*parts[:depth])).is_symlink():
            return f"refused: manifest path {printable(name)} goes through a link"
    return None


def check_file(release: Path, entry: dict) -> str | None:
    refused = unsafe_path(release, entry.get("path"))
    if refused:
        return refused
    path = release / entry["path"]
    if not path.is_file():
        return f"missing: {entry['path']}"
    if "bytes" in entry and path.stat().st_size != entry["bytes"]:
        return f"size mismatch: {entry['path']} ({path.stat().st_size} bytes, manifest says {entry['bytes']})"
    if file_sha256(path) != entry.get("sha256"):
        return f"checksum mismatch: {entry['path']}"
    return None


def unlisted_files(release: Path, manifest: dict) -> list[str]:
    """Files the manifest does not list, and links (a release holds plain files only)."""
    listed = {entry.get("path") for entry in manifest["outputs"]} | {"manifest.json"}
    present, links = set(), []
    for folder, dirs, files in os.walk(release, followlinks=False):
        for name in sorted(dirs + files):
            rel = (Path(folder) / name).relative_to(release).as_posix()
            if (Path(folder) / name).is_symlink():
                links.append(f"link: {printable(rel)} (a release holds plain files only)")
            elif name in files:
                present.add(rel)
    return links + [f"not in manifest: {printable(name)}" for name in sorted(present - listed)]


def datapackage_mismatches(release: Path) -> list[str]:
    """The hashes datapackage.json states agree with the files (it is itself in the manifest).
    Parquet resources state none: the manifest's checksums cover them."""
    path = release / "datapackage.json"
    if not path.is_file():
        return []
    out = []
    for res in json.loads(path.read_text(encoding="utf-8")).get("resources", []):
        refused = unsafe_path(release, res.get("path"))
        if refused:
            out.append(f"datapackage.json {refused}")
            continue
        target = release / res["path"]
        if "hash" in res and target.is_file() and res["hash"] != f"sha256:{file_sha256(target)}":
            out.append(f"datapackage.json hash mismatch: {res['path']}")
    return out


def verify_release(release: Path) -> list[str]:
    """Every problem found, one line each; an empty list means the release is intact."""
    release = release.resolve()  # `latest` is a link to the release; inside it, none is followed
    if (release / "manifest.json").is_symlink() or not (release / "manifest.json").is_file():
        return [f"missing: manifest.json (is {printable(release)} a release folder?)"]
    try:
        manifest = load_manifest(release)
        manifest["outputs"] = [e if isinstance(e, dict) else {"path": e} for e in manifest["outputs"]]
    except (ValueError, KeyError, TypeError) as err:
        return [f"manifest.json is not a valid manifest: {printable(err)}"]
    problems = [p for p in (check_file(release, entry) for entry in manifest["outputs"]) if p]
    return problems + unlisted_files(release, manifest) + datapackage_mismatches(release)


# query -------------------------------------------------------------------------------------------

def release_folder(path: Path) -> Path | None:
    """The release a user names: a release folder, a releases folder (its `latest`) or an outputs
    folder (its releases/latest), a folder being a release when it holds a manifest or the tables'
    Parquet files; None when there is none."""
    for candidate in (path, path / "latest", path / "releases" / "latest"):
        if (candidate / "manifest.json").is_file() or (candidate / "documents.parquet").is_file():
            return candidate.resolve()
    return None


def database_path(release: Path) -> Path:
    """The .duckdb of `release` (see `release_folder`), or `release` when it is that file."""
    if release.is_file():
        return release
    return (release_folder(release) or release / "latest") / DB_NAME


class QueryError(ValueError):
    """A query that cannot run as asked: empty, or several results where one is needed."""


EMPTY_QUERY = "empty query: give one or more SQL statements, e.g. \"SELECT count(*) FROM events\""


def statements(con, sql: str) -> list:
    """The statements of `sql`; a query with none (blank, or only comments) is an error."""
    found = con.extract_statements(sql)
    if not found:
        raise QueryError(EMPTY_QUERY)
    return found


class Result(NamedTuple):
    names: list[str]
    rows: list[tuple]
    types: list[str]  # DuckDB's type names, so an empty result still has typed columns


def run_queries(sql: str, release: Path = DEFAULT_RELEASE, single: bool = False) -> list[Result]:
    """The result of every statement of `sql`, in order; `single` refuses several."""
    import duckdb

    if not sql.strip():  # said before any missing release: the query is what needs fixing first
        raise QueryError(EMPTY_QUERY)
    path = database_path(release)
    if not path.is_file():
        raise FileNotFoundError(f"no {DB_NAME} at {release}")
    # Read-only on the release, and no COPY ... TO / ATTACH / httpfs reaching other files either.
    con = duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
    try:
        found = statements(con, sql)
        if single and len(found) > 1:
            raise QueryError(f"{len(found)} statements given, but this output format holds one result: "
                             "run them one at a time, or use --format table")
        results = []
        for statement in found:
            cursor = con.execute(statement)
            names = [d[0] for d in cursor.description or []]
            types = [str(d[1]) for d in cursor.description or []]
            results.append(Result(names, cursor.fetchall() if names else [], types))
        return results
    finally:
        con.close()


def run_query(sql: str, release: Path = DEFAULT_RELEASE) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of a single statement."""
    result = run_queries(sql, release, single=True)[0]
    return result.names, result.rows


def _text(value) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def format_table(names: list[str], rows: list[tuple]) -> str:
    cells = [[_text(v) for v in row] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    line = lambda values: " | ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(names), "-+-".join("-" * w for w in widths)] + [line(r) for r in cells]
    return "\n".join(out + [f"({len(rows)} row{'s' if len(rows) != 1 else ''})"]) + "\n"


def format_csv(names: list[str], rows: list[tuple]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows(["" if v is None else escape_formula(v) for v in row] for row in rows)
    return buffer.getvalue()


def format_json(names: list[str], rows: list[tuple]) -> str:
    return json.dumps([dict(zip(names, row)) for row in rows], indent=2, default=str, ensure_ascii=False) + "\n"


def polars_types() -> dict:
    import polars as pl

    return {"VARCHAR": pl.String, "BIGINT": pl.Int64, "INTEGER": pl.Int32, "SMALLINT": pl.Int16,
            "TINYINT": pl.Int8, "DOUBLE": pl.Float64, "FLOAT": pl.Float32, "BOOLEAN": pl.Boolean, "DATE": pl.Date,
            "TIMESTAMP": pl.Datetime("us"), "TIMESTAMP WITH TIME ZONE": pl.Datetime("us", "UTC")}


def write_parquet(result: Result, out: Path) -> None:
    """The result as a Parquet file, columns typed as DuckDB typed them (other types inferred)."""
    import polars as pl

    if len(set(result.names)) < len(result.names):
        raise QueryError("a Parquet file needs distinct column names: give the repeated ones an alias (AS ...)")
    known = polars_types()
    types = {n: known[t] for n, t in zip(result.names, result.types) if t in known}
    frame = pl.DataFrame(result.rows, schema=result.names, orient="row", infer_schema_length=None, strict=False,
                         schema_overrides=types)
    frame.write_parquet(out)


FORMATS = {"table": format_table, "csv": format_csv, "json": format_json}
# Formats of one result each: a script of several statements cannot be written as one of them.
SINGLE_RESULT = {"csv", "json", "parquet"}
ALL_FORMATS = sorted([*FORMATS, "parquet"])


# pack --------------------------------------------------------------------------------------------

SAFE_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$")


def release_name(release: Path) -> str:
    """Archive and top-folder name. manifest.json is not itself checksummed, so its version is used
    only when it is a plain name; anything else (a path, `..`) falls back to the folder's name."""
    try:
        version = str(load_manifest(release)["version"])
    except (OSError, ValueError, KeyError, TypeError):
        version = ""
    if not SAFE_VERSION.match(version) or ".." in version:
        version = release.resolve().name
    return f"diplodata-{version}"


def _tarinfo(path: Path, arcname: str) -> tarfile.TarInfo:
    """Same bytes for the same files: fixed owner, mode and time."""
    info = tarfile.TarInfo(arcname)
    info.size, info.mode, info.mtime = path.stat().st_size, 0o644, 0
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def release_members(release: Path) -> list[Path]:
    return sorted(p for p in release.rglob("*") if p.is_file() and not p.is_symlink())


def write_archive(release: Path, archive: Path, top: str) -> None:
    with archive.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as zipped:
        with tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for path in release_members(release):
                arcname = f"{top}/{path.relative_to(release).as_posix()}"
                with path.open("rb") as handle:
                    tar.addfile(_tarinfo(path, arcname), handle)


def pack_release(release: Path, out: Path) -> tuple[Path, Path]:
    """One .tar.gz of the (verified) release under a single top folder, and its .sha256 file."""
    release = release.resolve()
    problems = verify_release(release)
    if problems:
        raise ValueError("release does not verify:\n  " + "\n  ".join(problems))
    top = release_name(release)
    out.mkdir(parents=True, exist_ok=True)
    archive = out / f"{top}.tar.gz"
    write_archive(release, archive, top)
    checksum = out / f"{archive.name}.sha256"
    checksum.write_text(f"{file_sha256(archive)}  {archive.name}\n", encoding="utf-8")
    return archive, checksum
