"""Personal names: first names with a gender hint (``data/name_first.txt``)."""

from __future__ import annotations

from functools import cache

from .lexicon import table


@cache
def first_names() -> dict[str, str]:
    """First name -> gender hint (``m``, ``f`` or ``?``)."""
    return table("name_first.txt")
