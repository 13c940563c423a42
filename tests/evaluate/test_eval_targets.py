"""``wortlaut eval targets``: gold statements matched by content, their targets paired by name."""

from __future__ import annotations

import json

import pytest

from helpers import DATA, REPO, needs
from wortlaut.cli import main
from wortlaut.evaluate.targets import TargetGoldError, evaluate_targets, names_match, read_gold

GOLD_PATH = "training/targets/gold.jsonl"


def gold(message: str, *targets: tuple[str, str, str], split: str = "dev") -> dict:
    return {"id": message[:10], "file": "a", "ann_index": 0, "message_text": message, "split": split,
            "targets": [{"name": n, "type": t, "how": h} for n, t, h in targets]}


def statement(content: str, *targets: tuple[str, str, str]) -> dict:
    return {"content": {"text": content}, "targets": [{"name": n, "type": t, "how": h, "text": n}
                                                      for n, t, h in targets]}


def test_names_match_by_normalised_name_country_and_surname():
    assert names_match({"name": "Die Grünen", "type": "organisation"}, {"name": "grünen"})
    assert names_match({"name": "Robert-Koch-Institut", "type": "organisation"}, {"name": "Robert Koch Institut"})
    assert names_match({"name": "Vereinigtes Königreich", "type": "country"}, {"name": "Großbritannien"})
    assert names_match({"name": "Vincio Luna", "type": "person"}, {"name": "Luna"})
    assert not names_match({"name": "Vincio Luna", "type": "person"}, {"name": "Lunawerk"})
    assert not names_match({"name": "Ryanair", "type": "organisation"}, {"name": "Flughafen Bremen"})
    assert names_match({"name": "IAEA|Internationale Atomenergieorganisation", "type": "organisation"},
                       {"name": "Internationale Atomenergieorganisation"})


def test_pairs_are_scored_per_statement_kind_and_split():
    records = [gold("Russland habe die Ukraine angegriffen", ("Russland", "country", "mention"),
                    ("Ukraine", "country", "mention")),
               gold("er werde ihn nicht treffen", ("Donald Trump", "person", "pronoun")),
               gold("die Lage sei ernst", split="test"),
               gold("niemand fand diesen Satz", ("NATO", "organisation", "mention"), split="test")]
    predictions = {"a": [statement("Russland habe die Ukraine angegriffen", ("Russland", "country", "mention"),
                                   ("EU", "organisation", "mention")),
                         statement("er werde ihn nicht treffen", ("Trump", "person", "pronoun")),
                         statement("die Lage sei ernst", ("Lage", "organisation", "mention"))]}
    result = evaluate_targets(records, predictions)
    dev = result["dev"]
    assert (dev["statements"], dev["found"]) == (2, 2)
    assert dev["found_scope"] == {"gold": 3, "predicted": 3, "right": 2, "precision": 0.6667,
                                       "recall": 0.6667, "f1": 0.6667}
    assert dev["by_kind"]["pronoun"]["recall"] == 1.0 and dev["by_kind"]["mention"]["precision"] == 0.5
    assert [e["missed"] for e in dev["errors"]] == [["Ukraine"]]
    test = result["test"]
    assert (test["found"], test["found_scope"]["gold"], test["end_to_end"]["gold"]) == (1, 0, 1)
    assert test["found_scope"]["precision"] == 0.0 and test["end_to_end"]["recall"] == 0.0
    assert result["all"]["end_to_end"]["right"] == 2


def test_bad_gold_is_refused_with_its_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"file": "a", "message_text": "x", "targets": [{"name": "X", "how": "vielleicht"}]})
                    + "\n", encoding="utf-8")
    with pytest.raises(TargetGoldError, match=r"gold.jsonl:1: unknown how"):
        read_gold(path)
    path.write_text("{kaputt\n", encoding="utf-8")
    with pytest.raises(TargetGoldError, match=r"gold.jsonl:1: not JSON"):
        read_gold(path)


def test_cli_scores_a_split(tmp_path, capsys):
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        gold("Russland habe angegriffen", ("Russland", "country", "mention")),
        gold("die NATO tagte", ("NATO", "organisation", "mention"), split="test")]) + "\n", encoding="utf-8")
    pred_path.write_text(json.dumps({"id": "a", "statements": [
        statement("Russland habe angegriffen", ("Russland", "country", "mention"))]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    assert main(["eval", "targets", str(gold_path), str(pred_path), "--split", "dev", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result) == ["dev"] and result["dev"]["found_scope"]["f1"] == 1.0
    assert main(["eval", "targets", str(gold_path), str(pred_path), "--split", "validation"]) == 2
    assert main(["eval", "targets", str(gold_path)]) == 2


@needs(DATA / "spkatt-news" / "train")
def test_committed_gold_is_the_sample_with_labels():
    """The gold's statements are exactly what the sampler draws (split fixed by SHA-1 key)."""
    from training.targets.sample import drawn_articles

    records = read_gold(REPO / GOLD_PATH)
    drawn = [row for _, _, rows in drawn_articles(DATA / "spkatt-news" / "train") for row in rows]
    assert [(r["id"], r["split"], r["message_text"]) for r in records] == \
           [(r["id"], r["split"], r["message_text"]) for r in drawn]
    assert len(records) >= 200 and {r["split"] for r in records} == {"dev", "test"}
