"""The NER tagger's numbered features (wortlaut.entities.feature_numbers) give exactly the state
scores crfsuite adds for ``sentence_features``' strings, and so python-crfsuite's labels."""

from __future__ import annotations

import numpy as np
import pycrfsuite
import pytest

from wortlaut.crf import read_model
from wortlaut.entities import ner
from wortlaut.morphology import tag_words
from wortlaut.resources import model_path

SENTENCES = [
    "Kremlsprecher Dmitri Peskow sagte am Freitag in Wladiwostok , die NATO sehe Russland als Feind .",
    "Nach Angaben Frankreichs trafen sich die Staats- und Regierungschefs in New York .",
    "Die EU-Kommission und der Ukraine-Verbündete Macron widersprachen dem 54-Jährigen .",
    "Danke .",
    "Merz",
    "Laut der Agentur Interfax zufolge äußerte sich Putin 2025 in Rio de Janeiro über Xqztbrm-Flöng .",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_scores_and_labels_equal_crfsuite_on_the_strings(sentence) -> None:
    words = sentence.split()
    pos = [stts for stts, _ in tag_words(words)]
    features = ner.FeatureCache(ner.resources_())
    marks = ner._phrase_matches(words, features.res.phrases)
    numbered = ner._numbered()
    model = read_model(model_path(ner.MODEL_NAME))
    for use_pos in (pos, None):
        expected = model.scores(ner.sentence_features(words, use_pos, features))
        assert np.array_equal(numbered.scores(words, use_pos, marks), expected)  # bit for bit
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path(ner.MODEL_NAME)))
    assert numbered.tag(words, pos, marks) == tagger.tag(ner.sentence_features(words, pos, features))


def test_a_multi_word_place_is_marked_as_in_the_strings() -> None:
    words = ["Sie", "flog", "nach", "New", "York", "."]
    marks = ner._phrase_matches(words, ner.resources_().phrases)
    assert marks[3:5] == ["zB", "zI"]
    assert ner.tag_sentence(words)[3:5] == ["B-LOC", "I-LOC"]


def test_sentences_scored_together_score_as_each_alone() -> None:
    """A document's sentences go through in one pass: no neighbour, pair or edge reaches across."""
    numbered = ner._numbered()
    phrases = ner.resources_().phrases
    sentences = []
    for n, sentence in enumerate(SENTENCES):
        words = sentence.split()
        pos = [stts for stts, _ in tag_words(words)] if n % 2 == 0 else None  # with and without tags
        sentences.append((words, pos, ner._phrase_matches(words, phrases)))
    together = numbered.sentence_scores(sentences)
    assert len(together) == len(SENTENCES)
    for (words, pos, marks), scores in zip(sentences, together):
        assert np.array_equal(scores, numbered.scores(words, pos, marks))
        assert np.array_equal(scores, read_model(model_path(ner.MODEL_NAME)).scores(
            ner.sentence_features(words, pos, ner.FeatureCache(ner.resources_()))))
    assert numbered.sentence_scores([]) == []
