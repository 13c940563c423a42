"""Targets in the store: whom statements are about (``statement_targets``, schema 7), the
speaker → target network and an actor's profile (whom A talks about, who talks about A).

A target that is a person or organisation joins an actor by its name key, as a speaker does
(``actor_aliases``); a country, or a person nobody quotes, stays the name the article gave.
Speech acts sign the pairs: praise, agree and confirm count as positive, reject, criticise,
deny, accuse, disagree and threaten as negative (their stance in ``data/speech_acts.tsv``).
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx

from ..de.speech_acts import AGREEMENT, DISAGREEMENT, acts_with_stance
from ..model import Statement
from .names import name_key
from .queries import date_range, statement_conditions

# a target's label: the actor it joins, else its name as written
_TARGET_LABEL = "COALESCE(ta.name, t.name)"
_PAIRS = (
    "FROM statement_targets t JOIN statements s ON s.id = t.statement_id "
    "JOIN actors ac ON ac.id = s.actor_id "
    "LEFT JOIN actor_aliases al ON al.alias_key = t.target_key "
    "LEFT JOIN actors ta ON ta.id = al.actor_id"
)


def insert_targets(conn: sqlite3.Connection, statement: Statement, statement_id: int, article_id: int,
                   entity_ids: dict[str, int]) -> None:
    """Store a statement's targets; runs in the caller's (the article's) transaction."""
    conn.executemany(
        'INSERT INTO statement_targets (article_id, statement_id, text, start, "end", name, target_key, type, how, '
        "entity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, statement_id, t.text, t.start, t.end, t.name, name_key(t.name), t.type, t.how,
          entity_ids.get(t.entity)) for t in statement.targets])


@dataclass
class Pair:
    """Statements of one speaker about one target."""

    speaker: str
    target: str
    target_type: str
    target_is_actor: bool
    statements: int = 0
    acts: Counter = field(default_factory=Counter)

    @property
    def positive(self) -> int:
        return sum(count for act, count in self.acts.items() if act in acts_with_stance(AGREEMENT))

    @property
    def negative(self) -> int:
        return sum(count for act, count in self.acts.items() if act in acts_with_stance(DISAGREEMENT))

    @property
    def dominant_act(self) -> str:
        """The most frequent speech act (a signed one over a neutral one at a tie); "" for none."""
        signed = acts_with_stance(AGREEMENT) | acts_with_stance(DISAGREEMENT)
        ranked = sorted(self.acts.items(), key=lambda item: (-item[1], item[0] not in signed, item[0]))
        return ranked[0][0] if ranked else ""


def _conditions(date_from: str | None, date_to: str | None, min_confidence: float | None,
                date_sources: Sequence[str] | None, acts: Sequence[str] | None) -> tuple[list[str], list]:
    where, params = date_range("s.date", date_from, date_to)
    more, more_params = statement_conditions("s", min_confidence, False, date_sources, acts)
    return where + more, params + more_params


def _pair_rows(conn: sqlite3.Connection, where: list[str], params: list, by_month: bool = False):
    """(month or "", speaker, target, target type, target is an actor, speech act, statements)."""
    month = "substr(s.date, 1, 7)" if by_month else "''"
    return conn.execute(
        f"SELECT {month}, ac.name, {_TARGET_LABEL}, MIN(t.type), MAX(ta.id IS NOT NULL), "
        f"COALESCE(s.speech_act, ''), COUNT(DISTINCT s.id) {_PAIRS} "
        f"WHERE {' AND '.join(where)} GROUP BY 1, 2, 3, 6", params).fetchall()


def speaker_target_pairs(conn: sqlite3.Connection, *, date_from: str | None = None, date_to: str | None = None,
                         min_confidence: float | None = None, date_sources: Sequence[str] | None = None,
                         acts: Sequence[str] | None = None) -> list[Pair]:
    """Every (speaker actor, target) pair with its statements, over statements within the range;
    a speaker is never its own target."""
    where, params = _conditions(date_from, date_to, min_confidence, date_sources, acts)
    return sorted(_pairs(_pair_rows(conn, where, params)).values(), key=lambda p: (p.speaker, p.target))


def _pairs(rows) -> dict[tuple, Pair]:
    pairs: dict[tuple, Pair] = {}
    for month, speaker, target, kind, is_actor, act, count in rows:
        if speaker == target:
            continue
        pair = pairs.setdefault((month, speaker, target), Pair(speaker, target, kind, bool(is_actor)))
        pair.statements += count
        if act:
            pair.acts[act] += count
    return pairs


def actor_target_graph(conn: sqlite3.Connection, **filters) -> nx.DiGraph:
    """Speaker → target edges: ``weight`` statements, ``positive``/``negative`` the signed speech acts
    among them, ``sign`` +1/-1/0 by which is more, ``act`` the dominant speech act."""
    graph = nx.DiGraph(kind="actor-target")
    for pair in speaker_target_pairs(conn, **filters):
        graph.add_node(f"actor:{pair.speaker}", label=pair.speaker, type="actor")
        target = f"actor:{pair.target}" if pair.target_is_actor else f"entity:{pair.target}"
        if target not in graph:
            graph.add_node(target, label=pair.target, type="actor" if pair.target_is_actor else "entity",
                           kind=pair.target_type)
        balance = pair.positive - pair.negative
        graph.add_edge(f"actor:{pair.speaker}", target, weight=pair.statements, positive=pair.positive,
                       negative=pair.negative, sign=(balance > 0) - (balance < 0), act=pair.dominant_act)
    return graph


# -- an actor's profile ----------------------------------------------------------------------


def actor_profile(conn: sqlite3.Connection, actor_id: int, name: str, **filters) -> dict:
    """Whom the actor talks about most and who talks about the actor, each with the positive and
    negative speech acts, in all and per month."""
    where, params = _conditions(**filters)
    talks = _side(conn, where + ["s.actor_id = ?"], params + [actor_id], other="target")
    talked = _side(conn, where + ["ta.id = ?"], params + [actor_id], other="speaker")
    return {"actor": name, "talks_about": talks, "talked_about_by": talked}


def _side(conn: sqlite3.Connection, where: list[str], params: list, other: str) -> dict:
    """Totals and months of one side of a profile; ``other``: which end of the pair to name."""
    totals: dict[str, Pair] = {}
    months: dict[str, list[dict]] = defaultdict(list)
    for (month, _speaker, _target), pair in sorted(_pairs(_pair_rows(conn, where, params, by_month=True)).items()):
        name = getattr(pair, other)
        total = totals.setdefault(name, Pair(pair.speaker, pair.target, pair.target_type, pair.target_is_actor))
        total.statements += pair.statements
        total.acts.update(pair.acts)
        months[month or "?"].append(_row(name, pair))
    ranked = sorted(totals.items(), key=lambda item: (-item[1].statements, item[0]))
    return {"total": [_row(name, pair) for name, pair in ranked],
            "months": {month: sorted(rows, key=lambda r: (-r["statements"], r["name"]))
                       for month, rows in sorted(months.items())}}


def _row(name: str, pair: Pair) -> dict:
    return {"name": name, "statements": pair.statements, "positive": pair.positive, "negative": pair.negative,
            "balance": pair.positive - pair.negative, "act": pair.dominant_act}
