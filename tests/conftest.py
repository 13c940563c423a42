"""Fixtures shared by all tests: the seed article, analysed once per session."""

from __future__ import annotations

import pytest

from helpers import SEED
from wortlaut.formats import read_file
from wortlaut.model import Document
from wortlaut.pipeline import RULES_PIPELINE, Options, run


@pytest.fixture(scope="session")
def seed() -> Document:
    """The seed article through the whole pipeline (skips when ../shared is absent)."""
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    [article] = read_file(SEED)
    return run(article)


@pytest.fixture(scope="session")
def seed_rules() -> Document:
    """The seed article through the rules alone."""
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    [article] = read_file(SEED)
    return run(article, Options(pipeline=RULES_PIPELINE))
