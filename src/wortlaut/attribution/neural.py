"""A small bidirectional LSTM tagger, run with numpy alone.

Its input is what a CRF of this package sees: a list of feature strings per token.  Each string is
hashed (``feature_ids``) into one of ``buckets`` rows of an embedding table; a token is the sum of its rows,
and a one-layer BiLSTM and a linear layer give each token a probability per label.  The weights are
trained with PyTorch by ``training/attribution/neural.py`` and stored as ``.npz`` (embeddings in float16
to keep the file small); reading them needs numpy only, so PyTorch is no run-time dependency.

The sentences of a document go through the LSTM together, ``BATCH`` at a time (padded to the
longest), both directions in one loop, which keeps the per-token cost of Python low.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

MAX_STEPS = 256  # tokens of a sentence the LSTM reads in one pass (SpkAtt's longest sentences have ~150)
BATCH = 32  # sentences that go through the LSTM together
_BASE = 0xD6E8FEB86659FD93  # odd: invertible modulo 2^64
_MIX = 0x9E3779B97F4A7C15
_powers = np.ones(1, np.uint64)  # _BASE^i and its inverse^i modulo 2^64, grown on demand
_inverse_powers = np.ones(1, np.uint64)


def _power_tables(n: int) -> tuple[np.ndarray, np.ndarray]:
    global _powers, _inverse_powers
    if len(_powers) < n:
        size = max(n, 2 * len(_powers))
        _powers = np.cumprod(np.r_[1, np.full(size - 1, _BASE, np.uint64)].astype(np.uint64), dtype=np.uint64)
        inverse = pow(_BASE, -1, 1 << 64)
        _inverse_powers = np.cumprod(np.r_[1, np.full(size - 1, inverse, np.uint64)].astype(np.uint64),
                                     dtype=np.uint64)
    return _powers, _inverse_powers


def feature_ids(features: Sequence[str], buckets: int) -> np.ndarray:
    """The bucket of each feature string (``buckets`` a power of two).  A polynomial hash of the
    UTF-8 bytes modulo 2^64, then a multiplicative mix: computed for all strings at once with
    numpy prefix sums, not string by string in Python, because the taggers hash tens of feature
    strings for every token."""
    bits = buckets.bit_length() - 1
    if buckets != 1 << bits:
        raise ValueError(f"buckets must be a power of two, not {buckets}")
    if not features:
        return np.zeros(0, np.int64)
    data = np.frombuffer("\0".join(features).encode(), np.uint8)
    ends = np.flatnonzero(data == 0)
    if len(ends) != len(features) - 1:  # a NUL inside a feature: hash it as a space
        return feature_ids([f.replace("\0", " ") for f in features], buckets)
    starts = np.r_[0, ends + 1]
    stops = np.r_[ends, len(data)]
    powers, inverse_powers = _power_tables(len(data) + 1)
    prefix = np.r_[np.uint64(0), np.cumsum(data.astype(np.uint64) * powers[:len(data)], dtype=np.uint64)]
    hashes = (prefix[stops] - prefix[starts]) * inverse_powers[starts]  # as if each string started at 0
    hashes ^= hashes >> np.uint64(29)
    hashes *= np.uint64(_MIX)
    return (hashes >> np.uint64(64 - bits)).astype(np.int64) if bits else np.zeros(len(features), np.int64)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)  # the same function, without overflow warnings


class BiLSTMTagger:
    """Weights of ``training/attribution/neural.py``; :meth:`probabilities` tags a batch of sentences."""

    def __init__(self, path: str | Path):
        with np.load(path) as stored:
            self.labels: list[str] = [str(label) for label in stored["labels"]]
            self.embeddings = stored["embeddings"].astype(np.float32)
            self.buckets = self.embeddings.shape[0]
            # both directions stacked, PyTorch's gate order i, f, g, o changed to i, f, o, g (one
            # sigmoid over the first three quarters), matrices transposed for ``x @ w``
            w_ih, w_hh, bias = [], [], []
            for direction in ("forward", "backward"):
                size = stored[f"w_hh_{direction}"].shape[1]
                order = np.r_[0:2 * size, 3 * size:4 * size, 2 * size:3 * size]
                w_ih.append(stored[f"w_ih_{direction}"][order].T)
                w_hh.append(stored[f"w_hh_{direction}"][order].T)
                bias.append(stored[f"bias_{direction}"][order])
            self.w_ih = np.stack(w_ih).astype(np.float32)  # (2, dim, 4 size)
            self.w_hh = np.stack(w_hh).astype(np.float32)  # (2, size, 4 size)
            self.bias = np.stack(bias).astype(np.float32)[:, None, None, :]
            self.out_weight = stored["out_weight"].astype(np.float32)
            self.out_bias = stored["out_bias"].astype(np.float32)

    def probabilities(self, sentences: Sequence[Sequence[Sequence[str]]]) -> list[np.ndarray]:
        """One ``(tokens, labels)`` array of probabilities per sentence, label order ``self.labels``."""
        if any(len(sentence) > MAX_STEPS for sentence in sentences):
            # a sentence of thousands of tokens would make thousands of sequential LSTM steps; its
            # windows of MAX_STEPS run side by side instead (context across a window edge is lost)
            windows = [(number, sentence[start:start + MAX_STEPS]) for number, sentence in enumerate(sentences)
                       for start in range(0, max(len(sentence), 1), MAX_STEPS)]
            parts = self.probabilities([window for _, window in windows])
            joined: list[list[np.ndarray]] = [[] for _ in sentences]
            for (number, _), part in zip(windows, parts):
                joined[number].append(part)
            return [np.concatenate(part) for part in joined]
        if len(sentences) > BATCH:  # bounds the memory a long document takes
            return [p for start in range(0, len(sentences), BATCH)
                    for p in self.probabilities(sentences[start:start + BATCH])]
        lengths = [len(sentence) for sentence in sentences]
        if not lengths or max(lengths) == 0:
            return [np.zeros((n, len(self.labels)), np.float32) for n in lengths]
        counts = np.array([len(features) for sentence in sentences for features in sentence])
        rows = self.embeddings[feature_ids([f for sentence in sentences for features in sentence for f in features],
                                           self.buckets)]
        if counts.all():
            vectors = np.add.reduceat(rows, np.r_[0, np.cumsum(counts)[:-1]], axis=0)
        else:  # reduceat cannot sum nothing: differences of running sums
            running = np.r_[np.zeros((1, rows.shape[1])), np.cumsum(rows, axis=0, dtype=np.float64)]
            ends = np.cumsum(counts)
            vectors = (running[ends] - running[ends - counts]).astype(np.float32)
        mask = np.arange(max(lengths))[None, :] < np.array(lengths)[:, None]
        inputs = np.zeros((*mask.shape, self.embeddings.shape[1]), np.float32)
        inputs[mask] = vectors
        hidden = self._bilstm(inputs, np.array(lengths))
        scores = hidden @ self.out_weight.T + self.out_bias
        scores -= scores.max(axis=2, keepdims=True)
        probabilities = np.exp(scores)
        probabilities /= probabilities.sum(axis=2, keepdims=True)
        return [probabilities[row, :n] for row, n in enumerate(lengths)]

    def _bilstm(self, inputs: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Both LSTM directions at once; the backward one reads each sentence reversed and
        left-aligned, so that padding (always at the end) never reaches a real token's state.
        Sentences are taken longest first, so that each step only computes the ones still running."""
        order = np.argsort(-lengths, kind="stable")
        inputs, lengths = inputs[order], lengths[order]
        batch, steps = inputs.shape[:2]
        size = self.w_hh.shape[1]
        position = np.arange(steps)[None, :]
        reverse = np.where(position < lengths[:, None], lengths[:, None] - 1 - position, position)
        backward = np.take_along_axis(inputs, reverse[:, :, None], axis=1)
        projected = np.stack([inputs, backward]) @ self.w_ih[:, None] + self.bias  # (2, batch, steps, 4 size)
        running = np.searchsorted(-lengths, -np.arange(steps), side="left")  # sentences longer than t
        h = np.zeros((2, batch, size), np.float32)
        c = np.zeros_like(h)
        output = np.zeros((2, batch, steps, size), np.float32)
        for t in range(steps):
            k = running[t]
            gates = projected[:, :k, t] + h[:, :k] @ self.w_hh
            sigmoids = _sigmoid(gates[..., :3 * size])
            c[:, :k] = sigmoids[..., size:2 * size] * c[:, :k] + sigmoids[..., :size] * np.tanh(gates[..., 3 * size:])
            h[:, :k] = sigmoids[..., 2 * size:] * np.tanh(c[:, :k])
            output[:, :k, t] = h[:, :k]
        hidden = np.concatenate([output[0], np.take_along_axis(output[1], reverse[:, :, None], axis=1)], axis=2)
        restored = np.empty_like(hidden)
        restored[order] = hidden
        return restored
