"""Score speaker-attribution predictions against SpkAtt-2023 (task 2, news) gold files.

Each article is one JSON file: ``{"DocumentName", "Sentences", "Annotations"}``; an
annotation lists its roles (``Cue``, ``Source``, ``Message``, ``Addr``) as token
references ``"sentence:token"`` and names its ``Form``.  Predictions are files with
the same names in another folder.

Scoring, per document: gold and predicted annotations are paired one-to-one by the
token-overlap F1 of their Message token sets, maximising the summed F1 (Hungarian
method); a pair with F1 = 0 is no pair.  Each role is then scored micro-averaged over
tokens: a pair contributes ``|gold ∩ pred|`` true positives, ``|pred − gold|`` false
positives and ``|gold − pred|`` false negatives; an unpaired prediction's tokens are
all false positives, an unpaired gold annotation's all false negatives.  Form is
scored as accuracy over pairs.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..formats.spkatt import parse_ref

log = logging.getLogger(__name__)

ROLES: tuple[str, ...] = ("Message", "Cue", "Source", "Addr")
FORMS: tuple[str, ...] = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")

TokenRef = tuple[int, int]  # (sentence id, token id)


class SpkAttFormatError(ValueError):
    """A gold or prediction file that cannot be read; the message names the file."""


@dataclass(frozen=True, slots=True)
class Annotation:
    """One speech/thought/writing representation: role token sets and its form."""

    message: frozenset[TokenRef] = frozenset()
    cue: frozenset[TokenRef] = frozenset()
    source: frozenset[TokenRef] = frozenset()
    addr: frozenset[TokenRef] = frozenset()
    form: str | None = None
    is_nested: bool = False

    def role(self, name: str) -> frozenset[TokenRef]:
        return getattr(self, name.lower())

    @classmethod
    def from_json(cls, record: Mapping) -> Annotation:
        """Build from a SpkAtt JSON annotation; missing roles count as empty."""
        roles = {name.lower(): _token_set(record.get(name) or ()) for name in ROLES}
        return cls(**roles, form=record.get("Form") or None, is_nested=bool(record.get("IsNested", False)))


AnnotationLike = Annotation | Mapping


def _token_set(refs: Iterable[str]) -> frozenset[TokenRef]:
    return frozenset(parse_ref(ref) for ref in refs)


def _as_annotation(item: AnnotationLike) -> Annotation:
    return item if isinstance(item, Annotation) else Annotation.from_json(item)


def load_annotations(path: Path) -> list[Annotation]:
    """Read one SpkAtt JSON file; a file without ``Annotations`` has none."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SpkAttFormatError(f"{path}: cannot read SpkAtt JSON: {error}") from error
    if not isinstance(data, dict):
        raise SpkAttFormatError(f"{path}: expected a JSON object, found {type(data).__name__}")
    records = data.get("Annotations") or []
    if not isinstance(records, list):
        raise SpkAttFormatError(f"{path}: 'Annotations' must be a list")
    try:
        return [Annotation.from_json(record) for record in records]
    except (AttributeError, TypeError, ValueError) as error:
        raise SpkAttFormatError(f"{path}: bad annotation: {error}") from error


def overlap_f1(gold: frozenset, pred: frozenset) -> float:
    """Token-overlap F1 (Dice coefficient) of two token sets."""
    if not gold or not pred:
        return 0.0
    return 2 * len(gold & pred) / (len(gold) + len(pred))


def pair_annotations(gold: Sequence[Annotation], pred: Sequence[Annotation]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, pred index)`` maximising summed Message overlap F1."""
    if not gold or not pred:
        return []
    scores = np.array([[overlap_f1(g.message, p.message) for p in pred] for g in gold])
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [(int(g), int(p)) for g, p in zip(rows, cols) if scores[g, p] > 0]


@dataclass(slots=True)
class Counts:
    """Token-level true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add_pair(self, gold: frozenset, pred: frozenset) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def to_dict(self) -> dict:
        # Nothing predicted and nothing to find counts as perfect, not as zero.
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": precision, "recall": recall, "f1": f1}


@dataclass(slots=True)
class _Tally:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    paired: int = 0
    form_correct: int = 0
    roles: dict[str, Counts] = field(default_factory=lambda: {role: Counts() for role in ROLES})
    # Message counts per gold Form: precision only sees paired predictions, since an
    # unpaired prediction has no gold form to be charged to.
    message_by_form: dict[str, Counts] = field(default_factory=dict)
    gold_by_form: dict[str, int] = field(default_factory=dict)

    def add_document(self, gold: Sequence[Annotation], pred: Sequence[Annotation]) -> None:
        self.documents += 1
        self.gold += len(gold)
        self.predicted += len(pred)
        pairs = pair_annotations(gold, pred)
        self.paired += len(pairs)
        pred_of_gold = dict(pairs)
        paired_preds = set(pred_of_gold.values())
        for g_index, g in enumerate(gold):
            form = g.form or "(none)"
            self.gold_by_form[form] = self.gold_by_form.get(form, 0) + 1
            by_form = self.message_by_form.setdefault(form, Counts())
            p = pred[pred_of_gold[g_index]] if g_index in pred_of_gold else Annotation()
            if g_index in pred_of_gold and p.form == g.form:
                self.form_correct += 1
            for role in ROLES:
                self.roles[role].add_pair(g.role(role), p.role(role))
            by_form.add_pair(g.message, p.message)
        for p_index, p in enumerate(pred):
            if p_index not in paired_preds:
                for role in ROLES:
                    self.roles[role].fp += len(p.role(role))

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "annotations": {"gold": self.gold, "predicted": self.predicted, "paired": self.paired},
            "roles": {role: counts.to_dict() for role, counts in self.roles.items()},
            "form": {
                "correct": self.form_correct,
                "paired": self.paired,
                "accuracy": self.form_correct / self.paired if self.paired else 0.0,
            },
            "message_by_gold_form": {
                form: {"gold": self.gold_by_form[form], **self.message_by_form[form].to_dict()}
                for form in sorted(self.gold_by_form, key=_form_order)
            },
        }


