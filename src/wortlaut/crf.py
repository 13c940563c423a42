"""Tagging with a trained crfsuite model, read from its file into arrays and compiled.

python-crfsuite takes each token's attributes as strings and looks each one up in the model's
attribute table; for a tagger with fifty attributes per token (the NER CRF) that costs more than
the search.  Here a caller maps attributes to numbers once per word (:meth:`CRFModel.ids`) and
hands over numbers, or hands over strings or their hashes, which are looked up all at once in a
compiled table of the model's attributes (:mod:`wortlaut.feature_hashing`); the state scores and
the Viterbi search follow crfsuite's arithmetic in its order (a token's weights added attribute by
attribute, ties to the lower label), so the labels are crfsuite's; so are the marginal
probabilities (:meth:`CRFModel.marginals`: crfsuite's scaled forward-backward, operation by
operation, equal to the bit).  ``tests/test_crf.py`` compares both with python-crfsuite.

The model file (crfsuite's "lCRF"/"FOMC" format) holds a header, the features (type, source,
destination, weight as a little-endian double) and two string tables (CQDB) for labels and
attributes, each with an array from number to string.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import chain
from pathlib import Path

import numpy as np

from .feature_hashing import HashTable, feature_hashes
from .jit import njit

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = struct.Struct("<IIId")
_STATE_FEATURE, _TRANSITION_FEATURE = 0, 1


@dataclass(frozen=True)
class CRFModel:
    labels: tuple[str, ...]
    attributes: dict[str, int]
    state_weights: np.ndarray  # (attribute, label): the weight of the attribute for the label, else 0
    transitions: np.ndarray  # (label, next label)

    @classmethod
    def read(cls, path: Path) -> CRFModel:
        data = path.read_bytes()
        magic, _, kind, _, _, label_count, attribute_count, features_at, labels_at, attributes_at, _, _ = (
            _HEADER.unpack_from(data))
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"{path}: not a crfsuite linear-chain CRF model")
        labels = _strings(data, labels_at)
        attributes = _strings(data, attributes_at)
        if len(labels) != label_count or len(attributes) != attribute_count:
            raise ValueError(f"{path}: label or attribute table does not match the header")
        state_weights = np.zeros((attribute_count, label_count))
        transitions = np.zeros((label_count, label_count))
        chunk, _, count = struct.unpack_from("<4sII", data, features_at)
        if chunk != b"FEAT":
            raise ValueError(f"{path}: no feature table where the header points")
        for kind, source, target, weight in _FEATURE.iter_unpack(
                data[features_at + 12:features_at + 12 + count * _FEATURE.size]):
            (state_weights if kind == _STATE_FEATURE else transitions)[source, target] = weight
        return cls(tuple(labels), {name: number for number, name in enumerate(attributes)}, state_weights,
                   transitions)

    def ids(self, attributes: Iterable[str]) -> list[int]:
        """The numbers of the attributes the model knows, in order (crfsuite skips the others)."""
        get = self.attributes.get
        return [number for number in map(get, attributes) if number is not None]

    def scores(self, sequence: list[list[str]]) -> np.ndarray:
        """Each item's state scores (per label) for a sequence of attribute lists."""
        return self.hashed_scores(feature_hashes(list(chain.from_iterable(sequence))),
                                  np.cumsum([0, *map(len, sequence)]))

    def hashed_scores(self, hashes: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """:meth:`scores` of items whose attributes' ``feature_hashes`` are ``hashes[starts[k]:starts[k + 1]]``."""
        # the unknown attributes (-1) add nothing
        return state_scores(self.attribute_table.find(hashes), starts, self.state_weights)

    @cached_property
    def attribute_table(self) -> HashTable:
        return HashTable(list(self.attributes))  # numbered in order by ``read``

    def best_labels(self, scores: np.ndarray) -> list[str]:
        """The labels of the best path through ``scores`` (crfsuite's Viterbi)."""
        labels = self.labels
        return [labels[n] for n in viterbi(scores, self.transitions).tolist()]

    def tag(self, sequence: list[list[str]]) -> list[str]:
        """Labels of a sequence of attribute lists, as python-crfsuite's ``Tagger.tag``."""
        return self.best_labels(self.scores(sequence))

    @cached_property
    def exp_transitions(self) -> np.ndarray:
        # the C library's exp, as crfsuite's: NumPy's own vectorised exp can differ in the last bit
        return np.array([[math.exp(weight) for weight in row] for row in self.transitions.tolist()])

    def marginals(self, scores: np.ndarray) -> np.ndarray:
        """``(items, labels)``: each label's marginal probability at each item, given the items'
        state scores (python-crfsuite's ``Tagger.marginal`` after ``set``)."""
        return marginals(scores, self.exp_transitions)


@cache
def read_model(path: Path) -> CRFModel:
    return CRFModel.read(path)


def _strings(data: bytes, at: int) -> list[str]:
    """A CQDB table's strings by number: its header gives the array of record offsets from
    number to (number, size, bytes with a closing NUL)."""
    chunk, _, _, _, count, array_at = struct.unpack_from("<4sIIIII", data, at)
    if chunk != b"CQDB":
        raise ValueError("no string table where the header points")
    strings = []
    for (record,) in struct.iter_unpack("<I", data[at + array_at:at + array_at + 4 * count]):
        _, size = struct.unpack_from("<II", data, at + record)
        strings.append(data[at + record + 8:at + record + 7 + size].decode("utf-8"))
    return strings


@njit(cache=True)
def add_weights(scores, item, weights, attribute):
    """Add the weight row of ``attribute`` (a number; negative: unknown, skipped) to ``item``'s scores."""
    if attribute >= 0:
        row = weights[attribute]
        for label in range(weights.shape[1]):
            scores[item, label] += row[label]


@njit(cache=True)
def state_scores(ids, starts, weights):
    """Per item, the sum of its attributes' weight rows, added in the item's order."""
    scores = np.zeros((starts.shape[0] - 1, weights.shape[1]))
    for item in range(starts.shape[0] - 1):
        for a in range(starts[item], starts[item + 1]):
            add_weights(scores, item, weights, ids[a])
    return scores


@njit(cache=True)
def viterbi(scores, transitions):
    """crfsuite's Viterbi: the best path's labels, a tie going to the lower label."""
    length, count = scores.shape
    labels = np.zeros(length, dtype=np.int64)
    if length == 0:
        return labels
    back = np.zeros((length, count), dtype=np.int64)
    previous = scores[0].copy()
    current = np.empty(count)
    lowest = -np.finfo(np.float64).max
    for t in range(1, length):
        for j in range(count):
            best = lowest
            for i in range(count):
                score = previous[i] + transitions[i, j]
                if best < score:
                    best = score
                    back[t, j] = i
            current[j] = best + scores[t, j]
        previous, current = current, previous
    best = lowest
    for i in range(count):
        if best < previous[i]:
            best = previous[i]
            labels[length - 1] = i
    for t in range(length - 2, -1, -1):
        labels[t] = back[t + 1, labels[t + 1]]
    return labels


@njit(cache=True)
def marginals(scores, exp_transitions):
    """crfsuite's state marginals: forward and backward scores scaled to sum 1 per item, each
    operation in crfsuite's order (its vector loops are sequential) and the C library's exp
    (numba's ``math.exp``), so the floats are its own."""
    length, count = scores.shape
    result = np.zeros((length, count))
    if length == 0:
        return result
    exp_state = np.empty((length, count))
    for t in range(length):
        for j in range(count):
            exp_state[t, j] = math.exp(scores[t, j])
    alpha = np.zeros((length, count))
    beta = np.empty((length, count))
    scale = np.empty(length)
    for t in range(length):
        if t == 0:
            for j in range(count):
                alpha[0, j] = exp_state[0, j]
        else:
            for i in range(count):
                for j in range(count):
                    alpha[t, j] += alpha[t - 1, i] * exp_transitions[i, j]
            for j in range(count):
                alpha[t, j] *= exp_state[t, j]
        total = 0.0
        for j in range(count):
            total += alpha[t, j]
        scale[t] = 1.0 / total if total != 0.0 else 1.0
        for j in range(count):
            alpha[t, j] *= scale[t]
    row = np.empty(count)
    for j in range(count):
        beta[length - 1, j] = scale[length - 1]
    for t in range(length - 2, -1, -1):
        for j in range(count):
            row[j] = beta[t + 1, j] * exp_state[t + 1, j]
        for i in range(count):
            total = 0.0
            for j in range(count):
                total += exp_transitions[i, j] * row[j]
            beta[t, i] = total * scale[t]
    for t in range(length):
        for j in range(count):
            result[t, j] = alpha[t, j] * beta[t, j] / scale[t]
    return result
