"""The cue features' hashes composed from their parts (wortlaut.attribution.hashed_features) equal
the hashes of the strings ``cue_features`` spells, feature by feature, in its order."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import SHARED, rules_only
from wortlaut.attribution.features import cue_features, token_infos
from wortlaut.attribution.hashed_features import cue_feature_hashes
from wortlaut.feature_hashing import feature_hashes

TEXTS = [
    "Kremlsprecher Dmitri Peskow sagte am Freitag in Wladiwostok, die NATO sehe Russland als Feind. "
    "„Wir sind bereit“, sagte er. Der Agentur Interfax zufolge äußerte sich Putin nicht.",
    "Danke.",
    "Nach Angaben Frankreichs trafen sich die Staats- und Regierungschefs: „Es ist Zeit“, hieß es. "
    "Er teilte mit, er habe nichts gewusst; sie sagte: „Nein.“ Ein sehr langer Satz ohne ein einziges Zitat "
    "und ohne Verb des Sagens, der einfach weitergeht, mit Fußballverein und Übermorgen.",
]


def _check(doc) -> int:
    infos = token_infos(doc)
    sentences = [s for s in doc.sentences if s.token_end > s.token_start]
    spelled = [cue_features(doc, infos, s.token_start, s.token_end) for s in sentences]
    tokens = [features for sentence in spelled for features in sentence]
    hashes, starts = cue_feature_hashes(doc, infos, sentences)
    assert starts.tolist() == np.cumsum([0, *map(len, tokens)]).tolist()
    assert hashes.tolist() == feature_hashes([f for features in tokens for f in features]).tolist()
    return len(tokens)


@pytest.mark.parametrize("text", TEXTS)
def test_composed_hashes_are_the_spelled_features_hashes(text):
    assert _check(rules_only(text)) > 0


@pytest.mark.skipif(not (SHARED / "data" / "10kgnad" / "articles.csv").is_file(), reason="no news corpus")
def test_composed_hashes_on_news():
    import csv

    with (SHARED / "data" / "10kgnad" / "articles.csv").open(encoding="utf-8", newline="") as handle:
        texts = [row[1] for row, _ in zip(csv.reader(handle, delimiter=";", quotechar="'"), range(40))]
    assert sum(_check(rules_only(text)) for text in texts) > 5_000
