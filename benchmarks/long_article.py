"""Time and peak memory of analysing one very long article (1 MB, 5 MB of news text).

    python benchmarks/long_article.py [--sizes 250000 1000000 5000000] [--json]

Joins the shared 10kGNAD news (without it, the generated corpus of ``throughput.py``) into one
article of each size in characters and analyses it with the full pipeline in a fresh process
(``--max-chars`` lifted), reporting seconds, CPU seconds, words per CPU second (steady when the
machine is busy, unlike wall time) and peak RSS.  Time should grow linearly with the size: the same
words per CPU second at every size.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from memory import news_texts, peak_rss_mb  # benchmarks are scripts, not a package

RUN = """
import sys
sys.path.insert(0, {src!r})
from wortlaut import analyze
from wortlaut.pipeline import Options
text = open(sys.argv[2], encoding="utf-8").read()
analyze(text, date="2016-01-15", options=Options(max_chars=len(text)))
"""


def long_text(size: int, texts: list[str]) -> str:
    parts, length, number = [], 0, 0
    while length < size:
        parts.append(texts[number % len(texts)])
        length += len(parts[-1]) + 2
        number += 1
    return "\n\n".join(parts)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250_000, 1_000_000, 5_000_000])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    texts = news_texts()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"article-{size}.txt"
            text = long_text(size, texts)
            path.write_text(text, encoding="utf-8")
            seconds, cpu, rss = peak_rss_mb("analyze", path, path, "", script=RUN)
            words = len(text.split())
            rows.append({"characters": size, "words": words, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
                         "words_per_cpu_second": round(words / cpu), "peak_rss_mb": round(rss, 1)})
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'characters':>11} {'words':>8} {'seconds':>8} {'CPU s':>8} {'words/CPU s':>12} {'peak RSS MB':>12}")
    for row in rows:
        print(f"{row['characters']:>11} {row['words']:>8} {row['seconds']:>8} {row['cpu_seconds']:>8} "
              f"{row['words_per_cpu_second']:>12} {row['peak_rss_mb']:>12}")


if __name__ == "__main__":
    main()
