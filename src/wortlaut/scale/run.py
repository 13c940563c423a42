"""``wortlaut batch``: partitions read on the client, analysed on a Dask cluster, written as Parquet."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..formats import iter_input_files
from ..pipeline import Options
from ..progress import Progress, input_size
from .config import BatchConfig
from .partitions import Partition, read_partitions
from .tables import TABLES, part_path, part_rows, partition_done
from .worker import PartitionResult, analyse_partition

ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
MANIFEST = "batch.json"


class BatchError(Exception):
    """A batch that cannot start (the output folder, the cluster); the message says why."""


@dataclass
class BatchSummary:
    partitions: int = 0
    skipped: int = 0  # partitions an earlier run wrote
    articles: int = 0
    statements: int = 0
    words: int = 0
    failed: int = 0  # articles or files that could not be read or analysed
    lost: list[str] = field(default_factory=list)  # partitions whose task failed (done again on a rerun)
    seconds: float = 0.0
    results: list[PartitionResult] = field(default_factory=list)

    def add(self, result: PartitionResult) -> None:
        self.partitions += 1
        self.skipped += result.skipped
        self.articles += result.articles
        self.statements += result.statements
        self.words += result.words
        self.failed += result.failed
        self.results.append(result)

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        lost = f", {len(self.lost)} partitions lost (rerun to redo them)" if self.lost else ""
        return (f"{self.partitions} partitions ({self.skipped} done before): {self.articles} articles, "
                f"{self.statements} statements, {self.failed} failed{lost} in {self.seconds:.1f} s "
                f"({rate:.1f} articles/s)")


def run_batch(paths: Iterable[str | Path], config: BatchConfig, options: Options | None = None, *,
              progress: bool | None = None, stream: TextIO | None = None) -> BatchSummary:
    """Analyse every article under ``paths`` on a Dask cluster into Parquet tables under
    ``config.out``; partitions written by an earlier run with the same inputs are skipped."""
    options = options or Options()
    stream = stream or sys.stderr
    started = time.monotonic()
    files = [path.resolve() for path in iter_input_files(paths)]
    _claim_output(config, options, files)
    summary = BatchSummary()
    bar = Progress(input_size(files), enabled=stream.isatty() if progress is None else progress, stream=stream)
    partitions = read_partitions(files, config.partition_size, input_format=config.input_format,
                                 date=config.date, max_chars=options.max_chars)
    with _client(config) as client:
        bar.message(f"wortlaut batch: {_workers(client)} workers, dashboard {client.dashboard_link}")
        for result in _results(client, partitions, config, options, summary):
            summary.add(result)
            bar.update(result.chars, result.articles)
            for failure in _new_failures(config.out, result):
                bar.message(f"wortlaut: skipped {failure}")
    bar.close()
    summary.seconds = time.monotonic() - started
    return summary


def _results(client, partitions: Iterator[Partition], config: BatchConfig, options: Options,
             summary: BatchSummary) -> Iterator[PartitionResult]:
    """Each partition's result as it comes: a partition written before at once, the others from the
    cluster, with only a few queued ahead so the client's memory stays flat."""
    from dask.distributed import as_completed

    out = str(config.out)
    options_future = client.scatter(options, broadcast=True)
    pending = as_completed()
    limit = config.queued_per_worker * max(_workers(client), 1)
    for partition in partitions:
        if partition_done(config.out, partition.number):
            yield _written_before(config.out, partition)
            continue
        while pending.count() >= limit:
            yield from _collected(next(pending), summary)
        pending.add(client.submit(analyse_partition, partition, options_future, out, pure=False,
                                  key=f"wortlaut-partition-{partition.number:05d}-{time.time_ns()}"))
    for future in pending:
        yield from _collected(future, summary)


def _collected(future, summary: BatchSummary) -> Iterator[PartitionResult]:
    try:
        yield future.result()
    except Exception as error:  # noqa: BLE001  a worker died or the task could not run: the rest goes on
        summary.lost.append(f"{future.key}: {type(error).__name__}: {error}")


def _written_before(out: Path, partition: Partition) -> PartitionResult:
    """A complete partition of an earlier run, counted from its files' metadata."""
    import pyarrow.parquet as pq

    articles = pq.read_table(part_path(out, "articles", partition.number), columns=["words", "statements"])
    return PartitionResult(partition.number, articles=articles.num_rows,
                           statements=sum(articles.column("statements").to_pylist()),
                           words=sum(articles.column("words").to_pylist()),
                           failed=part_rows(out, "failures", partition.number),
                           chars=sum(len(article.doc.text) for article in partition.articles), skipped=True)


def _new_failures(out: Path, result: PartitionResult) -> list[str]:
    """The failures table of a partition just written, one line each."""
    if result.skipped or not result.failed:
        return []
    import pyarrow.parquet as pq

    rows = pq.read_table(part_path(out, "failures", result.number)).to_pylist()
    return [row["file"] + (f" ({row['article']})" if row["article"] else "") + f": {row['error']}" for row in rows]


def _claim_output(config: BatchConfig, options: Options, files: list[Path]) -> None:
    """The output folder, with a note of what it holds: a rerun must read the same inputs with the
    same settings, or partition N would not be the same articles."""
    identity = {"files": [str(path) for path in files], "partition_size": config.partition_size,
                "input_format": config.input_format, "date": str(config.date) if config.date else None,
                "options": repr(options), "tables": list(TABLES)}
    manifest = config.out / MANIFEST
    try:
        config.out.mkdir(parents=True, exist_ok=True)
        if manifest.is_file():
            if json.loads(manifest.read_text(encoding="utf-8")) != identity:
                raise BatchError(f"{config.out}: holds a batch of other inputs or settings; "
                                 "give the same ones to resume it, or a new --out")
            return
        manifest.write_text(json.dumps(identity, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as error:
        raise BatchError(f"{config.out}: cannot write: {error.strerror or error}") from None
    except json.JSONDecodeError:
        raise BatchError(f"{manifest}: not a batch note (invalid JSON); give a new --out") from None


@contextmanager
def _client(config: BatchConfig) -> Iterator:
    """A client of the scheduler named, or of a local cluster of single-threaded worker processes."""
    import dask
    from dask.distributed import Client, LocalCluster

    if config.scheduler:
        try:
            client = Client(config.scheduler, timeout="20s")
        except OSError as error:
            raise BatchError(f"cannot reach the Dask scheduler at {config.scheduler}: {error}") from None
        with client:
            yield client
        return
    environ = {**dask.config.get("distributed.nanny.pre-spawn-environ", {}), **ONE_THREAD}
    with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}), \
            LocalCluster(n_workers=config.workers, threads_per_worker=1, processes=True,
                         dashboard_address=config.dashboard_address) as cluster, Client(cluster) as client:
        yield client


def _workers(client) -> int:
    return len(client.nthreads())
