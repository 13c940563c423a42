"""The store's SQLite schema, as an ordered list of migrations.

Each migration is applied once, inside its own transaction, and recorded in
``schema_version``.  A new release that needs another column adds a new entry;
existing entries are never edited, so every database can be brought forward.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from .errors import SchemaError

# statements_view's columns in version 1 (expression, name): never edited, like the migrations
# themselves; a later migration that adds a column recreates the view with it as ``extra``.
_STATEMENTS_VIEW_COLUMNS = (
    ("s.id", "id"),
    ("s.article_id", "article_id"),
    ("s.date", "date"),
    ("s.date_value", "statement_date"),
    ("a.date", "article_date"),
    ("s.actor_id", "actor_id"),
    ("COALESCE(ac.name, s.speaker_name)", "actor"),
    ("s.speaker_name", "speaker_name"),
    ("s.speaker_text", "speaker_text"),
    ("s.form", "form"),
    ("s.cue_text", "cue"),
    ("s.content", "content"),
    ("s.place_name", "place"),
    ("s.via_text", "via"),
    ("s.addressee_text", "addressee"),
    ("a.title", "title"),
    ("a.source", "source"),
    ("a.doc_id", "doc_id"),
)


def _statements_view(*extra: tuple[str, str]) -> str:
    columns = _STATEMENTS_VIEW_COLUMNS + extra
    return ("CREATE VIEW statements_view AS\nSELECT\n"
            + ",\n".join(f"    {expression:<38} AS {name}" for expression, name in columns)
            + "\nFROM statements s\nJOIN articles a ON a.id = s.article_id\nLEFT JOIN actors ac ON ac.id = s.actor_id;\n")


def _text_table(name: str, *extra: str, first: str | None = None) -> str:
    """A table of stretches of an article's text (headings, mentions, times, places), with its index."""
    columns = ["id         INTEGER PRIMARY KEY",
               "article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE",
               *([first] if first else []),
               "text       TEXT NOT NULL", "start      INTEGER NOT NULL", '"end"      INTEGER NOT NULL', *extra]
    return (f"CREATE TABLE {name} (\n    " + ",\n    ".join(columns) + "\n);\n"
            f"CREATE INDEX {name}_article ON {name}(article_id);\n")


_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

-- One row per stored article; content_hash identifies the article (text, date, title).
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    doc_id       TEXT,
    source       TEXT,
    date         TEXT,
    title        TEXT,
    text         TEXT NOT NULL,
    word_count   INTEGER NOT NULL,
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_date ON articles(date);

-- Input files and what they held: lets a re-run skip an unchanged file before reading it.
CREATE TABLE sources (
    path        TEXT PRIMARY KEY,
    file_hash   TEXT NOT NULL,
    articles    INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);

-- The same article may come from several files; it is deleted when no file holds it any more.
CREATE TABLE article_sources (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    path       TEXT NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, path)
);
CREATE INDEX article_sources_path ON article_sources(path);

