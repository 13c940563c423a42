"""Score time-expression extraction against WikiWarsDE (inline TIMEX2) or SmartData v1.

The gold set is recognised from the folder: WikiWarsDE has ``keyinline/*.key.xml`` (ACE TERN
documents: ``<DATETIME>`` holds the document date, ``<TEXT>`` the article with inline
``<TIMEX2 val="…">…</TIMEX2>`` tags); SmartData has ``train.json.gz`` / ``test.json.gz``
(see :mod:`wortlaut.evaluate.smartdata`).  We run :func:`wortlaut.times.extract_times` on the
plain text and pair gold and predicted spans one to one, exact matches first, then overlaps:

* strict: same start and end;
* relaxed: overlapping spans;
* value (TempEval style): a relaxed pair whose normalised values are equal; precision over
  all predictions, recall over all gold expressions (WikiWarsDE only: SmartData has no values);
* per type (DATE, TIME, DURATION, SET): a pair counts for a type when gold and prediction
  both have it; ``found`` is the share of that type's gold matched by a prediction of any type.

WikiWarsDE is history writing, so it is anchored as a narrative (relative expressions count
from the last date mentioned); SmartData is news, anchored on the publication date.  TIMEX2
conventions differ from ours in places (e.g. ``mod`` is separate from the value); we do not
chase them.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import TimeExpression
from ..times import extract_times

TYPES = ("DATE", "TIME", "DURATION", "SET")
_TAG = re.compile(r"<(/?)TIMEX2([^>]*)>")
_ATTRIBUTE = re.compile(r'\b(\w+)="([^"]*)"')
# a time of day after a date or alone: 1944-06-06T10:00, XXXX-XX-XXTMO, T14:30 (not PRESENT_REF)
_TIME_PART = re.compile(r"(?:^|[\dX])T(?:[\dX]|MO|MI|AF|EV|NI|DT)")
_WEEKLY_SET = re.compile(r"^XXXX-WXX-\d$")
SMARTDATA_NOTES = (
    "SmartData has no normalised values: only spans and types are scored",
    "SmartData has no set type: our SET predictions can only be false positives",
)


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"


@dataclass(frozen=True, slots=True)
class TimexDocument:
    name: str
    date: dt.date | None
    text: str
    gold: list[GoldTimex]
    source: str = ""  # SmartData: news, rss or tweet


def gold_type(value: str | None, attributes: dict[str, str] | None = None) -> str:
    """DATE, TIME, DURATION or SET from a TIMEX2 value's shape and its set markers."""
    attributes = attributes or {}
    if (attributes.get("set", "").upper() == "YES" or attributes.get("quant", "").upper() == "EVERY"
            or "periodicity" in attributes or (value and _WEEKLY_SET.match(value))):
        return "SET"
    if not value:
        return "DATE"
    if value.startswith("P") and not value.endswith("_REF"):  # P6Y, PT2H; not PAST_REF, PRESENT_REF
        return "DURATION"
    return "TIME" if _TIME_PART.search(value) else "DATE"


# --------------------------------------------------------------------------- WikiWarsDE


def _strip_tags(marked: str) -> tuple[str, list[GoldTimex]]:
    """Plain text and the TIMEX2 spans in it (nested tags are kept as separate spans)."""
    plain: list[str] = []
    length = 0
    stack: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    position = 0
    for m in _TAG.finditer(marked):
        piece = html.unescape(marked[position:m.start()])
        plain.append(piece)
        length += len(piece)
        position = m.end()
        if m.group(1):
            start, attributes = stack.pop()
            spans.append((start, length, attributes))
        else:
            stack.append((length, dict(_ATTRIBUTE.findall(m.group(2)))))
    plain.append(html.unescape(marked[position:]))
    text = "".join(plain)
    gold = [GoldTimex(s, e, text[s:e], a.get("val"), gold_type(a.get("val"), a))
            for s, e, a in sorted(spans, key=lambda span: span[:2])]
    return text, gold


def read_document(path: Path) -> TimexDocument:
    raw = path.read_text(encoding="utf-8")
    date_match = re.search(r"<DATETIME>.*?val=\"(\d{4}-\d{2}-\d{2})", raw, re.DOTALL)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element")
    text, gold = _strip_tags(body.group(1))
    date = dt.date.fromisoformat(date_match.group(1)) if date_match else None
    return TimexDocument(path.name.split(".")[0], date, text, gold)


def _wikiwarsde_files(folder: Path) -> list[Path]:
    gold_folder = folder / "keyinline" if (folder / "keyinline").is_dir() else folder
    return sorted(gold_folder.glob("*.key.xml"))


# --------------------------------------------------------------------------- pairing and counting


