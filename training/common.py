"""What several trainers share: where the repository, its package and the shared data lie, one
thread per numeric library, training a CRF, and the pieces of a model card."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "wortlaut"
MODELS = PACKAGE / "models"  # shipped models and their cards
DATA = PACKAGE / "data"  # shipped word lists and tables
SHARED_DATA = ROOT.parent / "shared" / "data"  # training data, beside the checkout
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

Example = tuple[list[list[str]], list[str]]  # one sequence: feature strings per item, gold label per item


def limit_threads() -> None:
    """One thread for OpenMP, OpenBLAS and MKL unless the environment says otherwise; takes
    effect only before numpy is first imported."""
    for variable in THREAD_VARIABLES:
        os.environ.setdefault(variable, "1")


def train_crf(sequences: Iterable[Example], params: Mapping[str, object], path: Path) -> None:
    """Train a python-crfsuite CRF (L-BFGS, single-threaded) on ``(features, labels)`` sequences into ``path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences:
        trainer.append(features, labels)
    trainer.set_params(dict(params))
    trainer.train(str(path))


def today() -> str:
    return dt.date.today().isoformat()


def earlier_measurements(path: Path) -> str:
    """A card section of measurements from earlier builds that this build does not repeat,
    kept as Markdown beside the trainer (``path``), under a heading that says so."""
    return ("## Earlier measurements (not repeated by this build)\n\n"
            f"From earlier sessions, kept in `{path.relative_to(ROOT)}`; settings and data may have changed since.\n\n"
            + path.read_text(encoding="utf-8").strip() + "\n")
