"""Discourse networks from the store, for Gephi, visone or networkx.

``actor-concept``: a two-mode network.  Nodes are actors (``type="actor"``) and
concepts (``type="concept"``, ``kind`` entity/place/noun, see concepts.py);
an edge actor→concept has ``weight`` = the number of the actor's statements
that mention the concept.  A concept that names an actor of the corpus
("Putin" in Merz's statement) is labelled with that actor's name.

``actor-actor``: its one-mode projection onto the actors.  Two actors are linked
when they talk about the same concepts; ``weight`` = the sum, over the shared
concepts, of the smaller of the two statement counts (so one passing mention
does not weigh as much as a shared theme), ``concepts`` = how many concepts
they share.

The speech acts are DNA's qualifier: an actor-concept edge also has ``agreement``, the number
of those statements that praise, agree or confirm, and ``disagreement``, those that reject,
criticise, deny, accuse, disagree or threaten (``de/speech_acts.py``; GraphML and GEXF carry
them, the CSV edge list stays as it was).  ``acts`` keeps only statements of those speech acts.

``actor-target``: directed, speaker → whom the statement is about (store/targets.py); ``weight``
= statements, ``positive``/``negative`` the signed speech acts among them, ``sign`` and ``act``
the dominant speech act.  A target no actor matches is a node ``entity:<name>``.

Node ids are ``actor:<name>`` and ``concept:<label>``; ``label`` holds the plain name.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from ..de.speech_acts import AGREEMENT, DISAGREEMENT, acts_with_stance
from .queries import date_range, statement_conditions
from .targets import actor_target_graph

KINDS = ("actor-concept", "actor-actor", "actor-target")
FORMATS = ("graphml", "gexf", "csv")
_CSV_EXTRA = {"actor-actor": ["concepts"], "actor-target": ["positive", "negative", "act"]}  # edge columns


def _stance_count(stance: str) -> tuple[str, list[str]]:
    """SQL counting an edge's statements whose speech act has ``stance``, and its parameters."""
    acts = sorted(acts_with_stance(stance))
    return f"COUNT(DISTINCT CASE WHEN s.speech_act IN ({', '.join('?' * len(acts))}) THEN s.id END)", acts


def _actor_concept_counts(conn: sqlite3.Connection, date_from: str | None, date_to: str | None,
                          min_confidence: float | None = None, date_sources: Sequence[str] | None = None,
                          acts: Sequence[str] | None = None,
                          ) -> tuple[dict[tuple[str, str], int], dict[str, str], dict[tuple[str, str], tuple[int, int]]]:
    """Statements per (actor, concept), each concept's kind, and per (actor, concept) how many of
    the statements agree and disagree."""
    where, params = date_range("s.date", date_from, date_to)
    confidence_where, confidence_params = statement_conditions("s", min_confidence, False, date_sources, acts)
    where, params = where + confidence_where, params + confidence_params
    where.insert(0, "s.actor_id IS NOT NULL")
    agreeing, agreeing_params = _stance_count(AGREEMENT)
    disagreeing, disagreeing_params = _stance_count(DISAGREEMENT)
    rows = conn.execute(
        "SELECT ac.name, COALESCE(named.name, c.concept) AS label, MIN(c.kind), COUNT(DISTINCT s.id), "
        f"{agreeing}, {disagreeing} "
        "FROM statement_concepts c "
        "JOIN statements s ON s.id = c.statement_id "
        "JOIN actors ac ON ac.id = s.actor_id "
        "LEFT JOIN actor_aliases al ON c.kind = 'entity' AND al.alias_key = c.concept_key "
        "LEFT JOIN actors named ON named.id = al.actor_id "
        f"WHERE {' AND '.join(where)} GROUP BY 1, 2",
        [*agreeing_params, *disagreeing_params, *params],
    )
    counts: dict[tuple[str, str], int] = defaultdict(int)
    kinds: dict[str, str] = {}
    stances: dict[tuple[str, str], tuple[int, int]] = {}
    for actor, label, kind, count, agreement, disagreement in rows:
        if label == actor:  # an actor quoted about itself is no edge
            continue
        counts[actor, label] = count
        kinds[label] = min(kind, kinds.get(label, kind))
        stances[actor, label] = (agreement, disagreement)
    return counts, kinds, stances


