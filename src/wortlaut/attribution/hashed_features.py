"""The cue tagger's features as their hashes, composed without spelling the strings.

Most of what :func:`.features.cue_features` spells for a token is a neighbour's feature behind a
prefix (``-1w=sagte``, ``pl=l=sagen``, the lemma bigram ``bg=…|…``): a dozen new strings per token,
each then hashed.  The hash of a concatenation follows from its parts' raw hashes and lengths
(:func:`wortlaut.feature_hashing.concatenated`), so here each token's own strings and each clause's
context are hashed once, and compiled code composes every feature's hash in ``cue_features``'
order.  The result equals ``feature_hashes`` of ``cue_features``' strings (``tests/attribution/
test_hashed_features.py``); ``cue_features`` stays the definition, and what training reads.
"""

from __future__ import annotations

from collections.abc import Sequence
import numpy as np

from ..feature_hashing import concatenated, feature_hashes, mixed, powers, raw_hashes
from ..jit import njit
from ..model import Document, Sentence
from .features import CUE_WINDOW, CUE_WINDOW_PREFIXES, TokenInfo, clause_context, clause_summaries

_CONSTANTS = ("sq", "s1", "first", "-1edge", "1edge")
_JOINERS = ("pl=", "bg=", "|", "nl=")


def cue_feature_hashes(doc: Document, infos: Sequence[TokenInfo],
                       sentences: Sequence[Sentence]) -> tuple[np.ndarray, np.ndarray]:
    """``feature_hashes`` of the ``cue_features`` of each of ``sentences`` (none empty), all
    tokens one after the other, and where each token's start (``starts[k]`` to ``starts[k + 1]``)."""
    tokens = doc.tokens
    strings: list[str] = []
    # per token: where its own strings start, its short ones start, its clause's context starts and ends
    own_start, short_start, context_start, context_end = [], [], [], []
    flags, first, end = [], [], []
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
        flags += [has_quote + 2 * subj1] * (stop - start)
        first += [len(first)] * (stop - start)  # positions in the sequence of these sentences' tokens
        end += [len(end) + stop - start] * (stop - start)
    for info in (infos[i] for sentence in sentences for i in range(sentence.token_start, sentence.token_end)):
        own_start.append(len(strings))
        strings += info.base
        short_start.append(len(strings))
        strings += info.short
    own_start.append(len(strings))
    raw, lengths = raw_hashes(strings)
    window_raw, window_lengths = raw_hashes(list(CUE_WINDOW_PREFIXES))
    joiner_raw, joiner_lengths = raw_hashes(list(_JOINERS))
    longest = int(lengths.max()) if len(lengths) else 0
    as_array = np.array
    return _compose(raw, lengths, as_array(own_start, np.int64), as_array(short_start, np.int64),
                    as_array(context_start, np.int64), as_array(context_end, np.int64), as_array(flags, np.int64),
                    as_array(first, np.int64), as_array(end, np.int64), feature_hashes(list(_CONSTANTS)),
                    as_array(CUE_WINDOW, np.int64), window_raw, window_lengths, joiner_raw, joiner_lengths,
                    powers(longest + 8))


@njit(cache=True)
def _compose(raw, lengths, own_start, short_start, context_start, context_end, flags, first, end, constants,
             window, window_raw, window_lengths, joiner_raw, joiner_lengths, powers):
    """The hashes in ``cue_features``' order (see there), counted, then written."""
    n = first.shape[0]
    starts = np.zeros(n + 1, np.int64)
    hashes = np.zeros(0, np.uint64)
    for fill in range(2):
        if fill:
            hashes = np.empty(starts[n], np.uint64)
        count = 0
        for i in range(n):
            starts[i] = count
            for k in range(own_start[i], short_start[i]):
                if fill:
                    hashes[count] = mixed(raw[k])
                count += 1
            for bit in range(2):  # "sq", "s1"
                if flags[i] >> bit & 1:
                    if fill:
                        hashes[count] = constants[bit]
                    count += 1
            for k in range(context_start[i], context_end[i]):
                if fill:
                    hashes[count] = mixed(raw[k])
                count += 1
            if i == first[i]:
                if fill:
                    hashes[count] = constants[2]
                count += 1
            for w in range(window.shape[0]):
                j = i + window[w]
                if first[i] <= j < end[i]:
                    for k in range(short_start[j], own_start[j + 1]):
                        if fill:
                            hashes[count] = mixed(concatenated(window_raw[w], window_lengths[w], raw[k], powers))
                        count += 1
                elif window[w] == -1 or window[w] == 1:
                    if fill:
                        hashes[count] = constants[3] if window[w] == -1 else constants[4]
                    count += 1
            lemma = own_start[i] + 1
            if i > first[i]:
                previous = own_start[i - 1] + 1
                if fill:
                    hashes[count] = mixed(concatenated(joiner_raw[0], joiner_lengths[0], raw[previous], powers))
                    bigram = concatenated(joiner_raw[1], joiner_lengths[1], raw[previous], powers)
                    bigram = concatenated(bigram, joiner_lengths[1] + lengths[previous], joiner_raw[2], powers)
                    bigram = concatenated(bigram, joiner_lengths[1] + lengths[previous] + joiner_lengths[2],
                                          raw[lemma], powers)
                    hashes[count + 1] = mixed(bigram)
                count += 2
            if i + 1 < end[i]:
                if fill:
                    hashes[count] = mixed(concatenated(joiner_raw[3], joiner_lengths[3], raw[own_start[i + 1] + 1],
                                                       powers))
                count += 1
        starts[n] = count
    return hashes, starts
