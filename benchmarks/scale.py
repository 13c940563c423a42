"""``wortlaut batch`` with 1 and 2 workers on the same corpus: wall time, speed-up, words/s per
worker, peak memory per worker, and a check that the Parquet output equals single-process analyze.

    python benchmarks/scale.py [--articles 3000] [--workers 1 2] [--partition-size 50] [--json]

The corpus is a JSONL file of ``--articles`` articles from the shared 10kGNAD news (``--news``;
cycled and numbered as in ``memory.py``; without the file, the generated corpus of ``throughput.py``).  Each
run starts its own local cluster (the workers load the pipeline first, which the wall time
includes).  The check analyses the corpus once more in this process with ``analyze_paths`` and
compares every article's JSON (the ``document`` column) with it.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from memory import NEWS, news_texts, write_corpus

from wortlaut.batch import analyze_paths
from wortlaut.formats import document_to_dict
from wortlaut.pipeline import Options
from wortlaut.scale import BatchConfig, run_batch


def batch_run(corpus: Path, out: Path, workers: int, partition_size: int) -> dict:
    config = BatchConfig(out=out, workers=workers, partition_size=partition_size, dashboard_address=":0")
    started = time.monotonic()
    summary = run_batch([corpus], config, Options(), progress=False)
    seconds = time.monotonic() - started
    per_worker: dict[str, dict] = {}
    for result in summary.results:
        worker = per_worker.setdefault(result.worker, {"words": 0, "busy_s": 0.0, "peak_rss_mb": 0.0, "partitions": 0})
        worker["words"] += result.words
        worker["busy_s"] += result.seconds
        worker["partitions"] += 1
        worker["peak_rss_mb"] = max(worker["peak_rss_mb"], result.peak_rss_mb)
    return {"workers": workers, "articles": summary.articles, "statements": summary.statements,
            "failed": summary.failed, "words": summary.words, "wall_s": round(seconds, 1),
            "words_per_s": round(summary.words / seconds),
            "words_per_s_per_worker": round(summary.words / seconds / workers),
            "peak_rss_mb_per_worker": [round(w["peak_rss_mb"]) for w in per_worker.values()],
            "busy_words_per_s_per_worker": [round(w["words"] / w["busy_s"]) for w in per_worker.values()]}


def texts_of(news: Path) -> list[str]:
    """The articles of a 10kGNAD CSV (``label;text``, quoted with ``'``), as ``memory.py`` reads it."""
    if news == NEWS:
        return news_texts()
    with news.open(encoding="utf-8", newline="") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) == 2]


def parquet_documents(out: Path) -> dict[str, dict]:
    import pyarrow.parquet as pq

    rows = pq.read_table(out / "articles", columns=["id", "document"]).to_pylist()
    return {row["id"]: json.loads(row["document"]) for row in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=50)
    parser.add_argument("--news", type=Path, default=NEWS, help=f"10kGNAD articles.csv (default: {NEWS})")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        write_corpus(corpus, args.articles, texts_of(args.news))
        for workers in args.workers:
            rows.append(batch_run(corpus, Path(folder) / f"out-{workers}", workers, args.partition_size))
        started = time.monotonic()
        expected = {doc.id: document_to_dict(doc) for doc in analyze_paths([corpus], options=Options())}
        single_s = time.monotonic() - started
        for row in rows:
            row["equals_analyze"] = parquet_documents(Path(folder) / f"out-{row['workers']}") == expected
    for row in rows:
        row["speed_up"] = round(rows[0]["wall_s"] / row["wall_s"], 2)
    report = {"articles": args.articles, "single_process_analyze_s": round(single_s, 1), "runs": rows}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{args.articles} articles; single-process analyze: {single_s:.1f} s")
    print(f"{'workers':>7} {'wall s':>8} {'speed-up':>8} {'words/s':>8} {'w/s/worker':>10} "
          f"{'peak RSS MB/worker':>20} {'= analyze':>9}")
    for row in rows:
        print(f"{row['workers']:>7} {row['wall_s']:>8} {row['speed_up']:>8} {row['words_per_s']:>8} "
              f"{row['words_per_s_per_worker']:>10} {row['peak_rss_mb_per_worker']!s:>20} "
              f"{row['equals_analyze']!s:>9}")


if __name__ == "__main__":
    main()
