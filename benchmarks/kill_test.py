"""Kill `ingest` with SIGKILL at random moments, resume each time, and compare the final store with
a clean run's.

    python benchmarks/kill_test.py [--articles 500] [--kills 20] [--seed 1]

The corpus is the first ``--articles`` 10kGNAD news articles (one JSONL file; without
``../shared``, the generated corpus of ``throughput.py``).  One clean ``wortlaut ingest`` builds
the reference store.  Then ``ingest`` runs into a second store and is killed with SIGKILL after a
random delay, ``--kills`` times, each run resuming where the last died; a last run finishes it.
Printed as a table: articles, statements, actors, duplicate articles, ``PRAGMA integrity_check``,
for both stores; exits 1 when they differ.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from memory import news_texts, write_corpus

ROOT = Path(__file__).resolve().parents[1]
INGEST = ("import sys; sys.path.insert(0, {src!r}); from wortlaut.cli import main; "
          "sys.exit(main(['ingest', sys.argv[1], '--db', sys.argv[2], '--no-progress']))")


def ingest_process(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", INGEST.format(src=str(ROOT / "src")), str(corpus), str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def facts(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        one = lambda sql: conn.execute(sql).fetchone()[0]
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "statements": one("SELECT count(*) FROM statements"),
            "actors": one("SELECT count(*) FROM actors"),
            "duplicate articles": one("SELECT count(*) - count(DISTINCT content_hash) FROM articles"),
            "statements without article": one("SELECT count(*) FROM statements WHERE article_id NOT IN "
                                              "(SELECT id FROM articles)"),
            "integrity_check": one("PRAGMA integrity_check"),
            "content": conn.execute("SELECT a.content_hash, s.statement_key, s.content, s.speaker_name FROM statements s "
                                    "JOIN articles a ON a.id = s.article_id ORDER BY 1, 2").fetchall(),
        }
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=None,
                        help="latest moment of a kill, in seconds (default: from the clean run's time, so that "
                             "the kills spread over the whole corpus)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        write_corpus(corpus, args.articles, news_texts())
        clean, killed = Path(folder) / "clean.db", Path(folder) / "killed.db"
        started = time.monotonic()
        if ingest_process(corpus, clean).wait() != 0:
            raise SystemExit("the clean run failed")
        clean_seconds = time.monotonic() - started
        print(f"clean run: {clean_seconds:.0f} s")
        max_delay = args.max_delay or 1.0 + clean_seconds / args.kills  # about half the corpus before the last kill
        kills = 0
        for number in range(args.kills):
            process = ingest_process(corpus, killed)
            delay = rng.uniform(1.0, max_delay)
            try:
                process.wait(timeout=delay)
                print(f"run {number + 1}: finished before the kill at {delay:.1f} s")
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
                kills += 1
                stored = facts(killed)["articles"] if killed.exists() else 0
                print(f"run {number + 1}: killed after {delay:.1f} s, {stored} articles stored")
        if ingest_process(corpus, killed).wait() != 0:
            raise SystemExit("the resumed run failed")
        reference, result = facts(clean), facts(killed)
    print(f"\n{'':<28} {'clean run':>12} {'killed ' + str(kills) + ' times':>18}")
    for key in reference:
        if key != "content":
            print(f"{key:<28} {reference[key]!s:>12} {result[key]!s:>18}")
    same = reference == result
    print(f"{'same statements and speakers':<28} {'':>12} {'yes' if same else 'NO':>18}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
