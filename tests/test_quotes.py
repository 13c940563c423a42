"""Quotations in every German quoting style, across sentences, and what is not a quotation."""

from __future__ import annotations

import pytest

from wortlaut.model import Document
from wortlaut.pipeline import Options, analyze
from wortlaut.quotes import is_quote_mark

SEGMENT_AND_QUOTES = Options(pipeline=("segment", "quotes"))


def quotes(text: str) -> Document:
    return analyze(text, "2025-09-05", options=SEGMENT_AND_QUOTES)


def quoted_texts(doc: Document) -> list[str]:
    return [doc.text[q.start:q.end] for q in doc.quotations]


@pytest.mark.parametrize("open_mark, close_mark", [
    ("„", "“"), ("»", "«"), ('"', '"'), ("‚", "‘"), ("“", "”"), ("«", "»"), ("„", "”"), ("›", "‹"),
])
def test_every_quoting_style(open_mark, close_mark):
    doc = quotes(f"{open_mark}Das ist gut{close_mark}, sagte er.")
    assert quoted_texts(doc) == ["Das ist gut"]
    quotation = doc.quotations[0]
    assert (quotation.open_mark, quotation.close_mark) == (open_mark, close_mark)
    assert [t.text for t in doc.tokens[quotation.token_start:quotation.token_end]] == ["Das", "ist", "gut"]
    assert all(t.in_quote for t in doc.tokens[quotation.token_start:quotation.token_end])
    assert not any(t.in_quote for t in doc.tokens[quotation.token_end:])
    assert doc.warnings == []


def test_quotation_spanning_sentences():
    doc = quotes("Er sagte: „Das ist gut. Das bleibt so.“ Dann ging er.")
    assert quoted_texts(doc) == ["Das ist gut. Das bleibt so."]
    assert len(doc.sentences) >= 2
    assert not any(t.in_quote for t in doc.tokens if t.text == "Dann")


def test_two_quotations_in_one_sentence():
    doc = quotes("„Das ist gut“, sagte er, „und das bleibt so.“")
    assert quoted_texts(doc) == ["Das ist gut", "und das bleibt so."]


def test_unbalanced_mark_warns_and_does_not_swallow_the_rest():
    text = "Er sagte: „Das ist gut. Dann ging er weg.\n\nIm zweiten Absatz steht ein „Zitat“ und mehr Text."
    doc = quotes(text)
    assert quoted_texts(doc) == ["Zitat"]
    assert len(doc.warnings) == 1 and "unbalanced" in doc.warnings[0]
    assert not any(t.in_quote for t in doc.tokens if t.text in {"Dann", "Absatz", "mehr"})


def test_apostrophe_is_not_a_quote_mark():
    doc = quotes("Wie geht's dir? Er sagte: „Gut.“")
    assert quoted_texts(doc) == ["Gut."]
    assert doc.warnings == []


def test_apostrophes_around_single_quotes():
    doc = quotes("Wie geht's dir? Er sagte: 'Gut so.' Sie ging's an.")
    assert quoted_texts(doc) == ["Gut so."]
    assert doc.warnings == []


def test_nested_single_quotes_inside_double_quotes():
    doc = quotes("„Er nannte es ‚Unsinn‘, und das stimmt“, sagte sie.")
    assert sorted(quoted_texts(doc)) == sorted(["Er nannte es ‚Unsinn‘, und das stimmt", "Unsinn"])


def test_is_quote_mark():
    for mark in "„“”»«‚‘’›‹\"'":
        assert is_quote_mark(mark)
    assert is_quote_mark("``") and is_quote_mark("''")
    assert not is_quote_mark("-") and not is_quote_mark("(")


def test_tokenised_double_apostrophes_pair_up():
    """SpkAtt writes quotation marks as ``''`` tokens: ``die Tageszeitung '' La Nacion ''``."""
    from wortlaut.model import Document
    from wortlaut.pipeline import Options, run

    doc = Document.from_tokens([["Die", "Zeitung", "''", "La", "Nacion", "''", "berichtet", "."]])
    doc = run(doc, Options(pipeline=("segment", "quotes")))
    assert [doc.text[q.start:q.end] for q in doc.quotations] == ["La Nacion"]
    assert not doc.warnings
