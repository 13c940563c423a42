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


def test_surname_with_a_conflicting_role_stays_apart(tmp_path, make_document):
    with Store(tmp_path / "c.db") as store:
        store_quotes(store, make_document, "2025-09-01", [
            quote("Gerd Müller", "Die Hilfe kommt.", roles=["Entwicklungsminister"]),
            quote("Müller", "Der Verein bleibt ruhig.", roles=["Vereinssprecher"]),
        ])
        store.rebuild_actors()
        apart = actor_table(store)
        store_quotes(store, make_document, "2025-09-02", [
            quote("Müller", "Wir helfen weiter.", roles=["Minister"]),
        ])
        store.rebuild_actors()
        joined = actor_table(store)
    # a spokesman "Müller" is somebody else than the minister Gerd Müller ...
    assert apart == {"Gerd Müller": (1, {"Gerd Müller"}), "Müller": (1, {"Müller"})}
    # ... until "Müller" is also called a minister: one role kind in common is enough to join
    assert joined == {"Gerd Müller": (3, {"Gerd Müller", "Müller"})}


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


def test_unresolved_mentions_and_pronouns_are_no_actors(tmp_path, make_document):
    with Store(tmp_path / "c.db") as store:
        store_quotes(store, make_document, "2025-09-01", [
            quote("Experten", "Die Lage ist ernst.", type="unknown", resolution="unresolved", confidence=0.1),
            quote("Er", "Ich bleibe.", resolution="pronoun", confidence=0.6),  # a name that is only a pronoun
            quote("Worten", "Das stimmt nicht.", type="unknown", resolution="institution"),
            quote("Anna Müller", "Die Mieten steigen.", confidence=0.9),
        ])
        store.rebuild_actors()
        actors = actor_table(store)
        everything = store.search("Lage OR bleibe OR stimmt OR Mieten")
        resolved = store.search("Lage OR bleibe OR stimmt OR Mieten", resolved_only=True)
        sure = store.search("Lage OR bleibe OR stimmt OR Mieten", min_confidence=0.5)
    assert actors == {"Anna Müller": (1, {"Anna Müller"})}
    assert len(everything) == 4  # the statements stay, only without an actor
    assert [row["actor"] for row in resolved] == ["Anna Müller"]
    assert {row["speaker_text"] for row in sure} == {"Er", "Worten", "Anna Müller"}


def test_acronym_and_long_form_are_one_actor(tmp_path, make_document):
    with Store(tmp_path / "c.db") as store:
        store_quotes(store, make_document, "2025-09-01", [
            quote("Vereinte Nationen", "Die Hilfe kommt.", type="organisation"),
            quote("UN", "Wir brauchen Zugang.", type="organisation", resolution="acronym"),
        ])
        store.rebuild_actors()
        actors = actor_table(store)
    assert actors == {"Vereinte Nationen": (2, {"Vereinte Nationen", "UN"})}


def test_roles_keep_the_dates_they_were_seen(tmp_path, make_document):
    with Store(tmp_path / "c.db") as store:
        store_quotes(store, make_document, "2025-09-05", [quote("Wladimir Putin", "Wir warten.", roles=["Kreml-Chef"])])
        store_quotes(store, make_document, "2024-03-01", [quote("Putin", "Wir siegen.", roles=["Kreml-Chef"])])
        store.rebuild_actors()
        rows = store.conn.execute("SELECT role, first_date, last_date FROM actor_roles").fetchall()
    assert rows == [("Kreml-Chef", "2024-03-01", "2025-09-05")]


def test_a_corrected_speaker_survives_reingest_and_reanalysis(tmp_path):
    from store_articles import ARTICLES, write_jsonl

    from wortlaut.store.ingestion import ingest

    database, article = tmp_path / "c.db", tmp_path / "a.jsonl"
    write_jsonl(article, [ARTICLES[1]])
    ingest([article], database)
    with Store(database) as store:
        statement_id = store.search("Verteidigung")[0]["id"]
        store.correct_speaker(statement_id, "Johann Wadephul")
        assert store.search("Verteidigung")[0]["actor"] == "Johann Wadephul"
        with pytest.raises(StoreError, match="no statement with id 999"):
            store.correct_speaker(999, "Nancy Faeser")
    write_jsonl(article, [ARTICLES[0]])  # the article leaves the store ...
    ingest([article], database)
    with Store(database) as store:
        assert store.search("Verteidigung") == []
    write_jsonl(article, [ARTICLES[1]])  # ... and comes back: analysed and stored anew
    ingest([article], database)
    with Store(database) as store:
        rows = store.search("Verteidigung")
        resolution = store.conn.execute("SELECT speaker_resolution FROM statements WHERE id = ?",
                                        (rows[0]["id"],)).fetchone()[0]
        merz = store.search("Sicherheitsgarantien")[0]["actor"]
    assert (rows[0]["actor"], resolution) == ("Johann Wadephul", "corrected")
    assert rows[0]["id"] != statement_id and merz == "Friedrich Merz"  # other statements keep their speaker


def test_sources_that_name_nobody_make_no_actor_through_real_ingest(tmp_path):
    from store_articles import write_jsonl

    from wortlaut.store.ingestion import ingest

    texts = ["Das Ministerium teilte mit, die Straße bleibe bis Montag gesperrt.",
             "Einem Rundschreiben zufolge sollen die Schulen am Freitag schließen.",
             "Medienberichten zufolge ist der Bürgermeister zurückgetreten.",
             "Er sagte, der Streik gehe weiter.",
             "Der Innenminister Hans Weber sagte, die Polizei werde verstärkt."]
    article = tmp_path / "a.jsonl"
    write_jsonl(article, [{"id": f"a{i}", "date": "2025-09-05", "text": text} for i, text in enumerate(texts)])
    database = tmp_path / "n.db"
    ingest([article], database)
    with Store(database) as store:
        stored = store.conn.execute("SELECT count(*) FROM statements").fetchone()[0]
        assert [row["name"] for row in store.actors()] == ["Hans Weber"]
    assert stored == len(texts)  # the statements are kept, only without an actor


def test_a_rejected_statement_stays_rejected_across_reingest(tmp_path):
    from store_articles import ARTICLES, write_jsonl

    from wortlaut.store.ingestion import ingest

    database, article = tmp_path / "c.db", tmp_path / "a.jsonl"
    write_jsonl(article, [ARTICLES[1]])
    ingest([article], database)
    with Store(database) as store:
        statement_id = store.search("Verteidigung")[0]["id"]
        others = len(store.search("Sicherheitsgarantien"))
        store.reject_statement(statement_id)
        assert store.search("Verteidigung") == [] and len(store.search("Sicherheitsgarantien")) == others
        with pytest.raises(StoreError, match="no statement with id 999"):
            store.reject_statement(999)
    write_jsonl(article, [ARTICLES[0]])  # the article leaves the store ...
    ingest([article], database)
    write_jsonl(article, [ARTICLES[1]])  # ... and comes back: analysed and stored anew
    ingest([article], database)
    with Store(database) as store:
        assert store.search("Verteidigung") == []
        assert store.conn.execute("SELECT COUNT(*) FROM statements WHERE rejected = 1").fetchone()[0] == 1
        assert len(store.rejections()) == 1
