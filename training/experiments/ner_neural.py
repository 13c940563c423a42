"""Experiment (not part of the shipped pipeline): a small neural NER tagger, alone and averaged
with the shipped CRF's marginals, on the fixed GermEval held-out split of ``training.entities``.

It answers whether a neural tagger raises outer strict chunk F1 (``wortlaut.evaluate.ner``, the
same scorer as the model card) before anyone ports one to numpy.  The split, the CRF attributes
(shipped tables plus the cross-fitted character model, as ``training.entities`` builds them) and the
CRF are the shipped ones: ``models/ner.crfsuite`` was trained on the training part only (plus
self-tagged unlabelled news), and scored here it gives the card's 0.755 / 0.636 / 0.690.

The network: the CRF's attribute strings of each token, hashed into 2^17 buckets and summed
(EmbeddingBag, 64 dims; each attribute dropped with p = 0.3 in training), a character CNN over
the word (16-dim characters, 32 filters of width 3, max-pooled) and fixed 64-dim word vectors
(PPMI over ±2 neighbours in ``training.entities.data.unlabelled_sentences`` -> truncated SVD; 33,900 words,
86 % of held-out tokens) -> BiLSTM (64 per direction) -> a CRF layer (BiLSTM-CRF, trained on the
sentence likelihood; ``--no-crf-head`` for a softmax).  Adam 2e-3, batches of 16 sentences,
8 epochs, three seeds averaged.  8.5 M trained parameters (8.4 M of them the hash table) plus the
word-vector table; about 80 s a seed on one core.  Combinations: per-token average (or weighted
geometric mean, "product") of the network's marginals and the CRF's, decoded by argmax plus
``repair_bio`` or by a Viterbi that forbids ``I-X`` after anything but ``B-X``/``I-X``.

Measured 2026-11-25 (1,005 held-out sentences; P / R / F1):

| variant | P | R | F1 |
|---|---|---|---|
| CRF, shipped model | 0.755 | 0.636 | 0.690 |
| CRF marginals, argmax | 0.744 | 0.635 | 0.685 |
| BiLSTM-CRF alone (default command) | 0.766 | 0.575 | 0.657 |
| average, network weight 0.3, Viterbi (default command; best) | 0.767 | 0.637 | **0.696** |
| average, network weight 0.5, Viterbi | 0.777 | 0.620 | 0.689 |
| average, network weight 0.7, Viterbi | 0.774 | 0.596 | 0.673 |
| the same averages, argmax + repair_bio (0.3 / 0.5 / 0.7) | | | 0.694 / 0.685 / 0.673 |
| product, network weight 0.3 / 0.5 / 0.7, Viterbi | | | 0.692 / 0.685 / 0.678 |
| default command with ``--seed 3`` (seeds 3-5): alone / average 0.3, Viterbi | | | 0.653 / 0.693 |
| BiLSTM-CRF + 13,145 CRF-tagged news sentences (``--self-train 20000 --epochs 5``): alone / best mix | | | 0.673 / 0.691 |
| softmax BiLSTM (``--no-crf-head``), 3 seeds, + self-training, 5 epochs: alone / best mix | | | 0.663 / 0.691 |
| softmax BiLSTM, one seed, 8 epochs: alone (Viterbi) / best mix | 0.722 | 0.554 | 0.627 / 0.691 |
| the same without word vectors / without the character CNN | | | 0.611 / 0.631 |
| the same without the CRF attributes (character CNN 64 + 100-dim vectors only) | | | 0.494 |

The best mix beats the CRF on 87 % of paired bootstrap resamples of the held-out sentences (69 %
with seeds 3-5), and its weight was picked on those same sentences among 12 mixes of several
networks, so the +0.003-0.006 is within the noise of this split (runs of one CRF setting differ
by up to ~0.005).  The network remembers seen names better (recall 0.926 vs 0.883) and
generalises worse (unseen 0.456 vs 0.552); the mix keeps the CRF's unseen recall (0.547) and
gains precision.  The distributional
vectors from the 1.5 million words of unlabelled text here add ~0.01 to the network alone and the
character CNN nothing measurable; neither reaches the CRF.  Softmax networks overfit after ~7
epochs (training loss -> 0; F1 falls to 0.59 by epoch 25).

Shipping cost, had it paid: the hash table is 2^17 x 64 = 8.4 M values (16.8 MB as float16,
8.4 MB as int8; 2^16 buckets halve it), the word vectors 33,900 x 64 (4.3 MB as float16), the rest
~130 k.  A rough numpy BiLSTM (hidden 64, 64 sentences a batch, random weights) ran ~16 µs a
token on one core, plus ~24 µs for hashing 70 attribute strings a token with ``zlib.crc32``
unless per-word sums are cached: ~25 k tokens/s naive, 40 k only with per-word caching.

Needs PyTorch, which wortlaut itself does not (``pip install
/opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl`` here) and ``../shared``;
caches HanTa tags and word vectors in ``/tmp/ner_neural_cache``::

    python -m training.experiments.ner_neural              # BiLSTM-CRF, 3 seeds, ~5 min
    python -m training.experiments.ner_neural --self-train 20000 --epochs 5
    python -m training.experiments.ner_neural --no-crf-head --seeds 1 [--vector-dims 0 | --char-filters 0]
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import random
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
import pycrfsuite
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

from wortlaut.entities.ner import MODEL_NAME, FeatureCache, chunks, repair_bio, resources_
from wortlaut.evaluate.ner import format_ner_report, score_tag_sequences

from ..common import MODELS
from ..entities.charmodel import char_model
from ..entities.clusters import ppmi_vectors
from ..entities.crf import featurize, seen_unseen_recall
from ..entities.data import corpus_sentences, germeval_split, pos_tags, unlabelled_sentences
from ..entities.lexicon import tag_corpus

CACHE = Path("/tmp/ner_neural_cache")  # POS tags and word vectors, outside the checkout
MAX_CHARS = 24


# --------------------------------------------------------------------------- data


def crf_features(train, validation):
    """The shipped model's features, built as ``training.entities`` builds them: shipped tables
    (gazetteer, clusters, lexicon) plus the character model with cross-fitted results for the
    words it was trained on (``char_model``), for both parts."""
    res = resources_()
    char_weights, char_prior, char_override = char_model(train, res)
    res = dataclasses.replace(res, char_weights=char_weights, char_prior=char_prior, char_override=char_override)
    features = FeatureCache(res)
    CACHE.mkdir(exist_ok=True)
    pos_file = CACHE / "pos.pkl"
    if pos_file.exists():
        pos_train, pos_val = pickle.loads(pos_file.read_bytes())
    else:
        pos_train = pos_tags([s.words for s in train], True)
        pos_val = pos_tags([s.words for s in validation], True)
        pos_file.write_bytes(pickle.dumps((pos_train, pos_val)))
    x_train = featurize([s.words for s in train], pos_train, features)
    x_val = featurize([s.words for s in validation], pos_val, features)
    return x_train, x_val, features


def self_trained(crf_path: Path, features, limit: int, threshold: float = 0.9):
    """Unlabelled news and parliament sentences (``training.entities.data.corpus_sentences``) that the CRF
    tags with sequence probability >= ``threshold`` and at least one entity, with its tags: the
    same selection as the shipped model's self-training, made with the shipped (final) CRF."""
    path = CACHE / "corpus-pos.pkl"
    if path.exists():
        corpus = pickle.loads(path.read_bytes())
    else:
        corpus = corpus_sentences(True, True)
        path.write_bytes(pickle.dumps(corpus))
    chosen, tags, _ = tag_corpus(crf_path, corpus, features, limit, threshold)
    words = [corpus[i][0] for i in chosen]
    x = featurize(words, [corpus[i][1] for i in chosen], features)
    return words, x, tags


