"""Score time-expression extraction against WikiWarsDE (inline TIMEX2, ``keyinline/*.key.xml``).

Each gold file is an ACE TERN document: ``<DATETIME>`` holds the document date in a TIMEX2,
``<TEXT>`` the article with inline ``<TIMEX2 val="…">…</TIMEX2>`` tags.  We strip the tags,
run :func:`wortlaut.times.extract_times` on the plain text and compare spans:

* strict: same start and end;
* lenient: overlapping spans (each gold and predicted span paired at most once);
* value accuracy: share of leniently matched pairs whose normalised values are equal.

WikiWarsDE is history writing, so the default here is narrative anchoring (relative
expressions count from the last date mentioned).  TIMEX2 conventions differ from ours in
places (e.g. ``mod`` is separate from the value); we do not chase them.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from ..times import extract_times

_TAG = re.compile(r"<(/?)TIMEX2([^>]*)>")
_VAL = re.compile(r'\bval="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    value: str | None


@dataclass(frozen=True, slots=True)
class TimexDocument:
    name: str
    date: dt.date | None
    text: str
    gold: list[GoldTimex]


def _strip_tags(marked: str) -> tuple[str, list[GoldTimex]]:
    """Plain text and the TIMEX2 spans in it (nested tags are kept as separate spans)."""
    plain: list[str] = []
    length = 0
    stack: list[tuple[int, str | None]] = []
    spans: list[tuple[int, int, str | None]] = []
    position = 0
    for m in _TAG.finditer(marked):
        piece = html.unescape(marked[position:m.start()])
        plain.append(piece)
        length += len(piece)
        position = m.end()
        if m.group(1):
            start, value = stack.pop()
            spans.append((start, length, value))
        else:
            value = _VAL.search(m.group(2))
            stack.append((length, value.group(1) if value else None))
    plain.append(html.unescape(marked[position:]))
    text = "".join(plain)
    gold = [GoldTimex(s, e, text[s:e], v) for s, e, v in sorted(spans)]
    return text, gold


def read_document(path: Path) -> TimexDocument:
    raw = path.read_text(encoding="utf-8")
    date_match = re.search(r"<DATETIME>.*?val=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element")
    text, gold = _strip_tags(body.group(1))
    date = dt.date.fromisoformat(date_match.group(1)) if date_match else None
    return TimexDocument(path.name.split(".")[0], date, text, gold)


def _find_gold_folder(folder: Path) -> Path:
    return folder / "keyinline" if (folder / "keyinline").is_dir() else folder


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _scores(tp: int, n_pred: int, n_gold: int) -> dict:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall), "tp": tp}


def evaluate_timex(folder: str | Path, *, anchoring: str = "narrative") -> dict:
    """Span P/R/F1 (strict, lenient) and value accuracy over all ``*.key.xml`` files in ``folder``."""
    files = sorted(_find_gold_folder(Path(folder)).glob("*.key.xml"))
    if not files:
        raise FileNotFoundError(f"no *.key.xml files under {folder}")
    n_gold = n_pred = strict = lenient = value_right = 0
    per_document: dict[str, dict] = {}
    for path in files:
        doc = read_document(path)
        predicted = extract_times(doc.text, doc.date, anchoring=anchoring)
        exact = {(g.start, g.end) for g in doc.gold} & {(p.start, p.end) for p in predicted}
        pairs = _pair_overlapping(doc.gold, predicted)
        right = sum(1 for g, p in pairs if g.value is not None and g.value == p.value)
        n_gold += len(doc.gold)
        n_pred += len(predicted)
        strict += len(exact)
        lenient += len(pairs)
        value_right += right
        per_document[doc.name] = {"gold": len(doc.gold), "predicted": len(predicted), "strict": len(exact),
                                  "lenient": len(pairs), "value_correct": right}
    return {
        "documents": len(files),
        "anchoring": anchoring,
        "gold": n_gold,
        "predicted": n_pred,
        "strict": _scores(strict, n_pred, n_gold),
        "lenient": _scores(lenient, n_pred, n_gold),
        "value_accuracy": value_right / lenient if lenient else 0.0,
        "value_correct": value_right,
        "per_document": per_document,
    }


def _pair_overlapping(gold: list[GoldTimex], predicted: list) -> list[tuple[GoldTimex, object]]:
    """Pair overlapping spans left to right; both lists are sorted by start."""
    pairs = []
    used: set[int] = set()
    for g in gold:
        for i, p in enumerate(predicted):
            if p.start >= g.end:
                break
            if i not in used and p.end > g.start:
                pairs.append((g, p))
                used.add(i)
                break
    return pairs


def format_timex_report(result: dict) -> str:
    lines = [
        f"WikiWarsDE TIMEX2: {result['documents']} documents, {result['gold']} gold, "
        f"{result['predicted']} predicted ({result['anchoring']} anchoring)",
        f"{'':10}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for kind in ("strict", "lenient"):
        s = result[kind]
        lines.append(f"{kind:10}{s['precision']:8.3f}{s['recall']:8.3f}{s['f1']:8.3f}")
    lines.append(f"value accuracy on lenient matches: {result['value_accuracy']:.3f} "
                 f"({result['value_correct']}/{result['lenient']['tp']})")
    return "\n".join(lines)
