"""64-bit hashes of feature strings, many at once, and a table from hashes to attribute numbers.

The attribution taggers see a token as tens of feature strings (``w=sagte``, ``-1t=NE``), millions
per thousand articles.  Looked up one by one in a dict, each string costs Python a hash and a probe;
here a document's strings are joined into one UTF-8 buffer and hashed in one compiled pass.  The
BiLSTM takes the top bits of a hash as its embedding row (:func:`buckets`); a CRF looks the hashes
up in a :class:`HashTable` of its attribute strings.

Two strings with one hash would be confused: a table refuses attributes that share one, and an
unknown string hits one of a model's ~10^5 attributes by chance with a probability of ~10^-14.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .jit import njit

# A polynomial hash of the bytes modulo 2^64, then a multiplicative mix.
_BASE = np.uint64(0xD6E8FEB86659FD93)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(29)


def feature_hashes(features: Sequence[str]) -> np.ndarray:
    """The 64-bit hash of each string (``uint64``), each string hashed alone."""
    return mixed(raw_hashes(features)[0])


def raw_hashes(features: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each string's hash before the mix (the sum of byte k times BASE^k, ``uint64``) and its length
    in UTF-8 bytes: the hash of a concatenation follows from its parts' (:func:`concatenated`)."""
    if not features:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    data = np.frombuffer("\0".join(features).encode("utf-8", "surrogatepass"), np.uint8)
    raw, lengths, found = _raw_joined(data, len(features))
    if found != len(features):  # a NUL inside a feature: hash it as a space
        return raw_hashes([f.replace("\0", " ") for f in features])
    return raw, lengths


def buckets(hashes: np.ndarray, count: int) -> np.ndarray:
    """Each hash's bucket out of ``count`` (a power of two): its top bits."""
    bits = count.bit_length() - 1
    if count != 1 << bits:
        raise ValueError(f"buckets must be a power of two, not {count}")
    if not bits:
        return np.zeros(len(hashes), np.int64)
    return (hashes >> np.uint64(64 - bits)).astype(np.int64)


def powers(count: int) -> np.ndarray:
    """BASE^0 … BASE^(count - 1) modulo 2^64."""
    return np.cumprod(np.r_[1, np.full(max(count, 1) - 1, _BASE)].astype(np.uint64), dtype=np.uint64)


@njit(cache=True)
def mixed(raw):
    """The hash of a string from its raw hash: ``h ^ h >> 29`` times MIX."""
    return (raw ^ (raw >> _SHIFT)) * _MIX


@njit(cache=True)
def concatenated(left_raw, left_length, right_raw, powers):
    """The raw hash of ``left + right`` (``powers`` from :func:`powers`, longer than ``left``)."""
    return left_raw + powers[left_length] * right_raw


@njit(cache=True)
def _raw_joined(data, count):
    """The raw hashes and lengths of the NUL-separated strings of ``data`` (the first ``count``),
    and the number of strings found."""
    raw = np.zeros(count, np.uint64)
    lengths = np.zeros(count, np.int64)
    found = 0
    h = np.uint64(0)
    power = np.uint64(1)
    start = 0
    for at in range(data.shape[0]):
        byte = data[at]
        if byte == 0:
            if found < count:
                raw[found] = h
                lengths[found] = at - start
            found += 1
            h = np.uint64(0)
            power = np.uint64(1)
            start = at + 1
        else:
            h += np.uint64(byte) * power
            power *= _BASE
    if found < count:
        raw[found] = h
        lengths[found] = data.shape[0] - start
    return raw, lengths, found + 1


class HashTable:
    """Hashes of strings to their numbers (positions in ``strings``); -1 for any other hash.
    Open addressing, linear probing, at most half full."""

    def __init__(self, strings: Sequence[str]):
        hashes = feature_hashes(strings)
        if len(np.unique(hashes)) != len(hashes):
            raise ValueError("two strings share a 64-bit hash: they cannot be told apart")
        bits = max(3, (2 * len(hashes)).bit_length())
        self.keys = np.zeros(1 << bits, np.uint64)
        self.numbers = np.full(1 << bits, -1, np.int64)
        self.shift = np.uint64(64 - bits)
        _insert(self.keys, self.numbers, self.shift, hashes)

    def find(self, hashes: np.ndarray) -> np.ndarray:
        """The number of each hash's string (``int64``), -1 where no string has the hash."""
        return _find(self.keys, self.numbers, self.shift, hashes)


@njit(cache=True)
def _insert(keys, numbers, shift, hashes):
    mask = keys.shape[0] - 1
    for number in range(hashes.shape[0]):
        slot = np.int64(hashes[number] >> shift)
        while numbers[slot] >= 0:
            slot = (slot + 1) & mask
        keys[slot] = hashes[number]
        numbers[slot] = number


@njit(cache=True)
def _find(keys, numbers, shift, hashes):
    mask = keys.shape[0] - 1
    found = np.full(hashes.shape[0], -1, np.int64)
    for k in range(hashes.shape[0]):
        slot = np.int64(hashes[k] >> shift)
        while numbers[slot] >= 0:
            if keys[slot] == hashes[k]:
                found[k] = numbers[slot]
                break
            slot = (slot + 1) & mask
    return found
