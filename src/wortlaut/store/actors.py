"""Corpus-level actors: speaker names from all articles grouped into people and organisations.

The grouping is recomputed from the stored statements (so it does not depend on
the order articles arrived in) and then the manual rules are replayed:

1. Every distinct normalised speaker name (:func:`names.name_key`) is an alias.
   Aliases with the same key are one actor: "Präsident Putin" reaches the store
   as "Putin" because the pipeline strips roles.
2. A surname-only person alias ("Putin", "von der Leyen") joins the full-name
   person actor with that surname when there is exactly one; with two full
   names ("Anna Müller", "Peter Müller") it stays apart, as its own actor.
3. Rules from ``actor_rules`` (merge / split / rename), oldest first.  A rule
   whose names are not (yet) in the corpus does nothing and is kept.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..de.roles import parse_role, role_affiliation
from ..entities.acronyms import known_acronyms
from .names import name_key, split_name

_PERSONLIKE = ("person", "unknown")


@dataclass
class _Alias:
    key: str
    spellings: Counter = field(default_factory=Counter)  # spelling -> statements
    types: Counter = field(default_factory=Counter)  # type -> statements

    @property
    def count(self) -> int:
        return sum(self.spellings.values())

    @property
    def spelling(self) -> str:
        return min(self.spellings.items(), key=lambda item: (-item[1], item[0]))[0]

    @property
    def type(self) -> str:
        known = [(count, kind) for kind, count in self.types.items() if kind != "unknown"]
        return max(known, key=lambda item: (item[0], item[1]))[1] if known else "unknown"


@dataclass
class _Cluster:
    aliases: set[str]
    name: str | None = None  # set by a rename rule


class _Grouping:
    """Aliases partitioned into clusters; the rules operate on this."""

    def __init__(self, aliases: dict[str, _Alias]):
        self.aliases = aliases
        self.clusters: dict[int, _Cluster] = {}
        self.cluster_of: dict[str, int] = {}

    def add(self, keys: set[str]) -> int:
        number = len(self.clusters) + 1
        while number in self.clusters:
            number += 1
        self.clusters[number] = _Cluster(set(keys))
        for key in keys:
            self.cluster_of[key] = number
        return number

    def display_name(self, number: int) -> str:
        cluster = self.clusters[number]
        if cluster.name:
            return cluster.name
        # A full name over a bare surname, then the most quoted one, then the shorter one.
        best = max(cluster.aliases, key=lambda key: (bool(split_name(key).given), self.aliases[key].count,
                                                     -len(key), key))
        return self.aliases[best].spelling

    def find(self, name: str) -> int | None:
        key = name_key(name)
        if key in self.cluster_of:
            return self.cluster_of[key]
        for number in sorted(self.clusters):
            if name_key(self.display_name(number)) == key:
                return number
        return None

    def merge(self, subject: str, target: str) -> bool:
        source, into = self.find(subject), self.find(target)
        if source is None or into is None or source == into:
            return False
        moved = self.clusters.pop(source)
        self.clusters[into].aliases |= moved.aliases
        for key in moved.aliases:
            self.cluster_of[key] = into
        return True

    def split(self, subject: str, alias: str) -> bool:
        number, key = self.find(subject), name_key(alias)
        if number is None or key not in self.clusters[number].aliases or len(self.clusters[number].aliases) < 2:
            return False
        self.clusters[number].aliases.discard(key)
        self.add({key})
        return True

    def rename(self, subject: str, new_name: str) -> bool:
        number = self.find(subject)
        if number is None:
            return False
        self.clusters[number].name = new_name.strip()
        return True


def _load_aliases(conn: sqlite3.Connection) -> dict[str, _Alias]:
    aliases: dict[str, _Alias] = {}
    rows = conn.execute(
        "SELECT speaker_key, speaker_name, COALESCE(speaker_type, 'unknown'), COUNT(*) FROM statements "
        "WHERE speaker_key IS NOT NULL AND speaker_key != '' GROUP BY 1, 2, 3"
    )
    for key, spelling, kind, count in rows:
        alias = aliases.setdefault(key, _Alias(key))
        alias.spellings[spelling] += count
        alias.types[kind] += count
    return aliases


def _group_automatically(aliases: dict[str, _Alias], roles: dict[str, Counter] | None = None) -> _Grouping:
    """One cluster per alias, except: a surname alone joins the one full name with that surname
    whose roles do not conflict with its own (``Trainer Müller`` stays apart from ``Gerd Müller``
    the minister); acronyms join their long forms."""
    roles = roles or {}
    grouping = _Grouping(aliases)
    full_names_by_surname: dict[str, list[str]] = defaultdict(list)
    surname_only: list[str] = []
    for key in sorted(aliases):
        parts = split_name(key)
        if aliases[key].type not in _PERSONLIKE:
            grouping.add({key})
        elif parts.given:
            if aliases[key].type == "person":
                full_names_by_surname[parts.surname].append(key)
            grouping.add({key})
        else:
            surname_only.append(key)
    for key in surname_only:
        candidates = [full for full in full_names_by_surname.get(split_name(key).surname, [])
                      if not _roles_conflict(roles.get(key), roles.get(full))]
        if len(candidates) == 1:
            number = grouping.cluster_of[candidates[0]]
            grouping.clusters[number].aliases.add(key)
            grouping.cluster_of[key] = number
        else:
            grouping.add({key})
    # "UN" and "Vereinte Nationen" (data/acronyms.tsv) are one actor.
    for acronym, long_form in known_acronyms().items():
        short, long = name_key(acronym), name_key(long_form)
        if short in grouping.cluster_of and long in grouping.cluster_of:
            grouping.merge(acronym, long_form)
    return grouping


def _roles_conflict(own: Counter | None, other: Counter | None) -> bool:
    """Both have roles, and no kind of role (leader, minister, spokesperson, …) in common."""
    kinds = [{parsed.kind for role in (roles or ()) if (parsed := parse_role(role_affiliation(role)[0]))}
             for roles in (own, other)]
    return bool(kinds[0] and kinds[1]) and not kinds[0] & kinds[1]


def _apply_rules(conn: sqlite3.Connection, grouping: _Grouping) -> None:
    for action, subject, argument in conn.execute(
        "SELECT action, subject, argument FROM actor_rules ORDER BY id"
    ).fetchall():
        getattr(grouping, action)(subject, argument)


def _roles_by_alias(conn: sqlite3.Connection) -> tuple[dict[str, Counter], dict[tuple[str, str], list[str]]]:
    """Per alias: how many articles gave each role; per (alias, role): the dates it was seen."""
    roles: dict[str, Counter] = defaultdict(Counter)
    dates: dict[tuple[str, str], list[str]] = defaultdict(list)
    rows = conn.execute(
        "SELECT s.speaker_key, e.id, e.roles, MIN(s.date) FROM statements s "
        "JOIN entities e ON e.id = s.speaker_entity_id WHERE s.speaker_key IS NOT NULL GROUP BY 1, 2"
    )
    for key, _entity, encoded, date in rows:
        for role in json.loads(encoded or "[]"):
            if role:
                roles[key][role] += 1
                if date:
                    dates[key, role].append(date)
    return roles, dates


def apply_corrections(conn: sqlite3.Connection, article_id: int | None = None) -> None:
    """Give statements the speakers users set for them (``wortlaut actors correct``)."""
    rows = conn.execute(
        "SELECT s.id, c.speaker FROM statements s JOIN articles a ON a.id = s.article_id "
        "JOIN speaker_corrections c ON c.content_hash = a.content_hash AND c.content = s.content"
        + (" WHERE s.article_id = ?" if article_id is not None else ""),
        () if article_id is None else (article_id,)).fetchall()
    conn.executemany(
        "UPDATE statements SET speaker_name = ?, speaker_key = ?, speaker_type = COALESCE(speaker_type, 'unknown'), "
        "speaker_resolution = 'corrected', speaker_confidence = 1.0 WHERE id = ?",
        [(speaker, name_key(speaker), statement_id) for statement_id, speaker in rows])


def apply_rejections(conn: sqlite3.Connection, article_id: int | None = None) -> None:
    """Mark the statements users rejected (``wortlaut actors reject``): queries leave them out."""
    conn.execute(
        "UPDATE statements SET rejected = 1 WHERE id IN (SELECT s.id FROM statements s "
        "JOIN articles a ON a.id = s.article_id "
        "JOIN statement_rejections r ON r.content_hash = a.content_hash AND r.content = s.content"
        + (" WHERE s.article_id = ?)" if article_id is not None else ")"),
        () if article_id is None else (article_id,))


def reject_statement(conn: sqlite3.Connection, statement_id: int, created_at: str) -> None:
    """Store that statement ``statement_id`` is no statement; runs in the caller's transaction."""
    row = conn.execute("SELECT a.content_hash, s.content FROM statements s JOIN articles a ON a.id = s.article_id "
                       "WHERE s.id = ?", (statement_id,)).fetchone()
    if row is None:
        raise LookupError(f"no statement with id {statement_id}")
    conn.execute("INSERT OR IGNORE INTO statement_rejections (content_hash, content, created_at) VALUES (?, ?, ?)",
                 (*row, created_at))
    apply_rejections(conn)


