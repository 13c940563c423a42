"""Sources as SpkAtt draws them (wortlaut.attribution.sources)."""

from __future__ import annotations

import pytest

from helpers import index_of, indices_of, rules_only, words
from wortlaut.attribution.sources import fallback_source, tidy_source, with_attributes


@pytest.mark.parametrize("text, source, expected", [
    ("Wie EADS heute mitteilte , wird das Werk verkauft .", ["EADS", "heute"], ["EADS"]),
    ("Wie Adidas am Morgen bekannt gab , wird Reebok übernommen .", ["Adidas", "am", "Morgen"], ["Adidas"]),
    ("Die spätere Außenministerin Rice nannte ihn einen Patrioten .", ["Außenministerin", "Rice"],
     ["Die", "spätere", "Außenministerin", "Rice"]),
    ("Nach einem Bericht der „ Frankfurter Allgemeinen Zeitung “ ist er tot .",
     ["einem", "Bericht", "der", "„", "Frankfurter"],
     ["einem", "Bericht", "der", "„", "Frankfurter", "Allgemeinen", "Zeitung", "“"]),
    ("Laut Klinikdirektor Beckmann „ kann man jetzt helfen “ .", ["Klinikdirektor", "Beckmann", "„"],
     ["Klinikdirektor", "Beckmann"]),
    # a capitalised name HanTa reads as an adjective stays
    ("Der Vertreter der Arbeitgeber , Peter Clever , hat gefordert , dass gespart werde .",
     ["Peter", "Clever"], ["Peter", "Clever"]),
    # a relative clause or an addressee ends the source; an apposition does not
    ("Hubert Primus , der bei der Stiftung arbeitet , sagte , es sei ernst .", ["Hubert", "Primus", ",", "der", "bei"],
     ["Hubert", "Primus"]),
    ("Das bestätigte eine Sprecherin des Konzerns gegenüber der Zeitung .",
     ["eine", "Sprecherin", "des", "Konzerns", "gegenüber", "der", "Zeitung"], ["eine", "Sprecherin", "des", "Konzerns"]),
    ("Mark Keefe , der Sprecher der Klinik , sagte , es sei ernst .", ["Mark", "Keefe", ",", "der", "Sprecher"],
     ["Mark", "Keefe", ",", "der", "Sprecher"]),
    # only an opening quotation mark: no source
    ("Er sagte : „ Wir kommen . “", ["„"], []),
])
def test_source_spans_are_tidied(text, source, expected):
    doc = rules_only(text)
    assert words(doc, tidy_source(doc, indices_of(doc, source))) == expected


def test_fallback_source_is_the_cue_clause_subject():
    doc = rules_only("Beide Regierungen legten aber Wert darauf , dass andere helfen .")
    assert words(doc, fallback_source(doc, [index_of(doc, "darauf")])) == ["Beide", "Regierungen"]
    doc = rules_only("Wie die Zeitung berichtet , ist der Dienst gestört .")
    assert words(doc, fallback_source(doc, [index_of(doc, "berichtet")])) == ["die", "Zeitung"]
    doc = rules_only("Behördenangaben zufolge starben drei Menschen .")
    assert words(doc, fallback_source(doc, [index_of(doc, "zufolge")])) == ["Behördenangaben"]
    # passive and impersonal cues have no source to fall back on
    doc = rules_only("Insbesondere wird kritisiert , dass die Regeln fehlen .")
    assert fallback_source(doc, [index_of(doc, "wird"), index_of(doc, "kritisiert")]) == []


@pytest.mark.parametrize("text, source, expected", [
    ("Das sagte der Chef der Bundesagentur für Arbeit am Montag .", ["der", "Chef", "der", "Bundesagentur"],
     ["der", "Chef", "der", "Bundesagentur", "für", "Arbeit"]),
    ("Das meldete die Deutsche Presse-Agentur ( dpa ) .", ["die", "Deutsche", "Presse-Agentur"],
     ["die", "Deutsche", "Presse-Agentur", "(", "dpa", ")"]),
    # a time phrase or the cue's addressee is no attribute of the source
    ("Das sagte Merkel am Montag .", ["Merkel"], ["Merkel"]),
    ("Das sagte ein Sprecher gegenüber der Zeitung .", ["ein", "Sprecher"], ["ein", "Sprecher"]),
])
def test_source_takes_the_attributes_of_its_last_noun(text, source, expected):
    doc = rules_only(text)
    taken = {1, 0}  # the cue ("sagte", "meldete") and the pronoun before it
    assert words(doc, with_attributes(doc, indices_of(doc, source), taken)) == expected
