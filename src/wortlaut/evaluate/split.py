"""The fixed train/validation split of the SpkAtt news articles.

Learned models are scored only on articles they never saw.  The split depends on the
file names alone, so it is the same on every machine, in every run, and for any order
in which the names are listed: each article's key is the SHA-1 hex digest of its file
name (UTF-8, with the ``.json`` extension, e.g.
``"10022 - Der Astronaut Neil Armstrong wird heute 75 Jahre alt (2005-08-05).json"``);
the 100 articles with the smallest keys are the validation part, all others train.
Names may be given with or without ``.json`` and with or without a folder; they are
returned as given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import PurePath

VALIDATION_SIZE = 100


def split_key(name: str) -> str:
    """The stable sort key of one article: SHA-1 of its file name with ``.json``."""
    file_name = PurePath(name).name
    if not file_name.endswith(".json"):
        file_name += ".json"
    return hashlib.sha1(file_name.encode("utf-8")).hexdigest()


def spkatt_split(names: Iterable[str], validation_size: int = VALIDATION_SIZE) -> tuple[list[str], list[str]]:
    """``(train_names, validation_names)``, each sorted by name."""
    unique = sorted(set(names))
    by_key = sorted(unique, key=lambda name: (split_key(name), name))
    validation = set(by_key[:validation_size])
    return [n for n in unique if n not in validation], [n for n in unique if n in validation]
