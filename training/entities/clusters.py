"""Word clusters and corpus statistics for the NER CRF: ``data/ner_clusters.tsv``.

Left/right neighbour counts over the 4,000 most frequent words of the unlabelled text
(``data.unlabelled_sentences``) → PPMI → truncated SVD (100 dims) → k-means with 1,000 clusters,
whose centroids are clustered again into 200 and 50.  Each word also gets four binned corpus
statistics a CRF cannot see in one sentence: share after an article, lower-case variants, share
after a known first name, share after a locative preposition.  Built by ``python -m training.entities``.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

from wortlaut.entities.ner import resources_
from wortlaut.formats.germeval import GermEvalSentence

from .data import unlabelled_sentences

ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
                      "im", "am", "zum", "zur", "vom", "beim", "ins", "Der", "Die", "Das", "Den", "Dem", "Des", "Ein",
                      "Eine", "Im", "Am", "Zum", "Zur", "Vom", "Beim"})
LOCATIVES = frozenset({"in", "aus", "nach", "bei", "In", "Aus", "Nach", "Bei"})
# the first line of the file; it names the script of the shipped build so a rebuild stays byte-identical
HEADER = ("# word<TAB>coarse<TAB>middle<TAB>fine cluster<TAB>after-article bin<TAB>lower-case bin<TAB>"
          "after-first-name bin<TAB>after-locative bin — built by training/train_ner.py (see models/ner.md)\n")


def share_bin(hits: int, total: int) -> str:
    """0: never; 1: rarely; 2: often; 3: mostly (share of a word's occurrences)."""
    if hits == 0:
        return "0"
    share = hits / total
    return "3" if share >= 0.5 else "2" if share >= 0.15 else "1"


def kmeans(x: np.ndarray, k: int, weights: np.ndarray, iterations: int, seed: int = 13
           ) -> tuple[np.ndarray, np.ndarray]:
    """Plain (weighted) k-means on unit rows; starts from k frequent rows."""
    rng = np.random.default_rng(seed)
    top = np.argsort(-weights)[: max(k * 3, k)]
    centroids = x[rng.choice(top, size=k, replace=False)].copy()
    assignment = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        scores = x @ centroids.T  # cosine similarity (rows are unit length)
        assignment = scores.argmax(axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assignment, x * weights[:, None])
        mass = np.bincount(assignment, weights=weights, minlength=k)
        empty = mass == 0
        sums[~empty] /= mass[~empty, None]
        sums[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centroids = sums / np.maximum(norms, 1e-9)
    return assignment, centroids


def ppmi_vectors(matrix: sparse.csr_matrix, dims: int) -> np.ndarray:
    """Unit word vectors from a word × context count matrix: positive PMI (how much more often than
    chance a word has this neighbour; context counts smoothed by ^0.75), truncated SVD."""
    matrix.sum_duplicates()
    total = matrix.sum()
    row_sum = np.asarray(matrix.sum(axis=1)).ravel()
    col_sum = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)
    u, s, _ = svds(ppmi, k=dims, random_state=7)
    vectors = u * np.sqrt(s)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def neighbour_counts(sentences: list[list[str]], index: dict[str, int], contexts: int) -> sparse.csr_matrix:
    """Word × (left neighbour, right neighbour) counts; neighbours beyond the ``contexts`` most
    frequent words share one id, the sentence edge another."""
    boundary = contexts
    rows, cols = [], []
    for sentence in sentences:
        ids = [index.get(w, -1) for w in sentence]
        ctx = [i if 0 <= i < contexts else contexts + 1 for i in ids]
        for position, word_id in enumerate(ids):
            if word_id < 0:
                continue
            left = ctx[position - 1] if position > 0 else boundary
            right = ctx[position + 1] if position + 1 < len(ids) else boundary
            rows.append(word_id)
            cols.append(left)
            rows.append(word_id)
            cols.append(contexts + 2 + right)
    width = 2 * (contexts + 2)
    return sparse.coo_matrix((np.ones(len(rows), dtype=np.float64), (np.array(rows), np.array(cols))),
                             shape=(len(index), width)).tocsr()


def build_clusters(train: list[GermEvalSentence], *, min_count: int = 2, contexts: int = 4000, dims: int = 100,
                   fine: int = 1000, middle: int = 200, coarse: int = 50) -> dict[str, tuple[str, ...]]:
    """Word -> (coarse, middle, fine cluster id, after-article, lower-case, after-first-name, after-locative bin)."""
    started = time.time()
    sentences = list(unlabelled_sentences(train))
    counts = Counter(word for sentence in sentences for word in sentence)
    vocab = [w for w, c in counts.most_common() if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    print(f"clusters: {len(sentences):,} sentences, {sum(counts.values()):,} tokens, {len(vocab):,} words "
          f"(count >= {min_count})", file=sys.stderr)
    vectors = ppmi_vectors(neighbour_counts(sentences, index, contexts), dims)
    weights = np.sqrt(np.array([counts[w] for w in vocab], dtype=np.float64))
    fine_ids, fine_centroids = kmeans(vectors, fine, weights, iterations=12)
    mass = np.bincount(fine_ids, weights=weights, minlength=fine) + 1e-6
    middle_of_fine, middle_centroids = kmeans(fine_centroids, middle, mass, iterations=20)
    mass_middle = np.bincount(middle_of_fine, weights=mass, minlength=middle) + 1e-6
    coarse_of_middle, _ = kmeans(middle_centroids, coarse, mass_middle, iterations=20)
    # How often a word follows an article (common nouns do, names mostly do not), a known first
    # name (surnames) or a locative preposition (places).
    first_names = resources_().first_names
    after_article, after_first_name, after_locative = Counter(), Counter(), Counter()
    for sentence in sentences:
        for previous, word in itertools.pairwise(sentence):
            if previous in ARTICLES:
                after_article[word] += 1
            elif previous in first_names:
                after_first_name[word] += 1
            elif previous in LOCATIVES:
                after_locative[word] += 1
    clusters = {}
    for word, f in zip(vocab, fine_ids):
        m = middle_of_fine[f]
        share = after_article[word] / counts[word]
        # how often it is also written in lower case (``Deutsche``/``deutsche``: an adjective, not a name)
        lower = counts.get(word.lower(), 0) / counts[word] if word[:1].isupper() else 0.0
        clusters[word] = (str(coarse_of_middle[m]), str(m), str(f),
                          str(sum(share >= t for t in (0.05, 0.2, 0.5))), str(sum(lower >= t for t in (0.1, 1.0, 5.0))),
                          share_bin(after_first_name[word], counts[word]),
                          share_bin(after_locative[word], counts[word]))
    print(f"clusters: built in {time.time() - started:.0f} s", file=sys.stderr)
    return clusters


def write_clusters(clusters: dict[str, tuple[str, ...]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for word, ids in clusters.items():
            if "\t" not in word and "\n" not in word:
                f.write(word + "\t" + "\t".join(ids) + "\n")