def build_network(conn: sqlite3.Connection, kind: str = "actor-concept", *, date_from: str | None = None,
                  date_to: str | None = None, min_confidence: float | None = None,
                  resolved_only: bool = True, date_sources: Sequence[str] | None = None,
                  min_weight: int = 1, acts: Sequence[str] | None = None) -> nx.Graph:
    """The network of ``kind`` over statements dated within ``date_from``..``date_to``; only statements
    with an actor take part (``resolved_only`` is always true here).  Edges lighter than ``min_weight``
    are left out, and the nodes they leave alone."""
    graph = _network(conn, kind, date_from, date_to, min_confidence, date_sources, acts)
    if min_weight > 1:
        graph.remove_edges_from([(a, b) for a, b, weight in graph.edges(data="weight") if weight < min_weight])
        graph.remove_nodes_from([node for node in list(graph.nodes) if graph.degree(node) == 0])
    return graph


def _network(conn: sqlite3.Connection, kind: str, date_from: str | None, date_to: str | None,
             min_confidence: float | None, date_sources: Sequence[str] | None,
             acts: Sequence[str] | None = None) -> nx.Graph:
    if kind not in KINDS:
        raise ValueError(f"unknown network kind {kind!r}; known: {', '.join(KINDS)}")
    if kind == "actor-target":
        return actor_target_graph(conn, date_from=date_from, date_to=date_to, min_confidence=min_confidence,
                                  date_sources=date_sources, acts=acts)
    counts, kinds, stances = _actor_concept_counts(conn, date_from, date_to, min_confidence, date_sources, acts)
    graph = nx.Graph(kind=kind)
    if kind == "actor-concept":
        for (actor, concept), weight in sorted(counts.items()):
            graph.add_node(f"actor:{actor}", label=actor, type="actor")
            graph.add_node(f"concept:{concept}", label=concept, type="concept", kind=kinds[concept])
            agreement, disagreement = stances[actor, concept]
            graph.add_edge(f"actor:{actor}", f"concept:{concept}", weight=weight,
                           agreement=agreement, disagreement=disagreement)
        return graph
    by_concept: dict[str, dict[str, int]] = defaultdict(dict)
    for (actor, concept), weight in counts.items():
        by_concept[concept][actor] = weight
        graph.add_node(f"actor:{actor}", label=actor, type="actor")
    for _concept, actors in sorted(by_concept.items()):
        for first, second in combinations(sorted(actors), 2):
            a, b = f"actor:{first}", f"actor:{second}"
            shared = min(actors[first], actors[second])
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += shared
                graph[a][b]["concepts"] += 1
            else:
                graph.add_edge(a, b, weight=shared, concepts=1)
    return graph


def write_network(graph: nx.Graph, out: str | Path | BinaryIO, fmt: str) -> None:
    """Write ``graph`` as GraphML, GEXF or a CSV edge list (source,target,weight[,concepts])."""
    if fmt == "graphml":
        nx.write_graphml(graph, out)
    elif fmt == "gexf":
        nx.write_gexf(graph, out)
    elif fmt == "csv":
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        extra = _CSV_EXTRA.get(graph.graph.get("kind"), [])
        writer.writerow(["source", "target", "weight", *extra])
        rows = []
        for a, b, data in graph.edges(data=True):
            if graph.nodes[a]["type"] != "actor":  # actor first in a two-mode edge list
                a, b = b, a
            rows.append([graph.nodes[a]["label"], graph.nodes[b]["label"], data["weight"],
                         *[data[name] for name in extra]])
        writer.writerows(sorted(rows))
        data = text.getvalue().encode("utf-8")
        if isinstance(out, (str, Path)):
            Path(out).write_bytes(data)
        else:
            out.write(data)
    else:
        raise ValueError(f"unknown network format {fmt!r}; known: {', '.join(FORMATS)}")
