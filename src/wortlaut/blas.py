"""One BLAS thread per analysing process.

The models' matrix products are small: BLAS threads only pay their overhead (on two cores they made
analysis twice as slow), so parallel work runs as processes (``wortlaut batch``), each with one
BLAS thread.  An explicit OPENBLAS_NUM_THREADS / OMP_NUM_THREADS / MKL_NUM_THREADS is respected.
"""

from __future__ import annotations

import os

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    if any(os.environ.get(name) for name in THREAD_VARIABLES):
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")
