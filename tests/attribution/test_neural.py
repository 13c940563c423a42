"""The numpy BiLSTM tagger (wortlaut.attribution.neural), on small hand-built weights and on the shipped cue model."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import rules_only
from wortlaut.attribution import neural
from wortlaut.attribution.config import NEURAL_CUE_MODEL
from wortlaut.attribution.features import cue_features, token_infos
from wortlaut.attribution.neural import BiLSTMTagger, feature_ids
from wortlaut.resources import model_path

LABELS = ("O", "B", "I")


def random_weights(path, *, buckets=64, dim=5, hidden=4, seed=1) -> BiLSTMTagger:
    rng = np.random.default_rng(seed)
    arrays = {"labels": np.array(LABELS),
              "embeddings": rng.normal(size=(buckets, dim)).astype(np.float16),
              "out_weight": rng.normal(size=(len(LABELS), 2 * hidden)),
              "out_bias": rng.normal(size=len(LABELS))}
    for direction in ("forward", "backward"):
        arrays[f"w_ih_{direction}"] = rng.normal(size=(4 * hidden, dim))
        arrays[f"w_hh_{direction}"] = rng.normal(size=(4 * hidden, hidden))
        arrays[f"bias_{direction}"] = rng.normal(size=4 * hidden)
    np.savez(path, **arrays)
    return BiLSTMTagger(path)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def test_one_token_is_one_lstm_step_each_way(tmp_path):
    tagger = random_weights(tmp_path / "t.npz")
    stored = np.load(tmp_path / "t.npz")
    features = ["w=Merkel", "shape=Xx"]
    probabilities = tagger.probabilities([[features]])[0]
    x = stored["embeddings"].astype(np.float32)[feature_ids(features, tagger.buckets)].sum(axis=0)
    states = []
    for direction in ("forward", "backward"):  # from a zero state the recurrent weights do not count
        i, _forget, g, o = np.split(stored[f"w_ih_{direction}"] @ x + stored[f"bias_{direction}"], 4)  # PyTorch's order
        states.append(sigmoid(o) * np.tanh(sigmoid(i) * np.tanh(g)))
    scores = stored["out_weight"] @ np.concatenate(states) + stored["out_bias"]
    expected = np.exp(scores) / np.exp(scores).sum()
    assert probabilities.shape == (1, 3)
    assert np.allclose(probabilities[0], expected, atol=1e-5)


def plain_bilstm(stored, tokens: list[list[str]], buckets: int) -> np.ndarray:
    """The model of ``training/attribution/neural.py`` written out step by step in float64, one
    sentence, PyTorch's gate order: what the batched float32 loop must compute."""
    x = [stored["embeddings"].astype(np.float64)[feature_ids(features, buckets)].sum(axis=0) for features in tokens]
    states = []
    for direction, inputs in (("forward", x), ("backward", x[::-1])):
        size = stored[f"w_hh_{direction}"].shape[1]
        h, c, hs = np.zeros(size), np.zeros(size), []
        for vector in inputs:
            i, f, g, o = np.split(stored[f"w_ih_{direction}"] @ vector + stored[f"w_hh_{direction}"] @ h
                                  + stored[f"bias_{direction}"], 4)
            c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
            h = sigmoid(o) * np.tanh(c)
            hs.append(h)
        states.append(hs if direction == "forward" else hs[::-1])
    scores = np.array([stored["out_weight"] @ np.concatenate(pair) + stored["out_bias"] for pair in zip(*states)])
    return np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)


def test_batched_steps_compute_the_plain_lstm(tmp_path):
    tagger = random_weights(tmp_path / "t.npz")
    stored = np.load(tmp_path / "t.npz")
    sentences = [[[f"w={n}", f"k={k % 3}"] for k in range(length)] for n, length in enumerate([3, 9, 1, 0, 6, 9, 2])]
    for sentence, probabilities in zip(sentences, tagger.probabilities(sentences)):
        assert probabilities.shape == (len(sentence), len(LABELS))
        if sentence:
            assert np.allclose(probabilities, plain_bilstm(stored, sentence, tagger.buckets), atol=1e-5)


