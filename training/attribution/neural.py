"""Training of ``wortlaut.attribution.neural.BiLSTMTagger`` with PyTorch (needed here only, not by
wortlaut): the BiLSTM cue tagger (and optionally role tagger) that ``python -m training.attribution``
averages with the CRFs.

The model reads a CRF's feature strings (hashed into ``buckets`` embedding rows, summed per token),
runs a one-layer BiLSTM and a linear layer; it is trained in small batches of sentences with Adam and a
class-weighted cross-entropy (the labels of interest are rare).  ``export`` writes the weights in
the layout ``wortlaut.attribution.neural`` reads and checks that numpy gives PyTorch's probabilities.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from wortlaut.attribution.neural import BiLSTMTagger, feature_ids

from ..common import Example


@dataclass(frozen=True)
class NeuralParams:
    buckets: int = 1 << 16
    dim: int = 64
    hidden: int = 64
    epochs: int = 7
    batch: int = 8  # sentences per update
    learning_rate: float = 2e-3
    dropout: float = 0.3
    label_weight: float = 3.0  # weight of every label but the first (``O``) in the loss
    seed: int = 0
    threads: int = 1  # also keeps a run reproducible


def token_ids(features: Sequence[Sequence[str]], buckets: int) -> list[list[int]]:
    """``feature_ids`` of each token's feature strings."""
    flat = feature_ids([f for token in features for f in token], buckets).tolist()
    ids, start = [], 0
    for token in features:
        ids.append(flat[start:start + len(token)])
        start += len(token)
    return ids


def _torch():
    try:
        import torch
    except ImportError as error:  # the neural taggers are optional at training time too
        raise SystemExit("training the neural tagger needs PyTorch: pip install torch "
                         "(or pass --no-neural)") from error
    return torch


def _module(torch, params: NeuralParams, n_labels: int):
    nn = torch.nn

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.EmbeddingBag(params.buckets, params.dim, mode="sum", sparse=True)
            self.dropout = nn.Dropout(params.dropout)
            self.lstm = nn.LSTM(params.dim, params.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * params.hidden, n_labels)

        def forward(self, batch: list[list[list[int]]]):
            """Scores ``(sentences, longest, labels)`` for a batch of sentences of feature ids."""
            tokens = [token for sentence in batch for token in sentence]
            flat = torch.tensor([i for token in tokens for i in token], dtype=torch.long)
            offsets = torch.tensor([0] + [len(token) for token in tokens[:-1]]).cumsum(0)
            vectors = self.features(flat, offsets).split([len(sentence) for sentence in batch])
            padded = nn.utils.rnn.pad_sequence(vectors, batch_first=True)
            lengths = torch.tensor([len(sentence) for sentence in batch])
            packed = nn.utils.rnn.pack_padded_sequence(self.dropout(padded), lengths, batch_first=True,
                                                       enforce_sorted=False)
            hidden, _ = self.lstm(packed)
            hidden, _ = nn.utils.rnn.pad_packed_sequence(hidden, batch_first=True, total_length=padded.shape[1])
            return self.out(self.dropout(hidden))

    return Tagger()


def train(examples: Sequence[Example], labels: Sequence[str], params: NeuralParams = NeuralParams(),
          *, log=print):
    """A trained PyTorch module (pass it to :func:`export`)."""
    torch = _torch()
    torch.manual_seed(params.seed)
    torch.set_num_threads(params.threads)
    rng = random.Random(params.seed)
    model = _module(torch, params, len(labels))
    sparse = torch.optim.SparseAdam(list(model.features.parameters()), lr=params.learning_rate)
    dense = torch.optim.Adam([p for name, p in model.named_parameters() if not name.startswith("features")],
                             lr=params.learning_rate)
    weights = torch.tensor([1.0] + [params.label_weight] * (len(labels) - 1))
    index = {label: k for k, label in enumerate(labels)}
    sentences = [(token_ids(features, params.buckets), [index[label] for label in gold])
                 for features, gold in examples if features]
    for epoch in range(params.epochs):
        started = time.time()
        model.train()
        rng.shuffle(sentences)
        for start in range(0, len(sentences), params.batch):
            batch = sentences[start:start + params.batch]
            target = torch.full((len(batch), max(len(gold) for _, gold in batch)), -100)  # -100: padding
            for row, (_, gold) in enumerate(batch):
                target[row, :len(gold)] = torch.tensor(gold)
            sparse.zero_grad()
            dense.zero_grad()
            scores = model([ids for ids, _ in batch])
            torch.nn.functional.cross_entropy(scores.reshape(-1, len(labels)), target.reshape(-1),
                                              weight=weights, ignore_index=-100).backward()
            sparse.step()
            dense.step()
        log(f"  neural epoch {epoch + 1}/{params.epochs}: {time.time() - started:.0f} s")
    model.eval()
    return model


def export(model, labels: Sequence[str], path: Path, check: Sequence[Example] = ()) -> BiLSTMTagger:
    """Write ``path`` (.npz) and return it loaded; with ``check``, assert numpy agrees with PyTorch."""
    torch = _torch()
    state = {name: value.detach().numpy() for name, value in model.state_dict().items()}
    arrays = {
        "labels": np.array(list(labels)),
        "embeddings": state["features.weight"].astype(np.float16),
        "out_weight": state["out.weight"],
        "out_bias": state["out.bias"],
    }
    for direction, suffix in (("forward", ""), ("backward", "_reverse")):
        arrays[f"w_ih_{direction}"] = state[f"lstm.weight_ih_l0{suffix}"]
        arrays[f"w_hh_{direction}"] = state[f"lstm.weight_hh_l0{suffix}"]
        arrays[f"bias_{direction}"] = state[f"lstm.bias_ih_l0{suffix}"] + state[f"lstm.bias_hh_l0{suffix}"]
    np.savez_compressed(path, **arrays)
    loaded = BiLSTMTagger(path)
    sentences = [features for features, _ in check if features]
    if sentences:
        # the stored embeddings are float16: compare with PyTorch running on the same rounded table
        with torch.no_grad():
            model.features.weight.copy_(torch.from_numpy(arrays["embeddings"].astype(np.float32)))
            expected = [torch.softmax(model([token_ids(s, loaded.buckets)])[0], -1).numpy()
                        for s in sentences]
        got = loaded.probabilities(sentences)
        worst = max(float(np.abs(a - b).max()) for a, b in zip(expected, got))
        assert worst < 1e-4, f"numpy and PyTorch disagree by {worst}"
    return loaded
