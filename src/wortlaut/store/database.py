"""The :class:`Store`: one SQLite file holding a corpus of analysed articles.

Writes go through one connection in explicit transactions; each article is one
transaction, so a process killed at any moment leaves either the whole article
or none of it (SQLite's write-ahead log makes the commit atomic).  Readers open
the file read-only.  Every value reaches SQL as a parameter: article text is
untrusted input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..model import Document, Statement
from .actors import apply_corrections, apply_rejections, correct_speaker, find_actors, rebuild_actors, reject_statement
from .concepts import statement_concepts
from .errors import SchemaError, StoreError
from .names import actor_key, name_key
from .schema import LATEST_VERSION, current_version, migrate
from .targets import insert_targets

_WORD = re.compile(r"\w+")
RULE_ACTIONS = ("merge", "split", "rename")


def content_hash(doc: Document) -> str:
    """Identity of an article: its text, date and title (what the analysis depends on)."""
    payload = json.dumps([doc.text, doc.date.isoformat() if doc.date else None, doc.title], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


BUSY_TIMEOUT_MS = 10_000


def _retry_while_locked(action):
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return action()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class Store:
    """A wortlaut corpus database: ``Store("corpus.db")``; ``readonly=True`` for queries only."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        if readonly and not self.path.exists():
            raise StoreError(f"no database at {self.path}: create one with 'wortlaut ingest'")
        if self.path.is_dir():
            raise StoreError(f"cannot use {self.path} as the database: it is a directory")
        try:
            if readonly:
                self.conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as error:  # a folder that does not exist or cannot be written
            raise StoreError(f"cannot open the database {self.path}: {error}") from None
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._check_schema()
        except sqlite3.DatabaseError as error:
            self.conn.close()
            raise StoreError(f"{self.path} is not a usable wortlaut database: {error}") from None
        except BaseException:
            self.conn.close()
            raise

    def _check_schema(self) -> None:
        if self.readonly:
            self.conn.execute("PRAGMA query_only = ON")
            version = current_version(self.conn)
            if version == 0:
                raise StoreError(f"{self.path} is not a wortlaut database")
            if version > LATEST_VERSION:
                raise SchemaError(f"{self.path} has schema version {version}; upgrade wortlaut")
            return
        # switching a new database to WAL answers "locked" at once while another process creates it
        # (SQLite calls no busy handler there): wait as the busy timeout would
        _retry_while_locked(lambda: self.conn.execute("PRAGMA journal_mode = WAL"))
        self.conn.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: durable against a killed process
        _retry_while_locked(lambda: migrate(self.conn))  # all or nothing, under the write lock

    # -- connection -------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: commits when the block ends, rolls back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- sources and articles ---------------------------------------------------------------

    def source_hash(self, path: str) -> str | None:
        row = self.conn.execute("SELECT file_hash FROM sources WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def missing_sources(self) -> list[str]:
        """Stored input files that no longer exist on disk."""
        return [path for (path,) in self.conn.execute("SELECT path FROM sources ORDER BY path")
                if not Path(path).exists()]

    def remove_source(self, path: str) -> int:
        """Forget an input file: its articles go unless another file holds them; returns how many went."""
        deleted = self.finish_source(path, "", [])
        with self.transaction() as conn:
            conn.execute("DELETE FROM sources WHERE path = ?", (path,))
            conn.execute("DELETE FROM failures WHERE path = ?", (path,))
        return deleted

    def source_articles(self, path: str) -> int:
        row = self.conn.execute("SELECT articles FROM sources WHERE path = ?", (path,)).fetchone()
        return row[0] if row else 0

    def article_id(self, hash_: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (hash_,)).fetchone()
        return row[0] if row else None

    def link_article(self, article_id: int, path: str, position: int) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO article_sources (article_id, path, position) VALUES (?, ?, ?)",
                         (article_id, path, position))

    def add_document(self, doc: Document, *, source: str | None = None, position: int = 0,
                     hash_: str | None = None) -> int:
        """Store an analysed document in one transaction; returns the article id.

        An article already stored with the same content hash is not stored twice:
        its id is returned (and ``source`` linked to it).
        """
        hash_ = hash_ or content_hash(doc)
        source = source if source is not None else doc.source
        with self.transaction() as conn:
            existing = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (hash_,)).fetchone()
            if existing:
                article_id = existing[0]
            else:
                article_id = self._insert_document(conn, doc, hash_, source)
            if source is not None:
                conn.execute("INSERT OR REPLACE INTO article_sources (article_id, path, position) VALUES (?, ?, ?)",
                             (article_id, source, position))
        return article_id

    def _insert_document(self, conn: sqlite3.Connection, doc: Document, hash_: str, source: str | None) -> int:
        article_id = conn.execute(
            "INSERT INTO articles (content_hash, doc_id, source, date, title, text, word_count, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (hash_, doc.id, source, doc.date.isoformat() if doc.date else None, doc.title, doc.text,
             len(_WORD.findall(doc.text)), _now()),
        ).lastrowid
        conn.executemany("INSERT INTO headings (article_id, text, start, \"end\") VALUES (?, ?, ?, ?)",
                         [(article_id, h.text, h.start, h.end) for h in doc.headings])
        entity_ids: dict[str, int] = {}
        for entity in doc.entities:
            entity_ids[entity.id] = conn.execute(
                "INSERT INTO entities (article_id, entity_key, name, name_key, type, roles) VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, entity.id, entity.name, name_key(entity.name), entity.type,
                 json.dumps(list(entity.roles), ensure_ascii=False)),
            ).lastrowid
            conn.executemany(
                "INSERT INTO mentions (article_id, entity_id, text, start, \"end\") VALUES (?, ?, ?, ?, ?)",
                [(article_id, entity_ids[entity.id], m.text, m.start, m.end) for m in entity.mentions],
            )
        for statement in doc.statements:
            statement_id = conn.execute(
                _INSERT_STATEMENT, _statement_row(doc, statement, article_id, entity_ids)
            ).lastrowid
            conn.executemany(
                "INSERT OR IGNORE INTO statement_concepts (statement_id, article_id, concept, concept_key, kind) "
                "VALUES (?, ?, ?, ?, ?)",
                [(statement_id, article_id, *concept) for concept in statement_concepts(doc, statement)],
            )
            insert_targets(conn, statement, statement_id, article_id, entity_ids)
        conn.executemany(
            "INSERT INTO times (article_id, text, start, \"end\", value, type) VALUES (?, ?, ?, ?, ?, ?)",
            [(article_id, t.text, t.start, t.end, t.value, t.type) for t in doc.times],
        )
        conn.executemany(
            "INSERT INTO places (article_id, text, start, \"end\", name, country, lat, lon) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, p.text, p.start, p.end, p.name, p.country, p.lat, p.lon) for p in doc.places],
        )
        apply_corrections(conn, article_id)
        apply_rejections(conn, article_id)
        # Speakers already known get their actor now; new names wait for the next rebuild_actors().
        conn.execute(
            "UPDATE statements SET actor_id = (SELECT actor_id FROM actor_aliases WHERE alias_key = speaker_key) "
            "WHERE article_id = ?", (article_id,))
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('actors_dirty', '1')")
        return article_id

    def finish_source(self, path: str, file_hash: str, article_ids: Iterable[int]) -> int:
        """Record that ``path`` now holds exactly ``article_ids``; drop articles no file holds any more.

        Returns the number of articles deleted.
        """
        keep = set(article_ids)
        with self.transaction() as conn:
            linked = [row[0] for row in conn.execute("SELECT article_id FROM article_sources WHERE path = ?", (path,))]
            stale = [article_id for article_id in linked if article_id not in keep]
            conn.executemany("DELETE FROM article_sources WHERE article_id = ? AND path = ?",
                             [(article_id, path) for article_id in stale])
            deleted = 0
            for article_id in stale:
                other = conn.execute("SELECT path FROM article_sources WHERE article_id = ? ORDER BY path LIMIT 1",
                                     (article_id,)).fetchone()
                if other:
                    conn.execute("UPDATE articles SET source = ? WHERE id = ?", (other[0], article_id))
                else:
                    self._delete_article(conn, article_id)
                    deleted += 1
            conn.execute(
                "INSERT OR REPLACE INTO sources (path, file_hash, articles, ingested_at) VALUES (?, ?, ?, ?)",
                (path, file_hash, len(keep), _now()))
        return deleted

    def _delete_article(self, conn: sqlite3.Connection, article_id: int) -> None:
        # Statements first so the full-text trigger sees each row; the rest cascades.
        conn.execute("DELETE FROM statements WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('actors_dirty', '1')")

    def record_failure(self, path: str, reason: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO failures (path, reason, time) VALUES (?, ?, ?)", (path, reason, _now()))

    def clear_failures(self, path: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM failures WHERE path = ?", (path,))

    # -- actors -----------------------------------------------------------------------------

    def actors_dirty(self) -> bool:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'actors_dirty'").fetchone()
        return bool(row and row[0] == "1")

    def rebuild_actors(self) -> int:
        with self.transaction() as conn:
            return rebuild_actors(conn)

    def find_actors(self, name: str) -> list[tuple[int, str]]:
        return find_actors(self.conn, name)

    def add_rule(self, action: str, subject: str, argument: str) -> None:
        """Store a manual correction and apply it: ``merge A B``, ``split A X``, ``rename A NEW``."""
        if action not in RULE_ACTIONS:
            raise StoreError(f"unknown actor rule {action!r}; known: {', '.join(RULE_ACTIONS)}")
        with self.transaction() as conn:
            if self.actors_dirty():
                rebuild_actors(conn)
            subjects = find_actors(conn, subject)
            if len(subjects) != 1:
                raise StoreError(_not_one("actor", subject, subjects))
            if action == "merge":
                targets = find_actors(conn, argument)
                if len(targets) != 1:
                    raise StoreError(_not_one("actor", argument, targets))
                if targets[0][0] == subjects[0][0]:
                    raise StoreError(f"{subject!r} and {argument!r} are already one actor")
            if action == "split":
                key = name_key(argument)
                row = conn.execute("SELECT actor_id FROM actor_aliases WHERE alias_key = ?", (key,)).fetchone()
                if not row or row[0] != subjects[0][0]:
                    raise StoreError(f"{argument!r} is not a name of {subjects[0][1]!r}")
                count = conn.execute("SELECT COUNT(*) FROM actor_aliases WHERE actor_id = ?", (row[0],)).fetchone()[0]
                if count < 2:
                    raise StoreError(f"{subjects[0][1]!r} has only one name; nothing to split")
            if action == "rename" and not argument.strip():
                raise StoreError("the new name is empty")
            # Rules name actors as the store does, so that a rule finds them again after a rebuild.
            subject = subjects[0][1]
            if action == "merge":
                argument = targets[0][1]
            conn.execute("INSERT INTO actor_rules (action, subject, argument, created_at) VALUES (?, ?, ?, ?)",
                         (action, subject, argument, _now()))
            rebuild_actors(conn)

    def rules(self) -> list[dict]:
        return [dict(zip(("id", "action", "subject", "argument", "created_at"), row)) for row in
                self.conn.execute("SELECT id, action, subject, argument, created_at FROM actor_rules ORDER BY id")]

    def correct_speaker(self, statement_id: int, speaker: str) -> None:
        """Set statement ``statement_id``'s speaker to ``speaker``; stored by article and content, so it
        survives re-ingest and re-analysis."""
        if not speaker.strip():
            raise StoreError("the speaker's name is empty")
        with self.transaction() as conn:
            try:
                correct_speaker(conn, statement_id, speaker, _now())
            except LookupError as error:
                raise StoreError(str(error)) from None
            rebuild_actors(conn)

    def reject_statement(self, statement_id: int) -> None:
        """Mark statement ``statement_id`` as no statement; stored by article and content, so it
        survives re-ingest and re-analysis.  Queries leave rejected statements out."""
        with self.transaction() as conn:
            try:
                reject_statement(conn, statement_id, _now())
            except LookupError as error:
                raise StoreError(str(error)) from None

    def rejections(self) -> list[dict]:
        columns = ("id", "content_hash", "content", "created_at")
        return [dict(zip(columns, row)) for row in
                self.conn.execute(f"SELECT {', '.join(columns)} FROM statement_rejections ORDER BY id")]

    def speaker_corrections(self) -> list[dict]:
        columns = ("id", "content_hash", "content", "speaker", "created_at")
        return [dict(zip(columns, row)) for row in
                self.conn.execute(f"SELECT {', '.join(columns)} FROM speaker_corrections ORDER BY id")]

    def remove_rule(self, rule_id: int) -> None:
        with self.transaction() as conn:
            if conn.execute("DELETE FROM actor_rules WHERE id = ?", (rule_id,)).rowcount == 0:
                raise StoreError(f"no actor rule with id {rule_id}")
            rebuild_actors(conn)

    # -- quote provenance (see provenance.py) ------------------------------------------------

    def rebuild_quotes(self, config=None) -> int:
        """Group recurring direct quotes into quotes (tables quotes, quote_occurrences) from nothing;
        returns how many."""
        from .provenance import DEFAULT_CONFIG, rebuild_quotes

        with self.transaction() as conn:
            return rebuild_quotes(conn, config or DEFAULT_CONFIG)

    def update_quotes(self, config=None) -> int:
        """Add new direct quotes to the quotes and regroup those that lost some; returns how many quotes."""
        from .provenance import DEFAULT_CONFIG, update_quotes

        with self.transaction() as conn:
            return update_quotes(conn, config or DEFAULT_CONFIG)

    def quotes_stale(self) -> bool:
        from .provenance import quotes_stale

        return quotes_stale(self.conn)

    def quotes(self, text: str, limit: int = 10) -> list[dict]:
        """Quotes matching ``text``, each with its provenance chain (first appearance first) and conflicts."""
        from .provenance import find_quotes

        return find_quotes(self.conn, text, limit=limit)

    def quote(self, quote_id: int) -> dict:
        from .provenance import quote

        try:
            return quote(self.conn, quote_id)
        except LookupError as error:
            raise StoreError(str(error)) from None

    def quote_conflicts(self, kinds=None, limit: int | None = None) -> list[dict]:
        """Quotes attributed differently (speaker, date, place) in different articles."""
        from .provenance import CONFLICT_KINDS, conflicts

        return conflicts(self.conn, kinds=kinds or CONFLICT_KINDS, limit=limit)

    # -- queries (see queries.py, network.py, export.py) -------------------------------------

    def counts(self) -> dict[str, int]:
        tables = ("articles", "statements", "entities", "actors", "failures")
        return {table: self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in tables}

    def search(self, query: str, **filters) -> list[dict]:
        from .queries import search

        return search(self.conn, query, **filters)

    def timeline(self, actor: str, **filters) -> list[dict]:
        from .queries import timeline

        return timeline(self.conn, actor, **filters)

    def actors(self, top: int | None = None) -> list[dict]:
        from .queries import top_actors

        return top_actors(self.conn, top)

    def actor_targets(self, actor: str, **filters) -> dict:
        """Whom ``actor`` talks about and who talks about ``actor`` (store/targets.py), with the
        positive and negative speech acts, in all and per month."""
        from .targets import actor_profile

        found = self.find_actors(actor)
        if not found:
            raise StoreError(f"no actor named {actor!r} (see 'wortlaut actors')")
        actor_id, name = found[0]
        return actor_profile(self.conn, actor_id, name, **filters)

    def network(self, kind: str = "actor-concept", **filters):
        from .network import build_network

        return build_network(self.conn, kind, **filters)

    def export(self, out, fmt: str = "jsonl", **filters) -> int:
        from .export import export_statements

        return export_statements(self.conn, out, fmt, **filters)


def _not_one(what: str, name: str, found: list[tuple[int, str]]) -> str:
    if not found:
        return f"no {what} named {name!r}"
    return f"{name!r} is ambiguous: " + "; ".join(f"{n} (id {i})" for i, n in found)


_STATEMENT_COLUMNS = (
    "article_id", "statement_key", "form", "sentence", "continuation", "date",
    "speaker_entity_id", "speaker_text", "speaker_start", "speaker_end", "speaker_name", "speaker_type", "speaker_key",
    "cue_text", "cue_start", "cue_end", "content", "content_start", "content_end", "date_text", "date_value",
    "place_text", "place_name", "place_country", "place_lat", "place_lon",
    "via_text", "via_start", "via_end", "via_entity_id", "addressee_text", "addressee_start", "addressee_end",
    "confidence", "speaker_resolution", "speaker_confidence", "date_source", "local_time", "about_dates",
    "speech_act", "cameo",
)
_INSERT_STATEMENT = (f"INSERT INTO statements ({', '.join(_STATEMENT_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(_STATEMENT_COLUMNS))})")


def _statement_row(doc: Document, s: Statement, article_id: int, entity_ids: dict[str, int]) -> tuple:
    speaker = s.speaker
    entity = doc.entity(speaker.entity) if speaker and speaker.entity else None
    speaker_name = (speaker.name or (entity.name if entity else None)) if speaker else None
    speaker_type = (speaker.type if speaker.type != "unknown" or not entity else entity.type) if speaker else None

    def span(value):
        return (value.text, value.start, value.end) if value else (None, None, None)

    place = s.place
    return (
        article_id, s.id, s.form, s.sentence, int(s.continuation), doc.statement_day(s),
        entity_ids.get(speaker.entity) if speaker and speaker.entity else None,
        *((speaker.text, speaker.start, speaker.end) if speaker else (None, None, None)),
        speaker_name, speaker_type, actor_key(speaker_name, speaker.resolution if speaker else None),
        *span(s.cue.span), s.content.text, s.content.start, s.content.end,
        s.date.text if s.date else None, s.date.value if s.date else None,
        *((place.text, place.name, place.country, place.lat, place.lon) if place else (None,) * 5),
        *span(s.via), entity_ids.get(s.via_entity) if s.via_entity else None,
        *span(s.addressee.span), s.confidence,
        speaker.resolution if speaker else None, speaker.confidence if speaker else None,
        s.date_source, int(s.local_time),
        json.dumps([t.value or t.text for t in s.about], ensure_ascii=False) if s.about else None,
        s.speech_act, s.cameo,
    )
