"""The ``wortlaut`` command: a thin shell over the Python API."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .analysing_process import analysing_process
from .batch import Failure, Summary, analyze_paths
from .formats import (
    FORMATS,
    MAX_CHARS,
    InputError,
    document_to_dict,
    iter_input_files,
    parse_date,
    to_table,
    write_spkatt,
)
from .formats.germeval import GermEvalFormatError, read_germeval, write_germeval
from .pipeline import DEFAULT_PIPELINE, RULES_PIPELINE, Options, PipelineError, build, settings
from .progress import Progress, input_size


def options_from(args: argparse.Namespace) -> Options:
    """The analysis options the flags ask for (a PipelineError for flags that do not fit)."""
    if args.pipeline and args.rules_only:
        raise PipelineError("give --pipeline or --rules-only, not both")
    if args.pipeline:
        pipeline = tuple(args.pipeline.split(","))
    else:
        pipeline = RULES_PIPELINE if args.rules_only else DEFAULT_PIPELINE
    assignments = {}
    for assignment in args.set or ():
        key, equals, value = assignment.partition("=")
        if not equals:
            raise PipelineError(f"--set {assignment!r}: expected COMPONENT.SETTING=VALUE")
        assignments[key.strip()] = value.strip()
    options = Options(pipeline=pipeline, max_chars=args.max_chars).with_settings(assignments)
    build(options)  # check the pipeline before any file is read
    return options


def checked_options(args: argparse.Namespace) -> Options | None:
    """:func:`options_from`, or None after one line on standard error saying what does not fit
    (a bad ``--date`` is reported here once, not once for every file)."""
    try:
        if getattr(args, "date", None) is not None:
            parse_date(args.date, "--date")
        return options_from(args)
    except (ValueError, InputError) as error:  # a PipelineError, a setting a config refuses, a bad date
        print(f"wortlaut: error: {error}", file=sys.stderr)
        return None


def _analyze(args: argparse.Namespace) -> int:
    if args.output_format == "spkatt" and not args.out:
        print("wortlaut: error: --output-format spkatt needs --out DIR", file=sys.stderr)
        return 2
    options = checked_options(args)
    if options is None:
        return 2
    if args.out:
        try:
            Path(args.out).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            print(f"wortlaut: error: cannot write to {args.out}: {error.strerror or error}", file=sys.stderr)
            return 2
    summary = Summary()
    out = sys.stdout
    files = list(iter_input_files(args.paths))
    bar = Progress(input_size(files), enabled=sys.stderr.isatty() if args.progress is None else args.progress)
    docs = analyze_paths(files, input_format=args.input_format, date=args.date, options=options,
                         summary=summary, progress=bar)
    reported = 0

    def report_failures() -> None:
        nonlocal reported
        for failure in summary.failures[reported:]:
            bar.message(f"wortlaut: error: {failure.path}: {failure.problem}")
        reported = len(summary.failures)

    for doc in docs:
        report_failures()
        if args.output_format == "spkatt":
            try:
                write_spkatt(doc, Path(args.out))
            except (ValueError, OSError) as error:  # a document SpkAtt cannot hold, a full or read-only disk
                summary.failures.append(Failure(doc.source or doc.id, str(error)))
        elif args.json or args.output_format == "json":
            out.write(json.dumps(document_to_dict(doc), ensure_ascii=False, indent=None if args.jsonl else 2))
            out.write("\n")
        else:
            out.write(to_table(doc) + "\n\n")
    report_failures()
    bar.close()
    if summary.files != 1 or summary.failures:
        print(f"wortlaut: {summary}", file=sys.stderr)
    return 1 if summary.failures or summary.files == 0 else 0


def _batch(args: argparse.Namespace) -> int:
    """``wortlaut batch``: a corpus on a Dask cluster into Parquet tables (see docs/cluster.md)."""
    from .scale import BatchConfig, run_batch
    from .scale.run import BatchError

    options = checked_options(args)
    if options is None:
        return 2
    try:
        workers = {} if args.workers is None else {"workers": args.workers}  # default: one per core
        config = BatchConfig(out=Path(args.out), scheduler=args.scheduler, partition_size=args.partition_size,
                             input_format=args.input_format, date=args.date, **workers)
        summary = run_batch(args.paths, config, options, progress=args.progress)
    except (ValueError, BatchError) as error:
        print(f"wortlaut: error: {error}", file=sys.stderr)
        return 2
    print(f"wortlaut batch: {summary.line()}", file=sys.stderr)
    return 1 if summary.failed or summary.lost else 0


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
    splits = {"timex": ("all", "train", "validation", "test"), "speechacts": ("all", "train", "validation", "test"),
              "targets": ("all", "dev", "test")}.get(args.task, ("all", "train", "validation"))
    if args.split not in splits:
        print(f"wortlaut: error: eval {args.task} has no {args.split} split ({', '.join(splits[1:])})", file=sys.stderr)
        return 2
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
    elif args.task == "speechacts":  # every split of the gold file is reported
        result = module.evaluate_speechacts(gold)
    elif args.task == "targets":
        if not args.pred:
            print("wortlaut: error: eval targets needs GOLD_JSONL PRED (wortlaut analyze --json output)",
                  file=sys.stderr)
            return 2
        result = module.evaluate_targets_files(gold, Path(args.pred), args.split)
    elif args.task == "speakers":
        if not args.pred:
            print("wortlaut: error: eval speakers needs GOLD_JSONL PRED (wortlaut analyze --json output)",
                  file=sys.stderr)
            return 2
        articles = None
        if args.split != "all":
            from .evaluate.split import spkatt_split

            train, validation = spkatt_split({record["file"] for record in module.read_gold(gold)})
            articles = set(validation if args.split == "validation" else train)
        result = module.evaluate_speakers_files(gold, Path(args.pred), articles)
    else:
        result = module.evaluate_timex(gold, split=args.split)
    report = getattr(module, f"format_{args.task}_report")
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else report(result))
    return 0


def _settings(args: argparse.Namespace) -> int:
    for key, value, help_text in settings():
        shown = ",".join(value) if isinstance(value, tuple) else value
        print(f"{key} = {shown}\n    {help_text}")
    return 0


def _ner(args: argparse.Namespace) -> int:
    """``wortlaut ner FILE --format germeval [--out OUT]``: tag a GermEval TSV file."""
    from .entities.ner import tag_sentence

    try:
        sentences = read_germeval(args.file)
    except (OSError, GermEvalFormatError) as error:
        print(f"wortlaut: error: {error}", file=sys.stderr)
        return 1
    predictions = [tag_sentence(sentence.words) for sentence in sentences]
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            write_germeval(sentences, out, predictions)
    else:
        write_germeval(sentences, sys.stdout, predictions)
    return 0


def add_analysis_options(parser: argparse.ArgumentParser) -> None:
    """The flags that build the analysis ``Options`` (``analyze`` and ``ingest``)."""
    parser.add_argument("--pipeline", help="comma-separated components (default: all)")
    parser.add_argument("--rules-only", action="store_true", help="leave out the learned components (attribution)")
    parser.add_argument("--max-chars", type=int, default=MAX_CHARS, help="refuse longer articles")
    parser.add_argument("--set", action="append", metavar="COMPONENT.SETTING=VALUE",
                        help="change a component setting (repeatable; 'wortlaut settings' lists them)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wortlaut", description=__doc__)
    parser.add_argument("--version", action="version", version=f"wortlaut {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser("analyze", help="extract statements from articles")
    analyze.add_argument("paths", nargs="+", help="files or folders (searched recursively)")
    analyze.add_argument("--input-format", choices=FORMATS, help="override format detection")
    analyze.add_argument("--date", help="publication date YYYY-MM-DD for inputs without one")
    analyze.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="show progress on stderr: articles, rate, ETA (default: when stderr is a terminal)")
    analyze.add_argument("--json", action="store_true", help="JSON output (one object per article)")
    analyze.add_argument("--jsonl", action="store_true", help="with --json: one line per article")
    analyze.add_argument("--output-format", choices=("table", "json", "spkatt"), default="table")
    analyze.add_argument("--out", help="output folder for --output-format spkatt")
    add_analysis_options(analyze)
    analyze.set_defaults(func=_analyze)

    batch = commands.add_parser("batch", help="analyse a corpus on a Dask cluster into Parquet tables")
    batch.add_argument("paths", nargs="+", help="files or folders (searched recursively; .warc.gz too)")
    batch.add_argument("--out", required=True, metavar="DIR", help="folder of the Parquet tables; a rerun resumes")
    batch.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (default: a local cluster)")
    batch.add_argument("--workers", type=int, metavar="N", help="worker processes of the local cluster "
                                                                "(default: one per core)")
    batch.add_argument("--partition-size", type=int, default=200, metavar="N", help="articles per partition")
    batch.add_argument("--input-format", choices=FORMATS, help="override format detection")
    batch.add_argument("--date", help="publication date YYYY-MM-DD for inputs without one")
    batch.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                       help="show progress on stderr (default: when stderr is a terminal)")
    add_analysis_options(batch)
    batch.set_defaults(func=_batch)

    settings_command = commands.add_parser("settings", help="list every component setting with its default")
    settings_command.set_defaults(func=_settings)

    evaluate = commands.add_parser("eval", help="score predictions against gold data")
    evaluate.add_argument("task", choices=("spkatt", "ner", "mood", "timex", "speakers", "speechacts", "targets"))
    evaluate.add_argument("gold", help="gold data (spkatt: SpkAtt JSON folder; ner: GermEval TSV; "
                                       "mood: UD CoNLL-U; timex: WikiWarsDE or SmartData folder; "
                                       "speechacts: JSONL of labelled statements, each split scored; "
                                       "targets: JSONL of statements with their targets)")
    evaluate.add_argument("pred", nargs="?", help="predictions (spkatt: folder; ner: GermEval TSV; "
                                                  "speakers, targets: wortlaut analyze --json output)")
    evaluate.add_argument("--split", choices=("all", "train", "validation", "dev", "test"), default="all",
                          help="spkatt, speakers: score only the articles of this part of the fixed 600/100 split; "
                               "timex on SmartData: its train or test file; targets: its dev or test statements")
    evaluate.add_argument("--json", action="store_true")
    evaluate.set_defaults(func=_eval)

    ner = commands.add_parser("ner", help="named entities in GermEval-2014 TSV")
    ner.add_argument("file", help="GermEval TSV: token in column 2, blank line between sentences")
    ner.add_argument("--format", choices=("germeval",), default="germeval")
    ner.add_argument("--out", help="output file (default: standard output)")
    ner.set_defaults(func=_ner)

    from .store.cli import register as register_store
    from .web.cli import register as register_web

    register_store(commands)
    register_web(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    analysing_process()
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
