"""Pairs of real quotes to label, drawn across the range of similarity, and their scores.

    python -m training.quotes.sample_pairs sample [--seed 19] [--per-stratum 40] > pairs.tsv
    python -m training.quotes.sample_pairs score [--labels training/quotes/pairs_labels.tsv]

The quotes are the spans between quotation marks („…“, »…«, "…", “…”; one line, 4+ words when
normalised) in the unlabelled news of ``../shared/data``: the SpkAtt Wikinews articles (train and
test-blind), the SpkAtt Bundestag speeches (train, dev), the SmartData news and the 10kGNAD test
split.  Every pair of quotes from different places (another article, or another span of the same
one) whose exact containment (``provenance.containment`` of the shorter's character 5-grams in the
longer's) is at least 0.15 is a candidate.  ``sample`` takes every candidate from 0.5 up and a fixed
-seed random draw of ``--per-stratum`` pairs from each of [0.15, 0.25), [0.25, 0.35), [0.35, 0.5),
with both texts, for labelling by reading: 1 = the same utterance or wording (cut or edited
allowed), 0 = different words, however close the topic.  ``score`` reads the labels (kept without
the texts: source, document, character offset and the first words) and reports precision, recall
and F1 of (a) the pair decision (``candidates_between`` + exact containment, as ingest uses it) at
each threshold and (b) the shipped clustering (all quotes of the pool grouped, chains included).
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from wortlaut.evaluate.smartdata import read_records
from wortlaut.store.provenance import (
    DEFAULT_CONFIG,
    _Quote,
    accepted_pairs,
    candidate_pairs,
    clusters,
    containment,
    normalize_quote,
    shingles,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
LABELS = Path(__file__).with_name("pairs_labels.tsv")
QUOTE = re.compile(r'„([^„“”"\n]{10,600})[“”"]|"([^"„“\n]{10,600})"|»([^»«\n]{10,600})«|“([^“”„"\n]{10,600})”')
STRATA = ((0.15, 0.25), (0.25, 0.35), (0.35, 0.5))
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9)


def documents():
    """(source, document id, text) of the shared news."""
    for folder in ("train", "test-blind"):
        for path in sorted(glob.glob(str(SHARED / "spkatt-news" / folder / "*.json"))):
            sentences = json.loads(Path(path).read_text(encoding="utf-8"))["Sentences"]
            yield "wikinews", Path(path).stem, " ".join(" ".join(s["Tokens"]) for s in sentences)
    for folder in ("train", "dev"):
        for path in sorted(glob.glob(str(SHARED / "spkatt-parl" / folder / "task1" / "*.json"))):
            sentences = json.loads(Path(path).read_text(encoding="utf-8"))["Sentences"]
            yield "bundestag", Path(path).stem, " ".join(" ".join(s["Tokens"]) for s in sentences)
    for name in ("train", "test"):
        for record in read_records(SHARED / "smartdata-v1" / f"{name}.json.gz"):
            yield "smartdata", record["id"], (record.get("text") or {}).get("string") or ""
    csv.field_size_limit(1 << 26)
    with (SHARED / "10kgnad" / "articles.csv").open(encoding="utf-8") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            if len(row) >= 2:
                yield "10kgnad", str(number), row[1]


def quotes() -> list[tuple[str, str, int, _Quote]]:
    found, seen = [], set()
    for source, doc, text in documents():
        for match in QUOTE.finditer(text):
            content = next(group for group in match.groups() if group).strip()
            normalized = normalize_quote(content)
            if len(normalized.split()) < DEFAULT_CONFIG.min_words or (source, doc, normalized) in seen:
                continue  # a repeated headline in the same document is no second quote
            seen.add((source, doc, normalized))
            found.append((source, doc, match.start(),
                          _Quote(len(found), len(found), content, normalized, shingles(normalized), ())))
    return found


def all_pairs(pool, floor: float = 0.15) -> dict[tuple[int, int], float]:
    """Every pair with exact containment >= ``floor`` (an inverted index of the shingles)."""
    index = defaultdict(list)
    for number, (*_, quote) in enumerate(pool):
        for piece in quote.pieces:
            index[piece].append(number)
    pairs = {}
    for number, (*_, quote) in enumerate(pool):
        shared = defaultdict(int)
        for piece in quote.pieces:
            for other in index[piece]:
                if other > number:
                    shared[other] += 1
        for other, count in shared.items():
            share = count / min(len(quote.pieces), len(pool[other][3].pieces))
            if share >= floor:
                pairs[number, other] = share
    return pairs


def sample(seed: int, per_stratum: int) -> None:
    pool = quotes()
    pairs = all_pairs(pool)
    rng = random.Random(seed)
    chosen = sorted(pair for pair, share in pairs.items() if share >= 0.5)
    for low, high in STRATA:
        stratum = sorted(pair for pair, share in pairs.items() if low <= share < high)
        chosen += sorted(rng.sample(stratum, min(per_stratum, len(stratum))))
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(["source_a", "doc_a", "start_a", "source_b", "doc_b", "start_b", "containment", "text_a", "text_b"])
    for a, b in chosen:
        writer.writerow([*pool[a][:3], *pool[b][:3], f"{pairs[a, b]:.3f}", pool[a][3].content, pool[b][3].content])
    print(f"{len(pool)} quotes, {len(pairs)} pairs >= 0.15, {len(chosen)} drawn", file=sys.stderr)


def _prf(decisions: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    true_positive = sum(found and truth for found, truth in decisions)
    found, truth = sum(f for f, _ in decisions), sum(t for _, t in decisions)
    precision = true_positive / found if found else 1.0
    recall = true_positive / truth if truth else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(labels: Path) -> None:
    pool = quotes()
    where = {(source, doc, str(start)): number for number, (source, doc, start, _) in enumerate(pool)}
    with labels.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    labelled = [(where[row["source_a"], row["doc_a"], row["start_a"]], where[row["source_b"], row["doc_b"],
                 row["start_b"]], row["label"] == "1") for row in rows]
    items = [quote for *_, quote in pool]
    proposed = candidate_pairs(items)
    positives = sum(truth for *_, truth in labelled)
    print(f"{len(pool)} quotes; {len(labelled)} labelled pairs, {positives} the same quote")
    print("threshold  P     R     F1    (pair decision: LSH candidates + exact containment)")
    for threshold in THRESHOLDS:
        config = replace(DEFAULT_CONFIG, min_containment=threshold)
        accepted = set(accepted_pairs(items, proposed, config))
        decisions = [((min(a, b), max(a, b)) in accepted, truth) for a, b, truth in labelled]
        print(f"{threshold:9.2f}  " + "  ".join(f"{value:.2f}" for value in _prf(decisions)))
    cluster_of = {}
    for number, group in enumerate(clusters(len(items), accepted_pairs(items, proposed, DEFAULT_CONFIG))):
        for member in group:
            cluster_of[member] = number
    decisions = [(cluster_of[a] == cluster_of[b], truth) for a, b, truth in labelled]
    print(f"clustering at {DEFAULT_CONFIG.min_containment} (chains included): P %.2f  R %.2f  F1 %.2f" % _prf(decisions))
    missed = sum(truth and containment(items[a].pieces, items[b].pieces) >= DEFAULT_CONFIG.min_containment
                 and (min(a, b), max(a, b)) not in proposed for a, b, truth in labelled)
    print(f"true pairs above the threshold that LSH did not propose: {missed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("sample", "score"))
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--per-stratum", type=int, default=40)
    parser.add_argument("--labels", type=Path, default=LABELS)
    args = parser.parse_args()
    if args.command == "sample":
        sample(args.seed, args.per_stratum)
    else:
        score(args.labels)


if __name__ == "__main__":
    main()
