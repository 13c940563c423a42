"""Settings of a process that analyses articles: the CLI's and each ``wortlaut batch`` worker's.

- One BLAS thread.  The models' matrix products are small: BLAS threads only pay their overhead
  (on two cores they made analysis twice as slow), so parallel work runs as processes, each with
  one BLAS thread.  An explicit OPENBLAS_NUM_THREADS / OMP_NUM_THREADS / MKL_NUM_THREADS is respected.
- Fewer passes of Python's cycle collector.  It runs whenever 700 more container objects were
  made than freed, and each pass walks the young ones; the pipeline makes millions (tokens,
  feature lists) that die young by reference counting anyway.  Every 50,000 took about 7 % off
  the analysis time (``benchmarks/README.md``); garbage in reference cycles waits that much longer.

A library does not change these behind its caller's back: ``analysing_process()`` is called by
the entry points that own their process.
"""

from __future__ import annotations

import gc
import os

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
YOUNG_OBJECTS = 50_000  # allocations between two passes of the cycle collector (Python's default: 700)


def one_blas_thread() -> None:
    if any(os.environ.get(name) for name in THREAD_VARIABLES):
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


def fewer_collections(young_objects: int = YOUNG_OBJECTS) -> None:
    """Let the cycle collector wait for ``young_objects`` allocations; a collector that is off, or
    set to wait longer, stays as it is."""
    young, *older = gc.get_threshold()
    if 0 < young < young_objects:
        gc.set_threshold(young_objects, *older)


def analysing_process() -> None:
    one_blas_thread()
    fewer_collections()
