"""Precision and recall of quote clustering (store/provenance.py) on real articles.

    python -m training.quotes.evaluate sample DB [--top 80]     # candidate pairs to label, with their text
    python -m training.quotes.evaluate score DB [--labels training/quotes/labels.tsv]

``sample`` lists the pairs of stored direct quotes with the highest exact containment (all of them
above the lowest shown, so every pair a threshold in that range accepts is among them).  ``score``
reads the hand labels and reports, per threshold: precision and recall on the labelled real pairs,
and recall on variants made from the real quotes (shortened, elided, one word in six edited,
quotation marks and case changed), with how many of those pairs the LSH Ensemble proposes.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sqlite3
from dataclasses import replace
from pathlib import Path

from wortlaut.store.provenance import (
    DEFAULT_CONFIG,
    QuoteConfig,
    _load_direct_quotes,
    _Quote,
    candidate_pairs,
    containment,
    normalize_quote,
    shingles,
)

LABELS = Path(__file__).with_name("labels.tsv")
THRESHOLDS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9)


def _key(conn: sqlite3.Connection, quote: _Quote) -> tuple[str, int]:
    return conn.execute("SELECT a.doc_id, s.content_start FROM statements s JOIN articles a ON a.id = s.article_id "
                        "WHERE s.id = ?", (quote.statement_id,)).fetchone()


def top_pairs(conn: sqlite3.Connection, quotes: list[_Quote], top: int) -> list[tuple[float, _Quote, _Quote]]:
    pairs = sorted(((containment(a.pieces, b.pieces), a, b) for a, b in itertools.combinations(quotes, 2)),
                   key=lambda pair: -pair[0])
    # two statements on one span of one article (a quote with two cues) are not a repeat
    return list(itertools.islice(((share, a, b) for share, a, b in pairs if _key(conn, a) != _key(conn, b)), top))


def sample(db: str, top: int) -> None:
    conn = sqlite3.connect(db)
    writer = csv.writer(__import__("sys").stdout, delimiter="\t")
    writer.writerow(["doc_a", "start_a", "doc_b", "start_b", "containment", "text_a", "text_b"])
    for share, a, b in top_pairs(conn, _load_direct_quotes(conn, DEFAULT_CONFIG), top):
        writer.writerow([*_key(conn, a), *_key(conn, b), f"{share:.3f}", a.content[:200], b.content[:200]])


def _variants(quote: _Quote, donor: str) -> dict[str, str]:
    """Edits a journalist's copy makes; ``donor`` lends replacement words."""
    words, spare = quote.content.split(), donor.split() or ["anders"]
    third = max(1, len(words) // 3)
    edited = [spare[i % len(spare)] if i % 6 == 5 else word for i, word in enumerate(words)]
    return {"marks": "„" + quote.content.upper() + "“", "shortened": " ".join(words[:-third]),
            "elided": " ".join(words[:third] + ["…"] + words[2 * third:]), "edited": " ".join(edited)}


def _as_quote(text: str, number: int, config: QuoteConfig) -> _Quote:
    normalized = normalize_quote(text)
    return _Quote(-number, 0, text, normalized, shingles(normalized, config), ())


def score(db: str, labels: Path, config: QuoteConfig) -> None:
    conn = sqlite3.connect(db)
    quotes = _load_direct_quotes(conn, config)
    by_key = {tuple(_key(conn, quote)): quote for quote in quotes}
    with labels.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t")]
    labelled = [(containment(by_key[row["doc_a"], int(row["start_a"])].pieces,
                             by_key[row["doc_b"], int(row["start_b"])].pieces), row["label"] == "1") for row in rows]
    long_quotes = [quote for quote in quotes if len(quote.normalized.split()) >= 8]
    made: list[tuple[str, _Quote, _Quote]] = []
    for number, quote in enumerate(long_quotes):
        donor = long_quotes[(number + 1) % len(long_quotes)].content
        for kind, text in _variants(quote, donor).items():
            made.append((kind, quote, _as_quote(text, len(made) + 1, config)))
    pool = quotes + [variant for _, _, variant in made]
    position = {id(quote): number for number, quote in enumerate(pool)}
    proposed = candidate_pairs(pool, config)
    found = sum((min(position[id(a)], position[id(b)]), max(position[id(a)], position[id(b)])) in proposed
                for _, a, b in made)
    positives = sum(label for _, label in labelled)
    print(f"{config.shingle} {config.shingle_size}-shingles; {len(quotes)} direct quotes, {len(labelled)} labelled "
          f"pairs ({positives} the same quote); {len(made)} made variants of {len(long_quotes)} quotes, "
          f"{found} proposed by LSH (candidate_containment {config.candidate_containment})")
    print("threshold  P(real)  R(real)  " + "  ".join(f"R({kind})" for kind in _variants(quotes[0], "x")))
    for threshold in THRESHOLDS:
        accepted = [label for share, label in labelled if share >= threshold]
        precision = sum(accepted) / len(accepted) if accepted else 1.0
        recall = sum(accepted) / positives if positives else 1.0
        recalls = []
        for kind in _variants(quotes[0], "x"):
            shares = [containment(a.pieces, b.pieces) for k, a, b in made if k == kind]
            recalls.append(sum(share >= threshold for share in shares) / len(shares))
        print(f"{threshold:9.2f}  {precision:7.2f}  {recall:7.2f}  " + "  ".join(f"{r:11.2f}" for r in recalls))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("sample", "score"))
    parser.add_argument("db")
    parser.add_argument("--top", type=int, default=80)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--shingle", choices=("char", "word"), default=DEFAULT_CONFIG.shingle)
    parser.add_argument("--size", type=int, default=DEFAULT_CONFIG.shingle_size)
    args = parser.parse_args()
    if args.command == "sample":
        sample(args.db, args.top)
    else:
        score(args.db, args.labels, replace(DEFAULT_CONFIG, shingle=args.shingle, shingle_size=args.size))


if __name__ == "__main__":
    main()
