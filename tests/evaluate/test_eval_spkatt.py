"""SpkAtt scoring on tiny hand-made gold/prediction folders; expected numbers worked out by hand."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from helpers import SHARED
from wortlaut.evaluate.spkatt import (
    Annotation,
    SpkAttFormatError,
    evaluate_spkatt,
    evaluate_spkatt_docs,
    format_spkatt_report,
    pair_annotations,
)

SPKATT_TRAIN = SHARED / "data" / "spkatt-news" / "train"

SENTENCES = [
    {"SentenceId": 0, "Tokens": "Der Minister sagte , die Lage sei ernst und man müsse handeln .".split()},
    {"SentenceId": 1, "Tokens": "„ Wir bleiben hart “ , erklärte die Sprecherin den Journalisten .".split()},
]


def toks(sentence: int, first: int, last: int) -> list[str]:
    """Token references ``sentence:first`` .. ``sentence:last`` inclusive."""
    return [f"{sentence}:{t}" for t in range(first, last + 1)]


def annotation(message, cue=(), source=(), addr=(), form="Indirect") -> dict:
    return {"Message": list(message), "Cue": list(cue), "Source": list(source), "Addr": list(addr),
            "Form": form, "IsNested": False}


def write_doc(folder: Path, name: str, annotations: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    doc = {"DocumentName": name, "Sentences": SENTENCES, "Annotations": annotations}
    (folder / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


INDIRECT = annotation(toks(0, 4, 11), cue=["0:2"], source=toks(0, 0, 1))
DIRECT = annotation(toks(1, 1, 3), cue=["1:6"], source=toks(1, 7, 8), addr=toks(1, 9, 10), form="Direct")


def score(tmp_path: Path, gold: list[dict], pred: list[dict]) -> dict:
    write_doc(tmp_path / "gold", "doc", gold)
    write_doc(tmp_path / "pred", "doc", pred)
    return evaluate_spkatt(tmp_path / "gold", tmp_path / "pred")


def test_perfect_prediction_scores_one_everywhere(tmp_path):
    result = score(tmp_path, [INDIRECT, DIRECT], [DIRECT, INDIRECT])
    assert result["annotations"] == {"gold": 2, "predicted": 2, "paired": 2}
    for role in ("Message", "Cue", "Source", "Addr"):
        assert result["roles"][role]["f1"] == 1.0, role
        assert result["roles"][role]["precision"] == 1.0, role
        assert result["roles"][role]["recall"] == 1.0, role
    assert result["form"]["accuracy"] == 1.0
    assert result["missing_predictions"] == []


def test_missed_annotation_costs_recall_not_precision(tmp_path):
    result = score(tmp_path, [INDIRECT, DIRECT], [INDIRECT])
    assert result["annotations"] == {"gold": 2, "predicted": 1, "paired": 1}
    message = result["roles"]["Message"]
    # INDIRECT's 8 message tokens found, DIRECT's 3 missed: TP 8, FP 0, FN 3.
    assert (message["tp"], message["fp"], message["fn"]) == (8, 0, 3)
    assert message["precision"] == 1.0
    assert message["recall"] == pytest.approx(8 / 11)
    assert message["f1"] == pytest.approx(16 / 19)  # 2·8 / (2·8 + 0 + 3)
    # Source: 2 found, DIRECT's 2 missed -> R 0.5.  Addr: only DIRECT has one -> nothing found.
    assert result["roles"]["Source"]["recall"] == 0.5
    assert result["roles"]["Addr"]["fn"] == 2
    assert result["roles"]["Addr"]["f1"] == 0.0


def test_partial_message_overlap(tmp_path):
    gold = annotation(toks(0, 2, 9))  # 8 tokens: 0:2 .. 0:9
    pred = annotation(toks(0, 5, 11))  # 7 tokens: 0:5 .. 0:11, shares 0:5 .. 0:9 (5 tokens)
    message = score(tmp_path, [gold], [pred])["roles"]["Message"]
    # TP 5; FP 2 (0:10, 0:11); FN 3 (0:2, 0:3, 0:4).
    assert (message["tp"], message["fp"], message["fn"]) == (5, 2, 3)
    assert message["precision"] == pytest.approx(5 / 7)
    assert message["recall"] == pytest.approx(5 / 8)
    assert message["f1"] == pytest.approx(2 / 3)  # 2·5 / (2·5 + 2 + 3)


def test_hungarian_pairing_beats_greedy_in_order_pairing(tmp_path):
    # gold A: message 0:0..0:3 (4 tokens), source 1:0;  gold B: message 0:4..0:5, source 1:5.
    # pred X: message 0:1..0:5 (5 tokens), source 1:5;  pred Y: message 0:0, source 1:0.
    # Message overlap F1: A–X 2·3/9 = .667, A–Y 2·1/5 = .4, B–X 2·2/7 = .571, B–Y 0.
    # Greedy (A takes its best, X) leaves B with Y at F1 0: one pair, summed F1 .667.
    # Optimal: A–Y, B–X, summed F1 .971, two pairs, and each source lands on its own gold.
    gold_a = annotation(toks(0, 0, 3), source=["1:0"])
    gold_b = annotation(toks(0, 4, 5), source=["1:5"])
    pred_x = annotation(toks(0, 1, 5), source=["1:5"])
    pred_y = annotation(["0:0"], source=["1:0"])
    gold = [Annotation.from_json(a) for a in (gold_a, gold_b)]
    pred = [Annotation.from_json(a) for a in (pred_x, pred_y)]
    assert sorted(pair_annotations(gold, pred)) == [(0, 1), (1, 0)]

    result = score(tmp_path, [gold_a, gold_b], [pred_x, pred_y])
    assert result["annotations"]["paired"] == 2
    source = result["roles"]["Source"]
    assert (source["tp"], source["fp"], source["fn"]) == (2, 0, 0)  # greedy would give (0, 2, 2)
    message = result["roles"]["Message"]
    # A–Y: TP 1, FN 3.  B–X: TP 2, FP 3 (0:1..0:3).  Totals TP 3, FP 3, FN 3.
    assert (message["tp"], message["fp"], message["fn"]) == (3, 3, 3)
    assert message["f1"] == 0.5


def test_zero_overlap_is_no_pair(tmp_path):
    result = score(tmp_path, [annotation(toks(0, 0, 3), cue=["0:2"])], [annotation(toks(1, 0, 3), cue=["0:2"])])
    assert result["annotations"]["paired"] == 0
    # The cue tokens agree, but the annotations are unpaired: counted once as FP and once as FN.
    cue = result["roles"]["Cue"]
    assert (cue["tp"], cue["fp"], cue["fn"]) == (0, 1, 1)
    assert result["form"]["accuracy"] == 0.0


def test_form_accuracy_over_pairs_only(tmp_path):
    gold = [
        annotation(toks(0, 0, 1), form="Direct"),
        annotation(toks(0, 2, 3), form="Indirect"),
        annotation(toks(0, 4, 5), form="Reported"),
        annotation(toks(1, 0, 3), form="FreeIndirect"),  # not predicted: outside the accuracy
    ]
    pred = [
        annotation(toks(0, 0, 1), form="Direct"),
        annotation(toks(0, 2, 3), form="Direct"),  # wrong form
        annotation(toks(0, 4, 5), form="Reported"),
    ]
    result = score(tmp_path, gold, pred)
    assert result["form"] == {"correct": 2, "paired": 3, "accuracy": pytest.approx(2 / 3)}
    by_form = result["message_by_gold_form"]
    assert by_form["FreeIndirect"]["gold"] == 1 and by_form["FreeIndirect"]["recall"] == 0.0
    assert by_form["Indirect"]["f1"] == 1.0  # message found, only its form was wrong


def test_missing_prediction_file_counts_as_empty(tmp_path):
    write_doc(tmp_path / "gold", "one", [INDIRECT])
    write_doc(tmp_path / "gold", "two", [DIRECT])
    write_doc(tmp_path / "pred", "one", [INDIRECT])
    result = evaluate_spkatt(tmp_path / "gold", tmp_path / "pred")
    assert result["documents"] == 2
    assert result["missing_predictions"] == ["two.json"]
    assert result["annotations"] == {"gold": 2, "predicted": 1, "paired": 1}
    message = result["roles"]["Message"]
    assert (message["tp"], message["fp"], message["fn"]) == (8, 0, 3)


def test_prediction_without_gold_is_ignored_with_warning(tmp_path, caplog):
    write_doc(tmp_path / "gold", "one", [INDIRECT])
    write_doc(tmp_path / "pred", "one", [INDIRECT])
    write_doc(tmp_path / "pred", "stray", [DIRECT])
    with caplog.at_level(logging.WARNING):
        result = evaluate_spkatt(tmp_path / "gold", tmp_path / "pred")
    assert result["ignored_predictions"] == ["stray.json"]
    assert "stray.json" in caplog.text
    assert result["roles"]["Message"]["precision"] == 1.0


def test_document_filter_restricts_scoring(tmp_path):
    write_doc(tmp_path / "gold", "one", [INDIRECT])
    write_doc(tmp_path / "gold", "two", [DIRECT])
    write_doc(tmp_path / "pred", "one", [INDIRECT])
    result = evaluate_spkatt(tmp_path / "gold", tmp_path / "pred", documents={"one"})
    assert result["documents"] == 1
    assert result["roles"]["Message"]["f1"] == 1.0
    with pytest.raises(ValueError, match="three"):
        evaluate_spkatt(tmp_path / "gold", tmp_path / "pred", documents={"three.json"})


def test_bad_json_error_names_the_file(tmp_path):
    write_doc(tmp_path / "gold", "one", [INDIRECT])
    (tmp_path / "pred").mkdir()
    (tmp_path / "pred" / "one.json").write_text('{"Annotations": [', encoding="utf-8")
    with pytest.raises(SpkAttFormatError, match="one.json"):
        evaluate_spkatt(tmp_path / "gold", tmp_path / "pred")


def test_bad_token_reference_error_names_the_file(tmp_path):
    write_doc(tmp_path / "gold", "one", [INDIRECT])
    write_doc(tmp_path / "pred", "one", [{"Message": ["0-4"], "Form": "Direct"}])
    with pytest.raises(SpkAttFormatError, match=r"one\.json.*0-4"):
        evaluate_spkatt(tmp_path / "gold", tmp_path / "pred")


def test_in_memory_documents_accept_json_records():
    result = evaluate_spkatt_docs([([INDIRECT, DIRECT], [INDIRECT]), ([DIRECT], [])])
    assert result["documents"] == 2
    assert result["annotations"] == {"gold": 3, "predicted": 1, "paired": 1}
    # TP 8 (INDIRECT); FN 3 + 3 (DIRECT twice).
    assert result["roles"]["Message"]["recall"] == pytest.approx(8 / 14)


def test_report_shows_roles_and_counts(tmp_path):
    report = format_spkatt_report(score(tmp_path, [INDIRECT, DIRECT], [INDIRECT]))
    assert "gold 2, predicted 1, paired 1" in report
    message_row = next(line for line in report.splitlines() if line.startswith("Message "))
    assert message_row.split()[1:4] == ["1.000", "0.727", "0.842"]


@pytest.mark.skipif(not SPKATT_TRAIN.is_dir(), reason="needs ../shared/data/spkatt-news/train")
def test_gold_against_itself_is_perfect_on_real_data():
    result = evaluate_spkatt(SPKATT_TRAIN, SPKATT_TRAIN)
    assert result["documents"] == 700
    assert result["annotations"]["paired"] == result["annotations"]["gold"] == 2877
    assert all(score["f1"] == 1.0 for score in result["roles"].values())
