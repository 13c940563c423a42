"""Score the Konjunktiv rule of :mod:`wortlaut.morphology` against UD German treebanks.

Every finite verb of a CoNLL-U file (``VerbForm=Fin``, or any ``Mood=`` feature: German
PUD marks finite verbs by mood alone) is one decision.  The sentence's word forms are
tagged by :func:`wortlaut.morphology.tag`, and the verb's predicted mood is compared
with its gold ``Mood``.  Detection of ``Mood=Sub`` is scored with "subj1"/"subj2" as
Sub and "ind" as not-Sub; "amb" (form both indicative and subjunctive) counts as
not-Sub, since the rule's users treat only a clear Konjunktiv as reported speech.  A
finite verb that HanTa does not tag as finite gets no mood and counts as not-Sub.
The confusion table shows every (gold, predicted) pair.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Document
from ..morphology import tag
from ..segment import segment

NO_MOOD = "none"  # predicted when the tagger did not see a finite verb
_SUB_PREDICTIONS = frozenset({"subj1", "subj2"})


@dataclass(frozen=True, slots=True)
class _UDSentence:
    forms: list[str]  # surface tokens (contractions like "zum" kept whole)
    gold_moods: dict[int, str]  # surface token index -> Ind | Sub | Imp


def _features(column: str) -> dict[str, str]:
    if column == "_":
        return {}
    return dict(item.split("=", 1) for item in column.split("|") if "=" in item)


def read_conllu(path: Path) -> Iterator[_UDSentence]:
    """Sentences of a CoNLL-U file with the gold mood of their finite verbs."""
    forms: list[str] = []
    moods: dict[int, str] = {}
    covered_until = 0  # last word id inside the current multiword token
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if forms:
                yield _UDSentence(forms, moods)
            forms, moods, covered_until = [], {}, 0
            continue
        if line.startswith("#"):
            continue
        columns = line.split("\t")
        word_id = columns[0]
        if "." in word_id:
            continue  # empty nodes
        if "-" in word_id:
            first, last = word_id.split("-")
            forms.append(columns[1])
            covered_until = int(last)
            continue
        if int(word_id) > covered_until:
            forms.append(columns[1])
        features = _features(columns[5])
        if features.get("VerbForm") == "Fin" or ("Mood" in features and "VerbForm" not in features):
            moods[len(forms) - 1] = features.get("Mood", "Ind")
    if forms:
        yield _UDSentence(forms, moods)


def _counts(paths: Iterable[Path]) -> Counter[tuple[str, str]]:
    """(gold mood, predicted mood) -> number of finite verbs."""
    pairs: Counter[tuple[str, str]] = Counter()
    for path in paths:
        sentences = list(read_conllu(Path(path)))
        doc = tag(segment(Document.from_tokens(s.forms for s in sentences)))
        for sentence, doc_sentence in zip(sentences, doc.sentences):
            tokens = doc.sentence_tokens(doc_sentence)
            for position, gold in sentence.gold_moods.items():
                pairs[(gold, tokens[position].mood or NO_MOOD)] += 1
    return pairs


def scores_from_counts(pairs: Counter[tuple[str, str]]) -> dict:
    true_positive = sum(n for (gold, pred), n in pairs.items() if gold == "Sub" and pred in _SUB_PREDICTIONS)
    false_positive = sum(n for (gold, pred), n in pairs.items() if gold != "Sub" and pred in _SUB_PREDICTIONS)
    false_negative = sum(n for (gold, pred), n in pairs.items() if gold == "Sub" and pred not in _SUB_PREDICTIONS)
    precision = true_positive / (true_positive + false_positive) if true_positive + false_positive else 0.0
    recall = true_positive / (true_positive + false_negative) if true_positive + false_negative else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    # The same with "amb" counted as Sub: how much the ambiguous forms would add or cost.
    amb_as_sub = {"subj1", "subj2", "amb"}
    tp_amb = sum(n for (gold, pred), n in pairs.items() if gold == "Sub" and pred in amb_as_sub)
    fp_amb = sum(n for (gold, pred), n in pairs.items() if gold != "Sub" and pred in amb_as_sub)
    gold_sub = true_positive + false_negative
    return {
        "verbs": sum(pairs.values()),
        "gold_sub": gold_sub,
        "true_positive": true_positive,
        "false_positive": false_positive,
        "false_negative": false_negative,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "amb_as_sub": {
            "precision": tp_amb / (tp_amb + fp_amb) if tp_amb + fp_amb else 0.0,
            "recall": tp_amb / gold_sub if gold_sub else 0.0,
        },
        "confusion": {f"{gold}/{pred}": n for (gold, pred), n in sorted(pairs.items())},
    }


def evaluate_mood(paths: list[Path]) -> dict:
    """Precision, recall and F1 of Mood=Sub detection over the finite verbs in ``paths``."""
    return scores_from_counts(_counts(paths))


def format_mood_report(scores: dict) -> str:
    lines = [
        f"finite verbs: {scores['verbs']}, gold Mood=Sub: {scores['gold_sub']}",
        f"Mood=Sub (amb = not Sub): P {scores['precision']:.3f}  R {scores['recall']:.3f}  F1 {scores['f1']:.3f}"
        f"  (tp {scores['true_positive']}, fp {scores['false_positive']}, fn {scores['false_negative']})",
        f"with amb = Sub: P {scores['amb_as_sub']['precision']:.3f}  R {scores['amb_as_sub']['recall']:.3f}",
        "confusion (gold \\ predicted):",
    ]
    predicted = ("ind", "subj1", "subj2", "amb", NO_MOOD)
    gold_moods = sorted({key.split("/")[0] for key in scores["confusion"]})
    lines.append("      " + "".join(f"{name:>7}" for name in predicted))
    for gold in gold_moods:
        row = "".join(f"{scores['confusion'].get(f'{gold}/{name}', 0):>7}" for name in predicted)
        lines.append(f"{gold:<6}{row}")
    return "\n".join(lines)
