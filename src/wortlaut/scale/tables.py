"""The Parquet tables of a batch run, one file per table and partition:
``OUT/<table>/part-NNNNN.parquet``.

- ``articles``: one row per analysed article: its key, file, position, id, source (URL for
  WARC), outlet, date, title, text, words, statements, the output contract as JSON
  (``document``) and the analysed document itself (``analysis``, a compressed pickle that
  ``ingest --from-parquet`` stores exactly as ``ingest`` would; read it only from your own runs).
- ``statements``: speaker (text, offsets, resolved entity), cue, content, date and how it was
  found, place, via, addressee, confidence.
- ``targets``: whom each statement is about (the targets stage): statement, entity, canonical
  name, type, how (mention | pronoun) and the words with their offsets, one row per target.
- ``entities`` and ``mentions``; ``failures``: file, article, error.

A partition's files are written under a temporary name and renamed, so a partition whose
files all exist is complete.
"""

from __future__ import annotations

import json
import os
import pickle
import zlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..formats import document_to_dict
from ..formats.warc import outlet_of
from ..model import Document, Span, Statement
from .partitions import Article, FailureRow

_TEXT, _INT, _FLOAT, _BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()


def _span_fields(name: str) -> list[tuple[str, pa.DataType]]:
    return [(name, _TEXT), (f"{name}_start", _INT), (f"{name}_end", _INT)]


SCHEMAS = {
    "articles": pa.schema([
        ("article", _INT), ("file", _TEXT), ("position", _INT), ("file_hash", _TEXT), ("id", _TEXT),
        ("source", _TEXT), ("outlet", _TEXT), ("date", pa.date32()), ("title", _TEXT), ("text", _TEXT),
        ("words", _INT), ("statements", _INT), ("document", _TEXT), ("analysis", pa.binary()),
    ]),
    "statements": pa.schema([
        ("article", _INT), ("statement", _TEXT), ("form", _TEXT),
        *_span_fields("speaker"), ("speaker_entity", _TEXT), ("speaker_name", _TEXT), ("speaker_type", _TEXT),
        ("speaker_resolution", _TEXT), ("speaker_confidence", _FLOAT),
        *_span_fields("cue"), *_span_fields("content"),
        ("date_text", _TEXT), ("date", _TEXT), ("day", _TEXT), ("date_source", _TEXT), ("local_time", _BOOL),
        ("about", pa.list_(_TEXT)),
        ("place", _TEXT), ("place_name", _TEXT), ("place_country", _TEXT), ("place_lat", _FLOAT), ("place_lon", _FLOAT),
        *_span_fields("via"), ("via_entity", _TEXT), *_span_fields("addressee"),
        ("sentence", _INT), ("continuation", _BOOL), ("nested_in", _TEXT), ("confidence", _FLOAT),
    ]),
    "targets": pa.schema([
        ("article", _INT), ("statement", _TEXT), ("entity", _TEXT), ("name", _TEXT), ("type", _TEXT),
        ("how", _TEXT), ("text", _TEXT), ("start", _INT), ("end", _INT),
    ]),
    "entities": pa.schema([
        ("article", _INT), ("entity", _TEXT), ("name", _TEXT), ("type", _TEXT), ("roles", pa.list_(_TEXT)),
        ("mentions", _INT),
    ]),
    "mentions": pa.schema([("article", _INT), ("entity", _TEXT), ("text", _TEXT), ("start", _INT), ("end", _INT)]),
    "failures": pa.schema([("partition", _INT), ("file", _TEXT), ("article", _TEXT), ("error", _TEXT)]),
}
TABLES = tuple(SCHEMAS)


def part_path(out: Path, table: str, number: int) -> Path:
    return out / table / f"part-{number:05d}.parquet"


def partition_done(out: Path, number: int) -> bool:
    return all(part_path(out, table, number).is_file() for table in TABLES)


def part_rows(out: Path, table: str, number: int) -> int:
    return pq.read_metadata(part_path(out, table, number)).num_rows


