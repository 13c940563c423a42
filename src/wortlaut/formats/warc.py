"""WARC files (``.warc``, ``.warc.gz``; CC-NEWS style): each HTML response is one article.

The page goes through trafilatura like an HTML file.  The article's id and source are its URL;
its date is the page's publication date, else the day it was crawled (``WARC-Date``), else
``--date``.  Records that are no HTML page (requests, metadata, images, redirects) are not
articles and are passed over; an HTML page without article text is reported and skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from ..model import Document
from .base import InputError

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def outlet_of(url: str | None) -> str | None:
    """The host that published a page (``www.example.de``), None for a file path."""
    if not url or "://" not in url:
        return None
    return urlsplit(url).hostname


def read_warc(path: Path, handle: BinaryIO, default_date: dt.date | None,
              refuse: Callable[[InputError], None]) -> Iterator[Document]:
    """The articles of a WARC file, one response record at a time (the file is streamed)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .readers import html_article

    found = 0
    try:
        for record in ArchiveIterator(handle):
            if not _is_html_page(record):
                continue
            found += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#{found}"
            where = f"{path} ({url})"
            html = _decoded_payload(record)
            try:
                doc = html_article(where, html, _crawl_date(record) or default_date, doc_id=url)
            except InputError as error:
                refuse(error)
                continue
            doc.source = url
            yield doc
    except ArchiveLoadFailed as error:
        raise InputError(path, f"not a WARC file: {error}") from None
    if not found:
        raise InputError(path, "no HTML page in the WARC file")


def _is_html_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status == "200" and "html" in content_type


def _decoded_payload(record) -> str:
    """The page as text in the charset its headers name (UTF-8 when none or an unknown one)."""
    data = record.content_stream().read()
    content_type = record.http_headers.get_header("Content-Type") or ""
    charset = content_type.lower().partition("charset=")[2].split(";")[0].strip(" \"'") or "utf-8"
    try:
        return data.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know
        return data.decode("utf-8", errors="replace")


def _crawl_date(record) -> dt.date | None:
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
