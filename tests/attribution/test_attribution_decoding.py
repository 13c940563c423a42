"""From the taggers' labels to statements (wortlaut.attribution.decoding)."""

from __future__ import annotations

import pytest

from helpers import index_of, indices_of, rules_only, words
from wortlaut.attribution.config import DECODING
from wortlaut.attribution.decoding import (
    complete_cue,
    connected_message,
    decode_cues,
    decode_roles,
    join_wie,
    learned_cue,
    learned_statement,
    with_apposition,
)


def test_decode_cues_groups_discontinuous_parts():
    # "teilte … mit" is one cue; a second B starts another one
    assert decode_cues(["O", "B", "O", "I", "B", "O"], 10) == [[11, 13], [14]]


def test_source_is_the_tagged_stretch_nearest_the_cue():
    labels = ["S", "S", "O", "O", "O", "S", "S", "O", "M"]  # cue at position 7
    roles = decode_roles(labels, 100, [107])
    assert roles["S"] == [105, 106]
    assert roles["M"] == [108]


def test_wie_joins_the_verb_of_its_clause():
    doc = rules_only("Wie der Sprecher erklärte , gab es drei Verletzte .")
    assert join_wie(doc, [[0], [3]]) == [[0, 3]]
    assert learned_cue(doc, [0, 3]).text == "erklärte"  # the user sees the verb
    # a comma between: "wie" belongs to another clause
    doc = rules_only("Er kam , wie erwartet , und sagte , er sei müde .")
    wie, sagte = 3, 8
    assert join_wie(doc, [[wie], [sagte]]) == [[wie], [sagte]]


@pytest.mark.parametrize("text, cue, expected", [
    ("Der Minister hatte angekündigt , dass er komme .", "angekündigt", ["hatte", "angekündigt"]),
    ("Die Polizei gab das Ergebnis am Montag bekannt .", "gab", ["gab", "bekannt"]),
    ("Der Kanzler äußerte sich zufrieden .", "äußerte", ["äußerte", "sich"]),
    ("Sie sagte , er habe sich geirrt .", "sagte", ["sagte"]),  # "sich" of another clause stays out
    # the expletive "es" belongs to the cue
    ("Eine Heilung sei ausgeschlossen , heißt es .", "heißt", ["heißt", "es"]),
    ("Es wird erwartet , dass die Preise steigen .", "erwartet", ["Es", "wird", "erwartet"]),
    # "weiter" and a pronominal adverb after a plain verb of saying are no part of it
    ("Der Minister sagte weiter , er sei zufrieden .", "sagte", ["sagte"]),
    ("Der Minister sagte dazu , er sei zufrieden .", "sagte", ["sagte"]),
    ("Die Regierung forderte die Bürger dazu auf , Wasser zu sparen .", "forderte", ["forderte", "dazu", "auf"]),
    ("Die Organisation weist darauf hin , dass die Lage schwierig werde .", "weist", ["weist", "darauf", "hin"]),
    # "bezeichnete … als", but not a comparison's "als"
    ("Wiefelspütz bezeichnete die Äußerungen als „ Knaller aus Karlsruhe “ .", "bezeichnete", ["bezeichnete", "als"]),
    ("Er sagte , die Lage sei schlimmer als erwartet .", "sagte", ["sagte"]),
])
def test_cue_is_the_whole_verb_complex(text, cue, expected):
    doc = rules_only(text)
    assert words(doc, complete_cue(doc, [index_of(doc, cue)])) == expected


def test_message_stays_within_its_sentences():
    """A tagged stretch in the next sentence after an untagged full stop is another statement's."""
    doc = rules_only("Er sagte , er freue sich . Overath sagte : „ Ja , wir haben uns geeinigt . “")
    cue = [index_of(doc, "sagte")]
    own = list(range(3, 7))  # er freue sich
    other = list(range(11, 19))  # „ Ja , wir haben uns geeinigt
    roles = {"S": [0], "M": own + other, "A": []}
    assert connected_message(doc, own + other, cue, roles) == own
    # across the cue and source ("„…“, sagte er, „…“") the parts belong together
    doc = rules_only("„ Wir kommen “ , sagte er , „ und zwar bald . “")
    first, second = [0, 1, 2, 3], [8, 9, 10, 11, 12, 13]
    roles = {"S": [6], "M": first + second, "A": []}
    assert connected_message(doc, first + second, [5], roles) == first + second


