"""Cross-validation of the SpkAtt taggers on the training articles, and its record.

Each fold of the training articles is scored by taggers trained on the other folds; the scores
are pooled over all articles, which is steadier than the 100 validation articles when comparing
settings.  Every run is recorded in ``cross_validation.json`` beside this module (date, settings,
pooled scores), replacing an earlier run of the same settings; the model card reports the
record whose settings match the models it describes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tempfile
from pathlib import Path

from wortlaut.entities.ner import CHARMODEL_NAME, CLUSTERS_NAME, GAZETTEER_NAME, LEXICON_NAME, MODEL_NAME
from wortlaut.evaluate.spkatt import evaluate_spkatt
from wortlaut.evaluate.split import split_key
from wortlaut.formats import write_spkatt
from wortlaut.model import Document
from wortlaut.resources import data_text, model_path

from ..common import SHARED_DATA, today
from .examples import Gold
from .neural import NeuralParams
from .taggers import CUE_PARAMS, ROLE_PARAMS, SENTENCE_PARAMS, attributed, train_models

RECORD = Path(__file__).with_name("cross_validation.json")
SCORES = ("rules only", "rules + models")


def ner_digest() -> str:
    """A digest of the NER model and tables the rule stages use: the taggers see the entity types
    they find, so cross-validated scores move when the NER model is rebuilt."""
    digest = hashlib.sha256()
    model = model_path(MODEL_NAME)
    digest.update(model.read_bytes() if model.exists() else b"")
    for name in (CLUSTERS_NAME, GAZETTEER_NAME, CHARMODEL_NAME, LEXICON_NAME):
        try:
            digest.update(data_text(name).encode("utf-8"))
        except FileNotFoundError:
            pass
    return digest.hexdigest()[:16]


def settings(n_articles: int, data: Path, neural_cue: NeuralParams | None, neural_roles: NeuralParams | None) -> dict:
    """What a cross-validation result depends on, besides the code and the hand-written data files."""
    data, shared = data.resolve(), SHARED_DATA.resolve()
    return {
        "articles": n_articles,
        "data": str(data.relative_to(shared)) if data.is_relative_to(shared) else str(data),
        "ner": ner_digest(),
        "cue_crf": CUE_PARAMS, "role_crf": ROLE_PARAMS, "sentence_crf": SENTENCE_PARAMS,
        "neural_cue": dataclasses.asdict(neural_cue) if neural_cue else None,
        "neural_roles": dataclasses.asdict(neural_roles) if neural_roles else None,
    }


def cross_validate(docs: dict[str, Document], gold: dict[str, Gold], names: list[str], folds: int, gold_dir: Path,
                   keep: Path | None = None, neural_cue: NeuralParams | None = None,
                   neural_roles: NeuralParams | None = None, log=print) -> dict[str, dict]:
    """Pooled SpkAtt scores over ``folds`` folds of the named articles, of the rules alone and of
    rules + models; ``keep``: a folder for the cross-validated predictions."""
    by_key = sorted(names, key=split_key)
    with tempfile.TemporaryDirectory() as folder:
        predicted = keep or Path(folder) / "pred"
        rules = Path(folder) / "rules"
        for name in names:
            write_spkatt(docs[name], rules)
        for fold in range(folds):
            held = set(by_key[fold::folds])
            models = Path(folder) / f"fold{fold}"
            models.mkdir()
            attributor = train_models(docs, gold, [n for n in names if n not in held], models, neural_cue, neural_roles)
            for doc in attributed(attributor, docs, sorted(held)).values():
                write_spkatt(doc, predicted)
            log(f"fold {fold + 1}/{folds} done")
        return {"rules only": evaluate_spkatt(gold_dir, rules, documents=set(names)),
                "rules + models": evaluate_spkatt(gold_dir, predicted, documents=set(names))}


def _runs() -> list[dict]:
    return json.loads(RECORD.read_text(encoding="utf-8"))["runs"] if RECORD.exists() else []


def record(folds: int, run_settings: dict, scores: dict[str, dict]) -> None:
    """Keep a run's pooled scores in ``cross_validation.json`` (an earlier run of the same settings is replaced)."""
    entry = {"date": today(), "folds": folds, "settings": run_settings, **{name: scores[name] for name in SCORES}}
    runs = [run for run in _runs() if (run["folds"], run["settings"]) != (folds, run_settings)] + [entry]
    RECORD.write_text(json.dumps({"runs": runs}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def recorded(run_settings: dict) -> dict | None:
    """The latest recorded cross-validation of these settings, or None."""
    matching = [run for run in _runs() if run["settings"] == run_settings]
    return matching[-1] if matching else None
