"""``wortlaut batch`` on a local cluster of two worker processes: the Parquet tables hold what
``analyze`` finds, a rerun skips the partitions written, a bad line or article is reported and
the rest written, and ``ingest --from-parquet`` gives the store ``ingest`` gives."""

from __future__ import annotations

import json
import sqlite3

import pyarrow.parquet as pq
import pytest

from wortlaut.batch import analyze_paths
from wortlaut.cli import main
from wortlaut.formats import document_to_dict
from wortlaut.pipeline import Options
from wortlaut.scale import BatchConfig, ingest_parquet, run_batch
from wortlaut.scale import worker as batch_worker
from wortlaut.scale.partitions import read_partitions
from wortlaut.scale.run import BatchError
from wortlaut.store import ingest

ARTICLES = [
    ("2024-05-02", "Bürgermeisterin Anna Kessler sagte am Montag, die Stadt brauche mehr Busse. „Wir handeln jetzt“, "
                   + "sagte sie im Rathaus."),
    ("2024-05-03", "Der Fahrgastverband kritisierte die Pläne. Sein Vorsitzender Jonas Brandt sagte, die Preise "
                   + "der Deutschen Bahn seien zu hoch."),
    ("2024-05-04", "Innenminister Karl Weber erklärte in Berlin, das Gesetz komme im Herbst. Die Opposition hält "
                   + "das für zu spät."),
    ("2024-05-05", "„Das ist ein guter Tag für Lindenfeld“, sagte Kessler nach der Abstimmung."),
    ("2024-05-06", "Laut Polizei wurde niemand verletzt. Ein Sprecher sagte, die Straße sei wieder frei."),
]
PARTITION_SIZE = 2
OPTIONS = Options()


def write_corpus(folder):
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"id": f"a{number}", "date": date, "text": text}, ensure_ascii=False)
             for number, (date, text) in enumerate(ARTICLES)]
    lines.insert(2, "{kaputt")  # a bad line: reported, the rest goes on
    (folder / "artikel.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "leer.txt").write_text("", encoding="utf-8")  # a bad file
    return folder


def config_for(out):
    return BatchConfig(out=out, workers=2, partition_size=PARTITION_SIZE, dashboard_address=":0")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    corpus = write_corpus(folder / "korpus")
    summary = run_batch([corpus], config_for(folder / "out"), OPTIONS, progress=False)
    return corpus, folder / "out", summary


def table(out, name):
    return pq.read_table(out / name).to_pylist()


def test_summary_counts_articles_statements_and_failures(batch):
    _, _, summary = batch
    assert summary.articles == len(ARTICLES)
    assert summary.failed == 2  # the bad line and the empty file
    assert summary.partitions == 3 and summary.skipped == 0
    assert summary.statements > 0 and not summary.lost


def test_parquet_holds_what_analyze_finds(batch):
    corpus, out, _ = batch
    expected = {doc.id: document_to_dict(doc) for doc in analyze_paths([corpus], options=OPTIONS)}
    articles = {row["article"]: row for row in table(out, "articles")}
    assert sorted(row["id"] for row in articles.values()) == sorted(expected)
    found = {}
    for row in table(out, "statements"):
        found.setdefault(articles[row["article"]]["id"], []).append(row)
    for doc_id, doc in expected.items():
        rows = found.get(doc_id, [])
        assert [(r["statement"], r["content"], r["speaker"], r["speaker_entity"], r["date"], r["date_source"],
                 r["confidence"]) for r in rows] == \
               [(s["id"], s["content"]["text"], s["speaker"] and s["speaker"]["text"],
                 s["speaker"] and s["speaker"]["entity"], s["date"] and s["date"]["value"], s["date_source"],
                 s["confidence"]) for s in doc["statements"]]
        assert json.loads(articles[next(k for k, a in articles.items() if a["id"] == doc_id)]["document"]) == doc
    names = {row["name"] for row in table(out, "entities")}
    assert {"Anna Kessler", "Jonas Brandt"} <= names
    targets = {}
    for row in table(out, "targets"):
        targets.setdefault((articles[row["article"]]["id"], row["statement"]), []).append(
            (row["entity"], row["name"], row["type"], row["how"], row["text"], row["start"], row["end"]))
    expected_targets = {(doc_id, s["id"]): [(t["entity"] or None, t["name"], t["type"], t["how"], t["text"],
                                              t["start"], t["end"]) for t in s["targets"]]
                        for doc_id, doc in expected.items() for s in doc["statements"] if s["targets"]}
    assert expected_targets and targets == expected_targets


def test_bad_line_and_file_are_reported(batch):
    corpus, out, _ = batch
    failures = table(out, "failures")
    assert {(row["file"], row["article"]) for row in failures} == {
        (str((corpus / "artikel.jsonl").resolve()), "line 3"), (str((corpus / "leer.txt").resolve()), None)}
    assert all(row["error"] for row in failures)


def test_rerun_skips_the_partitions_written(batch):
    corpus, out, _ = batch
    kept = out / "articles" / "part-00000.parquet"
    before = kept.stat().st_mtime_ns
    (out / "statements" / "part-00001.parquet").unlink()  # as if the run had stopped while writing it
    summary = run_batch([corpus], config_for(out), OPTIONS, progress=False)
    assert summary.skipped == 2 and summary.partitions == 3
    assert summary.articles == len(ARTICLES)
    assert kept.stat().st_mtime_ns == before
    assert (out / "statements" / "part-00001.parquet").is_file()


def test_other_settings_are_refused(batch, tmp_path):
    corpus, out, _ = batch
    with pytest.raises(BatchError, match="other inputs or settings"):
        run_batch([corpus], BatchConfig(out=out, workers=2, partition_size=3), OPTIONS, progress=False)


def store_contents(db) -> dict[str, list[tuple]]:
    """Every table of a store, without the times of day it was written."""
    connection = sqlite3.connect(db)
    contents = {}
    for table_name in ("articles", "statements", "entities", "mentions", "statement_concepts", "actors",
                       "actor_aliases", "actor_roles", "article_sources", "sources", "times", "places", "failures",
                       "statement_targets"):
        left_out = {"ingested_at", "time"} | ({"id"} if table_name == "failures" else set())  # failures: in other order
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table_name})") if row[1] not in left_out]
        contents[table_name] = connection.execute(
            f"SELECT {', '.join(map(repr, columns))} FROM {table_name} ORDER BY 1, 2").fetchall()
    connection.close()
    return contents


