"""Faster equivalents of HanTa's searches, with the same results.

HanTa (``HanTa.HanoverTagger``) spends nearly all its time in three Viterbi searches. The one
over a sentence's tags is :mod:`.sentence_search`; here are the two over the characters of an
unknown word, for its tag scores (:func:`word_tag_scores`) and for the morphemes behind its lemma
(:func:`best_segmentation`).  HanTa scores every substring under every tag, one method call per
score; here the listed substrings are found once per word with the tags listing them, tags that
cannot guess unknown morphemes only try those, and the search runs compiled by numba over arrays
(:func:`_character_search`, five times faster than the interpreted search before it; numba adds
about 120 MB to a process).

``tests/test_morphology.py`` compares each with HanTa's own method.  The functions read
HanTa's model tables from the tagger object; ``wortlaut.morphology`` plugs them into its tagger.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache

import numpy as np

from ..jit import njit
from .lattice import MorphemeLattices

LOWER_BOUND = -1e6  # HanTa's floor for log probabilities worth keeping
_KEPT_STATES = 3  # HanTa continues from a row's best states only (and ties)


def word_tag_scores(tagger, word: str) -> list[tuple[int, float]]:
    """(tag, log probability) of ``word`` from HanTa's morpheme HMM, best first."""
    from HanTa.HanoverTagger import UNKNOWN

    final_row, _ = _morpheme_table(tagger, word, guess=not tagger.strict)
    last: dict[tuple[int, int], float] = {}
    for state, score in final_row.items():
        for tag, transition in tagger.LP_trans_final.get(state, ()):
            total = score + transition
            if total > LOWER_BOUND:
                key = (state[1], tag)
                if total > last.get(key, -math.inf):
                    last[key] = total
    by_tag: dict[int, float] = {}
    for (_, tag), score in last.items():  # in HanTa's order: logaddexp sums are order-sensitive in the last bit
        if score != -math.inf:
            by_tag[-tag] = float(np.logaddexp(by_tag[-tag], score)) if -tag in by_tag else score
    results = sorted(by_tag.items(), key=lambda item: item[1], reverse=True)
    return results or [(UNKNOWN, 0)]


def best_segmentation(tagger, word: str, target: int) -> list[tuple[int, int]]:
    """HanTa's best segmentation of ``word`` ending in the final state ``target``: (tag, end) pairs.

    As HanTa does, listed morphemes are tried first and unknown ones only when that fails.
    """
    from HanTa.HanoverTagger import EMPTY, END_UNKNOWN, UNKNOWN

    reachable = tagger.reachability.get(target, frozenset())
    end = len(word) + 1  # the position after the word's last character: its final state
    for guess in (False, True):
        final_row, origins = _morpheme_table(tagger, word, guess=guess, reachable=reachable, pointers=True)
        last: dict[tuple[int, int], float] = {}
        last_origins: dict[tuple[int, int], tuple[tuple[int, int], int]] = {}
        for state, score in final_row.items():
            for tag, transition in tagger.LP_trans_final.get(state, ()):
                if tag != target:
                    continue
                total = score + transition
                if total > LOWER_BOUND:
                    key = (state[1], tag)
                    if total > last.get(key, -math.inf):
                        last[key] = total
                        last_origins[key] = (state, len(word))
                break
        if last:
            break
    best, best_score = (EMPTY, EMPTY), -math.inf
    for state, score in last.items():
        if score > best_score:
            best, best_score = state, score
    if best == (EMPTY, EMPTY):
        return [(UNKNOWN, end - 1), (END_UNKNOWN, end)]
    path = [(best, end)]
    state, i = best, end
    while i > 0:
        state, i = last_origins[state] if i == end else origins.of(state, i)
        path.append((state, i))
    return [(state[1], i) for state, i in reversed(path[:-1])]


def _morpheme_table(tagger, word: str, *, guess: bool, reachable: frozenset | None = None, pointers: bool = False):
    """HanTa's Viterbi over the word's characters: the best score of each (previous tag, tag)
    state at the word's end, in the order the states first reached it, and with ``pointers``,
    :class:`_Origins` telling for each state and position where its best path there came from.

    The search runs compiled (:func:`_character_search`); the order in which states first reach
    each position is HanTa's dict order: it decides which state is expanded first, and so the
    order of the final row, whose scores word_tag_scores sums in that order.
    """
    tables = _tables(tagger)
    lattice = tables.lattices.lattice(word, guess)
    final, final_scores, column_state, origin_column, origin_position = _character_search(
        len(word), *lattice, tables.guess_slot if guess else tables.no_guess, tables.guess_suffix,
        tables.guess_base_length, tables.follow_start, tables.follow_tag, tables.follow_transition,
        tables.reachable(reachable), tables.start, tables.state_column, pointers)
    states = [tables.state(state_id) for state_id in column_state[final].tolist()]
    final_row = dict(zip(states, final_scores.tolist()))
    return final_row, _Origins(tables, column_state, origin_column, origin_position) if pointers else None


