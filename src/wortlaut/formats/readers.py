"""Reading articles from files: seed format, plain text, JSONL, HTML (SpkAtt JSON in :mod:`.spkatt`).

Every reader returns :class:`Document` objects with ``text`` as read (only the
seed format's ``date …`` header is removed) and raises :class:`InputError`
naming the file and the problem for anything it cannot read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Document
from .base import MAX_CHARS, InputError, parse_date
from .spkatt import read_spkatt

FORMATS = ("seed", "text", "jsonl", "html", "spkatt")
EXTENSIONS = {".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl",
              ".html": "html", ".htm": "html", ".json": "spkatt"}

_SEED_HEADER = re.compile(r"\A\s*date\s+(\S+)\s+")


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and all files under named directories (sorted, hidden ones skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_format(path: Path, text: str) -> str:
    if _SEED_HEADER.match(text):
        return "seed"
    suffix = path.suffix.lower()
    # SpkAtt files may put thousands of characters of "Annotations" before "Sentences".
    if suffix == ".json" and '"Sentences"' not in text:
        return "jsonl"
    return EXTENSIONS.get(suffix, "text")


def read_file(
    path: str | Path,
    *,
    input_format: str | None = None,
    date: dt.date | str | None = None,
    max_chars: int = MAX_CHARS,
) -> list[Document]:
    """Read one file into one or more documents (JSONL files hold several)."""
    path = Path(path)
    text = _read_text(path)
    fmt = input_format or detect_format(path, text)
    if fmt not in FORMATS:
        raise InputError(path, f"unknown input format {fmt!r}; known: {', '.join(FORMATS)}")
    default_date = parse_date(date, path) if date is not None else None
    reader = {"seed": read_seed, "text": read_plain, "jsonl": read_jsonl, "html": read_html, "spkatt": read_spkatt}[fmt]
    docs = reader(path, text, default_date)
    for doc in docs:
        doc.source = str(path)
        if len(doc.text) > max_chars:
            raise InputError(path, f"article {doc.id!r} too large: {len(doc.text):,} characters, "
                                   f"the limit is {max_chars:,} (raise it with --max-chars)")
    return docs


def read_seed(path: Path, text: str, default_date: dt.date | None) -> list[Document]:
    match = _SEED_HEADER.match(text)
    if not match:
        raise InputError(path, "seed format must start with 'date YYYY-MM-DD'")
    date = parse_date(match.group(1), path)
    body = text[match.end():].rstrip()
    if not body.strip():
        raise InputError(path, "no article text after the date line")
    return [Document(text=body, date=date, id=path.stem, glued_headings=True)]


def read_plain(path: Path, text: str, default_date: dt.date | None) -> list[Document]:
    if default_date is None:
        raise InputError(path, "plain text has no date: give one with --date YYYY-MM-DD")
    return [Document(text=text.rstrip(), date=default_date, id=path.stem)]


def read_jsonl(path: Path, text: str, default_date: dt.date | None) -> list[Document]:
    docs = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(where, f"invalid JSON: {error.msg}") from None
        if not isinstance(record, dict):
            raise InputError(where, "each line must be a JSON object")
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            raise InputError(where, "missing or empty 'text' field")
        raw_date = record.get("date")
        date = parse_date(raw_date, where) if raw_date is not None else default_date
        if date is None:
            raise InputError(where, "missing 'date' field (or give --date YYYY-MM-DD)")
        docs.append(Document(text=body, date=date, id=str(record.get("id") or f"{path.stem}-{number}"),
                             title=record.get("title")))
    if not docs:
        raise InputError(path, "no articles in the JSONL file")
    return docs


def read_html(path: Path, text: str, default_date: dt.date | None) -> list[Document]:
    import trafilatura

    result = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    meta = {} if result is None else result if isinstance(result, dict) else result.as_dict()
    body = meta.get("text")
    if not body or not body.strip():
        raise InputError(path, "no article text found in the HTML page")
    date = default_date
    if meta.get("date"):
        try:
            date = dt.date.fromisoformat(str(meta["date"])[:10])
        except ValueError:
            pass
    if date is None:
        raise InputError(path, "no publication date found in the HTML page: give one with --date YYYY-MM-DD")
    return [Document(text=body, date=date, id=path.stem, title=meta.get("title"))]
