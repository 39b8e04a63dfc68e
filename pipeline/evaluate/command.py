"""`diplodata evaluate GOLD_DIR [--release PATH] [--json]`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.release.commands import DEFAULT_RELEASE


def add_evaluate_command(sub) -> None:
    evaluate = sub.add_parser("evaluate", help="score a release against gold annotations (codebook §9)")
    evaluate.add_argument("gold", metavar="GOLD_DIR",
                          help="folder of gold annotations, one JSON file per source document (codebook §9)")
    evaluate.add_argument("--release", metavar="PATH", default=str(DEFAULT_RELEASE),
                          help=f"release folder, or a folder whose latest (or releases/latest) is one "
                               f"(default: {DEFAULT_RELEASE})")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.set_defaults(func=cmd_evaluate)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from pipeline.evaluate.scoring import EvaluationError, evaluate

    gold = Path(args.gold)
    if not gold.is_dir():
        print(f"diplodata: gold folder {gold} does not exist", file=sys.stderr)
        return 2
    try:
        result = evaluate(Path(args.release), gold)
    except EvaluationError as err:
        print(f"diplodata: {err}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


def report(result: dict) -> str:
    """The notes, then one line per measure, then the two accuracies."""
    from pipeline.evaluate.scoring import MEASURES

    lines = [*result["notes"], f"{'measure':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"]
    for name in MEASURES:
        m = result[name]
        lines.append(f"{name:16} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} "
                     f"{m['tp']:5d} {m['predicted']:5d} {m['gold']:5d}")
    lines.append(f"speaker accuracy on matched quotes {result['quotes']['speaker_accuracy']:.3f}, "
                 f"unit accuracy on matched figures {result['figures']['unit_accuracy']:.3f}")
    return "\n".join(lines)
