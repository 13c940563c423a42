"""A small bidirectional LSTM tagger, run with numpy alone.

Its input is what a CRF of this package sees: a list of feature strings per token.  Each string is
hashed (CRC-32) into one of ``buckets`` rows of an embedding table; a token is the sum of its rows,
and a one-layer BiLSTM and a linear layer give each token a probability per label.  The weights are
trained with PyTorch by ``training/neural_tagger.py`` and stored as ``.npz`` (embeddings in float16
to keep the file small); reading them needs numpy only, so PyTorch is no run-time dependency.

All sentences of a document go through the LSTM together (padded to the longest), which keeps the
per-token cost of Python low.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

CACHE_LIMIT = 500_000  # feature strings whose bucket is remembered


def feature_ids(features: Sequence[str], buckets: int) -> list[int]:
    return [zlib.crc32(f.encode()) % buckets for f in features]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)  # the same function, without overflow warnings


class BiLSTMTagger:
    """Weights of ``training/neural_tagger.py``; :meth:`probabilities` tags a batch of sentences."""

    def __init__(self, path: str | Path):
        with np.load(path) as stored:
            self.labels: list[str] = [str(label) for label in stored["labels"]]
            embeddings = stored["embeddings"]
            self.buckets = embeddings.shape[0]
            self.embeddings = np.zeros((self.buckets + 1, embeddings.shape[1]), np.float32)
            self.embeddings[:-1] = embeddings
            self.directions = [
                tuple(stored[f"{name}_{direction}"].astype(np.float32) for name in ("w_ih", "w_hh", "bias"))
                for direction in ("forward", "backward")
            ]
            self.out_weight = stored["out_weight"].astype(np.float32)
            self.out_bias = stored["out_bias"].astype(np.float32)
        self._cache: dict[str, int] = {}

    def _ids(self, features: Sequence[str]) -> list[int]:
        """``feature_ids``, remembered: most feature strings recur from article to article."""
        cache = self._cache
        try:
            return [cache[f] for f in features]
        except KeyError:
            ids = feature_ids(features, self.buckets)
            if len(cache) > CACHE_LIMIT:
                cache.clear()
            cache.update(zip(features, ids))
            return ids

    def probabilities(self, sentences: Sequence[Sequence[Sequence[str]]]) -> list[np.ndarray]:
        """One ``(tokens, labels)`` array of probabilities per sentence, label order ``self.labels``."""
        lengths = [len(sentence) for sentence in sentences]
        if not lengths or max(lengths) == 0:
            return [np.zeros((n, len(self.labels)), np.float32) for n in lengths]
        rows: list[int] = []
        starts: list[int] = []
        for sentence in sentences:
            for features in sentence:
                starts.append(len(rows))
                rows.extend(self._ids(features))
                rows.append(self.buckets)  # the zero row: no token is an empty sum
        mask = np.arange(max(lengths))[None, :] < np.array(lengths)[:, None]
        inputs = np.zeros((*mask.shape, self.embeddings.shape[1]), np.float32)
        inputs[mask] = np.add.reduceat(self.embeddings[rows], starts, axis=0)
        hidden = np.concatenate([self._direction(inputs, mask, *self.directions[0], reverse=False),
                                 self._direction(inputs, mask, *self.directions[1], reverse=True)], axis=2)
        scores = hidden @ self.out_weight.T + self.out_bias
        scores -= scores.max(axis=2, keepdims=True)
        probabilities = np.exp(scores)
        probabilities /= probabilities.sum(axis=2, keepdims=True)
        return [probabilities[row, :n] for row, n in enumerate(lengths)]

    @staticmethod
    def _direction(inputs: np.ndarray, mask: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray,
                   bias: np.ndarray, *, reverse: bool) -> np.ndarray:
        """One LSTM direction (PyTorch's gate order i, f, g, o); padding leaves the state alone, so a
        backward pass starts fresh at each sentence's last token."""
        batch, steps, _ = inputs.shape
        size = w_hh.shape[1]
        projected = inputs @ w_ih.T + bias
        h = np.zeros((batch, size), np.float32)
        c = np.zeros((batch, size), np.float32)
        output = np.zeros((batch, steps, size), np.float32)
        for t in (range(steps - 1, -1, -1) if reverse else range(steps)):
            gates = projected[:, t] + h @ w_hh.T
            i, f = _sigmoid(gates[:, :size]), _sigmoid(gates[:, size:2 * size])
            g, o = np.tanh(gates[:, 2 * size:3 * size]), _sigmoid(gates[:, 3 * size:])
            live = mask[:, t, None]
            c = np.where(live, f * c + i * g, c)
            h = np.where(live, o * np.tanh(c), h)
            output[:, t] = np.where(live, h, 0.0)
        return output