class _Origins:
    """Back-pointers of a character search: ``origins.of(state, i)`` is the (state, position) the
    best path to ``state`` at position ``i`` came from."""

    def __init__(self, tables: _Tables, column_state: np.ndarray, origin_column: np.ndarray,
                 origin_position: np.ndarray):
        self.tables, self.column_state = tables, column_state
        self.origin_column, self.origin_position = origin_column, origin_position
        self.column = {state_id: column for column, state_id in enumerate(column_state.tolist())}

    def of(self, state: tuple[int, int], i: int) -> tuple[tuple[int, int], int]:
        column = self.column[self.tables.state_id(state)]
        came_from = int(self.origin_column[column, i])
        return self.tables.state(int(self.column_state[came_from])), int(self.origin_position[column, i])


class _Tables:
    """HanTa's morpheme tables as arrays for the compiled search, built once per tagger.

    Tags are numbered from 0 (``tag + offset``); a state (previous tag, tag) is
    ``previous * size + tag`` in those numbers."""

    def __init__(self, tagger):
        from HanTa.HanoverTagger import EMPTY, START

        followers = tagger.LP_trans_nonfinal
        tags = [tag for tag in tagger.int2tag if isinstance(tag, int)]
        tags += [tag for state, following in followers.items() for tag in (*state, *(t for t, _ in following))]
        self.offset = -min(tags)
        self.size = size = max(tags) + self.offset + 1
        self.follow_start, self.follow_tag, self.follow_transition = follower_table(
            [(tag + self.offset, transition) for tag, transition in followers.get(self.state(state_id), ())]
            for state_id in range(size * size))
        self.start = self.state_id((EMPTY, START))
        # every listed morpheme with its tags and scores (the tries of :mod:`.lattice` find them in a word)
        listing = {morpheme: ([tag + self.offset for tag, _ in found], [score for _, score in found])
                   for morpheme, found in _tags_listing(tagger).items()}
        suffixes = sorted(_guess_suffixes(tagger))
        self.lattices = MorphemeLattices(listing, {suffix: n for n, suffix in enumerate(suffixes)})
        models, base_lengths = _guess_models(tagger), _guess_base_lengths(tagger)
        self.guess_slot = np.full(size, -1, dtype=np.int64)
        self.guess_suffix = np.zeros((len(models), len(suffixes)), dtype=np.float64)
        self.guess_base_length = np.zeros((len(models), 25), dtype=np.float64)
        for slot, (tag, (_, suffix_scores, _)) in enumerate(models.items()):
            self.guess_slot[tag + self.offset] = slot
            self.guess_suffix[slot] = [suffix_scores[suffix] for suffix in suffixes]
            self.guess_base_length[slot] = base_lengths[tag][:25]
        self.no_guess = np.full(size, -1, dtype=np.int64)
        self.everything_reachable = np.ones(size, dtype=np.bool_)
        self.state_column = np.full(size * size, -1, dtype=np.int64)  # the search's scratch map, left all -1
        self._reachable: dict[frozenset, np.ndarray] = {}

    def state(self, state_id: int) -> tuple[int, int]:
        return state_id // self.size - self.offset, state_id % self.size - self.offset

    def state_id(self, state: tuple[int, int]) -> int:
        return (state[0] + self.offset) * self.size + state[1] + self.offset

    def reachable(self, tags: frozenset | None) -> np.ndarray:
        if tags is None:
            return self.everything_reachable
        found = self._reachable.get(tags)
        if found is None:
            found = self._reachable[tags] = np.zeros(self.size, dtype=np.bool_)
            found[[tag + self.offset for tag in tags]] = True
        return found


