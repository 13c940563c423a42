"""The value of each kind of time expression, from its match and the context: dates, weekdays,
months, seasons, years, offsets ("vor drei Tagen"), durations, clock times and sets."""

from __future__ import annotations

import datetime as dt
import re

from ..de.time_words import lexicon, number_value
from .calendar import duration_value, month_value, offset_value, safe_date, shift_months, week_value
from .context import Context

Resolved = tuple[str | None, str]  # value, type
VAGUE_AMOUNTS = frozenset(lexicon().words["vague_amounts"])


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


def resolve_date(m: re.Match, ctx: Context) -> Resolved:
    month = lexicon().months[m.group("mon")]
    day = int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else ctx.year_for(month, day, m.start())
    date = safe_date(year, month, day) if year else None
    if year and date is None:
        return None, "DATE"
    return _day_part_value(date, m.groupdict().get("part"))


def resolve_numeric_date(m: re.Match, ctx: Context) -> Resolved:
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
    date = safe_date(year, month, day) if year else None
    return (date.isoformat() if date else None), "DATE"


def resolve_weekday(m: re.Match, ctx: Context) -> Resolved:
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


def resolve_month(m: re.Match, ctx: Context) -> Resolved:
    month = lexicon().months[m.group("mon")]
    groups = m.groupdict()
    if groups.get("year"):
        return month_value(int(groups["year"]), month), "DATE"
    direction = _direction(groups.get("dir"))
    anchor = ctx.anchor()
    if direction is not None and anchor is not None:
        if "Jahres" in m.group(0):  # März des folgenden Jahres
            return month_value(anchor.year + direction, month), "DATE"
        year = anchor.year
        if direction < 0 and month >= anchor.month:
            year -= 1
        elif direction > 0 and month <= anchor.month:
            year += 1
        return month_value(year, month), "DATE"
    year = ctx.year_for(month, None, m.start())
    return (month_value(year, month) if year else None), "DATE"


def resolve_year(m: re.Match, ctx: Context) -> Resolved:
    return m.group("year"), "DATE"


def resolve_decade(m: re.Match, ctx: Context) -> Resolved:
    return m.group("dec"), "DATE"


def resolve_century(m: re.Match, ctx: Context) -> Resolved:
    return f"{'BC' if m.group('bc') else ''}{int(m.group('c')) - 1:02d}", "DATE"


def resolve_bc_year(m: re.Match, ctx: Context) -> Resolved:
    return f"BC{int(m.group('year')):04d}", "DATE"


def resolve_range_end(m: re.Match, ctx: Context) -> Resolved:
    first, year = m.group("first"), m.group("year")
    return (year if len(year) == 4 else first[:2] + year), "DATE"


def resolve_season(m: re.Match, ctx: Context) -> Resolved:
    season = m.group("season")
    season = "Frühjahr" if season == "jahr" else season[:1].upper() + season[1:]
    code = lexicon().words["seasons"][season]
    if m.group("year"):
        return f"{m.group('year')}-{code}", "DATE"
    anchor = ctx.anchor()
    return (f"{anchor.year + (_direction(m.group('dir')) or 0)}-{code}" if anchor else None), "DATE"


def resolve_day_word(m: re.Match, ctx: Context) -> Resolved:
    offset = lexicon().words["day_offsets"][m.group("word").lower()]
    if ctx.reference is None:
        return None, "DATE"
    if ctx.narrative and offset == 0 and not m.group("part"):
        return "PRESENT_REF", "DATE"  # history writing: "heute" means nowadays
    part = m.group("part")
    if part == "früh":
        part = "Morgen"
    return _day_part_value(ctx.reference + dt.timedelta(days=offset), part)


def resolve_anchored_day(m: re.Match, ctx: Context) -> Resolved:
    phrase = m.group("phrase")
    offsets = lexicon().words["anchor_day_offsets"]
    offset = offsets.get(phrase, offsets.get(phrase[:1].lower() + phrase[1:]))
    anchor = ctx.previous_day()
    return ((anchor + dt.timedelta(days=offset)).isoformat() if anchor else None), "DATE"


def _vague_or_number(word: str) -> float | None:
    return None if word.lower() in VAGUE_AMOUNTS else number_value(word)


def resolve_relative_offset(m: re.Match, ctx: Context) -> Resolved:
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
    return offset_value(anchor, int(-amount if backwards else amount), unit), "DATE"


def resolve_night_of(m: re.Match, ctx: Context) -> Resolved:
    month_name = m.group("mon") or m.group("mon2")
    if month_name is None:
        return None, "TIME"
    month, day = lexicon().months[month_name], int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else ctx.year_for(month, day, m.start())
    return _day_part_value(safe_date(year, month, day) if year else None, m.group("part"))


