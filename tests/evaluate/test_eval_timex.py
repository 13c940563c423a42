"""Scoring time expressions against inline TIMEX2 files."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SHARED
from wortlaut.evaluate.timex import evaluate_timex, format_timex_report, read_document

GOLD = """<DOC>
<DOCID>toy</DOCID>
<DATETIME> <TIMEX2 val="2011-02-16T17:00:00">2011-02-16T17:00:00</TIMEX2> </DATETIME>
<TEXT>
Am <TIMEX2 val="1939-09-01">1. September 1939</TIMEX2> begann der Krieg. <TIMEX2 val="1939-09-03">Zwei Tage später</TIMEX2> erklärten Frankreich und Großbritannien den Krieg. Die Kämpfe dauerten <TIMEX2 val="P6Y">sechs Jahre</TIMEX2> &amp; mehr.
</TEXT>
</DOC>
"""


def test_read_document_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "toy.key.xml"
    path.write_text(GOLD, encoding="utf-8")
    doc = read_document(path)
    assert doc.date.isoformat() == "2011-02-16"
    assert [g.text for g in doc.gold] == ["1. September 1939", "Zwei Tage später", "sechs Jahre"]
    assert all(doc.text[g.start:g.end] == g.text for g in doc.gold)
    assert "&amp;" not in doc.text and "& mehr" in doc.text


def test_perfect_toy_document_scores_one(tmp_path: Path) -> None:
    (tmp_path / "toy.key.xml").write_text(GOLD, encoding="utf-8")
    result = evaluate_timex(tmp_path)
    assert result["strict"]["f1"] == 1.0
    assert result["value_accuracy"] == 1.0
    assert "strict" in format_timex_report(result)


def test_missed_expression_lowers_recall(tmp_path: Path) -> None:
    gold = GOLD.replace("begann der Krieg", 'begann der <TIMEX2 val="XXXX">Krieg</TIMEX2>')
    (tmp_path / "toy.key.xml").write_text(gold, encoding="utf-8")
    result = evaluate_timex(tmp_path)
    assert result["strict"]["recall"] == pytest.approx(3 / 4)
    assert result["strict"]["precision"] == 1.0


def test_wikiwarsde() -> None:
    folder = SHARED / "data" / "wikiwarsde"
    if not folder.exists():
        pytest.skip("WikiWarsDE (../shared) not available")
    result = evaluate_timex(folder)
    assert result["lenient"]["f1"] > 0.85
    assert result["value_accuracy"] > 0.7
