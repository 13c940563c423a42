"""The store's commands as the main CLI registers them: ingest, search, timeline, actors, network, export."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from wortlaut.store.__main__ import main
from wortlaut.store.cli import date_bound
from wortlaut.store.errors import StoreError


def test_commands_from_ingest_to_network(tmp_path, corpus, capsys, monkeypatch):
    db = str(tmp_path / "c.db")
    assert main(["ingest", str(corpus), "--db", db, "--no-progress"]) == 0
    assert "4 articles stored" in capsys.readouterr().err

    assert main(["search", "Waffenstillstand", "--speaker", "Putin", "--db", db]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["2025-09-05  Wladimir Putin  [direct]  Ein Waffenstillstand in der Ukraine ist möglich."]

    monkeypatch.setenv("WORTLAUT_DB", db)  # the default database
    assert main(["timeline", "Merz"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(line.startswith("2025-09-03  Friedrich Merz") for line in lines)

    assert main(["actors", "--top", "1"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["actors", "rename", "Merz", "Friedrich Merz (CDU)"]) == 0
    assert main(["actors", "merge", "Dmitri Peskow", "Wladimir Putin"]) == 0
    assert main(["actors", "split", "Wladimir Putin", "--alias", "Dmitri Peskow"]) == 0
    assert main(["actors", "rules"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert main(["actors"]) == 0
    listing = capsys.readouterr().out
    assert "Friedrich Merz (CDU)" in listing and "Dmitri Peskow" in listing
    assert main(["actors", "merge", "Niemand", "Wladimir Putin"]) == 1
    assert "no actor named 'Niemand'" in capsys.readouterr().err

    out = tmp_path / "net.graphml"
    assert main(["network", "--kind", "actor-actor", "--out", str(out)]) == 0
    assert nx.read_graphml(out).nodes["actor:Friedrich Merz (CDU)"]["type"] == "actor"

    export = tmp_path / "statements.jsonl"
    assert main(["export", "--out", str(export), "--from", "2025-09-04"]) == 0
    dates = {json.loads(line)["date"] for line in export.read_text(encoding="utf-8").splitlines()}
    assert dates == {"2025-09-04", "2025-09-05"}


def test_query_commands_need_an_existing_database(tmp_path, capsys):
    assert main(["search", "Krieg", "--db", str(tmp_path / "none.db")]) == 1
    assert "no database" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_date_bounds_accept_years_and_months():
    assert date_bound("2025", end=False) == "2025-01-01"
    assert date_bound("2025-09", end=True) == "2025-09-31"
    assert date_bound("2025-09-05", end=True) == "2025-09-05"
    with pytest.raises(StoreError):
        date_bound("5.9.2025", end=False)