def test_a_sentence_gets_the_same_probabilities_alone_and_padded_in_a_batch(tmp_path):
    tagger = random_weights(tmp_path / "t.npz")
    short = [["a"], ["b", "c"], ["d"]]
    longer = [["e"], ["f"], ["g"], ["h"], ["i"], ["j"]]
    alone = tagger.probabilities([short])[0]
    batched = tagger.probabilities([longer, short, []])
    assert [p.shape[0] for p in batched] == [6, 3, 0]
    assert np.allclose(alone, batched[1], atol=1e-6)
    assert np.allclose(alone.sum(axis=1), 1.0)
    # the backward direction reads the right context: changing the last token changes the first's output
    changed = tagger.probabilities([[["a"], ["b", "c"], ["zzz"]]])[0]
    assert not np.allclose(alone[0], changed[0])


def test_many_sentences_go_through_in_batches_with_the_same_result(tmp_path):
    tagger = random_weights(tmp_path / "t.npz")
    sentences = [[[f"w={n}", f"k={k}"] for k in range(1 + n % 7)] for n in range(2 * neural.BATCH + 5)]
    together = tagger.probabilities(sentences)
    assert len(together) == len(sentences)
    for sentence, probabilities in zip(sentences[::9], together[::9]):
        assert np.allclose(tagger.probabilities([sentence])[0], probabilities, atol=1e-6)


def test_a_very_long_sentence_is_read_in_windows(tmp_path):
    """Issue 15: a sentence of thousands of tokens made as many sequential LSTM steps (seconds)."""
    tagger = random_weights(tmp_path / "t.npz")
    size = neural.MAX_STEPS
    sentence = [[f"w={n % 50}"] for n in range(2 * size + 10)]
    [probabilities] = tagger.probabilities([sentence])
    assert probabilities.shape == (len(sentence), len(LABELS))
    # each window is tagged as a sentence of its own
    assert np.allclose(probabilities[size:2 * size], tagger.probabilities([sentence[size:2 * size]])[0], atol=1e-6)
    assert np.allclose(probabilities[2 * size:], tagger.probabilities([sentence[2 * size:]])[0], atol=1e-6)


def test_feature_ids_hash_each_string_alone():
    ids = feature_ids(["w=sagte", "b", "w=sagte", "", "w=sagten"], 1 << 16)
    assert ids[0] == ids[2] == feature_ids(["w=sagte"], 1 << 16)[0]  # the same string, wherever it stands
    assert ids[0] != ids[4] and ids[1] == feature_ids(["b"], 1 << 16)[0]
    many = feature_ids([f"w={n}" for n in range(10_000)], 1 << 16)
    assert 0 <= many.min() and many.max() < 1 << 16
    assert len(set(many.tolist())) > 9_000  # spread over the buckets (about 9,300 expected by chance)
    with pytest.raises(ValueError):
        feature_ids(["a"], 1000)


shipped = model_path(NEURAL_CUE_MODEL)


@pytest.mark.skipif(not shipped.exists(), reason="neural cue model not built")
def test_shipped_neural_cue_model_finds_the_verb_of_saying():
    doc = rules_only("Der Minister sagte , die Lage sei ernst . Das Wetter war schön .")
    tagger = BiLSTMTagger(shipped)
    assert tagger.labels == list(LABELS)
    infos = token_infos(doc)
    sentences = [cue_features(doc, infos, s.token_start, s.token_end) for s in doc.sentences]
    first, second = tagger.probabilities(sentences)
    words = [t.text for t in doc.tokens]
    assert words[int(first[:, 1].argmax())] == "sagte"
    assert first[words.index("sagte"), 1] > 0.5
    assert second[:, 1:].sum(axis=1).max() < 0.5  # no cue in a sentence about the weather
