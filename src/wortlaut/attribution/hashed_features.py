"""The taggers' features as their hashes, composed without spelling the strings.

Most of what :func:`.features.cue_features` and :func:`.features.role_features` spell for a token
is a neighbour's feature behind a prefix (``-1w=sagte``, ``pl=l=sagen``, the lemma bigram
``bg=…|…``): a dozen new strings per token, each then hashed.  The hash of a concatenation follows
from its parts' raw hashes and lengths (:func:`wortlaut.feature_hashing.concatenated`), so here each
token's own strings (:class:`TokenStrings`), each clause's context and each role window token's
place are hashed once, and compiled code composes every feature's hash in the order of the string
functions.  The results equal ``feature_hashes`` of their strings (``tests/attribution/
test_hashed_features.py``); the string functions stay the definition, and what training reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..feature_hashing import concatenated, feature_hashes, mixed, powers, raw_hashes
from ..jit import njit
from ..model import Document, Sentence, Statement
from .features import CUE_WINDOW, CUE_WINDOW_PREFIXES, TokenInfo, clause_context, clause_summaries, role_extras

_CONSTANTS = ("sq", "s1", "first", "-1edge", "1edge", "sbegin")
_JOINERS = ("pl=", "bg=", "|", "nl=")
_ROLE_PREFIXES = ("-1", "+1", "-2", "+2", "+2w", "-2w", "-3", "+3")


@dataclass(frozen=True)
class TokenStrings:
    """Every token's own and short features (``TokenInfo.base`` and ``.short``), hashed once per
    document: token t's own are ``raw[own_start[t]:short_start[t]]``, its short ones follow up to
    ``own_start[t + 1]``."""

    raw: np.ndarray
    lengths: np.ndarray
    own_start: np.ndarray
    short_start: np.ndarray

    @classmethod
    def of(cls, infos: Sequence[TokenInfo]) -> TokenStrings:
        strings: list[str] = []
        own_start, short_start = [], []
        for info in infos:
            own_start.append(len(strings))
            strings += info.base
            short_start.append(len(strings))
            strings += info.short
        own_start.append(len(strings))
        raw, lengths = raw_hashes(strings)
        return cls(raw, lengths, np.array(own_start, np.int64), np.array(short_start, np.int64))

    def powers(self) -> np.ndarray:
        """Enough powers to put any of the strings behind a prefix of up to 8 bytes."""
        return powers((int(self.lengths.max()) if len(self.lengths) else 0) + 8)


def cue_feature_hashes(doc: Document, infos: Sequence[TokenInfo], sentences: Sequence[Sentence],
                       table: TokenStrings | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``feature_hashes`` of the ``cue_features`` of each of ``sentences`` (none empty), all
    tokens one after the other, and where each token's start (``starts[k]`` to ``starts[k + 1]``)."""
    table = table or TokenStrings.of(infos)
    tokens = doc.tokens
    strings: list[str] = []  # the clauses' context features
    # per token: its index, its clause's context (start, end in ``strings``), its sentence's flags and tokens
    items, context_start, context_end, flags, first, end = [], [], [], [], [], []
    for sentence in sentences:
        start, stop = sentence.token_start, sentence.token_end
        clauses = clause_summaries(doc, infos, start, stop)
        context = {}
        for clause in clauses:
            features = clause_context(clauses, clause)
            context[clause] = (len(strings), len(strings) + len(features))
            strings += features
        has_quote = any(tokens[i].in_quote for i in range(start, stop))
        subj1 = any(tokens[i].mood == "subj1" for i in range(start, stop))
        for i in range(start, stop):
            at, to = context[infos[i].clause]
            context_start.append(at)
            context_end.append(to)
        items += range(start, stop)
        flags += [has_quote + 2 * subj1] * (stop - start)
        first += [start] * (stop - start)
        end += [stop] * (stop - start)
    context_raw, _ = raw_hashes(strings)
    window_raw, window_lengths = raw_hashes(list(CUE_WINDOW_PREFIXES))
    joiner_raw, joiner_lengths = raw_hashes(list(_JOINERS))
    as_array = np.array
    return _counted_then_written(_compose_cue, len(items), table.raw, table.lengths, table.own_start,
                                 table.short_start, as_array(items, np.int64), context_raw,
                                 as_array(context_start, np.int64), as_array(context_end, np.int64),
                                 as_array(flags, np.int64), as_array(first, np.int64), as_array(end, np.int64),
                                 feature_hashes(list(_CONSTANTS)), as_array(CUE_WINDOW, np.int64), window_raw,
                                 window_lengths, joiner_raw, joiner_lengths, table.powers())


