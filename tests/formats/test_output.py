"""Output: the JSON contract, the readable table, SpkAtt predictions on the input's own tokens."""

from __future__ import annotations

import json

import pytest

import wortlaut
from wortlaut.formats import document_to_dict, to_json, to_table
from wortlaut.model import Document

TEXT = ("Merkel sagte am Freitag in Wladiwostok, die Lage sei ernst. Man müsse handeln.\n\n"
        '"Das ist gefährlich", betonte Scholz vor Reportern.')

STATEMENT_KEYS = {"id", "form", "speaker", "cue", "content", "date", "place", "via", "addressee", "sentence"}
SPEAKER_KEYS = {"entity", "name", "type", "text", "start", "end"}


@pytest.fixture(scope="module")
def doc() -> Document:
    return wortlaut.analyze(TEXT, date="2025-09-05", id="artikel-1", title="Lage ernst")


def test_contract_keys(doc):
    data = document_to_dict(doc)
    assert {"id", "date", "title", "headings", "entities", "statements", "times"} <= set(data)
    assert (data["id"], data["date"], data["title"], data["text"]) == ("artikel-1", "2025-09-05", "Lage ernst", TEXT)
    assert len(data["statements"]) == 3
    for statement in data["statements"]:
        assert STATEMENT_KEYS <= set(statement)
        assert set(statement["speaker"]) >= SPEAKER_KEYS
        assert statement["form"] in {"direct", "indirect", "reported"}


def test_offsets_index_into_text(doc):
    data = document_to_dict(doc)
    text = data["text"]
    spans = []
    for statement in data["statements"]:
        spans += [statement["speaker"], statement["content"]] + [statement[k] for k in ("cue", "addressee", "via")]
    spans += data["times"] + data["places"] + data["headings"]
    spans += [m for entity in data["entities"] for m in entity["mentions"]]
    checked = [span for span in spans if span is not None]
    assert len(checked) >= 10
    for span in checked:
        assert text[span["start"]:span["end"]] == span["text"]


def test_statement_values(doc):
    first, second, third = document_to_dict(doc)["statements"]
    assert first["speaker"]["text"] == "Merkel"
    assert first["content"]["text"] == "die Lage sei ernst"
    assert first["date"] == {"text": "Freitag", "value": "2025-09-05"}
    assert first["place"]["name"] == "Wladiwostok" and first["place"]["country"] == "RU"
    assert second["continuation"] and second["speaker"]["entity"] == first["speaker"]["entity"]
    assert third["form"] == "direct" and third["speaker"]["name"] == "Scholz"
    assert third["addressee"]["text"] == "Reportern"
    entity_ids = {e["id"] for e in document_to_dict(doc)["entities"]}
    assert first["speaker"]["entity"] in entity_ids


def test_json_serialises(doc):
    parsed = json.loads(to_json(doc))
    assert parsed == json.loads(json.dumps(document_to_dict(doc)))
    assert "ä" in to_json(doc)  # German letters stay readable


def test_table_shows_speaker_and_content(doc):
    table = to_table(doc)
    assert "3 statements" in table.splitlines()[0]
    assert "Merkel" in table and "Scholz" in table
    assert "die Lage sei ernst" in table
    assert "Das ist gefährlich" in table
    assert "Wladiwostok" in table
    assert table.splitlines()[1].split()[:4] == ["id", "form", "speaker", "cue"]  # issue 15: a header row


def test_table_marks_unsure_speakers_and_doubted_speech_acts():
    doc = wortlaut.analyze("Experten sagten, die Lage sei ernst. Die Regierung wies die Kritik zurück.", "2025-09-05")
    table = to_table(doc)
    speaker_line = next(line for line in table.splitlines() if "sagten" in line)
    assert "Experten (?)" in speaker_line  # unresolved: confidence under 0.5
    assert table.splitlines()[-1].startswith("(?) speaker resolved with confidence under 0.5")
