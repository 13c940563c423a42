"""``wortlaut actors show A``: whom A talks about most, who talks about A, per month."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from .errors import StoreError

_HEADER = f"{'statements':>10}  {'+':>3}  {'-':>3}  {'balance':>7}  {'act':<10}  name"


def register_show(actions, add_db: Callable, add_range: Callable, filters: Callable, database_path: Callable) -> None:
    """Add ``show`` to the ``actors`` actions."""
    q = actions.add_parser("show", help="whom actor A talks about most and who talks about A, per month")
    q.add_argument("subject", metavar="A", help="actor name or any name it was quoted under")
    q.add_argument("--top", type=int, default=10, metavar="N", help="at most N names in each list (0: all)")
    q.add_argument("--json", action="store_true", help="print the profile as JSON")
    add_range(q)
    add_db(q, inherited=True)
    q.set_defaults(func=lambda args: cmd_actor_show(args, filters, database_path))


def cmd_actor_show(args: argparse.Namespace, filters: Callable, database_path: Callable) -> int:
    from .database import Store

    range_ = {key: value for key, value in filters(args).items() if key != "resolved_only"}
    try:
        with Store(database_path(args), readonly=True) as store:
            profile = store.actor_targets(args.subject, **range_)
    except StoreError as error:
        print(f"wortlaut: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(profile, ensure_ascii=False, indent=2))
        return 0
    print("\n".join(profile_lines(profile, args.top or None)))
    return 0


def profile_lines(profile: dict, top: int | None = 10) -> list[str]:
    """The profile as a readable table: totals first, then each month."""
    lines = []
    for key, title in (("talks_about", f"{profile['actor']} talks about"),
                       ("talked_about_by", f"talking about {profile['actor']}")):
        side = profile[key]
        lines += ["", f"{title}:", _HEADER]
        lines += [_line(row) for row in side["total"][:top]] or ["  (nobody)"]
        for month, rows in side["months"].items():
            lines += [f"  {month}:"] + [_line(row) for row in rows[:top]]
    return lines[1:]


def _line(row: dict) -> str:
    return (f"{row['statements']:>10}  {row['positive']:>3}  {row['negative']:>3}  {row['balance']:>+7}  "
            f"{row['act'] or '-':<10}  {row['name']}")
