"""Search, timeline, actor list, networks and exports on a corpus ingested with the real pipeline."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from store_articles import ARTICLES, write_jsonl

from wortlaut.store import Store, StoreError, ingest
from wortlaut.store.export import MissingDependency
from wortlaut.store.network import write_network


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for article in ARTICLES:
        write_jsonl(folder / f"{article['id']}.jsonl", [article])
    db = folder / "c.db"
    ingest([folder], db, progress=False)
    with Store(db, readonly=True) as opened:
        yield opened


def test_search_finds_statements_by_word(store):
    hits = store.search("Waffenstillstand")
    assert [hit["content"] for hit in hits] == ["Die Gespräche über einen Waffenstillstand gehen weiter.",
                                                "Ein Waffenstillstand in der Ukraine ist möglich."]
    assert {hit["date"] for hit in hits} == {"2025-09-05"}


def test_search_filters_by_speaker_date_and_form(store):
    assert [hit["actor"] for hit in store.search("Waffenstillstand", speaker="Putin")] == ["Wladimir Putin"]
    assert [hit["content"] for hit in store.search("Ukraine", date_to="2025-09-02")] == [
        "Wir werden keine Truppen der Nato in der Ukraine dulden"]
    assert [hit["date"] for hit in store.search("Ukraine", date_from="2025-09-02")] == ["2025-09-03", "2025-09-05"]
    indirect = store.search("Europa", form="indirect")
    assert [hit["actor"] for hit in indirect] == ["Friedrich Merz"]
    assert store.search("Europa", form="direct") == []


def test_search_accepts_fts_syntax_and_refuses_malformed_queries(store):
    assert len(store.search("Mieten OR Wohnungen")) == 2
    assert len(store.search("Sicherheitsgarant*")) == 1
    assert len(store.search('"mehr Wohnungen" NOT Mieten')) == 1
    # plain words FTS5 cannot parse are one phrase; a query that uses FTS5's syntax wrongly is refused
    assert [hit["content"] for hit in store.search("mehr Wohnungen.")] == ["Wir brauchen mehr Wohnungen."]
    for broken in ('Wohnungen"', "Nato: AND (", "Merz AND"):
        with pytest.raises(StoreError, match="malformed search query"):
            store.search(broken)
    with pytest.raises(StoreError, match="give words"):
        store.search("  ")


def test_timeline_lists_an_actor_by_date(store):
    rows = store.timeline("Wladimir Putin")
    assert [(row["date"], row["content"]) for row in rows] == [
        ("2025-09-01", "Der russische Präsident Wladimir Putin hat den Westen gewarnt"),
        ("2025-09-01", "Wir werden keine Truppen der Nato in der Ukraine dulden"),
        ("2025-09-05", "Ein Waffenstillstand in der Ukraine ist möglich."),
    ]
    assert store.timeline("Putin") == rows


def test_actors_are_counted_and_namesakes_kept_apart(store):
    actors = {row["name"]: row for row in store.actors()}
    putin = actors["Wladimir Putin"]
    assert (putin["statements"], putin["first_date"], putin["last_date"]) == (3, "2025-09-01", "2025-09-05")
    assert actors["Anna Müller"]["statements"] == 1 and actors["Peter Müller"]["statements"] == 1
    assert actors["Friedrich Merz"]["statements"] == 2
    assert [row["name"] for row in store.actors(top=2)][0] in {"Wladimir Putin", "Friedrich Merz"}


def test_actor_concept_graphml_reads_back_with_weights(store, tmp_path):
    path = tmp_path / "net.graphml"
    write_network(store.network("actor-concept"), path, "graphml")
    graph = nx.read_graphml(path)
    assert graph.nodes["actor:Wladimir Putin"]["type"] == "actor"
    assert graph.nodes["concept:Waffenstillstand"]["type"] == "concept"
    assert graph["actor:Wladimir Putin"]["concept:Ukraine"]["weight"] == 2
    assert graph["actor:Wladimir Putin"]["concept:Waffenstillstand"]["weight"] == 1
    assert graph["actor:Peter Müller"]["concept:Wohnung"]["weight"] == 1
    assert not graph.has_edge("actor:Peter Müller", "concept:Ukraine")


def test_actor_actor_network_links_actors_through_shared_concepts(store, tmp_path):
    graph = store.network("actor-actor")
    assert all(data["type"] == "actor" for _, data in graph.nodes(data=True))
    # Putin and Peskow both talk about a Waffenstillstand; Merz and Putin about the Ukraine.
    assert graph["actor:Wladimir Putin"]["actor:Dmitri Peskow"]["weight"] >= 1
    assert graph["actor:Wladimir Putin"]["actor:Friedrich Merz"]["weight"] >= 1
    assert not graph.has_edge("actor:Anna Müller", "actor:Wladimir Putin")
    path = tmp_path / "net.gexf"
    write_network(graph, path, "gexf")
    assert set(nx.read_gexf(path).nodes) == set(graph.nodes)


def test_network_csv_edge_list_and_date_range(store):
    out = io.BytesIO()
    write_network(store.network("actor-concept", date_to="2025-09-01"), out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"))))
    assert {row["source"] for row in rows} == {"Wladimir Putin"}
    assert {"Ukraine", "Truppe"} <= {row["target"] for row in rows}


def test_export_jsonl_and_csv_round_trip(store):
    total = store.counts()["statements"]
    jsonl = io.BytesIO()
    assert store.export(jsonl, "jsonl") == total
    records = [json.loads(line) for line in jsonl.getvalue().decode("utf-8").splitlines()]
    table = io.BytesIO()
    store.export(table, "csv")
    rows = list(csv.DictReader(io.StringIO(table.getvalue().decode("utf-8"))))
    assert len(records) == len(rows) == total
    assert [r["content"] for r in records] == [r["content"] for r in rows]
    view = store.conn.execute("SELECT id, actor, form, content, date FROM statements_view ORDER BY date, article_id, id")
    assert [(r["id"], r["actor"], r["form"], r["content"], r["date"]) for r in records] == [tuple(v) for v in view]
    first = records[0]
    assert first["content"] == store.conn.execute(
        "SELECT substr(text, ? + 1, ? - ?) FROM articles WHERE id = ?",
        (first["content_start"], first["content_end"], first["content_start"], first["article_id"])).fetchone()[0]


def test_export_parquet(store, tmp_path):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        with pytest.raises(MissingDependency, match="pip install pyarrow"):
            store.export(tmp_path / "s.parquet", "parquet")
        return
    assert store.export(tmp_path / "s.parquet", "parquet") == store.counts()["statements"]
    assert pq.read_table(tmp_path / "s.parquet").num_rows == store.counts()["statements"]