""" + _text_table("headings") + """
CREATE TABLE entities (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_key TEXT NOT NULL,          -- the id inside the article (e1, e2 ...)
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,          -- normalised name, joins actor_aliases.alias_key
    type       TEXT NOT NULL,
    roles      TEXT NOT NULL DEFAULT '[]'  -- JSON list
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_name_key ON entities(name_key);

""" + _text_table("mentions", first="entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE") + """
-- Corpus-level actors, rebuilt from speaker names plus the manual rules in actor_rules.
CREATE TABLE actors (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);

CREATE TABLE actor_aliases (
    alias_key TEXT PRIMARY KEY,        -- normalised speaker name
    alias     TEXT NOT NULL,           -- its most frequent spelling
    actor_id  INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    count     INTEGER NOT NULL         -- statements under this spelling
);
CREATE INDEX actor_aliases_actor ON actor_aliases(actor_id);

CREATE TABLE actor_roles (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    count    INTEGER NOT NULL,         -- articles in which the role was seen
    PRIMARY KEY (actor_id, role)
);

-- Manual corrections, re-applied in order after every rebuild: merge A B | split A X | rename A NEW.
CREATE TABLE actor_rules (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL CHECK (action IN ('merge', 'split', 'rename')),
    subject    TEXT NOT NULL,
    argument   TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE statements (
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    statement_key     TEXT NOT NULL,   -- the id inside the article
    form              TEXT NOT NULL,
    sentence          INTEGER NOT NULL,
    continuation      INTEGER NOT NULL DEFAULT 0,
    date              TEXT,            -- the statement's own day, else the article's date
    speaker_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    speaker_text      TEXT,
    speaker_start     INTEGER,
    speaker_end       INTEGER,
    speaker_name      TEXT,
    speaker_type      TEXT,
    speaker_key       TEXT,            -- normalised speaker name, joins actor_aliases
    actor_id          INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    cue_text          TEXT,
    cue_start         INTEGER,
    cue_end           INTEGER,
    content           TEXT NOT NULL,
    content_start     INTEGER NOT NULL,
    content_end       INTEGER NOT NULL,
    date_text         TEXT,
    date_value        TEXT,
    place_text        TEXT,
    place_name        TEXT,
    place_country     TEXT,
    place_lat         REAL,
    place_lon         REAL,
    via_text          TEXT,
    via_start         INTEGER,
    via_end           INTEGER,
    via_entity_id     INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    addressee_text    TEXT,
    addressee_start   INTEGER,
    addressee_end     INTEGER
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_actor_date ON statements(actor_id, date);
CREATE INDEX statements_speaker_key ON statements(speaker_key);
CREATE INDEX statements_date ON statements(date);

-- What a statement talks about: entities and places inside its content, and its nouns.
CREATE TABLE statement_concepts (
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    concept      TEXT NOT NULL,
    concept_key  TEXT NOT NULL,
    kind         TEXT NOT NULL,        -- entity | place | noun
    PRIMARY KEY (statement_id, concept_key, kind)
);
CREATE INDEX statement_concepts_article ON statement_concepts(article_id);

""" + _text_table("times", "value      TEXT", "type       TEXT NOT NULL") + """
""" + _text_table("places", "name       TEXT NOT NULL", "country    TEXT", "lat        REAL", "lon        REAL") + """
CREATE TABLE failures (
    id     INTEGER PRIMARY KEY,
    path   TEXT NOT NULL,
    reason TEXT NOT NULL,
    time   TEXT NOT NULL
);
CREATE INDEX failures_path ON failures(path);

-- Full-text index over statement content, kept in step with the statements table by triggers.
CREATE VIRTUAL TABLE statements_fts USING fts5(content, content='statements', content_rowid='id');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF content ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO statements_fts(rowid, content) VALUES (new.id, new.content);
END;

""" + _statements_view() + """
CREATE VIEW actors_view AS
SELECT
    ac.id                                  AS id,
    ac.name                                AS name,
    ac.type                                AS type,
    (SELECT COUNT(*) FROM statements s WHERE s.actor_id = ac.id)    AS statements,
    (SELECT MIN(s.date) FROM statements s WHERE s.actor_id = ac.id) AS first_date,
    (SELECT MAX(s.date) FROM statements s WHERE s.actor_id = ac.id) AS last_date,
    (SELECT group_concat(alias, '; ') FROM
        (SELECT alias FROM actor_aliases al WHERE al.actor_id = ac.id ORDER BY count DESC, alias)) AS aliases,
    (SELECT group_concat(role, '; ') FROM
        (SELECT role FROM actor_roles r WHERE r.actor_id = ac.id ORDER BY count DESC, role))       AS roles
FROM actors ac;
"""

# Version 2: a statement's confidence (for speech acts: the learned sentence tagger's probability
# that SpkAtt's annotators would mark it; NULL for the other forms), also in statements_view.
_V2 = """
ALTER TABLE statements ADD COLUMN confidence REAL;

DROP VIEW statements_view;
""" + _statements_view(("s.confidence", "confidence"))

# Version 3 (issue 14): how each speaker was resolved and how sure that is; roles with the dates they
# were seen; a user's corrections of one statement's speaker, kept by article and content so that
# they survive re-ingest and re-analysis.
_V3 = """
ALTER TABLE statements ADD COLUMN speaker_resolution TEXT;
ALTER TABLE statements ADD COLUMN speaker_confidence REAL;
ALTER TABLE actor_roles ADD COLUMN first_date TEXT;
ALTER TABLE actor_roles ADD COLUMN last_date TEXT;

CREATE TABLE speaker_corrections (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL,        -- the article's articles.content_hash
    content      TEXT NOT NULL,        -- the statement's content, as stored
    speaker      TEXT NOT NULL,        -- the right speaker's name
    created_at   TEXT NOT NULL,
    UNIQUE (content_hash, content)
);

DROP VIEW statements_view;
""" + _statements_view(("s.confidence", "confidence"), ("s.speaker_resolution", "speaker_resolution"),
                       ("s.speaker_confidence", "speaker_confidence"))

# Version 4 (issue 16): where a statement's date comes from (explicit / inherited / article),
# whether it is local time ("am Donnerstag (Ortszeit)"), and the dates it talks about (issue 16);
# statements a user marked wrong (issue 17).  Rows stored before stay NULL until their
# their files are ingested again after a change (or into a new database).
_V4 = """
ALTER TABLE statements ADD COLUMN date_source TEXT;
ALTER TABLE statements ADD COLUMN local_time INTEGER;
ALTER TABLE statements ADD COLUMN about_dates TEXT;  -- JSON list: values of the times in the content
ALTER TABLE statements ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;  -- a user marked it no statement

-- Statements users marked wrong (no statement at all), kept like speaker_corrections by article
-- and content so that the mark survives re-ingest and re-analysis.
CREATE TABLE statement_rejections (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL,
    content      TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (content_hash, content)
);
CREATE INDEX statements_date_source ON statements(date_source);

DROP VIEW statements_view;
""" + _statements_view(("s.confidence", "confidence"), ("s.speaker_resolution", "speaker_resolution"),
                       ("s.speaker_confidence", "speaker_confidence"), ("s.date_source", "date_source"),
                       ("s.local_time", "local_time"), ("s.about_dates", "about_dates"),
                       ("s.rejected", "rejected"))

# Version 5 (issue 19): what kind of statement it is (speech_act: state, claim, warn, demand, …)
# and its CAMEO event code.  Rows stored before stay NULL until their files are ingested again.
_V5 = """
ALTER TABLE statements ADD COLUMN speech_act TEXT;
ALTER TABLE statements ADD COLUMN cameo TEXT;
CREATE INDEX statements_speech_act ON statements(speech_act);

DROP VIEW statements_view;
""" + _statements_view(("s.confidence", "confidence"), ("s.speaker_resolution", "speaker_resolution"),
                       ("s.speaker_confidence", "speaker_confidence"), ("s.date_source", "date_source"),
                       ("s.local_time", "local_time"), ("s.about_dates", "about_dates"),
                       ("s.rejected", "rejected"), ("s.speech_act", "speech_act"), ("s.cameo", "cameo"))

# Version 6 (issue 19): quote provenance.  Direct quotes that recur across articles (copied,
# shortened, edited) are one quote; kept up to date after ingest (store/provenance.py).
# The views show each quote's occurrences in order and the attributions that disagree.
_V6 = """
CREATE TABLE quotes (
    id                 INTEGER PRIMARY KEY,
    text               TEXT NOT NULL,      -- its main wording: the most quoted full-length one
    normalized         TEXT NOT NULL,      -- its normalised text (provenance.normalize_quote)
    first_statement_id INTEGER REFERENCES statements(id) ON DELETE SET NULL,
    first_article_id   INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    first_date         TEXT,               -- the first article's date
    occurrences        INTEGER NOT NULL,
    articles           INTEGER NOT NULL,
    variants           INTEGER NOT NULL    -- distinct normalised wordings
);

CREATE TABLE quote_occurrences (
    statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
    quote_id     INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,         -- 0: the first appearance, then by article date
    outlet       TEXT,                     -- the article's source: URL host or file name
    variant      TEXT NOT NULL,            -- same | shortened | edited, against quotes.text
    similarity   REAL NOT NULL,            -- share of this wording inside quotes.text
    normalized   TEXT NOT NULL
);
CREATE INDEX quote_occurrences_quote ON quote_occurrences(quote_id, position);
CREATE INDEX quotes_first_statement ON quotes(first_statement_id);  -- deleting a statement looks here
CREATE INDEX quotes_first_article ON quotes(first_article_id);
CREATE INDEX quote_occurrences_article ON quote_occurrences(article_id);

CREATE VIEW quote_occurrences_view AS
SELECT
    o.quote_id                              AS quote_id,
    o.position                              AS position,
    o.statement_id                          AS statement_id,
    o.article_id                            AS article_id,
    a.date                                  AS article_date,
    s.date                                  AS statement_date,
    s.date_source                           AS date_source,
    s.actor_id                              AS actor_id,
    COALESCE(ac.name, s.speaker_name)       AS speaker,
    s.speaker_text                          AS speaker_text,
    s.place_name                            AS place,
    o.outlet                                AS outlet,
    a.title                                 AS title,
    a.doc_id                                AS doc_id,
    o.variant                               AS variant,
    o.similarity                            AS similarity,
    s.content                               AS text
FROM quote_occurrences o
JOIN statements s ON s.id = o.statement_id
JOIN articles a ON a.id = o.article_id
LEFT JOIN actors ac ON ac.id = s.actor_id;

-- What each occurrence says about who, when and where: the speaker (an actor, else the name as
-- quoted; pronouns and unnamed speakers say nothing), the day when the article named one, the place.
CREATE VIEW quote_attributions AS
SELECT o.quote_id, 'speaker' AS kind, COALESCE('actor:' || s.actor_id, 'name:' || s.speaker_key) AS value_key,
       COALESCE(ac.name, s.speaker_name) AS value, o.statement_id, o.article_id
FROM quote_occurrences o JOIN statements s ON s.id = o.statement_id LEFT JOIN actors ac ON ac.id = s.actor_id
WHERE s.actor_id IS NOT NULL OR (s.speaker_key IS NOT NULL AND s.speaker_key != '')
UNION ALL
SELECT o.quote_id, 'date', s.date, s.date, o.statement_id, o.article_id
FROM quote_occurrences o JOIN statements s ON s.id = o.statement_id
WHERE s.date IS NOT NULL AND s.date_source IN ('explicit', 'inherited')
UNION ALL
SELECT o.quote_id, 'place', lower(s.place_name), s.place_name, o.statement_id, o.article_id
FROM quote_occurrences o JOIN statements s ON s.id = o.statement_id
WHERE s.place_name IS NOT NULL AND s.place_name != '';

-- A conflict: one quote, two values of one kind, in two different articles.
CREATE VIEW quote_conflicts AS
SELECT
    x.quote_id                              AS quote_id,
    x.kind                                  AS kind,
    COUNT(DISTINCT x.value_key)             AS distinct_values,
    group_concat(DISTINCT x.value)          AS "values",
    COUNT(DISTINCT x.article_id)            AS articles,
    q.text                                  AS text
FROM quote_attributions x
JOIN quotes q ON q.id = x.quote_id
WHERE EXISTS (SELECT 1 FROM quote_attributions y WHERE y.quote_id = x.quote_id AND y.kind = x.kind
              AND y.value_key != x.value_key AND y.article_id != x.article_id)
GROUP BY x.quote_id, x.kind;
"""

# Version 7 (issue 19): targets, whom each statement is about (the targets stage).  A target that
# is a person, organisation or country joins an actor by name key like a speaker does (actor_aliases);
# speaker_targets pairs each statement's speaker with its targets.
_V7 = _text_table(
    "statement_targets",
    "name       TEXT NOT NULL",
    "target_key TEXT NOT NULL",  # names.name_key(name): joins actor_aliases.alias_key
    "type       TEXT NOT NULL",  # person | organisation | country
    "how        TEXT NOT NULL",  # mention | pronoun
    "entity_id  INTEGER REFERENCES entities(id) ON DELETE CASCADE",
    first="statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE",
) + """CREATE INDEX statement_targets_statement ON statement_targets(statement_id);
CREATE INDEX statement_targets_key ON statement_targets(target_key);
CREATE INDEX statement_targets_entity ON statement_targets(entity_id);

CREATE VIEW speaker_targets AS
SELECT
    t.statement_id                          AS statement_id,
    t.article_id                            AS article_id,
    s.date                                  AS date,
    s.actor_id                              AS speaker_id,
    COALESCE(ac.name, s.speaker_name)       AS speaker,
    ta.id                                   AS target_id,
    COALESCE(ta.name, t.name)               AS target,
    t.type                                  AS target_type,
    t.how                                   AS how,
    t.text                                  AS text,
    s.speech_act                            AS speech_act,
    s.rejected                              AS rejected
FROM statement_targets t
JOIN statements s ON s.id = t.statement_id
LEFT JOIN actors ac ON ac.id = s.actor_id
LEFT JOIN actor_aliases al ON al.alias_key = t.target_key
LEFT JOIN actors ta ON ta.id = al.actor_id;
"""

# Version 8 (issue 19): each direct quote's MinHash signature, so that new quotes join the stored
# quotes without regrouping them all (provenance.update_quotes).  The quotes are grouped afresh once.
_V8 = """
CREATE TABLE quote_signatures (
    statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
    normalized   TEXT NOT NULL,            -- provenance.normalize_quote(content)
    size         INTEGER NOT NULL,         -- its shingles
    signature    BLOB                      -- num_perm little-endian uint32; NULL: too short to group
);
DELETE FROM quote_occurrences;
DELETE FROM quotes;
DELETE FROM meta WHERE key = 'quotes_fingerprint';
"""

MIGRATIONS: list[tuple[int, str]] = [(1, _V1), (2, _V2), (3, _V3), (4, _V4), (5, _V5), (6, _V6), (7, _V7),
                                     (8, _V8)]
LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(conn: sqlite3.Connection) -> int:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to :data:`LATEST_VERSION`; returns the version reached.

    The version is read under the write lock (``BEGIN IMMEDIATE``), so two processes opening a
    new database at once do not both create it: the second waits and finds it made."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = current_version(conn)
        if version > LATEST_VERSION:
            raise SchemaError(f"the database has schema version {version}, newer than this wortlaut knows "
                              f"({LATEST_VERSION}); upgrade wortlaut")
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
        for number, script in MIGRATIONS:
            if number <= version:
                continue
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (?, datetime('now'))", (number,))
            version = number
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return version


def _statements(script: str) -> Iterator[str]:
    """The statements of an SQL script one by one (a trigger's body stays with its trigger)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""
    if statement.strip():
        yield statement
