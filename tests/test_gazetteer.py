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


@pytest.mark.parametrize(("look_up", "word", "country"), [
    # country adjectives, and compounds named by one
    (country_for_adjective, "russische", "Russland"), (country_for_adjective, "ukrainischen", "Ukraine"),
    (country_for_adjective, "französischen", "Frankreich"), (country_for_adjective, "US-Präsident", "USA"),
    (country_for_adjective, "britischer", "Vereinigtes Königreich"), (country_for_adjective, "freundlichen", None),
    # capitals standing for their government
    (capital_country, "Moskau", "Russland"), (capital_country, "Kiew", "Ukraine"),
    (capital_country, "Paris", "Frankreich"),
    (capital_country, "Washington", "USA"), (capital_country, "Peking", "China"),
    (capital_country, "Berlin", "Deutschland"), (capital_country, "Hamburg", None),
    # seats of government
    (metonym_country, "Kreml", "Russland"), (metonym_country, "Kremls", "Russland"),
    (metonym_country, "Weißes Haus", "USA"),
    (metonym_country, "Élysée", "Frankreich"), (metonym_country, "Downing Street", "Vereinigtes Königreich"),
    (metonym_country, "Kanzleramt", "Deutschland"), (metonym_country, "Rathaus", None),
], ids=lambda value: getattr(value, "__name__", str(value)))
def test_words_that_stand_for_a_country(look_up, word: str, country: str | None) -> None:
    assert look_up(word) == country


def test_gazetteer_file_stays_small() -> None:
    assert GAZETTEER.stat().st_size < 2_000_000
    assert "Moskau" in json.loads(GAZETTEER.read_text(encoding="utf-8"))["names"]


def test_country_names_in_the_genitive():
    assert country_name("Frankreichs") == "Frankreich"
    assert country_name("Moskau") is None  # a city, not a country
