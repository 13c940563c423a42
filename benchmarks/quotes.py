"""CPU time to add 1,000 new direct quotes to the quotes of a store holding 20,000 or 100,000.

    python benchmarks/quotes.py [--sizes 20000 100000] [--new 1000] [--rebuild] [--json]

For each size, a new store is filled with that many direct quotes (statements written straight
into the tables, five to an article, seven outlets; no analysis) and grouped once
(``update_quotes`` from nothing, the same work as ``quotes --rebuild``).  Then ``--new`` more quotes
arrive in new articles, a third of them copies of stored quotes (re-marked, cut short, one word
in six edited), and ``update_quotes`` adds them: that is the time an ingest spends on quotes.  The
quotes are made from sentences of the shared 10kGNAD news (``../shared/data/10kgnad/articles.csv``,
see ``quote_texts``); without the file, sentences made of random words.  Times are CPU seconds (user +
system) of this process.  ``--rebuild`` also regroups everything from nothing afterwards and checks
that it gives the same quotes as the incremental path.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
NEWS = ROOT.parent / "shared" / "data" / "10kgnad" / "articles.csv"

from wortlaut.store import Store
from wortlaut.store.provenance import rebuild_quotes, update_quotes


def sentences(rng: random.Random) -> list[str]:
    if NEWS.exists():
        csv.field_size_limit(1 << 26)
        found = []
        with NEWS.open(encoding="utf-8") as handle:
            for row in csv.reader(handle, delimiter=";", quotechar="'"):
                if len(row) >= 2:
                    found.extend(s for s in re.split(r"(?<=[.!?])\s+", row[1]) if 5 <= len(s.split()) <= 40)
        return found
    words = [f"wort{number}" for number in range(5000)]
    return [" ".join(rng.choices(words, k=rng.randint(5, 30))) for _ in range(20_000)]


def quote_texts(pool: list[str], count: int, rng: random.Random) -> list[str]:
    """Distinct quotes: a news sentence with each word replaced, at even odds, by a word of the news
    (drawn as often as the news uses it).  The 10kGNAD file holds some 22,000 sentences, too few to be
    100,000 quotes of their own; recombined, a sentence's copies share about half their words."""
    tokens = [word for sentence in pool for word in sentence.split()]
    texts, seen = [], set()
    while len(texts) < count:
        text = " ".join(word if rng.random() < 0.5 else rng.choice(tokens) for word in rng.choice(pool).split())
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def copied(text: str, rng: random.Random, spare: list[str]) -> str:
    words = text.split()
    kind = rng.choice(("marks", "cut", "edited"))
    if kind == "marks":
        return "„" + text.upper() + "“"
    if kind == "cut":
        return " ".join(words[:max(4, len(words) * 2 // 3)])
    return " ".join(rng.choice(spare) if number % 6 == 5 else word for number, word in enumerate(words))


def add_articles(store: Store, texts: list[str], first: int) -> None:
    with store.transaction() as conn:
        for start in range(0, len(texts), 5):
            number = first + start // 5
            article_id = conn.execute(
                "INSERT INTO articles (content_hash, doc_id, source, date, title, text, word_count, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (f"bench{number}", f"a{number}", f"/news/outlet{number % 7}.jsonl",
                 f"20{10 + number % 10}-{1 + number % 12:02d}-{1 + number % 28:02d}", f"Artikel {number}", "-", 1,
                 "2025-01-01T00:00:00+00:00")).lastrowid
            conn.executemany(
                "INSERT INTO statements (article_id, statement_key, form, sentence, content, content_start, "
                "content_end, speaker_name, speaker_key, date, date_source) VALUES (?, ?, 'direct', 0, ?, ?, ?, ?, ?, "
                "NULL, 'article')",
                [(article_id, f"s{k}", text, k * 1000, k * 1000 + len(text), f"Sprecher {k}", f"sprecher {k}")
                 for k, text in enumerate(texts[start:start + 5])])


def membership(store: Store) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for quote_id, statement_id in store.conn.execute("SELECT quote_id, statement_id FROM quote_occurrences"):
        groups.setdefault(quote_id, set()).add(statement_id)
    return {frozenset(group) for group in groups.values()}


def cpu() -> float:
    return time.process_time()  # user + system of this process


def run(size: int, new: int, rebuild: bool, pool: list[str], folder: Path) -> dict:
    rng = random.Random(size)
    texts = quote_texts(pool, size + new, rng)
    base, fresh = texts[:size], texts[size:]
    spare = [word for text in pool[:2000] for word in text.split()]
    fresh = [copied(rng.choice(base), rng, spare) if number % 3 == 0 else text for number, text in enumerate(fresh)]
    result = {"stored": size, "new": new}
    with Store(folder / f"quotes{size}.db") as store:
        add_articles(store, base, 0)
        started = cpu()
        with store.transaction() as conn:
            result["quotes"] = update_quotes(conn)
        result["group_all_s"] = round(cpu() - started, 2)
        add_articles(store, fresh, size)
        started = cpu()
        with store.transaction() as conn:
            result["quotes_after"] = update_quotes(conn)
        result["add_new_s"] = round(cpu() - started, 2)
        result["joined"] = store.conn.execute(
            "SELECT COUNT(*) FROM quote_occurrences o JOIN quotes q ON q.id = o.quote_id "
            "WHERE o.statement_id > ? AND q.occurrences > 1", (size,)).fetchone()[0]
        if rebuild:
            incremental = membership(store)
            started = cpu()
            with store.transaction() as conn:
                rebuild_quotes(conn)
            result["rebuild_s"] = round(cpu() - started, 2)
            result["rebuild_same"] = membership(store) == incremental
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--rebuild", action="store_true", help="also rebuild and compare with the incremental path")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pool = sentences(random.Random(0))
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            result = run(size, args.new, args.rebuild, pool, Path(folder))
            if args.json:
                print(json.dumps(result))
            else:
                line = (f"{size:>7,} stored quotes: grouping all {result['group_all_s']:6.1f} CPU s "
                        f"({result['quotes']:,} quotes); adding {args.new:,} new {result['add_new_s']:5.2f} CPU s "
                        f"({result['joined']} of them joined a stored quote)")
                if args.rebuild:
                    line += f"; rebuild {result['rebuild_s']:.1f} CPU s, same quotes: {result['rebuild_same']}"
                print(line, flush=True)


if __name__ == "__main__":
    main()
