"""Training examples for the SpkAtt taggers (training.attribution.examples), from a hand-made article."""

from __future__ import annotations

from helpers import pretokenised
from training.attribution.examples import cue_examples, role_examples
from wortlaut.attribution.features import CUE_LABELS, ROLE_LABELS


def test_gold_roles_become_tagger_labels():
    doc = pretokenised([["Der", "Minister", "sagte", ",", "die", "Lage", "sei", "ernst", "."]])
    gold = [{"cue": [2], "source": [0, 1], "message": [4, 5, 6, 7], "addr": [], "nested": False, "form": "Indirect"}]
    [(features, labels)] = list(cue_examples(doc, gold))
    assert labels == ["O", "O", "B", "O", "O", "O", "O", "O", "O"] and len(features) == 9
    assert set(labels) <= set(CUE_LABELS)
    [(features, labels)] = list(role_examples(doc, gold))
    assert labels == ["S", "S", "O", "O", "M", "M", "M", "M", "O"] and set(labels) <= set(ROLE_LABELS)
