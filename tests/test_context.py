"""Context of a statement (wortlaut.context): when, where, through which channel, to whom —
the cases of context_cases.tsv."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import analyze, read_cases
from wortlaut.context import ContextConfig

CASES = Path(__file__).with_name("context_cases.tsv")


@pytest.mark.parametrize("case", read_cases(CASES), ids=lambda case: case["text"][:60])
def test_context_case(case):
    [statement] = analyze(case["text"]).statements
    found = {"date": statement.date.value if statement.date else "-",
             "date_text": statement.date.text if statement.date else "-",
             "place": statement.place.name if statement.place else "-",
             "country": statement.place.country if statement.place else "-",
             "addressee": statement.addressee.text or "-"}
    expected = {column: case[column] for column in found if case[column]}
    assert {column: found[column] for column in expected} == expected
    via = statement.via.text if statement.via else "-"
    assert case["via"] in via if case["via"] not in {"", "-"} else case["via"] != "-" or via == "-"


def test_the_place_of_a_speech_act_stands_near_its_cue():
    text = "Putin beharrte nach dem langen Gipfeltreffen mit vielen Gästen in Wladiwostok auf seiner Position."
    assert analyze(text).statements[0].place is None  # too far from "beharrte"
    assert analyze(text, context=ContextConfig(cue_window=10)).statements[0].place.name == "Wladiwostok"


DATE_CASES = Path(__file__).with_name("statement_date_cases.tsv")


@pytest.mark.parametrize("case", read_cases(DATE_CASES), ids=lambda case: case["text"][:70])
def test_statement_date_case(case):
    doc = analyze(case["text"].replace("\\n", "\n"))
    statement = next(s for s in doc.statements if case["content"] in s.content.text)
    found = (statement.date.value if statement.date else "-", statement.date_source,
             "yes" if statement.local_time else "no")
    assert found == (case["date"], case["date_source"], case["local_time"])


def test_json_output_says_where_each_statement_date_comes_from():
    from wortlaut.formats import document_to_dict

    doc = analyze("Trump sagte am Donnerstag (Ortszeit), er habe viele Kriege beendet. Merkel sagte, die Lage sei ernst.")
    trump, merkel = document_to_dict(doc)["statements"]
    assert (trump["date_source"], trump["local_time"], trump["day"]) == ("explicit", True, "2025-09-04")
    assert (merkel["date"], merkel["date_source"], merkel["day"]) == (None, "article", "2025-09-05")


def test_dates_the_statement_talks_about_are_kept_apart_from_when_it_was_said():
    [statement] = analyze("Merkel sagte am Donnerstag, am 8. September beginne die Konferenz.").statements
    assert statement.date.value == "2025-09-04"
    assert [(t.text, t.value) for t in statement.about] == [("8. September", "2025-09-08")]
