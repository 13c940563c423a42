"""Output: the JSON contract, the readable table, SpkAtt predictions on the input's own tokens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import wortlaut
from wortlaut.model import Document
from wortlaut.output import document_to_dict, to_json, to_spkatt, to_table, write_spkatt
from wortlaut.pipeline import run

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
    assert "in Wladiwostok" in table


SPKATT_TOKENS = [
    ["„", "Das", "ist", "gefährlich", "“", ",", "betonte", "Scholz", "."],
    ["Merkel", "sagte", ",", "die", "Lage", "sei", "ernst", "."],
]


def spkatt_doc(tmp_path: Path) -> Document:
    from wortlaut.readers import read_file

    path = tmp_path / "Artikel (2025-09-05).json"
    path.write_text(json.dumps({"DocumentName": "Artikel (2025-09-05)", "Annotations": [],
                                "Sentences": [{"SentenceId": n, "Tokens": t} for n, t in enumerate(SPKATT_TOKENS)]}),
                    encoding="utf-8")
    [doc] = read_file(path)
    return run(doc)


def words(data: dict, refs: list[str]) -> list[str]:
    result = []
    for ref in refs:
        sentence, token = map(int, ref.split(":"))
        result.append(data["Sentences"][sentence]["Tokens"][token])
    return result


def test_spkatt_round_trip(tmp_path):
    doc = spkatt_doc(tmp_path)
    data = to_spkatt(doc)
    assert [s["Tokens"] for s in data["Sentences"]] == SPKATT_TOKENS
    assert len(data["Annotations"]) == 2
    by_cue = {tuple(words(data, a["Cue"])): a for a in data["Annotations"]}
    direct, indirect = by_cue[("betonte",)], by_cue[("sagte",)]
    assert direct["Form"] == "Direct" and words(data, direct["Source"]) == ["Scholz"]
    assert "gefährlich" in words(data, direct["Message"])
    assert indirect["Form"] == "Indirect" and words(data, indirect["Source"]) == ["Merkel"]
    assert words(data, indirect["Message"]) == ["die", "Lage", "sei", "ernst"]
    assert all(ref.startswith("1:") for ref in indirect["Message"])


def test_write_spkatt_keeps_the_file_name(tmp_path):
    doc = spkatt_doc(tmp_path)
    path = write_spkatt(doc, tmp_path / "pred")
    assert path == tmp_path / "pred" / "Artikel (2025-09-05).json"
    assert json.loads(path.read_text(encoding="utf-8"))["Sentences"][0]["Tokens"] == SPKATT_TOKENS[0]


def test_spkatt_output_needs_spkatt_input(doc):
    with pytest.raises(ValueError, match="SpkAtt"):
        to_spkatt(doc)


def test_spkatt_export_leaves_out_unlikely_speech_acts(tmp_path):
    """SpkAtt's annotators mark few speech acts; the export leaves out those the sentence tagger
    doubts, the document (and JSON) keeps them with their confidence."""
    from dataclasses import replace

    from wortlaut.output import SPKATT_MIN_CONFIDENCE

    doc = spkatt_doc(tmp_path)
    statement = doc.statements[0]
    act = replace(statement, id="S9", form="reported", spkatt_form=None, confidence=SPKATT_MIN_CONFIDENCE / 2)
    doc.statements.append(act)
    data = to_spkatt(doc)
    assert len(data["Annotations"]) == 2  # the doubted speech act is left out
    act.confidence = SPKATT_MIN_CONFIDENCE
    assert [a["Form"] for a in to_spkatt(doc)["Annotations"]].count("Reported") == 1
    assert document_to_dict(doc)["statements"][-1]["confidence"] == SPKATT_MIN_CONFIDENCE


def test_rule_speech_acts_get_a_confidence():
    doc = wortlaut.analyze("Putin wies die Forderung nach einem Treffen zurück.", date="2025-09-05")
    [act] = doc.statements
    assert act.form == "reported" and 0.0 <= act.confidence <= 1.0
