"""Compiled tagging with a crfsuite model read from its file (wortlaut.crf): the same labels
and marginal probabilities as python-crfsuite, on a model trained here and on shipped models."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from wortlaut.crf import CRFModel, read_model
from wortlaut.resources import model_path


def _random_sequence(rng: random.Random, vocabulary: list[str], length: int) -> list[list[str]]:
    return [rng.sample(vocabulary, rng.randint(1, 6)) + ["unknown-to-the-model"] for _ in range(length)]


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> tuple[str, list[str]]:
    """A small CRF trained by python-crfsuite on sequences whose labels follow their attributes."""
    rng = random.Random(3)
    vocabulary = [f"a{n}" for n in range(40)]
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(200):
        sequence = _random_sequence(rng, vocabulary, rng.randint(1, 12))
        labels = ["X" if "a1" in attributes or "a2" in attributes else "Y" if "a3" in attributes else "O"
                  for attributes in sequence]
        trainer.append([[a for a in attributes if a != "unknown-to-the-model"] for attributes in sequence], labels)
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 60})
    path = str(tmp_path_factory.mktemp("crf") / "toy.crfsuite")
    trainer.train(path)
    return path, vocabulary


def test_trained_model_is_read_as_crfsuite_dumps_it(trained) -> None:
    path, _ = trained
    model = CRFModel.read(Path(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    info = tagger.info()
    assert set(model.labels) == set(tagger.labels()) == {"X", "Y", "O"}
    for (attribute, label), weight in info.state_features.items():
        assert model.state_weights[model.attributes[attribute], model.labels.index(label)] == pytest.approx(weight, abs=1e-6)
    for (before, after), weight in info.transitions.items():
        assert model.transitions[model.labels.index(before), model.labels.index(after)] == pytest.approx(weight, abs=1e-6)


def _crfsuite_marginals(tagger: pycrfsuite.Tagger, labels: tuple[str, ...], sequence: list[list[str]]) -> np.ndarray:
    tagger.set(sequence)
    return np.array([[tagger.marginal(label, k) for label in labels] for k in range(len(sequence))])


def test_labels_and_marginals_equal_python_crfsuite_on_random_sequences(trained) -> None:
    path, vocabulary = trained
    model = CRFModel.read(Path(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    rng = random.Random(11)
    for _ in range(300):
        sequence = _random_sequence(rng, vocabulary, rng.randint(1, 20))
        assert model.tag(sequence) == tagger.tag(sequence)
        marginals = model.marginals(model.scores(sequence))
        assert np.array_equal(marginals, _crfsuite_marginals(tagger, model.labels, sequence))  # to the bit
        assert np.allclose(marginals.sum(axis=1), 1.0)


@pytest.mark.parametrize("name", ["spkatt_cue.crfsuite", "spkatt_roles.crfsuite", "spkatt_sentences.crfsuite"])
def test_marginals_of_shipped_attribution_models_equal_python_crfsuite(name: str) -> None:
    """Sequences of the model's own attributes (so the scores are large and varied), as
    ``attribution.taggers`` and ``attribution.cueless`` read them."""
    model = read_model(model_path(name))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path(name)))
    attributes = sorted(model.attributes)
    rng = random.Random(name)
    for _ in range(100):
        sequence = [rng.sample(attributes, rng.randint(1, 40)) for _ in range(rng.randint(1, 60))]
        assert np.array_equal(model.marginals(model.scores(sequence)), _crfsuite_marginals(tagger, model.labels, sequence))
        assert model.tag(sequence) == tagger.tag(sequence)


def test_an_empty_sequence_has_no_labels(trained) -> None:
    model = CRFModel.read(Path(trained[0]))
    assert model.tag([]) == []
    assert model.marginals(model.scores([])).shape == (0, len(model.labels))


def test_a_file_that_is_no_model_is_refused(tmp_path) -> None:
    path = tmp_path / "broken.crfsuite"
    path.write_bytes(b"not a model at all, just some bytes long enough for a header" * 2)
    with pytest.raises(ValueError, match="broken.crfsuite"):
        CRFModel.read(path)


def test_shipped_ner_model_has_its_labels_and_transitions() -> None:
    model = read_model(model_path("ner.crfsuite"))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path("ner.crfsuite")))
    assert model.labels == tuple(tagger.labels())
    assert model.state_weights.shape == (len(model.attributes), len(model.labels))
    assert np.count_nonzero(model.transitions) == len(tagger.info().transitions)
