"""The `diplodata` command."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.printable import printable


def cmd_build(args: argparse.Namespace) -> int:
    from pipeline.build import run_build
    from pipeline.failures import EXIT_CODES, exception_texts, kind_of
    from pipeline.release.lock import BuildLocked, build_lock

    sources, outputs = Path(args.sources), Path(args.outputs)
    if not sources.is_dir():
        print(f"diplodata: sources folder {printable(sources)} does not exist", file=sys.stderr)
        return EXIT_CODES["usage"]
    try:
        with build_lock(outputs):
            report = run_build(sources, outputs, debug=args.debug)
    except BuildLocked as err:
        print(f"diplodata: {printable(err)}", file=sys.stderr)
        return EXIT_CODES["locked"]
    except Exception as exc:  # the surroundings failed (disk, run history, spaCy): one line, not a traceback
        return build_failed(exception_texts(exc), outputs, args.debug)
    print_summary(report)
    if report.release is None:
        if kind_of(report.error_texts):  # a known failure of the surroundings inside a step (a full disk)
            return build_failed(report.error_texts, outputs, args.debug, report.error_detail)
        if args.debug and report.error_detail:
            print(report.error_detail, file=sys.stderr)
        for check in report.failed_checks:
            print_failed_check(check, report.check_failures.get(check, {}))
        if report.error:
            print(f"error: {printable(report.error)}", file=sys.stderr)
        print("nothing published; the previous release is untouched", file=sys.stderr)
        return EXIT_CODES["not_published"]
    print_release(report.release)
    return 0


def print_summary(report) -> None:
    print(f"documents ingested: {report.documents}")
    print(f"source issues recorded: {len(report.issues)}")
    for issue in report.issues:
        print(printable(f"  {issue['source_file']}: {issue['code']}: {issue['message']}"))
    if report.cache_damaged:
        print(f"damaged cache entries recomputed: {report.cache_damaged}")


def print_release(rel: dict) -> None:
    state = "published" if rel["created"] else "unchanged (same content)"
    if rel.get("repaired"):
        state = f"rebuilt (the release on disk was damaged: {'; '.join(rel['repaired'])})"
    print(printable(f"release {rel['version']} {state}: {rel['path']}"))
    print("rows: " + ", ".join(f"{k}={v}" for k, v in rel["rows"].items()))


def build_failed(texts: list[str], outputs: Path, debug: bool, detail: str | None = None) -> int:
    """One line naming the problem and its fix, and its exit code; the traceback only with --debug."""
    import os
    import traceback

    from pipeline.failures import EXIT_CODES, diagnose

    home = Path(os.environ["DAGSTER_HOME"]) if os.environ.get("DAGSTER_HOME") else None
    if debug:
        print(detail or traceback.format_exc(), file=sys.stderr)
    found = diagnose(texts, outputs, home)
    if found is None:
        print(printable(f"diplodata: build failed: {texts[0] if texts else 'unknown error'}") +
              ("" if debug else " (run with --debug for the traceback)") +
              "; nothing published, the previous release is untouched", file=sys.stderr)
        return EXIT_CODES["not_published"]
    print(printable(found.line), file=sys.stderr)
    return found.exit_code


def print_failed_check(check: str, found: dict) -> None:
    """The check, how many failure cases it found, and a few of them with their documents."""
    count = f" ({found['failures']} failing)" if found.get("failures") is not None else ""
    print(printable(f"contract failed: {check}{count}"), file=sys.stderr)
    for case in found.get("examples", []):
        print(printable(f"    {describe_case(case)}"), file=sys.stderr)


def describe_case(case: dict) -> str:
    """One failure case: where (source file, document), what (column and check) and the value."""
    where = " ".join(str(case[k]) for k in ("source_file", "doc_id") if case.get(k)) or "-"
    what = " ".join(str(case[k]) for k in ("column", "check") if case.get(k))
    value = next((case[k] for k in ("failure_case", "detail", "message") if case.get(k) is not None), "")
    return f"{where}: {what + ': ' if what else ''}{value}"[:300]


def cmd_verify(args: argparse.Namespace) -> int:
    from pipeline.release.commands import verify_release

    release = Path(args.release)
    problems = verify_release(release)
    for problem in problems:
        print(printable(problem), file=sys.stderr)
    if problems:
        print(printable(f"{release}: {len(problems)} problem(s); do not trust this copy"), file=sys.stderr)
        return 1
    print(printable(f"{release}: every file matches manifest.json"))
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from pipeline.release.commands import SINGLE_RESULT, QueryError, run_queries

    if args.format == "parquet" and not args.out:
        print("diplodata: --format parquet writes a file: give it with --out FILE", file=sys.stderr)
        return 2
    try:
        results = run_queries(args.sql, Path(args.release), single=args.format in SINGLE_RESULT)
        print_results(results, args.format, args.out)
    except (FileNotFoundError, QueryError, duckdb.Error) as err:
        print(f"diplodata: {err}", file=sys.stderr)
        return 2
    return 0


def print_results(results: list, fmt: str, out: str | None) -> None:
    """Each result in turn (a blank line between tables), or the one result as csv, json or parquet."""
    from pipeline.release.commands import FORMATS, write_parquet

    if fmt == "parquet":
        write_parquet(results[0], Path(out))
        print(f"wrote {len(results[0].rows)} rows to {out}")
        return
    sys.stdout.write("\n".join(FORMATS[fmt](r.names, r.rows) for r in results))


def cmd_pack(args: argparse.Namespace) -> int:
    from pipeline.release.commands import pack_release

    release = Path(args.release)
    if not release.is_dir():
        print(f"diplodata: release folder {release} does not exist", file=sys.stderr)
        return 2
    try:
        archive, checksum = pack_release(release, Path(args.out))
    except ValueError as err:
        print(f"diplodata: {err}", file=sys.stderr)
        return 1
    print(f"archive: {archive}")
    print(f"checksum: {checksum}")
    return 0


def add_release_commands(sub) -> None:
    from pipeline.release.commands import ALL_FORMATS, DEFAULT_RELEASE

    verify = sub.add_parser("verify", help="recompute every SHA-256 in a release's manifest.json")
    verify.add_argument("release", help="release folder (e.g. outputs/releases/latest)")
    verify.set_defaults(func=cmd_verify)
    query = sub.add_parser("query", help="run SQL on a release's DuckDB database (read-only)")
    query.add_argument("sql", help="SQL: one statement, or several separated by ; (each result printed in turn)")
    query.add_argument("--release", default=str(DEFAULT_RELEASE), help=f"release folder (default: {DEFAULT_RELEASE})")
    query.add_argument("--format", choices=ALL_FORMATS, default="table",
                       help="output format (default: table; csv, json and parquet take one statement)")
    query.add_argument("--out", help="file to write (needed by --format parquet)")
    query.set_defaults(func=cmd_query)
    pack = sub.add_parser("pack", help="verify a release and pack it as one .tar.gz plus a .sha256 file")
    pack.add_argument("release", help="release folder")
    pack.add_argument("--out", default=".", help="folder for the archive (default: current folder)")
    pack.set_defaults(func=cmd_pack)


def package_version() -> str:
    """The installed distribution's version; the source tree's when it is not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplodata")
    except PackageNotFoundError:
        from pipeline import __version__

        return __version__


