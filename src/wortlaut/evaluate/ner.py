"""Scoring named entities: outer-chunk strict precision, recall and F1 (conlleval-style).

A predicted chunk counts only when its type (``LOC``, ``LOCderiv``, ``ORGpart`` ...) and both
boundaries equal a gold chunk's.  Gold and prediction are GermEval-2014 TSV files with the same
sentences and tokens; only column 3 (the outer tags) is scored.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..entities.ner import chunks
from ..formats.germeval import GermEvalSentence, read_germeval


def _scores(tp: int, n_pred: int, n_gold: int) -> dict:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "pred": n_pred, "gold": n_gold}


def score_tag_sequences(gold: list[list[str]], predicted: list[list[str]]) -> dict:
    """Chunk scores over parallel lists of BIO tag sequences (one list per sentence)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    tokens = correct_tokens = 0
    for number, (gold_tags, pred_tags) in enumerate(zip(gold, predicted), start=1):
        if len(gold_tags) != len(pred_tags):
            raise ValueError(f"sentence {number}: {len(gold_tags)} gold tokens but {len(pred_tags)} predicted")
        gold_chunks = set(chunks(gold_tags))
        pred_chunks = set(chunks(pred_tags))
        for chunk in gold_chunks:
            n_gold[chunk[2]] += 1
        for chunk in pred_chunks:
            n_pred[chunk[2]] += 1
            if chunk in gold_chunks:
                tp[chunk[2]] += 1
        tokens += len(gold_tags)
        correct_tokens += sum(g == p for g, p in zip(gold_tags, pred_tags))
    types = sorted(set(n_gold) | set(n_pred))
    return {
        "overall": _scores(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())),
        "types": {kind: _scores(tp[kind], n_pred[kind], n_gold[kind]) for kind in types},
        "sentences": len(gold),
        "tokens": tokens,
        "token_accuracy": correct_tokens / tokens if tokens else 0.0,
    }


def _check_same_tokens(gold: list[GermEvalSentence], pred: list[GermEvalSentence], pred_path: Path) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"{pred_path}: {len(pred)} sentences, the gold file has {len(gold)}")
    for g, p in zip(gold, pred):
        if g.words != p.words:
            line = p.rows[0].line if p.rows else 0
            raise ValueError(f"{pred_path}, line {line}: tokens differ from the gold sentence "
                             f"({' '.join(g.words[:8])!r} …)")


def evaluate_ner(gold_path: str | Path, pred_path: str | Path) -> dict:
    """Outer-chunk strict scores of a predicted GermEval TSV file against a gold one."""
    gold = read_germeval(gold_path)
    pred = read_germeval(pred_path)
    _check_same_tokens(gold, pred, Path(pred_path))
    result = score_tag_sequences([[r.outer for r in s.rows] for s in gold], [[r.outer for r in s.rows] for s in pred])
    result["gold_file"] = str(gold_path)
    result["pred_file"] = str(pred_path)
    return result


def format_ner_report(result: dict) -> str:
    lines = [(f"NER (outer chunks, strict): {result['sentences']} sentences, {result['tokens']} tokens, "
              f"token accuracy {result['token_accuracy']:.3f}"),
             f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6} {'tp':>6}"]
    rows = [("overall", result["overall"]), *result["types"].items()]
    for name, s in rows:
        lines.append(f"{name:<10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                     f"{s['gold']:6d} {s['pred']:6d} {s['tp']:6d}")
    return "\n".join(lines)
