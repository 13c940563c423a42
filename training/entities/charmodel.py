"""The character model ``data/ner_charmodel.tsv``: naive Bayes over character 2–4-grams telling
PER / LOC / ORG / OTH / common-noun-looking capitalised words apart (``wortlaut.entities.ner.char_class``).

Trained on GermEval training words, the gazetteer's one-word names, wortlaut's organisation names
and corpus nouns; the CRF sees its best class and margin bin.  Training words get cross-fitted
results (the model of the other hash half), so the CRF does not learn to trust a score that merely
remembers its training words.  Built by ``python -m training.entities``.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from wortlaut.entities.ner import CHAR_CLASSES, Resources, char_decide, char_ngrams
from wortlaut.formats.germeval import GermEvalSentence

Weights = dict[str, tuple[float, ...]]  # n-gram -> weight per class of CHAR_CLASSES
# the first line of the file; it names the script of the shipped build so a rebuild stays byte-identical
HEADER = ("# character n-gram<TAB>naive-Bayes weight per class (" + ", ".join(CHAR_CLASSES)
          + "); the row with an empty n-gram is the prior — built by training/train_ner.py, see models/ner.md\n")


def char_examples(train: list[GermEvalSentence], res: Resources) -> dict[str, str]:
    """Capitalised word -> class for the character model: GermEval training tokens (entity
    type of their chunk, or ``O``), one-word names of the gazetteer (surnames and first names
    are ``PER``, places ``LOC``), wortlaut's organisation names, and capitalised corpus words
    that mostly follow an article (common nouns, ``O``)."""
    votes: dict[str, Counter] = {}
    for sentence in train:
        for row in sentence.rows:
            word = row.token
            if len(word) < 3 or not word[:1].isupper():
                continue
            kind = row.outer[2:] if row.outer != "O" else "O"
            if kind in CHAR_CLASSES:  # -deriv and -part words look different; left out
                votes.setdefault(word, Counter())[kind] += 1
    labels = {word: counter.most_common(1)[0][0] for word, counter in votes.items()}
    for name, kinds in res.names.items():
        if len(name) >= 3 and name not in labels:
            labels[name] = "LOC" if "LOC" in kinds else "PER" if {"SUR", "FIRST"} & set(kinds) else "OTH"
    for name in res.org_names:
        if " " not in name and name not in labels:
            labels[name] = "ORG"
    for word, ids in res.clusters.items():
        if ids[3] == "3" and len(word) >= 3 and word[:1].isupper() and word not in labels and word.isalpha():
            labels[word] = "O"
    return labels


def train_char_model(labels: dict[str, str], *, min_count: int = 3, alpha: float = 0.5
                     ) -> tuple[Weights, tuple[float, ...]]:
    """Multinomial naive Bayes over character n-grams; weights centred per n-gram (only
    differences between classes matter), rounded, n-grams seen fewer than ``min_count`` times dropped."""
    counts: dict[str, list[int]] = {}
    totals = [0] * len(CHAR_CLASSES)
    for word, kind in labels.items():
        k = CHAR_CLASSES.index(kind)
        for gram in char_ngrams(word):
            row = counts.get(gram)
            if row is None:
                row = counts[gram] = [0] * len(CHAR_CLASSES)
            row[k] += 1
            totals[k] += 1
    kept = {g: row for g, row in counts.items() if sum(row) >= min_count}
    denominators = np.log(np.array(totals, dtype=np.float64) + alpha * len(kept))
    weights = {}
    for gram, row in kept.items():
        logp = np.log(np.array(row, dtype=np.float64) + alpha) - denominators
        logp -= logp.mean()
        weights[gram] = tuple(round(float(v), 2) for v in logp)
    prior = (0.0,) * len(CHAR_CLASSES)  # equal priors: the CRF learns how far to trust each bin
    return weights, prior


def hash_half(word: str) -> int:
    return hashlib.md5(word.encode("utf-8")).digest()[0] & 1


def char_model(train: list[GermEvalSentence], res: Resources
               ) -> tuple[Weights, tuple[float, ...], dict[str, tuple[str, ...]]]:
    """The character model (weights, prior) plus cross-fitted results for the words it was trained
    on: words fall into two halves by hash, and each half is scored by a model trained on the other."""
    labels = char_examples(train, res)
    weights, prior = train_char_model(labels)
    override: dict[str, tuple[str, ...]] = {}
    halves = [{w: k for w, k in labels.items() if hash_half(w) == h} for h in (0, 1)]
    for h in (0, 1):
        other_weights, other_prior = train_char_model(halves[1 - h])
        for word in halves[h]:
            override[word] = char_decide(word, other_weights, other_prior)
    kinds = Counter(labels.values())
    agree = sum(override[w][0] == k for w, k in labels.items()) / max(len(labels), 1)
    print(f"character model: {len(labels):,} words {dict(kinds)}, {len(weights):,} n-grams, "
          f"cross-fitted accuracy {agree:.3f}", file=sys.stderr)
    return weights, prior, override


def write_char_model(weights: Weights, prior: tuple[float, ...], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write("\t" + "\t".join(f"{v:g}" for v in prior) + "\n")
        for gram, values in sorted(weights.items()):
            if "\t" not in gram and "\n" not in gram:
                f.write(gram + "\t" + "\t".join(f"{v:g}" for v in values) + "\n")
