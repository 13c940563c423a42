"""Score resolved speakers against a speaker gold file (conventions: ``../shared/SPEAKERS.md``).

Gold: one JSON object a line, ``{"file", "ann_index", "source_text", "message_text",
"kind", "speaker", "unnamed"}``.  Predictions: ``wortlaut analyze --json`` output (one
file holding an object, a list or JSON lines, or a folder of such files); an article's
``id`` is the gold ``file``.

A gold statement is **found** when a predicted statement of the same article overlaps
its content with token F1 >= 0.5 (the best such statement is taken), and **right** when
that statement's speaker name contains the gold speaker's last word as a whole word,
case-insensitively.  Unnamed gold speakers are left out of the accuracy and counted apart.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .gold import GoldError, read_json_lines

KINDS: tuple[str, ...] = ("name", "surname", "role", "pronoun", "institution")
MIN_CONTENT_F1 = 0.5
_WORD = re.compile(r"\w+", re.UNICODE)


class SpeakerGoldError(GoldError):
    """A gold or prediction file that cannot be read; the message names the file."""


@dataclass
class KindScore:
    gold: int = 0
    found: int = 0
    right: int = 0

    @property
    def accuracy(self) -> float:
        """Found and right, over all gold statements of the kind (end to end)."""
        return self.right / self.gold if self.gold else 0.0

    @property
    def right_when_found(self) -> float:
        return self.right / self.found if self.found else 0.0

    def to_dict(self) -> dict:
        return {"gold": self.gold, "found": self.found, "right": self.right, "accuracy": round(self.accuracy, 4),
                "found_rate": round(self.found / self.gold, 4) if self.gold else 0.0,
                "right_when_found": round(self.right_when_found, 4)}


@dataclass
class SpeakerScores:
    by_kind: dict[str, KindScore] = field(default_factory=lambda: {kind: KindScore() for kind in KINDS})
    unnamed: KindScore = field(default_factory=KindScore)
    missing_articles: list[str] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)  # gold named statements found but not right
    # named statements found, by how their speaker was resolved: resolution -> [right, found]
    by_resolution: dict[str, list[int]] = field(default_factory=dict)

    @property
    def total(self) -> KindScore:
        total = KindScore()
        for score in self.by_kind.values():
            total.gold += score.gold
            total.found += score.found
            total.right += score.right
        return total

    def to_dict(self) -> dict:
        return {"all": self.total.to_dict(), "by_kind": {k: s.to_dict() for k, s in self.by_kind.items()},
                "unnamed": self.unnamed.to_dict(), "missing_articles": self.missing_articles,
                "errors": self.errors}


def format_speakers_report(result: Mapping) -> str:
    """A table: per kind, gold statements, found, right, accuracy, found rate, right when found."""
    header = ("kind", "gold", "found", "right", "accuracy", "found %", "right|found")
    lines = ["{:<12} {:>5} {:>6} {:>6} {:>9} {:>8} {:>12}".format(*header)]
    rows = [*result["by_kind"].items(), ("all named", result["all"]), ("unnamed", result["unnamed"])]
    for name, score in rows:
        lines.append(f"{name:<12} {score['gold']:>5} {score['found']:>6} {score['right']:>6} "
                     f"{score['accuracy']:>9.3f} {score['found_rate']:>8.3f} {score['right_when_found']:>12.3f}")
    if result["missing_articles"]:
        lines.append(f"{len(result['missing_articles'])} gold articles have no prediction (counted as not found)")
    return "\n".join(lines)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "")]


def token_f1(gold: Iterable[str], predicted: Iterable[str]) -> float:
    gold_counts, predicted_counts = Counter(gold), Counter(predicted)
    common = sum((gold_counts & predicted_counts).values())
    if not common:
        return 0.0
    precision = common / sum(predicted_counts.values())
    recall = common / sum(gold_counts.values())
    return 2 * precision * recall / (precision + recall)


def speaker_matches(gold_speaker: str, predicted_name: str | None) -> bool:
    """The predicted name contains the gold speaker's last word (whole word, any case)."""
    gold_words = _WORD.findall(gold_speaker or "")
    if not gold_words or not predicted_name:
        return False
    last = gold_words[-1].lower()
    return last in words(predicted_name)


def predicted_name(statement: Mapping) -> str | None:
    """The name a statement's speaker is stored under: its resolved name, else its words."""
    speaker = statement.get("speaker") or {}
    return speaker.get("name") or speaker.get("text")


def read_gold(path: Path) -> list[dict]:
    records = []
    for number, record in read_json_lines(path, ("file", "message_text", "kind", "speaker"),
                                          what="speaker gold", error=SpeakerGoldError):
        if record["kind"] not in (*KINDS, "unnamed"):
            raise SpeakerGoldError(f"{path}:{number}: unknown kind {record['kind']!r}")
        records.append(record)
    return records


def read_predictions(path: Path) -> dict[str, list[dict]]:
    """Article id -> its predicted statements, from ``wortlaut analyze --json`` output."""
    path = Path(path)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    articles: dict[str, list[dict]] = {}
    for file in files:
        for article in _json_objects(file):
            if not isinstance(article, dict) or "id" not in article:
                raise SpeakerGoldError(f"{file}: not wortlaut JSON output (an article without 'id')")
            articles[str(article["id"])] = list(article.get("statements") or [])
    return articles


def _json_objects(file: Path) -> list:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SpeakerGoldError(f"{file}: cannot read predictions: {error}") from error
    try:
        data = json.loads(text)
        return data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        pass
    objects = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                objects.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise SpeakerGoldError(f"{file}:{number}: not JSON: {error}") from error
    return objects


def best_match(gold: Mapping, statements: list[dict]) -> dict | None:
    gold_words = words(gold["message_text"])
    best, best_f1 = None, MIN_CONTENT_F1
    for statement in statements:
        f1 = token_f1(gold_words, words((statement.get("content") or {}).get("text", "")))
        if f1 >= best_f1:
            best, best_f1 = statement, f1
    return best


def evaluate_speakers(gold: list[dict], predictions: Mapping[str, list[dict]],
                      articles: set[str] | None = None) -> SpeakerScores:
    """Score ``predictions`` on the gold records (of ``articles`` only, when given)."""
    scores = SpeakerScores()
    missing = set()
    for record in gold:
        if articles is not None and record["file"] not in articles:
            continue
        if record["file"] not in predictions:
            missing.add(record["file"])
        unnamed = record["kind"] == "unnamed" or bool(record.get("unnamed"))
        score = scores.unnamed if unnamed else scores.by_kind[record["kind"]]
        score.gold += 1
        match = best_match(record, predictions.get(record["file"], []))
        if match is None:
            continue
        score.found += 1
        right = speaker_matches(record["speaker"], predicted_name(match))
        score.right += right
        if not unnamed:
            resolution = (match.get("speaker") or {}).get("resolution") or "unresolved"
            counts = scores.by_resolution.setdefault(resolution, [0, 0])
            counts[0] += right
            counts[1] += 1
        if not right and not unnamed:
            scores.errors.append({"file": record["file"], "ann_index": record.get("ann_index"),
                                  "kind": record["kind"], "gold": record["speaker"],
                                  "predicted": predicted_name(match),
                                  "source_text": record.get("source_text")})
    scores.missing_articles = sorted(missing)
    return scores


def evaluate_speakers_files(gold: Path, predictions: Path, articles: set[str] | None = None) -> dict:
    """``wortlaut eval speakers GOLD PRED``: the scores as a dict (see :func:`format_speakers_report`)."""
    return evaluate_speakers(read_gold(gold), read_predictions(predictions), articles).to_dict()
