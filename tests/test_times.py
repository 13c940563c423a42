"""Time expressions in hand-written German news sentences (article date Friday 2025-09-05)."""

from __future__ import annotations

import datetime as dt

import pytest

from wortlaut.model import Document
from wortlaut.times import extract_times, find_times, number_value

FRIDAY = dt.date(2025, 9, 5)
from helpers import SHARED


def times(text: str, date: dt.date | None = FRIDAY) -> dict[str, tuple[str | None, str]]:
    doc = find_times(Document(text=text, date=date))
    for t in doc.times:
        assert text[t.start:t.end] == t.text
    return {t.text: (t.value, t.type) for t in doc.times}


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "kind"),
    [
        ("Das sagte er am Freitag in Berlin.", "Freitag", "2025-09-05", "DATE"),
        ("Er sagte am Donnerstag (Ortszeit) vor Reportern.", "Donnerstag (Ortszeit)", "2025-09-04", "DATE"),
        ("Am Montag hatte sie es angekündigt.", "Montag", "2025-09-01", "DATE"),
        ("Er werde am Montag nach Kiew reisen.", "Montag", "2025-09-08", "DATE"),
        ("Am kommenden Freitag wird abgestimmt.", "kommenden Freitag", "2025-09-12", "DATE"),
        ("Gestern gab es keine Einigung.", "Gestern", "2025-09-04", "DATE"),
        ("Das Treffen war vorgestern.", "vorgestern", "2025-09-03", "DATE"),
        ("Heute wird verhandelt.", "Heute", "2025-09-05", "DATE"),
        ("Der Kanzler reist morgen nach Paris.", "morgen", "2025-09-06", "DATE"),
        ("Am Vortag hatte es geregnet.", "Vortag", "2025-09-04", "DATE"),
        ("Einen Tag zuvor war er in Rom.", "Einen Tag zuvor", "2025-09-04", "DATE"),
        ("Am 20. Juli 1969 landeten sie auf dem Mond.", "20. Juli 1969", "1969-07-20", "DATE"),
        ("Der Bericht erschien am 5. September 2025.", "5. September 2025", "2025-09-05", "DATE"),
        ("Der Bericht erschien am 5.9.2025.", "5.9.2025", "2025-09-05", "DATE"),
        ("Im Juli war es heiß.", "Juli", "2025-07", "DATE"),
        ("Im Mai 2024 wählten die Inder.", "Mai 2024", "2024-05", "DATE"),
        ("Im Mai wird gewählt.", "Mai", "2026-05", "DATE"),
        ("2024 stieg der Umsatz.", "2024", "2024", "DATE"),
        ("Im Vorjahr lief die Amtszeit aus.", "Vorjahr", "2024", "DATE"),
        ("Im vergangenen Jahr sank die Zahl.", "vergangenen Jahr", "2024", "DATE"),
        ("In der vergangenen Woche gab es Streit.", "vergangenen Woche", "2025-W35", "DATE"),
        ("Vergangene Woche kam er.", "Vergangene Woche", "2025-W35", "DATE"),
        ("Der Krieg dauert seit mehr als dreieinhalb Jahren an.", "mehr als dreieinhalb Jahren", "P3.5Y", "DURATION"),
        ("Es regnete drei Tage lang.", "drei Tage", "P3D", "DURATION"),
        ("Die Frist beträgt 48 Stunden.", "48 Stunden", "PT48H", "DURATION"),
        ("Jetzt ist es zu spät.", "Jetzt", "PRESENT_REF", "DATE"),
        ("Derzeit gibt es keine Gespräche.", "Derzeit", "PRESENT_REF", "DATE"),
        ("Im Moment finden keine Vorbereitungen statt.", "Im Moment", "PRESENT_REF", "DATE"),
        ("Am Mittwochabend trafen sie sich.", "Mittwochabend", "2025-09-03TEV", "TIME"),
        ("Anfang September beginnt die Sitzung.", "Anfang September", "2025-09", "DATE"),
        ("Ende 2024 war alles vorbei.", "Ende 2024", "2024", "DATE"),
        ("Vor drei Jahren begann der Krieg.", "Vor drei Jahren", "2022", "DATE"),
        ("Um 14.30 Uhr begann die Sitzung.", "14.30 Uhr", "2025-09-05T14:30", "TIME"),
        ("Die Zeitung erscheint täglich.", "täglich", "P1D", "SET"),
        ("In den 1990er Jahren war das anders.", "den 1990er Jahren", "199", "DATE"),
        ("Im Sommer 2023 brannten die Wälder.", "Sommer 2023", "2023-SU", "DATE"),
        # years with "Jahr" in the span; BC years and centuries; the end of a range of years
        ("Im Jahr 2019 begann der Umbau.", "Jahr 2019", "2019", "DATE"),
        ("Die Stadt wurde 753 v. Chr. gegründet.", "753 v. Chr.", "BC0753", "DATE"),
        ("Um das Jahr 300 v. Chr. blühte der Handel.", "Um das Jahr 300 v. Chr.", "BC0300", "DATE"),
        ("Die Tempel stammen aus dem 5. Jh. v. Chr.", "5. Jh. v. Chr.", "BC04", "DATE"),
        ("Ende des 19. Jahrhunderts wuchs die Stadt.", "Ende des 19. Jahrhunderts", "18", "DATE"),
        ("Die Saison 2023/24 war lang.", "24", "2024", "DATE"),
        ("Die Krise von 2008/2009 traf viele.", "2009", "2009", "DATE"),
        # "zwei Tage nach der Wahl": a duration anchored on an event; the preposition stays outside
        ("Zwei Tage nach der Wahl trat er zurück.", "Zwei Tage", "P2D", "DURATION"),
        ("Wenige Wochen vor dem Gipfel kam es zum Streit.", "Wenige Wochen", "PXW", "DURATION"),
        # "nach drei Tagen": a point counted from the last date mentioned
        ("Am 1. September begann der Streik, nach drei Tagen war er vorbei.", "nach drei Tagen", "2025-09-04", "DATE"),
        ("Am 3. März fiel die Stadt, knapp einen Monat später der Hafen.", "knapp einen Monat später", "2025-04", "DATE"),
        # lists of days and months: the first item takes month and year from the last
        ("Am 12. und 13. Juni 2024 tagte der Rat.", "12.", "2024-06-12", "DATE"),
        ("Die Wahl fand am 2./3. Mai 2021 statt.", "2.", "2021-05-02", "DATE"),
        ("Im April/Mai 2022 stiegen die Preise.", "April", "2022-04", "DATE"),
        ("In der Nacht vom 3. auf den 4. Oktober 1990 feierten sie.", "Nacht vom 3.", "1990-10-03TNI", "TIME"),
        ("Am frühen Morgen des 4. Mai 2020 bebte die Erde.", "frühen Morgen des 4. Mai 2020", "2020-05-04TMO", "TIME"),
        ("In den Abendstunden des 2. Juli 2019 brannte es.", "Abendstunden des 2. Juli 2019", "2019-07-02TEV", "TIME"),
        # months and seasons of a named or relative year
        ("Im Oktober des Jahres 1989 fiel die Mauer.", "Oktober des Jahres 1989", "1989-10", "DATE"),
        ("Im Herbst des Jahres 2015 kamen viele.", "Herbst des Jahres 2015", "2015-FA", "DATE"),
        ("Im Frühjahr des kommenden Jahres wird gebaut.", "Frühjahr des kommenden Jahres", "2026-SP", "DATE"),
        ("Im späten Sommer 2018 war es trocken.", "späten Sommer 2018", "2018-SU", "DATE"),
        ("Seit Jahresbeginn 2024 gilt die Regel.", "Jahresbeginn 2024", "2024", "DATE"),
        # parts of the year, the course of a period
        ("Im ersten Halbjahr stieg der Umsatz.", "ersten Halbjahr", "2025-H1", "DATE"),
        ("Im 3. Quartal 2024 sank der Gewinn.", "3. Quartal 2024", "2024-Q3", "DATE"),
        ("Im Laufe des Jahres soll es fertig sein.", "Laufe des Jahres", "2025", "DATE"),
        # durations as adjectives, compounds and vague periods
        ("Nach einer dreiwöchigen Pause ging es weiter.", "dreiwöchigen", "P3W", "DURATION"),
        ("Er erhielt eine 18-monatige Haftstrafe.", "18-monatige", "P18M", "DURATION"),
        ("Die 30-Tage-Frist läuft ab.", "30-Tage", "P30D", "DURATION"),
        ("Sie stritten jahrelang darüber.", "jahrelang", "PXY", "DURATION"),
        ("In den folgenden Wochen blieb es ruhig.", "folgenden Wochen", "PXW", "DURATION"),
        ("In den nächsten drei Monaten wird geprüft.", "nächsten drei Monaten", "P3M", "DURATION"),
        ("Das Problem ist seit Jahren bekannt.", "Jahren", "PXY", "DURATION"),
        ("Nach drei Jahren Haft kam er frei.", "drei Jahren", "P3Y", "DURATION"),
        # the next day after a date; looking back to the previous year
        ("Am 4. Mai kam er an, am folgenden Tag reiste er ab.", "folgenden Tag", "2025-05-05", "DATE"),
        ("Ende des vorangegangenen Jahres war alles anders.", "Ende des vorangegangenen Jahres", "2024", "DATE"),
    ],
)
def test_expression_value(sentence: str, expression: str, value: str, kind: str) -> None:
    assert times(sentence).get(expression) == (value, kind)


