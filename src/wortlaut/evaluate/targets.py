"""Score statement targets against hand-labelled statements (``training/targets/gold.jsonl``).

Gold: one JSON object a line, ``{"file", "ann_index", "message_text", "split", "speaker",
"targets": [{"name", "type", "how"}]}`` (guideline: ``training/targets/README.md``); a gold name
may list alternatives with ``|`` (``"IAEA|Internationale Atomenergieorganisation"``).
Predictions: ``wortlaut analyze --json`` output, as for ``eval speakers``.

A gold statement is **found** when a predicted statement of its article overlaps its content with
token F1 >= 0.5 (:func:`wortlaut.evaluate.speakers.best_match`).  Its gold targets and the found
statement's predicted targets are then paired one to one, a pair matching when the names are
equal after normalisation (case, hyphens, punctuation, a leading article), when both name the same
country (``Großbritannien`` = ``Vereinigtes Königreich``), or, for a gold person, when the
predicted name contains the gold name's last word (the surname rule of ``eval speakers``).  Reported: precision, recall and F1 of (statement, target) pairs over
the found statements (the targets stage's own quality) and end to end (a gold statement not found
loses its targets), and per kind: recall by the gold ``how`` (mention | pronoun), precision by
the predicted one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..gazetteer import country_name
from .gold import GoldError, read_json_lines
from .speakers import best_match, read_predictions

KINDS = ("mention", "pronoun")
TYPES = ("person", "organisation", "country")
ALL = "all"
_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den", "the"})
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


class TargetGoldError(GoldError):
    """A target gold file that cannot be read; the message names the file and line."""


def read_gold(path: Path) -> list[dict]:
    records = []
    for number, record in read_json_lines(path, ("file", "message_text", "targets"),
                                          what="target gold", error=TargetGoldError):
        if not isinstance(record["targets"], list):
            raise TargetGoldError(f"{path}:{number}: 'targets' is not a list")
        for target in record["targets"]:
            if not isinstance(target, dict) or not target.get("name"):
                raise TargetGoldError(f"{path}:{number}: a target without a name")
            if target.get("how", "mention") not in KINDS:
                raise TargetGoldError(f"{path}:{number}: unknown how {target.get('how')!r}")
        records.append(record)
    return records


def normalise(name: str) -> str:
    """Lower case, NFKC, hyphens and punctuation as spaces, no leading article."""
    words = _NON_WORD.sub(" ", unicodedata.normalize("NFKC", name).casefold()).split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _country(name: str) -> str | None:
    return country_name(name.strip())


def names_match(gold: Mapping, predicted: Mapping) -> bool:
    """Whether a predicted target names the gold one (any of the gold's ``|`` alternatives)."""
    predicted_name = str(predicted.get("name") or predicted.get("text") or "")
    wanted = normalise(predicted_name)
    if not wanted:
        return False
    predicted_country = _country(predicted_name)
    for alternative in str(gold["name"]).split("|"):
        name = normalise(alternative)
        if name == wanted:
            return True
        if predicted_country and _country(alternative) == predicted_country:
            return True
        if gold.get("type") == "person" and name and name.split()[-1] in wanted.split():
            return True  # the surname rule of eval speakers (SPEAKERS.md)
    return False


def pair(gold: list[Mapping], predicted: list[Mapping]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)``, gold targets in order, first match wins."""
    pairs, used = [], set()
    for g, target in enumerate(gold):
        for p, candidate in enumerate(predicted):
            if p not in used and names_match(target, candidate):
                pairs.append((g, p))
                used.add(p)
                break
    return pairs


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    right_gold: int = 0  # gold targets matched
    right_predicted: int = 0  # predicted targets matched

    @property
    def precision(self) -> float:
        return self.right_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.right_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"gold": self.gold, "predicted": self.predicted, "right": self.right_gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class TargetScores:
    statements: int = 0
    found: int = 0
    found_scope: Counts = field(default_factory=Counts)  # found statements only
    end_to_end: Counts = field(default_factory=Counts)
    by_kind: dict[str, Counts] = field(default_factory=lambda: {kind: Counts() for kind in KINDS})
    by_type: dict[str, Counts] = field(default_factory=lambda: {kind: Counts() for kind in TYPES})
    errors: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"statements": self.statements, "found": self.found, "found_scope": self.found_scope.to_dict(),
                "end_to_end": self.end_to_end.to_dict(),
                "by_kind": {k: c.to_dict() for k, c in self.by_kind.items()},
                "by_type": {k: c.to_dict() for k, c in self.by_type.items()}, "errors": self.errors}


def _predicted_targets(statement: Mapping) -> list[dict]:
    return [t for t in statement.get("targets") or [] if isinstance(t, dict)]


def score(records: Iterable[Mapping], predictions: Mapping[str, list[dict]]) -> TargetScores:
    scores = TargetScores()
    for record in records:
        scores.statements += 1
        gold = list(record["targets"])
        scores.end_to_end.gold += len(gold)
        match = best_match(record, predictions.get(record["file"], []))
        if match is None:
            if gold:
                scores.errors.append({"id": record.get("id"), "found": False,
                                      "missed": [t["name"] for t in gold], "spurious": []})
            continue
        scores.found += 1
        predicted = _predicted_targets(match)
        pairs = pair(gold, predicted)
        matched_gold, matched_predicted = {g for g, _ in pairs}, {p for _, p in pairs}
        for counts in (scores.found_scope, scores.end_to_end):
            counts.predicted += len(predicted)
            counts.right_gold += len(pairs)
            counts.right_predicted += len(pairs)
        scores.found_scope.gold += len(gold)
        for g, target in enumerate(gold):
            for table, key in ((scores.by_kind, target.get("how", "mention")), (scores.by_type, target.get("type"))):
                if key in table:
                    table[key].gold += 1
                    table[key].right_gold += g in matched_gold
        for p, target in enumerate(predicted):
            for table, key in ((scores.by_kind, target.get("how", "mention")), (scores.by_type, target.get("type"))):
                if key in table:
                    table[key].predicted += 1
                    table[key].right_predicted += p in matched_predicted
        missed = [t["name"] for g, t in enumerate(gold) if g not in matched_gold]
        spurious = [t.get("name") or t.get("text") for p, t in enumerate(predicted) if p not in matched_predicted]
        if missed or spurious:
            scores.errors.append({"id": record.get("id"), "found": True, "missed": missed, "spurious": spurious})
    return scores


def evaluate_targets(gold: list[Mapping], predictions: Mapping[str, list[dict]]) -> dict:
    """Scores for each split of the gold (in order of first appearance) and for all of it."""
    splits = list(dict.fromkeys(record.get("split") or ALL for record in gold))
    result = {split: score([r for r in gold if (r.get("split") or ALL) == split], predictions).to_dict()
              for split in splits if split != ALL}
    if len(result) != 1:
        result[ALL] = score(gold, predictions).to_dict()
    return result


def evaluate_targets_files(gold: Path, predictions: Path, split: str = ALL) -> dict:
    """``wortlaut eval targets GOLD PRED [--split dev|test]``."""
    records = read_gold(gold)
    if split != ALL:
        records = [record for record in records if record.get("split") == split]
        if not records:
            raise TargetGoldError(f"{gold}: no statement of split {split!r}")
    return evaluate_targets(records, read_predictions(predictions))


def format_targets_report(result: Mapping) -> str:
    lines = []
    for split, part in result.items():
        lines.append(f"{split}: {part['statements']} statements, {part['found']} found")
        lines.append(f"  {'':<22} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
        rows = [("found statements", part["found_scope"]), ("end to end", part["end_to_end"]),
                *((f"  {kind} (found)", counts) for kind, counts in part["by_kind"].items()),
                *((f"  {kind} (found)", counts) for kind, counts in part["by_type"].items())]
        for name, counts in rows:
            lines.append(f"  {name:<22} {counts['precision']:6.3f} {counts['recall']:6.3f} {counts['f1']:6.3f}"
                         f" {counts['gold']:5d} {counts['predicted']:5d}")
    return "\n".join(lines)
