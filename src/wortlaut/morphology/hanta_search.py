"""Faster equivalents of HanTa's three searches, with the same results.

HanTa (``HanTa.HanoverTagger``) spends nearly all its time in three Viterbi searches:

- over a sentence's tags (:func:`sentence_tags`): HanTa tries every tag that may follow
  each state and drops those the word cannot have; a word has a handful of tags, so here
  those are tried directly (about ten times faster);
- over the characters of an unknown word, for its tag scores (:func:`word_tag_scores`)
  and for the morphemes behind its lemma (:func:`best_segmentation`): HanTa scores every
  substring under every tag, one method call per score; here the listed substrings are found
  once per position with the tags listing them, tags that cannot guess unknown morphemes only
  try those, and scores are kept per state in lists over positions (2 to 2.5 times faster).

``tests/test_morphology.py`` compares each with HanTa's own method.  The functions read
HanTa's model tables from the tagger object; ``wortlaut.morphology`` plugs them into its tagger.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

import numpy as np

_LOWER_BOUND = -1e6  # HanTa's floor for log probabilities worth keeping
_KEPT_STATES = 3  # HanTa continues from a row's best states only (and ties): in a word
_KEPT_SENTENCE_STATES = 5  # and in a sentence
_MINUS_INFINITY = -math.inf
_RESCALE_BELOW = _LOWER_BOUND / 10  # a sentence's best score this low is shifted back to 0 (order unchanged)


def sentence_tags(tagger, words: Sequence[str], case_sensitive: bool) -> list[int]:
    """The best tag sequence for a sentence (HanTa's trigram HMM over its word tag scores)."""
    from HanTa.HanoverTagger import EMPTY, END, START, UNKNOWN

    transitions = tagger.LP_trans_word
    lower_bound, minus_infinity = _LOWER_BOUND, _MINUS_INFINITY
    back: list[dict[tuple[int, int], tuple[int, int]]] = []
    previous_row: dict[tuple[int, int], float] = {(EMPTY, START): 0.0}
    for i, word in enumerate(words):
        scores = dict(tagger._tag_word(word, cutoff=5, casesensitive=case_sensitive and i > 0, conditional=True))
        if len(scores) == 1 and UNKNOWN in scores:
            scores = {}
        word_scores = list(scores.items())
        row: dict[tuple[int, int], float] = {}
        pointers: dict[tuple[int, int], tuple[int, int]] = {}
        if len(previous_row) > _KEPT_SENTENCE_STATES:
            bound = sorted(previous_row.values(), reverse=True)[_KEPT_SENTENCE_STATES] - 1
        else:
            bound = lower_bound
        for state, score in previous_row.items():
            if score < bound:
                continue
            following = transitions[state]
            previous = state[1]
            if word_scores:  # the word's own tags, those the state may go on to
                for tag, word_score in word_scores:
                    transition = following.get(tag)
                    if transition is None:
                        continue
                    total = score + transition + word_score
                    if total > lower_bound:
                        key = (previous, tag)
                        if total > row.get(key, minus_infinity):
                            row[key] = total
                            pointers[key] = state
            else:  # an unknown word may be anything
                for tag, transition in following.items():
                    if tag == END:
                        continue
                    total = score + transition + 0.0
                    if total > lower_bound:
                        key = (previous, tag)
                        if total > row.get(key, minus_infinity):
                            row[key] = total
                            pointers[key] = state
        back.append(pointers)
        top = max(row.values(), default=0.0)
        if top < _RESCALE_BELOW:  # a sentence of thousands of words: keep the scores above HanTa's floor
            row = {key: score - top for key, score in row.items()}
        previous_row = row
    best, best_score = None, -math.inf
    for state, score in previous_row.items():
        total = score + transitions[state].get(END, -math.inf)
        if total > best_score:
            best, best_score = state, total
    if best is None:  # no path at all (cannot happen after rescaling; kept as a safe fallback)
        return [UNKNOWN] * len(back)
    tags = []
    state = best
    for pointers in reversed(back):
        tags.append(state[1])
        state = pointers[state]
    return tags[::-1]


def word_tag_scores(tagger, word: str) -> list[tuple[int, float]]:
    """(tag, log probability) of ``word`` from HanTa's morpheme HMM, best first."""
    from HanTa.HanoverTagger import UNKNOWN

    final_row, _ = _morpheme_table(tagger, word, guess=not tagger.strict)
    last: dict[tuple[int, int], float] = {}
    for state, score in final_row.items():
        for tag, transition in tagger.LP_trans_final.get(state, ()):
            total = score + transition
            if total > _LOWER_BOUND:
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
                if total > _LOWER_BOUND:
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
        state, i = last_origins[state] if i == end else origins[state][i]
        path.append((state, i))
    return [(state[1], i) for state, i in reversed(path[:-1])]


def _morpheme_table(tagger, word: str, *, guess: bool, reachable: frozenset | None = None, pointers: bool = False):
    """HanTa's Viterbi over the word's characters: the best score of each (previous tag, tag)
    state at the word's end, in the order the states first reached it, and with ``pointers``,
    for each state and position, where its best path there came from ((state, position)).

    Scores are kept per state in a list over positions (a list index instead of hashing the
    state for every substring), with the order in which states first reach each position
    (HanTa's dict order): it decides which state is expanded first, and so the order of the
    final row, whose scores word_tag_scores sums in that order.
    """
    from HanTa.HanoverTagger import EMPTY, START

    length = len(word)
    nonfinal = tagger.LP_trans_nonfinal
    guessable = _guess_models(tagger) if guess else {}
    base_lengths = _guess_base_lengths(tagger) if guess else {}
    suffix_keys = _suffix_keys(_guess_suffixes(tagger), word) if guess else []
    listed, longest = _listed_morphemes(tagger)
    tags_listing = _tags_listing(tagger)
    lower_bound, minus_infinity = _LOWER_BOUND, _MINUS_INFINITY
    start = (EMPTY, START)
    columns: dict[tuple[int, int], list[float]] = {start: [0.0] + [minus_infinity] * length}
    origins: dict[tuple[int, int], list] | None = {start: [None] * (length + 1)} if pointers else None
    arrivals: list[list[tuple[int, int]]] = [[start]] + [[] for _ in range(length)]
    for i in range(length + 1):
        states = arrivals[i]
        if not states:  # no segmentation reaches this position (common without guessing)
            continue
        row = [columns[state][i] for state in states]
        bound = sorted(row, reverse=True)[_KEPT_STATES] - 1 if len(row) > _KEPT_STATES else lower_bound
        # Substrings from i that some tag lists as a morpheme: the only ones a tag
        # without a guessing model can take.
        last_end = length if guessable else min(length, i + longest)
        candidates = [(j, segment) for j in range(i + 1, last_end + 1) if (segment := word[i:j]) in listed]
        # Per tag, (end, score) of each substring from i it lists, in the order of the ends: built
        # from the substrings here (a handful) rather than by asking each of the ~150 tags.
        listed_scores: dict[int, list[tuple[int, float]]] = {}
        for j, segment in candidates:
            for tag, found in tags_listing[segment]:
                scores = listed_scores.get(tag)
                if scores is None:
                    listed_scores[tag] = [(j, found)]
                else:
                    scores.append((j, found))
        morpheme_scores: dict[int, list[tuple[int, float]]] = {}  # per tag: (end, score) of each substring
        plan = None  # what a guess at each end needs, the same for every guessing tag of this row
        for state, score in zip(states, row):
            if score < bound:
                continue
            followers = nonfinal.get(state)
            if not followers:
                continue
            previous = state[1]
            origin = (state, i)
            for tag, transition in followers:
                if reachable is not None and tag not in reachable:
                    continue
                scores = morpheme_scores.get(tag)
                if scores is None:  # the same for every state of this row: computed once
                    model = guessable.get(tag)
                    if model is None:  # listed morphemes only
                        scores = listed_scores.get(tag, _NONE)
                    else:
                        if plan is None:
                            plan = _guess_plan(suffix_keys, i, length)
                        scores = _guessed_scores(model[1], base_lengths[tag], listed_scores.get(tag), plan)
                    morpheme_scores[tag] = scores
                if not scores:
                    continue
                key = (previous, tag)
                column = columns.get(key)
                if column is None:
                    column = columns[key] = [minus_infinity] * (length + 1)
                    if origins is not None:
                        origins[key] = [None] * (length + 1)
                base = score + transition
                # two copies of the innermost loop, with and without back-pointers, so that the
                # hottest loop of the search tests nothing extra at each step
                if origins is None:
                    for j, morpheme in scores:
                        total = base + morpheme
                        if total > column[j] and total > lower_bound:
                            if column[j] == minus_infinity:
                                arrivals[j].append(key)
                            column[j] = total
                else:
                    came_from = origins[key]
                    for j, morpheme in scores:
                        total = base + morpheme
                        if total > column[j] and total > lower_bound:
                            if column[j] == minus_infinity:
                                arrivals[j].append(key)
                            column[j] = total
                            came_from[j] = origin
    return {state: columns[state][length] for state in arrivals[length]}, origins


def _guess_plan(suffix_keys: list[tuple[str, ...]], start: int, length: int) -> list[tuple[int, int, str, bool, bool]]:
    """For each end ``j`` of a substring from ``start``: ``j``, the index into a guessing model's
    length scores, the suffix it is scored by, whether it is the whole word, and whether it may be
    guessed at all (HanTa never guesses morphemes of one or two letters in words of four or more)."""
    plan = []
    for j in range(start + 1, length + 1):
        size = j - start
        plan.append((j, min(size, 24), suffix_keys[j][min(size - 1, 4)], size == length, length < 4 or size > 2))
    return plan


def _guessed_scores(suffixes: dict[str, float], base_lengths: list[float], listed: list[tuple[int, float]] | None,
                    plan: list[tuple[int, int, str, bool, bool]]) -> list[tuple[int, float]]:
    """(end, score) of every substring from the row's position under a tag with a guessing model:
    its listed score (``listed``: (end, score) pairs), else HanTa's guess (:func:`_guess`: base
    plus length score, plus suffix score, less 4.6 for the whole word; the same additions in the
    same order).  Substrings whose guess is -inf are left out: no path can go through them."""
    if listed is None:
        return [(j, base_lengths[n] + suffixes[suffix] - 4.6 if whole else base_lengths[n] + suffixes[suffix])
                for j, n, suffix, whole, guessable in plan if guessable]
    own = dict(listed)
    scores = []
    for j, n, suffix, whole, guessable in plan:
        morpheme = own.get(j)
        if morpheme is None:
            if not guessable:
                continue
            morpheme = base_lengths[n] + suffixes[suffix]
            if whole:
                morpheme = morpheme - 4.6
        scores.append((j, morpheme))
    return scores


def _suffix_keys(suffixes: frozenset[str], word: str) -> list[tuple[str, ...]]:
    """For each end ``j`` of a substring and each ``k`` from 0 to 4: the longest suffix
    ``word[j-n:j]`` with ``n <= k`` the guessing models list, else ``""`` (what :func:`_guess`
    looks up for a substring ending at ``j`` longer than ``k``)."""
    table = []
    for j in range(len(word) + 1):
        keys = [""]
        for k in range(1, 5):
            suffix = word[j - k:j]
            keys.append(suffix if k <= j and suffix in suffixes else keys[-1])
        table.append(tuple(keys))
    return table


@cache
def _listed_morphemes(tagger) -> tuple[frozenset[str], int]:
    """Every morpheme HanTa lists under some tag, and the length of the longest."""
    listed = frozenset(m for morphemes in tagger.LP_m_t.values() for m in morphemes)
    return listed, max(map(len, listed))


_NONE: list = []  # no (end, score) pairs; never appended to


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
        raise ValueError("HanTa's guessing models list different suffixes; _suffix_keys assumes one set")
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


def _guess(model: _GuessModel, segment: str, word_length: int) -> float:
    """HanTa's score for a substring never seen as a morpheme: by its suffix and length."""
    size = len(segment)
    if word_length >= 4 and size <= 2:
        return -math.inf
    base, suffixes, lengths = model
    for n in (4, 3, 2, 1):
        if size > n and segment[-n:] in suffixes:
            suffix = suffixes[segment[-n:]]
            break
    else:
        suffix = suffixes[""]
    score = base + lengths[min(size, 24)] + suffix
    # HanTa penalises reading the whole word as one unknown morpheme.
    return score - 4.6 if size == word_length else score
