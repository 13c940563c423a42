"""The listed substrings and guessing suffixes of a word from compiled trie walks
(wortlaut.morphology.lattice), compared with plain dict lookups of every substring."""

from __future__ import annotations

import random

import numpy as np
import pytest

from wortlaut.morphology.lattice import MorphemeLattices

LISTING = {"a": ([3], [-1.0]), "ab": ([1, 2], [-2.0, -2.5]), "abc": ([4], [-3.0]), "b": ([1], [-0.5]),
           "bca": ([2], [-4.0]), "straße": ([5, 6], [-7.0, -7.5]), "ß": ([7], [-9.0])}
SUFFIXES = {"": 0, "a": 1, "ca": 2, "bca": 3, "e": 4, "ße": 5, "aße": 6, "raße": 7}


def lookup_lattice(word: str, guess: bool) -> tuple[np.ndarray, ...]:
    """The definition: every substring looked up, starts ascending, ends ascending."""
    starts, ends, tags, scores = [0], [], [], []
    for i in range(len(word) + 1):
        for j in range(i + 1, len(word) + 1):
            found = LISTING.get(word[i:j])
            if found is not None:
                ends += [j] * len(found[0])
                tags += found[0]
                scores += found[1]
        starts.append(len(ends))
    suffixes = []
    for j in range(len(word) + 1 if guess else 0):
        best = SUFFIXES[""]
        row = [best]
        for k in range(1, 5):
            if k <= j:
                best = SUFFIXES.get(word[j - k:j], best)
            row.append(best)
        suffixes.append(row)
    return (np.array(starts), np.array(ends, dtype=np.int64), np.array(tags, dtype=np.int64), np.array(scores),
            np.array(suffixes, dtype=np.int64).reshape(-1, 5))


@pytest.fixture(scope="module")
def lattices() -> MorphemeLattices:
    return MorphemeLattices(LISTING, SUFFIXES)


@pytest.mark.parametrize("word", ["", "abc", "abcabca", "Straße", "straße", "xßx", "a\udc80b", "a😀bca"])
@pytest.mark.parametrize("guess", [False, True])
def test_lattice_equals_looking_up_every_substring(lattices, word, guess) -> None:
    for found, expected in zip(lattices.lattice(word, guess), lookup_lattice(word, guess), strict=True):
        assert found.shape == expected.shape and np.array_equal(found, expected), word


def test_lattice_on_random_words(lattices) -> None:
    rng = random.Random(4)
    for _ in range(2000):
        word = "".join(rng.choice("abcßeqrst😀") for _ in range(rng.randint(0, 12)))
        for found, expected in zip(lattices.lattice(word, True), lookup_lattice(word, True), strict=True):
            assert np.array_equal(found, expected), word