def word_vectors(train, dims: int, contexts: int = 5000, min_count: int = 3, max_words: int = 60000):
    """Distributional vectors from the unlabelled text (``training.entities.data.unlabelled_sentences``: the
    GermEval training part, 10kGNAD, SpkAtt, Redewiedergabe, SmartData text): counts of the
    ``contexts`` most frequent lower-cased words at offsets -2, -1, +1, +2 -> PPMI -> truncated
    SVD.  Returns word -> unit vector for the ``max_words`` most frequent forms."""
    path = CACHE / f"vectors-{dims}-{contexts}-{max_words}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from scipy import sparse

    started = time.time()
    sentences = list(unlabelled_sentences(train))
    counts = Counter(w for s in sentences for w in s)
    vocab = [w for w, c in counts.most_common(max_words) if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    low_counts = Counter()
    for w, c in counts.items():
        low_counts[w.lower()] += c
    context_index = {w: i for i, (w, _) in enumerate(low_counts.most_common(contexts))}
    width = contexts + 2  # + boundary, + rare
    rows, cols = [], []
    for s in sentences:
        ids = [index.get(w, -1) for w in s]
        ctx = [context_index.get(w.lower(), contexts + 1) for w in s]
        n = len(s)
        for p, wid in enumerate(ids):
            if wid < 0:
                continue
            for k, off in enumerate((-2, -1, 1, 2)):
                q = p + off
                rows.append(wid)
                cols.append(k * width + (ctx[q] if 0 <= q < n else contexts))
    m = sparse.coo_matrix((np.ones(len(rows)), (np.array(rows), np.array(cols))),
                          shape=(len(vocab), 4 * width)).tocsr()
    vectors = ppmi_vectors(m, dims)
    result = {w: vectors[i].astype(np.float32) for i, w in enumerate(vocab)}
    print(f"word vectors: {len(sentences):,} sentences, {len(vocab):,} words, {dims} dims, "
          f"{time.time() - started:.0f} s", file=sys.stderr)
    path.write_bytes(pickle.dumps(result))
    return result


# --------------------------------------------------------------------------- model


class Tagger(nn.Module):
    """Hashed CRF attributes (EmbeddingBag, sum) + character CNN over the word + frozen word
    vectors -> BiLSTM -> label scores."""

    def __init__(self, n_labels: int, buckets: int, dim: int, hidden: int, char_dim: int, char_filters: int,
                 vectors: np.ndarray | None, char_buckets: int = 512, labels: list[str] | None = None):
        super().__init__()
        self.crf_head = labels is not None  # a linear-chain CRF layer over the scores (BiLSTM-CRF)
        if self.crf_head:
            self.transitions = nn.Parameter(torch.zeros(n_labels, n_labels))
            self.start = nn.Parameter(torch.zeros(n_labels))
            self.end = nn.Parameter(torch.zeros(n_labels))
            allowed = torch.tensor(allowed_transitions(labels))
            self.register_buffer("forbidden", torch.where(allowed, 0.0, -1e4))
            self.register_buffer("forbidden_start", torch.tensor([-1e4 if label.startswith("I-") else 0.0
                                                                  for label in labels]))
        self.dim = dim  # 0: no hashed CRF attributes (a bucket table of one row keeps the code simple)
        self.features = nn.EmbeddingBag(buckets if dim else 1, dim or 1, mode="sum", sparse=True)
        nn.init.normal_(self.features.weight, std=0.02)
        width = dim
        self.char_filters = char_filters
        if char_filters:
            self.chars = nn.Embedding(char_buckets, char_dim, padding_idx=0)
            self.conv = nn.Conv1d(char_dim, char_filters, kernel_size=3, padding=1)
            width += char_filters
        if vectors is not None:
            self.vectors = nn.Embedding.from_pretrained(torch.tensor(vectors), freeze=True)
            width += vectors.shape[1]
        else:
            self.vectors = None
        self.dropout = nn.Dropout(0.3)
        self.lstm = nn.LSTM(width, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, n_labels)

    def forward(self, flat, offsets, weights, chars, word_ids, lengths):
        scores = self.emissions(flat, offsets, weights, chars, word_ids, lengths)
        return torch.cat([scores[i, :n] for i, n in enumerate(lengths)])

    def emissions(self, flat, offsets, weights, chars, word_ids, lengths):
        """Label scores, padded: sentences x longest x labels."""
        parts = [self.features(flat, offsets, per_sample_weights=weights)] if self.dim else []
        if self.char_filters:
            c = self.chars(chars).transpose(1, 2)  # tokens x dim x chars
            parts.append(torch.relu(self.conv(c)).max(dim=2).values)
        if self.vectors is not None:
            parts.append(self.vectors(word_ids))
        x = self.dropout(torch.cat(parts, dim=1))
        seqs = pad_sequence(list(torch.split(x, lengths)), batch_first=True)
        packed = pack_padded_sequence(seqs, torch.tensor(lengths), batch_first=True, enforce_sorted=False)
        hidden, _ = self.lstm(packed)
        hidden, _ = pad_packed_sequence(hidden, batch_first=True)
        return self.out(self.dropout(hidden))

    def log_partition(self, emissions: torch.Tensor, lengths: list[int]) -> torch.Tensor:
        mask = torch.arange(emissions.shape[1])[None, :] < torch.tensor(lengths)[:, None]
        transitions = self.transitions + self.forbidden
        alpha = self.start + self.forbidden_start + emissions[:, 0]
        for t in range(1, emissions.shape[1]):
            step = torch.logsumexp(alpha[:, :, None] + transitions[None], dim=1) + emissions[:, t]
            alpha = torch.where(mask[:, t, None], step, alpha)
        return torch.logsumexp(alpha + self.end, dim=1)

    def crf_loss(self, inputs, targets: list[torch.Tensor]) -> torch.Tensor:
        lengths = inputs[-1]
        emissions = self.emissions(*inputs)
        transitions = self.transitions + self.forbidden
        gold = []
        for i, y in enumerate(targets):
            e = emissions[i, :len(y)].gather(1, y[:, None]).sum()
            gold.append(e + transitions[y[:-1], y[1:]].sum() + self.start[y[0]] + self.end[y[-1]])
        return (self.log_partition(emissions, lengths) - torch.stack(gold)).sum() / sum(lengths)

    def marginals(self, inputs) -> torch.Tensor:
        """Per-token label marginals (the gradient of log Z by the emissions), concatenated."""
        lengths = inputs[-1]
        with torch.enable_grad():
            emissions = self.emissions(*inputs).detach().requires_grad_(True)
            self.log_partition(emissions, lengths).sum().backward()
        grad = emissions.grad
        return torch.cat([grad[i, :n] for i, n in enumerate(lengths)])


def char_ids(word: str, buckets: int = 512) -> list[int]:
    padded = "<" + word[:MAX_CHARS - 2] + ">"
    return [1 + ord(c) % (buckets - 1) for c in padded]


@dataclasses.dataclass
class Encoded:
    ids: list[np.ndarray]  # per sentence: hashed feature ids, flat
    counts: list[np.ndarray]  # per sentence: features per token
    chars: list[torch.Tensor]  # per sentence: tokens x MAX_CHARS
    words: list[torch.Tensor]  # per sentence: row in the word-vector table
    labels: list[torch.Tensor] | None


def encode(x, sentences, labels, buckets: int, word_row: dict[str, int], label_index: dict[str, int]) -> Encoded:
    ids, counts, chars, words = [], [], [], []
    for attrs, words_ in zip(x, sentences):
        ids.append(np.array([zlib.crc32(f.encode()) % buckets for token in attrs for f in token], dtype=np.int64))
        counts.append(np.array([len(token) for token in attrs], dtype=np.int64))
        c = np.zeros((len(words_), MAX_CHARS), dtype=np.int64)
        for i, w in enumerate(words_):
            cid = char_ids(w)
            c[i, :len(cid)] = cid
        chars.append(torch.tensor(c))
        words.append(torch.tensor([word_row.get(w, word_row.get(w.lower(), 0)) for w in words_]))
    y = [torch.tensor([label_index[t] for t in tags]) for tags in labels] if labels is not None else None
    return Encoded(ids, counts, chars, words, y)


def batch_inputs(data: Encoded, batch: list[int], feature_dropout: float = 0.0):
    flat = torch.from_numpy(np.concatenate([data.ids[i] for i in batch]))
    counts = np.concatenate([data.counts[i] for i in batch])
    offsets = torch.from_numpy(np.concatenate([[0], np.cumsum(counts)[:-1]]))
    weights = torch.ones(len(flat))
    if feature_dropout:
        weights = (torch.rand(len(flat)) >= feature_dropout).float()
    chars = torch.cat([data.chars[i] for i in batch])
    words = torch.cat([data.words[i] for i in batch])
    lengths = [len(data.chars[i]) for i in batch]
    return flat, offsets, weights, chars, words, lengths


def predict_probabilities(model: Tagger, data: Encoded, batch_size: int = 64) -> list[np.ndarray]:
    model.eval()
    result = []
    with torch.no_grad():
        for start in range(0, len(data.ids), batch_size):
            batch = list(range(start, min(start + batch_size, len(data.ids))))
            inputs = batch_inputs(data, batch)
            probs = (model.marginals(inputs) if model.crf_head else torch.softmax(model(*inputs), -1)).numpy()
            result.extend(np.split(probs, np.cumsum(inputs[-1])[:-1]))
    return result


# --------------------------------------------------------------------------- decoding


def allowed_transitions(labels: list[str]) -> np.ndarray:
    """allowed[i, j]: label j may follow label i (``I-X`` only after ``B-X``/``I-X``)."""
    n = len(labels)
    allowed = np.ones((n, n), dtype=bool)
    for j, b in enumerate(labels):
        if b.startswith("I-"):
            for i, a in enumerate(labels):
                allowed[i, j] = a[2:] == b[2:] and a != "O"
    return allowed


def viterbi(probs: np.ndarray, allowed: np.ndarray, start_ok: np.ndarray) -> list[int]:
    logp = np.log(np.maximum(probs, 1e-12))
    penalty = np.where(allowed, 0.0, -1e9)
    score = logp[0] + np.where(start_ok, 0.0, -1e9)
    back = []
    for t in range(1, len(probs)):
        total = score[:, None] + penalty
        best = total.argmax(axis=0)
        back.append(best)
        score = total[best, np.arange(len(best))] + logp[t]
    path = [int(score.argmax())]
    for best in reversed(back):
        path.append(int(best[path[-1]]))
    return path[::-1]


def decode(prob_list: list[np.ndarray], labels: list[str], constrained: bool) -> list[list[str]]:
    if not constrained:
        return [repair_bio([labels[k] for k in p.argmax(axis=1)]) for p in prob_list]
    allowed = allowed_transitions(labels)
    start_ok = np.array([not label.startswith("I-") for label in labels])
    return [[labels[k] for k in viterbi(p, allowed, start_ok)] for p in prob_list]


def crf_marginals(tagger: pycrfsuite.Tagger, x, labels: list[str]) -> list[np.ndarray]:
    known = set(tagger.labels())
    result = []
    for attrs in x:
        tagger.set(attrs)
        result.append(np.array([[tagger.marginal(label, i) if label in known else 0.0 for label in labels]
                                for i in range(len(attrs))]))
    return result


def bootstrap(gold: list[list[str]], a: list[list[str]], b: list[list[str]], samples: int = 1000) -> float:
    """Share of sentence resamples (paired bootstrap) on which ``b`` has the higher chunk F1 than ``a``."""
    def counts(predicted):
        rows = []
        for g, p in zip(gold, predicted):
            gc, pc = set(chunks(g)), set(chunks(p))
            rows.append((len(gc & pc), len(pc), len(gc)))
        return np.array(rows, dtype=np.float64)

    def f1(rows):
        tp, n_pred, n_gold = rows.sum(axis=0)
        return 2 * tp / max(n_pred + n_gold, 1)

    ca, cb = counts(a), counts(b)
    rng = np.random.default_rng(1)
    wins = 0
    for _ in range(samples):
        pick = rng.integers(0, len(gold), len(gold))
        wins += f1(cb[pick]) > f1(ca[pick])
    return wins / samples


def line(name: str, result: dict) -> str:
    o = result["overall"]
    return f"{name:<42} P {o['precision']:.3f}  R {o['recall']:.3f}  F1 {o['f1']:.3f}"


def train_model(args, labels, data_train, data_val, y_val, vectors, buckets):
    model = Tagger(len(labels), buckets, args.dim, args.hidden, args.char_dim, args.char_filters, vectors,
                   labels=labels if args.crf_head else None)
    n_params = sum(p.numel() for n, p in model.named_parameters() if p.requires_grad)
    n_vectors = vectors.size if vectors is not None else 0
    print(f"model: {n_params:,} trained parameters ({model.features.weight.numel():,} in the hashed attributes)"
          f" + {n_vectors:,} fixed word-vector values (the GermEval words' rows of the table)", file=sys.stderr)
    sparse_opt = torch.optim.SparseAdam(list(model.features.parameters()), lr=args.lr)
    dense_opt = torch.optim.Adam([p for n, p in model.named_parameters() if not n.startswith("features")
                                  and p.requires_grad], lr=args.lr)
    class_weights = torch.ones(len(labels))
    class_weights[0] = args.o_weight
    order = list(range(len(data_train.ids)))
    t0 = time.time()
    for epoch in range(args.epochs):
        model.train()
        random.shuffle(order)
        total = 0.0
        for start in range(0, len(order), args.batch):
            batch = order[start:start + args.batch]
            inputs = batch_inputs(data_train, batch, args.feature_dropout)
            sparse_opt.zero_grad()
            dense_opt.zero_grad()
            if args.crf_head:
                loss = model.crf_loss(inputs, [data_train.labels[i] for i in batch])
            else:
                target = torch.cat([data_train.labels[i] for i in batch])
                loss = nn.functional.cross_entropy(model(*inputs), target, weight=class_weights)
            loss.backward()
            nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad and not p.is_sparse
                                      and p.grad is not None and not p.grad.is_sparse], 5.0)
            sparse_opt.step()
            dense_opt.step()
            total += loss.item() * len(batch)
        neural = predict_probabilities(model, data_val)
        score = score_tag_sequences(y_val, decode(neural, labels, args.crf_head))
        print(f"epoch {epoch + 1}: loss {total / len(order):.4f}, {line('neural', score)} "
              f"({time.time() - t0:.0f} s)", flush=True)
    return model, n_params


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--buckets", type=int, default=17, help="log2 of the hash buckets")
    parser.add_argument("--dim", type=int, default=64)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--char-dim", type=int, default=16)
    parser.add_argument("--char-filters", type=int, default=32, help="0: no character CNN")
    parser.add_argument("--vector-dims", type=int, default=64, help="0: no word vectors")
    parser.add_argument("--feature-dropout", type=float, default=0.3,
                        help="drop each hashed attribute of a training token with this probability")
    parser.add_argument("--o-weight", type=float, default=1.0, help="loss weight of O (entity labels 1)")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-crf-head", dest="crf_head", action="store_false",
                        help="softmax output instead of a CRF layer over the BiLSTM (trained on the sequence "
                        "likelihood; its marginals are what is averaged)")
    parser.add_argument("--seeds", type=int, default=3, help="train this many models (seeds) and average their outputs")
    parser.add_argument("--self-train", type=int, default=0, metavar="N",
                        help="also train on up to N unlabelled sentences the CRF tags confidently "
                             "(as training.entities does)")
    parser.add_argument("--crf", type=Path, default=MODELS / MODEL_NAME,
                        help="CRF to average with (default: the shipped model, trained on the training part only)")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    started = time.time()

    train, validation = germeval_split()
    x_train, x_val, features = crf_features(train, validation)
    words_train = [s.words for s in train]
    y_train = [[r.outer for r in s.rows] for s in train]
    if args.self_train:
        extra_words, extra_x, extra_y = self_trained(args.crf, features, args.self_train)
        print(f"self-training: {len(extra_words):,} CRF-tagged sentences added", file=sys.stderr)
        words_train, x_train, y_train = words_train + extra_words, x_train + extra_x, y_train + extra_y
    y_val = [[r.outer for r in s.rows] for s in validation]
    print(f"GermEval: {len(train)} training, {len(validation)} held-out sentences; features "
          f"{time.time() - started:.0f} s", file=sys.stderr)

    crf = pycrfsuite.Tagger()
    crf.open(str(args.crf))
    crf_tags = [repair_bio(crf.tag(attrs)) for attrs in x_val]
    results = {"CRF (shipped model)": score_tag_sequences(y_val, crf_tags)}
    tags_of = {"CRF (shipped model)": crf_tags}
    print(line("CRF (shipped model)", results["CRF (shipped model)"]), flush=True)

    labels = ["O"] + sorted({t for tags in y_train for t in tags} - {"O"})
    label_index = {label: k for k, label in enumerate(labels)}
    vectors, word_row = None, {}
    if args.vector_dims:
        table = word_vectors(train, args.vector_dims)
        needed = {w for s in words_train + [v.words for v in validation] for w in s}
        needed |= {w.lower() for w in needed}
        rows = [np.zeros(args.vector_dims, dtype=np.float32)]
        for w in sorted(needed):
            if w in table:
                word_row[w] = len(rows)
                rows.append(table[w])
        vectors = np.stack(rows)
        covered = np.mean([w in word_row or w.lower() in word_row for s in validation for w in s.words])
        print(f"word vectors: {len(table):,} in the table, held-out tokens covered {covered:.3f}", file=sys.stderr)
    buckets = 1 << args.buckets
    data_train = encode(x_train, words_train, y_train, buckets, word_row, label_index)
    data_val = encode(x_val, [s.words for s in validation], None, buckets, word_row, label_index)

    n_params = 0
    seed_probs = []
    t0 = time.time()
    for seed in range(args.seed, args.seed + args.seeds):
        torch.manual_seed(seed)
        random.seed(seed)
        model, n_params = train_model(args, labels, data_train, data_val, y_val, vectors, buckets)
        seed_probs.append(predict_probabilities(model, data_val))
    neural = [sum(ps) / len(ps) for ps in zip(*seed_probs)]
    train_seconds = time.time() - t0

    marginals = crf_marginals(crf, x_val, labels)
    results["CRF marginals, argmax"] = score_tag_sequences(y_val, decode(marginals, labels, False))
    for constrained in (False, True):
        how = "Viterbi" if constrained else "argmax"
        tags_of[f"neural alone, {how}"] = decode(neural, labels, constrained)
        results[f"neural alone, {how}"] = score_tag_sequences(y_val, tags_of[f"neural alone, {how}"])
        for weight in (0.3, 0.5, 0.7):
            mixed = [weight * p + (1 - weight) * m for p, m in zip(neural, marginals)]
            tags_of[f"average, neural weight {weight}, {how}"] = decode(mixed, labels, constrained)
            product = [np.exp(weight * np.log(p + 1e-12) + (1 - weight) * np.log(m + 1e-12))
                       for p, m in zip(neural, marginals)]
            product = [q / q.sum(axis=1, keepdims=True) for q in product]
            tags_of[f"product, neural weight {weight}, {how}"] = decode(product, labels, constrained)
    for name, tags in tags_of.items():
        if name not in results:
            results[name] = score_tag_sequences(y_val, tags)
    print()
    for name, result in results.items():
        print(line(name, result))
    best = max((n for n in results if n.startswith(("average", "product"))), key=lambda n: results[n]["overall"]["f1"])
    print(f"\nbest: {best}\n{format_ner_report(results[best])}")
    print(f"paired bootstrap (1,000 sentence resamples): {best} beats the CRF on "
          f"{bootstrap(y_val, crf_tags, tags_of[best]):.0%} of them")
    for name in ("CRF (shipped model)", "neural alone, Viterbi", best):
        seen, unseen, share = seen_unseen_recall(train, validation, tags_of[name])
        print(f"recall on seen / unseen chunks ({share:.0%} unseen), {name}: {seen:.3f} / {unseen:.3f}")
    print(f"\nneural: {n_params:,} trained parameters; training {train_seconds:.0f} s ({args.epochs} epochs); "
          f"total {time.time() - started:.0f} s; settings {vars(args)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
