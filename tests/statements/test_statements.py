"""Statements by rule: what the case table (statement_cases.tsv) cannot say — interrupted and
nested quotations, continuations, numbering, offsets, SpkAtt's token roles, given sentence splits."""

from __future__ import annotations

from helpers import analyze, pretokenised, words
from wortlaut.model import Statement
from wortlaut.pipeline import RULES_PIPELINE


def only_statement(text: str) -> Statement:
    doc = analyze(text)
    assert len(doc.statements) == 1, [s.content.text for s in doc.statements]
    return doc.statements[0]


def test_interrupted_quote_is_one_statement_without_the_cue_clause():
    doc = analyze("»Das ist gut«, sagte er, »und das bleibt so.«")
    assert len(doc.statements) == 1
    statement = doc.statements[0]
    assert statement.form == "direct"
    assert statement.speaker.text == "er"
    assert statement.content.text.startswith("Das ist gut")
    assert "und das bleibt so" in statement.content.text
    assert "sagte" not in words(doc, statement.content.tokens)
    assert set(statement.cue.tokens).isdisjoint(statement.content.tokens)
    assert [part.text for part in statement.content.parts] == ["Das ist gut", "und das bleibt so."]


def test_konjunktiv_continuation_keeps_the_speaker():
    doc = analyze("Merkel sagte, die Lage sei ernst. Man müsse handeln.")
    assert len(doc.statements) == 2
    first, second = doc.statements
    assert first.content.text == "die Lage sei ernst" and not first.continuation
    assert second.form == "indirect"
    assert second.continuation
    assert second.sentence == 1
    assert second.content.text == "Man müsse handeln"
    assert second.speaker.entity is not None
    assert second.speaker.entity == first.speaker.entity


def test_indicative_sentence_after_a_statement_is_no_continuation():
    doc = analyze("Merkel sagte, die Lage sei ernst. Am Abend regnete es.")
    assert [s.content.text for s in doc.statements] == ["die Lage sei ernst"]


def test_nested_quotation_inside_indirect_speech():
    doc = analyze("Der Minister sagte, der Pilot trage die „volle Verantwortung“ für den Unfall.")
    assert len(doc.statements) == 2
    parent = next(s for s in doc.statements if s.nested_in is None)
    child = next(s for s in doc.statements if s.nested_in is not None)
    assert parent.form == "indirect"
    assert "„volle Verantwortung“" in parent.content.text
    assert child.form == "direct"
    assert child.content.text == "volle Verantwortung"
    assert child.nested_in is parent
    assert child.speaker.entity == parent.speaker.entity


def test_statement_ids_follow_text_order():
    doc = analyze('"Das ist gut", sagte Merkel. Scholz sagte, die Lage sei ernst.')
    assert [s.id for s in doc.statements] == ["S1", "S2"]
    assert doc.statements[0].content.start < doc.statements[1].content.start
    assert [s.speaker.text for s in doc.statements] == ["Merkel", "Scholz"]


def test_content_offsets_index_into_the_text():
    doc = analyze("Nach Angaben der Polizei gab es drei Verletzte. Der Minister betonte, dass die Lage ernst sei.")
    for statement in doc.statements:
        assert doc.text[statement.content.start:statement.content.end] == statement.content.text
        assert doc.text[statement.speaker.start:statement.speaker.end] == statement.speaker.text
        assert doc.text[statement.cue.start:statement.cue.end] == statement.cue.text


def test_interrupted_quote_content_text_leaves_out_the_cue_clause():
    statement = only_statement("»Das ist gut«, sagte er, »und das bleibt so.«")
    assert "sagte" not in statement.content.text


# --- rules alone (the learned attribution stage left out) ------------------------------------

def rules(text: str) -> list[Statement]:
    return analyze(text, pipeline=RULES_PIPELINE).statements


def test_separable_particle_after_an_apposition():
    """``teilte … mit``: the particle closes the sentence after the speaker's apposition."""
    (statement,) = rules("Es sei kein Notsignal gesendet worden, teilte der Direktor der Behörde, "
                         "Bagus Puruhito, mit.")
    assert statement.content.text == "Es sei kein Notsignal gesendet worden"
    assert statement.speaker.text == "der Direktor der Behörde, Bagus Puruhito"
    assert statement.cue.text == "teilte"
    assert len(statement.cue.tokens) == 2  # "teilte" and "mit": mitteilen is the speech verb


