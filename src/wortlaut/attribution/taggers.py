"""The trained taggers: loading them, and reading cues and roles from a document with them."""

from __future__ import annotations

from functools import cache
from itertools import accumulate, chain
from pathlib import Path

import numpy as np

from ..crf import CRFModel, read_model
from ..feature_hashing import feature_hashes
from ..model import Document, Statement
from ..resources import model_path
from .config import CUE_MODEL, MODEL_FILES, ROLE_MODEL, AttributionConfig
from .decoding import complete_cue, connected_message, decode_cues, decode_roles, join_wie, with_apposition
from .features import role_window, token_infos
from .hashed_features import TokenStrings, cue_feature_hashes, role_feature_hashes
from .neural import BiLSTMTagger

Prediction = tuple[list[int], dict[str, list[int]]]  # cue tokens, {"S"/"M"/"A": tokens}


def averaged_labels(crf: CRFModel, neural: BiLSTMTagger | None, weight: float,
                    sequences: list[list[list[str]]]) -> list[list[str]]:
    """The CRF's Viterbi labels per sequence; with a neural tagger, the argmax of its probabilities
    averaged with the CRF's marginals (``weight`` on the neural side)."""
    # all sequences' feature strings hashed at once, for both taggers
    items = list(chain.from_iterable(sequences))
    return hashed_averaged_labels(crf, neural, weight, feature_hashes(list(chain.from_iterable(items))),
                                  np.cumsum([0, *map(len, items)]), [len(features) for features in sequences])


def hashed_averaged_labels(crf: CRFModel, neural: BiLSTMTagger | None, weight: float, hashes: np.ndarray,
                           starts: np.ndarray, lengths: list[int]) -> list[list[str]]:
    """:func:`averaged_labels` of sequences of ``lengths`` items, one after the other, whose features'
    ``feature_hashes`` are ``hashes``, item k's ``hashes[starts[k]:starts[k + 1]]``."""
    if not lengths:
        return []
    # the state scores of all items at once (each item's own), then split by sequence
    scores = np.split(crf.hashed_scores(hashes, starts), np.cumsum(lengths)[:-1])
    if neural is None:
        return [crf.best_labels(item_scores) for item_scores in scores]
    outside = neural.labels.index("O")
    columns = [crf.labels.index(label) for label in neural.labels]  # the CRF's column of each neural label
    # all sequences' items at once: each item's numbers are its own (elementwise operations)
    marginals = np.concatenate([crf.marginals(item_scores) for item_scores in scores])
    mixed = weight * np.concatenate(neural.hashed_probabilities(hashes, starts, lengths))
    mixed[:, outside] += (1 - weight) * marginals[:, columns[outside]]
    labels = ["O"] * len(mixed)
    # where ``O`` has at least half of the mass no other label can win: the other labels
    # are only added for the remaining tokens (each a Python float added to a float32, as
    # python-crfsuite's marginals were: NumPy rounds it to float32 first)
    for k in np.flatnonzero(mixed[:, outside] < 0.5).tolist():
        for n in range(len(neural.labels)):
            if n != outside:
                mixed[k, n] += (1 - weight) * float(marginals[k, columns[n]])
        labels[k] = neural.labels[int(mixed[k].argmax())]
    ends = list(accumulate(lengths))
    return [labels[end - length:end] for end, length in zip(ends, lengths)]


def matching_rule(doc: Document, cue: list[int]) -> Statement | None:
    """The rules' (non-nested) statement with a cue overlapping this one."""
    wanted = set(cue)
    for statement in doc.statements:
        if statement.nested_in is None and wanted.intersection(statement.cue.tokens):
            return statement
    return None


class Attributor:
    """The loaded taggers: a cue CRF, a role CRF, optionally a sentence CRF and BiLSTMs averaged
    with the first two."""

    def __init__(self, cue_model: Path, role_model: Path, sentence_model: Path | None = None,
                 neural_cue_model: Path | None = None, neural_role_model: Path | None = None):
        self.cue_tagger = read_model(cue_model)
        self.role_tagger = read_model(role_model)
        self.sentence_tagger = read_model(sentence_model) if sentence_model is not None and sentence_model.exists() \
            else None
        self.neural_cue_tagger, self.neural_role_tagger = (
            BiLSTMTagger(path) if path is not None and path.exists() else None
            for path in (neural_cue_model, neural_role_model))

    def predict(self, doc: Document, config: AttributionConfig) -> list[Prediction]:
        """``(cue tokens, {"S"/"M"/"A": tokens})`` for every predicted cue."""
        infos = token_infos(doc)
        table = TokenStrings.of(infos)
        sentences = [s for s in doc.sentences if s.token_end > s.token_start]
        # the features as their hashes (``cue_features``, ``role_features`` without spelling them)
        hashes, starts = cue_feature_hashes(doc, infos, sentences, table)
        cues = []
        for sentence, labels in zip(sentences, hashed_averaged_labels(
                self.cue_tagger, self.neural_cue_tagger, config.neural_cue_weight, hashes, starts,
                [s.token_end - s.token_start for s in sentences])):
            if "B" not in labels and "I" not in labels:
                continue
            for cue in join_wie(doc, decode_cues(labels, sentence.token_start)):
                cues.append(complete_cue(doc, cue) if "complete_cues" in config.decoding else cue)
        windows = [role_window(doc, cue) for cue in cues]
        rules = [matching_rule(doc, cue) for cue in cues]
        hashes, starts = role_feature_hashes(doc, infos, cues, rules, windows, table)
        found = []
        for cue, rule, window, roles in zip(cues, rules, windows, hashed_averaged_labels(
                self.role_tagger, self.neural_role_tagger, config.neural_role_weight, hashes, starts,
                [end - start for start, end in windows])):
            result = decode_roles(roles, window[0], cue)
            if "connected_messages" in config.decoding:
                result["M"] = connected_message(doc, result["M"], cue, result)
            if not result["S"] and rule is not None and rule.source.tokens:
                result["S"] = list(rule.source.tokens)  # the tagger abstained; the rules found one
            if "appositions" in config.decoding and result["S"]:
                result["S"] = with_apposition(doc, result["S"], cue)
            found.append((cue, result))
        return found


@cache
def load_attributor(models: str | None = None) -> Attributor | None:
    """The taggers in the folder ``models`` (default: the shipped ones); None without the cue and role models."""
    def path(name: str) -> Path:
        return Path(models) / name if models else model_path(name)

    if not path(CUE_MODEL).exists() or not path(ROLE_MODEL).exists():
        return None
    return Attributor(*(path(name) for name in MODEL_FILES))
