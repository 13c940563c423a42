"""Train the speaker-attribution taggers of ``wortlaut.attribution`` on SpkAtt news.

    python -m training.attribution [--data ../shared/data/spkatt-news/train] [--out src/wortlaut/models]

Every article runs through the pipeline up to the rule stage ``statements`` (the rules' output is
a feature); the 600 training articles of the fixed split (``wortlaut.evaluate.split``) train the
cue and role taggers, then the sentence tagger (``training.attribution.taggers``); the 100
validation articles are scored with the SpkAtt scorer, rules alone and rules + models, and the
model card ``spkatt.md`` is written with those numbers (``training.attribution.card``).  About three
minutes on one core.  ``--second-check`` trains on 500 training articles and scores 100 others
instead (models in a temporary folder, no model card); ``--folds N`` cross-validates on the
training articles and records the pooled scores in ``training/attribution/cross_validation.json``.
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
import time
from pathlib import Path

from wortlaut.attribution import attribute_with
from wortlaut.attribution.config import MODEL_FILES
from wortlaut.evaluate.spkatt import format_spkatt_report
from wortlaut.evaluate.split import spkatt_split, split_key

from ..common import MODELS
from . import cross_validation
from .card import Measured, write_card
from .examples import DEFAULT_DATA, analyse_rules, read_gold
from .taggers import NEURAL_PARAMS, REPLACING, attributed, score, train_models


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m training.attribution", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="SpkAtt news folder with gold JSON")
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for the models and model card (default: src/wortlaut/models)")
    parser.add_argument("--second-check", action="store_true",
                        help="train on 500 training articles, score 100 other training articles (the validation "
                             "articles stay unseen); models go to a temporary folder unless --out is given")
    parser.add_argument("--folds", type=int, default=0,
                        help="cross-validate on the training articles with this many folds (pooled scores, recorded "
                             "in training/attribution/cross_validation.json; the validation articles stay unseen, "
                             "no models or card written)")
    parser.add_argument("--folds-out", type=Path, default=None,
                        help="keep the cross-validated predictions (SpkAtt JSON) in this folder")
    parser.add_argument("--no-neural", action="store_true",
                        help="no neural cue tagger (no PyTorch needed; the CRFs alone)")
    parser.add_argument("--neural-roles", action="store_true",
                        help="also a neural role tagger (5-fold CV: Message +0.004, Source -0.003; not shipped)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    neural_cue = None if args.no_neural else NEURAL_PARAMS
    neural_roles = NEURAL_PARAMS if args.neural_roles else None
    if args.out is None:
        args.out = Path(tempfile.mkdtemp(prefix="spkatt-check-")) if args.second_check else MODELS
    started = time.time()
    paths = sorted(args.data.glob("*.json"))
    if not paths:
        print(f"no SpkAtt JSON files in {args.data}", file=sys.stderr)
        return 1
    train_names, validation_names = spkatt_split(p.name for p in paths)
    if args.second_check:  # the 100 training articles with the smallest split keys are the check set
        by_key = sorted(train_names, key=split_key)
        train_names, validation_names = sorted(by_key[100:]), sorted(by_key[:100])
    docs = analyse_rules(paths)
    gold = read_gold(paths, docs)
    print(f"rules on {len(paths)} articles: {time.time() - started:.0f} s", flush=True)
    cv_settings = cross_validation.settings(len(train_names), args.data, neural_cue, neural_roles)

    if args.folds:
        scores = cross_validation.cross_validate(docs, gold, train_names, args.folds, args.data, args.folds_out,
                                                 neural_cue, neural_roles, log=lambda line: print(line, flush=True))
        print(f"\n== {args.folds}-fold cross-validation on {len(train_names)} training articles, rules only ==\n"
              + format_spkatt_report(scores["rules only"]))
        print(f"\n== {args.folds}-fold cross-validation, rules + models ==\n"
              + format_spkatt_report(scores["rules + models"]))
        if not args.second_check:
            cross_validation.record(args.folds, cv_settings, scores)
            print(f"\nrecorded in {cross_validation.RECORD}")
        return 0
    rules_only = score(docs, args.data, validation_names)  # before the models change anything

    args.out.mkdir(parents=True, exist_ok=True)
    attributor = train_models(docs, gold, train_names, args.out, neural_cue, neural_roles)
    print(f"cue, role and sentence taggers trained: {time.time() - started:.0f} s", flush=True)
    learned_replacing = score(attributed(attributor, docs, validation_names, REPLACING), args.data, validation_names)
    copies = {name: copy.deepcopy(docs[name]) for name in validation_names}
    tick = time.perf_counter()
    for doc in copies.values():
        attribute_with(attributor, doc)
    seconds = time.perf_counter() - tick
    learned = score(copies, args.data, validation_names)
    words = sum(len(doc.tokens) for doc in copies.values())

    print("\n== validation, rules only ==\n" + format_spkatt_report(rules_only))
    print("\n== validation, rules + models (default policy) ==\n" + format_spkatt_report(learned))
    print("\n== validation, rules + models, replace all + drop unconfirmed reported ==\n"
          + format_spkatt_report(learned_replacing))
    print(f"\nattribution component: {words / seconds:,.0f} words/s on {words:,} validation words")
    if args.second_check:
        print(f"second check done ({len(train_names)} training / {len(validation_names)} check articles); "
              f"models in {args.out}, model card not written")
        return 0
    flags = "".join(flag for flag, on in ((" --no-neural", args.no_neural), (" --neural-roles", args.neural_roles))
                    if on)
    write_card(args.out / "spkatt.md", Measured(
        rules_only=rules_only, learned=learned, learned_replacing=learned_replacing, n_train=len(train_names),
        n_validation=len(validation_names), words_per_second=words / seconds, minutes=(time.time() - started) / 60,
        models=[args.out / m for m in MODEL_FILES if (args.out / m).exists()],
        cross_validation=cross_validation.recorded(cv_settings), neural_cue=neural_cue,
        command="python -m training.attribution" + flags))
    print(f"total {time.time() - started:.0f} s; wrote the models and {args.out / 'spkatt.md'} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
