"""Loading the data files under ``wortlaut/data``: one entry per line, ``#`` starts a comment."""

from __future__ import annotations

import json
from functools import cache

from ..resources import data_text


@cache
def word_list(name: str) -> frozenset[str]:
    return frozenset(entries(name))


@cache
def entries(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file, in order."""
    lines = (line.split("#", 1)[0].strip() for line in data_text(name).splitlines())
    return tuple(line for line in lines if line)


@cache
def table(name: str) -> dict[str, str]:
    """A two-column tab-separated data file as a dict."""
    result = {}
    for line in entries(name):
        key, _, value = line.partition("\t")
        result[key.strip()] = value.split("\t", 1)[0].strip()
    return result


@cache
def json_data(name: str):
    return json.loads(data_text(name))
