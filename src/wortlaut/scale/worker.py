"""What runs on a Dask worker: one partition analysed and written."""

from __future__ import annotations

import os
import resource
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from ..analysing_process import analysing_process
from ..pipeline import Options, run
from .partitions import FailureRow, Partition
from .tables import PartitionTables


@dataclass
class PartitionResult:
    number: int
    articles: int = 0
    statements: int = 0
    failed: int = 0
    words: int = 0
    chars: int = 0  # of the articles' text: what the progress line counts as read
    seconds: float = 0.0  # analysing and writing, on the worker
    peak_rss_mb: float = 0.0  # the worker process's peak so far
    skipped: bool = False  # written by an earlier run
    worker: str = ""  # host:pid of the process that analysed it


def analyse_partition(partition: Partition, options: Options, out: str) -> PartitionResult:
    """Analyse every article of ``partition`` (one that fails is reported in its failures table,
    the rest goes on) and write its tables under ``out``."""
    analysing_process()
    started = time.monotonic()
    tables = PartitionTables(partition.number)
    result = PartitionResult(partition.number)
    for failure in partition.failures:
        tables.add_failure(failure)
    for index, article in enumerate(partition.articles):
        result.chars += len(article.doc.text)
        try:
            doc = run(article.doc, options)
        except Exception as error:  # noqa: BLE001  one article's crash must not stop the partition
            tables.add_failure(FailureRow(article.file, article.doc.id,
                                          f"analysis failed: {type(error).__name__}: {error}"))
            continue
        tables.add_article(partition.first_article + index, article, doc)
        result.articles += 1
        result.statements += len(doc.statements)
        result.words += len(doc.text.split())
    tables.write(Path(out))
    result.failed = len(tables.rows["failures"])
    result.seconds = time.monotonic() - started
    result.worker = f"{socket.gethostname()}:{os.getpid()}"
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return result
