"""What a time expression is resolved against: the article's date, or in a narrative the story's
focus (the last date the text mentioned), the sentence a date was named in, and whether a clause
speaks of the future."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..de.time_words import lexicon
from .calendar import safe_date


def alternation(words: Iterable[str], *, capitalise: bool = False) -> str:
    """Regex alternation, longest first; optionally also with an upper-case first letter."""
    forms = set(words)
    if capitalise:
        forms |= {w[:1].upper() + w[1:] for w in forms}
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + ")"


FUTURE_CUE = re.compile(rf"\b{alternation(lexicon().words['future_cues'])}\b")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_SENTENCE_OPENING = re.compile(r"\W*(?:[\w.]+\s+){0,3}")
_POINT_VALUE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\dX])")


@dataclass
class Context:
    text: str
    reference: dt.date | None  # article date
    narrative: bool
    sentence_starts: list[int]
    last_day: dt.date | None = None  # last day-precise date mentioned
    last_day_sentence: int = -1
    last_year: int | None = None
    # Narrative focus: the last date mentioned at whatever precision (year, month, day).
    # A coarser mention of another year or month ("1862", "Im März") moves the focus and
    # drops the finer parts, so later year-less dates count from it.
    focus: tuple[int, int | None, int | None] | None = None

    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def anchor(self) -> dt.date | None:
        """Anchor for year-less and relative expressions."""
        if self.narrative and self.focus is not None:
            return self.focus_date()
        return self.reference

    def focus_date(self) -> dt.date | None:
        """The narrative focus as a date; missing month and day count as the first."""
        if self.focus is None:
            return None
        year, month, day = self.focus
        return safe_date(year, month or 1, day or 1) if 1 <= year <= 9999 else None

    def previous_day(self) -> dt.date | None:
        """Anchor for 'zwei Tage später/zuvor': the last date mentioned, else the article date."""
        if self.narrative and self.focus is not None:
            return self.focus_date()
        return self.last_day or self.reference

    def sentence_day(self, pos: int) -> dt.date | None:
        """Date for a clock time or part of day: a date in the same sentence, else the anchor."""
        if self.last_day is not None and self.last_day_sentence == self.sentence_of(pos):
            return self.last_day
        return self.anchor()

    def year_for(self, month: int, day: int | None, pos: int) -> int | None:
        """Year of a date written without one."""
        if self.narrative and self.last_year is not None:
            return self.last_year
        ref = self.reference
        if ref is None:
            return self.last_year
        # News: the same year, unless that is more than half a year in the future (then last
        # year), or already past while the clause speaks of the future ("Im Mai wird gewählt").
        months_ahead = (month - ref.month) + ((day or 15) - ref.day) / 31
        if months_ahead > 6:
            return ref.year - 1
        if months_ahead < -1 and self.future_clause(pos):
            return ref.year + 1
        return ref.year

    def future_clause(self, pos: int) -> bool:
        left = max(self.text.rfind(c, 0, pos) for c in ".,;:!?")
        rights = [i for i in (self.text.find(c, pos) for c in ".,;:!?") if i >= 0]
        right = min(rights) if rights else len(self.text)
        return FUTURE_CUE.search(self.text, left + 1, right) is not None

    def sets_the_scene(self, start: int, end: int) -> bool:
        """Whether an expression ends a heading line or opens its sentence (at most three words before)."""
        if _LINE_END.match(self.text, end):
            return True
        sentence = self.sentence_starts[self.sentence_of(start)] if self.sentence_starts else 0
        return _SENTENCE_OPENING.fullmatch(self.text, sentence, start) is not None

    def remember(self, value: str | None, pos: int, end: int, *, relative: bool = False) -> None:
        if not value:
            return
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value):
            self.last_day = dt.date.fromisoformat(value[:10])
            self.last_day_sentence = self.sentence_of(pos)
        point = _POINT_VALUE.match(value)
        if point:
            year = int(point.group(1))
            if relative and self.focus is not None and year < self.focus[0]:
                return  # a look back ("im Vorjahr") does not move the story's time
            if self.narrative and self.focus is not None and len(value) == 4 and not relative \
                    and not self.sets_the_scene(pos, end):
                return  # a bare year inside a sentence ("Pläne ab 1941") is an aside, not the story's time
            self.last_year = year
            self.move_focus(int(point.group(1)), point.group(2) and int(point.group(2)),
                            point.group(3) and int(point.group(3)))

    def move_focus(self, year: int, month: int | None, day: int | None) -> None:
        if self.focus is not None and day is None:
            same_year = self.focus[0] == year
            if month is None and same_year:
                return  # "1862" again: keep the month and day mentioned since
            if month is not None and same_year and self.focus[1] == month:
                return
        self.focus = (year, month, day)
