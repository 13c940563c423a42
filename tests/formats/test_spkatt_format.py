"""SpkAtt-2023 JSON (wortlaut.formats.spkatt): predictions on the input's own tokens."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import wortlaut
from helpers import SPKATT, needs
from wortlaut.formats import document_to_dict, read_file
from wortlaut.formats.spkatt import MIN_CONFIDENCE, gold_annotations, parse_ref, to_spkatt, token_refs, write_spkatt
from wortlaut.model import Document
from wortlaut.pipeline import Options, run

SPKATT_TOKENS = [
    ["„", "Das", "ist", "gefährlich", "“", ",", "betonte", "Scholz", "."],
    ["Merkel", "sagte", ",", "die", "Lage", "sei", "ernst", "."],
]


def spkatt_doc(tmp_path: Path) -> Document:
    path = tmp_path / "Artikel (2025-09-05).json"
    path.write_text(json.dumps({"DocumentName": "Artikel (2025-09-05)", "Annotations": [],
                                "Sentences": [{"SentenceId": n, "Tokens": t} for n, t in enumerate(SPKATT_TOKENS)]}),
                    encoding="utf-8")
    [doc] = read_file(path)
    return run(doc)


def words(data: dict, refs: list[str]) -> list[str]:
    return [data["Sentences"][sentence]["Tokens"][token] for sentence, token in map(parse_ref, refs)]


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


def test_spkatt_output_needs_spkatt_input():
    with pytest.raises(ValueError, match="SpkAtt"):
        to_spkatt(wortlaut.analyze("Merkel sagte, die Lage sei ernst.", date="2025-09-05"))


def test_spkatt_export_leaves_out_unlikely_speech_acts(tmp_path):
    """SpkAtt's annotators mark few speech acts; the export leaves out those the sentence tagger
    doubts, the document (and JSON) keeps them with their confidence."""
    doc = spkatt_doc(tmp_path)
    statement = doc.statements[0]
    act = replace(statement, id="S9", form="reported", spkatt_form=None, confidence=MIN_CONFIDENCE / 2)
    doc.statements.append(act)
    data = to_spkatt(doc)
    assert len(data["Annotations"]) == 2  # the doubted speech act is left out
    act.confidence = MIN_CONFIDENCE
    assert [a["Form"] for a in to_spkatt(doc)["Annotations"]].count("Reported") == 1
    assert document_to_dict(doc)["statements"][-1]["confidence"] == MIN_CONFIDENCE


def test_rule_speech_acts_get_a_confidence():
    doc = wortlaut.analyze("Putin wies die Forderung nach einem Treffen zurück.", date="2025-09-05")
    [act] = doc.statements
    assert act.form == "reported" and 0.0 <= act.confidence <= 1.0


def test_token_references_read_back():
    assert parse_ref("3:12") == (3, 12)
    with pytest.raises(ValueError, match="sentence:token"):
        parse_ref("312")


@needs(SPKATT)
def test_gold_annotations_as_document_tokens():
    path = sorted(SPKATT.glob("*.json"))[0]
    [doc] = read_file(path)
    doc = run(doc, Options(pipeline=("segment",)))
    gold = gold_annotations(path, doc)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(gold) == len(data["Annotations"])
    for annotation, raw in zip(gold, data["Annotations"]):
        assert token_refs(doc, annotation["message"]) == sorted(raw["Message"], key=parse_ref)
        assert annotation["form"] == raw["Form"] and annotation["nested"] == bool(raw.get("IsNested"))
