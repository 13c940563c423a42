"""The Konjunktiv rule (wortlaut.de.mood) on the cases of mood_cases.tsv and form_mood_cases.tsv."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import read_cases, tagged
from wortlaut.de.mood import form_mood

HERE = Path(__file__).parent


def mood_of(sentence: str, verb: str) -> str | None:
    matches = [token for token in tagged(sentence) if token.text == verb]
    assert matches, f"{verb!r} not in {sentence!r}"
    return matches[0].mood


@pytest.mark.parametrize("case", read_cases(HERE / "mood_cases.tsv"), ids=lambda case: case["sentence"])
def test_mood_of_finite_verbs(case):
    assert mood_of(case["sentence"], case["verb"]) == case["mood"]


@pytest.mark.parametrize("case", read_cases(HERE / "form_mood_cases.tsv"), ids=lambda case: f"{case['form']}-{case['lemma']}")
def test_form_mood(case):
    assert form_mood(case["form"], case["lemma"]) == case["mood"]


def test_subject_of_a_coordinated_verb_comes_from_the_clause_before() -> None:
    assert mood_of("Er sagte , er habe gewartet und habe dann protestiert .", "protestiert") is None
    tokens = tagged("Er sagte , er habe gewartet und habe dann protestiert .")
    assert [t.mood for t in tokens if t.text == "habe"] == ["subj1", "subj1"]
    tokens = tagged("Ich habe gewartet und habe dann protestiert .")
    assert [t.mood for t in tokens if t.text == "habe"] == ["amb", "amb"]


def test_sentence_initial_verb_without_subject_is_dropped_ich() -> None:
    assert mood_of("Habe die Ware gestern erhalten .", "Habe") in ("amb", None)


def test_non_finite_tokens_have_no_mood() -> None:
    tokens = tagged("Er habe viele Kriege beigelegt .")
    assert {t.text: t.mood for t in tokens if t.text != "habe"} == dict.fromkeys(
        ["Er", "viele", "Kriege", "beigelegt", "."]
    )
