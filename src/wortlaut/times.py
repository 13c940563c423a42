"""Time expressions: find them in the article text and normalise them TIMEX3-style.

Values are resolved against an *anchor*: for news (``anchoring="news"``) the article's
publication date; for narratives (``anchoring="narrative"``, e.g. Wikipedia histories) the
last date the text itself mentioned.  Expressions whose anchor is missing are still listed,
with ``value=None``.

Spans follow TIMEX conventions: a leading preposition (``am``, ``im``, ``seit`` …) stays
outside the expression, except in fixed adverbials such as ``im Moment``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from .components import component
from .de.time_words import lexicon, number_value
from .literals import literal_gate
from .model import Document, TimeExpression

__all__ = ["TimesConfig", "extract_times", "find_times", "number_value"]


@dataclass(frozen=True)
class TimesConfig:
    anchoring: str = field(default="news", metadata={
        "help": "what year-less and relative expressions are resolved against: 'news' (the publication "
                "date) or 'narrative' (the last date the text mentioned)"})

    def __post_init__(self) -> None:
        if self.anchoring not in ("news", "narrative"):
            raise ValueError(f"times.anchoring must be 'news' or 'narrative', not {self.anchoring!r}")


def _alt(words: Iterable[str], *, capitalise: bool = False) -> str:
    """Regex alternation, longest first; optionally also with an upper-case first letter."""
    forms = set(words)
    if capitalise:
        forms |= {w[:1].upper() + w[1:] for w in forms}
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + ")"


# --------------------------------------------------------------------------- calendar helpers


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_UNIT_FORMAT = {"S": "PT{}S", "MIN": "PT{}M", "H": "PT{}H", "D": "P{}D", "W": "P{}W", "M": "P{}M", "Y": "P{}Y",
                "DE": "P{}DE", "CE": "P{}CE"}


def _duration_value(amount: float | None, unit: str) -> str:
    return _UNIT_FORMAT[unit].format("X" if amount is None else _number_text(amount))


def _offset_value(anchor: dt.date, amount: int, unit: str) -> str | None:
    """The calendar unit ``amount`` units away from ``anchor``: a day, week, month or year."""
    if unit == "D":
        return (anchor + dt.timedelta(days=amount)).isoformat()
    if unit == "W":
        return _week_value(anchor + dt.timedelta(weeks=amount))
    if unit == "M":
        return _month_value(*_shift_months(anchor.year, anchor.month, amount))
    if unit == "Y":
        return f"{anchor.year + amount:04d}"
    if unit == "DE":
        return f"{(anchor.year + 10 * amount) // 10:03d}"
    return None


# --------------------------------------------------------------------------- resolution context

_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_SENTENCE_OPENING = re.compile(r"\W*(?:[\w.]+\s+){0,3}")
_POINT_VALUE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\dX])")


@dataclass
class _Context:
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
        return _safe_date(year, month or 1, day or 1) if 1 <= year <= 9999 else None

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
        return _FUTURE_CUE.search(self.text, left + 1, right) is not None

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


# --------------------------------------------------------------------------- rules

Resolved = tuple[str | None, str]  # value, type
Handler = Callable[[re.Match, _Context], Resolved | None]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern
    resolve: Handler
    accept: Callable[[re.Match, str], bool] | None = None
    # finds one of the strings every match holds (``literals.literal_gate``): without one in a
    # text the pattern is not searched at all (most rules need a word most articles lack)
    gate: re.Pattern | None = None


def _build_rules() -> list[_Rule]:
    lex = lexicon()
    words = lex.words
    weekday = _alt(lex.weekdays)
    month_full = _alt(m for m in lex.months if not m.endswith("."))
    month_any = _alt(lex.months)
    number = _alt(lex.numbers, capitalise=True) + r"|\d+(?:,\d+)?"
    units = _alt(words["units"])
    directions = _alt(words["directions"], capitalise=True)
    modifiers = _alt(["Anfang", "Mitte", "Ende", "Beginn"])
    approx = _alt(words["approximators"], capitalise=True)
    day_parts = _alt(words["day_parts"])
    part_suffix = r"(?P<part>morgen|vormittag|mittag|nachmittag|abend|nacht|früh)?"
    vague = _alt(_VAGUE_AMOUNTS, capitalise=True)
    rules: list[_Rule] = []

    def rule(name: str, pattern: str, resolve: Handler, accept=None, flags: int = 0) -> None:
        # Every expression starts a word; the guard lets the scanner skip word-inner positions fast.
        guarded = r"(?<!\w)" + pattern
        rules.append(_Rule(name, re.compile(guarded, flags), resolve, accept, literal_gate(guarded, flags)))

    # 22. Juni 1941 / Freitag, 5. September 2025 / Morgen des 22. Juni
    rule("date", rf"(?:(?:(?:frühen|späten)\s+)?(?P<part>{day_parts})\s+des\s+)?(?:(?P<wd>{weekday}),?\s+(?:(?:den|dem)\s+)?)?"
         rf"(?<![\d.])(?P<day>3[01]|[12]\d|0?[1-9])\.\s?(?P<mon>{month_any})s?(?:\s+(?P<year>\d{{4}}))?(?![\w])",
         _resolve_date)
    # am 8. und 9. Mai, 27./28. September: the first day takes month and year from the second
    rule("date_list_first", rf"(?<![\d.])(?P<day>3[01]|[12]\d|0?[1-9])\.(?=\s*(?:/|und|oder|bis|–|-)\s*(?:(?:dem|den|zum)\s+)?"
         rf"(?:3[01]|[12]\d|0?[1-9])\.\s?(?P<mon>{month_any})(?:\s+(?P<year>\d{{4}}))?(?!\w))", _resolve_date)
    # in der Nacht vom 8. (Februar) auf den 9. Februar 1904
    rule("night_of", rf"(?P<part>{day_parts})\s+vom\s+(?P<day>3[01]|[12]\d|0?[1-9])\.(?:\s?(?P<mon>{month_any}))?"
         rf"(?=\s+(?:auf|zum)\s+(?:den\s+)?\d{{1,2}}\.(?:\s?(?P<mon2>{month_any}))?(?:\s+(?P<year>\d{{4}}))?)", _resolve_night_of)
    # 5.9.2025 / 01.09.39 / 5.9.
    rule("numeric_date", r"(?<![\d.,])(?P<day>3[01]|[12]\d|0?[1-9])\.(?P<mon>1[0-2]|0?[1-9])\.(?P<year>\d{4}|\d{2}(?!\d))?(?![\d,])",
         _resolve_numeric_date)
    rule("iso_date", r"(?<![\d-])(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?![\d-])", _resolve_numeric_date)
    # (vergangenen) Freitag, Mittwochabend
    rule("weekday", rf"(?:(?P<dir>{directions})\s+)?(?P<wd>{weekday}){part_suffix}(?!\w)", _resolve_weekday)
    # Juli 2024, Ende März 2023, April des Jahres 1918
    rule("month_year", rf"(?:(?P<mod>{modifiers})\s+)?(?P<mon>{month_any})\s+(?:des\s+Jahres\s+)?(?P<year>\d{{4}})(?!\d)",
         _resolve_month)
    # März des folgenden Jahres, Juni desselben Jahres
    rule("month_rel_year", rf"(?:(?P<mod>{modifiers})\s+)?(?P<mon>{month_full})\s+(?:(?:des\s+)?(?P<dir>{directions})|desselben|"
         r"des)\s+Jahres(?!\s+\d)", _resolve_month)
    # Mai/Juni 1940, August bis September 1904: the first month takes the year of the second
    rule("month_list_first", rf"(?P<mon>{month_full})(?=\s*(?:/|und|oder|bis|–|-)\s*{month_full}\s+(?P<year>\d{{4}})(?!\d))",
         _resolve_month)
    # im Juli, Anfang September
    rule("month", rf"(?:(?P<mod>{modifiers})\s+)?(?:(?P<dir>{directions})\s+)?(?P<mon>{month_full})(?![\w-])",
         _resolve_month, accept=_month_in_time_context)
    # 480 v. Chr., Um das Jahr 500 v. Chr., 449/448 v. Chr. (the first of the pair is BC too)
    rule("bc_year", r"(?:(?P<approx>[Uu]m|[Ee]twa|[Cc]a\.)\s+)?(?:(?:das\s+)?(?:Jahr|Jahre|Jahres)\s+)?(?<![\d.,])"
         r"(?P<year>\d{1,4})(?:\s+v\.\s?Chr\.|(?=/\d{1,4}\s+v\.\s?Chr\.))", _resolve_bc_year)
    # the second year of a pair or range: 1940/1941, 1911/12, 1930–34
    rule("year_range_end", r"(?<=(?P<first>\d{4})[/–])(?P<year>\d{4}|\d{2})(?![\d.,]\d|\d)", _resolve_range_end,
         accept=lambda m, text: _is_year(m, text))
    # 2024, Ende 2024, Ende des Jahres 1939, Jahr 2024
    rule("year", rf"(?:(?P<mod>{modifiers})\s+(?:des\s+Jahres\s+)?|(?P<word>Jahr|Jahre|Jahres|Jahren)\s+)?"
         rf"(?<![\d.,/–-])(?P<year>1[0-9]{{3}}|20[0-9]{{2}})"
         r"(?![\d%]|[.,]\d|\s?%|\s?Prozent|-\d|\s?(?:Euro|Dollar|Mal|Meter|Kilometer)\b)",
         _resolve_year, accept=_is_year)
    # die 1990er Jahre, 20. Jahrhundert
    rule("decade", r"(?:(?:den|die|der)\s+)?(?P<dec>1[0-9]{2}|20[0-9])0er(?:[- ]?Jahre[n]?)?", _resolve_decade)
    rule("century", rf"(?:(?P<mod>{modifiers})\s+des\s+)?(?P<c>1\d|20|[1-9])\.\s+(?:Jahrhunderts?|Jh\.)(?P<bc>\s+v\.\s?Chr\.)?",
         _resolve_century)
    # Sommer 2024, im Frühjahr, Spätsommer
    rule("season", r"(?:(?P<early>frühen|späten)\s+)?(?P<mod>Spät|Früh)?"
         r"(?P<season>Frühjahr|Frühling|Sommer|Herbst|Winter|sommer|herbst|winter|jahr)(?:e?s)?"
         rf"(?:\s+(?:des\s+Jahres\s+)?(?P<year>\d{{4}})|\s+des\s+(?P<dir>{directions})\s+Jahres|\s+(?:des|desselben)\s+Jahres)?"
         r"(?!\w)", _resolve_season, accept=_season_in_time_context)
    # gestern, heute Abend, morgen früh
    day_words = _alt(words["day_offsets"])
    rule("day_word", rf"(?P<word>{day_words}|Heute|Gestern|Vorgestern)(?:\s+(?P<part>{day_parts}|früh))?(?!\w)", _resolve_day_word)
    # am Vortag, tags darauf, einen Tag zuvor, zwei Wochen später, einen Tag nach …
    anchored = _alt(words["anchor_day_offsets"], capitalise=True)
    rule("anchored_day", rf"(?P<phrase>{anchored})(?!\w)", _resolve_anchored_day)
    rule("relative_offset", rf"(?:(?P<approx>{approx})\s+)?(?P<n>{number}|{vague})\s+(?P<unit>{units})\s+"
         r"(?P<rel>zuvor|davor|vorher|früher|später|danach|darauf)(?!\w)", _resolve_relative_offset,
         accept=lambda m, text: not _is_eines_tages(m))
    # (der Angriff wurde) nach zwei Tagen (gestoppt): counted from the last date mentioned
    rule("after_period", rf"(?<!\w)[Nn]ach\s+(?:(?P<approx>{approx})\s+)?(?P<n>{number}|{vague})\s+(?P<unit>{units})(?!\w)",
         _resolve_after_period, accept=_is_point_after_period)
    # vor drei Jahren, in zwei Wochen
    rule("ago", rf"(?P<prep>[Vv]or|[Ii]n)\s+(?:(?P<approx>{approx})\s+)?(?P<n>{number}|{vague})\s+(?P<unit>{units})(?!\w)",
         _resolve_ago)
    # (seit mehr als) dreieinhalb Jahren, drei Tage, 48 Stunden
    rule("duration", rf"(?:(?P<approx>{approx})\s+)?(?P<n>{number}|{vague})\s+(?P<unit>{units})(?!\w)", _resolve_duration,
         accept=lambda m, text: not _is_eines_tages(m))
    # neunmonatig, 154-tägiger, fast einmonatigen; 90-Tage-Frist
    rule("duration_adjective", rf"(?:(?P<approx>{approx})\s+)?(?P<n>{number})-?(?P<unit>{_alt(words['unit_adjectives'])})"
         r"(?:e[nmrs]?)?(?!\w)", _resolve_duration_adjective)
    rule("duration_compound", rf"(?P<n>{number})-(?P<unit>Sekunden|Minuten|Stunden|Tage|Wochen|Monate|Jahre)(?=-\w)",
         _resolve_duration)
    # jahrelang, wochenlangen, Folgejahren
    rule("vague_duration", rf"(?P<word>{_alt(words['vague_durations'], capitalise=True)})(?:e[nmrs]?)?(?!\w)", _resolve_vague_duration)
    # den folgenden Monaten, die nächsten vier Tage, die ersten beiden Tage
    plural_units = r"(?P<unit>Sekunden|Minuten|Stunden|Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Jahrzehnte|Jahrzehnten)"
    rule("vague_period", rf"(?:{_alt(words['period_adjectives'])})\s+(?:(?P<n>beiden|{number})\s+)?{plural_units}(?!\w)",
         _resolve_vague_period)
    # seit Jahren; Jahre zuvor; Tage nach (der Ankunft)
    rule("bare_period", rf"(?:(?<=[Ss]eit ){plural_units}|{plural_units.replace('<unit>', '<unit2>')}"
         r"(?:\s+(?:zuvor|später|danach|davor|vorher)|(?=\s+(?:nach|vor)\s)))(?!\w)", _resolve_vague_period)
    # (in der) vergangenen Woche, im kommenden Jahr, Ende des Monats, Vorjahr
    rule("relative_period", rf"(?:(?P<mod>{modifiers})\s+(?:der|des|dieser|dieses)\s+)?(?P<dir>{directions})\s+"
         r"(?P<unit>Woche|Wochenende|Monat|Monats|Jahr|Jahres|Jahrzehnt|Jahrzehnts)(?!\w)", _resolve_relative_period)
    rule("current_period", rf"(?P<mod>{modifiers})\s+(?:der|des)\s+(?P<unit>Woche|Monats|Jahres)(?!\s+\d)(?!\w)",
         _resolve_relative_period)
    rule("weekend", r"(?<=[Aa]m )Wochenende(?!\w)", _resolve_relative_period)
    rule("year_word", rf"(?P<word>{_alt(words['year_words'])})(?:\s+(?P<year>1\d{{3}}|20\d{{2}})(?!\d))?(?!\w)", _resolve_year_word)
    # im 1. Halbjahr, in der zweiten Jahreshälfte, im dritten Quartal 2024
    ordinals = _alt(words["ordinals"])
    rule("part_of_year", rf"(?P<ord>[1-4]\.|{ordinals})\s+(?P<unit>{_alt(words['part_of_year'])})(?:\s+(?P<year>\d{{4}})(?!\d))?(?!\w)",
         _resolve_part_of_year)
    # (im) Laufe des Jahres (1966), im Laufe des Tages
    rule("course_of", r"Laufe\s+des\s+(?P<unit>Jahres|Monats|Tages)(?:\s+(?P<year>\d{4})(?!\d))?(?!\w)", _resolve_course_of)
    # 14 Uhr, 14.30 Uhr, 4:45 Uhr, 4 Uhr 45
    rule("clock", r"(?<![\d.,])(?P<h>2[0-3]|[01]?\d)(?:[.:](?P<min>[0-5]\d))?\s+Uhr(?:\s+(?P<min2>[0-5]\d)(?!\d|\s*Minuten))?(?!\w)",
         _resolve_clock)
    # am Abend, in der Nacht
    rule("day_part", rf"(?<=\b[Aa]m )(?P<part>{day_parts})(?!\w)|(?<=\b[Ii]n der )(?P<part2>Nacht)(?!\w)", _resolve_day_part,
         accept=lambda m, text: not re.match(r"\s+(?:des|danach|darauf)\b", text[m.end():m.end() + 10]))
    # jetzt, derzeit, im Moment; in Zukunft; damals; täglich, jeden Tag
    for name, key, kind in (("present", "present_ref", "PRESENT_REF"), ("future", "future_ref", "FUTURE_REF"),
                            ("past", "past_ref", "PAST_REF")):
        rule(name, rf"(?<!\w){_alt(words[key], capitalise=True)}(?!\w)", _constant(kind, "DATE"))
    rule("set", rf"(?<!\w)(?P<word>{_alt(words['sets'], capitalise=True)})(?!\w)", _resolve_set)
    return rules


_VAGUE_AMOUNTS = frozenset(lexicon().words["vague_amounts"])
_FUTURE_CUE = re.compile(rf"\b{_alt(lexicon().words['future_cues'])}\b")
_TIME_ZONE_SUFFIX = re.compile(r"\s*\((?:Ortszeit|MESZ|MEZ|UTC|GMT|deutscher Zeit|[A-Z]{2,4} ?Ortszeit)\)")
_MONTH_TRIGGER = re.compile(r"(?:\b(?:im|Im|seit|Seit|bis|Bis|ab|Ab|vom|Vom|zum|bis zum|Monat|Monats|den|diesen|Anfang|Mitte|Ende|"
                            r"Beginn|zwischen|Zwischen|und|oder|bzw\.|Ende|über|seit dem|Mitte|nach|vor)\s+)$")
_SEASON_TRIGGER = re.compile(r"\b(?:im|Im|seit|bis|ab|zum|diesen|diesem|vergangenen|letzten|kommenden|nächsten|"
                             r"den|der|des|Anfang|Ende|Mitte)\s+$")
_YEAR_TRIGGER = re.compile(r"(?:\b(?:im Jahr|im Jahre|Jahr|Jahre|Jahres|seit|Seit|bis|Bis|ab|Ab|vor|nach|zwischen|"
                           r"Zwischen|Anfang|Mitte|Ende|Frühjahr|Sommer|Herbst|Winter|Jahreswechsel|"
                           r"Jahrgang|Jahresende|Frühling|Saison|Wahl|Wahljahr)|[–(-])\s*$")
# Words that precede years and counts alike ("und 1940" / "und 1370 Boote"): the word after decides.
_WEAK_YEAR_TRIGGER = re.compile(r"\b(?:von|Von|in|In|und|bzw\.|oder)\s*$")
_COUNT_WORD = re.compile(r"\b(?:rund|etwa|über|mehr als|fast|knapp|mindestens|circa|ca\.|insgesamt|weitere|weiteren|nur|"
                         r"bis zu|mit|auf|um die|Nummer|Nr\.|Platz|Tempo|die|den|der|von)\s+$")


def _constant(value: str, kind: str) -> Handler:
    return lambda m, ctx: (value, kind)


def _is_eines_tages(m: re.Match) -> bool:
    return m.group("n").lower() == "eines" and m.group("unit") == "Tages"


def _is_point_after_period(m: re.Match, text: str) -> bool:
    """'nach zwei Tagen' as a point in time: calendar units only, and not 'nach drei Jahren Krieg',
    where the period is the length of what the noun names."""
    if _is_eines_tages(m) or lexicon().words["units"][m.group("unit")] not in ("D", "W", "M", "Y"):
        return False
    return re.match(r"\s+[A-ZÄÖÜ][a-zäöüß]", text[m.end():m.end() + 3]) is None


def _month_in_time_context(m: re.Match, text: str) -> bool:
    if m.group("mod") or m.group("dir"):
        return True
    return _MONTH_TRIGGER.search(text, max(0, m.start() - 12), m.start()) is not None


def _season_in_time_context(m: re.Match, text: str) -> bool:
    season = m.group("season")
    if season.islower() and not m.group("mod"):
        return False  # "sommer" only in Spätsommer/Frühsommer
    if season == "jahr":
        return m.group("mod") == "Früh"
    if m.group("early") or m.group("dir") or m.group(0).endswith("Jahres"):
        return True
    return bool(m.group("year")) or bool(m.group("mod")) or _SEASON_TRIGGER.search(text, max(0, m.start() - 14), m.start()) is not None


def _is_year(m: re.Match, text: str) -> bool:
    if m.groupdict().get("mod") or m.groupdict().get("word"):
        return True
    before = text[max(0, m.start() - 16):m.start()]
    if _YEAR_TRIGGER.search(before):
        return True
    if _COUNT_WORD.search(before) and not _WEAK_YEAR_TRIGGER.search(before):
        return False
    # A bare number ending a line is a year in a heading ("Westfront 1939"); followed by a
    # noun it is a count ("2000 Soldaten"); followed by a verb, punctuation or the end of
    # the text it is a year ("1939 begann …").
    if re.match(r"[ \t]*(?:\n|$)", text[m.end():m.end() + 3]):
        return True
    after = re.match(r"\s*(\S)", text[m.end():m.end() + 3])
    return after is None or not after.group(1).isupper()


# --------------------------------------------------------------------------- resolvers


def _direction(word: str | None) -> int | None:
    """-1 for "vergangenen", +1 for "kommenden", 0 for "diesen"; None without a word."""
    return lexicon().words["directions"].get(word.lower()) if word else None


def _day_part_value(day: dt.date | None, part: str | None) -> Resolved:
    if day is None:
        return None, "TIME" if part else "DATE"
    if not part:
        return day.isoformat(), "DATE"
    code = lexicon().words["day_parts"].get(part[:1].upper() + part[1:], "MO")
    return f"{day.isoformat()}T{code}", "TIME"


def _resolve_date(m: re.Match, ctx: _Context) -> Resolved:
    month = lexicon().months[m.group("mon")]
    day = int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else ctx.year_for(month, day, m.start())
    date = _safe_date(year, month, day) if year else None
    if year and date is None:
        return None, "DATE"
    return _day_part_value(date, m.groupdict().get("part"))


def _resolve_numeric_date(m: re.Match, ctx: _Context) -> Resolved:
    month, day = int(m.group("mon")), int(m.group("day"))
    raw_year = m.group("year")
    if raw_year is None:
        year = ctx.year_for(month, day, m.start())
    elif len(raw_year) == 2:
        # Two-digit years: the century that keeps the date at most ten years after the reference.
        reference_year = (ctx.reference or dt.date.today()).year
        year = (reference_year // 100) * 100 + int(raw_year)
        if year > reference_year + 10:
            year -= 100
    else:
        year = int(raw_year)
    date = _safe_date(year, month, day) if year else None
    return (date.isoformat() if date else None), "DATE"


def _resolve_weekday(m: re.Match, ctx: _Context) -> Resolved:
    weekday = lexicon().weekdays[m.group("wd")]
    anchor = ctx.anchor()
    if anchor is None:
        return None, "TIME" if m.group("part") else "DATE"
    direction = _direction(m.group("dir"))
    if direction is None:
        direction = 1 if ctx.future_clause(m.start()) else 0
        strict = False
    else:
        strict = True
    if direction > 0:  # the next such weekday (on or after the anchor unless "kommenden")
        delta = (weekday - anchor.isoweekday()) % 7
        if strict and delta == 0:
            delta = 7
    elif direction < 0 or not strict:  # the last such weekday, on or before the anchor
        delta = -((anchor.isoweekday() - weekday) % 7)
        if strict and delta == 0:
            delta = -7
    else:  # "diesen Freitag": within the anchor's week
        delta = weekday - anchor.isoweekday()
    return _day_part_value(anchor + dt.timedelta(days=delta), m.group("part"))


def _resolve_month(m: re.Match, ctx: _Context) -> Resolved:
    month = lexicon().months[m.group("mon")]
    groups = m.groupdict()
    if groups.get("year"):
        return _month_value(int(groups["year"]), month), "DATE"
    direction = _direction(groups.get("dir"))
    anchor = ctx.anchor()
    if direction is not None and anchor is not None:
        if "Jahres" in m.group(0):  # März des folgenden Jahres
            return _month_value(anchor.year + direction, month), "DATE"
        year = anchor.year
        if direction < 0 and month >= anchor.month:
            year -= 1
        elif direction > 0 and month <= anchor.month:
            year += 1
        return _month_value(year, month), "DATE"
    year = ctx.year_for(month, None, m.start())
    return (_month_value(year, month) if year else None), "DATE"


def _resolve_year(m: re.Match, ctx: _Context) -> Resolved:
    return m.group("year"), "DATE"


def _resolve_decade(m: re.Match, ctx: _Context) -> Resolved:
    return m.group("dec"), "DATE"


def _resolve_century(m: re.Match, ctx: _Context) -> Resolved:
    return f"{'BC' if m.group('bc') else ''}{int(m.group('c')) - 1:02d}", "DATE"


def _resolve_bc_year(m: re.Match, ctx: _Context) -> Resolved:
    return f"BC{int(m.group('year')):04d}", "DATE"


def _resolve_range_end(m: re.Match, ctx: _Context) -> Resolved:
    first, year = m.group("first"), m.group("year")
    return (year if len(year) == 4 else first[:2] + year), "DATE"


def _resolve_season(m: re.Match, ctx: _Context) -> Resolved:
    season = m.group("season")
    season = "Frühjahr" if season == "jahr" else season[:1].upper() + season[1:]
    code = lexicon().words["seasons"][season]
    if m.group("year"):
        return f"{m.group('year')}-{code}", "DATE"
    anchor = ctx.anchor()
    return (f"{anchor.year + (_direction(m.group('dir')) or 0)}-{code}" if anchor else None), "DATE"


def _resolve_day_word(m: re.Match, ctx: _Context) -> Resolved:
    offset = lexicon().words["day_offsets"][m.group("word").lower()]
    if ctx.reference is None:
        return None, "DATE"
    if ctx.narrative and offset == 0 and not m.group("part"):
        return "PRESENT_REF", "DATE"  # history writing: "heute" means nowadays
    part = m.group("part")
    if part == "früh":
        part = "Morgen"
    return _day_part_value(ctx.reference + dt.timedelta(days=offset), part)


def _resolve_anchored_day(m: re.Match, ctx: _Context) -> Resolved:
    phrase = m.group("phrase")
    offsets = lexicon().words["anchor_day_offsets"]
    offset = offsets.get(phrase, offsets.get(phrase[:1].lower() + phrase[1:]))
    anchor = ctx.previous_day()
    return ((anchor + dt.timedelta(days=offset)).isoformat() if anchor else None), "DATE"


def _vague_or_number(word: str) -> float | None:
    return None if word.lower() in _VAGUE_AMOUNTS else number_value(word)


def _resolve_relative_offset(m: re.Match, ctx: _Context) -> Resolved:
    amount = _vague_or_number(m.group("n"))
    unit = lexicon().words["units"][m.group("unit")]
    relation = m.group("rel")
    backwards = relation in ("zuvor", "davor", "vorher", "früher", "vor")
    if amount is None:
        return ("PAST_REF" if backwards else "FUTURE_REF"), "DATE"
    # "(knapp) zwei Tage später": counted from the last date the text mentioned; an
    # approximator is a modifier of that date (TIMEX mod), not a vaguer value.
    anchor = ctx.previous_day()
    if anchor is None or amount != int(amount):
        return None, "DATE"
    return _offset_value(anchor, int(-amount if backwards else amount), unit), "DATE"


def _resolve_night_of(m: re.Match, ctx: _Context) -> Resolved:
    month_name = m.group("mon") or m.group("mon2")
    if month_name is None:
        return None, "TIME"
    month, day = lexicon().months[month_name], int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else ctx.year_for(month, day, m.start())
    return _day_part_value(_safe_date(year, month, day) if year else None, m.group("part"))


def _resolve_part_of_year(m: re.Match, ctx: _Context) -> Resolved:
    words = lexicon().words
    ordinal = m.group("ord")
    number = int(ordinal[0]) if ordinal[0].isdigit() else words["ordinals"][ordinal]
    code = words["part_of_year"][m.group("unit")]
    if number > (2 if code == "H" else 4):
        return None, "DATE"
    anchor = ctx.anchor()
    year = m.group("year") or (f"{anchor.year:04d}" if anchor else None)
    return (f"{year}-{code}{number}" if year else None), "DATE"


def _resolve_course_of(m: re.Match, ctx: _Context) -> Resolved:
    if m.group("year"):
        return m.group("year"), "DATE"
    anchor = ctx.anchor() if m.group("unit") != "Tages" else ctx.sentence_day(m.start())
    if anchor is None:
        return None, "DATE"
    return {"Jahres": f"{anchor.year:04d}", "Monats": _month_value(anchor.year, anchor.month),
            "Tages": anchor.isoformat()}[m.group("unit")], "DATE"


def _resolve_duration_adjective(m: re.Match, ctx: _Context) -> Resolved:
    amount = number_value(m.group("n"))
    return _duration_value(amount, lexicon().words["unit_adjectives"][m.group("unit")]), "DURATION"


def _resolve_vague_duration(m: re.Match, ctx: _Context) -> Resolved:
    durations = lexicon().words["vague_durations"]
    word = m.group("word")
    return durations.get(word, durations.get(word[:1].lower() + word[1:])), "DURATION"


def _resolve_vague_period(m: re.Match, ctx: _Context) -> Resolved:
    groups = m.groupdict()
    unit = _plural_unit(groups.get("unit") or groups["unit2"])
    amount = groups.get("n")
    value = 2 if amount == "beiden" else (number_value(amount) if amount else None)
    return _duration_value(value, unit), "DURATION"


def _plural_unit(word: str) -> str:
    units = lexicon().words["units"]
    return units.get(word) or units[word.removesuffix("n")]


def _resolve_after_period(m: re.Match, ctx: _Context) -> Resolved:
    amount = _vague_or_number(m.group("n"))
    unit = lexicon().words["units"][m.group("unit")]
    anchor = ctx.previous_day()
    if amount is None or anchor is None or amount != int(amount) or unit not in ("D", "W", "M", "Y"):
        return _duration_value(amount, unit), "DURATION"
    return _offset_value(anchor, int(amount), unit), "DATE"


def _resolve_ago(m: re.Match, ctx: _Context) -> Resolved:
    amount = _vague_or_number(m.group("n"))
    unit = lexicon().words["units"][m.group("unit")]
    past = m.group("prep").lower() == "vor"
    if amount is None or m.group("approx"):
        return ("PAST_REF" if past else "FUTURE_REF"), "DATE"
    if ctx.reference is None or amount != int(amount) or unit in ("H", "MIN", "S"):
        return None, "DATE"
    return _offset_value(ctx.reference, int(-amount if past else amount), unit), "DATE"


def _resolve_duration(m: re.Match, ctx: _Context) -> Resolved:
    amount = _vague_or_number(m.group("n"))
    return _duration_value(amount, lexicon().words["units"][m.group("unit")]), "DURATION"


def _resolve_relative_period(m: re.Match, ctx: _Context) -> Resolved:
    groups = m.groupdict()
    unit = groups.get("unit") or "Wochenende"
    direction = _direction(groups.get("dir")) or 0
    anchor = ctx.anchor()
    if anchor is None:
        return None, "DATE"
    if unit.startswith("Woche"):
        value = _week_value(anchor + dt.timedelta(weeks=direction))
        return (value + "-WE" if unit == "Wochenende" else value), "DATE"
    if unit.startswith("Monat"):
        return _month_value(*_shift_months(anchor.year, anchor.month, direction)), "DATE"
    if unit.startswith("Jahrzehnt"):
        return _offset_value(anchor, direction, "DE"), "DATE"
    return f"{anchor.year + direction:04d}", "DATE"


def _resolve_year_word(m: re.Match, ctx: _Context) -> Resolved:
    anchor = ctx.anchor()
    offset = lexicon().words["year_words"][m.group("word")]
    if m.group("year"):
        return m.group("year"), "DATE"
    return (f"{anchor.year + offset:04d}" if anchor else None), "DATE"


def _resolve_clock(m: re.Match, ctx: _Context) -> Resolved:
    minute = m.group("min") or m.group("min2") or "00"
    day = ctx.sentence_day(m.start())
    clock = f"T{int(m.group('h')):02d}:{minute}"
    return (f"{day.isoformat()}{clock}" if day else clock), "TIME"


def _resolve_day_part(m: re.Match, ctx: _Context) -> Resolved:
    return _day_part_value(ctx.sentence_day(m.start()), m.group("part") or m.group("part2"))


def _resolve_set(m: re.Match, ctx: _Context) -> Resolved:
    sets = lexicon().words["sets"]
    word = m.group("word")
    return sets.get(word, sets.get(word[:1].lower() + word[1:])), "SET"


# --------------------------------------------------------------------------- extraction


@lru_cache(maxsize=1)
def _rules() -> list[_Rule]:
    return _build_rules()


# Rules whose value counts from the anchor rather than naming a date.
_RELATIVE_RULES = frozenset({"relative_offset", "ago", "relative_period", "current_period", "year_word", "anchored_day"})
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[\"„»A-ZÄÖÜ]|\d{4}\b)|\n\s*\n")


def _sentence_starts(text: str, doc: Document | None) -> list[int]:
    if doc is not None and doc.sentences:
        return [s.start for s in doc.sentences]
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def extract_times(
    text: str,
    reference: dt.date | None,
    *,
    anchoring: str = "news",
    sentence_starts: list[int] | None = None,
) -> list[TimeExpression]:
    """All time expressions in ``text``, normalised against ``reference``.

    ``anchoring="narrative"`` resolves year-less and relative expressions against the last
    date the text mentioned (history writing) instead of the publication date (news).
    """
    candidates: list[tuple[int, int, int, re.Match, _Rule]] = []
    for priority, rule in enumerate(_rules()):
        if rule.gate is not None and not rule.gate.search(text):
            continue
        for m in rule.pattern.finditer(text):
            if m.end() > m.start() and (rule.accept is None or rule.accept(m, text)):
                candidates.append((m.start(), -(m.end() - m.start()), priority, m, rule))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[tuple[re.Match, _Rule]] = []
    covered_until = -1
    for start, _, _, m, rule in candidates:
        if start >= covered_until:
            chosen.append((m, rule))
            covered_until = m.end()
        elif m.end() > covered_until and chosen and len(m.group(0)) > len(chosen[-1][0].group(0)):
            # A longer match that starts inside the previous one replaces it.
            chosen[-1] = (m, rule)
            covered_until = m.end()
    ctx = _Context(text, reference, anchoring == "narrative", sentence_starts or _sentence_starts(text, None))
    found: list[TimeExpression] = []
    for m, rule in chosen:
        try:
            value, kind = rule.resolve(m, ctx) or (None, "DATE")
        except (OverflowError, ValueError):  # "vor drei Jahren" from a date near year 1 or 9999: no value
            value, kind = None, "DATE"
        end = m.end()
        suffix = _TIME_ZONE_SUFFIX.match(text, end)
        if suffix and kind in ("DATE", "TIME"):
            end = suffix.end()  # "am Donnerstag (Ortszeit)": the zone belongs to the expression
        found.append(TimeExpression(text[m.start():end], m.start(), end, value, kind))
        if rule.name != "year_range_end":  # "1944/1945": the story is at the start of the range
            ctx.remember(value, m.start(), end, relative=rule.name in _RELATIVE_RULES)
    return found


@component("times", assigns=("doc.times",), config=TimesConfig)
def find_times(doc: Document, config: TimesConfig = TimesConfig()) -> Document:
    """Pipeline stage: fill ``doc.times`` (anchored on the publication date ``doc.date``)."""
    doc.times = extract_times(doc.text, doc.date, anchoring=config.anchoring,
                              sentence_starts=_sentence_starts(doc.text, doc))
    return doc
