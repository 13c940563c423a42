"""An article's text cut into runs that each carry what covers them — a statement's speaker, cue,
content or addressee, a time expression, a place — for the highlighted article view.

The runs hold plain text; the template escapes it, so an article's own markup (``<script>``) can
only ever show as text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

ROLES = ("speaker", "cue", "content", "addressee")  # a statement's parts, each drawn in its own colour
MARKS = ("time", "place")


@dataclass
class Run:
    text: str
    classes: list[str] = field(default_factory=list)
    statement: int | None = None  # the statement whose part this is (the innermost, when nested)


def runs(text: str, statements: list[dict], times: list[dict], places: list[dict]) -> list[Run]:
    """``text`` in runs, cut wherever a statement part, time or place starts or ends."""
    spans: list[tuple[int, int, str, int | None]] = []
    for statement in statements:
        for role in ROLES:
            start, end = statement.get(f"{role}_start"), statement.get(f"{role}_end")
            if start is not None and end is not None and 0 <= start < end <= len(text):
                spans.append((start, end, role, statement["id"]))
    spans += [(t["start"], t["end"], "time", None) for t in times if 0 <= t["start"] < t["end"] <= len(text)]
    spans += [(p["start"], p["end"], "place", None) for p in places if 0 <= p["start"] < p["end"] <= len(text)]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    opening, closing = defaultdict(list), defaultdict(list)
    for span in spans:
        opening[span[0]].append(span)
        closing[span[1]].append(span)
    covering: list[tuple[int, int, str, int | None]] = []  # a sweep: the spans open between two cuts
    found: list[Run] = []
    for start, end in pairwise(cuts):
        for span in closing.get(start, ()):
            covering.remove(span)
        covering += opening.get(start, ())
        classes = sorted({kind for _, _, kind, _ in covering}, key=(ROLES + MARKS).index)
        owners = [(s_end - s_start, statement) for s_start, s_end, _, statement in covering if statement is not None]
        found.append(Run(text[start:end], classes, min(owners)[1] if owners else None))
    return found