@pytest.mark.parametrize("text, source, expected", [
    # the tagger stopped at the comma of a sentence-initial apposition
    ("Günther Platter , der Verteidigungsminister , sagte , er sei zufrieden .", ["der", "Verteidigungsminister"],
     ["Günther", "Platter", ",", "der", "Verteidigungsminister"]),
    ("Günther Platter , der Verteidigungsminister , sagte , er sei zufrieden .", ["Günther", "Platter"],
     ["Günther", "Platter", ",", "der", "Verteidigungsminister"]),
    # a comma clause that does not end right before the cue is no apposition
    ("Platter , der gestern kam , sagte , er sei zufrieden .", ["Platter"], ["Platter"]),
])
def test_source_takes_its_apposition(text, source, expected):
    doc = rules_only(text)
    assert words(doc, with_apposition(doc, indices_of(doc, source), [index_of(doc, "sagte")])) == expected


def test_learned_message_leaves_out_the_cue_clause():
    doc = rules_only("Eine Verschiebung bezeichnete Conze als fatal , die Wahl müsse stattfinden .")
    cue = [index_of(doc, "bezeichnete")]
    statement = learned_statement(doc, cue, {"S": [3], "M": list(range(11)), "A": []}, DECODING)
    assert words(doc, statement.content.tokens) == ["die", "Wahl", "müsse", "stattfinden"]
    # a quoted name closing the cue's clause is no part of the message
    doc = rules_only("Die Lage sei ernst , sagte Peskow mit Blick auf das Treffen der „ Koalition der Willigen “ .")
    message = list(range(4)) + list(range(index_of(doc, "„"), index_of(doc, "“") + 1))
    statement = learned_statement(doc, [index_of(doc, "sagte")], {"S": [], "M": message, "A": []}, DECODING)
    assert words(doc, statement.content.tokens) == ["Die", "Lage", "sei", "ernst"]


def test_learned_message_is_direct_only_when_it_opens_with_a_quotation():
    doc = rules_only("Singer erklärte , der Bericht sei „ ein grundlegendes Dokument für alle Länder “ .")
    cue = [index_of(doc, "erklärte")]
    statement = learned_statement(doc, cue, {"S": [0], "M": list(range(3, 15)), "A": []}, DECODING)
    assert statement.form == "indirect"
    statement = learned_statement(doc, cue, {"S": [0], "M": list(range(6, 15)), "A": []}, DECODING)
    assert statement.form == "direct"
    statement = learned_statement(doc, cue, {"S": [0], "M": list(range(6, 14)), "A": []}, DECODING)
    assert statement.content.text == "ein grundlegendes Dokument für alle Länder"  # shown without the marks
    assert words(doc, statement.content.tokens)[0] == "„"  # SpkAtt's message keeps them


def test_message_takes_the_head_of_its_opening_relative_clause():
    doc = rules_only("Die Sicherheit der Ukraine , die in die NATO strebt , sei wichtig , sagte Peskow .")
    relative = list(range(index_of(doc, "die"), index_of(doc, "wichtig") + 1))
    roles = {"S": [index_of(doc, "Peskow")], "M": relative, "A": []}
    statement = learned_statement(doc, [index_of(doc, "sagte")], roles, DECODING)
    assert words(doc, statement.content.tokens)[:5] == ["Die", "Sicherheit", "der", "Ukraine", ","]
    # without the refinement the message opens with the relative pronoun
    statement = learned_statement(doc, [index_of(doc, "sagte")], roles, ())
    assert words(doc, statement.content.tokens)[0] == "die"


def test_speaker_shown_for_a_source_of_angaben():
    doc = rules_only("Nach Angaben der Polizei gab es drei Verletzte .")
    roles = {"S": indices_of(doc, ["Angaben", "der", "Polizei"]), "M": list(range(5, 9)), "A": []}
    statement = learned_statement(doc, [0], roles, DECODING)
    assert statement.speaker.text == "der Polizei"  # the user sees who gave the Angaben
    assert words(doc, statement.source.tokens) == ["Angaben", "der", "Polizei"]  # SpkAtt's source