def pair_spans(gold: list[GoldTimex], predicted: list[TimeExpression]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans.

    Exact matches are paired first, so a nested gold tag or a wide neighbour cannot take
    the prediction that matches another gold span exactly; the rest pair left to right.
    """
    exact: dict[tuple[int, int], list[int]] = {}
    for j, p in enumerate(predicted):
        exact.setdefault((p.start, p.end), []).append(j)
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, g in enumerate(gold):
        free = [j for j in exact.get((g.start, g.end), ()) if j not in used]
        if free:
            pairs[i] = free[0]
            used.add(free[0])
    for i, g in enumerate(gold):
        if i in pairs:
            continue
        for j, p in enumerate(predicted):
            if j not in used and p.start < g.end and g.start < p.end:
                pairs[i] = j
                used.add(j)
                break
    return sorted(pairs.items())


@dataclass(frozen=True, slots=True)
class _Match:
    gold_type: str
    predicted_type: str
    exact: bool
    same_value: bool


@dataclass(slots=True)
class _Tally:
    """The counts a set of documents contributes: types of gold and predictions, the pairs."""

    documents: int = 0
    gold: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    matches: list[_Match] = field(default_factory=list)

    def add(self, other: _Tally) -> None:
        self.documents += other.documents
        self.gold.update(other.gold)
        self.predicted.update(other.predicted)
        self.matches.extend(other.matches)


def tally_document(doc: TimexDocument, predicted: list[TimeExpression]) -> _Tally:
    matches = [
        _Match(doc.gold[i].type, predicted[j].type,
               exact=(doc.gold[i].start, doc.gold[i].end) == (predicted[j].start, predicted[j].end),
               same_value=doc.gold[i].value is not None and doc.gold[i].value == predicted[j].value)
        for i, j in pair_spans(doc.gold, predicted)
    ]
    return _Tally(1, Counter(g.type for g in doc.gold), Counter(p.type for p in predicted), matches)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _scores(tp: int, n_pred: int, n_gold: int) -> dict:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall), "tp": tp}


def _type_scores(tally: _Tally, kind: str, has_values: bool) -> dict:
    n_gold, n_pred = tally.gold[kind], tally.predicted[kind]
    of_gold_type = [m for m in tally.matches if m.gold_type == kind]
    typed = [m for m in of_gold_type if m.predicted_type == kind]
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "strict": _scores(sum(m.exact for m in typed), n_pred, n_gold),
        "relaxed": _scores(len(typed), n_pred, n_gold),
        "value": _scores(sum(m.same_value for m in typed), n_pred, n_gold) if has_values else None,
        "found": len(of_gold_type) / n_gold if n_gold else 0.0,
    }


def summarise(tally: _Tally, *, has_values: bool) -> dict:
    """Strict, relaxed and value P/R/F1, type agreement and per-type figures of one tally."""
    n_gold, n_pred = tally.gold.total(), tally.predicted.total()
    relaxed = len(tally.matches)
    value_right = sum(m.same_value for m in tally.matches)
    return {
        "documents": tally.documents,
        "gold": n_gold,
        "predicted": n_pred,
        "strict": _scores(sum(m.exact for m in tally.matches), n_pred, n_gold),
        "relaxed": _scores(relaxed, n_pred, n_gold),
        "value": _scores(value_right, n_pred, n_gold) if has_values else None,
        "value_accuracy": value_right / relaxed if has_values and relaxed else None,
        "type_accuracy": sum(m.gold_type == m.predicted_type for m in tally.matches) / relaxed if relaxed else 0.0,
        "per_type": {kind: _type_scores(tally, kind, has_values) for kind in TYPES},
    }


def _group_summary(tally: _Tally, has_values: bool) -> dict:
    """Counts and F1s of one document or source (the per-type detail is left to the totals)."""
    full = summarise(tally, has_values=has_values)
    return {key: full[key] for key in ("documents", "gold", "predicted", "strict", "relaxed", "value")}


def _merged(tallies: Iterable[_Tally]) -> _Tally:
    total = _Tally()
    for tally in tallies:
        total.add(tally)
    return total


def tally_by_group(docs: Iterable[TimexDocument], *, anchoring: str,
                   group: Callable[[TimexDocument], str]) -> dict[str, _Tally]:
    """Run the extractor on each document and add up its counts per ``group(doc)``."""
    groups: dict[str, _Tally] = {}
    for doc in docs:
        predicted = extract_times(doc.text, doc.date, anchoring=anchoring)
        groups.setdefault(group(doc), _Tally()).add(tally_document(doc, predicted))
    return groups


def report_groups(groups: dict[str, _Tally], *, has_values: bool, groups_key: str) -> dict:
    """Scores over all groups, with a smaller summary per group under ``groups_key``."""
    result = summarise(_merged(groups.values()), has_values=has_values)
    result[groups_key] = {name: _group_summary(tally, has_values) for name, tally in sorted(groups.items())}
    return result


# --------------------------------------------------------------------------- the gold sets


def evaluate_wikiwarsde(folder: Path, *, anchoring: str = "narrative") -> dict:
    files = _wikiwarsde_files(folder)
    if not files:
        raise FileNotFoundError(f"no *.key.xml files under {folder}")
    groups = tally_by_group((read_document(path) for path in files), anchoring=anchoring, group=lambda doc: doc.name)
    return {"dataset": "WikiWarsDE", "split": "all", "anchoring": anchoring,
            **report_groups(groups, has_values=True, groups_key="per_document")}


def evaluate_smartdata(folder: Path, *, split: str = "all", anchoring: str = "news") -> dict:
    """Each split on its own and, for ``all``, both together (train and test share a few articles)."""
    from .smartdata import SPLITS, read_smartdata

    def report(name: str, groups: dict[str, _Tally]) -> dict:
        return {"dataset": "SmartData", "split": name, "anchoring": anchoring, "notes": list(SMARTDATA_NOTES),
                **report_groups(groups, has_values=False, groups_key="per_source")}

    parts = {name: tally_by_group(read_smartdata(folder, name), anchoring=anchoring, group=lambda doc: doc.source)
             for name in (SPLITS if split == "all" else (split,))}
    if split != "all":
        return report(split, parts[split])
    sources = {source for groups in parts.values() for source in groups}
    both = {source: _merged(groups[source] for groups in parts.values() if source in groups) for source in sources}
    return {**report("all", both), "splits": {name: report(name, groups) for name, groups in parts.items()}}


def evaluate_timex(folder: str | Path, *, split: str = "all", anchoring: str | None = None) -> dict:
    """Score the gold set in ``folder`` (WikiWarsDE or SmartData, recognised by its files).

    ``anchoring`` defaults to the set's genre: narrative for WikiWarsDE, news for SmartData.
    """
    from .smartdata import SPLITS, is_smartdata_folder

    folder = Path(folder)
    if is_smartdata_folder(folder):
        if split not in ("all", *SPLITS):
            raise ValueError(f"SmartData has the splits {', '.join(SPLITS)} (or all), not {split!r}")
        return evaluate_smartdata(folder, split=split, anchoring=anchoring or "news")
    if split != "all":
        raise ValueError(f"WikiWarsDE has no {split!r} split (it is scored whole)")
    return evaluate_wikiwarsde(folder, anchoring=anchoring or "narrative")


# --------------------------------------------------------------------------- report


def _row(label: str, scores: dict | None, width: int = 10) -> str:
    if scores is None:
        return f"{label:{width}}{'—':>8}{'—':>8}{'—':>8}"
    return f"{label:{width}}{scores['precision']:8.3f}{scores['recall']:8.3f}{scores['f1']:8.3f}{scores['tp']:8d}"


def _format_one(result: dict) -> list[str]:
    has_values = result["value"] is not None
    lines = [
        (f"{result['dataset']} ({result['split']}): {result['documents']} documents, {result['gold']} gold, "
         f"{result['predicted']} predicted ({result['anchoring']} anchoring)"),
        f"{'':10}{'P':>8}{'R':>8}{'F1':>8}{'matched':>8}",
        _row("strict", result["strict"]),
        _row("relaxed", result["relaxed"]),
        _row("value", result["value"]) if has_values else "value       not scored: no normalised values in the gold",
    ]
    if has_values:
        lines.append(f"value accuracy on relaxed matches: {result['value_accuracy']:.3f}")
    lines.append(f"type agreement on relaxed matches: {result['type_accuracy']:.3f}")
    lines.append("")
    lines.append(f"{'type':10}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}{'value F1':>10}{'found':>8}")
    for kind, scores in result["per_type"].items():
        if not scores["gold"] and not scores["predicted"]:
            continue
        relaxed = scores["relaxed"]
        value = f"{scores['value']['f1']:10.3f}" if scores["value"] else f"{'—':>10}"
        lines.append(f"{kind:10}{scores['gold']:6d}{scores['predicted']:6d}{relaxed['precision']:8.3f}"
                     f"{relaxed['recall']:8.3f}{relaxed['f1']:8.3f}{value}{scores['found']:8.3f}")
    if "per_source" in result:
        lines += ["", f"{'source':10}{'docs':>6}{'gold':>6}{'pred':>6}{'strict F1':>10}{'relaxed F1':>11}"]
        for source, scores in result["per_source"].items():
            lines.append(f"{source:10}{scores['documents']:6d}{scores['gold']:6d}{scores['predicted']:6d}"
                         f"{scores['strict']['f1']:10.3f}{scores['relaxed']['f1']:11.3f}")
    return lines


def format_timex_report(result: dict) -> str:
    lines = _format_one(result)
    for part in result.get("splits", {}).values():
        lines += ["", *_format_one(part)]
    lines += ["", *result.get("notes", ()), ("per type: relaxed P/R/F1 where gold and prediction have the type; "
                                             "found: share of the type's gold matched by a prediction of any type")]
    return "\n".join(lines)
