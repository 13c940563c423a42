"""The NER tagger's features as the model's attribute numbers, built per word once.

:func:`~wortlaut.entities.ner.sentence_features` spells each token's fifty-odd attributes as
strings, which python-crfsuite then looks up one by one.  Most of them belong to a word and
come again with it, so here each word's known attributes are numbered once (its own, and what
each neighbour position sees of it) and a sentence's state scores are added up by compiled code
in exactly the order of ``sentence_features`` — the same sums, so the same labels (compared in
``tests/entities/test_feature_numbers.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, chain, pairwise

import numpy as np

from ..crf import CRFModel, add_weights
from ..jit import njit

_NONE = -1  # an attribute the model does not know (crfsuite skips it)
Sentence = tuple[list[str], list[str] | None, list[str]]  # words, STTS tags (or none), phrase marks


class _AttributeNumbers(dict):
    """``prefix + key`` -> the model's number for that attribute (or ``_NONE``), looked up once."""

    def __init__(self, attributes: dict[str, int], prefix: str) -> None:
        super().__init__()
        self.attributes, self.prefix = attributes, prefix

    def __missing__(self, key: str) -> int:
        found = self[key] = self.attributes.get(self.prefix + key, _NONE)
        return found


class NumberedFeatures:
    """Per word, the numbers of its known attributes: its own and, for each neighbour offset,
    those the neighbour sees (``_WordFeatures.seen_from``), in one array.  ``features`` gives a
    word's ``_WordFeatures``; ``prefixes`` spell the neighbour offsets ("-2", "-1", "+1", "+2")."""

    def __init__(self, model: CRFModel, features, prefixes: tuple[str, ...], padding: tuple[str, ...],
                 limit: int = 200_000) -> None:
        self.model, self.features, self.limit = model, features, limit
        number = model.attributes.get
        # per neighbour offset, its attributes by what follows the prefix: a word's context
        # features are looked up as they are, not spelled once more per offset
        self.seen_numbers = tuple({name[len(prefix):]: n for name, n in model.attributes.items()
                                   if name.startswith(prefix)} for prefix in prefixes)
        self.bias = number("b", _NONE)
        self.first, self.last = number("BOS", _NONE), number("EOS", _NONE)
        self.phrase = {"": _NONE, "zB": number("zB", _NONE), "zI": number("zI", _NONE)}
        self.offsets = np.array([int(prefix) for prefix in prefixes], dtype=np.int64)
        self.padding = np.array([number(name, _NONE) for name in padding], dtype=np.int64)
        self.tag_numbers = tuple(_AttributeNumbers(model.attributes, prefix) for prefix in ("t=", "-1t=", "+1t="))
        self.words: dict[str, tuple[np.ndarray, tuple[int, ...], str]] = {}

    def word(self, word: str) -> tuple[np.ndarray, tuple[int, ...], str]:
        """The word's numbers, where each part ends (own, then each offset's), and the lower-case
        form its word-pair attributes spell."""
        found = self.words.get(word)
        if found is None:
            seen = self.features(word)
            parts = [self.model.ids(seen.own)] + [[n for n in map(numbers.get, seen.context) if n is not None]
                                                  for numbers in self.seen_numbers]
            ends = tuple(accumulate(map(len, parts)))
            found = (np.array(list(chain.from_iterable(parts)), dtype=np.int64), ends, seen.own[1][2:])
            if not any(character.isdigit() for character in word):  # numbers seldom repeat
                if len(self.words) >= self.limit:
                    self.words.clear()
                self.words[word] = found
        return found

    def scores(self, words: list[str], pos: list[str] | None, phrase_marks: list[str]) -> np.ndarray:
        """Each token's state scores, as crfsuite adds them for ``sentence_features``' attributes."""
        return self.sentence_scores([(words, pos, phrase_marks)])[0]

    def tag(self, words: list[str], pos: list[str] | None, phrase_marks: list[str]) -> list[str]:
        return self.tag_sentences([(words, pos, phrase_marks)])[0]

    def tag_sentences(self, sentences: Sequence[Sentence]) -> list[list[str]]:
        return [self.model.best_labels(scores) for scores in self.sentence_scores(sentences)]

    def sentence_scores(self, sentences: Sequence[Sentence]) -> list[np.ndarray]:
        """:meth:`scores` of each ``(words, pos or None, phrase marks)``: the arrays of all sentences
        built at once and added up in one compiled call (a dozen numpy calls per sentence cost
        more than its sums)."""
        if not sentences:
            return []
        lengths = [len(words) for words, _, _ in sentences]
        n = sum(lengths)
        parts = [self.word(word) for words, _, _ in sentences for word in words]
        flat = np.concatenate([numbers for numbers, _, _ in parts]) if parts else np.zeros(0, np.int64)
        starts = np.fromiter(accumulate((len(numbers) for numbers, _, _ in parts), initial=0), np.int64, n + 1)
        ends = np.array([part_ends for _, part_ends, _ in parts], dtype=np.int64).reshape(n, len(self.offsets) + 1) \
            + starts[:-1, None]
        # the attributes between a word's own and its neighbours': phrase mark, sentence edge, STTS tags
        # (none for a sentence without tags: -1 adds nothing)
        phrase: list[int] = []
        edge: list[int] = []
        tag_rows: tuple[list[int], list[int], list[int]] = ([], [], [])
        # word pairs (lw=, wr=), in the lower-case forms of ``sentence_features``
        left_pairs: list[int] = []
        right_pairs: list[int] = []
        number = self.model.attributes.get
        tag, before, after = self.tag_numbers
        at = 0
        for (_, pos, marks), length in zip(sentences, lengths):
            if not length:
                continue
            phrase += [self.phrase[mark] for mark in marks]
            edge += [self.first] + [_NONE] * (length - 2) + [self.last] if length > 1 else [self.first]
            if pos is not None:
                tag_rows[0].extend([tag[p] for p in pos])
                tag_rows[1].extend([_NONE] + [before[p] for p in pos[:-1]])
                tag_rows[2].extend([after[p] for p in pos[1:]] + [_NONE])
            else:
                for row in tag_rows:
                    row.extend([_NONE] * length)
            lows = [low for _, _, low in parts[at:at + length]]
            left_pairs += [_NONE] + [number("lw=" + left + "|" + right, _NONE) for left, right in pairwise(lows)]
            right_pairs += [number("wr=" + left + "|" + right, _NONE) for left, right in pairwise(lows)] + [_NONE]
            at += length
        sentence_starts = np.cumsum([0, *lengths])
        first = np.repeat(sentence_starts[:-1], lengths)
        scores = _sentence_scores(flat, starts, ends, self.bias, np.array([phrase, edge, *tag_rows], dtype=np.int64),
                                  self.offsets, self.padding, np.array([left_pairs, right_pairs], dtype=np.int64),
                                  first, first + np.repeat(lengths, lengths), self.model.state_weights)
        return np.split(scores, sentence_starts[1:-1])


@njit(cache=True)
def _sentence_scores(flat, starts, ends, bias, middle, offsets, padding, pairs, first, end, weights):
    """Per token: bias, own attributes, ``middle`` (rows of attribute numbers by token), each
    neighbour's in its sentence (tokens ``first[t]`` to ``end[t]``; else the padding), ``pairs``
    (rows too), added in this order (``sentence_features``')."""
    n = starts.shape[0] - 1
    scores = np.zeros((n, weights.shape[1]))
    for t in range(n):
        add_weights(scores, t, weights, bias)
        for a in range(starts[t], ends[t, 0]):
            add_weights(scores, t, weights, flat[a])
        for k in range(middle.shape[0]):
            add_weights(scores, t, weights, middle[k, t])
        for k in range(offsets.shape[0]):
            j = t + offsets[k]
            if first[t] <= j < end[t]:
                for a in range(ends[j, k], ends[j, k + 1]):
                    add_weights(scores, t, weights, flat[a])
            else:
                add_weights(scores, t, weights, padding[k])
        for k in range(pairs.shape[0]):
            add_weights(scores, t, weights, pairs[k, t])
    return scores
