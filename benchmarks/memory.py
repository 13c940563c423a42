"""Peak memory of `analyze` and `ingest` over one JSONL file of 1k, 10k and 50k articles.

    python benchmarks/memory.py [--sizes 1000 10000 50000] [--pipeline segment,morphology] [--json]

Builds each JSONL file from the shared 10kGNAD news (``../shared/data/10kgnad/articles.csv``,
cycled, each copy numbered so that its content hash is new; without the file, the generated
corpus of ``throughput.py``), then runs ``analyze`` (output discarded) and ``ingest`` (into a new
database) on it, each in a fresh process, and reports the process's peak RSS.  Memory must stay
flat: the readers stream a JSONL file and the pipeline holds one article at a time, so the peak
for 50k articles should be within 15 % of the peak for 1k.  ``--pipeline`` runs a prefix of the
pipeline (``segment``: reading, segmenting and storing only) to measure large sizes quickly.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "10kgnad" / "articles.csv"

RUN = """
import sys
sys.path.insert(0, {src!r})
from wortlaut.analysing_process import analysing_process
from wortlaut.pipeline import Options
analysing_process()
options = Options(pipeline=tuple({pipeline!r}.split(","))) if {pipeline!r} else Options()
if sys.argv[1] == "analyze":
    from wortlaut.batch import analyze_paths
    for _ in analyze_paths([sys.argv[2]], options=options):
        pass
else:
    from wortlaut.store import ingest
    ingest([sys.argv[2]], sys.argv[3], options=options, progress=False)
"""


def news_texts() -> list[str]:
    if NEWS.is_file():
        with NEWS.open(encoding="utf-8", newline="") as handle:
            return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) == 2]
    sys.path.insert(0, str(Path(__file__).parent))
    from throughput import synthetic_articles

    return synthetic_articles(500)


def write_corpus(path: Path, size: int, texts: list[str]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for number in range(size):
            text = f"{texts[number % len(texts)]} (Nr. {number})"
            out.write(json.dumps({"id": f"a{number}", "date": "2016-01-15", "text": text}, ensure_ascii=False) + "\n")


def peak_rss_mb(command: str, corpus: Path, db: Path, pipeline: str, script: str = RUN) -> tuple[float, float, float]:
    """(seconds, CPU seconds, peak RSS in MB) of one fresh process running ``command`` on ``corpus``
    (``script`` gets the command, the corpus and the database as arguments), with one BLAS thread
    and the cycle collector's setting the CLI has (wortlaut.analysing_process)."""
    script = script.format(src=str(ROOT / "src"), pipeline=pipeline)
    started = time.monotonic()
    environment = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    process = subprocess.Popen([sys.executable, "-c", script, command, str(corpus), str(db)], env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command} failed on {corpus}")
    return time.monotonic() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    parser.add_argument("--pipeline", default="", help="a prefix of the pipeline, comma-separated (default: all)")
    parser.add_argument("--commands", nargs="+", default=["analyze", "ingest"], choices=["analyze", "ingest"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    texts = news_texts()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            corpus = Path(folder) / f"corpus-{size}.jsonl"
            write_corpus(corpus, size, texts)
            for command in args.commands:
                seconds, _, rss = peak_rss_mb(command, corpus, Path(folder) / f"store-{size}.db", args.pipeline)
                rows.append({"command": command, "articles": size, "pipeline": args.pipeline or "all",
                             "seconds": round(seconds, 1), "peak_rss_mb": round(rss, 1)})
            corpus.unlink()
    for row in rows:
        first = next(r for r in rows if r["command"] == row["command"])
        row["vs_smallest"] = f"{row['peak_rss_mb'] / first['peak_rss_mb'] - 1:+.0%}"
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'command':<8} {'articles':>8} {'pipeline':<20} {'seconds':>8} {'peak RSS MB':>12} {'vs smallest':>12}")
    for row in rows:
        print(f"{row['command']:<8} {row['articles']:>8} {row['pipeline']:<20} {row['seconds']:>8} "
              f"{row['peak_rss_mb']:>12} {row['vs_smallest']:>12}")


if __name__ == "__main__":
    main()