class PartitionTables:
    """The rows of one partition's tables, collected article by article."""

    def __init__(self, number: int):
        self.number = number
        self.rows: dict[str, list[dict]] = {table: [] for table in TABLES}

    def add_article(self, key: int, article: Article, doc: Document) -> None:
        self.rows["articles"].append(article_row(key, article, doc))
        self.rows["statements"].extend(statement_row(key, doc, s) for s in doc.statements)
        self.rows["targets"].extend(row for s in doc.statements for row in target_rows(key, s))
        for entity in doc.entities:
            self.rows["entities"].append({"article": key, "entity": entity.id, "name": entity.name,
                                          "type": entity.type, "roles": list(entity.roles),
                                          "mentions": len(entity.mentions)})
            self.rows["mentions"].extend({"article": key, "entity": entity.id, "text": m.text, "start": m.start,
                                          "end": m.end} for m in entity.mentions)

    def add_failure(self, failure: FailureRow) -> None:
        self.rows["failures"].append({"partition": self.number, "file": failure.file, "article": failure.article,
                                      "error": failure.error})

    def write(self, out: Path) -> None:
        """Every table under a temporary name first, then renamed: a partition interrupted while
        writing lacks a file and is done again."""
        written = []
        for table, rows in self.rows.items():
            final = part_path(out, table, self.number)
            final.parent.mkdir(parents=True, exist_ok=True)
            temporary = final.with_name(f".{final.name}.{os.getpid()}.tmp")
            pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), temporary, compression="zstd")
            written.append((temporary, final))
        for temporary, final in written:
            os.replace(temporary, final)


def article_row(key: int, article: Article, doc: Document) -> dict:
    return {
        "article": key, "file": article.file, "position": article.position, "file_hash": article.file_hash,
        "id": doc.id, "source": doc.source, "outlet": outlet_of(doc.source), "date": doc.date, "title": doc.title,
        "text": doc.text, "words": len(doc.text.split()), "statements": len(doc.statements),
        "document": json.dumps(document_to_dict(doc), ensure_ascii=False),
        "analysis": zlib.compress(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL), 6),
    }


def load_analysis(blob: bytes) -> Document:
    """The analysed document an ``articles`` row holds."""
    return pickle.loads(zlib.decompress(blob))


def _span(name: str, span: Span | None) -> dict:
    return {name: span.text if span else None, f"{name}_start": span.start if span else None,
            f"{name}_end": span.end if span else None}


def target_rows(key: int, statement: Statement) -> list[dict]:
    return [{"article": key, "statement": statement.id, "entity": t.entity or None, "name": t.name, "type": t.type,
             "how": t.how, "text": t.text, "start": t.start, "end": t.end} for t in statement.targets]


def statement_row(key: int, doc: Document, s: Statement) -> dict:
    speaker = s.speaker
    entity = doc.entity(speaker.entity) if speaker and speaker.entity else None
    place = s.place
    return {
        "article": key, "statement": s.id, "form": s.form,
        **_span("speaker", speaker), "speaker_entity": speaker.entity if speaker else None,
        "speaker_name": (speaker.name or (entity.name if entity else None)) if speaker else None,
        "speaker_type": speaker.type if speaker else None,
        "speaker_resolution": speaker.resolution if speaker else None,
        "speaker_confidence": speaker.confidence if speaker else None,
        **_span("cue", s.cue.span), **_span("content", s.content.span),
        "date_text": s.date.text if s.date else None, "date": s.date.value if s.date else None,
        "day": doc.statement_day(s), "date_source": s.date_source, "local_time": bool(s.local_time),
        "about": [t.value or t.text for t in s.about],
        "place": place.text if place else None, "place_name": place.name if place else None,
        "place_country": place.country if place else None, "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        **_span("via", s.via), "via_entity": s.via_entity, **_span("addressee", s.addressee.span),
        "sentence": s.sentence, "continuation": bool(s.continuation),
        "nested_in": s.nested_in.id if s.nested_in else None, "confidence": s.confidence,
    }
