"""Crash safety: an ingest killed with SIGKILL mid-run, resumed, ends exactly like a clean run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from wortlaut.store import Store

SPEAKERS = [("Bundeskanzler", "Friedrich Merz"), ("Präsident", "Wladimir Putin"), ("Kremlsprecher", "Dmitri Peskow"),
            ("Außenminister", "Johann Wadephul"), ("Finanzminister", "Lars Klingbeil"),
            ("Gewerkschaftschefin", "Yasmin Fahimi"), ("Wirtschaftsministerin", "Katherina Reiche"),
            ("Bürgermeister", "Kai Wegner")]
TOPICS = ["die Rente", "der Haushalt", "die Energiewende", "der Mindestlohn", "die Bahn", "die Ukraine",
          "die Migration", "die Bundeswehr", "der Wohnungsbau", "die Schulen"]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]


def write_articles(folder: Path, count: int = 40) -> None:
    folder.mkdir()
    for number in range(count):
        role, name = SPEAKERS[number % len(SPEAKERS)]
        topic = TOPICS[number % len(TOPICS)]
        day = DAYS[number % len(DAYS)]
        surname = name.split()[-1]
        text = (f"\"{topic.capitalize()} braucht jetzt {number + 2} Milliarden Euro\", sagte {role} {name} am {day} "
                f"in Berlin. {surname} sagte, {topic} sei seit {number + 3} Jahren vernachlässigt worden. "
                f"\"Wir handeln jetzt\", fügte {surname} hinzu.")
        (folder / f"artikel-{number:03d}.txt").write_text(text, encoding="utf-8")


def run_ingest(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "wortlaut.store", "ingest", str(folder), "--db", str(db), "--date", "2025-09-05",
         "--no-progress"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet, or the schema is still being written
        return 0


def content(db: Path) -> dict[str, list]:
    with Store(db, readonly=True) as store:
        conn = store.conn
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {
            "articles": conn.execute("SELECT content_hash, doc_id, date, text FROM articles ORDER BY 1").fetchall(),
            "statements": conn.execute(
                "SELECT a.content_hash, s.statement_key, s.form, s.content, s.speaker_name, s.cue_text, s.date "
                "FROM statements s JOIN articles a ON a.id = s.article_id ORDER BY 1, 2").fetchall(),
            "concepts": conn.execute("SELECT COUNT(*) FROM statement_concepts").fetchall(),
            "actors": conn.execute("SELECT name, statements, aliases FROM actors_view ORDER BY name").fetchall(),
            "search": conn.execute("SELECT COUNT(*) FROM statements_fts WHERE statements_fts MATCH 'jetzt'").fetchall(),
            "sources": conn.execute("SELECT path, file_hash, articles FROM sources ORDER BY path").fetchall(),
        }


def test_killed_ingest_resumes_to_the_same_store_as_a_clean_run(tmp_path):
    folder = tmp_path / "corpus"
    write_articles(folder)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    clean = run_ingest(folder, clean_db)
    assert clean.wait(timeout=600) == 0, clean.stderr.read().decode()

    victim = run_ingest(folder, killed_db)
    deadline = time.monotonic() + 300
    while stored_articles(killed_db) < 10 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert victim.poll() is None, "the ingest ended before it could be killed; give it more articles"
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    partial = stored_articles(killed_db)
    assert 10 <= partial < 40

    # What the killed run left is whole: every stored article has exactly its statements.
    expected = content(clean_db)
    with sqlite3.connect(killed_db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
        hashes = {row[0] for row in conn.execute("SELECT content_hash FROM articles")}
        stored = conn.execute(
            "SELECT a.content_hash, s.statement_key, s.form, s.content, s.speaker_name, s.cue_text, s.date "
            "FROM statements s JOIN articles a ON a.id = s.article_id ORDER BY 1, 2").fetchall()
    assert stored == [row for row in expected["statements"] if row[0] in hashes]

    resumed = run_ingest(folder, killed_db)
    assert resumed.wait(timeout=600) == 0, resumed.stderr.read().decode()
    summary = resumed.stderr.read().decode()
    assert f"{40 - partial} articles stored" in summary
    result = content(killed_db)
    assert {key: value for key, value in result.items() if key != "sources"} == \
           {key: value for key, value in expected.items() if key != "sources"}
    assert [row[1:] for row in result["sources"]] == [row[1:] for row in expected["sources"]]
