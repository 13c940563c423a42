"""``wortlaut quotes``: where a quote came from (its provenance chain), and quotes attributed differently."""

from __future__ import annotations

import argparse
import json
import sys

from .database import Store
from .errors import StoreError
from .provenance import CONFLICT_KINDS


def register(subparsers, add_db) -> None:
    p = subparsers.add_parser(
        "quotes", help="where a quote came from; quotes attributed to different speakers, days or places",
        description="With TEXT: the quotes that contain it (case, quotation marks and punctuation do not matter), "
                    "each with its first appearance and every article that carries it. With --conflicts: quotes "
                    "given different speakers, days or places in different articles.")
    p.add_argument("text", nargs="?", metavar="TEXT", help="a quote or a part of it")
    p.add_argument("--conflicts", action="store_true", help="list quotes attributed differently")
    p.add_argument("--kind", dest="kinds", choices=CONFLICT_KINDS, action="append",
                   help="with --conflicts: only this kind (repeatable)")
    p.add_argument("--limit", type=int, default=10, help="at most this many quotes (default 10, 0: all)")
    p.add_argument("--json", action="store_true", help="JSON lines, one quote or conflict each")
    p.add_argument("--rebuild", action="store_true", help="recompute the quote clusters first")
    add_db(p)
    p.set_defaults(func=cmd_quotes)


def cmd_quotes(args: argparse.Namespace) -> int:
    from .cli import _error, database_path

    if not args.conflicts and not (args.text or "").strip():
        return _error("give a quote's TEXT, or --conflicts")
    try:
        if args.rebuild:
            with Store(database_path(args)) as store:
                print(f"{store.rebuild_quotes()} quotes", file=sys.stderr)
        with Store(database_path(args), readonly=True) as store:
            if store.quotes_stale():
                print("wortlaut: the quotes are older than the statements: run 'wortlaut quotes --rebuild'",
                      file=sys.stderr)
            if args.conflicts:
                found = store.quote_conflicts(args.kinds, limit=args.limit or None)
            else:
                found = store.quotes(args.text, limit=args.limit or 1_000_000)
    except StoreError as error:
        return _error(str(error))
    if args.json:
        for item in found:
            print(json.dumps(item, ensure_ascii=False))
    elif args.conflicts:
        print_conflicts(found)
    else:
        print_chains(found)
    print(f"{len(found)} {'conflicts' if args.conflicts else 'quotes'}", file=sys.stderr)
    return 0 if found or args.conflicts else 1


def print_chains(quotes: list[dict]) -> None:
    for number, quote in enumerate(quotes):
        if number:
            print()
        print(f"quote {quote['id']}: „{quote['text']}“")
        print(f"  {quote['occurrences']} occurrences in {quote['articles']} articles, {quote['variants']} wordings")
        for occurrence in quote["chain"]:
            print(_occurrence_line(occurrence))
            if occurrence["variant"] != "same":
                print(f"      {occurrence['variant']}: „{occurrence['text']}“")
        for conflict in quote["conflicts"]:
            print(f"  ! {conflict['kind']} differs: " + " / ".join(value["value"] for value in conflict["values"]))


def _occurrence_line(occurrence: dict) -> str:
    mark = "first" if occurrence["position"] == 0 else "     "
    said = f" (said {occurrence['statement_date']})" if occurrence["date_source"] in ("explicit", "inherited") else ""
    place = f" in {occurrence['place']}" if occurrence["place"] else ""
    return (f"  {mark} {occurrence['article_date'] or '?'}  {occurrence['speaker'] or occurrence['speaker_text'] or '?'}"
            f"{place}{said}  [{occurrence['outlet'] or '?'}] {occurrence['title'] or occurrence['doc_id'] or ''}")


def print_conflicts(conflicts: list[dict]) -> None:
    for number, conflict in enumerate(conflicts):
        if number:
            print()
        print(f"{conflict['kind']} conflict, quote {conflict['quote_id']}: „{conflict['text']}“")
        for value in conflict["values"]:
            articles = "; ".join(f"{a['date'] or '?'} [{a['outlet'] or '?'}] {a['title'] or ''}".rstrip()
                                 for a in value["articles"])
            print(f"  {value['value']}: {articles}")
