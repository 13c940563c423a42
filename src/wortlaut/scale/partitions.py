"""The corpus split into numbered partitions of articles, read on the client.

The split depends only on the input files and the partition size, so partition N of a rerun
holds the same articles as before and its Parquet files, once written, need not be redone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..formats import InputError, read_articles
from ..model import Document
from ..store.ingestion import file_hash


@dataclass
class Article:
    doc: Document  # as read, not yet analysed
    file: str  # the input file (the store's source)
    position: int  # its place among the file's articles (as ingest counts)
    file_hash: str  # identity of the file's input (ingest's), so a later ingest of the file skips it


@dataclass
class FailureRow:
    file: str
    article: str | None  # the article id or the line; None: the whole file
    error: str


@dataclass
class Partition:
    number: int
    first_article: int  # global number of its first article (the tables' article key)
    articles: list[Article] = field(default_factory=list)
    failures: list[FailureRow] = field(default_factory=list)  # problems met while reading


def read_partitions(files: Iterable[Path], size: int, *, input_format: str | None, date: dt.date | str | None,
                    max_chars: int) -> Iterator[Partition]:
    """Partitions of ``size`` articles from ``files`` in order; a read problem goes with the
    partition the next article would join."""
    partition = Partition(0, 0)
    problems: list[FailureRow] = []  # met since the last partition was handed out

    def refuse(error: InputError) -> None:  # a bad line, article or file: reported, skipped
        problems.append(_failure(error))

    for path in files:
        try:
            key = file_hash(path, input_format, date)
            for position, doc in enumerate(read_articles(path, input_format=input_format, date=date,
                                                         max_chars=max_chars, on_error=refuse)):
                partition.articles.append(Article(doc, str(path), position, key))
                if len(partition.articles) == size:
                    partition.failures, problems[:] = list(problems), []
                    yield partition
                    partition = Partition(partition.number + 1, partition.first_article + size)
        except InputError as error:  # the whole file: missing, unreadable, empty, not text
            refuse(error)
        except OSError as error:
            refuse(InputError(path, f"cannot read: {error.strerror or error}"))
    if partition.articles or problems:
        partition.failures = problems
        yield partition


def _failure(error: InputError) -> FailureRow:
    """``error.path`` is the file, ``file:LINE`` (JSONL) or ``file (URL)`` (WARC)."""
    file, _, line = error.path.rpartition(":") if _LINE.search(error.path) else (error.path, "", "")
    if line:
        return FailureRow(file, f"line {line}", error.problem)
    file, _, url = file.partition(" (")
    return FailureRow(file, url.removesuffix(")") or None, error.problem)


_LINE = re.compile(r":\d+$")
