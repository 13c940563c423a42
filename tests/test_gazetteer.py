"""Place look-ups (wortlaut.gazetteer): genitives, country adjectives, capitals and seats of
government standing for their country."""

from __future__ import annotations

import json

import pytest

from helpers import REPO
from wortlaut.gazetteer import capital_country, country_for_adjective, country_name, lookup_place, metonym_country

GAZETTEER = REPO / "src" / "wortlaut" / "data" / "place_gazetteer.json"


def test_lookup_place_handles_genitive() -> None:
    russia = lookup_place("Russlands")
    assert russia is not None and (russia.name, russia.kind, russia.country) == ("Russland", "country", "RU")
    moscow = lookup_place("Moskau")
    assert moscow is not None and (moscow.kind, moscow.country) == ("city", "RU")
    assert lookup_place("Tisch") is None


@pytest.mark.parametrize(
    ("word", "country"),
    [("russische", "Russland"), ("ukrainischen", "Ukraine"), ("französischen", "Frankreich"),
     ("US-Präsident", "USA"), ("britischer", "Vereinigtes Königreich"), ("freundlichen", None)],
)
def test_country_for_adjective(word: str, country: str | None) -> None:
    assert country_for_adjective(word) == country


@pytest.mark.parametrize(
    ("city", "country"),
    [("Moskau", "Russland"), ("Kiew", "Ukraine"), ("Paris", "Frankreich"), ("Washington", "USA"),
     ("Peking", "China"), ("Berlin", "Deutschland"), ("Hamburg", None)],
)
def test_capital_country(city: str, country: str | None) -> None:
    assert capital_country(city) == country


@pytest.mark.parametrize(
    ("phrase", "country"),
    [("Kreml", "Russland"), ("Kremls", "Russland"), ("Weißes Haus", "USA"), ("Élysée", "Frankreich"),
     ("Downing Street", "Vereinigtes Königreich"), ("Kanzleramt", "Deutschland"), ("Rathaus", None)],
)
def test_metonym_country(phrase: str, country: str | None) -> None:
    assert metonym_country(phrase) == country


def test_gazetteer_file_stays_small() -> None:
    assert GAZETTEER.stat().st_size < 2_000_000
    assert "Moskau" in json.loads(GAZETTEER.read_text(encoding="utf-8"))["names"]


def test_country_names_in_the_genitive():
    assert country_name("Frankreichs") == "Frankreich"
    assert country_name("Moskau") is None  # a city, not a country
