"""Ingesting files with the real pipeline: idempotent re-runs, changed files, failures, lasting corrections."""

from __future__ import annotations

import io
import json

from store_articles import ARTICLES, write_jsonl

import wortlaut.store.ingestion as ingest_module
from wortlaut.store import Store, ingest


def snapshot(db) -> dict[str, list]:
    """Everything a user sees in the store, without row ids."""
    with Store(db, readonly=True) as store:
        conn = store.conn
        return {
            "articles": conn.execute("SELECT content_hash, doc_id, date, title, text, word_count, ingested_at "
                                     "FROM articles ORDER BY content_hash").fetchall(),
            "statements": conn.execute(
                "SELECT a.content_hash, s.statement_key, s.form, s.content, s.speaker_name, s.date, ac.name "
                "FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN actors ac ON ac.id = s.actor_id "
                "ORDER BY 1, 2").fetchall(),
            "actors": conn.execute("SELECT name, statements, aliases FROM actors_view ORDER BY name").fetchall(),
            "failures": conn.execute("SELECT path, reason FROM failures ORDER BY path, reason").fetchall(),
        }


def test_ingest_stores_every_article_with_its_statements(tmp_path, corpus):
    summary = ingest([corpus], tmp_path / "c.db", progress=False)
    assert (summary.files, summary.articles_added, summary.failed) == (4, 4, 0)
    with Store(tmp_path / "c.db", readonly=True) as store:
        titles = {row[0] for row in store.conn.execute("SELECT title FROM articles")}
        contents = [row[0] for row in store.conn.execute("SELECT content FROM statements")]
    assert titles == {article["title"] for article in ARTICLES}
    assert "Wir werden keine Truppen der Nato in der Ukraine dulden" in contents
    assert "Wir brauchen mehr Wohnungen." in contents


def test_reingest_of_the_same_files_changes_nothing_and_analyses_nothing(tmp_path, corpus, monkeypatch):
    db = tmp_path / "c.db"
    ingest([corpus], db, progress=False)
    before = snapshot(db)

    def no_analysis(*args, **kwargs):
        raise AssertionError("an unchanged file was analysed again")

    monkeypatch.setattr(ingest_module, "run", no_analysis)
    summary = ingest([corpus], db, progress=False)
    assert (summary.files_unchanged, summary.articles_added, summary.articles_unchanged, summary.failed) == (4, 0, 4, 0)
    assert snapshot(db) == before


def test_changed_file_replaces_its_articles(tmp_path, corpus):
    db = tmp_path / "c.db"
    ingest([corpus], db, progress=False)
    changed = dict(ARTICLES[3], text="\"Die Mieten müssen sinken\", sagte die Grünen-Politikerin Anna Müller.")
    write_jsonl(corpus / "mieten.jsonl", [changed])
    summary = ingest([corpus], db, progress=False)
    assert (summary.articles_added, summary.articles_removed, summary.files_unchanged) == (1, 1, 3)
    with Store(db, readonly=True) as store:
        assert store.counts()["articles"] == 4
        assert store.search("Wohnungen") == []
        assert [hit["content"] for hit in store.search("sinken")] == ["Die Mieten müssen sinken"]


def test_article_removed_from_a_file_is_removed_from_the_store(tmp_path):
    db = tmp_path / "c.db"
    path = write_jsonl(tmp_path / "many.jsonl", ARTICLES)
    ingest([path], db, progress=False)
    write_jsonl(path, ARTICLES[:2])
    summary = ingest([path], db, progress=False)
    assert (summary.articles_added, summary.articles_unchanged, summary.articles_removed) == (0, 2, 2)
    with Store(db, readonly=True) as store:
        assert {row[0] for row in store.conn.execute("SELECT doc_id FROM articles")} == {"putin-warnt",
                                                                                       "merz-garantien"}


def test_bad_files_are_recorded_and_the_run_goes_on(tmp_path, corpus):
    (corpus / "broken.jsonl").write_text('{"date": "2025-09-01", "text": "Er sagte: \\"Ja.\\""\n', encoding="utf-8")
    (corpus / "undated.txt").write_text("Merz sagte: \"Ja.\"\n", encoding="utf-8")
    messages = io.StringIO()
    db = tmp_path / "c.db"
    summary = ingest([corpus], db, progress=False, stream=messages)
    assert (summary.articles_added, summary.failed) == (4, 2)
    assert "broken.jsonl" in messages.getvalue() and "undated.txt" in messages.getvalue()
    with Store(db, readonly=True) as store:
        failures = store.conn.execute("SELECT path, reason FROM failures ORDER BY path").fetchall()
    assert [path.rsplit("/", 1)[-1] for path, _ in failures] == ["broken.jsonl", "undated.txt"]
    assert "invalid JSON" in failures[0][1] and "no date" in failures[1][1]
    # failed files are tried again next time, without piling up failure rows
    again = ingest([corpus], db, progress=False, stream=io.StringIO())
    assert (again.failed, again.files_unchanged) == (2, 4)
    assert len(snapshot(db)["failures"]) == 2