def follower_table(rows: Iterable[list[tuple[int, float]]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Transitions by state number as arrays: where each state's followers begin (one more entry
    than states), each follower's tag number and its transition, in the order given."""
    starts, tags, transitions = [0], [], []
    for row in rows:
        for tag, transition in row:
            tags.append(tag)
            transitions.append(transition)
        starts.append(len(tags))
    return (np.array(starts, dtype=np.int64), np.array(tags, dtype=np.int64),
            np.array(transitions, dtype=np.float64))


@cache
def _tables(tagger) -> _Tables:
    return _Tables(tagger)


@njit(cache=True)
def _character_search(length, row_start, entry_end, entry_tag, entry_score, suffix_number, guess_slot, guess_suffix,
                      guess_base_length, follow_start, follow_tag, follow_transition, reachable, start, state_column,
                      pointers):
    """The Viterbi over a word's characters (:func:`_morpheme_table`), on :class:`_Tables`' arrays.

    Columns hold a state's scores over positions; ``arrival[i]`` lists the columns in the order
    they first reached position ``i``.  Returns the columns at the word's end (in that order),
    their scores, each column's state, and with ``pointers`` each cell's origin column and
    position.  The additions are HanTa's, in its order, so the scores are equal to the bit."""
    size = reachable.shape[0]
    width = length + 1
    minus_infinity = -np.inf
    capacity = 16
    scores = np.full((capacity, width), minus_infinity)
    column_state = np.empty(capacity, dtype=np.int64)
    origin_column = np.full((capacity if pointers else 1, width), -1, dtype=np.int64)
    origin_position = np.full((capacity if pointers else 1, width), -1, dtype=np.int64)
    arrival_capacity = 8
    arrival = np.empty((width, arrival_capacity), dtype=np.int64)
    arrivals = np.zeros(width, dtype=np.int64)
    columns = 1
    column_state[0] = start
    state_column[start] = 0
    scores[0, 0] = 0.0
    arrival[0, 0] = 0
    arrivals[0] = 1
    # per tag, the row's listed substrings and its substring scores (valid where the stamp is the row's)
    listed_stamp = np.zeros(size, dtype=np.int64)
    listed_count = np.zeros(size, dtype=np.int64)
    listed_end = np.empty((size, width), dtype=np.int64)
    listed_score = np.empty((size, width), dtype=np.float64)
    morpheme_stamp = np.zeros(size, dtype=np.int64)
    morpheme_count = np.zeros(size, dtype=np.int64)
    morpheme_end = np.empty((size, width), dtype=np.int64)
    morpheme_score = np.empty((size, width), dtype=np.float64)
    own_mark = np.zeros(width, dtype=np.int64)
    own_score = np.empty(width, dtype=np.float64)
    marks = 0
    for i in range(width):
        count = arrivals[i]
        if count == 0:  # no segmentation reaches this position (common without guessing)
            continue
        if count > _KEPT_STATES:
            row = np.empty(count, dtype=np.float64)
            for a in range(count):
                row[a] = scores[arrival[i, a], i]
            row.sort()
            bound = row[count - 1 - _KEPT_STATES] - 1
        else:
            bound = LOWER_BOUND
        stamp = i + 1
        for e in range(row_start[i], row_start[i + 1]):
            tag = entry_tag[e]
            if listed_stamp[tag] != stamp:
                listed_stamp[tag] = stamp
                listed_count[tag] = 0
            n = listed_count[tag]
            listed_end[tag, n] = entry_end[e]
            listed_score[tag, n] = entry_score[e]
            listed_count[tag] = n + 1
        for a in range(count):
            column = arrival[i, a]
            score = scores[column, i]
            if score < bound:
                continue
            state = column_state[column]
            previous = state % size
            for f in range(follow_start[state], follow_start[state + 1]):
                tag = follow_tag[f]
                if not reachable[tag]:
                    continue
                if morpheme_stamp[tag] != stamp:  # the same for every state of this row: computed once
                    morpheme_stamp[tag] = stamp
                    n = 0
                    has_listed = listed_stamp[tag] == stamp
                    slot = guess_slot[tag]
                    if slot < 0:  # listed morphemes only
                        if has_listed:
                            for k in range(listed_count[tag]):
                                morpheme_end[tag, n] = listed_end[tag, k]
                                morpheme_score[tag, n] = listed_score[tag, k]
                                n += 1
                    else:  # its listed score, else HanTa's guess by suffix and length
                        marks += 1
                        if has_listed:
                            for k in range(listed_count[tag]):
                                own_mark[listed_end[tag, k]] = marks
                                own_score[listed_end[tag, k]] = listed_score[tag, k]
                        for j in range(i + 1, width):
                            span = j - i
                            if own_mark[j] == marks:
                                morpheme = own_score[j]
                            elif length < 4 or span > 2:  # HanTa never guesses 1-2 letters of longer words
                                morpheme = (guess_base_length[slot, min(span, 24)]
                                            + guess_suffix[slot, suffix_number[j, min(span - 1, 4)]])
                                if span == length:  # HanTa penalises the whole word as one unknown morpheme
                                    morpheme = morpheme - 4.6
                            else:
                                continue
                            morpheme_end[tag, n] = j
                            morpheme_score[tag, n] = morpheme
                            n += 1
                    morpheme_count[tag] = n
                n = morpheme_count[tag]
                if n == 0:
                    continue
                key = previous * size + tag
                target = state_column[key]
                if target < 0:
                    if columns == capacity:
                        capacity *= 2
                        scores = _grown(scores, capacity, minus_infinity)
                        column_state = grown_vector(column_state, capacity)
                        if pointers:
                            origin_column = _grown(origin_column, capacity, -1)
                            origin_position = _grown(origin_position, capacity, -1)
                    target = columns
                    columns += 1
                    state_column[key] = target
                    column_state[target] = key
                base = score + follow_transition[f]
                for k in range(n):
                    j = morpheme_end[tag, k]
                    total = base + morpheme_score[tag, k]
                    if total > scores[target, j] and total > LOWER_BOUND:
                        if scores[target, j] == minus_infinity:
                            if arrivals[j] == arrival_capacity:
                                arrival_capacity *= 2
                                arrival = _grown_columns(arrival, arrival_capacity)
                            arrival[j, arrivals[j]] = target
                            arrivals[j] += 1
                        scores[target, j] = total
                        if pointers:
                            origin_column[target, j] = column
                            origin_position[target, j] = i
    for column in range(columns):  # leave the scratch map as it was given
        state_column[column_state[column]] = -1
    final = arrival[length, :arrivals[length]].copy()
    final_scores = np.empty(final.shape[0], dtype=np.float64)
    for a in range(final.shape[0]):
        final_scores[a] = scores[final[a], length]
    return final, final_scores, column_state[:columns].copy(), origin_column, origin_position


@njit(cache=True)
def _grown(table, rows, fill):
    grown = np.full((rows, table.shape[1]), fill, dtype=table.dtype)
    grown[:table.shape[0]] = table
    return grown


@njit(cache=True)
def grown_vector(vector, size):
    grown = np.empty(size, dtype=vector.dtype)
    grown[:vector.shape[0]] = vector
    return grown


@njit(cache=True)
def _grown_columns(table, columns):
    grown = np.empty((table.shape[0], columns), dtype=table.dtype)
    grown[:, :table.shape[1]] = table
    return grown


@cache
def _tags_listing(tagger) -> dict[str, tuple[tuple[int, float], ...]]:
    """For each listed morpheme, the tags listing it with their scores, in HanTa's tag order."""
    by_morpheme: dict[str, list[tuple[int, float]]] = {}
    for tag, morphemes in tagger.LP_m_t.items():
        for morpheme, score in morphemes.items():
            by_morpheme.setdefault(morpheme, []).append((tag, score))
    return {morpheme: tuple(tags) for morpheme, tags in by_morpheme.items()}


_GuessModel = tuple[float, dict[str, float], list[float]]  # base score, suffix scores, length scores


@cache
def _guess_suffixes(tagger) -> frozenset[str]:
    """The suffixes the guessing models score (every model lists the same ones)."""
    keys = {frozenset(suffixes) for _, suffixes, _ in _guess_models(tagger).values()}
    if len(keys) != 1:
        raise ValueError("HanTa's guessing models list different suffixes; the suffix numbers assume one set")
    return next(iter(keys))


@cache
def _guess_models(tagger) -> dict[int, _GuessModel]:
    """The few tags (open classes) HanTa lets an unseen morpheme have, with their guessing model."""
    return {tag: (tagger.Int_t + tagger.LP_hapax_t[tag], tagger.LP_s_t[tag], tagger.LP_len_t[tag])
            for tag in tagger.LP_hapax_t if tag in tagger.LP_s_t}


@cache
def _guess_base_lengths(tagger) -> dict[int, list[float]]:
    """Per guessing tag, its base score plus each length score (the first addition of a guess)."""
    return {tag: [base + length for length in lengths] for tag, (base, _, lengths) in _guess_models(tagger).items()}

