"""Read DFKI SmartData v1 (``train.json.gz``, ``test.json.gz``) as time-expression gold.

Each file is a stream of Avro-JSON ``Document`` records (schema in ``document.avsc``) written
one after another, so we decode them with ``JSONDecoder.raw_decode`` in a loop.  Avro's JSON
encoding wraps union values in their type (``{"string": …}``, ``{"array": […]}``).

Only the ``date``, ``time`` and ``duration`` concept mentions are kept; SmartData has no set
type and no normalised values (``normalizedValue`` repeats the surface text).  The type map:

* ``date`` → DATE (the annotators also put clock times such as "14:00 Uhr" here),
* ``time`` → TIME (clock times, also "Betriebsschluss", "ganztägig"),
* ``duration`` → DURATION (also ages, "17-jähriger", and bare delay minutes, "+10").

The publication date is the record's ``date``: an ISO timestamp in UTC (taken as the
Berlin calendar day), or, for some tweets, the tweet id, whose upper bits hold the time.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .timex import GoldTimex, TimexDocument

SPLITS = ("train", "test")
TYPE_MAP = {"date": "DATE", "time": "TIME", "duration": "DURATION"}
_TWITTER_EPOCH_MS = 1288834974657  # Twitter's snowflake ids count milliseconds from here


def is_smartdata_folder(folder: Path) -> bool:
    return any((folder / f"{split}.json.gz").is_file() for split in SPLITS)


def _unwrap(value: object) -> object:
    """The value inside an Avro-JSON union wrapper (``{"string": "…"}``), or ``value`` itself."""
    if isinstance(value, dict) and len(value) == 1:
        (key, inner), = value.items()
        if key in ("string", "array", "map", "int", "float"):
            return inner
    return value


def read_records(path: Path) -> Iterator[dict]:
    """The JSON objects of a gzipped SmartData file, one after another (no separators)."""
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        text = stream.read()
    decoder = json.JSONDecoder()
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return
        record, position = decoder.raw_decode(text, position)
        yield record


def _berlin_day(moment: dt.datetime) -> dt.date:
    try:
        return moment.astimezone(ZoneInfo("Europe/Berlin")).date()
    except ZoneInfoNotFoundError:  # no time zone data installed: the UTC day is off only near midnight
        return moment.date()


def publication_date(value: str | None) -> dt.date | None:
    """The day a record was published: from an ISO timestamp or from a tweet id."""
    if not value:
        return None
    if value.isdigit():  # some tweets carry their id instead of a timestamp
        milliseconds = (int(value) >> 22) + _TWITTER_EPOCH_MS
        return _berlin_day(dt.datetime.fromtimestamp(milliseconds / 1000, dt.UTC))
    try:
        return _berlin_day(dt.datetime.fromisoformat(value))
    except ValueError:
        return None


def _gold_times(text: str, record: dict) -> list[GoldTimex]:
    gold = []
    for mention in _unwrap(record.get("conceptMentions")) or ():
        kind = TYPE_MAP.get(mention["type"])
        if kind is None:
            continue
        start, end = mention["span"]["start"], mention["span"]["end"]
        gold.append(GoldTimex(start, end, text[start:end], None, kind))
    return sorted(gold, key=lambda g: (g.start, g.end))


def to_document(record: dict) -> TimexDocument:
    text = _unwrap(record.get("text")) or ""
    refids = _unwrap(record.get("refids")) or {}
    return TimexDocument(
        name=refids.get("fileName", record["id"]),
        date=publication_date(_unwrap(record.get("date"))),
        text=text,
        gold=_gold_times(text, record),
        source=refids.get("source", ""),
    )


def read_smartdata(folder: Path, split: str) -> list[TimexDocument]:
    """The documents of one split (``train``, ``test``) as time-expression gold."""
    path = folder / f"{split}.json.gz"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found")
    return [to_document(record) for record in read_records(path)]