def test_article_that_breaks_the_analysis_is_recorded(tmp_path, corpus, monkeypatch):
    real_run = ingest_module.run

    def fragile(doc, options=None):
        if doc.id == "mieten":
            raise RuntimeError("tagger crashed")
        return real_run(doc, options)

    monkeypatch.setattr(ingest_module, "run", fragile)
    summary = ingest([corpus], tmp_path / "c.db", progress=False, stream=io.StringIO())
    assert (summary.articles_added, summary.failed) == (3, 1)
    assert "tagger crashed" in summary.failures[0]


def test_actor_corrections_survive_reingest(tmp_path, corpus):
    db = tmp_path / "c.db"
    ingest([corpus], db, progress=False)
    with Store(db) as store:
        store.add_rule("rename", "Putin", "Wladimir W. Putin")
    changed = dict(ARTICLES[2], text=ARTICLES[2]["text"] + " Putin sagte: \"Wir bleiben stark.\"")
    write_jsonl(corpus / "kreml-gespraeche.jsonl", [changed])
    ingest([corpus], db, progress=False)
    with Store(db, readonly=True) as store:
        names = {row["name"]: row["statements"] for row in store.actors()}
        timeline = store.timeline("Wladimir W. Putin")
    assert "Wladimir W. Putin" in names and "Wladimir Putin" not in names
    assert "Wir bleiben stark." in [row["content"] for row in timeline]


def test_progress_and_summary_go_to_the_stream(tmp_path, corpus):
    messages = io.StringIO()
    ingest([corpus], tmp_path / "c.db", progress=True, stream=messages)
    text = messages.getvalue()
    # progress counts articles (not files) and ends at the whole input
    assert "4 articles, " in text and "articles/s, 100% of the input, ETA 0:00:00" in text
    assert "4 articles stored, 0 unchanged" in text and " statements in " in text


def test_lone_surrogate_does_not_poison_the_store(tmp_path):
    """Issue 15: a JSONL line with "\\ud800" crashed every ingest of the file while hashing it."""
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "s", "date": "2025-09-05", "text": "Merz sagte: \\"Ja \\ud800 nein.\\""}\n'
                    + '{"id": "t", "date": "2025-09-05", "text": "Scholz sagte, er komme."}\n', encoding="utf-8")
    db = tmp_path / "c.db"
    for _ in range(2):  # and again: the second run finds both stored
        summary = ingest([path], db, progress=False, stream=io.StringIO())
        assert summary.failed == 0
    assert summary.files_unchanged == 1
    with Store(db, readonly=True) as store:
        texts = sorted(row[0] for row in store.conn.execute("SELECT text FROM articles"))
    assert texts == ['Merz sagte: "Ja \ufffd nein."', "Scholz sagte, er komme."]


def test_mixed_jsonl_stores_the_good_lines_and_reports_each_bad_one(tmp_path):
    lines = [json.dumps(article, ensure_ascii=False) for article in ARTICLES[:3]]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([lines[0], "{kaputt", lines[1], '{"text": "ohne Datum"}', lines[2]]) + "\n",
                    encoding="utf-8")
    messages = io.StringIO()
    db = tmp_path / "c.db"
    summary = ingest([path], db, stream=messages)  # not a terminal: no progress bar, but the summary
    assert (summary.articles_added, summary.failed) == (3, 2)
    assert f"{path}:2: invalid JSON" in messages.getvalue() and f"{path}:4: missing 'date'" in messages.getvalue()
    assert "3 articles stored" in messages.getvalue() and "2 failed" in messages.getvalue()
    again = ingest([path], db, progress=False, stream=io.StringIO())  # read again, nothing analysed twice
    assert (again.articles_added, again.articles_unchanged, again.failed) == (0, 3, 2)
    assert len(snapshot(db)["failures"]) == 2


def test_vanished_files_are_reported_and_pruned_on_request(tmp_path, corpus):
    """Issue 15: files deleted from the input stayed in the store with no way to see it."""
    db = tmp_path / "c.db"
    ingest([corpus], db, progress=False)
    gone = sorted(corpus.iterdir())[0]
    gone.unlink()
    messages = io.StringIO()
    summary = ingest([corpus], db, stream=messages)
    assert summary.files_missing == 1 and "1 stored files no longer exist (ingest --prune" in messages.getvalue()
    assert len(snapshot(db)["articles"]) == 4
    pruned = ingest([corpus], db, progress=False, prune=True)
    assert (pruned.files_pruned, pruned.articles_removed, pruned.files_missing) == (1, 1, 0)
    assert len(snapshot(db)["articles"]) == 3
