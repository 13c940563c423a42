"""The ``wortlaut`` command: a thin shell over the Python API."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .batch import Failure, Summary, analyze_paths
from .output import document_to_dict, to_table, write_spkatt
from .pipeline import DEFAULT_PIPELINE, RULES_PIPELINE, Options
from .readers import FORMATS, MAX_CHARS


def _analyze(args: argparse.Namespace) -> int:
    if args.output_format == "spkatt" and not args.out:
        print("wortlaut: error: --output-format spkatt needs --out DIR", file=sys.stderr)
        return 2
    if args.pipeline and args.rules_only:
        print("wortlaut: error: give --pipeline or --rules-only, not both", file=sys.stderr)
        return 2
    if args.pipeline:
        pipeline = tuple(args.pipeline.split(","))
    else:
        pipeline = RULES_PIPELINE if args.rules_only else DEFAULT_PIPELINE
    options = Options(pipeline=pipeline, max_chars=args.max_chars)
    summary = Summary()
    out = sys.stdout
    docs = analyze_paths(args.paths, input_format=args.input_format, date=args.date, options=options,
                         summary=summary)
    reported = 0

    def report_failures() -> None:
        nonlocal reported
        for failure in summary.failures[reported:]:
            print(f"wortlaut: error: {failure.path}: {failure.problem}", file=sys.stderr)
        reported = len(summary.failures)

    for doc in docs:
        report_failures()
        if args.output_format == "spkatt":
            try:
                write_spkatt(doc, Path(args.out))
            except ValueError as error:
                summary.failures.append(Failure(doc.source or doc.id, str(error)))
        elif args.json or args.output_format == "json":
            out.write(json.dumps(document_to_dict(doc), ensure_ascii=False, indent=None if args.jsonl else 2))
            out.write("\n")
        else:
            out.write(to_table(doc) + "\n\n")
    report_failures()
    if summary.files != 1 or summary.failures:
        print(f"wortlaut: {summary}", file=sys.stderr)
    return 1 if summary.failures or summary.files == 0 else 0


def _eval(args: argparse.Namespace) -> int:
    try:
        return _run_evaluation(args)
    except (OSError, ValueError) as error:  # unreadable or mismatched gold/prediction files
        print(f"wortlaut: error: {error}", file=sys.stderr)
        return 1


def _run_evaluation(args: argparse.Namespace) -> int:
    from importlib import import_module

    module = import_module(f".evaluate.{args.task}", __package__)
    gold = Path(args.gold)
    if args.task == "spkatt":
        if not args.pred:
            print("wortlaut: error: eval spkatt needs GOLD_DIR PRED_DIR", file=sys.stderr)
            return 2
        documents = None
        if args.split != "all":
            from .evaluate.split import spkatt_split

            train, validation = spkatt_split(path.name for path in gold.glob("*.json"))
            documents = set(validation if args.split == "validation" else train)
        result = module.evaluate_spkatt(gold, Path(args.pred), documents=documents)
    elif args.task == "ner":
        if not args.pred:
            print("wortlaut: error: eval ner needs GOLD_TSV PRED_TSV", file=sys.stderr)
            return 2
        result = module.evaluate_ner(gold, Path(args.pred))
    elif args.task == "mood":
        result = module.evaluate_mood(sorted(gold.rglob("*.conllu")) if gold.is_dir() else [gold])
    else:
        result = module.evaluate_timex(gold)
    report = getattr(module, f"format_{args.task}_report")
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else report(result))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wortlaut", description=__doc__)
    parser.add_argument("--version", action="version", version=f"wortlaut {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser("analyze", help="extract statements from articles")
    analyze.add_argument("paths", nargs="+", help="files or folders (searched recursively)")
    analyze.add_argument("--input-format", choices=FORMATS, help="override format detection")
    analyze.add_argument("--date", help="publication date YYYY-MM-DD for inputs without one")
    analyze.add_argument("--json", action="store_true", help="JSON output (one object per article)")
    analyze.add_argument("--jsonl", action="store_true", help="with --json: one line per article")
    analyze.add_argument("--output-format", choices=("table", "json", "spkatt"), default="table")
    analyze.add_argument("--out", help="output folder for --output-format spkatt")
    analyze.add_argument("--pipeline", help="comma-separated components (default: all)")
    analyze.add_argument("--rules-only", action="store_true", help="leave out the learned components (attribution)")
    analyze.add_argument("--max-chars", type=int, default=MAX_CHARS, help="refuse longer articles")
    analyze.set_defaults(func=_analyze)

    evaluate = commands.add_parser("eval", help="score predictions against gold data")
    evaluate.add_argument("task", choices=("spkatt", "ner", "mood", "timex"))
    evaluate.add_argument("gold", help="gold data (spkatt: SpkAtt JSON folder; ner: GermEval TSV; "
                                       "mood: UD CoNLL-U; timex: WikiWarsDE)")
    evaluate.add_argument("pred", nargs="?", help="predictions (spkatt: folder; ner: GermEval TSV)")
    evaluate.add_argument("--split", choices=("all", "train", "validation"), default="all",
                          help="spkatt: score only the articles of this part of the fixed 600/100 split")
    evaluate.add_argument("--json", action="store_true")
    evaluate.set_defaults(func=_eval)

    from .ner import register as register_ner
    from .store.cli import register as register_store

    register_ner(commands)
    register_store(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
