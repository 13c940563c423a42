"""Time words: weekdays, months, number words and the word lists of time expressions
(``data/time_*.txt``, ``data/time_words.json``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lexicon import json_data, table


@dataclass(frozen=True)
class TimeLexicon:
    weekdays: dict[str, int]
    months: dict[str, int]
    numbers: dict[str, float]  # lower-case number words
    words: dict


@lru_cache(maxsize=1)
def lexicon() -> TimeLexicon:
    numbers = {word: float(value) for word, value in table("time_numbers.txt").items()}
    # German forms "dreieinhalb", "zehneinhalb": number word + "einhalb" adds a half.
    for word, value in list(numbers.items()):
        if value == int(value) and 2 <= value <= 12 and not word.startswith("ein"):
            numbers[word + "einhalb"] = value + 0.5
    return TimeLexicon(
        weekdays={k: int(v) for k, v in table("time_weekdays.txt").items()},
        months={k: int(v) for k, v in table("time_months.txt").items()},
        numbers=numbers,
        words=json_data("time_words.json"),
    )


def number_value(word: str) -> float | None:
    """``'drei'`` → 3, ``'dreieinhalb'`` → 3.5, ``'48'`` → 48, ``'2,5'`` → 2.5."""
    word = word.lower()
    if word in lexicon().numbers:
        return lexicon().numbers[word]
    try:
        return float(word.replace(",", "."))
    except ValueError:
        return None
