"""``wortlaut serve``: the web UI over a corpus database."""

from __future__ import annotations

import argparse
import sys

from ..store.cli import database_path


def register(subparsers) -> None:
    p = subparsers.add_parser("serve", help="browse a corpus database in the web browser",
                              description="Serve the web UI for a corpus database, opened read-only unless --edit.")
    p.add_argument("--db", metavar="FILE", help="the corpus database (default: $WORTLAUT_DB or ./wortlaut.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--edit", action="store_true",
                   help="allow corrections in the browser (speaker, merge, rename, mark wrong); they are stored "
                        "like 'wortlaut actors ...' corrections and survive re-ingest")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from . import WebConfig, create_app

    db = database_path(args)
    if not db.is_file():
        print(f"wortlaut: error: no database at {db}: create one with 'wortlaut ingest'", file=sys.stderr)
        return 1
    print(f"wortlaut: serving {db} on http://{args.host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(create_app(WebConfig(db, edit=args.edit)), host=args.host, port=args.port, log_level="warning")
    return 0
