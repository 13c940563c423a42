"""Reading articles from files: seed format, plain text, JSONL, HTML (SpkAtt JSON in :mod:`.spkatt`,
WARC in :mod:`.warc`).

Every reader returns :class:`Document` objects with ``text`` as read (only the
seed format's ``date …`` header is removed; lone surrogates become U+FFFD, with a
warning) and raises :class:`InputError` naming the file and the problem for
anything it cannot read.  :func:`read_articles` streams a file's articles: a JSONL
file is read line by line, and a bad line is reported and skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..model import Document
from .base import MAX_CHARS, InputError, parse_date, replace_invalid
from .spkatt import read_spkatt
from .warc import is_warc, read_warc

FORMATS = ("seed", "text", "jsonl", "html", "spkatt", "warc")
EXTENSIONS = {".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl",
              ".html": "html", ".htm": "html", ".json": "spkatt",
              ".warc": "warc"}  # and .warc.gz (formats.warc.is_warc)

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


_HEAD_BYTES = 1 << 16  # read first, to tell the format and the encoding
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _open(path: Path) -> BinaryIO:
    """The file opened in binary; refused when missing, unreadable or not a regular file (a pipe
    or a device would block or never end)."""
    if not path.exists():
        raise InputError(path, "no such file")
    if not path.is_file():
        raise InputError(path, "not a regular file (a pipe, device or socket)")
    try:
        return path.open("rb")
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None


def _decode(where: Path | str, data: bytes) -> str:
    """UTF-8 (a BOM is dropped), or UTF-16 when it starts with its BOM; line breaks normalised."""
    try:
        text = data.decode("utf-16") if data.startswith(_UTF16_BOMS) else data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(where, f"not {error.encoding.upper()}: byte 0x{data[error.start]:02x} at offset {error.start}") \
            from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _refuse_binary(path: Path, head: bytes) -> None:
    """A NUL byte early in a file that is no UTF-16: binary, not text."""
    if not head.startswith(_UTF16_BOMS) and b"\x00" in head[:8192]:
        raise InputError(path, "binary file, not text")


def _text_of(path: Path, data: bytes) -> str:
    _refuse_binary(path, data)
    text = _decode(path, data)
    if not text.replace("\ufeff", "").strip():
        raise InputError(path, "empty file" if not data.strip() else "empty file (nothing but a byte order mark)")
    return text


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
    """Read one file into one or more documents (JSONL files hold several); the first problem,
    of the file or of one of its lines, raises :class:`InputError`."""
    return list(read_articles(path, input_format=input_format, date=date, max_chars=max_chars))


def read_articles(
    path: str | Path,
    *,
    input_format: str | None = None,
    date: dt.date | str | None = None,
    max_chars: int = MAX_CHARS,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[Document]:
    """The articles of one file, one at a time; a JSONL file is read line by line, so memory does
    not grow with its length.  A problem of the whole file raises :class:`InputError` before
    any article; a bad line or a too large article goes to ``on_error`` and is skipped (raised
    when there is no ``on_error``)."""
    path = Path(path)
    if input_format is not None and input_format not in FORMATS:
        raise InputError(path, f"unknown input format {input_format!r}; known: {', '.join(FORMATS)}")
    default_date = parse_date(date, path) if date is not None else None

    def refuse(error: InputError) -> None:
        if on_error is None:
            raise error
        on_error(error)

    with _open(path) as handle:
        if input_format == "warc" or input_format is None and is_warc(path):  # binary, read record by record
            yield from _checked(path, read_warc(path, handle, default_date, refuse), max_chars, refuse)
            return
        head = handle.read(_HEAD_BYTES)
        streamed = input_format == "jsonl" or input_format is None and EXTENSIONS.get(path.suffix.lower()) == "jsonl"
        if streamed and not head.startswith(_UTF16_BOMS):
            _refuse_binary(path, head)
            docs = _jsonl_documents(path, enumerate(_lines(head, handle), start=1), default_date, refuse)
        else:
            text = _text_of(path, head + handle.read())
            fmt = input_format or detect_format(path, text)
            if fmt == "jsonl":
                lines = enumerate((line.encode() for line in text.split("\n")), start=1)
                docs = _jsonl_documents(path, lines, default_date, refuse)
            else:
                docs = iter(_READERS[fmt](path, text, default_date))
        yield from _checked(path, docs, max_chars, refuse)


def _checked(path: Path, docs: Iterable[Document], max_chars: int,
             refuse: Callable[[InputError], None]) -> Iterator[Document]:
    """The documents with their source (the file, unless the reader knows a URL), too large ones
    refused, lone surrogates replaced."""
    for doc in docs:
        doc.source = doc.source or str(path)
        if len(doc.text) > max_chars:
            refuse(InputError(path, f"article {doc.id!r} too large: {len(doc.text):,} characters, "
                                    f"the limit is {max_chars:,} (raise it with --max-chars)"))
            continue
        replace_invalid(doc)
        yield doc


def _jsonl_documents(path: Path, lines: Iterable[tuple[int, bytes]], default_date: dt.date | None,
                     refuse: Callable[[InputError], None]) -> Iterator[Document]:
    """One document a line; each line is decoded on its own, so one bad line spoils only itself."""
    nonblank = 0
    for number, raw in lines:
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        nonblank += 1
        where = f"{path}:{number}"
        try:
            doc = _jsonl_record(path, number, _decode(where, raw), default_date)
        except InputError as error:
            refuse(error)
            continue
        yield doc
    if not nonblank:
        raise InputError(path, "empty file")


def _lines(head: bytes, handle: BinaryIO) -> Iterator[bytes]:
    """The lines of a file whose first bytes are read already."""
    *complete, rest = head.split(b"\n")
    yield from complete
    for block in iter(lambda: handle.read(1 << 20), b""):
        *complete, rest = (rest + block).split(b"\n")
        yield from complete
    yield rest


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


def _jsonl_record(path: Path, number: int, line: str, default_date: dt.date | None) -> Document:
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
    title = record.get("title")
    return Document(text=body, date=date, id=str(record.get("id") or f"{path.stem}-{number}"),
                    title=title if isinstance(title, str) else None)


def read_html(path: Path, text: str, default_date: dt.date | None) -> list[Document]:
    return [html_article(path, text, default_date, doc_id=path.stem)]


def html_article(where: Path | str, text: str, default_date: dt.date | None, *, doc_id: str) -> Document:
    """The article of an HTML page (trafilatura): its text, title and the publication date in its
    metadata (``default_date`` when it names none)."""
    import trafilatura

    result = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    meta = {} if result is None else result if isinstance(result, dict) else result.as_dict()
    body = meta.get("text")
    if not body or not body.strip():
        raise InputError(where, "no article text found in the HTML page")
    date = default_date
    if meta.get("date"):
        try:
            date = dt.date.fromisoformat(str(meta["date"])[:10])
        except ValueError:
            pass
    if date is None:
        raise InputError(where, "no publication date found in the HTML page: give one with --date YYYY-MM-DD")
    return Document(text=body, date=date, id=doc_id, title=meta.get("title"))


_READERS = {"seed": read_seed, "text": read_plain, "html": read_html, "spkatt": read_spkatt}
