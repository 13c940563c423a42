"""Ingesting files into a store: read, skip what is stored already, analyse, store, report."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..formats import InputError, iter_input_files, read_articles
from ..pipeline import Options, run
from ..progress import Progress, input_size
from .database import Store, content_hash


@dataclass
class IngestSummary:
    files: int = 0
    files_unchanged: int = 0  # skipped before reading: same bytes as last time
    articles_added: int = 0  # analysed and stored
    articles_unchanged: int = 0  # already in the store
    articles_removed: int = 0  # gone from a changed file (or with a pruned one)
    files_missing: int = 0  # stored files that no longer exist (not pruned)
    files_pruned: int = 0  # stored files that no longer exist, removed with their articles
    failed: int = 0  # files or articles that could not be read or analysed
    statements: int = 0  # in the articles analysed
    words: int = 0  # in the articles analysed
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.articles_added / self.seconds if self.seconds else 0.0
        removed = f", {self.articles_removed} removed" if self.articles_removed else ""
        if self.files_pruned:
            removed += f", {self.files_pruned} vanished files pruned"
        if self.files_missing:
            removed += f"; {self.files_missing} stored files no longer exist (ingest --prune removes their articles)"
        return (f"{self.files} files: {self.articles_added} articles stored, {self.articles_unchanged} unchanged "
                f"(skipped), {self.failed} failed{removed}; {self.statements} statements in {self.seconds:.1f} s "
                f"({rate:.1f} articles/s)")


def file_hash(path: Path, input_format: str | None, date: dt.date | str | None) -> str:
    """Identity of a file's input: its bytes and the options that change how it is read."""
    digest = hashlib.sha256()
    digest.update(f"{input_format or ''}\x00{date or ''}\x00".encode())
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ingest(
    paths: Iterable[str | Path],
    db: str | Path | Store,
    *,
    input_format: str | None = None,
    date: dt.date | str | None = None,
    progress: bool | None = None,
    options: Options | None = None,
    stream: TextIO | None = None,
    prune: bool = False,
) -> IngestSummary:
    """Analyse every article under ``paths`` and store it in ``db``.

    Unchanged files are skipped before they are read; articles already stored
    (same content hash) are not analysed again; a file whose content changed
    replaces the articles it held.  Files and articles that fail are recorded
    in the ``failures`` table and reported on ``stream`` (stderr); the run goes
    on.  ``progress``: ``None`` shows it only when ``stream`` is a terminal.  Stored files that no
    longer exist are counted, and with ``prune`` removed with the articles only they held.
    """
    stream = stream or sys.stderr
    store = db if isinstance(db, Store) else Store(db)
    summary = IngestSummary()
    started = time.monotonic()
    try:
        files = [path.resolve() for path in iter_input_files(paths)]
        summary.files = len(files)
        sizes = [input_size([path]) for path in files]
        bar = Progress(sum(sizes), enabled=stream.isatty() if progress is None else progress, stream=stream)
        for done, (path, size) in enumerate(zip(files, sizes)):
            read_before = bar.done
            _ingest_file(store, path, summary, bar, input_format=input_format, date=date, options=options)
            # the articles' text was counted as read; the file's own size settles it
            bar.update(size - (bar.done - read_before), 0, force=done + 1 == len(files))
        bar.close()
        for missing in store.missing_sources():
            if prune:
                summary.articles_removed += store.remove_source(missing)
                summary.files_pruned += 1
            else:
                summary.files_missing += 1
        if store.actors_dirty():
            store.rebuild_actors()
        if store.quotes_stale():
            store.update_quotes()  # only the new quotes are compared with the stored ones
    finally:
        summary.seconds = time.monotonic() - started
        if not isinstance(db, Store):
            store.close()
    if progress is not False:
        stream.write(f"ingest: {summary.line()}\n")
    return summary


def _ingest_file(store: Store, path: Path, summary: IngestSummary, bar: Progress, *,
                 input_format: str | None, date: dt.date | str | None, options: Options | None) -> None:
    source = str(path)

    def fail(where: str, reason: str) -> None:
        store.record_failure(source, reason if where == source else f"{where}: {reason}")
        summary.failed += 1
        summary.failures.append(f"{where}: {reason}")
        bar.message(f"wortlaut: skipped {where}: {reason}")

    try:
        key = file_hash(path, input_format, date)
    except OSError as error:
        fail(source, f"cannot read: {error.strerror or error}")
        return
    if store.source_hash(source) == key:
        stored = store.source_articles(source)
        summary.files_unchanged += 1
        summary.articles_unchanged += stored
        bar.update(0, stored)
        return
    store.clear_failures(source)
    failed_before = summary.failed
    # one article at a time (a JSONL file is streamed); a bad line is recorded and skipped
    docs = read_articles(path, input_format=input_format, date=date, max_chars=(options or Options()).max_chars,
                         on_error=lambda error: fail(error.path, error.problem))
    article_ids = []
    try:
        for position, doc in enumerate(docs):
            bar.update(len(doc.text))
            hash_ = content_hash(doc)
            existing = store.article_id(hash_)
            if existing is not None:
                store.link_article(existing, source, position)
                article_ids.append(existing)
                summary.articles_unchanged += 1
                continue
            try:
                analysed = run(doc, options)
            except Exception as error:  # one bad article must not stop a corpus run
                fail(source, f"article {position + 1} ({doc.id}): analysis failed: {type(error).__name__}: {error}")
                continue
            article_ids.append(store.add_document(analysed, source=source, position=position, hash_=hash_))
            summary.articles_added += 1
            summary.statements += len(analysed.statements)
            summary.words += len(analysed.text.split())
    except InputError as error:  # the whole file could not be read
        fail(error.path, error.problem)
        return
    # a file with failed lines or articles is read again next time (the stored ones are not analysed again)
    complete = summary.failed == failed_before
    summary.articles_removed += store.finish_source(source, key if complete else f"{key}:incomplete", article_ids)
