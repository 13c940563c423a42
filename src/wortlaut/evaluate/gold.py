"""Reading hand-labelled gold files: one JSON object a line, each problem named by file and line."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file and line."""


def read_json_lines(path: Path, required: Sequence[str], *, what: str = "gold",
                    error: type[GoldError] = GoldError) -> list[tuple[int, dict]]:
    """(line number, object) for each non-blank line of ``path``; every object has the keys ``required``."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as problem:
        raise error(f"{path}: cannot read {what}: {problem}") from problem
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as problem:
            raise error(f"{path}:{number}: not JSON: {problem}") from problem
        if not isinstance(record, dict):
            raise error(f"{path}:{number}: not a JSON object")
        missing = [key for key in required if key not in record]
        if missing:
            raise error(f"{path}:{number}: missing {', '.join(missing)}")
        records.append((number, record))
    return records