def test_ingest_from_parquet_equals_ingest(batch, tmp_path):
    corpus, out, _ = batch
    ingest_parquet(out, tmp_path / "parquet.db", quiet=True)
    ingest([corpus], tmp_path / "direct.db", options=OPTIONS, progress=False)
    from_parquet, direct = store_contents(tmp_path / "parquet.db"), store_contents(tmp_path / "direct.db")
    assert from_parquet["statements"] and from_parquet["actors"]
    assert from_parquet == direct


def test_ingest_of_the_files_after_from_parquet_finds_them_stored(batch, tmp_path):
    corpus, out, _ = batch
    db = tmp_path / "corpus.db"
    ingest_parquet(out, db, quiet=True)
    again = ingest([corpus], db, options=OPTIONS, progress=False)
    assert again.articles_added == 0


def test_cli_ingest_from_parquet(batch, tmp_path):
    _, out, _ = batch
    db = tmp_path / "cli.db"
    assert main(["ingest", "--from-parquet", str(out), "--db", str(db)]) == 1  # the failures are reported
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(ARTICLES)
    assert main(["ingest", "--from-parquet", str(tmp_path / "nichts"), "--db", str(db)]) == 1
    assert main(["ingest", "--db", str(db)]) == 1


def test_a_crashing_article_is_reported_and_the_rest_written(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "korpus")
    [partition, *_] = read_partitions([corpus / "artikel.jsonl"], 3, input_format=None, date=None,
                                      max_chars=OPTIONS.max_chars)
    real_run = batch_worker.run

    def crash_on_a1(doc, options):
        if doc.id == "a1":
            raise RuntimeError("kaputt")
        return real_run(doc, options)

    monkeypatch.setattr(batch_worker, "run", crash_on_a1)
    result = batch_worker.analyse_partition(partition, Options(pipeline=("segment",)), str(tmp_path / "out"))
    assert result.articles == 2 and result.failed == 2  # a1 and the bad line read with this partition
    failures = table(tmp_path / "out", "failures")
    assert any(row["article"] == "a1" and "RuntimeError: kaputt" in row["error"] for row in failures)
    assert [row["id"] for row in table(tmp_path / "out", "articles")] == ["a0", "a2"]
