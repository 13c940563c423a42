"""Targets in the store (schema version 7): the statement_targets table, the speaker_targets view,
the actor-target network and ``wortlaut actors show``, over invented articles ingested for real."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from store_articles import ingest_one_file_each

from wortlaut.store import Store
from wortlaut.store.__main__ import main
from wortlaut.store.network import write_network

ARTICLES = [
    {"id": "kritik", "date": "2025-09-10", "title": "Merz kritisiert Scholz",
     "text": "Bundeskanzler Friedrich Merz kritisierte Olaf Scholz scharf. "
             "Olaf Scholz sagte, Friedrich Merz habe keinen Plan."},
    {"id": "lob", "date": "2025-10-02", "title": "Merz lobt Scholz",
     "text": "Friedrich Merz lobte Olaf Scholz für seine Arbeit. "
             "Merz sagte, Emmanuel Macron werde nach Berlin kommen."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return ingest_one_file_each(tmp_path_factory.mktemp("targets"), tmp_path_factory.mktemp("db") / "c.db", ARTICLES)


def _pairs(store: Store) -> set[tuple[str, str]]:
    return {tuple(row) for row in store.conn.execute("SELECT speaker, target FROM speaker_targets")}


def test_targets_are_stored_and_join_actors(db):
    with Store(db, readonly=True) as store:
        rows = store.conn.execute("SELECT name, type, how, text FROM statement_targets").fetchall()
        assert ("Olaf Scholz", "person", "mention", "Olaf Scholz") in rows
        pairs = _pairs(store)
    assert ("Friedrich Merz", "Olaf Scholz") in pairs and ("Olaf Scholz", "Friedrich Merz") in pairs
    assert ("Friedrich Merz", "Emmanuel Macron") in pairs
    assert all(speaker != target for speaker, target in pairs)


def test_actor_target_network_is_directed_and_signed(db):
    with Store(db, readonly=True) as store:
        graph = store.network("actor-target")
        edge = graph["actor:Friedrich Merz"]["actor:Olaf Scholz"]
        in_september = store.network("actor-target", date_from="2025-09-01", date_to="2025-09-30")
    assert graph.is_directed()
    assert (edge["weight"], edge["positive"], edge["negative"], edge["sign"]) == (2, 1, 1, 0)
    assert edge["act"] in {"criticise", "praise"}
    assert graph.nodes["entity:Emmanuel Macron"]["type"] == "entity"  # quoted nowhere: no actor
    assert in_september["actor:Friedrich Merz"]["actor:Olaf Scholz"]["weight"] == 1
    out = io.BytesIO()
    write_network(graph, out, "graphml")
    read = nx.read_graphml(io.BytesIO(out.getvalue()))
    assert read["actor:Friedrich Merz"]["actor:Olaf Scholz"]["negative"] == 1
    out = io.BytesIO()
    write_network(graph, out, "csv")
    header, *rows = list(csv.reader(io.StringIO(out.getvalue().decode())))
    assert header == ["source", "target", "weight", "positive", "negative", "act"]
    assert ["Friedrich Merz", "Olaf Scholz", "2", "1", "1", edge["act"]] in rows


def test_other_network_kinds_are_undirected_as_before(db):
    with Store(db, readonly=True) as store:
        assert not store.network("actor-concept").is_directed()
        assert not store.network("actor-actor").is_directed()


def test_actors_show_lists_both_sides_per_month(db, capsys):
    assert main(["actors", "show", "Merz", "--db", str(db), "--json"]) == 0
    profile = json.loads(capsys.readouterr().out)
    talks = {row["name"]: row for row in profile["talks_about"]["total"]}
    assert profile["actor"] == "Friedrich Merz"
    assert (talks["Olaf Scholz"]["statements"], talks["Olaf Scholz"]["balance"]) == (2, 0)
    assert [row["name"] for row in profile["talked_about_by"]["total"]] == ["Olaf Scholz"]
    assert set(profile["talks_about"]["months"]) == {"2025-09", "2025-10"}
    assert main(["actors", "show", "Merz", "--db", str(db)]) == 0
    table = capsys.readouterr().out
    assert "Friedrich Merz talks about:" in table and "talking about Friedrich Merz:" in table
    assert "2025-10:" in table and "Olaf Scholz" in table


def test_actors_show_unknown_actor(db, capsys):
    assert main(["actors", "show", "Niemand", "--db", str(db)]) == 1
    assert "no actor named" in capsys.readouterr().err


def test_network_cli_writes_actor_target(db, tmp_path, capsys):
    out = tmp_path / "t.gexf"
    assert main(["network", "--kind", "actor-target", "--db", str(db), "--out", str(out)]) == 0
    assert "actor-target network" in capsys.readouterr().err
    graph = nx.read_gexf(out)
    assert graph.has_edge("actor:Olaf Scholz", "actor:Friedrich Merz")


def _exported_targets(records) -> dict[str, list[tuple]]:
    return {r["content"]: [(t["name"], t["type"], t["how"]) for t in r["targets"]] for r in records}


def test_exports_carry_the_targets(db, tmp_path):
    with Store(db, readonly=True) as store:
        stored = store.conn.execute(
            "SELECT s.content, t.name, t.type, t.how FROM statement_targets t JOIN statements_view s "
            "ON s.id = t.statement_id ORDER BY t.statement_id, t.start").fetchall()
        jsonl, table = io.BytesIO(), io.BytesIO()
        store.export(jsonl, "jsonl")
        store.export(table, "csv")
        store.export(tmp_path / "s.parquet", "parquet")
    expected: dict[str, list[tuple]] = {}
    for content, name, kind, how in stored:
        expected.setdefault(content, []).append((name, kind, how))
    assert expected  # the articles have targets to export
    records = [json.loads(line) for line in jsonl.getvalue().decode("utf-8").splitlines()]
    rows = list(csv.DictReader(io.StringIO(table.getvalue().decode("utf-8"))))
    exported = _exported_targets(records)
    assert {content: targets for content, targets in exported.items() if targets} == expected
    assert _exported_targets([row | {"targets": json.loads(row["targets"])} for row in rows]) == exported
    macron = next(t for r in records for t in r["targets"] if t["name"] == "Emmanuel Macron")
    assert macron["actor"] is None and macron["text"] == "Emmanuel Macron"  # nobody quotes Macron: no actor
    scholz = next(t for r in records for t in r["targets"] if t["name"] == "Olaf Scholz")
    assert scholz["actor"] == "Olaf Scholz"
    pq = pytest.importorskip("pyarrow.parquet")
    assert _exported_targets(pq.read_table(tmp_path / "s.parquet").to_pylist()) == exported
