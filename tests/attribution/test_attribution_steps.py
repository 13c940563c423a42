"""The steps after the merge (wortlaut.attribution.steps) and the named-step configuration."""

from __future__ import annotations

import dataclasses

import pytest

from helpers import index_of, pretokenised, rules_only, statement_with, words
from wortlaut.attribution import AttributionConfig
from wortlaut.attribution.config import DECODING, STEPS
from wortlaut.attribution.steps import DOCUMENT_STEPS, STATEMENT_STEPS, Run, anaphoric_content, colon_cues, run_steps
from wortlaut.model import Role, Statement
from wortlaut.statements import join_continuations


def test_every_configured_step_exists_and_unknown_names_are_refused():
    assert set(STEPS) == set(DOCUMENT_STEPS) | set(STATEMENT_STEPS)
    with pytest.raises(ValueError, match="unknown 'colon_cue'"):
        AttributionConfig(steps=("colon_cue",))
    with pytest.raises(ValueError, match="decoding"):
        AttributionConfig(decoding=(*DECODING, "guess"))
    with pytest.raises(ValueError, match="merge_policy"):
        AttributionConfig(merge_policy="keep")


def run_step(doc, step) -> None:
    step(doc, Run(AttributionConfig(), None))


def test_anaphoric_pronoun_takes_the_sentence_before_as_what_was_said():
    doc = rules_only("Dem Torwart steht eine Operation bevor . Dies bestätigte Buffon gegenüber der Presse .")
    statement = statement_with(doc, [index_of(doc, "bestätigte")], [index_of(doc, "Dies")], form="reported")
    doc.statements = [statement]
    run_step(doc, anaphoric_content)
    assert words(doc, statement.content.tokens) == ["Dem", "Torwart", "steht", "eine", "Operation", "bevor", ".", "Dies"]
    assert statement.content.text == "Dem Torwart steht eine Operation bevor"
    assert statement.form == "indirect"


@pytest.mark.parametrize("text, earlier", [
    # "Das" as an article, not a pronoun: the verb does not follow it
    ("Die Lage ist ernst . Das Ministerium bestätigte den Bericht .", None),
    # the sentence before has a speaker of its own already
    ("Merkel sagte , die Lage sei ernst . Das bestätigte auch Scholz .", ("sagte", [3, 4, 5, 6])),
])
def test_anaphoric_pronoun_needs_a_sentence_nobody_is_quoted_in(text, earlier):
    doc = rules_only(text)
    statement = statement_with(doc, [index_of(doc, "bestätigte")], [index_of(doc, "Das")])
    doc.statements = [statement]
    if earlier:
        doc.statements.insert(0, statement_with(doc, [index_of(doc, earlier[0])], earlier[1]))
    run_step(doc, anaphoric_content)
    assert words(doc, statement.content.tokens) == ["Das"]


def test_adjacent_continuations_of_one_speaker_become_one_statement():
    doc = rules_only("Merkel sagte , die Lage sei ernst . Man müsse handeln . Die Regierung werde helfen . "
                     "Das Wetter war schön .")

    def statements(second_speaker: int) -> list[Statement]:
        found = [statement_with(doc, [1], [3, 4, 5, 6])]
        for number, speaker in ((1, 0), (2, second_speaker)):
            sentence = doc.sentences[number]
            content = list(range(sentence.token_start, sentence.token_end))
            found.append(Statement(id="", form="indirect", content=Role.of(doc, content, (content[0], content[-2])),
                                   sentence=number, source=Role([speaker]), continuation=True,
                                   spkatt_form="IndirectFreeIndirect"))
        return found

    doc.statements = statements(second_speaker=0)
    join_continuations(doc)
    assert len(doc.statements) == 2
    assert doc.statements[1].content.text == "Man müsse handeln . Die Regierung werde helfen"
    assert words(doc, doc.statements[1].content.tokens)[-1] == "."
    # another speaker keeps them apart
    doc.statements = statements(second_speaker=2)
    join_continuations(doc)
    assert len(doc.statements) == 3


def test_quotation_after_a_colon_sentence_takes_its_learned_cue():
    sentences = [["Hier", "sparte", "der", "Bundespräsident", "nicht", "mit", "Kritik", ":"],
                 ["„", "Jeder", "sollte", "das", "wissen", ".", "“"]]  # SpkAtt's split: the colon ends a sentence

    def placed(doc):
        lead = statement_with(doc, [1], list(range(7)), form="reported", source=[2, 3])
        said = Statement(id="", form="direct", content=Role.of(doc, range(8, 15), (9, 13)), sentence=1,
                         continuation=True)
        doc.statements = [lead, said]
        return said

    doc = pretokenised(sentences)
    said = placed(doc)
    run_step(doc, colon_cues)
    assert doc.statements == [said]
    assert words(doc, said.cue.tokens) == ["sparte"] and words(doc, said.source.tokens) == ["der", "Bundespräsident"]
    assert not said.continuation
    # without the colon the quotation keeps no cue
    doc = pretokenised([sentences[0][:-1] + ["."], sentences[1]])
    said = placed(doc)
    run_step(doc, colon_cues)
    assert said.cue.tokens == [] and len(doc.statements) == 2


@pytest.mark.parametrize("steps, completed", [(("complete_cues",), True), ((), False)])
def test_the_config_names_the_steps_that_run(steps, completed):
    doc = rules_only("Der Minister hatte angekündigt , dass er komme .")
    statement = statement_with(doc, [index_of(doc, "angekündigt")], [5, 6, 7])
    doc.statements = [statement]
    run_steps(doc, Run(dataclasses.replace(AttributionConfig(), steps=steps), None))
    assert words(doc, statement.cue.tokens) == (["hatte", "angekündigt"] if completed else ["angekündigt"])
