"""The listed substrings of a word, found by compiled code walking a trie of HanTa's morphemes.

The character search (:mod:`.hanta_search`) needs, for every start in a word, the substrings
starting there that HanTa's model lists as morphemes, with their tags and scores; and for every
end, the longest suffix of up to four letters its guessing models score.  Looking each substring
up in a dict from Python cost more than the search itself; here both come from tries walked by
numba: one over the morphemes (every prefix of one is a node), one over the guessing suffixes
read backwards.  The entries come out in the order the dict lookups gave them (starts ascending,
ends ascending, a morpheme's tags in HanTa's order), which the search's arithmetic depends on.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from ..jit import njit


class _Trie:
    """Strings as a trie in arrays: node 0 is the root; a node's children are
    ``child_char``/``child_node[child_start[node]:child_start[node + 1]]``, sorted by character
    number.  ``node_of`` gives the node of each string and each prefix of one."""

    def __init__(self, strings: Iterable[str], alphabet: dict[str, int]) -> None:
        prefixes: set[str] = set()  # every string and every prefix of one (HanTa's listing has them all)
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
        character = np.array([alphabet[prefix[-1]] for prefix in ordered], dtype=np.int64)
        edges = np.lexsort((character, parent))  # by parent, then character
        self.child_start = np.searchsorted(parent[edges], np.arange(self.size + 1)).astype(np.int64)
        self.child_char = character[edges]
        self.child_node = edges + 1  # prefix n of ``ordered`` is node n + 1


class MorphemeLattices:
    """Tries of ``listing`` (morpheme -> its tag numbers and scores) and of ``suffix_number``
    (guessing suffix -> its number)."""

    def __init__(self, listing: dict[str, tuple[list[int], list[float]]], suffix_number: dict[str, int]) -> None:
        characters = sorted({character for string in (*listing, *suffix_number) for character in string})
        alphabet = {character: n for n, character in enumerate(characters)}
        self.codepoints = np.array([ord(character) for character in characters], dtype=np.uint32)
        morphemes = _Trie(listing, alphabet)
        self.morphemes = morphemes
        listed = sorted((morphemes.node_of[morpheme], entry) for morpheme, entry in listing.items())
        counts = np.zeros(morphemes.size, dtype=np.int64)
        counts[[node for node, _ in listed]] = [len(tags) for _, (tags, _) in listed]
        self.entry_start = np.r_[0, np.cumsum(counts)].astype(np.int64)
        self.entry_tag = np.array([tag for _, (tags, _) in listed for tag in tags], dtype=np.int64)
        self.entry_score = np.array([score for _, (_, scores) in listed for score in scores], dtype=np.float64)
        suffixes = _Trie((suffix[::-1] for suffix in suffix_number), alphabet)
        self.suffixes = suffixes
        self.suffix_of_node = np.full(suffixes.size, -1, dtype=np.int64)
        for suffix, number in suffix_number.items():
            self.suffix_of_node[suffixes.node_of[suffix[::-1]]] = number

    def lattice(self, word: str, guess: bool) -> tuple[np.ndarray, ...]:
        """The listed substrings of ``word`` by start: where each start's entries begin, and each
        entry's end, tag and score; and with ``guess``, for each end ``j`` and each ``k`` from 0 to 4,
        the number of the longest listed suffix ``word[j-n:j]`` with ``n <= k`` (else the empty
        suffix's), the suffix a guess at ``j`` scores by."""
        points = np.frombuffer(word.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        morphemes, suffixes = self.morphemes, self.suffixes
        return _lattice(points, self.codepoints, morphemes.child_start, morphemes.child_char, morphemes.child_node,
                        self.entry_start, self.entry_tag, self.entry_score, guess, suffixes.child_start,
                        suffixes.child_char, suffixes.child_node, self.suffix_of_node)


@njit(cache=True)
def _child(node, character, child_start, child_char, child_node):
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


@njit(cache=True)
def _lattice(points, codepoints, child_start, child_char, child_node, entry_start, entry_tag, entry_score, guess,
             suffix_start, suffix_char, suffix_node, suffix_of_node):
    length = points.shape[0]
    characters = np.empty(length, dtype=np.int64)  # numbers in the alphabet, -1 for a character in no string
    for n in range(length):
        at = np.searchsorted(codepoints, points[n])
        characters[n] = at if at < codepoints.shape[0] and codepoints[at] == points[n] else -1
    starts = np.zeros(length + 2, dtype=np.int64)
    count = 0
    for fill in range(2):  # count the entries, then write them
        if fill:
            ends = np.empty(count, dtype=np.int64)
            tags = np.empty(count, dtype=np.int64)
            scores = np.empty(count, dtype=np.float64)
        else:
            ends = tags = np.empty(0, dtype=np.int64)
            scores = np.empty(0, dtype=np.float64)
        count = 0
        for i in range(length + 1):
            node = 0
            for j in range(i + 1, length + 1):
                if characters[j - 1] < 0:
                    break
                node = _child(node, characters[j - 1], child_start, child_char, child_node)
                if node < 0:
                    break
                for e in range(entry_start[node], entry_start[node + 1]):
                    if fill:
                        ends[count] = j
                        tags[count] = entry_tag[e]
                        scores[count] = entry_score[e]
                    count += 1
            starts[i + 1] = count
    suffixes = np.empty((length + 1 if guess else 0, 5), dtype=np.int64)
    if guess:
        empty = suffix_of_node[0]
        for j in range(length + 1):
            best = empty
            suffixes[j, 0] = best
            node = 0
            for k in range(1, 5):  # the suffixes ending at j, longer and longer: the trie holds them reversed
                if node >= 0 and k <= j and characters[j - k] >= 0:
                    node = _child(node, characters[j - k], suffix_start, suffix_char, suffix_node)
                    if node >= 0 and suffix_of_node[node] >= 0:
                        best = suffix_of_node[node]
                else:
                    node = -1
                suffixes[j, k] = best
    return starts, ends, tags, scores, suffixes
