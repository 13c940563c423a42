"""A small bidirectional LSTM tagger, run with numpy alone.

Its input is what a CRF of this package sees: a list of feature strings per token.  Each string is
hashed (``feature_ids``) into one of ``buckets`` rows of an embedding table; a token is the sum of its rows,
and a one-layer BiLSTM and a linear layer give each token a probability per label.  The weights are
trained with PyTorch by ``training/attribution/neural.py`` and stored as ``.npz`` (embeddings in float16
to keep the file small); reading them needs numpy only, so PyTorch is no run-time dependency.

The sentences of a document go through the LSTM together, ``BATCH`` at a time (the shorter ones
finish early), both directions in one loop, which keeps the per-token cost of Python low.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
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
            # The sigmoid gates' columns are halved: sigmoid(x) = (tanh(x / 2) + 1) / 2, and halving
            # the weights halves every product and sum exactly (a power of two), so one tanh over all
            # four gates gives the same floats as the halving done at each step.
            half = np.r_[np.full(3 * size, 0.5), np.ones(size)].astype(np.float32)
            # both directions' input weights side by side: one product for all tokens of a batch
            self.w_ih = np.concatenate(w_ih, axis=1).astype(np.float32) * np.r_[half, half]  # (dim, 8 size)
            self.w_hh = np.stack(w_hh).astype(np.float32) * half  # (2, size, 4 size)
            self.bias = np.concatenate(bias).astype(np.float32) * np.r_[half, half]  # (8 size,)
            # transposed once, contiguous: the product numpy made of the transposed view before, same floats
            self.out_weight = np.ascontiguousarray(stored["out_weight"].astype(np.float32).T)  # (2 size, labels)
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
        tokens = list(chain.from_iterable(sentences))  # flattened in C: tens of strings per token
        counts = np.fromiter(map(len, tokens), np.int64, len(tokens))
        rows = self.embeddings.take(feature_ids(list(chain.from_iterable(tokens)), self.buckets), axis=0)
        if counts.all():
            vectors = np.add.reduceat(rows, np.r_[0, np.cumsum(counts)[:-1]], axis=0)
        else:  # reduceat cannot sum nothing: differences of running sums
            running = np.r_[np.zeros((1, rows.shape[1])), np.cumsum(rows, axis=0, dtype=np.float64)]
            ends = np.cumsum(counts)
            vectors = (running[ends] - running[ends - counts]).astype(np.float32)
        hidden = self._bilstm(vectors, np.array(lengths))  # (sentences, longest, 2 size)
        # the product over padded sentences, as many rows each as the longest: the floats of a
        # matrix product can depend on its number of rows in the last bit
        scores = (hidden @ self.out_weight)[np.arange(hidden.shape[1]) < np.array(lengths)[:, None]] + self.out_bias
        scores -= scores.max(axis=1, keepdims=True)
        probabilities = np.exp(scores)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        return np.split(probabilities, np.cumsum(lengths)[:-1])

    def _bilstm(self, vectors: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The hidden states (forward, backward) of each token of the sentences of ``lengths``,
        whose token vectors ``vectors`` holds one after the other: ``(sentences, longest, 2 size)``,
        zeros after a sentence's end.

        Both directions run at once, over the sentences longest first, so that the ones still
        running at a step are the first rows; the backward direction reads each sentence from its
        end, so its padding comes at the end too and never reaches a real token's state.  A step
        is a dozen numpy calls on small arrays, so their count and allocations are what costs: one
        tanh over all gates (the sigmoid ones pre-halved, see ``__init__``), results written into
        buffers allocated once, each step's inputs adjacent, and the input projection computed
        for the real tokens only, not for padding."""
        order = np.argsort(-lengths, kind="stable")
        by_length = lengths[order]
        batch, steps, size = len(lengths), int(by_length[0]), self.w_hh.shape[1]
        # each token by (row of its sentence in ``order``, position), with its step backwards
        row = np.repeat(np.arange(batch), by_length)
        position = np.arange(len(vectors)) - np.repeat(np.cumsum(by_length) - by_length, by_length)
        token = np.repeat((np.cumsum(lengths) - lengths)[order], by_length) + position
        back_step = np.repeat(by_length, by_length) - 1 - position
        projected = vectors @ self.w_ih + self.bias  # (tokens, 8 size): both directions
        inputs = np.empty((steps, 2, batch, 4 * size), np.float32)  # only rows still running are read
        inputs[position, 0, row] = projected[token, :4 * size]
        inputs[back_step, 1, row] = projected[token, 4 * size:]
        running = np.searchsorted(-by_length, -np.arange(steps), side="left")  # sentences longer than t
        output = np.empty((steps, 2, batch, size), np.float32)  # h of each step: the next step's input
        start = np.zeros((2, batch, size), np.float32)
        c = np.zeros((2, batch, size), np.float32)
        gates = np.empty((2, batch, 4 * size), np.float32)
        product = np.empty((2, batch, size), np.float32)
        w_hh = self.w_hh
        for t in range(steps):
            k = running[t]  # the first k rows were running at t - 1 too
            g, ck, pk, hk = gates[:, :k], c[:, :k], product[:, :k], output[t, :, :k]
            np.matmul(output[t - 1, :, :k] if t else start[:, :k], w_hh, out=g)
            g += inputs[t, :, :k]
            np.tanh(g, out=g)
            sigmoids = g[..., :3 * size]
            sigmoids += 1.0
            sigmoids *= 0.5  # gates i, f, o: (tanh(x / 2) + 1) / 2
            np.multiply(g[..., size:2 * size], ck, out=ck)  # f c
            np.multiply(g[..., :size], g[..., 3 * size:], out=pk)  # i tanh(g)
            ck += pk
            np.tanh(ck, out=hk)
            hk *= g[..., 2 * size:3 * size]  # o tanh(c)
        hidden = np.zeros((batch, steps, 2 * size), np.float32)
        sentence = order[row]
        hidden[sentence, position, :size] = output[position, 0, row]
        hidden[sentence, position, size:] = output[back_step, 1, row]
        return hidden
