"""The settings of a batch run (``wortlaut batch``)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class BatchConfig:
    out: Path = field(metadata={"help": "folder of the Parquet tables (shared storage on a real cluster)"})
    scheduler: str | None = field(default=None, metadata={
        "help": "address of a running Dask scheduler (tcp://host:8786); none: a local cluster"})
    workers: int = field(default_factory=lambda: os.cpu_count() or 1, metadata={
        "help": "worker processes of the local cluster (one thread each)"})
    partition_size: int = field(default=200, metadata={"help": "articles analysed and written together"})
    input_format: str | None = field(default=None, metadata={"help": "override format detection"})
    date: dt.date | str | None = field(default=None, metadata={"help": "publication date for inputs without one"})
    # Partitions handed to the cluster ahead of the ones it works on, per worker: enough to keep
    # every worker busy, few enough that the articles read ahead stay a small part of memory.
    queued_per_worker: int = field(default=2, metadata={"help": "partitions queued per worker"})
    dashboard_address: str = field(default=":8787", metadata={
        "help": "where the local cluster serves its dashboard (':0': any free port)"})

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError(f"--workers must be at least 1, not {self.workers}")
        if self.partition_size < 1:
            raise ValueError(f"--partition-size must be at least 1, not {self.partition_size}")
