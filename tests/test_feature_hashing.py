"""Hashes of feature strings (wortlaut.feature_hashing): the function the shipped BiLSTM was trained
with, written out plainly, and the table the CRFs look attributes up in."""

from __future__ import annotations

import numpy as np
import pytest

from wortlaut.attribution.neural import _token_sums
from wortlaut.feature_hashing import HashTable, buckets, feature_hashes

MASK = (1 << 64) - 1


def plain_hash(feature: str) -> int:
    """Sum of UTF-8 byte k times BASE^k modulo 2^64, then ``h ^ h >> 29`` times MIX."""
    h = sum(byte * pow(0xD6E8FEB86659FD93, k, 1 << 64) for k, byte in enumerate(feature.encode())) & MASK
    return ((h ^ (h >> 29)) * 0x9E3779B97F4A7C15) & MASK


@pytest.mark.parametrize("features", [
    ["w=sagte"],
    ["w=sagte", "t=VVFIN", "", "w=äußerte", "-1w=„", "w=sagte"],
    [f"cw={n}" for n in range(300)],
])
def test_hashes_are_the_plain_polynomial_hash_of_each_string(features):
    assert feature_hashes(features).tolist() == [plain_hash(f) for f in features]


def test_a_nul_inside_a_feature_hashes_as_a_space():
    assert feature_hashes(["a\0b", "c"]).tolist() == [plain_hash("a b"), plain_hash("c")]


def test_no_features_no_hashes():
    assert feature_hashes([]).shape == (0,)


def test_buckets_are_the_top_bits():
    hashes = feature_hashes(["x", "y", "z"])
    assert buckets(hashes, 1 << 16).tolist() == [plain_hash(f) >> 48 for f in "xyz"]
    assert buckets(hashes, 1).tolist() == [0, 0, 0]
    with pytest.raises(ValueError, match="power of two"):
        buckets(hashes, 1000)


def test_table_finds_each_string_number_and_nothing_else():
    known = [f"w={n}" for n in range(5_000)]
    table = HashTable(known)
    asked = ["w=17", "w=x", "w=4999", "", "w=0"]
    assert table.find(feature_hashes(asked)).tolist() == [17, -1, 4999, -1, 0]
    assert table.find(feature_hashes(known)).tolist() == list(range(5_000))
    assert HashTable([]).find(feature_hashes(["a"])).tolist() == [-1]


def test_table_refuses_strings_it_could_not_tell_apart():
    with pytest.raises(ValueError, match="share"):
        HashTable(["a", "b", "a"])


def test_token_sums_are_numpys_row_by_row_float32_sums():
    rng = np.random.default_rng(0)
    embeddings = rng.normal(size=(50, 7)).astype(np.float32)
    rows = rng.integers(0, 50, 200)
    counts = rng.integers(0, 9, 40)
    counts[:2] = 0  # tokens without a feature get zeros
    starts = np.r_[0, np.cumsum(counts)]
    rows = rows[:starts[-1]]
    sums = _token_sums(embeddings, rows, starts)
    for token, count in enumerate(counts):
        expected = np.add.reduce(embeddings[rows[starts[token]:starts[token + 1]]], axis=0) if count \
            else np.zeros(7, np.float32)
        assert np.array_equal(sums[token], expected)
    assert sums.dtype == np.float32
