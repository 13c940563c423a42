"""Experiment: a BiLSTM over the cue or role CRF's own features (``training.attribution.neural``),
alone and averaged with the CRF's marginals, on one fold of the training articles, token-level
scores.  It chose what ``training.attribution`` ships; the SpkAtt-level effect is in ``models/spkatt.md``.

Measured on 2026-11-25, the first of 5 folds (``--fold 0``: 480 articles to train, 120 held out;
P / R / F1 of tokens):

| tagger | setting | CRF | BiLSTM | average, BiLSTM weight 0.5 | weight 0.7 |
|---|---|---|---|---|---|
| cue | 2^18 buckets x 96, hidden 96, one sentence an update | 0.816 / 0.678 / 0.741 | 0.741 / 0.743 / 0.742 | 0.817 / 0.713 / 0.761 | 0.786 / 0.747 / 0.766 |
| cue | 2^16 x 64, hidden 64, 8 sentences an update (shipped) | 0.816 / 0.678 / 0.741 | 0.795 / 0.693 / 0.740 | 0.833 / 0.691 / 0.756 | 0.821 / 0.693 / 0.752 |
| cue | the same, 10 epochs, learning rate 3e-3 | | 0.759 / 0.743 / 0.751 | 0.799 / 0.719 / 0.757 | 0.776 / 0.741 / 0.758 |
| roles, Source | 2^16 x 64, hidden 64 | 0.847 / 0.836 / 0.842 | 0.767 / 0.882 / 0.821 | 0.842 / 0.857 / 0.850 | 0.792 / 0.871 / 0.830 |
| roles, Message | | 0.873 / 0.908 / 0.890 | 0.891 / 0.953 / 0.921 | 0.892 / 0.940 / 0.915 | 0.897 / 0.956 / 0.926 |
| roles, Addr | | 0.667 / 0.366 / 0.473 | 0.444 / 0.282 / 0.345 | 0.833 / 0.352 / 0.495 | 0.808 / 0.296 / 0.433 |

About 12 s an epoch (cue) on one core.  Needs PyTorch, which wortlaut itself does not (``pip
install /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl`` here) and ``../shared``::

    python -m training.experiments.spkatt_bilstm --tagger cue --buckets 16 --dim 64 --hidden 64
    python -m training.experiments.spkatt_bilstm --tagger roles --buckets 16 --dim 64 --hidden 64
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from wortlaut.attribution.features import CUE_LABELS, ROLE_LABELS
from wortlaut.attribution.taggers import averaged_labels
from wortlaut.crf import CRFModel
from wortlaut.evaluate.split import spkatt_split, split_key

from ..attribution import neural
from ..attribution.examples import DEFAULT_DATA, analyse_rules, cue_examples, read_gold, role_examples
from ..attribution.taggers import CUE_PARAMS, ROLE_PARAMS
from ..common import train_crf

TAGGERS = {  # labels, CRF parameters, examples
    "cue": (list(CUE_LABELS), CUE_PARAMS, cue_examples),
    "roles": (list(ROLE_LABELS), ROLE_PARAMS, role_examples),
}


def fold_examples(data: Path, fold: int, folds: int, examples):
    """(features, labels) per sequence of the training articles: those outside ``fold``, and in it."""
    names = [p.name for p in sorted(data.glob("*.json"))]
    train_names, _ = spkatt_split(names)
    paths = [data / n for n in train_names]
    docs = analyse_rules(paths)
    gold = read_gold(paths, docs)
    held = set(sorted(train_names, key=split_key)[fold::folds])
    parts: dict[str, list] = {"train": [], "held": []}
    for name in train_names:
        parts["held" if name in held else "train"].extend(examples(docs[name], gold[name]))
    return parts["train"], parts["held"]


def token_scores(gold: list[list[str]], predicted: list[list[str]], labels: list[str]) -> str:
    """Token-level P / R / F1: for the cue tagger any cue label, for the role tagger each role."""
    groups = {"cue": {"B", "I"}} if "B" in labels else {label: {label} for label in labels[1:]}
    shown = []
    for name, group in groups.items():
        tp = fp = fn = 0
        for g_seq, p_seq in zip(gold, predicted):
            for g, p in zip(g_seq, p_seq):
                tp += g in group and p in group
                fp += g not in group and p in group
                fn += g in group and p not in group
        precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        shown.append(f"{name} {precision:.3f} / {recall:.3f} / {f1:.3f}")
    return "; ".join(shown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.experiments.spkatt_bilstm",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--tagger", choices=sorted(TAGGERS), default="cue")
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=7)
    parser.add_argument("--buckets", type=int, default=18, help="log2 of the hash buckets")
    parser.add_argument("--dim", type=int, default=96)
    parser.add_argument("--hidden", type=int, default=96)
    parser.add_argument("--batch", type=int, default=8, help="sentences per update")
    parser.add_argument("--rate", type=float, default=2e-3, help="learning rate")
    args = parser.parse_args(argv)
    labels, crf_params, examples = TAGGERS[args.tagger]
    train, held = fold_examples(args.data, args.fold, args.folds, examples)
    gold = [sequence_labels for _, sequence_labels in held]
    held_features = [features for features, _ in held]

    with tempfile.TemporaryDirectory() as folder:
        crf_path = Path(folder) / "crf.crfsuite"
        train_crf(train, crf_params, crf_path)
        crf = CRFModel.read(crf_path)
        print("CRF            ", token_scores(gold, [crf.tag(features) for features in held_features], labels),
              flush=True)

        params = neural.NeuralParams(buckets=1 << args.buckets, dim=args.dim, hidden=args.hidden,
                                            epochs=args.epochs, batch=args.batch, learning_rate=args.rate)
        model = neural.train(train, labels, params)
        tagger = neural.export(model, labels, Path(folder) / "neural.npz", check=held[:50])
        probabilities = tagger.probabilities(held_features)
        print("BiLSTM         ", token_scores(gold, [[labels[k] for k in p.argmax(1)] for p in probabilities], labels),
              flush=True)
        for weight in (0.3, 0.5, 0.7):
            predicted = averaged_labels(crf, tagger, weight, held_features)
            print(f"average, BiLSTM weight {weight}", token_scores(gold, predicted, labels), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
