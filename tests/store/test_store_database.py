"""The Store on its own: schema, one transaction per article, identity by content, untrusted text."""

from __future__ import annotations

import sqlite3

import pytest

from wortlaut.store import Store, StoreError, content_hash
from wortlaut.store.schema import LATEST_VERSION


def test_new_store_has_schema_version_and_wal(tmp_path):
    with Store(tmp_path / "c.db") as store:
        version = store.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
        mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert version == LATEST_VERSION
    assert mode == "wal"


def test_reopening_does_not_migrate_again(tmp_path):
    Store(tmp_path / "c.db").close()
    with Store(tmp_path / "c.db") as store:
        assert store.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == LATEST_VERSION


def test_readonly_store_refuses_missing_file_and_writes(tmp_path, make_document):
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "missing.db", readonly=True)
    Store(tmp_path / "c.db").close()
    with Store(tmp_path / "c.db", readonly=True) as store:
        with pytest.raises(sqlite3.OperationalError):
            store.add_document(make_document("Er sagte: \"Ja.\"", "2025-01-01", []))


def test_not_a_database_is_reported(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite\n" * 100)
    with pytest.raises(StoreError, match="not a usable wortlaut database"):
        Store(path)


def test_document_is_stored_with_statements_entities_and_views(tmp_path, make_document):
    text = "Putin sagte: \"Wir wollen keinen Krieg.\""
    doc = make_document(text, "2025-09-01", [{"content": "Wir wollen keinen Krieg.", "speaker": "Putin",
                                             "roles": ["Präsident"]}], title="Putin")
    with Store(tmp_path / "c.db") as store:
        article_id = store.add_document(doc, source="a.jsonl")
        store.rebuild_actors()
        row = store.conn.execute("SELECT date, actor, form, content, title, source FROM statements_view").fetchone()
        article = store.conn.execute("SELECT text, word_count FROM articles WHERE id = ?", (article_id,)).fetchone()
    assert row == ("2025-09-01", "Putin", "direct", "Wir wollen keinen Krieg.", "Putin", "a.jsonl")
    assert article == (text, 6)


def test_speech_act_confidence_is_stored(tmp_path, make_document):
    doc = make_document("Putin wies die Forderung zurück.", "2025-09-01",
                        [{"content": "Putin wies die Forderung zurück.", "speaker": "Putin", "form": "reported"}])
    doc.statements[0].confidence = 0.34
    with Store(tmp_path / "c.db") as store:
        store.add_document(doc, source="a.jsonl")
        row = store.conn.execute("SELECT form, confidence FROM statements_view").fetchone()
    assert row == ("reported", 0.34)


def test_a_version_1_database_is_brought_forward(tmp_path, make_document):
    from wortlaut.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript("BEGIN;\nCREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);\n"
                       f"{MIGRATIONS[0][1]}\nINSERT INTO schema_version VALUES (1, datetime('now'));\nCOMMIT;")
    conn.close()
    doc = make_document("Merz sagte: \"Ja.\"", "2025-09-01", [{"content": "Ja.", "speaker": "Merz"}])
    with Store(path) as store:
        assert store.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == LATEST_VERSION
        store.add_document(doc, source="a.jsonl")
        assert store.conn.execute("SELECT content, confidence FROM statements_view").fetchone() == ("Ja.", None)


def test_same_content_is_stored_once(tmp_path, make_document):
    doc = make_document("Merz sagte: \"Ja.\"", "2025-09-01", [{"content": "Ja.", "speaker": "Merz"}])
    with Store(tmp_path / "c.db") as store:
        first = store.add_document(doc, source="a.jsonl")
        second = store.add_document(doc, source="b.jsonl")
        assert first == second
        assert store.counts()["articles"] == 1
        assert store.counts()["statements"] == 1
        links = store.conn.execute("SELECT path FROM article_sources ORDER BY path").fetchall()
    assert links == [("a.jsonl",), ("b.jsonl",)]


def test_content_hash_depends_on_date_and_text(make_document):
    a = make_document("Merz sagte: \"Ja.\"", "2025-09-01", [])
    b = make_document("Merz sagte: \"Ja.\"", "2025-09-02", [])
    c = make_document("Merz sagte: \"Nein.\"", "2025-09-01", [])
    assert len({content_hash(a), content_hash(b), content_hash(c)}) == 3


def test_failed_article_leaves_nothing_behind(tmp_path, make_document):
    doc = make_document("Merz sagte: \"Ja.\"", "2025-09-01", [{"content": "Ja.", "speaker": "Merz"}])
    doc.times = [None]  # breaks the insert after the article and its statements were written
    with Store(tmp_path / "c.db") as store:
        with pytest.raises(AttributeError):
            store.add_document(doc)
        counts = store.counts()
        fts = store.conn.execute("SELECT COUNT(*) FROM statements_fts WHERE statements_fts MATCH 'Ja'").fetchone()
    assert counts["articles"] == 0 and counts["statements"] == 0 and counts["entities"] == 0
    assert fts == (0,)


def test_sql_in_article_text_is_stored_verbatim(tmp_path, make_document):
    text = "Er sagte: \"'); DROP TABLE articles; --\""
    doc = make_document(text, "2025-09-01", [{"content": "'); DROP TABLE articles; --", "speaker": "Er"}])
    with Store(tmp_path / "c.db") as store:
        store.add_document(doc)
        stored = store.conn.execute("SELECT text FROM articles").fetchone()[0]
        hits = store.search("DROP TABLE")
    assert stored == text
    assert [hit["content"] for hit in hits] == ["'); DROP TABLE articles; --"]


def test_replacing_a_source_deletes_its_articles_and_index_entries(tmp_path, make_document):
    old = make_document("Merz sagte: \"Die Rente ist sicher.\"", "2025-09-01",
                        [{"content": "Die Rente ist sicher.", "speaker": "Merz"}])
    new = make_document("Merz sagte: \"Die Steuern sinken.\"", "2025-09-01",
                        [{"content": "Die Steuern sinken.", "speaker": "Merz"}])
    with Store(tmp_path / "c.db") as store:
        old_id = store.add_document(old, source="a.jsonl")
        new_id = store.add_document(new, source="a.jsonl")
        deleted = store.finish_source("a.jsonl", "hash-2", [new_id])
        assert deleted == 1
        assert store.article_id(content_hash(old)) is None
        assert store.search("Rente") == []
        assert [hit["content"] for hit in store.search("Steuern")] == ["Die Steuern sinken."]
        assert old_id != new_id
        check = store.conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
        assert check is not None


def test_article_kept_while_another_file_still_holds_it(tmp_path, make_document):
    doc = make_document("Merz sagte: \"Ja.\"", "2025-09-01", [{"content": "Ja.", "speaker": "Merz"}])
    with Store(tmp_path / "c.db") as store:
        article_id = store.add_document(doc, source="a.jsonl")
        store.add_document(doc, source="b.jsonl")
        assert store.finish_source("a.jsonl", "h", []) == 0
        source = store.conn.execute("SELECT source FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    assert source == "b.jsonl"


def test_statement_date_falls_back_to_article_date(tmp_path, make_document):
    text = "Merz sagte am Montag: \"Ja.\" Scholz sagte: \"Nein.\""
    doc = make_document(text, "2025-09-05", [
        {"content": "Ja.", "speaker": "Merz", "date": "2025-09-01"},
        {"content": "Nein.", "speaker": "Scholz", "date": "2025-W36"},
    ])
    with Store(tmp_path / "c.db") as store:
        store.add_document(doc)
        rows = store.conn.execute("SELECT content, date, statement_date FROM statements_view ORDER BY id").fetchall()
    assert rows == [("Ja.", "2025-09-01", "2025-09-01"), ("Nein.", "2025-09-05", "2025-W36")]


def test_two_ingests_into_a_new_database_at_once(tmp_path, corpus):
    """Issue 15: two processes creating the schema of a new database raced; now the second waits."""
    import subprocess
    import sys

    files = sorted(str(path) for path in corpus.iterdir())
    db = tmp_path / "new.db"
    run = ("import sys; from wortlaut.cli import main; "
           "sys.exit(main(['ingest', *sys.argv[1:], '--db', %r, '--no-progress']))" % str(db))
    processes = [subprocess.Popen([sys.executable, "-c", run, *half], stderr=subprocess.PIPE, text=True)
                 for half in (files[:2], files[2:])]
    results = [(process.wait(timeout=300), process.stderr.read()) for process in processes]
    assert [code for code, _ in results] == [0, 0], results
    assert all("2 articles stored" in err for _, err in results)
    with Store(db, readonly=True) as store:
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
        assert store.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == LATEST_VERSION
