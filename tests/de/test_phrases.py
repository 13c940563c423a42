"""Finding German phrases (wortlaut.de.phrases): subjects, noun phrases, clauses."""

from __future__ import annotations

import pytest

from helpers import index_of, rules_only, words
from wortlaut.de.phrases import (
    clause_end,
    clause_range,
    first_verb_subject,
    noun_phrase_backward,
    noun_phrase_forward,
    sentence_verb_subject,
)


@pytest.mark.parametrize("text, subject", [
    ("Die Medien sprechen von örtlichen Angestellten als Geiseln .", ["Die", "Medien"]),
    # a fronted adverbial: the subject follows the verb and ends where the object begins
    ("Am Montag kritisierte die Opposition den Plan der Regierung .", ["die", "Opposition"]),
    ("Gestern hatte er das Urteil scharf kritisiert .", ["er"]),
    # an accusative noun phrase first is no subject
    ("Den Unmut der CDU brachte die Sprecherin Annette Widmann-Mauz zum Ausdruck .",
     ["die", "Sprecherin", "Annette", "Widmann-Mauz"]),
])
def test_subject_of_the_first_verb(text, subject):
    doc = rules_only(text)
    sentence = doc.sentences[0]
    assert words(doc, first_verb_subject(doc, sentence.token_start, sentence.token_end)) == subject


@pytest.mark.parametrize("text, subject", [
    ("Das machte Peskow deutlich .", ["Peskow"]),  # a demonstrative Vorfeld gives way to the name after the verb
    ("Das Weiße Haus verlangte einen Rückzug .", ["Das", "Weiße", "Haus"]),  # "Das" as an article
    ("Auch das Außenministerium kritisierte den Anschlag .", ["das", "Außenministerium"]),
    ("Die Tat bezeichnete er als sinnlos .", ["er"]),  # a nominative-only pronoun after the verb
])
def test_subject_of_a_verb_in_its_clause(text, subject):
    doc = rules_only(text)
    assert words(doc, sentence_verb_subject(doc, doc.sentences[0])) == subject


def test_noun_phrases_with_their_attachments():
    doc = rules_only("Kreml-Sprecher Dmitri Peskow ( Russland ) sagte der Agentur Interfax zufolge etwas .")
    assert words(doc, noun_phrase_forward(doc, 0, len(doc.tokens))) == \
        ["Kreml-Sprecher", "Dmitri", "Peskow", "(", "Russland", ")"]
    zufolge = index_of(doc, "zufolge")
    assert words(doc, noun_phrase_backward(doc, zufolge - 1, 0)) == ["der", "Agentur", "Interfax"]


def test_a_short_quoted_name_does_not_end_a_clause():
    doc = rules_only("Der Sprecher sagte der „ Berliner Zeitung “ , dass die Preise steigen .")
    sentence = doc.sentences[0]
    assert words(doc, [clause_end(doc, index_of(doc, "sagte"), sentence)]) == ["“"]
    # the learned taggers' clause stops at every quotation mark
    assert words(doc, clause_range(doc, index_of(doc, "sagte"))) == ["Der", "Sprecher", "sagte", "der"]
