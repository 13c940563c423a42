"""A corpus on a cluster: ``wortlaut batch`` splits the articles into partitions, analyses each
on a Dask worker and writes Parquet tables (:mod:`.tables`) that ``ingest --from-parquet``
(:mod:`.parquet_ingest`) loads into the store.  See docs/cluster.md."""

from __future__ import annotations

from .config import BatchConfig
from .parquet_ingest import ingest_parquet
from .run import BatchSummary, run_batch

__all__ = ["BatchConfig", "BatchSummary", "ingest_parquet", "run_batch"]
