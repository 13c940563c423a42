"""A small bidirectional LSTM tagger, run with numpy (and numba for summing a token's rows).

Its input is what a CRF of this package sees: a list of feature strings per token, or their hashes
(:mod:`wortlaut.feature_hashing`).  Each hash picks one of ``buckets`` rows of an embedding table
(``feature_ids``); a token is the sum of its rows, and a one-layer BiLSTM and a linear layer give
each token a probability per label.  The weights are trained with PyTorch by
``training/attribution/neural.py`` and stored as ``.npz`` (embeddings in float16 to keep the file
small); reading them needs numpy only, so PyTorch is no run-time dependency.

The sentences of a document go through the LSTM together, ``BATCH`` at a time (the shorter ones
finish early), both directions in one loop, which keeps the per-token cost of Python low.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from pathlib import Path

import numpy as np

from ..feature_hashing import buckets as hash_buckets
from ..feature_hashing import feature_hashes
from ..jit import njit

MAX_STEPS = 256  # tokens of a sentence the LSTM reads in one pass (SpkAtt's longest sentences have ~150)
BATCH = 32  # sentences that go through the LSTM together


def feature_ids(features: Sequence[str], buckets: int) -> np.ndarray:
    """The embedding row of each feature string out of ``buckets`` (a power of two): the top bits
    of its ``feature_hashes``."""
    return hash_buckets(feature_hashes(features), buckets)


@njit(cache=True)
def _token_sums(embeddings, rows, starts):
    """Per token, the sum of the embedding rows ``rows[starts[k]:starts[k + 1]]``, added row after
    row in float32 (the floats of numpy's ``add.reduceat`` over them); zeros for no rows."""
    dimensions = embeddings.shape[1]
    sums = np.zeros((starts.shape[0] - 1, dimensions), np.float32)
    for token in range(starts.shape[0] - 1):
        if starts[token + 1] > starts[token]:
            total = sums[token]
            total[:] = embeddings[rows[starts[token]]]
            for k in range(starts[token] + 1, starts[token + 1]):
                row = embeddings[rows[k]]
                for d in range(dimensions):
                    total[d] += row[d]
    return sums


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
        tokens = list(chain.from_iterable(sentences))
        return self.hashed_probabilities(feature_hashes(list(chain.from_iterable(tokens))),
                                         np.cumsum([0, *map(len, tokens)]), [len(sentence) for sentence in sentences])

    def hashed_probabilities(self, hashes: np.ndarray, starts: np.ndarray, lengths: Sequence[int]) -> list[np.ndarray]:
        """:meth:`probabilities` of sentences of ``lengths`` tokens, one after the other, whose
        features' ``feature_hashes`` are ``hashes``, token k's ``hashes[starts[k]:starts[k + 1]]``."""
        vectors = _token_sums(self.embeddings, hash_buckets(hashes, self.buckets), starts)
        return self._tagged(np.split(vectors, np.cumsum(lengths)[:-1]))

    def _tagged(self, sentences: list[np.ndarray]) -> list[np.ndarray]:
        """The probabilities of sentences given as their tokens' vectors."""
        if any(len(sentence) > MAX_STEPS for sentence in sentences):
            # a sentence of thousands of tokens would make thousands of sequential LSTM steps; its
            # windows of MAX_STEPS run side by side instead (context across a window edge is lost)
            windows = [(number, sentence[start:start + MAX_STEPS]) for number, sentence in enumerate(sentences)
                       for start in range(0, max(len(sentence), 1), MAX_STEPS)]
            parts = self._tagged([window for _, window in windows])
            joined: list[list[np.ndarray]] = [[] for _ in sentences]
            for (number, _), part in zip(windows, parts):
                joined[number].append(part)
            return [np.concatenate(part) for part in joined]
        if len(sentences) > BATCH:  # bounds the memory a long document takes
            return [p for start in range(0, len(sentences), BATCH)
                    for p in self._tagged(sentences[start:start + BATCH])]
        lengths = [len(sentence) for sentence in sentences]
        if not lengths or max(lengths) == 0:
            return [np.zeros((n, len(self.labels)), np.float32) for n in lengths]
        hidden = self._bilstm(np.concatenate(sentences), np.array(lengths))  # (sentences, longest, 2 size)
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
