"""``wortlaut ingest --from-parquet DIR``: a batch run's output into the SQLite store.

Each ``articles`` row holds the analysed document, which is stored exactly as ``ingest`` stores
it after analysing the file itself, so both give the same store.  A file's rows carry its
input hash: a later ``ingest FILE`` of an unchanged file skips it, and a rerun of this command
skips files already stored.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import TextIO

from ..store.database import Store, content_hash
from ..store.errors import StoreError
from ..store.ingestion import IngestSummary
from .tables import load_analysis

_COLUMNS = ["file", "position", "file_hash", "analysis"]


def ingest_parquet(folder: str | Path, db: str | Path | Store, *, stream: TextIO | None = None,
                   quiet: bool = False) -> IngestSummary:
    """Store every article of the batch output under ``folder`` in ``db``."""
    import pyarrow.parquet as pq

    folder = Path(folder)
    parts = sorted((folder / "articles").glob("part-*.parquet"))
    failure_parts = sorted((folder / "failures").glob("part-*.parquet"))
    if not parts and not failure_parts:
        raise StoreError(f"{folder}: no batch output (no articles/part-*.parquet; run 'wortlaut batch --out {folder}')")
    stream = stream or sys.stderr
    store = db if isinstance(db, Store) else Store(db)
    summary = IngestSummary()
    started = time.monotonic()
    try:
        loader = _Loader(store, summary)
        for part in parts:
            for row in pq.read_table(part, columns=_COLUMNS).to_pylist():
                loader.add(row)
        loader.finish(_failures(pq, failure_parts))
        if store.actors_dirty():
            store.rebuild_actors()
    finally:
        summary.seconds = time.monotonic() - started
        if not isinstance(db, Store):
            store.close()
    if not quiet:
        stream.write(f"ingest: {summary.line()}\n")
    return summary


class _Loader:
    """The articles of a batch's files into the store, file by file as ``ingest`` does it."""

    def __init__(self, store: Store, summary: IngestSummary):
        self.store = store
        self.summary = summary
        self.hashes: dict[str, str] = {}  # file -> its input hash
        self.unchanged: set[str] = set()  # files stored before from the same input
        self.stored: dict[str, list[int]] = defaultdict(list)  # file -> its articles' ids

    def add(self, row: dict) -> None:
        file = row["file"]
        if file not in self.hashes:
            self._start_file(file, row["file_hash"])
        if file in self.unchanged:
            self.summary.articles_unchanged += 1
            return
        doc = load_analysis(row["analysis"])
        hash_ = content_hash(doc)
        existing = self.store.article_id(hash_)
        if existing is not None:  # the same article from another file: linked, not stored twice
            self.store.link_article(existing, file, row["position"])
            self.stored[file].append(existing)
            self.summary.articles_unchanged += 1
            return
        self.stored[file].append(self.store.add_document(doc, source=file, position=row["position"], hash_=hash_))
        self.summary.articles_added += 1
        self.summary.statements += len(doc.statements)
        self.summary.words += len(doc.text.split())

    def _start_file(self, file: str, file_hash: str) -> None:
        self.hashes[file] = file_hash
        if self.store.source_hash(file) == file_hash:
            self.unchanged.add(file)
            self.summary.files_unchanged += 1
        else:
            self.store.clear_failures(file)

    def finish(self, failures: dict[str, list[str]]) -> None:
        """Each file's articles recorded (a file with failures is read again by the next ingest),
        and the failures stored."""
        for file, ids in self.stored.items():
            key = self.hashes[file] if file not in failures else f"{self.hashes[file]}:incomplete"
            self.summary.articles_removed += self.store.finish_source(file, key, ids)
        for file, problems in failures.items():
            if file in self.unchanged:
                continue
            if file not in self.hashes:  # no article of it was read
                self.store.clear_failures(file)
            for problem in problems:
                self.store.record_failure(file, problem)
                self.summary.failures.append(f"{file}: {problem}")
            self.summary.failed += len(problems)
        self.summary.files = len(set(self.hashes) | set(failures))


def _failures(pq, parts: list[Path]) -> dict[str, list[str]]:
    """Each file's problems as ``ingest`` records them (the article or line first)."""
    failures: dict[str, list[str]] = defaultdict(list)
    for part in parts:
        for row in pq.read_table(part).to_pylist():
            failures[row["file"]].append(_reason(row))
    return failures


def _reason(row: dict) -> str:
    """A failure as ``ingest`` words it: the line (``file:3: …``), the page (``file (URL): …``) or
    the article first."""
    article = row["article"]
    if not article:
        return row["error"]
    if article.startswith("line "):
        return f"{row['file']}:{article.removeprefix('line ')}: {row['error']}"
    if "://" in article:
        return f"{row['file']} ({article}): {row['error']}"
    return f"article {article}: {row['error']}"
