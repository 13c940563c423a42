"""Cue-less statements from the sentence tagger (wortlaut.attribution.cueless), with a stand-in
tagger of fixed probabilities."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import rules_only, statement_with, words
from wortlaut.attribution import AttributionConfig
from wortlaut.attribution.cueless import add_cueless, covered_sentences


class FixedSentenceTagger:
    """Stands in for the sentence CRF (a ``wortlaut.crf.CRFModel``): fixed label probabilities per sentence."""

    labels = ("O", "R", "C", "I", "F", "D")

    def __init__(self, probabilities: list[dict[str, float]]):
        self.probabilities = probabilities

    def scores(self, features):
        assert len(features) == len(self.probabilities)
        return features

    def marginals(self, scores):
        return np.array([[p.get(label, 0.0) for label in self.labels] for p in self.probabilities])


def test_covered_sentences_need_half_of_their_tokens():
    doc = rules_only("Der Minister sagte , die Lage sei ernst . Das Wetter war schön .")
    assert doc.sentences[0].token_end == 9
    statement = statement_with(doc, [], [4, 5, 6, 7])
    doc.statements = [statement]
    assert covered_sentences(doc) == {}  # 4 of 9 tokens
    statement.content.tokens = [4, 5, 6, 7, 8]  # 5 of 9, the full stop included
    assert covered_sentences(doc) == {0: "indirect"}


def test_cueless_sentences_become_statements():
    doc = rules_only("Der Minister sagte , die Lage sei ernst . Man müsse jetzt handeln . "
                     "Die Regierung werde alles tun . Das Wetter war schön .")
    said = next(s for s in doc.statements if s.cue.text == "sagte")
    doc.statements = [said]  # only the cued statement; the continuations are left to the tagger
    tagger = FixedSentenceTagger([{"C": 0.9}, {"I": 0.8}, {"I": 0.7}, {"O": 0.9}])
    add_cueless(doc, tagger, AttributionConfig())
    first, continuation = doc.statements
    assert first is said
    # two continuation sentences in a row are one statement (SpkAtt's convention), spoken by the minister
    assert continuation.spkatt_form == "IndirectFreeIndirect" and continuation.cue.tokens == []
    assert continuation.content.text == "Man müsse jetzt handeln . Die Regierung werde alles tun"
    assert words(doc, continuation.source.tokens) == ["Der", "Minister"]
    assert continuation.speaker.text == "Der Minister"


def test_cueless_statement_below_the_threshold_or_without_a_speaker_before():
    doc = rules_only("Gespräche in Moskau würden die Position stärken .")
    doc.statements = []
    add_cueless(doc, FixedSentenceTagger([{"I": 0.9}]), AttributionConfig())
    assert doc.statements == []  # a continuation continues someone
    bar = AttributionConfig().sentence_threshold
    add_cueless(doc, FixedSentenceTagger([{"R": bar - 0.05, "O": 1.05 - bar}]), AttributionConfig())
    assert doc.statements == []
    add_cueless(doc, FixedSentenceTagger([{"R": bar - 0.05, "O": 1.05 - bar}]),
                AttributionConfig(sentence_threshold=bar - 0.1))
    assert len(doc.statements) == 1


def test_reported_sentence_takes_its_subject_as_source():
    doc = rules_only("Die Medien sprechen von örtlichen Angestellten als Geiseln .")
    doc.statements = []
    add_cueless(doc, FixedSentenceTagger([{"R": 0.6, "O": 0.4}]), AttributionConfig())
    [statement] = doc.statements
    assert (statement.form, statement.spkatt_form) == ("reported", "Reported")
    assert statement.speaker.text == "Die Medien"
    assert statement.content.text == "Die Medien sprechen von örtlichen Angestellten als Geiseln"
    assert words(doc, statement.content.tokens)[-1] == "."  # SpkAtt's message keeps the full stop


def test_rule_speech_acts_get_the_sentence_taggers_confidence():
    doc = rules_only("Putin wies die Forderung zurück .")
    [act] = [s for s in doc.statements if s.form == "reported"]
    add_cueless(doc, FixedSentenceTagger([{"C": 0.3, "O": 0.7}]), AttributionConfig())
    assert act.confidence == pytest.approx(0.3)
    add_cueless(doc, FixedSentenceTagger([{"C": 0.3, "O": 0.7}]), AttributionConfig(drop_reported=0.6))
    assert act not in doc.statements  # read as no statement with 0.7 >= 0.6
