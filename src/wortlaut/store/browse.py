"""Reading one article or one actor whole, for the web pages and their JSON API."""

from __future__ import annotations

import sqlite3

_STATEMENT_FIELDS = (
    "id", "statement_key", "form", "date", "date_source", "local_time", "date_text", "date_value", "actor_id",
    "speaker_name", "speaker_text", "speaker_start", "speaker_end", "speaker_resolution", "speaker_confidence",
    "cue_text", "cue_start", "cue_end", "content", "content_start", "content_end", "place_name", "place_country",
    "via_text", "via_start", "via_end", "addressee_text", "addressee_start", "addressee_end", "confidence",
    "continuation", "rejected", "speech_act", "cameo",
)


def article(conn: sqlite3.Connection, article_id: int) -> dict | None:
    """An article with its statements (every offset into its text), time expressions and places."""
    row = conn.execute("SELECT id, doc_id, source, date, title, text FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    if row is None:
        return None
    found = dict(zip(("id", "doc_id", "source", "date", "title", "text"), row))
    found["statements"] = [
        dict(zip(_STATEMENT_FIELDS, statement)) for statement in conn.execute(
            f"SELECT {', '.join('s.' + field for field in _STATEMENT_FIELDS)} FROM statements s "
            "WHERE s.article_id = ? ORDER BY s.content_start", (article_id,))]
    actors = dict(conn.execute(
        "SELECT ac.id, ac.name FROM actors ac JOIN statements s ON s.actor_id = ac.id WHERE s.article_id = ?",
        (article_id,)).fetchall())
    for statement in found["statements"]:
        statement["actor"] = actors.get(statement["actor_id"])
    found["times"] = [dict(zip(("text", "start", "end", "value", "type"), t)) for t in conn.execute(
        'SELECT text, start, "end", value, type FROM times WHERE article_id = ? ORDER BY start', (article_id,))]
    found["places"] = [dict(zip(("text", "start", "end", "name", "country"), p)) for p in conn.execute(
        'SELECT text, start, "end", name, country FROM places WHERE article_id = ? ORDER BY start', (article_id,))]
    return found


def actor(conn: sqlite3.Connection, actor_id: int, *, top: int = 15) -> dict | None:
    """An actor's profile: aliases, roles with the dates they were seen, statements per month, the
    concepts they talk about most, the actors quoted in the same articles, whom they addressed."""
    row = conn.execute("SELECT id, name, type, statements, first_date, last_date FROM actors_view WHERE id = ?",
                       (actor_id,)).fetchone()
    if row is None:
        return None
    found = dict(zip(("id", "name", "type", "statements", "first_date", "last_date"), row))
    found["aliases"] = [dict(zip(("alias", "count"), r)) for r in conn.execute(
        "SELECT alias, count FROM actor_aliases WHERE actor_id = ? ORDER BY count DESC, alias", (actor_id,))]
    found["roles"] = [dict(zip(("role", "count", "first_date", "last_date"), r)) for r in conn.execute(
        "SELECT role, count, first_date, last_date FROM actor_roles WHERE actor_id = ? ORDER BY count DESC, role",
        (actor_id,))]
    found["months"] = [dict(zip(("month", "statements"), r)) for r in conn.execute(
        "SELECT substr(date, 1, 7), COUNT(*) FROM statements WHERE actor_id = ? AND date IS NOT NULL AND rejected = 0 "
        "GROUP BY 1 ORDER BY 1", (actor_id,))]
    found["concepts"] = [dict(zip(("concept", "kind", "statements"), r)) for r in conn.execute(
        "SELECT c.concept, MIN(c.kind), COUNT(DISTINCT c.statement_id) FROM statement_concepts c "
        "JOIN statements s ON s.id = c.statement_id WHERE s.actor_id = ? AND s.rejected = 0 GROUP BY c.concept_key "
        "ORDER BY 3 DESC, 1 LIMIT ?", (actor_id, top))]
    found["quoted_with"] = [dict(zip(("id", "name", "articles"), r)) for r in conn.execute(
        "SELECT other.actor_id, ac.name, COUNT(DISTINCT other.article_id) FROM statements own "
        "JOIN statements other ON other.article_id = own.article_id AND other.actor_id != own.actor_id "
        "AND other.rejected = 0 JOIN actors ac ON ac.id = other.actor_id WHERE own.actor_id = ? AND own.rejected = 0 "
        "GROUP BY 1 ORDER BY 3 DESC, 2 LIMIT ?",
        (actor_id, top))]
    found["addressees"] = [dict(zip(("addressee", "statements"), r)) for r in conn.execute(
        "SELECT addressee_text, COUNT(*) FROM statements WHERE actor_id = ? AND addressee_text IS NOT NULL "
        "AND rejected = 0 "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?", (actor_id, top))]
    return found

