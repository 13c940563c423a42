"""What the CLI and batch workers set in their processes (wortlaut.analysing_process)."""

from __future__ import annotations

import gc

import pytest

from wortlaut.analysing_process import YOUNG_OBJECTS, fewer_collections, one_blas_thread


def test_an_analysing_process_has_one_blas_thread(monkeypatch):
    import numpy  # noqa: F401  (loads the BLAS library whose threads are limited)
    from threadpoolctl import threadpool_info

    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        monkeypatch.delenv(name, raising=False)
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    if not blas:
        pytest.skip("numpy without a BLAS library threadpoolctl knows")
    one_blas_thread()
    assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}


def test_an_analysing_process_collects_cycles_less_often():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        fewer_collections()
        assert gc.get_threshold() == (YOUNG_OBJECTS, 10, 10)
        gc.set_threshold(10 * YOUNG_OBJECTS, 5, 5)  # a process that chose to wait longer keeps its setting
        fewer_collections()
        assert gc.get_threshold() == (10 * YOUNG_OBJECTS, 5, 5)
        gc.set_threshold(0)  # nor is a collector switched off switched on
        fewer_collections()
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)
