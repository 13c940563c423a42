"""The document model's invariants (wortlaut.model), checked on what the pipeline makes of real text."""

from __future__ import annotations

import pytest

from helpers import DATA, EXAMPLE, analyze, needs, rules_only
from wortlaut.formats import read_file
from wortlaut.model import Document, Role, Span, Speaker, Statement, invariant_violations
from wortlaut.pipeline import RULES_PIPELINE, Options, run

SENTENCES = [
    '"Wir kommen", sagte Merkel am Montag in Berlin.',
    "»Das ist gut«, sagte er, »und das bleibt so.« Man müsse handeln.",
    "Der Minister sagte, der Pilot trage die „volle Verantwortung“ für den Unfall.",
    "Nach Kreml-Angaben gab es drei Verletzte. Demnach sei die Lage ruhig.",
    "Nach eigenen Angaben hat die Firma gespart. Putin wies die Forderung zurück.",
    "Dem Torwart steht eine Operation bevor. Dies bestätigte Buffon gegenüber der Presse.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_invariants_hold_for_hand_written_text(text):
    assert invariant_violations(analyze(text)) == []
    assert invariant_violations(rules_only(text)) == []


def test_invariants_hold_for_the_bundled_example():
    [doc] = read_file(EXAMPLE)
    assert invariant_violations(run(doc)) == []


def test_invariants_hold_for_the_seed_article(seed, seed_rules):
    assert invariant_violations(seed) == []
    assert invariant_violations(seed_rules) == []


@needs(DATA / "spkatt-news" / "test-blind")
@pytest.mark.parametrize("pipeline", ["all", "rules"])
def test_invariants_hold_for_news_articles(pipeline):
    options = Options() if pipeline == "all" else Options(pipeline=RULES_PIPELINE)
    paths = sorted((DATA / "spkatt-news" / "test-blind").glob("*.json"))[:25]
    problems = {}
    for path in paths:
        [doc] = read_file(path)
        found = invariant_violations(run(doc, options))
        if found:
            problems[path.name] = found
    assert problems == {}


def test_broken_invariants_are_reported():
    doc = Document(text="Merkel sagte etwas.")
    run(doc, Options(pipeline=("segment",)))
    statement_span = doc.token_span(2, 2)
    doc.statements = [Statement(id="S2", form="told", content=Role([2, 1], statement_span),
                                cue=Role([1]), source=Role([0], Speaker(0, 6, "Merkl", entity="E9")),
                                confidence=0.5)]
    problems = " | ".join(invariant_violations(doc))
    for expected in ("is number 1", "form 'told'", "not ascending", "cue shown False", "confidence on a told",
                     "speaker entity E9", "'Merkl' is not the text"):
        assert expected in problems


def test_a_role_shows_its_tokens_or_the_stages_reading():
    doc = run(Document(text="Nach eigenen Angaben wächst die Firma."), Options(pipeline=("segment",)))
    assert Role.of(doc, [0, 1, 2]).text == "Nach eigenen Angaben"
    role = Role.of(doc, [0], (0, 2))  # SpkAtt's cue is "Nach"; the user sees the phrase
    assert role.tokens == [0] and role.text == "Nach eigenen Angaben"
    assert Role().text is None and Role().start is None
    assert isinstance(Speaker(0, 4, "Nach"), Span)
