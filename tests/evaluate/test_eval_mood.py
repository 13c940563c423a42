"""Scoring the Konjunktiv rule against CoNLL-U gold moods."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from helpers import SHARED
from wortlaut.evaluate.mood import (
    evaluate_mood,
    format_mood_report,
    read_conllu,
    scores_from_counts,
)
from wortlaut.model import Document
from wortlaut.segment import segment

# Two sentences: GSD style (VerbForm=Fin) with a contraction, PUD style (Mood only).
CONLLU = """\
# text = Er sagte, er habe es zum Teil gesehen.
1\tEr\ter\tPRON\tPPER\tCase=Nom\t2\tnsubj\t_\t_
2\tsagte\tsagen\tVERB\tVVFIN\tMood=Ind|VerbForm=Fin\t0\troot\t_\tSpaceAfter=No
3\t,\t,\tPUNCT\t$,\t_\t2\tpunct\t_\t_
4\ter\ter\tPRON\tPPER\tCase=Nom\t9\tnsubj\t_\t_
5\thabe\thaben\tAUX\tVAFIN\tMood=Sub|VerbForm=Fin\t9\taux\t_\t_
6\tes\tes\tPRON\tPPER\t_\t9\tobj\t_\t_
7-8\tzum\t_\t_\t_\t_\t_\t_\t_\t_
7\tzu\tzu\tADP\tAPPR\t_\t9\tcase\t_\t_
8\tdem\tder\tDET\tART\t_\t9\tdet\t_\t_
9\tTeil\tTeil\tNOUN\tNN\t_\t2\tccomp\t_\t_
10\tgesehen\tsehen\tVERB\tVVPP\tVerbForm=Part\t2\tccomp\t_\tSpaceAfter=No
11\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_

# text = Das wäre gut.
1\tDas\tder\tPRON\tPDS\t_\t3\tnsubj\t_\t_
2\twäre\tsein\tAUX\tVBC\tMood=Sub|Tense=Past\t3\tcop\t_\t_
3\tgut\tgut\tADJ\tJJ\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
"""


@pytest.fixture
def conllu_file(tmp_path: Path) -> Path:
    path = tmp_path / "mini.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    return path


def test_reader_keeps_surface_tokens_and_finds_finite_verbs(conllu_file: Path) -> None:
    first, second = read_conllu(conllu_file)
    assert first.forms == ["Er", "sagte", ",", "er", "habe", "es", "zum", "Teil", "gesehen", "."]
    assert first.gold_moods == {1: "Ind", 4: "Sub"}
    assert second.gold_moods == {1: "Sub"}  # PUD: Mood without VerbForm


def test_document_offsets_point_at_the_tokens() -> None:
    doc = segment(Document.from_tokens([["Das", "sei", "gut", "."], ["Ja", "."]]))
    assert [doc.text[t.start : t.end] for t in doc.tokens] == ["Das", "sei", "gut", ".", "Ja", "."]
    assert doc.text[doc.sentences[1].start : doc.sentences[1].end] == "Ja ."
    assert doc.sentence_tokens(1)[0].sentence == 1


def test_scores_on_a_small_file(conllu_file: Path) -> None:
    scores = evaluate_mood([conllu_file])
    assert scores["verbs"] == 3
    assert scores["gold_sub"] == 2
    assert scores["true_positive"] == 2  # habe -> subj1, wäre -> subj2
    assert scores["confusion"]["Ind/amb"] == 1  # sagte: preterite or Konjunktiv II
    assert scores["f1"] == 1.0
    assert "F1 1.000" in format_mood_report(scores)


def test_ambiguous_counts_as_not_sub_in_the_main_score() -> None:
    scores = scores_from_counts(Counter({("Sub", "amb"): 1, ("Sub", "subj1"): 1, ("Ind", "amb"): 2}))
    assert scores["recall"] == 0.5
    assert scores["precision"] == 1.0
    assert scores["amb_as_sub"] == {"precision": 0.5, "recall": 1.0}


def test_real_treebank_development_file() -> None:
    path = SHARED / "data" / "ud-german" / "de_gsd-ud-dev.conllu"
    if not path.exists():
        pytest.skip("../shared/data/ud-german is not available")
    scores = evaluate_mood([path])
    assert scores["verbs"] > 1000
    assert scores["precision"] > 0.9
    assert scores["f1"] > 0.8