BUILD_EXIT_CODES = """exit codes (each failure prints one line naming the problem and its fix;
the previous release is never touched):
  0  a release was published, or the same release verified unchanged (or rebuilt if damaged)
  1  nothing published: a contract check or a stage failed (named above the line)
  2  the sources folder does not exist
  3  another build is running on the same outputs folder
  4  the disk is full (ENOSPC)
  5  the outputs folder is read-only or not writable
  6  Dagster's run history (DAGSTER_HOME/history/runs.db) is corrupt or locked
  7  the spaCy pipeline (DIPLODATA_SPACY_MODEL) is not installed"""


def parser() -> argparse.ArgumentParser:
    from pipeline.evaluate.command import add_evaluate_command

    ap = argparse.ArgumentParser(prog="diplodata", description="Build and use the diplodata release.")
    ap.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    sub = ap.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="ingest sources/, extract every table and publish a release",
                           epilog=BUILD_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    build.add_argument("--debug", action="store_true", help="print tracebacks and Dagster's log lines on failure")
    build.add_argument("--sources", default="sources", help="folder of *.txt articles and catalog.csv (default: sources)")
    build.add_argument("--outputs", default="outputs", help="folder that receives releases/ (default: outputs)")
    build.set_defaults(func=cmd_build)
    add_release_commands(sub)
    add_evaluate_command(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
