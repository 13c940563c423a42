"""Reading the store: full-text search, an actor's timeline, the most quoted actors."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence

from ..de.speech_acts import speech_acts
from ..model import DATE_SOURCES
from .actors import find_actors
from .errors import StoreError
from .names import name_key

FORMS = ("direct", "indirect", "reported")
_FTS_SYNTAX = re.compile(r'\b(AND|OR|NOT|NEAR)\b|[*"()^]')  # a query meant as FTS5, not as plain words
_RESULT_COLUMNS = ("id", "article_id", "date", "date_source", "actor_id", "actor", "speaker_text", "form", "cue",
                   "content", "place", "via", "title", "source", "speech_act", "cameo")


def date_range(column: str, date_from: str | None, date_to: str | None) -> tuple[list[str], list[str]]:
    """SQL conditions (and parameters) keeping ``column`` within ``date_from``..``date_to``, both optional."""
    where, params = [], []
    if date_from:
        where.append(f"{column} >= ?")
        params.append(str(date_from))
    if date_to:
        where.append(f"{column} <= ?")
        params.append(str(date_to))
    return where, params


def statement_conditions(view: str, min_confidence: float | None, resolved_only: bool,
                         date_sources: Sequence[str] | None = None,
                         acts: Sequence[str] | None = None) -> tuple[list[str], list]:
    """SQL conditions on how sure a statement's speaker is, where its date comes from and which
    speech act it is (``view``: the statements_view or statements alias).  Statements a user
    rejected are always left out."""
    where, params = [f"{view}.rejected = 0"], []
    if acts:
        unknown = sorted(set(acts) - set(speech_acts()))
        if unknown:
            raise ValueError(f"unknown speech act {unknown[0]!r}; known: {', '.join(speech_acts())}")
        where.append(f"{view}.speech_act IN ({', '.join('?' * len(acts))})")
        params += list(acts)
    if date_sources:
        unknown = sorted(set(date_sources) - set(DATE_SOURCES))
        if unknown:
            raise ValueError(f"unknown date source {unknown[0]!r}; known: {', '.join(DATE_SOURCES)}")
        where.append(f"{view}.date_source IN ({', '.join('?' * len(date_sources))})")
        params += list(date_sources)
    if min_confidence is not None:
        where.append(f"{view}.speaker_confidence >= ?")
        params.append(float(min_confidence))
    if resolved_only:
        where.append(f"{view}.actor_id IS NOT NULL")
    return where, params


def _filters(conn: sqlite3.Connection, *, speaker: str | None = None, date_from: str | None = None,
             date_to: str | None = None, form: str | None = None, min_confidence: float | None = None, resolved_only: bool = False,
             date_sources: Sequence[str] | None = None, acts: Sequence[str] | None = None) -> tuple[list[str], list]:
    """SQL conditions on ``statements_view v`` and their parameters."""
    where, params = statement_conditions("v", min_confidence, resolved_only, date_sources, acts)
    if speaker:
        actor_ids = [actor_id for actor_id, _ in find_actors(conn, speaker)]
        # Speakers without an actor (not yet rebuilt) still match by their own name.
        condition = "v.speaker_name IS NOT NULL AND v.id IN (SELECT id FROM statements WHERE speaker_key = ?)"
        params.append(name_key(speaker))
        if actor_ids:
            condition = f"(v.actor_id IN ({', '.join('?' * len(actor_ids))}) OR {condition})"
            params[-1:-1] = actor_ids
        where.append(condition)
    date_where, date_params = date_range("v.date", date_from, date_to)
    where += date_where
    params += date_params
    if form:
        if form not in FORMS:
            raise ValueError(f"unknown form {form!r}; known: {', '.join(FORMS)}")
        where.append("v.form = ?")
        params.append(form)
    return where, params


def fts_phrase(query: str) -> str:
    """The whole query as one quoted FTS5 phrase (quotes inside doubled)."""
    return '"' + query.replace('"', '""') + '"'


def search(conn: sqlite3.Connection, query: str, *, speaker: str | None = None, date_from: str | None = None,
           date_to: str | None = None, form: str | None = None, limit: int | None = None,
           min_confidence: float | None = None, resolved_only: bool = False,
           date_sources: Sequence[str] | None = None, acts: Sequence[str] | None = None) -> list[dict]:
    """Statements whose content matches ``query``, by date.

    ``query`` is FTS5 syntax (``Waffenruhe OR Frieden``, ``Sicherheit*``, ``"rote Linie"``); plain
    words that FTS5 cannot parse (``Frieden, sagte``) are searched as one phrase, while a query
    that uses FTS5's operators and is malformed (``Merz AND``) is refused with a clear message.
    """
    if not query.strip():
        raise StoreError("give words to search for")
    where, params = _filters(conn, speaker=speaker, date_from=date_from, date_to=date_to, form=form,
                             min_confidence=min_confidence, resolved_only=resolved_only, date_sources=date_sources,
                             acts=acts)
    return _select(conn, query, where, params, limit=limit)


def timeline(conn: sqlite3.Connection, actor: str, *, date_from: str | None = None, date_to: str | None = None,
             form: str | None = None, limit: int | None = None, min_confidence: float | None = None,
             resolved_only: bool = False, date_sources: Sequence[str] | None = None,
             acts: Sequence[str] | None = None) -> list[dict]:
    """The statements of one actor, by date (the statement's own date, else the article's)."""
    where, params = _filters(conn, speaker=actor, date_from=date_from, date_to=date_to, form=form,
                             min_confidence=min_confidence, resolved_only=resolved_only, date_sources=date_sources,
                             acts=acts)
    return _select(conn, None, where, params, limit=limit)


MARK_START, MARK_END = "\x02", "\x03"  # around the words a query matched (statement_page)


def statement_page(conn: sqlite3.Connection, query: str | None = None, *, offset: int = 0, limit: int = 50,
                   speaker: str | None = None, actor_id: int | None = None, **filters) -> tuple[list[dict], bool]:
    """One page of statements by date for browsing: all of them when ``query`` is empty, else those
    matching it (as in :func:`search`) with the matched words between MARK_START and MARK_END in
    ``marked``.  ``actor_id`` keeps one actor's.  Returns the rows and whether more follow."""
    where, params = _filters(conn, speaker=speaker, **filters)
    if actor_id is not None:
        where.append("v.actor_id = ?")
        params.append(actor_id)
    rows = _select(conn, query.strip() if query and query.strip() else None, where, params,
                   limit=limit + 1, offset=offset, marked=True)
    return rows[:limit], len(rows) > limit


