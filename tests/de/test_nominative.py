"""Names in their nominative base form, from the determiner's case and the head noun's gender."""

from __future__ import annotations

import pytest

from helpers import tagged
from wortlaut.de.nominative import nominative, noun_gender


@pytest.mark.parametrize("phrase, expected", [
    ("des Technischen Hilfswerks", "Technisches Hilfswerk"),
    ("der britischen Polizei", "britische Polizei"),
    ("des russischen Außenministeriums", "russisches Außenministerium"),
    ("des Bundesgerichtshofs", "Bundesgerichtshof"),
    ("der Vereinten Nationen", "Vereinte Nationen"),
    ("dem Landgericht Köln", "Landgericht Köln"),
    ("der Experten", "Experten"),
    ("dem Berliner Verfassungsschutz", "Berliner Verfassungsschutz"),
    # the noun's gender unknown: read from the determiner where it tells
    ("einer russischen Quelle", "russische Quelle"),
    ("Die deutschen Brauer", "deutsche Brauer"),
    ("des schwedischen Flugdatenproviders", "schwedischer Flugdatenprovider"),
])
def test_nominative(phrase, expected):
    assert nominative(tagged(phrase)) == expected


@pytest.mark.parametrize("noun, gender", [("Regierung", "f"), ("Innenministerium", "n"), ("Weltsicherheitsrat", "m"),
                                          ("Hilfswerk", "n"), ("Mensch", None)])
def test_noun_gender(noun, gender):
    assert noun_gender(noun) == gender
