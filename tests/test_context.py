"""Context of a statement: when, where, through which channel, to whom."""

from __future__ import annotations

import wortlaut
from wortlaut.model import Statement


def only_statement(text: str) -> Statement:
    doc = wortlaut.analyze(text, date="2025-09-05")  # a Friday
    assert len(doc.statements) == 1, [s.content.text for s in doc.statements]
    return doc.statements[0]


def test_weekday_of_the_publication_day():
    statement = only_statement("Merkel sagte am Freitag, die Lage sei ernst.")
    assert statement.date is not None
    assert statement.date.text == "Freitag"
    assert statement.date.value == "2025-09-05"


def test_weekday_is_resolved_to_the_past():
    statement = only_statement('"Wir kommen morgen", sagte Merkel am Montag.')
    assert statement.date.value == "2025-09-01"


def test_local_time_day_before():
    statement = only_statement("Trump sagte am Donnerstag (Ortszeit) vor Reportern, er habe viele Kriege beigelegt.")
    assert statement.date.value == "2025-09-04"
    assert "Donnerstag" in statement.date.text
    assert statement.addressee is not None
    assert statement.addressee.text == "Reportern"


def test_place_of_the_statement_with_country():
    statement = only_statement("Merkel sagte am Freitag in Wladiwostok, die Lage sei ernst.")
    assert statement.place is not None
    assert statement.place.name == "Wladiwostok"
    assert statement.place.country == "RU"


def test_place_inside_the_content_is_not_where_it_was_said():
    statement = only_statement("Merkel sagte, in Wladiwostok sei die Lage ernst.")
    assert statement.place is None


def test_agency_zufolge_is_the_channel_not_the_speaker():
    statement = only_statement("Merkel sagte der Agentur Interfax zufolge, die Lage sei ernst.")
    assert statement.speaker.text == "Merkel"
    assert statement.via is not None
    assert "Interfax" in statement.via.text


def test_time_inside_quoted_content_is_not_the_statement_date():
    statement = only_statement('"Am Montag kommen wir", sagte Merkel.')
    assert statement.content.text == "Am Montag kommen wir"
    assert statement.date is None


def test_time_inside_indirect_content_is_not_the_statement_date():
    statement = only_statement("Merkel sagte, am Montag sei die Lage ernst gewesen.")
    assert statement.date is None


def test_gegenueber_agency_is_addressee_and_channel():
    statement = only_statement("Er sagte gegenüber der Nachrichtenagentur Interfax, die Lage sei ernst.")
    assert statement.addressee.text == "der Nachrichtenagentur Interfax"
    assert statement.via is not None and "Interfax" in statement.via.text


def test_gegenueber_agency_in_a_wie_clause():
    statement = only_statement("Wie er gegenüber der Nachrichtenagentur Interfax erklärte, gab es drei Verletzte.")
    assert statement.speaker.text == "er"
    assert statement.addressee is not None and "Interfax" in statement.addressee.text
    assert statement.via is not None and "Interfax" in statement.via.text
