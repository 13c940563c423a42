"""Calendar arithmetic and TIMEX3 values: months and weeks counted from a date, durations written
as ``P3D``, ``PT2H``."""

from __future__ import annotations

import datetime as dt


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


UNIT_FORMAT = {"S": "PT{}S", "MIN": "PT{}M", "H": "PT{}H", "D": "P{}D", "W": "P{}W", "M": "P{}M", "Y": "P{}Y",
                "DE": "P{}DE", "CE": "P{}CE"}


def duration_value(amount: float | None, unit: str) -> str:
    return UNIT_FORMAT[unit].format("X" if amount is None else number_text(amount))


def offset_value(anchor: dt.date, amount: int, unit: str) -> str | None:
    """The calendar unit ``amount`` units away from ``anchor``: a day, week, month or year."""
    if unit == "D":
        return (anchor + dt.timedelta(days=amount)).isoformat()
    if unit == "W":
        return week_value(anchor + dt.timedelta(weeks=amount))
    if unit == "M":
        return month_value(*shift_months(anchor.year, anchor.month, amount))
    if unit == "Y":
        return f"{anchor.year + amount:04d}"
    if unit == "DE":
        return f"{(anchor.year + 10 * amount) // 10:03d}"
    return None