def _select(conn: sqlite3.Connection, query: str | None, where: list[str], params: list, *,
            limit: int | None = None, offset: int = 0, marked: bool = False) -> list[dict]:
    """Statements meeting ``where``, by date; with a query only those whose content matches it
    (``marked``: also the content with the matches marked)."""
    columns = ", ".join("v." + c for c in _RESULT_COLUMNS)
    if query is None:
        sql = f"SELECT {columns}{', v.content' if marked else ''} FROM statements_view v"
        sql += (" WHERE " + " AND ".join(where) if where else "")
    else:
        highlight = f", highlight(statements_fts, 0, '{MARK_START}', '{MARK_END}')" if marked else ""
        sql = (f"SELECT {columns}{highlight} FROM statements_fts f JOIN statements_view v ON v.id = f.rowid "
               "WHERE statements_fts MATCH ?" + "".join(f" AND {condition}" for condition in where))
    sql += " ORDER BY v.date, v.article_id, v.id" + (" LIMIT ? OFFSET ?" if limit else "")
    tail = [limit, offset] if limit else []
    names = _RESULT_COLUMNS + (("marked",) if marked else ())
    if query is None:
        return [dict(zip(names, row)) for row in conn.execute(sql, [*params, *tail])]
    try:
        rows = conn.execute(sql, [query, *params, *tail]).fetchall()
    except sqlite3.OperationalError as error:
        # Only the MATCH argument comes from the user, so the error is in the query syntax.
        if _FTS_SYNTAX.search(query):
            raise StoreError(f"malformed search query {query!r} ({error}); FTS5 syntax: words, AND, OR, NOT, "
                             'prefix*, "a phrase", NEAR(a b), parentheses') from None
        rows = conn.execute(sql, [fts_phrase(query), *params, *tail]).fetchall()
    return [dict(zip(names, row)) for row in rows]


def top_actors(conn: sqlite3.Connection, top: int | None = None) -> list[dict]:
    """Actors by how often they are quoted, with first and last date, aliases and roles."""
    columns = ("id", "name", "type", "statements", "first_date", "last_date", "aliases", "roles")
    sql = f"SELECT {', '.join(columns)} FROM actors_view ORDER BY statements DESC, name"
    if top:
        sql += " LIMIT ?"
    return [dict(zip(columns, row)) for row in conn.execute(sql, [top] if top else [])]
