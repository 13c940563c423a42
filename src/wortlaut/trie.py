"""Strings as a trie in arrays, for compiled code that looks up the substrings of a word.

Looking up every substring of a word in a dict from Python costs a method call and a new string
per substring; walking a trie in numba costs a few array reads per character.  The morphology's
morpheme lattice and the NER's character model walk these.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .jit import njit


class Trie:
    """Node 0 is the root; a node's children are ``child_char``/``child_node[child_start[node]:
    child_start[node + 1]]``, sorted by character number (an index into ``codepoints``).
    ``node_of`` gives the node of each string and each prefix of one."""

    def __init__(self, strings: Iterable[str], codepoints: np.ndarray) -> None:
        strings = list(strings)
        number = {chr(point): n for n, point in enumerate(codepoints.tolist())}
        prefixes: set[str] = set()
        for string in strings:
            end = len(string)
            while end and string[:end] not in prefixes:
                prefixes.add(string[:end])
                end -= 1
        ordered = sorted(prefixes)
        self.node_of = {"": 0}
        self.node_of.update((prefix, n) for n, prefix in enumerate(ordered, 1))
        self.size = len(self.node_of)
        parent = np.array([self.node_of[prefix[:-1]] for prefix in ordered], dtype=np.int64)
        character = np.array([number[prefix[-1]] for prefix in ordered], dtype=np.int64)
        edges = np.lexsort((character, parent))  # by parent, then character
        self.child_start = np.searchsorted(parent[edges], np.arange(self.size + 1)).astype(np.int64)
        self.child_char = character[edges]
        self.child_node = edges + 1  # prefix n of ``ordered`` is node n + 1


def alphabet(strings: Iterable[str]) -> np.ndarray:
    """The code points of the characters of ``strings``, sorted: the tries' character numbers."""
    return np.array(sorted({ord(character) for string in strings for character in string}), dtype=np.uint32)


def code_points(word: str) -> np.ndarray:
    """The word's characters as code points (a lone surrogate too)."""
    return np.frombuffer(word.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


@njit(cache=True)
def character_numbers(points, codepoints):
    """Each code point's number in ``codepoints`` (sorted), -1 for one not in it."""
    numbers = np.empty(points.shape[0], dtype=np.int64)
    for n in range(points.shape[0]):
        at = np.searchsorted(codepoints, points[n])
        numbers[n] = at if at < codepoints.shape[0] and codepoints[at] == points[n] else -1
    return numbers


@njit(cache=True)
def child(node, character, child_start, child_char, child_node):
    """The child of ``node`` along ``character``, or -1 (binary search over its sorted children)."""
    low, high = child_start[node], child_start[node + 1]
    while low < high:
        middle = (low + high) // 2
        if child_char[middle] < character:
            low = middle + 1
        else:
            high = middle
    if low < child_start[node + 1] and child_char[low] == character:
        return child_node[low]
    return -1
