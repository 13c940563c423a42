"""The NER's character n-gram model, summed by compiled code walking a trie of its n-grams.

``ner.char_decide`` adds, for each 2-, 3- and 4-gram of a word padded with ``<``/``>`` (in the
order of ``ner.char_ngrams``), the n-gram's weight per class to the prior.  Spelling each n-gram
and looking it up from Python cost about as much as all other features of a new word; here a
trie of the model's n-grams is walked by numba, and the weights are added in the same order, so
the sums are equal to the bit (``tests/entities/test_ner.py`` compares them).
"""

from __future__ import annotations

import numpy as np

from ..jit import njit
from ..trie import Trie, alphabet, character_numbers, child, code_points

N_GRAM_SIZES = (2, 3, 4)  # the n-gram lengths, in the order ner.char_ngrams lists and the sums add them


class CharNgramTable:
    """``weights`` (n-gram -> weight per class) and ``prior`` as a trie and arrays."""

    def __init__(self, weights: dict[str, tuple[float, ...]], prior: tuple[float, ...]) -> None:
        self.prior = np.array(prior, dtype=np.float64)
        grams = list(weights)
        self.codepoints = alphabet(grams)
        self.trie = Trie(grams, self.codepoints)
        self.row_of_node = np.full(self.trie.size, -1, dtype=np.int64)
        self.row_of_node[[self.trie.node_of[gram] for gram in grams]] = np.arange(len(grams))
        self.weights = np.array([weights[gram] for gram in grams], dtype=np.float64).reshape(len(grams), len(prior))

    def totals(self, word: str) -> list[float]:
        """The prior plus the weights of the padded word's n-grams, per class."""
        trie = self.trie
        characters = character_numbers(code_points("<" + word + ">"), self.codepoints)
        return _totals(characters, trie.child_start, trie.child_char, trie.child_node, self.row_of_node,
                       self.weights, self.prior).tolist()


@njit(cache=True)
def _totals(characters, child_start, child_char, child_node, row_of_node, weights, prior):
    """The prior plus the weights of the n-grams, size by size, each size's from the first start
    on.  Each start's trie nodes (its 1- to 4-character prefixes) are found in one walk first: the
    n-grams of one start share a path."""
    totals = prior.copy()
    length = characters.shape[0]
    longest = N_GRAM_SIZES[-1]
    nodes = np.full((length, longest + 1), -1, dtype=np.int64)  # the node of characters[start:start + size]
    for start in range(length):
        node = 0
        for size in range(1, min(longest, length - start) + 1):
            character = characters[start + size - 1]
            if character < 0:
                break
            node = child(node, character, child_start, child_char, child_node)
            if node < 0:
                break
            nodes[start, size] = node
    for size in N_GRAM_SIZES:
        for start in range(length - size + 1):
            node = nodes[start, size]
            if node >= 0 and row_of_node[node] >= 0:
                row = row_of_node[node]
                for k in range(totals.shape[0]):
                    totals[k] += weights[row, k]
    return totals
