"""Exporting statements with all their fields: JSON lines, CSV, or Parquet (with pyarrow).

Each statement carries its ``targets`` (whom it is about, in text order): a list of ``{"name",
"actor", "type", "how", "text"}`` in JSON lines and Parquet (``actor``: the store's actor the
target joins, or null), the same list as a JSON string in a CSV cell.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from .queries import date_range, statement_conditions

FORMATS = ("jsonl", "csv", "parquet")
# Everything statements_view shows, plus the offsets and details only the statements table has.
_COLUMNS = (
    "v.id", "v.article_id", "v.doc_id", "v.date", "v.statement_date", "v.article_date", "v.actor_id", "v.actor",
    "v.speaker_name", "s.speaker_type", "v.speaker_text", "s.speaker_start", "s.speaker_end", "v.form",
    "s.sentence", "s.continuation", "v.cue", "s.cue_start", "s.cue_end", "v.content", "s.content_start",
    "s.content_end", "s.date_text", "v.place", "s.place_text", "s.place_country", "s.place_lat", "s.place_lon",
    "v.via", "s.via_start", "s.via_end", "v.addressee", "s.addressee_start", "s.addressee_end", "v.title",
    "v.source", "v.confidence", "v.speaker_resolution", "v.speaker_confidence", "v.date_source", "v.local_time",
    "v.about_dates", "v.speech_act", "v.cameo",
    "q.quote_id", "q.variant",  # the recurring quote it belongs to (provenance.py), and how it words it
)
# whom the statement is about, as one JSON array (in text order: the inner query sorts)
_TARGETS = (
    "(SELECT json_group_array(json_object('name', name, 'actor', actor, 'type', type, 'how', how, 'text', text)) "
    "FROM (SELECT t.name AS name, ta.name AS actor, t.type AS type, t.how AS how, t.text AS text "
    "FROM statement_targets t LEFT JOIN actor_aliases al ON al.alias_key = t.target_key "
    "LEFT JOIN actors ta ON ta.id = al.actor_id WHERE t.statement_id = v.id ORDER BY t.start, t.id))"
)
COLUMNS = (*(column.split(".", 1)[1].replace("variant", "quote_variant") for column in _COLUMNS), "targets")


class MissingDependency(Exception):
    pass


def iter_statements(conn: sqlite3.Connection, *, date_from: str | None = None, date_to: str | None = None,
                    min_confidence: float | None = None, resolved_only: bool = False,
                    date_sources: Sequence[str] | None = None, acts: Sequence[str] | None = None):
    where, params = date_range("v.date", date_from, date_to)
    speaker_where, speaker_params = statement_conditions("v", min_confidence, resolved_only, date_sources, acts)
    where, params = where + speaker_where, params + speaker_params
    sql = (f"SELECT {', '.join(_COLUMNS)}, {_TARGETS} FROM statements_view v JOIN statements s ON s.id = v.id "
           "LEFT JOIN quote_occurrences q ON q.statement_id = v.id"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY v.date, v.article_id, v.id")
    for row in conn.execute(sql, params):
        record = dict(zip(COLUMNS, row))
        record["targets"] = json.loads(record["targets"] or "[]")
        yield record


def export_statements(conn: sqlite3.Connection, out: str | Path | BinaryIO, fmt: str = "jsonl", *,
                      date_from: str | None = None, date_to: str | None = None,
                      min_confidence: float | None = None, resolved_only: bool = False,
                      date_sources: Sequence[str] | None = None, acts: Sequence[str] | None = None) -> int:
    """Write all statements to ``out`` (a path or a binary stream); returns how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    rows = iter_statements(conn, date_from=date_from, date_to=date_to, min_confidence=min_confidence,
                           resolved_only=resolved_only, date_sources=date_sources, acts=acts)
    if fmt == "parquet":
        try:
            import pyarrow
            import pyarrow.parquet
        except ImportError:
            raise MissingDependency("Parquet export needs pyarrow: pip install pyarrow") from None
        records = list(rows)
        table = pyarrow.Table.from_pylist(records) if records else pyarrow.table({c: [] for c in COLUMNS})
        pyarrow.parquet.write_table(table, out)
        return table.num_rows
    stream = open(out, "wb") if isinstance(out, (str, Path)) else out
    count = 0
    try:
        if fmt == "jsonl":
            for row in rows:
                stream.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
                count += 1
        else:
            import io

            text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
            writer = csv.DictWriter(text, fieldnames=COLUMNS)
            writer.writeheader()
            for row in rows:
                writer.writerow(row | {"targets": json.dumps(row["targets"], ensure_ascii=False)})
                count += 1
            text.detach()
    finally:
        if isinstance(out, (str, Path)):
            stream.close()
    return count