def test_counts_and_first_names_are_not_times() -> None:
    found = times("Über 2000 Soldaten kamen. August Bebel gründete die Partei. Mit 1500 Menschen.")
    assert found == {}


def test_relative_expression_without_article_date_is_listed_without_value() -> None:
    assert times("Am Freitag sagte er das.", date=None) == {"Freitag": (None, "DATE")}


def test_explicit_date_needs_no_article_date() -> None:
    assert times("Am 20. Juli 1969 landeten sie.", date=None) == {"20. Juli 1969": ("1969-07-20", "DATE")}


def test_year_less_date_far_in_the_future_means_last_year() -> None:
    assert times("Am 28. Dezember sagte er das.", date=dt.date(2025, 1, 5))["28. Dezember"] == ("2024-12-28", "DATE")


def test_narrative_anchoring_uses_the_last_mentioned_date() -> None:
    text = "Am 1. September 1939 begann der Krieg. Zwei Tage später folgte die Erklärung. Im Juni fiel Paris."
    found = {t.text: t.value for t in extract_times(text, dt.date(2011, 2, 16), anchoring="narrative")}
    assert found == {"1. September 1939": "1939-09-01", "Zwei Tage später": "1939-09-03", "Juni": "1939-06"}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # A year alone on a line is a section heading: later year-less dates belong to it.
        ("Vorgeschichte\n\n1872\n\nIm Oktober zogen die Truppen ab.", "Oktober", "1872-10"),
        ("Der Feldzug im Norden 1655\nAm 3. Mai fiel die Stadt.", "3. Mai", "1655-05-03"),
        # A year-only mention moves the story on; the month and day mentioned before are dropped.
        ("Am 2. März 1701 begann die Belagerung. 1702 kam es zur Wende. Einen Monat später fiel die Burg.",
         "Einen Monat später", "1702-02"),
        # A look back does not move the story's time.
        ("Am 4. Juni 1810 landeten sie. Im Vorjahr war es gescheitert. Im August zogen sie weiter.",
         "August", "1810-08"),
        # A bare year in the middle of a sentence is an aside.
        ("Am 5. April 1812 begann der Marsch nach Pläne, die seit 1790 bestanden. Im Mai erreichten sie den Fluss.",
         "Mai", "1812-05"),
        ("Am 9. Mai 1866 begann der Krieg. Einen Monat später war er entschieden.", "Einen Monat später", "1866-06"),
        # A look ahead does move it, even inside a sentence.
        ("Am 5. Dezember 1870 fiel Schnee. In den Kämpfen des folgenden Jahres wurde am 3. März gesiegt.",
         "3. März", "1871-03-03"),
    ],
)
def test_narrative_focus(text: str, expression: str, value: str) -> None:
    found = {t.text: t.value for t in extract_times(text, dt.date(2011, 2, 16), anchoring="narrative")}
    assert found.get(expression) == value


def test_number_words() -> None:
    assert number_value("dreieinhalb") == 3.5
    assert number_value("Zwölf") == 12
    assert number_value("2,5") == 2.5


def test_seed_article() -> None:
    path = SHARED / "examples" / "seed-2025-09-05.txt"
    if not path.exists():
        pytest.skip("seed article (../shared) not available")
    text = path.read_text(encoding="utf-8")
    found = {t.text: t.value for t in find_times(Document(text=text, date=FRIDAY)).times}
    assert found["Freitag"] == "2025-09-05"
    assert found["Donnerstag (Ortszeit)"] == "2025-09-04"
    assert found["Vorjahr"] == "2024"
    assert found["mehr als dreieinhalb Jahren"] == "P3.5Y"
    assert found["im Moment"] == "PRESENT_REF"
