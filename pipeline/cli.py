"""The `diplodata` command."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def cmd_build(args: argparse.Namespace) -> int:
    from pipeline.build import run_build
    from pipeline.release.lock import BuildLocked, build_lock

    sources, outputs = Path(args.sources), Path(args.outputs)
    if not sources.is_dir():
        print(f"diplodata: sources folder {sources} does not exist", file=sys.stderr)
        return 2
    try:
        with build_lock(outputs):
            report = run_build(sources, outputs)
    except BuildLocked as err:
        print(f"diplodata: {err}", file=sys.stderr)
        return 3
    print(f"documents ingested: {report.documents}")
    print(f"source issues recorded: {len(report.issues)}")
    for issue in report.issues:
        print(f"  {issue['source_file']}: {issue['code']}: {issue['message']}")
    if report.release is None:
        for check in report.failed_checks:
            print(f"contract failed: {check}", file=sys.stderr)
        if report.error:
            print(f"error: {report.error}", file=sys.stderr)
        print("nothing published; the previous release is untouched", file=sys.stderr)
        return 1
    rel = report.release
    print(f"release {rel['version']} {'published' if rel['created'] else 'unchanged (same content)'}: {rel['path']}")
    print("rows: " + ", ".join(f"{k}={v}" for k, v in rel["rows"].items()))
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="diplodata", description="Build and use the diplodata release.")
    sub = ap.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="ingest sources/, extract every table and publish a release")
    build.add_argument("--sources", default="sources", help="folder of *.txt articles and catalog.csv (default: sources)")
    build.add_argument("--outputs", default="outputs", help="folder that receives releases/ (default: outputs)")
    build.set_defaults(func=cmd_build)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
