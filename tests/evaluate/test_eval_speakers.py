"""``wortlaut eval speakers``: gold statements matched by content, speakers by the gold's last word."""

from __future__ import annotations

import json

from wortlaut.cli import main
from wortlaut.evaluate.speakers import evaluate_speakers, speaker_matches


def gold(kind: str, speaker: str, message: str, unnamed: bool = False) -> dict:
    return {"file": "a", "ann_index": 0, "source_text": "", "message_text": message, "kind": kind,
            "speaker": speaker, "unnamed": unnamed}


def statement(content: str, name: str | None, text: str = "") -> dict:
    return {"content": {"text": content}, "speaker": {"name": name, "text": text or name}}


def test_speaker_matches_the_last_word_whole_and_in_any_case():
    assert speaker_matches("Technisches Hilfswerk", "technisches hilfswerk")
    assert not speaker_matches("Technisches Hilfswerk", "Technischen Hilfswerks")
    assert speaker_matches("Hans Meier", "Meier")
    assert not speaker_matches("Hans Meier", "Meierhof")


def test_found_right_and_unnamed_are_counted_apart():
    records = [gold("name", "Hans Meier", "Die Brücke ist ein Symbol der Stadt"),
               gold("pronoun", "Hans Meier", "Wir bauen eine neue Schule am Markt"),
               gold("institution", "Feuerwehr", "drei Menschen wurden verletzt"),
               gold("unnamed", "Experten", "die Lage ist ernst", unnamed=True)]
    predictions = {"a": [statement("Die Brücke ist ein Symbol der Stadt", "Hans Meier"),
                         statement("Wir bauen eine neue Schule", "Eva Schulz"),
                         statement("die Lage ist ernst", None, "Experten")]}
    scores = evaluate_speakers(records, predictions).to_dict()
    assert scores["all"] == {"gold": 3, "found": 2, "right": 1, "accuracy": 0.3333, "found_rate": 0.6667,
                             "right_when_found": 0.5}
    assert scores["unnamed"]["right"] == 1 and scores["by_kind"]["institution"]["found"] == 0
    assert scores["errors"][0]["predicted"] == "Eva Schulz"


def test_cli_reports_by_kind(tmp_path, capsys):
    gold_file, pred_file = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_file.write_text(json.dumps(gold("name", "Hans Meier", "Die Brücke ist ein Symbol")) + "\n")
    pred_file.write_text(json.dumps({"id": "a", "statements": [statement("Die Brücke ist ein Symbol", "Meier")]}))
    assert main(["eval", "speakers", str(gold_file), str(pred_file)]) == 0
    assert "all named" in capsys.readouterr().out
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"file": "a"}\n')
    assert main(["eval", "speakers", str(bad), str(pred_file)]) == 1
    assert "bad.jsonl:1: missing" in capsys.readouterr().err
