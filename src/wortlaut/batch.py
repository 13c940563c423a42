"""Analysing many files: a bad file is reported and skipped, the rest goes on."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .formats import InputError, iter_input_files, read_articles
from .model import Document
from .pipeline import Options, run
from .progress import Progress


@dataclass
class Failure:
    path: str
    problem: str


@dataclass
class Summary:
    files: int = 0
    articles: int = 0
    statements: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"{self.files} files: {self.articles} articles analysed, {self.statements} statements, "
                f"{len(self.failures)} failed in {self.seconds:.1f} s")


def analyze_paths(
    paths: Iterable[str | Path],
    *,
    input_format: str | None = None,
    date: dt.date | str | None = None,
    options: Options | None = None,
    summary: Summary | None = None,
    progress: Progress | None = None,
) -> Iterator[Document]:
    """Yield analysed documents from files and folders; failures go into ``summary``; ``progress``
    hears of every article read."""
    summary = summary if summary is not None else Summary()
    options = options or Options()
    started = time.monotonic()

    def skip(error: InputError) -> None:  # a bad line or article of a file: reported, the rest goes on
        summary.failures.append(Failure(error.path, error.problem))

    for path in iter_input_files(paths):
        summary.files += 1
        docs = read_articles(path, input_format=input_format, date=date, max_chars=options.max_chars, on_error=skip)
        try:
            for doc in docs:
                if progress is not None:
                    progress.update(len(doc.text))
                try:
                    doc = run(doc, options)
                except Exception as error:  # one article's crash must not stop a corpus run
                    summary.failures.append(Failure(f"{path} ({doc.id})",
                                                    f"analysis failed: {type(error).__name__}: {error}"))
                    continue
                summary.articles += 1
                summary.statements += len(doc.statements)
                summary.seconds = time.monotonic() - started
                yield doc
        except InputError as error:  # the whole file: unreadable, empty, not text
            skip(error)
    summary.seconds = time.monotonic() - started
