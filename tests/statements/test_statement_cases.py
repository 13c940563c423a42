"""The statement cases of ``statement_cases.tsv``: sentence → form, speaker, cue, content."""

from __future__ import annotations

from pathlib import Path

import pytest

import wortlaut
from helpers import DATE, read_cases
from wortlaut.pipeline import DEFAULT_PIPELINE, RULES_PIPELINE, Options

CASES = Path(__file__).with_name("statement_cases.tsv")
PIPELINES = {"rules": RULES_PIPELINE, "all": DEFAULT_PIPELINE}


@pytest.mark.parametrize("case", read_cases(CASES), ids=lambda case: case["text"][:60])
def test_statement_case(case):
    text = case["text"].replace("\\n", "\n")
    doc = wortlaut.analyze(text, date=DATE, options=Options(pipeline=PIPELINES[case["pipeline"]]))
    statements = [s for s in doc.statements if s.nested_in is None]
    if case["form"] == "none":
        assert statements == [], [s.content.text for s in statements]
        return
    assert len(statements) == 1, [s.content.text for s in statements]
    [statement] = statements
    found = {"form": statement.form,
             "speaker": statement.speaker.text if statement.speaker else "-",
             "cue": statement.cue.text or "-",
             "content": statement.content.text,
             "resolved": statement.speaker.name if statement.speaker else "-"}
    expected = {column: case[column] for column in found if case[column]}
    assert {column: found[column] for column in expected} == expected


def test_the_case_table_is_well_formed():
    cases = read_cases(CASES)
    assert len(cases) >= 40
    for case in cases:
        assert case["pipeline"] in PIPELINES and case["text"], case
        assert case["form"] in {"", "none", "direct", "indirect", "reported"}, case
