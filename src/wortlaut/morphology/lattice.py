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

import numpy as np

from ..jit import njit
from ..trie import Trie, alphabet, character_numbers, child, code_points


class MorphemeLattices:
    """Tries of ``listing`` (morpheme -> its tag numbers and scores) and of ``suffix_number``
    (guessing suffix -> its number)."""

    def __init__(self, listing: dict[str, tuple[list[int], list[float]]], suffix_number: dict[str, int]) -> None:
        self.codepoints = alphabet((*listing, *suffix_number))
        morphemes = Trie(listing, self.codepoints)
        self.morphemes = morphemes
        listed = sorted((morphemes.node_of[morpheme], entry) for morpheme, entry in listing.items())
        counts = np.zeros(morphemes.size, dtype=np.int64)
        counts[[node for node, _ in listed]] = [len(tags) for _, (tags, _) in listed]
        self.entry_start = np.r_[0, np.cumsum(counts)].astype(np.int64)
        self.entry_tag = np.array([tag for _, (tags, _) in listed for tag in tags], dtype=np.int64)
        self.entry_score = np.array([score for _, (_, scores) in listed for score in scores], dtype=np.float64)
        suffixes = Trie((suffix[::-1] for suffix in suffix_number), self.codepoints)
        self.suffixes = suffixes
        self.suffix_of_node = np.full(suffixes.size, -1, dtype=np.int64)
        for suffix, number in suffix_number.items():
            self.suffix_of_node[suffixes.node_of[suffix[::-1]]] = number

    def lattice(self, word: str, guess: bool) -> tuple[np.ndarray, ...]:
        """The listed substrings of ``word`` by start: where each start's entries begin, and each
        entry's end, tag and score; and with ``guess``, for each end ``j`` and each ``k`` from 0 to 4,
        the number of the longest listed suffix ``word[j-n:j]`` with ``n <= k`` (else the empty
        suffix's), the suffix a guess at ``j`` scores by."""
        morphemes, suffixes = self.morphemes, self.suffixes
        characters = character_numbers(code_points(word), self.codepoints)
        return _lattice(characters, morphemes.child_start, morphemes.child_char, morphemes.child_node,
                        self.entry_start, self.entry_tag, self.entry_score, guess, suffixes.child_start,
                        suffixes.child_char, suffixes.child_node, self.suffix_of_node)


@njit(cache=True)
def _lattice(characters, child_start, child_char, child_node, entry_start, entry_tag, entry_score, guess,
             suffix_start, suffix_char, suffix_node, suffix_of_node):
    """(``characters``: the word's character numbers, -1 for one in no listed string.)"""
    length = characters.shape[0]
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
                node = child(node, characters[j - 1], child_start, child_char, child_node)
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
                    node = child(node, characters[j - k], suffix_start, suffix_char, suffix_node)
                    if node >= 0 and suffix_of_node[node] >= 0:
                        best = suffix_of_node[node]
                else:
                    node = -1
                suffixes[j, k] = best
    return starts, ends, tags, scores, suffixes
