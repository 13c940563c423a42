"""Experiment (not part of the shipped pipeline): a BiLSTM cue tagger over the cue CRF's own
features, alone and averaged with the CRF's marginals, on one fold of the training articles.

It answers whether a neural tagger (issue 3's suggestion) adds to the CRF before anyone wires one
into ``wortlaut.attribution``.  Measured on 2026-11-25, the first of 5 folds (``--fold 0``: 480
articles to train, 120 held out; token-level cue P / R / F1): CRF 0.816 / 0.678 / 0.741; BiLSTM
0.741 / 0.743 / 0.742 (7 epochs); average of both with weight 0.5 on the BiLSTM 0.817 / 0.713 /
0.761, with 0.7 0.786 / 0.747 / 0.766.  About 20 s an epoch on 2 cores.

Needs PyTorch, which wortlaut itself does not (``pip install
/opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl`` here) and ``../shared``::

    python training/experiments/cue_bilstm.py --epochs 7
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import zlib
from pathlib import Path

import pycrfsuite
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import train_spkatt

from wortlaut.evaluate.split import spkatt_split

LABELS = ["O", "B", "I"]
BUCKETS = 1 << 18  # the CRF's feature strings, hashed


def fold_examples(data: Path, fold: int, folds: int):
    """(features, labels) per sentence of the training articles: those outside ``fold``, and in it."""
    names = [p.name for p in sorted(data.glob("*.json"))]
    train_names, _ = spkatt_split(names)
    docs = train_spkatt.analyse_rules([data / n for n in train_names])
    held = set(sorted(train_names, key=train_spkatt.split_key)[fold::folds])
    parts: dict[str, list] = {"train": [], "held": []}
    for name in train_names:
        gold = train_spkatt.gold_annotations(data / name, docs[name])
        parts["held" if name in held else "train"].extend(train_spkatt.cue_examples(docs[name], gold))
    return parts["train"], parts["held"]


def token_scores(gold: list[list[str]], predicted: list[list[str]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for g_seq, p_seq in zip(gold, predicted):
        for g, p in zip(g_seq, p_seq):
            tp += g != "O" and p != "O"
            fp += g == "O" and p != "O"
            fn += g != "O" and p == "O"
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return round(precision, 3), round(recall, 3), round(2 * precision * recall / max(precision + recall, 1e-9), 3)


class BiLSTMTagger(nn.Module):
    def __init__(self, dim: int = 96, hidden: int = 96):
        super().__init__()
        self.features = nn.EmbeddingBag(BUCKETS, dim, mode="sum", sparse=True)
        self.dropout = nn.Dropout(0.3)
        self.lstm = nn.LSTM(dim, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, len(LABELS))

    def forward(self, ids: list[list[int]]) -> torch.Tensor:
        flat = torch.tensor([i for token in ids for i in token])
        offsets = torch.tensor([0] + [len(token) for token in ids[:-1]]).cumsum(0)
        x = self.features(flat, offsets).unsqueeze(0)
        hidden, _ = self.lstm(self.dropout(x))
        return self.out(self.dropout(hidden)).squeeze(0)


def hashed(features: list[list[str]]) -> list[list[int]]:
    return [[zlib.crc32(f.encode()) % BUCKETS for f in token] for token in features]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=train_spkatt.DEFAULT_DATA)
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=7)
    args = parser.parse_args(argv)
    torch.manual_seed(0)
    random.seed(0)
    train, held = fold_examples(args.data, args.fold, args.folds)
    gold = [labels for _, labels in held]

    with tempfile.TemporaryDirectory() as folder:
        crf_path = str(Path(folder) / "cue.crfsuite")
        trainer = pycrfsuite.Trainer(verbose=False)
        for features, labels in train:
            trainer.append(features, labels)
        trainer.set_params(train_spkatt.CUE_PARAMS)
        trainer.train(crf_path)
        crf = pycrfsuite.Tagger()
        crf.open(crf_path)
        print("CRF            ", token_scores(gold, [crf.tag(features) for features, _ in held]), flush=True)

        model = BiLSTMTagger()
        sparse = torch.optim.SparseAdam(list(model.features.parameters()), lr=2e-3)
        dense = torch.optim.Adam([p for n, p in model.named_parameters() if not n.startswith("features")], lr=2e-3)
        weights = torch.tensor([1.0, 3.0, 3.0])  # cue tokens are rare
        batches = [(hashed(features), torch.tensor([LABELS.index(label) for label in labels]))
                   for features, labels in train]
        held_ids = [hashed(features) for features, _ in held]
        for epoch in range(args.epochs):
            model.train()
            random.shuffle(batches)
            for ids, target in batches:
                sparse.zero_grad()
                dense.zero_grad()
                nn.functional.cross_entropy(model(ids), target, weight=weights).backward()
                sparse.step()
                dense.step()
            model.eval()
            with torch.no_grad():
                predicted = [[LABELS[k] for k in model(ids).argmax(-1).tolist()] for ids in held_ids]
            print(f"BiLSTM epoch {epoch}", token_scores(gold, predicted), flush=True)

        with torch.no_grad():
            neural = [torch.softmax(model(ids), -1) for ids in held_ids]
        for weight in (0.3, 0.5, 0.7):
            predicted = []
            for probabilities, (features, _) in zip(neural, held):
                crf.set(features)
                marginals = torch.tensor([[crf.marginal(label, i) for label in LABELS] for i in range(len(features))])
                mixed = weight * probabilities + (1 - weight) * marginals
                predicted.append([LABELS[k] for k in mixed.argmax(-1).tolist()])
            print(f"average, BiLSTM weight {weight}", token_scores(gold, predicted), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
