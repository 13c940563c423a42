"""The NER CRF itself (``models/ner.crfsuite``): features of ``wortlaut.entities.ner``, training,
tagging, and what the card reports about it (recall on seen and unseen names, speed)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from wortlaut.entities.ner import FeatureCache, Resources, chunks, repair_bio, sentence_features
from wortlaut.formats.germeval import GermEvalSentence

from ..common import train_crf
from .data import gold_tags

Features = list[list[list[str]]]  # per sentence, per word: CRF attributes


def crf_params(c1: float, c2: float, iterations: int) -> dict:
    return {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True,
            "feature.minfreq": 1}


def featurize(words_list: list[list[str]], pos_list: list[list[str] | None], features: FeatureCache) -> Features:
    return [sentence_features(words, pos, features) for words, pos in zip(words_list, pos_list)]


def train(x: Features, y: list[list[str]], path: Path, *, c1: float, c2: float, iterations: int) -> None:
    train_crf(zip(x, y), crf_params(c1, c2, iterations), path)


def open_tagger(path: Path):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def predict(path: Path, x: Features) -> list[list[str]]:
    tagger = open_tagger(path)
    return [repair_bio(tagger.tag(xseq)) for xseq in x]


def seen_unseen_recall(train_part: list[GermEvalSentence], validation: list[GermEvalSentence],
                       predicted: list[list[str]]) -> tuple[float, float, float]:
    """Recall on validation chunks whose text occurs as an entity in the training part and on
    those that do not, and the share of the latter."""
    known = {" ".join(s.words[a:b]) for s, tags in zip(train_part, gold_tags(train_part)) for a, b, _ in chunks(tags)}
    hits = {True: [0, 0], False: [0, 0]}
    for sentence, tags, gold in zip(validation, predicted, gold_tags(validation)):
        found = set(chunks(tags))
        for chunk in chunks(gold):
            counts = hits[" ".join(sentence.words[chunk[0]:chunk[1]]) in known]
            counts[0] += chunk in found
            counts[1] += 1
    total = hits[True][1] + hits[False][1]
    return (hits[True][0] / max(hits[True][1], 1), hits[False][0] / max(hits[False][1], 1),
            hits[False][1] / max(total, 1))


def tagging_speed(path: Path, res: Resources, words_list: list[list[str]], pos_list: list[list[str] | None]
                  ) -> tuple[float, float]:
    """Microseconds per token of feature extraction plus Viterbi, tags given, over these sentences:
    with an empty word cache (every word new), and again with the cache filled."""
    tagger = open_tagger(path)
    features = FeatureCache(res)
    tokens = sum(len(words) for words in words_list)
    timings = []
    for _ in range(2):
        tick = time.perf_counter()
        for words, pos in zip(words_list, pos_list):
            tagger.tag(sentence_features(words, pos, features))
        timings.append((time.perf_counter() - tick) / max(tokens, 1) * 1e6)
    return timings[0], timings[1]


def load_seconds(path: Path) -> float:
    """Seconds a fresh process takes to load the package's NER tables and the model at ``path``."""
    code = ("import sys, time\nfrom wortlaut.entities.ner import resources_\nimport pycrfsuite\n"
            "tick = time.perf_counter()\nresources_()\npycrfsuite.Tagger().open(sys.argv[1])\n"
            "print(time.perf_counter() - tick)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return float(done.stdout)
