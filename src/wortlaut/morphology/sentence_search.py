"""HanTa's search over a sentence's tags, with the same result.

HanTa tries every tag that may follow each state and drops those the word cannot have; a word
has a handful of tags, so here those are tried directly, compiled by numba
(:func:`_sentence_search`) over HanTa's trigram transitions as arrays.  The words' tag scores
come from the tagger (cached per word, :mod:`.hanta_search` for unknown words).
``tests/test_morphology.py`` compares the tags with HanTa's own search.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np

from ..jit import njit
from .hanta_search import LOWER_BOUND, follower_table, grown_vector

_KEPT_SENTENCE_STATES = 5  # HanTa continues from a row's best states only (and ties)
_RESCALE_BELOW = LOWER_BOUND / 10  # a sentence's best score this low is shifted back to 0 (order unchanged)


def sentence_tags(tagger, words: Sequence[str], case_sensitive: bool) -> list[int]:
    """The best tag sequence for a sentence (HanTa's trigram HMM over its word tag scores).

    The words' tag scores come from the tagger (cached per word); the search over them runs
    compiled (:func:`_sentence_search`)."""
    from HanTa.HanoverTagger import UNKNOWN

    tables = _sentence_tables(tagger)
    number = tables.number
    starts, tags, scores = [0], [], []
    for i, word in enumerate(words):
        found = dict(tagger._tag_word(word, cutoff=5, casesensitive=case_sensitive and i > 0, conditional=True))
        if not (len(found) == 1 and UNKNOWN in found):  # else an unknown word: it may be anything
            for tag, score in found.items():
                tags.append(number.get(tag, -1))  # a tag no transition leads to: never taken
                scores.append(score)
        starts.append(len(tags))
    best = _sentence_search(np.array(starts, dtype=np.int64), np.array(tags, dtype=np.int64),
                            np.array(scores, dtype=np.float64), tables.transitions, tables.follow_start,
                            tables.follow_tag, tables.follow_transition, tables.start, tables.end,
                            tables.state_position)
    if best is None:  # no path at all (cannot happen after rescaling; kept as a safe fallback)
        return [UNKNOWN] * len(words)
    return [tables.tags[n] for n in best.tolist()]


class _SentenceTables:
    """HanTa's tag trigram transitions as arrays: word-level tags numbered densely, a state
    (previous tag, tag) as ``previous * count + tag``; a missing transition is NaN."""

    def __init__(self, tagger):
        from HanTa.HanoverTagger import EMPTY, END, START

        transitions = tagger.LP_trans_word
        tags = sorted({tag for state, following in transitions.items() for tag in (*state, *following)})
        self.tags = tags
        self.number = {tag: n for n, tag in enumerate(tags)}
        count = len(tags)
        self.follow_start, self.follow_tag, self.follow_transition = follower_table(
            [(self.number[tag], transition)
             for tag, transition in transitions.get((tags[state // count], tags[state % count]), {}).items()]
            for state in range(count * count))
        self.transitions = np.full((count * count, count), np.nan)
        for state in range(count * count):
            followers = slice(self.follow_start[state], self.follow_start[state + 1])
            self.transitions[state, self.follow_tag[followers]] = self.follow_transition[followers]
        self.start = self.number[EMPTY] * count + self.number[START]
        self.end = self.number[END]
        self.state_position = np.full(count * count, -1, dtype=np.int64)  # the search's scratch map, left all -1


@cache
def _sentence_tables(tagger) -> _SentenceTables:
    return _SentenceTables(tagger)


@njit(cache=True)
def _reach(key, total, origin, filled, state_position, row_state, row_score, row_from):
    """Row state ``key`` reached with ``total`` from ``origin``: added to the row's ``filled``
    states when new, kept when not better (HanTa's ``total > row.get(key, -inf)``); returns the
    row's new number of states."""
    if total > LOWER_BOUND:
        at = state_position[key]
        if at < 0:
            state_position[key] = filled
            row_state[filled] = key
            row_score[filled] = total
            row_from[filled] = origin
            return filled + 1
        if total > row_score[at]:
            row_score[at] = total
            row_from[at] = origin
    return filled


@njit(cache=True)
def _sentence_search(starts, tags, scores, transitions, follow_start, follow_tag, follow_transition, start, end,
                     state_position):
    """HanTa's sentence Viterbi on :class:`_SentenceTables`' arrays: each row keeps its states in
    the order they were first reached (HanTa's dict order), a state's score is replaced only by a
    higher one, and the additions are HanTa's in its order.  Returns the tag numbers, or None
    when no path reaches the end."""
    count = transitions.shape[1]
    words = starts.shape[0] - 1
    history_state = np.empty(64, dtype=np.int64)  # every row's states and where each came from
    history_from = np.empty(64, dtype=np.int64)
    row_start = np.zeros(words + 1, dtype=np.int64)
    previous_state = np.array([start], dtype=np.int64)
    previous_score = np.array([0.0])
    row_state = np.empty(count * count, dtype=np.int64)
    row_score = np.empty(count * count)
    row_from = np.empty(count * count, dtype=np.int64)
    for i in range(words):
        size = previous_state.shape[0]
        if size > _KEPT_SENTENCE_STATES:
            ordered = np.sort(previous_score)
            bound = ordered[size - 1 - _KEPT_SENTENCE_STATES] - 1
        else:
            bound = LOWER_BOUND
        filled = 0
        for p in range(size):
            score = previous_score[p]
            if score < bound:
                continue
            state = previous_state[p]
            before = state % count
            if starts[i + 1] > starts[i]:  # the word's own tags, those the state may go on to
                for w in range(starts[i], starts[i + 1]):
                    tag = tags[w]
                    if tag < 0:
                        continue
                    transition = transitions[state, tag]
                    if np.isnan(transition):
                        continue
                    filled = _reach(before * count + tag, score + transition + scores[w], state, filled,
                                    state_position, row_state, row_score, row_from)
            else:  # an unknown word may be anything
                for f in range(follow_start[state], follow_start[state + 1]):
                    tag = follow_tag[f]
                    if tag == end:
                        continue
                    filled = _reach(before * count + tag, score + follow_transition[f] + 0.0, state, filled,
                                    state_position, row_state, row_score, row_from)
        for r in range(filled):
            state_position[row_state[r]] = -1
        at = row_start[i]
        if at + filled > history_state.shape[0]:
            grown = max(2 * history_state.shape[0], at + filled)
            history_state = grown_vector(history_state, grown)
            history_from = grown_vector(history_from, grown)
        history_state[at:at + filled] = row_state[:filled]
        history_from[at:at + filled] = row_from[:filled]
        row_start[i + 1] = at + filled
        top = row_score[:filled].max() if filled else 0.0
        previous_state = row_state[:filled].copy()
        previous_score = row_score[:filled].copy()
        if top < _RESCALE_BELOW:  # a sentence of thousands of words: keep the scores above HanTa's floor
            previous_score -= top
    best, best_score = -1, -np.inf
    for p in range(previous_state.shape[0]):
        transition = transitions[previous_state[p], end]
        total = previous_score[p] + (-np.inf if np.isnan(transition) else transition)
        if total > best_score:
            best, best_score = previous_state[p], total
    if best < 0:
        return None
    found = np.empty(words, dtype=np.int64)
    state = best
    for i in range(words - 1, -1, -1):
        found[i] = state % count
        for r in range(row_start[i], row_start[i + 1]):
            if history_state[r] == state:
                state = history_from[r]
                break
    return found
