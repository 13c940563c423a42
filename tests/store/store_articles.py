"""Article files for the store tests (imported by conftest.py and the test modules)."""

from __future__ import annotations

import json
from pathlib import Path

# Short German news items; each file of the corpus fixture holds one as JSONL.
ARTICLES = [
    {"id": "putin-warnt", "date": "2025-09-01", "title": "Putin warnt den Westen",
     "text": "Der russische Präsident Wladimir Putin hat den Westen gewarnt. \"Wir werden keine Truppen der Nato "
             "in der Ukraine dulden\", sagte Putin in Wladiwostok."},
    {"id": "merz-garantien", "date": "2025-09-03", "title": "Merz fordert Sicherheitsgarantien",
     "text": "\"Die Sicherheitsgarantien für die Ukraine sind unverzichtbar\", sagte Bundeskanzler Friedrich Merz "
             "in Berlin. Merz sagte, Europa müsse mehr für die Verteidigung tun."},
    {"id": "kreml-gespraeche", "date": "2025-09-05", "title": "Kreml setzt auf Gespräche",
     "text": "Kremlsprecher Dmitri Peskow sagte: \"Die Gespräche über einen Waffenstillstand gehen weiter.\" "
             "Putin sagte: \"Ein Waffenstillstand in der Ukraine ist möglich.\""},
    {"id": "mieten", "date": "2025-09-04", "title": "Streit um Mieten",
     "text": "\"Die Mieten steigen viel zu schnell\", sagte die Grünen-Politikerin Anna Müller. Der "
             "CDU-Abgeordnete Peter Müller sagte: \"Wir brauchen mehr Wohnungen.\""},
]


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return path


def ingest_files(folder: Path, db: Path, files: dict[str, list[dict]]) -> Path:
    """Write each of ``files`` (name -> articles) into ``folder`` as JSONL and ingest the folder into ``db``."""
    from wortlaut.store import ingest

    for name, articles in files.items():
        write_jsonl(folder / f"{name}.jsonl", articles)
    ingest([folder], db, progress=False)
    return db


def ingest_one_file_each(folder: Path, db: Path, articles: list[dict]) -> Path:
    """Each article in a JSONL file of its own (named by its id), ingested into ``db``."""
    return ingest_files(folder, db, {article["id"]: [article] for article in articles})
