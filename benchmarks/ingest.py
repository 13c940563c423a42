"""Ingest throughput and database size on the shared 10kGNAD news articles.

    python benchmarks/ingest.py [--limit N] [--compare]

Writes the articles (which carry no dates) to a temporary JSONL file with a
fixed date, ingests it into a fresh temporary database and reports articles/s,
words/s and the database size per 1,000 articles, and splits the CPU time into
analysis (the pipeline) and storing (everything else: hashing, SQL, actors).
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "10kgnad" / "articles.csv"
DATE = "2025-01-15"


def load_articles(limit: int | None) -> list[dict]:
    csv.field_size_limit(10_000_000)
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=";", quotechar="'")
        articles = [{"id": f"gnad-{number:05d}", "date": DATE, "title": label, "text": text}
                    for number, (label, text) in enumerate(rows) if text.strip()]
    return articles[:limit] if limit else articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"benchmark data not found: {DATA}", file=sys.stderr)
        return 1

    import wortlaut.store.ingestion as ingestion
    from wortlaut.pipeline import run
    from wortlaut.readers import read_file
    from wortlaut.store import ingest

    analysis_cpu = 0.0

    def timed_run(doc, options=None):
        nonlocal analysis_cpu
        started = time.process_time()
        try:
            return run(doc, options)
        finally:
            analysis_cpu += time.process_time() - started

    ingestion.run = timed_run

    articles = load_articles(args.limit)
    words = sum(len(article["text"].split()) for article in articles)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "articles.jsonl"
        corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        run(read_file(corpus)[0])  # load the models before the clock starts

        db = Path(folder) / "bench.db"
        started, cpu_started = time.perf_counter(), time.process_time()
        summary = ingest([corpus], db, progress=None)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        with sqlite3.connect(db) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            statements = conn.execute("SELECT COUNT(*) FROM statements").fetchone()[0]
            actors = conn.execute("SELECT COUNT(*) FROM actors").fetchone()[0]
        size = db.stat().st_size

        print(f"articles:        {summary.articles_added} stored, {summary.failed} failed ({words:,} words)")
        print(f"statements:      {statements:,}; actors: {actors:,}")
        print(f"ingest:          {seconds:.1f} s = {summary.articles_added / seconds:.1f} articles/s, "
              f"{words / seconds:,.0f} words/s")
        print(f"CPU:             {cpu:.1f} s = {summary.articles_added / cpu:.1f} articles/s; analysis "
              f"{analysis_cpu:.1f} s, storing {cpu - analysis_cpu:.1f} s ({100 * (cpu - analysis_cpu) / cpu:.1f} %)")
        print(f"database:        {size / 1e6:.1f} MB = {size / 1e6 / max(len(articles), 1) * 1000:.1f} MB "
              f"per 1,000 articles")

        started = time.perf_counter()
        again = ingest([corpus], db, progress=False)
        print(f"re-ingest:       {time.perf_counter() - started:.2f} s ({again.files_unchanged} file unchanged)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