def _form_order(form: str) -> tuple[int, str]:
    return (FORMS.index(form) if form in FORMS else len(FORMS), form)


def evaluate_spkatt_docs(
    documents: Iterable[tuple[Sequence[AnnotationLike], Sequence[AnnotationLike]]],
) -> dict:
    """Score in-memory ``(gold annotations, predicted annotations)`` per document.

    Annotations may be :class:`Annotation` objects or SpkAtt JSON records (dicts).
    Returns the same dictionary as :func:`evaluate_spkatt`, without file bookkeeping.
    """
    tally = _Tally()
    for gold, pred in documents:
        tally.add_document([_as_annotation(a) for a in gold], [_as_annotation(a) for a in pred])
    return tally.to_dict()


def _matches(path: Path, wanted: set[str]) -> bool:
    return path.name in wanted or path.stem in wanted


def evaluate_spkatt(gold_dir: Path, pred_dir: Path, *, documents: set[str] | None = None) -> dict:
    """Score the prediction files in ``pred_dir`` against the gold files in ``gold_dir``.

    ``documents`` restricts scoring to these file names (with or without ``.json``).
    A gold document without a prediction file counts as predicting nothing; prediction
    files without a gold document are ignored with a warning.
    """
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    for folder in (gold_dir, pred_dir):
        if not folder.is_dir():
            raise FileNotFoundError(f"not a directory: {folder}")
    gold_paths = sorted(gold_dir.glob("*.json"))
    if documents is not None:
        unknown = {name for name in documents if not any(_matches(p, {name}) for p in gold_paths)}
        if unknown:
            raise ValueError(f"documents not in {gold_dir}: {', '.join(sorted(unknown))}")
        gold_paths = [path for path in gold_paths if _matches(path, documents)]
    if not gold_paths:
        raise ValueError(f"no gold *.json files to score in {gold_dir}")

    all_gold_names = {path.name for path in gold_dir.glob("*.json")}
    ignored = sorted(path.name for path in pred_dir.glob("*.json") if path.name not in all_gold_names)
    if ignored:
        log.warning("ignoring %d prediction file(s) without gold: %s", len(ignored), ", ".join(ignored))

    missing: list[str] = []
    pairs = []
    for gold_path in gold_paths:
        pred_path = pred_dir / gold_path.name
        if pred_path.exists():
            pred = load_annotations(pred_path)
        else:
            missing.append(gold_path.name)
            pred = []
        pairs.append((load_annotations(gold_path), pred))

    result = evaluate_spkatt_docs(pairs)
    result["missing_predictions"] = missing
    result["ignored_predictions"] = ignored
    return result


def format_spkatt_report(result: Mapping) -> str:
    """A plain-text table of :func:`evaluate_spkatt`'s result."""
    counts = result["annotations"]
    lines = [
        f"documents: {result['documents']}"
        + (f" ({len(result['missing_predictions'])} without prediction file)" if result.get("missing_predictions") else ""),
        f"annotations: gold {counts['gold']}, predicted {counts['predicted']}, paired {counts['paired']}",
        "",
        f"{'role':<10}{'P':>8}{'R':>8}{'F1':>8}{'TP':>9}{'FP':>9}{'FN':>9}",
    ]
    for role, score in result["roles"].items():
        lines.append(_score_row(role, score))
    form = result["form"]
    lines += ["", f"Form accuracy over pairs: {form['accuracy']:.3f} ({form['correct']}/{form['paired']})", ""]
    lines.append(f"{'Message by gold Form':<22}{'gold':>6}{'P*':>8}{'R':>8}{'F1':>8}")
    for name, score in result["message_by_gold_form"].items():
        lines.append(f"{name:<22}{score['gold']:>6}{score['precision']:>8.3f}{score['recall']:>8.3f}{score['f1']:>8.3f}")
    lines.append("(* precision counts only predictions paired with a gold annotation of that form)")
    if result.get("ignored_predictions"):
        lines.append(f"ignored prediction files without gold: {len(result['ignored_predictions'])}")
    return "\n".join(lines)


def _score_row(name: str, score: Mapping) -> str:
    return (
        f"{name:<10}{score['precision']:>8.3f}{score['recall']:>8.3f}{score['f1']:>8.3f}"
        f"{score['tp']:>9}{score['fp']:>9}{score['fn']:>9}"
    )
