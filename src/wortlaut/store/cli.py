"""Command-line commands of the store; ``register(subparsers)`` adds them to the main CLI.

Commands only parse flags and call the library (Store, ingest); each handler
returns the exit code: 0 done, 1 a problem the message explains.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import os
import re
import sys
from pathlib import Path

from ..de.speech_acts import speech_acts
from ..formats import FORMATS as INPUT_FORMATS
from ..model import DATE_SOURCES
from .database import Store
from .errors import StoreError
from .export import FORMATS as EXPORT_FORMATS
from .export import MissingDependency
from .network import FORMATS as NETWORK_FORMATS
from .network import KINDS as NETWORK_KINDS
from .network import write_network
from .queries import FORMS
from .targets_cli import register_show

DEFAULT_DB = "wortlaut.db"
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def database_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "db", None) or os.environ.get("WORTLAUT_DB") or DEFAULT_DB)


def date_bound(value: str | None, *, end: bool) -> str | None:
    """``2025``, ``2025-09`` or ``2025-09-05`` as the first (or last) day it covers."""
    if value is None:
        return None
    match = _PARTIAL_DATE.fullmatch(value.strip())
    if not match:
        raise StoreError(f"bad date {value!r}: use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    try:  # "2025-13-01", "2025-02-30": no such day
        first = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise StoreError(f"bad date {value!r}: no such day") from None
    if not end or day:
        return first.isoformat()
    last_month = first.month if month else 12
    return first.replace(month=last_month, day=calendar.monthrange(first.year, last_month)[1]).isoformat()


def _add_db(parser: argparse.ArgumentParser, *, inherited: bool = False) -> None:
    parser.add_argument("--db", default=argparse.SUPPRESS if inherited else None, metavar="FILE",
                        help=f"the corpus database (default: $WORTLAUT_DB or ./{DEFAULT_DB})")


def _add_range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="only statements on or after DATE")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="only statements on or before DATE")
    parser.add_argument("--min-confidence", type=float, default=None, metavar="P",
                        help="only statements whose speaker was resolved with at least this confidence (0-1)")
    parser.add_argument("--resolved-only", action="store_true",
                        help="only statements whose speaker is an actor (no unresolved pronouns or 'Experten')")
    parser.add_argument("--date-source", dest="date_sources", type=_date_sources, default=None, metavar="SOURCES",
                        help="only statements whose date is of these kinds, comma-separated: explicit (named in "
                             "its sentence), inherited (along the discourse), article (the article's date)")
    parser.add_argument("--act", dest="acts", type=_acts, default=None, metavar="TYPES",
                        help="only statements of these speech acts, comma-separated: " + ", ".join(speech_acts()))


def _range(args: argparse.Namespace) -> dict:
    """The statement filters every query command shares: dates and how sure the speaker is."""
    return {"date_from": date_bound(args.date_from, end=False), "date_to": date_bound(args.date_to, end=True),
            "min_confidence": args.min_confidence, "resolved_only": args.resolved_only,
            "date_sources": args.date_sources, "acts": args.acts}


def _date_sources(value: str) -> list[str]:
    sources = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [source for source in sources if source not in DATE_SOURCES]
    if not sources or unknown:
        raise argparse.ArgumentTypeError(f"{value!r}: choose from {', '.join(DATE_SOURCES)}, comma-separated")
    return sources


def _acts(value: str) -> list[str]:
    acts = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [act for act in acts if act not in speech_acts()]
    if not acts or unknown:
        raise argparse.ArgumentTypeError(f"{value!r}: choose from {', '.join(speech_acts())}, comma-separated")
    return acts


def register(subparsers) -> None:
    """Add ingest, search, timeline, actors, network and export to an argparse subparsers object."""
    from ..cli import add_analysis_options

    p = subparsers.add_parser("ingest", help="analyse files and store them in the corpus database",
                              description="Analyse every article under PATH... and store it. Re-running skips "
                                          "unchanged files; changed files replace what they held.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (searched recursively)")
    p.add_argument("--from-parquet", metavar="DIR",
                   help="store the output of 'wortlaut batch --out DIR' instead of analysing files")
    _add_db(p)
    p.add_argument("--input-format", choices=INPUT_FORMATS, help="override format detection")
    p.add_argument("--date", help="publication date for articles that carry none (YYYY-MM-DD)")
    p.add_argument("--prune", action="store_true",
                   help="remove stored files that no longer exist, with the articles only they held")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show progress (default: when stderr is a terminal)")
    add_analysis_options(p)
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser("search", help="full-text search over statement content")
    p.add_argument("query", help="words, \"a phrase\", prefix*, A OR B (SQLite FTS5 syntax)")
    p.add_argument("--speaker", help="only statements of this actor")
    _add_range(p)
    p.add_argument("--form", choices=FORMS)
    p.add_argument("--limit", type=int, default=100, help="at most this many results (default 100, 0: all)")
    _add_db(p)
    p.set_defaults(func=cmd_search)

    p = subparsers.add_parser("timeline", help="an actor's statements by date")
    p.add_argument("actor", help="actor name or any name it was quoted under")
    _add_range(p)
    p.add_argument("--form", choices=FORMS)
    _add_db(p)
    p.set_defaults(func=cmd_timeline)

    p = subparsers.add_parser("actors", help="who is quoted how often; corrections (merge, split, rename)",
                              description="Without an action: list actors by number of statements.")
    p.add_argument("--top", type=int, default=None, metavar="N", help="only the N most quoted")
    _add_db(p)
    p.set_defaults(func=cmd_actors)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    for action, help_text, argument in (("merge", "make actor A part of actor B (kept across re-ingest)", "B"),
                                        ("split", "take name X out of actor A as an actor of its own", "--alias"),
                                        ("rename", "give actor A the name NEW", "NEW")):
        q = actions.add_parser(action, help=help_text)
        q.add_argument("subject", metavar="A")
        if argument == "--alias":
            q.add_argument("--alias", dest="argument", required=True, metavar="X")
        else:
            q.add_argument("argument", metavar=argument)
        _add_db(q, inherited=True)
        q.set_defaults(func=cmd_actor_rule)
    q = actions.add_parser("correct", help="set one statement's speaker (kept across re-ingest and re-analysis)")
    q.add_argument("statement_id", type=int, metavar="STATEMENT_ID", help="the statement's id (search, export)")
    q.add_argument("speaker", metavar="NAME", help="the right speaker")
    _add_db(q, inherited=True)
    q.set_defaults(func=cmd_correct_speaker)
    q = actions.add_parser("reject", help="mark one statement as no statement (kept across re-ingest)")
    q.add_argument("statement_id", type=int, metavar="STATEMENT_ID", help="the statement's id (search, export)")
    _add_db(q, inherited=True)
    q.set_defaults(func=cmd_reject_statement)
    q = actions.add_parser("rules", help="list the stored corrections")
    _add_db(q, inherited=True)
    q.set_defaults(func=cmd_actor_rules)
    q = actions.add_parser("unrule", help="delete a stored correction by its id")
    q.add_argument("rule_id", type=int, metavar="ID")
    _add_db(q, inherited=True)
    q.set_defaults(func=cmd_actor_unrule)
    register_show(actions, _add_db, _add_range, _range, database_path)

    p = subparsers.add_parser("network", help="actor-concept or actor-actor network for Gephi / visone")
    p.add_argument("--format", dest="fmt", choices=NETWORK_FORMATS, default=None,
                   help="default: from the --out suffix, else graphml")
    p.add_argument("--kind", choices=NETWORK_KINDS, default="actor-concept")
    p.add_argument("--min-weight", type=int, default=1, metavar="N", help="leave out edges lighter than N")
    _add_range(p)
    p.add_argument("--out", metavar="FILE", help="default: standard output")
    _add_db(p)
    p.set_defaults(func=cmd_network)

    p = subparsers.add_parser("export", help="all statements with all their fields")
    p.add_argument("--format", dest="fmt", choices=EXPORT_FORMATS, default=None,
                   help="default: from the --out suffix, else jsonl")
    _add_range(p)
    p.add_argument("--out", metavar="FILE", help="default: standard output")
    _add_db(p)
    p.set_defaults(func=cmd_export)

    from .provenance_cli import register as register_quotes

    register_quotes(subparsers, _add_db)


def _error(message: str) -> int:
    print(f"wortlaut: {message}", file=sys.stderr)
    return 1


def _reader(args: argparse.Namespace) -> Store:
    return Store(database_path(args), readonly=True)


def cmd_ingest(args: argparse.Namespace) -> int:
    from ..cli import checked_options
    from .ingestion import ingest

    if bool(args.paths) == bool(args.from_parquet):
        return _error("error: give files to analyse or --from-parquet DIR (one of them)")
    if args.from_parquet:
        return _ingest_parquet(args)
    options = checked_options(args)
    if options is None:
        return 2
    try:
        summary = ingest(args.paths, database_path(args), input_format=args.input_format, date=args.date,
                         options=options, progress=args.progress, prune=args.prune)
    except StoreError as error:
        return _error(str(error))
    if args.progress is False:
        print(f"ingest: {summary.line()}", file=sys.stderr)
    return 1 if summary.failed else 0


def _ingest_parquet(args: argparse.Namespace) -> int:
    from ..scale import ingest_parquet

    try:
        summary = ingest_parquet(args.from_parquet, database_path(args))
    except StoreError as error:
        return _error(str(error))
    return 1 if summary.failed else 0


DATE_MARKS = {"inherited": "~", "article": "*"}  # after the date; an explicit date has none


def _print_statements(rows: list[dict]) -> None:
    for row in rows:
        date = (row["date"] or "?") + DATE_MARKS.get(row["date_source"] or "", "")
        print(f"{date:11}  {row['actor'] or row['speaker_text'] or '?'}  [{row['form']}]  {row['content']}")
    if any(row["date_source"] in DATE_MARKS for row in rows):
        print("dates: ~ inherited from the statement before, * the article's date (none named)", file=sys.stderr)


def cmd_search(args: argparse.Namespace) -> int:
    try:
        with _reader(args) as store:
            rows = store.search(args.query, speaker=args.speaker, **_range(args), form=args.form, limit=args.limit or None)
    except StoreError as error:
        return _error(str(error))
    _print_statements(rows)
    print(f"{len(rows)} statements", file=sys.stderr)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    if not args.actor.strip():
        return _error("give an actor's name (see 'wortlaut actors')")
    try:
        with _reader(args) as store:
            found = store.find_actors(args.actor)
            if not found:
                return _error(f"no actor named {args.actor!r} (see 'wortlaut actors')")
            rows = store.timeline(args.actor, **_range(args), form=args.form)
    except StoreError as error:
        return _error(str(error))
    if len(found) > 1:
        print("several actors match: " + "; ".join(name for _, name in found), file=sys.stderr)
    _print_statements(rows)
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    try:
        with _reader(args) as store:
            rows = store.actors(args.top)
    except StoreError as error:
        return _error(str(error))
    for row in rows:
        roles = f"  ({row['roles']})" if row["roles"] else ""
        print(f"{row['statements']:6}  {row['first_date'] or '?'} … {row['last_date'] or '?'}  {row['name']}{roles}")
    return 0


def cmd_actor_rule(args: argparse.Namespace) -> int:
    try:
        with Store(database_path(args)) as store:
            store.add_rule(args.action, args.subject, args.argument)
    except StoreError as error:
        return _error(str(error))
    print(f"stored: {args.action} {args.subject!r} {args.argument!r}", file=sys.stderr)
    return 0


def cmd_correct_speaker(args: argparse.Namespace) -> int:
    try:
        with Store(database_path(args)) as store:
            store.correct_speaker(args.statement_id, args.speaker)
    except StoreError as error:
        return _error(str(error))
    print(f"stored: statement {args.statement_id} is by {args.speaker!r}", file=sys.stderr)
    return 0


def cmd_reject_statement(args: argparse.Namespace) -> int:
    try:
        with Store(database_path(args)) as store:
            store.reject_statement(args.statement_id)
    except StoreError as error:
        return _error(str(error))
    print(f"stored: statement {args.statement_id} is no statement", file=sys.stderr)
    return 0


def cmd_actor_rules(args: argparse.Namespace) -> int:
    try:
        with _reader(args) as store:
            rules, corrections, rejections = store.rules(), store.speaker_corrections(), store.rejections()
    except StoreError as error:
        return _error(str(error))
    for rule in rules:
        print(f"{rule['id']:4}  {rule['action']:6}  {rule['subject']!r} {rule['argument']!r}  ({rule['created_at']})")
    for correction in corrections:
        print(f"   -  speaker {correction['speaker']!r} for {correction['content'][:60]!r}  ({correction['created_at']})")
    for rejection in rejections:
        print(f"   -  no statement: {rejection['content'][:60]!r}  ({rejection['created_at']})")
    return 0


def cmd_actor_unrule(args: argparse.Namespace) -> int:
    try:
        with Store(database_path(args)) as store:
            store.remove_rule(args.rule_id)
    except StoreError as error:
        return _error(str(error))
    return 0


def _format_for(fmt: str | None, out: str | None, known: tuple[str, ...], default: str) -> str:
    if fmt:
        return fmt
    suffix = Path(out).suffix.lstrip(".").lower() if out else ""
    return suffix if suffix in known else default


def cmd_network(args: argparse.Namespace) -> int:
    fmt = _format_for(args.fmt, args.out, NETWORK_FORMATS, "graphml")
    try:
        with _reader(args) as store:
            graph = store.network(args.kind, **_range(args), min_weight=args.min_weight)
    except StoreError as error:
        return _error(str(error))
    write_network(graph, args.out or sys.stdout.buffer, fmt)
    print(f"{args.kind} network: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges",
          file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    fmt = _format_for(args.fmt, args.out, EXPORT_FORMATS, "jsonl")
    if fmt == "parquet" and not args.out:
        return _error("Parquet needs a file: give --out FILE")
    try:
        with _reader(args) as store:
            count = store.export(args.out or sys.stdout.buffer, fmt, **_range(args))
    except (StoreError, MissingDependency) as error:
        return _error(str(error))
    print(f"{count} statements exported", file=sys.stderr)
    return 0
