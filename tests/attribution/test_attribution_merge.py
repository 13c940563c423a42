"""Learned statements meet the rules' (wortlaut.attribution.merge)."""

from __future__ import annotations

import pytest

from helpers import index_of, rules_only, statement_with
from wortlaut.attribution.merge import implausible_cue, negated, own_clause, quoted_name
from wortlaut.model import Role, Statement


def test_negation_in_the_cue_clause_not_in_the_message():
    doc = rules_only("Der Sprecher sagte nicht , dass die Lage ernst sei .")
    assert negated(doc, statement_with(doc, [2], list(range(5, 10))))
    doc = rules_only("Der Sprecher sagte , die Lage sei nicht ernst .")
    assert not negated(doc, statement_with(doc, [2], list(range(4, 9))))


@pytest.mark.parametrize("text, is_name", [
    ("Das berichtet die Zeitung „ Yemen Observer “ .", True),
    ("Er sprach mit der Fraktion „ Die Linke “ .", True),
    ("Der Minister nannte das „ völlig unrealistisch “ .", False),  # lower case: his words
    ("Die Opposition sprach von einem „ Wortbruch “ .", False),  # after a preposition: quoted
    # after a preposition and definite article: a paper, a programme
    ("Das schreibt Papier in der „ BILD am Sonntag “ .", True),
    ("Er sagte im „ Spiegel “ , die Lage sei ernst .", True),
    ("Er warnte vor der „ völligen Eskalation “ .", False),
])
def test_short_quoted_names_are_no_statements(text, is_name):
    doc = rules_only(text)
    opening, closing = index_of(doc, "„"), index_of(doc, "“")
    quote = Statement(id="", form="direct", content=Role.of(doc, range(opening, closing + 1), (opening + 1, closing - 1)))
    assert quoted_name(doc, quote) is is_name


def test_learned_content_in_a_clause_of_its_own():
    doc = rules_only("Der Umsatz wird steigen , teilte das Unternehmen mit .")
    cue = [index_of(doc, "teilte"), index_of(doc, "mit")]
    assert own_clause(doc, statement_with(doc, cue, [0, 1, 2, 3]))
    # the object of the cue verb is no clause of its own
    doc = rules_only("Stoiber begründete seinen Rückzug mit einer veränderten Lage .")
    assert not own_clause(doc, statement_with(doc, [1], [5, 6, 7, 8]))
    # an adverbial clause after the comma says how, not what
    doc = rules_only("Putin bezweifelte den Sinn , indem er die Legitimität infrage stellte .")
    assert not own_clause(doc, statement_with(doc, [1], list(range(5, 12))))


@pytest.mark.parametrize("text, cue, implausible", [
    ("Clinton hatte in der Regierung das Amt übernommen .", "hatte", True),
    ("Stunden nach dem Putsch sei die Lage ruhig gewesen .", "nach", True),
    ("Nach Angaben der Polizei sei die Lage ruhig .", "Nach", False),
    ("Nach einer weiteren Nachricht sei er gestorben .", "Nach", False),
    ("Nach Merkel sei die Lage ruhig .", "Nach", False),
    ("Green fuhr rechtzeitig los , mit der Mutter und drei Enkeltöchtern .", "los", True),
    ("Der Minister teilte mit , die Lage sei ernst .", "teilte", False),
])
def test_implausible_learned_cues(text, cue, implausible):
    doc = rules_only(text)
    statement = statement_with(doc, [index_of(doc, cue)], [len(doc.tokens) - 2])
    assert implausible_cue(doc, statement) is implausible
