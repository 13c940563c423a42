"""Score the speech-act stage against hand-labelled statements (``training/speechacts/gold.jsonl``).

Each gold line holds a statement's sentence (``tokens``), its gold cue and message (``cue``,
``message``: token positions in the sentence), its ``form``, its ``act`` and its ``split`` (dev:
the part the lexicon was written from; test: held out).  The cue is given, so the score is the
speech-act reading alone, not cue finding: the sentences are tagged together
(:func:`wortlaut.morphology.tag`) and each statement's act is read as the pipeline reads it.
Reported: accuracy and per-act precision, recall and F1, for each split and for all lines.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..model import Document, Role, Statement
from ..morphology import tag
from ..segment import segment
from ..speech_acts import speech_act
from .gold import read_json_lines

ALL = "all"


def read_gold(path: Path) -> list[dict]:
    return [record for _, record in read_json_lines(path, ("tokens", "cue", "act"), what="speech-act gold")]


def predict(records: list[dict]) -> list[str]:
    """The act the stage reads for each gold statement, its cue given."""
    doc = tag(segment(Document.from_tokens([record["tokens"] for record in records])))
    if len(doc.sentences) != len(records):
        raise ValueError("a gold sentence was split or joined when read")
    acts = []
    for record, sentence in zip(records, doc.sentences):
        start = sentence.token_start
        cue = [start + i for i in record["cue"]]
        message = [start + i for i in record.get("message") or []]
        statement = Statement(id=str(record.get("id", "")), form=record.get("form", "indirect"),
                              content=Role(message), cue=Role(cue), sentence=doc.tokens[start].sentence)
        acts.append(speech_act(doc, statement))
    return acts


def scores(pairs: list[tuple[str, str]]) -> dict:
    """Accuracy and per-act precision, recall, F1 and support over (gold, predicted) pairs."""
    gold_counts = Counter(gold for gold, _ in pairs)
    predicted_counts = Counter(predicted for _, predicted in pairs)
    right = Counter(gold for gold, predicted in pairs if gold == predicted)
    per_act = {}
    for act in sorted(set(gold_counts) | set(predicted_counts)):
        precision = right[act] / predicted_counts[act] if predicted_counts[act] else 0.0
        recall = right[act] / gold_counts[act] if gold_counts[act] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_act[act] = {"precision": precision, "recall": recall, "f1": f1, "support": gold_counts[act],
                        "predicted": predicted_counts[act]}
    return {"statements": len(pairs), "accuracy": sum(right.values()) / len(pairs) if pairs else 0.0,
            "acts": per_act, "confusion": {f"{g}/{p}": n for (g, p), n in sorted(Counter(pairs).items()) if g != p}}


def evaluate_speechacts(path: Path) -> dict:
    """Scores for each split of the gold file (in order of first appearance) and for all of it."""
    records = read_gold(path)
    pairs = list(zip((record["act"] for record in records), predict(records)))
    splits = list(dict.fromkeys(record.get("split") or ALL for record in records))
    result = {split: scores([pair for pair, record in zip(pairs, records) if (record.get("split") or ALL) == split])
              for split in splits if split != ALL}
    result[ALL] = scores(pairs)
    return result


def format_speechacts_report(result: dict) -> str:
    lines = []
    for split, part in result.items():
        lines.append(f"{split}: {part['statements']} statements, accuracy {part['accuracy']:.3f}")
        lines.append(f"  {'act':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
        for act, s in part["acts"].items():
            lines.append(f"  {act:<10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}"
                         f" {s['support']:5d} {s['predicted']:5d}")
    return "\n".join(lines)
