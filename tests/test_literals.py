"""Necessary literals of a regular expression (wortlaut.literals) and the times rules they gate."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import random
import re

import pytest

from helpers import SHARED
from wortlaut import times
from wortlaut.literals import literal_gate, required_literals, start_class


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?<!\w)(?:Juni|Juli)\s+(\d{4})", {"Juni", "Juli"}),
    (r"(?:Jan|Feb)\.? \d+", {"Jan ", "Jan. ", "Feb ", "Feb. "}),
    (r"(?:ab|c)d", {"abd", "cd"}),
    (r"[0-2]\.x", {"0.x", "1.x", "2.x"}),
    (r"a*b", {"b"}),
    (r"(?:x+yz)+", {"yz"}),  # x+ may be any number of x: its "x" is the part known
    (r"Laufe\s+des\s+(?:Jahres|Monats)", {"Jahres", "Monats"}),  # longer strings are rarer
    (r"(?:Tag|Tage)(?:n)?", {"Tag"}),  # "Tage" holds "Tag": one is enough
])
def test_literals_every_match_holds(pattern, expected):
    assert set(required_literals(pattern)) == expected


@pytest.mark.parametrize("pattern", [r"x?y?", r"\w+", r"(?i)abc", r"(?i:ab)c?", r"[^a]b?", r"(a)?\1", r".+"])
def test_no_literals_where_a_match_needs_none(pattern):
    assert required_literals(pattern) is None and literal_gate(pattern) is None


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?<!\w)(?:Juni|Juli)\s+(\d{4})", "[J]"),
    (r"(?:am\s+)?Montag", "[Ma]"),  # the optional word or the one after it
    (r"(?<![\d.])\d{1,2}\.", r"[\d]"),
    (r"[0-2]?x", "[0-2x]"),
    (r"(?:(?:Ende|Mitte)\s+)*[Jj]ahr", "[EJMj]"),
    (r"(?P<n>\.)5", r"[\.]"),
])
def test_start_class_holds_every_first_character(pattern, expected):
    assert start_class(pattern) == expected


@pytest.mark.parametrize("pattern", [r"x?y?", r".b", r"[^a]b", r"(?i)abc", r"(?i:a)b", r"(a)?\1b", r"\b"])
def test_no_start_class_where_a_match_may_start_anywhere_or_be_empty(pattern):
    assert start_class(pattern) is None


def _texts() -> list[str]:
    """Random German-like text around the time words, and the first news articles when there."""
    pick = random.Random(3)
    words = ["am", "Montag", "3.", "Mai", "2015", "vor", "drei", "Jahren", "seit", "Wochen", "Uhr", "14.30", "im",
             "Laufe", "des", "Jahres", "Ende", "Juli", "heute", "Morgen", "zwei-", "Tage", "1990er", "Jahre", "20.",
             "Jahrhunderts", "v.", "Chr.", "2014/15", "kommenden", "Woche", "jährlich", "zuvor", "-jährige", ",",
             "und", "bis", "zum", "5.", "6.", "Quartal", "Wochenende", "derzeit", "Nacht", "auf", "Freitag", "."]
    texts = [" ".join(pick.choice(words) for _ in range(pick.randint(3, 40))) for _ in range(1500)]
    news = SHARED / "data" / "10kgnad" / "articles.csv"
    if news.is_file():
        with news.open(encoding="utf-8", newline="") as handle:
            texts += [row[1] for row, _ in zip(csv.reader(handle, delimiter=";", quotechar="'"), range(300))]
    return texts


def test_every_match_of_a_times_rule_holds_one_of_its_literals():
    rules = times._rules()
    assert sum(rule.gate is not None for rule in rules) > len(rules) // 2
    for text in _texts():
        for rule in rules:
            if rule.gate is not None:
                for match in rule.pattern.finditer(text):
                    assert rule.gate.search(match.group()), (rule.name, match.group())


def test_gated_rules_find_the_same_times(monkeypatch):
    texts = _texts()[::3]
    gated = [times.extract_times(text, dt.date(2016, 1, 15)) for text in texts]
    ungated = [dataclasses.replace(rule, gate=None) for rule in times._rules()]
    monkeypatch.setattr(times, "_rules", lambda: ungated)
    assert [times.extract_times(text, dt.date(2016, 1, 15)) for text in texts] == gated
    assert sum(map(len, gated)) > 500


def test_literal_gate_finds_the_literals():
    gate = literal_gate(r"(?<!\w)(?:Juni|Juli)\s+\d{4}")
    assert gate.search("im Juli") and not gate.search("im Jul") and not gate.search("im Mai 2015")
    assert not re.search(r"(?<!\w)(?:Juni|Juli)\s+\d{4}", "im Mai 2015")


def test_rules_tried_at_their_start_places_find_what_their_scans_find():
    rules = times._rules()
    assert sum(rule.starts is not None for rule in rules) > len(rules) // 2
    texts = _texts()
    for rule in rules:
        for text in texts:
            assert [m.span() for m in rule.finditer(text)] == [m.span() for m in rule.pattern.finditer(text)], rule.name
