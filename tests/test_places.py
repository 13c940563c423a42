"""Place mentions and place look-ups in hand-written German sentences."""

from __future__ import annotations

import pytest

from helpers import SEED, needs
from wortlaut.model import Document
from wortlaut.places import PlacesConfig, extract_places, find_places


def places(text: str) -> list[tuple[str, str, str | None]]:
    doc = find_places(Document(text=text))
    for p in doc.places:
        assert text[p.start:p.end] == p.text
    return [(p.text, p.name, p.country) for p in doc.places]


def test_city_with_country_and_coordinates() -> None:
    [place] = find_places(Document(text="Putin sprach auf dem Wirtschaftsforum in Wladiwostok.")).places
    assert (place.name, place.country) == ("Wladiwostok", "RU")
    assert place.lat == pytest.approx(43.1, abs=0.1) and place.lon == pytest.approx(131.9, abs=0.1)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Moskau lehnt Gespräche mit Kiew ab.", [("Moskau", "Moskau", "RU"), ("Kiew", "Kiew", "UA")]),
        ("Die Delegation flog von Peking nach Warschau.", [("Peking", "Peking", "CN"), ("Warschau", "Warschau", "PL")]),
        ("Gipfel in Rom, Mailand und Neu-Delhi.", [("Rom", "Rom", "IT"), ("Mailand", "Mailand", "IT"),
                                                  ("Neu-Delhi", "Neu-Delhi", "IN")]),
        ("Das Gericht in Den Haag entschied.", [("Den Haag", "Den Haag", "NL")]),
        ("Die Vereinigten Staaten und Frankreich.", [("Vereinigten Staaten", "USA", "US"),
                                                     ("Frankreich", "Frankreich", "FR")]),
        ("Nach Angaben Frankreichs und Russlands.", [("Frankreichs", "Frankreich", "FR"),
                                                     ("Russlands", "Russland", "RU")]),
        ("Die USA und Großbritannien verlegten Truppen.", [("USA", "USA", "US"),
                                                           ("Großbritannien", "Vereinigtes Königreich", "GB")]),
        ("die Hauptstadt der Russischen Föderation", [("Russischen Föderation", "Russland", "RU")]),
    ],
)
def test_places_found(sentence: str, expected: list) -> None:
    assert places(sentence) == expected


def test_ambiguous_city_names_need_a_locative_preposition() -> None:
    assert places("Das Essen war gut, der Hof war leer.") == []
    assert places("Er wohnt in Essen und arbeitet in Hof.") == [("Essen", "Essen", "DE"), ("Hof", "Hof", "DE")]


def test_excluded_words_are_never_places() -> None:
    assert places("Weil das Bad neu ist, kostet es eine Mark.") == []


def test_compounds_and_person_names_are_not_places() -> None:
    assert places("Der Ukraine-Konflikt und Wladimir Putin.") == []


def test_city_adjective_names_the_city() -> None:
    assert places("nach den Pariser Gesprächen") == [("Pariser", "Paris", "FR")]
    without = find_places(Document(text="nach den Pariser Gesprächen"), PlacesConfig(demonyms=False))
    assert without.places == []


@needs(SEED)
def test_seed_article() -> None:
    found = extract_places(SEED.read_text(encoding="utf-8"))
    by_name = {p.name: p for p in found}
    assert {"Wladiwostok", "Moskau", "Kiew", "Paris", "Russland", "Ukraine", "Frankreich", "China"} <= set(by_name)
    assert by_name["Wladiwostok"].country == "RU" and by_name["Wladiwostok"].lat is not None
    assert "Wladimir" not in {p.text for p in found}
