"""Speakers merged into corpus-level actors, and manual corrections that persist."""

from __future__ import annotations

import pytest

from wortlaut.store import Store, StoreError
from wortlaut.store.names import name_key, split_name


def quote(speaker: str, content: str, **extra) -> dict:
    return {"speaker": speaker, "content": content, **extra}


def store_quotes(store: Store, make_document, date: str, items: list[dict]) -> None:
    """One article per item: '<speaker> sagte: "<content>"'."""
    for item in items:
        text = f"{item['speaker']} sagte: \"{item['content']}\""
        store.add_document(make_document(text, date, [item], title=item["content"]))


def actor_table(store: Store) -> dict[str, tuple[int, set[str]]]:
    return {row["name"]: (row["statements"], set(row["aliases"].split("; "))) for row in store.actors()}


def test_name_key_folds_spelling_and_titles():
    assert name_key("Dr. Angela  Merkel") == "angela merkel"
    assert name_key("Frank‐Walter Steinmeier") == name_key("frank-walter steinmeier")
    assert split_name("ursula von der leyen").surname == "von der leyen"
    assert split_name("von der leyen").given == ()


def test_surname_joins_the_one_full_name(tmp_path, make_document):
    with Store(tmp_path / "c.db") as store:
        store_quotes(store, make_document, "2025-09-01", [
            quote("Putin", "Wir wollen Frieden.", roles=["Präsident"]),
            quote("Wladimir Putin", "Die Nato bedroht uns.", roles=["Kreml-Chef"]),
            quote("Putin", "Der Westen lügt."),
        ])
        store.rebuild_actors()
        actors = actor_table(store)
        roles = store.actors()[0]["roles"]
    assert actors == {"Wladimir Putin": (3, {"Putin", "Wladimir Putin"})}
    assert set(roles.split("; ")) == {"Präsident", "Kreml-Chef"}


def test_same_surname_different_first_names_stay_apart(tmp_path, make_document):
    with Store(tmp_path / "c.db") as store:
        store_quotes(store, make_document, "2025-09-01", [
            quote("Anna Müller", "Die Mieten steigen."),
            quote("Peter Müller", "Wir brauchen Wohnungen."),
            quote("Müller", "Das ist ungerecht."),
        ])
        store.rebuild_actors()
        actors = actor_table(store)
    assert actors == {"Anna Müller": (1, {"Anna Müller"}), "Peter Müller": (1, {"Peter Müller"}),
                      "Müller": (1, {"Müller"})}


def test_organisation_is_not_joined_by_surname(tmp_path, make_document):
    with Store(tmp_path / "c.db") as store:
        store_quotes(store, make_document, "2025-09-01", [
            quote("Deutsche Bank", "Die Zinsen sinken.", type="organisation"),
            quote("Bank", "Die Kredite werden teurer.", type="organisation"),
        ])
        store.rebuild_actors()
        assert set(actor_table(store)) == {"Deutsche Bank", "Bank"}


def test_grouping_does_not_depend_on_order(tmp_path, make_document):
    items = [quote("Olaf Scholz", "Wir schaffen das."), quote("Scholz", "Die Rente bleibt."),
             quote("Christian Lindner", "Die Schuldenbremse gilt.")]
    tables = []
    for name, order in (("a.db", items), ("b.db", list(reversed(items)))):
        with Store(tmp_path / name) as store:
            store_quotes(store, make_document, "2025-09-01", order)
            store.rebuild_actors()
            tables.append(actor_table(store))
    assert tables[0] == tables[1]
    assert tables[0]["Olaf Scholz"][0] == 2


def test_merge_rename_and_split_rules_persist_through_rebuilds(tmp_path, make_document):
    with Store(tmp_path / "c.db") as store:
        store_quotes(store, make_document, "2025-09-01", [
            quote("Dmitri Peskow", "Die Gespräche gehen weiter.", type="person"),
            quote("Kreml", "Wir prüfen das.", type="organisation"),
            quote("Olaf Scholz", "Wir schaffen das."),
            quote("Scholz", "Die Rente bleibt."),
        ])
        store.rebuild_actors()
        store.add_rule("merge", "Kreml", "Dmitri Peskow")
        store.add_rule("rename", "Dmitri Peskow", "Dmitri S. Peskow")
        store.add_rule("split", "Olaf Scholz", "Scholz")
        # a later article by a known name and a new rebuild keep the corrections
        store_quotes(store, make_document, "2025-09-02", [quote("Kreml", "Keine Einigung.", type="organisation")])
        store.rebuild_actors()
        actors = actor_table(store)
        rules = [(rule["action"], rule["subject"], rule["argument"]) for rule in store.rules()]
    assert actors["Dmitri S. Peskow"] == (3, {"Dmitri Peskow", "Kreml"})
    assert actors["Olaf Scholz"] == (1, {"Olaf Scholz"})
    assert actors["Scholz"] == (1, {"Scholz"})
    assert rules == [("merge", "Kreml", "Dmitri Peskow"), ("rename", "Dmitri Peskow", "Dmitri S. Peskow"),
                     ("split", "Olaf Scholz", "Scholz")]


def test_removing_a_rule_undoes_it(tmp_path, make_document):
    with Store(tmp_path / "c.db") as store:
        store_quotes(store, make_document, "2025-09-01", [quote("Olaf Scholz", "Ja."), quote("Scholz", "Nein.")])
        store.rebuild_actors()
        store.add_rule("split", "Olaf Scholz", "Scholz")
        assert len(store.actors()) == 2
        store.remove_rule(store.rules()[0]["id"])
        assert len(store.actors()) == 1


def test_rules_name_unknown_or_ambiguous_actors(tmp_path, make_document):
    with Store(tmp_path / "c.db") as store:
        store_quotes(store, make_document, "2025-09-01", [quote("Olaf Scholz", "Ja."), quote("Anna Müller", "Ja."),
                                                           quote("Peter Müller", "Nein.")])
        with pytest.raises(StoreError, match="no actor named 'Merkel'"):
            store.add_rule("merge", "Merkel", "Olaf Scholz")
        with pytest.raises(StoreError, match="not a name of"):
            store.add_rule("split", "Olaf Scholz", "Anna Müller")
        with pytest.raises(StoreError, match="already one actor"):
            store.add_rule("merge", "Scholz", "Olaf Scholz")
        assert store.rules() == []