def role_feature_hashes(doc: Document, infos: Sequence[TokenInfo], cues: Sequence[Sequence[int]],
                        rules: Sequence[Statement | None], windows: Sequence[tuple[int, int]],
                        table: TokenStrings | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``feature_hashes`` of the ``role_features`` of each cue (with its rule statement and window),
    all windows' tokens one after the other, and where each token's start."""
    table = table or TokenStrings.of(infos)
    strings: list[str] = []  # the tokens' extras (``role_extras``)
    items, extras_start, first, end = [], [], [], []
    for cue, rule, (start, stop) in zip(cues, rules, windows):
        for extras in role_extras(doc, infos, cue, rule, start, stop):
            extras_start.append(len(strings))
            strings += extras
        items += range(start, stop)
        first += [start] * (stop - start)
        end += [stop] * (stop - start)
    extras_start.append(len(strings))
    extras_raw, _ = raw_hashes(strings)
    prefix_raw, prefix_lengths = raw_hashes(list(_ROLE_PREFIXES))
    sentence = np.array([token.sentence for token in doc.tokens], np.int64)
    as_array = np.array
    return _counted_then_written(_compose_role, len(items), table.raw, table.lengths, table.own_start,
                                 table.short_start, as_array(items, np.int64), extras_raw,
                                 as_array(extras_start, np.int64), as_array(first, np.int64), as_array(end, np.int64),
                                 sentence, feature_hashes(list(_CONSTANTS)), prefix_raw, prefix_lengths,
                                 table.powers())


def _counted_then_written(compose, items: int, *arguments) -> tuple[np.ndarray, np.ndarray]:
    """``(hashes, starts)`` of a compose kernel: a first pass counts each item's hashes (``starts``),
    a second writes them into an array of that size."""
    starts = np.zeros(items + 1, np.int64)
    hashes = np.empty(compose(np.zeros(0, np.uint64), False, starts, *arguments), np.uint64)
    compose(hashes, True, starts, *arguments)
    return hashes, starts


@njit(cache=True)
def _put(hashes, count, fill, raw, start, stop):
    """The hashes of the strings ``raw[start:stop]`` written from ``count`` on (when filling);
    returns the count after them."""
    for k in range(start, stop):
        if fill:
            hashes[count] = mixed(raw[k])
        count += 1
    return count


@njit(cache=True)
def _put_prefixed(hashes, count, fill, raw, start, stop, prefix, prefix_raw, prefix_lengths, powers):
    """:func:`_put` of the strings behind prefix number ``prefix``."""
    for k in range(start, stop):
        if fill:
            hashes[count] = mixed(concatenated(prefix_raw[prefix], prefix_lengths[prefix], raw[k], powers))
        count += 1
    return count


@njit(cache=True)
def _put_hash(hashes, count, fill, value):
    if fill:
        hashes[count] = value
    return count + 1


@njit(cache=True)
def _compose_cue(hashes, fill, starts, raw, lengths, own_start, short_start, items, context_raw, context_start,
                 context_end, flags, first, end, constants, window, window_raw, window_lengths, joiner_raw,
                 joiner_lengths, powers):
    """The hashes in ``cue_features``' order (see there): one pass of :func:`_counted_then_written`."""
    count = 0
    for item in range(items.shape[0]):
        starts[item] = count
        i = items[item]
        count = _put(hashes, count, fill, raw, own_start[i], short_start[i])
        for bit in range(2):  # "sq", "s1"
            if flags[item] >> bit & 1:
                count = _put_hash(hashes, count, fill, constants[bit])
        count = _put(hashes, count, fill, context_raw, context_start[item], context_end[item])
        if i == first[item]:
            count = _put_hash(hashes, count, fill, constants[2])
        for w in range(window.shape[0]):
            j = i + window[w]
            if first[item] <= j < end[item]:
                count = _put_prefixed(hashes, count, fill, raw, short_start[j], own_start[j + 1], w, window_raw,
                                      window_lengths, powers)
            elif window[w] == -1 or window[w] == 1:
                count = _put_hash(hashes, count, fill, constants[3] if window[w] == -1 else constants[4])
        lemma = own_start[i] + 1
        if i > first[item]:
            previous = own_start[i - 1] + 1  # "pl=" and the lemma bigram "bg=" previous "|" own
            count = _put_prefixed(hashes, count, fill, raw, previous, previous + 1, 0, joiner_raw, joiner_lengths,
                                  powers)
            bigram = concatenated(joiner_raw[1], joiner_lengths[1], raw[previous], powers)
            bigram = concatenated(bigram, joiner_lengths[1] + lengths[previous], joiner_raw[2], powers)
            bigram = concatenated(bigram, joiner_lengths[1] + lengths[previous] + joiner_lengths[2],
                                  raw[lemma], powers)
            count = _put_hash(hashes, count, fill, mixed(bigram))
        if i + 1 < end[item]:  # "nl="
            count = _put_prefixed(hashes, count, fill, raw, own_start[i + 1] + 1, own_start[i + 1] + 2, 3,
                                  joiner_raw, joiner_lengths, powers)
    starts[items.shape[0]] = count
    return count


@njit(cache=True)
def _compose_role(hashes, fill, starts, raw, lengths, own_start, short_start, items, extras_raw, extras_start, first,
                  end, sentence, constants, prefix_raw, prefix_lengths, powers):
    """The hashes in ``role_features``' order (see there): one pass of :func:`_counted_then_written`."""
    count = 0
    for item in range(items.shape[0]):
        starts[item] = count
        i = items[item]
        count = _put(hashes, count, fill, raw, own_start[i], short_start[i])
        count = _put(hashes, count, fill, extras_raw, extras_start[item], extras_start[item + 1])
        # the neighbours' short features (w=, t=, …), prefixed as _ROLE_PREFIXES lists them:
        # all of the next ones', the tag (second) or word (first) of those further
        if i > first[item]:
            count = _put_prefixed(hashes, count, fill, raw, short_start[i - 1], own_start[i], 0, prefix_raw,
                                  prefix_lengths, powers)
            if sentence[i - 1] != sentence[i]:
                count = _put_hash(hashes, count, fill, constants[5])
        if i + 1 < end[item]:
            count = _put_prefixed(hashes, count, fill, raw, short_start[i + 1], own_start[i + 2], 1, prefix_raw,
                                  prefix_lengths, powers)
        for prefix, offset, short, present in ((2, -2, 1, i > first[item] + 1), (3, 2, 1, i + 2 < end[item]),
                                               (4, 2, 0, i + 2 < end[item]), (5, -2, 0, i > first[item] + 1),
                                               (6, -3, 1, i > first[item] + 2), (7, 3, 1, i + 3 < end[item])):
            if present:
                at = short_start[i + offset] + short
                count = _put_prefixed(hashes, count, fill, raw, at, at + 1, prefix, prefix_raw, prefix_lengths,
                                      powers)
    starts[items.shape[0]] = count
    return count
