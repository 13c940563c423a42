"""What every reader shares: the error naming the file and the problem, dates, the size limit."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..model import Document

MAX_CHARS = 1_000_000  # a single article beyond this is refused with a message, not cut


class InputError(Exception):
    """A file that cannot be read as an article; the message names the file."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def parse_date(value: object, path: str | Path, what: str = "date") -> dt.date:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        raise InputError(path, f"missing {what}")
    text = value.strip()[:10]
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(path, f"impossible {what} {value!r} (expected YYYY-MM-DD)") from None


_INVALID = re.compile("[\ud800-\udfff]")  # lone surrogates: no encoding can write them


def clean_text(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate replaced by U+FFFD, and how many there were."""
    return _INVALID.subn("\ufffd", text)


def replace_invalid(doc: Document) -> None:
    """Lone surrogates (``"\\ud800"`` in JSON) cannot be encoded, stored or hashed: each becomes
    U+FFFD (one character for one, so offsets stay right), and the warnings say how many."""
    text, count = clean_text(doc.text)
    if count:
        doc.text = text
        doc.warnings.append(f"{count} invalid character{'s' if count > 1 else ''} (lone surrogates) replaced")
    if doc.title:
        doc.title = clean_text(doc.title)[0]
