"""The targets stage: whom a statement is about (entity mentions and pronouns in its content),
never the speaker nor the addressee."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import read_cases
from wortlaut.formats.json import document_to_dict
from wortlaut.model import invariant_violations
from wortlaut.pipeline import Options, analyze

# (text, the statement's content starts with, expected targets as (text, name, how))
CASES = [
    ("mention", "Friedrich Merz sagte, Russland habe die Ukraine angegriffen.",
     "Russland", [("Russland", "Russland", "mention"), ("Ukraine", "Ukraine", "mention")]),
    ("person mention", "Olaf Scholz lobte Emmanuel Macron am Montag.",
     "Olaf Scholz lobte", [("Emmanuel Macron", "Emmanuel Macron", "mention")]),
    ("pronoun in content", ("Wladimir Putin und Donald Trump trafen sich in Alaska. "
                            "Putin sagte, er werde sich nicht mit ihm treffen."),
     "er werde", [("ihm", "Donald Trump", "pronoun")]),
    ("pronoun in a quotation is not the speaker", ("Olaf Scholz lobte Emmanuel Macron. "
                                                   "„Er ist ein guter Freund“, sagte Scholz."),
     "Er ist", [("Er", "Emmanuel Macron", "pronoun")]),
    ("speaker excluded", "Friedrich Merz sagte, Friedrich Merz werde das nicht zulassen.",
     "Friedrich Merz werde", []),
    ("reflexive and first person are the speaker", ("„Ich werde mich dafür einsetzen“, sagte Friedrich Merz. "
                                                    "Merz sagte, er wolle sich nicht äußern."),
     "Ich werde", []),
    ("reported er is the speaker", "Annalena Baerbock sagte, sie werde nach Kiew reisen.",
     "sie werde", []),
    ("object pronoun back to the speaker", "Friedrich Merz sagte, Olaf Scholz habe ihn belogen.",
     "Olaf Scholz habe", [("Olaf Scholz", "Olaf Scholz", "mention")]),
    ("polite Sie is the addressee", "„Ich danke Ihnen“, sagte Friedrich Merz.",
     "Ich danke", []),
    ("organisation", "Der Kanzler Friedrich Merz sagte, die NATO müsse Russland abschrecken.",
     "die NATO", [("NATO", "NATO", "mention"), ("Russland", "Russland", "mention")]),
]


def _statement(doc, starts: str):
    return next(s for s in doc.statements if s.content.text.startswith(starts))


@pytest.mark.parametrize(("case", "text", "starts", "expected"), CASES, ids=[case[0] for case in CASES])
def test_targets(case, text, starts, expected):
    doc = analyze(text, "2025-09-05")
    statement = _statement(doc, starts)
    assert [(t.text, t.name, t.how) for t in statement.targets] == expected
    assert not invariant_violations(doc)


def test_addressee_words_are_no_target():
    doc = analyze("Friedrich Merz sagte gegenüber Emmanuel Macron, Russland müsse den Krieg beenden.", "2025-09-05")
    statement = _statement(doc, "Russland")
    names = [t.name for t in statement.targets]
    assert "Russland" in names
    if statement.addressee.span is not None:
        assert "Emmanuel Macron" not in names


def test_json_shows_targets():
    doc = analyze("Friedrich Merz sagte, Russland habe die Ukraine angegriffen.", "2025-09-05")
    shown = document_to_dict(doc)["statements"][0]["targets"]
    assert shown[0] == {"entity": shown[0]["entity"], "name": "Russland", "type": "country", "text": "Russland",
                        "start": doc.text.index("Russland"), "end": doc.text.index("Russland") + 8, "how": "mention"}


def test_pronouns_can_be_turned_off():
    text = "Wladimir Putin und Donald Trump trafen sich. Putin sagte, er werde sich nicht mit ihm treffen."
    options = Options().with_settings({"targets.pronouns": "false"})
    assert _statement(analyze(text, "2025-09-05", options=options), "er werde").targets == []


TARGET_CASES = read_cases(Path(__file__).with_name("target_cases.tsv"))


@pytest.mark.parametrize("case", TARGET_CASES, ids=[case["text"][:50] for case in TARGET_CASES])
def test_target_case(case):
    doc = analyze(case["text"], "2025-09-05")
    statement = next(s for s in doc.statements if case["content"] in s.content.text)
    expected = [] if case["targets"] == "-" else [tuple(t.split("/")) for t in case["targets"].split(";")]
    assert [(t.name, t.how) for t in statement.targets] == expected
