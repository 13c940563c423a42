"""The features' hashes composed from their parts (wortlaut.attribution.hashed_features) equal the
hashes of the strings ``cue_features`` and ``role_features`` spell, feature by feature, in their order."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import SHARED, rules_only
from wortlaut.attribution.features import cue_features, role_features, role_window, token_infos
from wortlaut.attribution.hashed_features import TokenStrings, cue_feature_hashes, role_feature_hashes
from wortlaut.attribution.taggers import matching_rule
from wortlaut.feature_hashing import feature_hashes

TEXTS = [
    ("Kremlsprecher Dmitri Peskow sagte am Freitag in Wladiwostok, die NATO sehe Russland als Feind. "
     "„Wir sind bereit“, sagte er. Der Agentur Interfax zufolge äußerte sich Putin nicht."),
    "Danke.",
    ("Nach Angaben Frankreichs trafen sich die Staats- und Regierungschefs: „Es ist Zeit“, hieß es. "
     "Er teilte mit, er habe nichts gewusst; sie sagte: „Nein.“ Ein sehr langer Satz ohne ein einziges Zitat "
     "und ohne Verb des Sagens, der einfach weitergeht, mit Fußballverein und Übermorgen."),
]


def _equal(spelled: list[list[str]], composed: tuple[np.ndarray, np.ndarray]) -> None:
    hashes, starts = composed
    assert starts.tolist() == np.cumsum([0, *map(len, spelled)]).tolist()
    assert hashes.tolist() == feature_hashes([f for features in spelled for f in features]).tolist()


def _check(doc) -> int:
    """Both taggers' features of ``doc``, the role tagger's for a cue at every finite verb and at
    each rule cue (with and without its rule statement); the number of token feature lists."""
    infos = token_infos(doc)
    table = TokenStrings.of(infos)
    sentences = [s for s in doc.sentences if s.token_end > s.token_start]
    spelled = [features for s in sentences for features in cue_features(doc, infos, s.token_start, s.token_end)]
    _equal(spelled, cue_feature_hashes(doc, infos, sentences, table))
    cues = [[t.index] for t in doc.tokens if t.tag.endswith("FIN")] + [list(s.cue.tokens) for s in doc.statements]
    cues = [cue for cue in cues if cue]
    rules = [matching_rule(doc, cue) if n % 2 else None for n, cue in enumerate(cues)]
    windows = [role_window(doc, cue) for cue in cues]
    role_spelled = [features for cue, rule, window in zip(cues, rules, windows)
                    for features in role_features(doc, infos, cue, rule, *window)]
    _equal(role_spelled, role_feature_hashes(doc, infos, cues, rules, windows, table))
    return len(spelled) + len(role_spelled)


@pytest.mark.parametrize("text", TEXTS)
def test_composed_hashes_are_the_spelled_features_hashes(text):
    assert _check(rules_only(text)) > 0


@pytest.mark.skipif(not (SHARED / "data" / "10kgnad" / "articles.csv").is_file(), reason="no news corpus")
def test_composed_hashes_on_news():
    import csv

    with (SHARED / "data" / "10kgnad" / "articles.csv").open(encoding="utf-8", newline="") as handle:
        texts = [row[1] for row, _ in zip(csv.reader(handle, delimiter=";", quotechar="'"), range(40))]
    assert sum(_check(rules_only(text)) for text in texts) > 5_000