def test_quoted_words_after_an_indefinite_article_are_the_speakers_words():
    found = rules("Karsai sagte, Afghanistan sei ein „Opfer des Terrorismus“.")
    assert [s.form for s in found] == ["indirect", "direct"]
    assert found[1].content.text == "Opfer des Terrorismus"
    assert found[1].nested_in is found[0]



def test_content_ends_at_a_sentence_end_the_given_split_missed():
    """SpkAtt input keeps its own sentences, and one of them may hold two."""
    tokens = ["Er", "hatte", "angekündigt", ",", "mehr", "zu", "investieren", ".", "Im", "Mai", "wurde", "bekannt",
              ",", "dass", "er", "verkauft", "."]
    doc = pretokenised([tokens], RULES_PIPELINE)
    first = next(s for s in doc.statements if s.cue.text == "angekündigt")
    assert first.content.text == "mehr zu investieren"


def test_quotation_after_a_colon_sentence_of_the_given_split():
    """SpkAtt input ends a sentence at the colon; the cue clause before it introduces the quotation."""
    sentences = [["Der", "Abgeordnete", "Michael", "Müller", "bezweifelte", "offen", "die", "Eignung", "Merkels", ":"],
                 ["„", "Sie", "kann", "das", "nicht", ".", "“"]]
    doc = pretokenised(sentences, RULES_PIPELINE)
    [statement] = doc.statements  # no speech act of its own for the colon sentence
    assert statement.form == "direct" and statement.cue.text == "bezweifelte"
    assert statement.speaker.text == "Der Abgeordnete Michael Müller"
    assert statement.content.text.startswith("Sie kann das nicht")
    # a sentence closed by a full stop introduces nothing
    sentences[0][-1] = "."
    doc = pretokenised(sentences, RULES_PIPELINE)
    quote = next(s for s in doc.statements if s.form == "direct")
    assert quote.cue.text != "bezweifelte"


def test_whole_sentence_statements_keep_the_full_stop_for_spkatt():
    """SpkAtt's message of a continuation or reported sentence ends with its full stop; the text
    the user sees does not."""
    doc = analyze("Merkel sagte , die Lage sei ernst . Man müsse jetzt handeln . Putin beharrte auf seiner Position .")
    continuation = next(s for s in doc.statements if s.content.text.startswith("Man müsse"))
    assert continuation.content.text == "Man müsse jetzt handeln"
    assert words(doc, continuation.content.tokens)[-1] == "."
    indirect = next(s for s in doc.statements if s.cue.text == "sagte")
    assert words(doc, indirect.content.tokens)[-1] == "ernst"


def test_announcing_phrase_joins_the_cue_tokens():
    [statement] = rules("Ein Fernsehsender zitierte den Premier mit den Worten: „Ich klebe nicht an meinem Stuhl.“")
    assert len(statement.cue.tokens) == 4 and statement.cue.text == "zitierte"




INTERVIEW = ("Die Ministerin Eva Schulz sprach mit uns über die Reform.\n\n"
             "Frage: Wann kommt die Reform?\n\n"
             "Schulz: Im nächsten Jahr. Wenn alles gut geht, schon im Frühjahr.\n\n"
             "Frage: Und die Kosten?\n\n"
             "Antwort: Die Kosten sind überschaubar.\n")


def test_interview_turns_are_statements_of_the_interviewee_not_of_the_interviewer():
    doc = analyze(INTERVIEW)
    turns = {s.content.text: s.speaker for s in doc.statements if s.form == "direct"}
    assert set(turns) == {"Im nächsten Jahr. Wenn alles gut geht, schon im Frühjahr.",
                          "Die Kosten sind überschaubar."}
    assert {speaker.text: speaker.name for speaker in turns.values()} == {"Schulz": "Eva Schulz",
                                                                        "Antwort": "Eva Schulz"}
    assert not any("Wann kommt" in s.content.text for s in doc.statements)


def test_a_single_colon_paragraph_is_no_interview():
    doc = analyze("Die Regierung legte den Haushalt vor.\n\nFazit: Die Schulden steigen weiter.\n")
    assert not any(s.speaker and s.speaker.text == "Fazit" for s in doc.statements)