def resolve_part_of_year(m: re.Match, ctx: Context) -> Resolved:
    words = lexicon().words
    ordinal = m.group("ord")
    number = int(ordinal[0]) if ordinal[0].isdigit() else words["ordinals"][ordinal]
    code = words["part_of_year"][m.group("unit")]
    if number > (2 if code == "H" else 4):
        return None, "DATE"
    anchor = ctx.anchor()
    year = m.group("year") or (f"{anchor.year:04d}" if anchor else None)
    return (f"{year}-{code}{number}" if year else None), "DATE"


def resolve_course_of(m: re.Match, ctx: Context) -> Resolved:
    if m.group("year"):
        return m.group("year"), "DATE"
    anchor = ctx.anchor() if m.group("unit") != "Tages" else ctx.sentence_day(m.start())
    if anchor is None:
        return None, "DATE"
    return {"Jahres": f"{anchor.year:04d}", "Monats": month_value(anchor.year, anchor.month),
            "Tages": anchor.isoformat()}[m.group("unit")], "DATE"


def resolve_duration_adjective(m: re.Match, ctx: Context) -> Resolved:
    amount = number_value(m.group("n"))
    return duration_value(amount, lexicon().words["unit_adjectives"][m.group("unit")]), "DURATION"


def resolve_vague_duration(m: re.Match, ctx: Context) -> Resolved:
    durations = lexicon().words["vague_durations"]
    word = m.group("word")
    return durations.get(word, durations.get(word[:1].lower() + word[1:])), "DURATION"


def resolve_vague_period(m: re.Match, ctx: Context) -> Resolved:
    groups = m.groupdict()
    unit = _plural_unit(groups.get("unit") or groups["unit2"])
    amount = groups.get("n")
    value = 2 if amount == "beiden" else (number_value(amount) if amount else None)
    return duration_value(value, unit), "DURATION"


def _plural_unit(word: str) -> str:
    units = lexicon().words["units"]
    return units.get(word) or units[word.removesuffix("n")]


def resolve_after_period(m: re.Match, ctx: Context) -> Resolved:
    amount = _vague_or_number(m.group("n"))
    unit = lexicon().words["units"][m.group("unit")]
    anchor = ctx.previous_day()
    if amount is None or anchor is None or amount != int(amount) or unit not in ("D", "W", "M", "Y"):
        return duration_value(amount, unit), "DURATION"
    return offset_value(anchor, int(amount), unit), "DATE"


def resolve_ago(m: re.Match, ctx: Context) -> Resolved:
    amount = _vague_or_number(m.group("n"))
    unit = lexicon().words["units"][m.group("unit")]
    past = m.group("prep").lower() == "vor"
    if amount is None or m.group("approx"):
        return ("PAST_REF" if past else "FUTURE_REF"), "DATE"
    if ctx.reference is None or amount != int(amount) or unit in ("H", "MIN", "S"):
        return None, "DATE"
    return offset_value(ctx.reference, int(-amount if past else amount), unit), "DATE"


def resolve_duration(m: re.Match, ctx: Context) -> Resolved:
    amount = _vague_or_number(m.group("n"))
    return duration_value(amount, lexicon().words["units"][m.group("unit")]), "DURATION"


def resolve_relative_period(m: re.Match, ctx: Context) -> Resolved:
    groups = m.groupdict()
    unit = groups.get("unit") or "Wochenende"
    direction = _direction(groups.get("dir")) or 0
    anchor = ctx.anchor()
    if anchor is None:
        return None, "DATE"
    if unit.startswith("Woche"):
        value = week_value(anchor + dt.timedelta(weeks=direction))
        return (value + "-WE" if unit == "Wochenende" else value), "DATE"
    if unit.startswith("Monat"):
        return month_value(*shift_months(anchor.year, anchor.month, direction)), "DATE"
    if unit.startswith("Jahrzehnt"):
        return offset_value(anchor, direction, "DE"), "DATE"
    return f"{anchor.year + direction:04d}", "DATE"


def resolve_year_word(m: re.Match, ctx: Context) -> Resolved:
    anchor = ctx.anchor()
    offset = lexicon().words["year_words"][m.group("word")]
    if m.group("year"):
        return m.group("year"), "DATE"
    return (f"{anchor.year + offset:04d}" if anchor else None), "DATE"


def resolve_clock(m: re.Match, ctx: Context) -> Resolved:
    minute = m.group("min") or m.group("min2") or "00"
    day = ctx.sentence_day(m.start())
    clock = f"T{int(m.group('h')):02d}:{minute}"
    return (f"{day.isoformat()}{clock}" if day else clock), "TIME"


def resolve_day_part(m: re.Match, ctx: Context) -> Resolved:
    return _day_part_value(ctx.sentence_day(m.start()), m.group("part") or m.group("part2"))


def resolve_set(m: re.Match, ctx: Context) -> Resolved:
    sets = lexicon().words["sets"]
    word = m.group("word")
    return sets.get(word, sets.get(word[:1].lower() + word[1:])), "SET"
