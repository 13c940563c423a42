"""Speech acts in the store (schema version 5): stored, filtered with --act, exported, and the
qualifier (agreement / disagreement) of the actor-concept network."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from store_articles import ingest_one_file_each

from wortlaut.store import Store
from wortlaut.store.__main__ import main
from wortlaut.store.network import write_network

ARTICLES = [
    {"id": "rente-kritik", "date": "2025-10-01", "title": "Streit um die Rentenreform",
     "text": "Die Grünen-Politikerin Anna Müller kritisierte die Rentenreform scharf. "
             "Bundeskanzler Friedrich Merz sagte, die Rentenreform komme im Herbst."},
    {"id": "rente-lob", "date": "2025-10-02", "title": "Lob für die Rentenreform",
     "text": "Der CDU-Abgeordnete Peter Müller lobte die Rentenreform. "
             "Friedrich Merz forderte, die Rentenreform müsse schnell kommen."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return ingest_one_file_each(tmp_path_factory.mktemp("acts"), tmp_path_factory.mktemp("db") / "c.db", ARTICLES)


def test_statements_keep_their_act_and_filter_by_it(db):
    with Store(db, readonly=True) as store:
        acts = {row["content"]: (row["speech_act"], row["cameo"]) for row in store.search("Rentenreform")}
        assert ("criticise", "111") in acts.values() and ("demand", "100") in acts.values()
        assert [row["speech_act"] for row in store.search("Rentenreform", acts=["criticise", "praise"])] == [
            "criticise", "praise"]
        assert [row["speech_act"] for row in store.timeline("Friedrich Merz", acts=["demand"])] == ["demand"]
        with pytest.raises(ValueError, match="unknown speech act"):
            store.search("Rentenreform", acts=["schimpfen"])
        out = io.BytesIO()
        assert store.export(out, "csv", acts=["state"]) == 1
        [row] = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"))))
        assert (row["speech_act"], row["cameo"]) == ("state", "010")


def test_network_carries_agreement_and_disagreement(db, tmp_path):
    with Store(db, readonly=True) as store:
        graph = store.network("actor-concept")
        only_praise = store.network("actor-concept", acts=["praise"])
    path = tmp_path / "net.graphml"
    write_network(graph, path, "graphml")
    edges = {(graph.nodes[a]["label"], graph.nodes[b]["label"]): data for a, b, data in nx.read_graphml(path).edges(data=True)}
    edges |= {(b, a): data for (a, b), data in edges.items()}
    assert edges["Anna Müller", "Rentenreform"]["disagreement"] == 1
    assert edges["Peter Müller", "Rentenreform"]["agreement"] == 1
    assert edges["Friedrich Merz", "Rentenreform"] == {"weight": 2, "agreement": 0, "disagreement": 0}
    assert {only_praise.nodes[n]["label"] for n in only_praise.nodes} == {"Peter Müller", "Rentenreform"}
    text = io.BytesIO()
    write_network(graph, text, "csv")
    assert text.getvalue().decode("utf-8").splitlines()[0] == "source,target,weight"  # the edge list as before


def test_act_flag_on_the_commands(db, capsys):
    assert main(["search", "Rentenreform", "--act", "criticise", "--db", str(db)]) == 0
    assert [line.split("  ")[1] for line in capsys.readouterr().out.splitlines()] == ["Anna Müller"]
    assert main(["export", "--act", "demand,praise", "--db", str(db)]) == 0
    assert "2 statements exported" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["timeline", "Merz", "--act", "schimpfen", "--db", str(db)])
    assert "choose from state, claim" in capsys.readouterr().err