def correct_speaker(conn: sqlite3.Connection, statement_id: int, speaker: str, created_at: str) -> None:
    """Store that statement ``statement_id``'s speaker is ``speaker``; runs in the caller's transaction."""
    row = conn.execute("SELECT a.content_hash, s.content FROM statements s JOIN articles a ON a.id = s.article_id "
                       "WHERE s.id = ?", (statement_id,)).fetchone()
    if row is None:
        raise LookupError(f"no statement with id {statement_id}")
    conn.execute("INSERT OR REPLACE INTO speaker_corrections (content_hash, content, speaker, created_at) "
                 "VALUES (?, ?, ?, ?)", (*row, speaker.strip(), created_at))
    apply_corrections(conn)


def rebuild_actors(conn: sqlite3.Connection) -> int:
    """Recompute actors, aliases and roles and point every statement at its actor.

    Runs inside the caller's transaction.  Actor ids are kept for actors whose
    name did not change, so links into the database stay valid.  Returns the
    number of actors.
    """
    aliases = _load_aliases(conn)
    roles, role_dates = _roles_by_alias(conn)
    grouping = _group_automatically(aliases, roles)
    _apply_rules(conn, grouping)

    old_ids = {}
    for actor_id, name in conn.execute("SELECT id, name FROM actors ORDER BY id"):
        old_ids.setdefault(name_key(name), actor_id)
    named = sorted((grouping.display_name(number), number) for number in grouping.clusters)
    used: set[int] = set()
    next_id = max(old_ids.values(), default=0) + 1
    conn.execute("DELETE FROM actor_roles")
    conn.execute("DELETE FROM actor_aliases")
    conn.execute("DELETE FROM actors")
    for name, number in named:
        actor_id = old_ids.get(name_key(name))
        if actor_id is None or actor_id in used:
            actor_id, next_id = next_id, next_id + 1
        used.add(actor_id)
        members = [aliases[key] for key in grouping.clusters[number].aliases]
        types = Counter()
        role_counts: Counter = Counter()
        seen: dict[str, list[str]] = defaultdict(list)
        for alias in members:
            types.update(alias.types)
            role_counts.update(roles.get(alias.key, {}))
            for role in roles.get(alias.key, {}):
                seen[role] += role_dates.get((alias.key, role), [])
        known = [(count, kind) for kind, count in types.items() if kind != "unknown"]
        kind = max(known)[1] if known else "unknown"
        conn.execute("INSERT INTO actors (id, name, type) VALUES (?, ?, ?)", (actor_id, name, kind))
        conn.executemany(
            "INSERT INTO actor_aliases (alias_key, alias, actor_id, count) VALUES (?, ?, ?, ?)",
            [(alias.key, alias.spelling, actor_id, alias.count) for alias in members],
        )
        conn.executemany(
            "INSERT INTO actor_roles (actor_id, role, count, first_date, last_date) VALUES (?, ?, ?, ?, ?)",
            [(actor_id, role, count, min(seen[role], default=None), max(seen[role], default=None))
             for role, count in role_counts.items()],
        )
    conn.execute(
        "UPDATE statements SET actor_id = "
        "(SELECT al.actor_id FROM actor_aliases al WHERE al.alias_key = statements.speaker_key)"
    )
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('actors_dirty', '0')")
    return len(named)


def find_actors(conn: sqlite3.Connection, name: str) -> list[tuple[int, str]]:
    """Actors called ``name`` (by actor name or any alias); else those whose name contains it."""
    key = name_key(name)
    rows = conn.execute(
        "SELECT DISTINCT ac.id, ac.name FROM actors ac LEFT JOIN actor_aliases al ON al.actor_id = ac.id "
        "WHERE al.alias_key = ? ORDER BY ac.id",
        (key,),
    ).fetchall()
    rows += [row for row in conn.execute("SELECT id, name FROM actors ORDER BY id") if name_key(row[1]) == key
             and row not in rows]
    if rows:
        return [tuple(row) for row in rows]
    pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return [tuple(row) for row in conn.execute(
        "SELECT DISTINCT ac.id, ac.name FROM actors ac JOIN actor_aliases al ON al.actor_id = ac.id "
        "WHERE al.alias_key LIKE ? ESCAPE '\\' ORDER BY ac.id", (pattern,))]
