"""Files shipped in the package: word lists and tables under ``data/``, trained models under ``models/``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_text(name: str) -> str:
    return resources.files("wortlaut").joinpath("data", name).read_text(encoding="utf-8")


def model_path(name: str) -> Path:
    """Where the shipped model ``name`` lies (it may not exist: models are optional)."""
    return Path(str(resources.files("wortlaut").joinpath("models", name)))


def data_path(name: str) -> Path:
    """Where the shipped data file ``name`` lies (for files read other than as text, e.g. gzip)."""
    return Path(str(resources.files("wortlaut").joinpath("data", name)))
