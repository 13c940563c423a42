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
    captured = capsys.readouterr()
    # no day named in its sentence: the article's date, marked *
    assert captured.out.splitlines() == [
        "2025-09-05*  Wladimir Putin  [direct]  Ein Waffenstillstand in der Ukraine ist möglich."]
    assert "* the article's date" in captured.err
    assert main(["search", "Waffenstillstand", "--date-source", "explicit,inherited", "--db", db]) == 0
    assert capsys.readouterr().out == ""
    with pytest.raises(SystemExit):
        main(["search", "Waffenstillstand", "--date-source", "gestern", "--db", db])
    assert "choose from explicit, inherited, article" in capsys.readouterr().err

    monkeypatch.setenv("WORTLAUT_DB", db)  # the default database
    assert main(["timeline", "Merz"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(line.startswith("2025-09-03") and "  Friedrich Merz  [" in line for line in lines)

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
    assert date_bound("2025-09", end=True) == "2025-09-30"
    assert date_bound("2024-02", end=True) == "2024-02-29"
    assert date_bound("2025", end=True) == "2025-12-31"
    assert date_bound("2025-09-05", end=True) == "2025-09-05"
    for bad in ("5.9.2025", "2025-13-01", "2025-02-30"):  # issue 15: impossible dates were accepted
        with pytest.raises(StoreError, match="bad date"):
            date_bound(bad, end=False)


@pytest.mark.parametrize("where", ["missing/folder/c.db", "."])
def test_unusable_db_path_is_one_line_not_a_traceback(tmp_path, corpus, capsys, where):
    """Issue 15: an --db in a folder that does not exist (or a folder itself) gave a sqlite3 traceback."""
    assert main(["ingest", str(corpus), "--db", str(tmp_path / where), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("wortlaut: cannot ") and "Traceback" not in err and len(err.splitlines()) == 1


def test_timeline_of_an_empty_name_and_impossible_dates_are_errors(tmp_path, corpus, capsys):
    """Issue 15: 'timeline ""' raised an SQL syntax error; '--from 2025-13-01' was accepted."""
    db = str(tmp_path / "c.db")
    assert main(["ingest", str(corpus), "--db", db, "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["timeline", "", "--db", db]) == 1
    assert capsys.readouterr().err == "wortlaut: give an actor's name (see 'wortlaut actors')\n"
    assert main(["timeline", "Merz", "--from", "2025-13-01", "--db", db]) == 1
    assert "bad date '2025-13-01'" in capsys.readouterr().err
    assert main(["search", "Merz AND", "--db", db]) == 1
    assert "malformed search query" in capsys.readouterr().err


def test_a_bad_date_is_reported_once_not_per_file(tmp_path, corpus, capsys):
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "c.db"), "--date", "2025-99-01"]) == 2
    assert capsys.readouterr().err.count("impossible date") == 1
