"""Statements by rule: direct and indirect speech, nominal attributions, reported acts, continuations."""

from __future__ import annotations

import datetime as dt

import pytest

import wortlaut
from wortlaut.model import Document, Statement


def analyze(text: str) -> Document:
    return wortlaut.analyze(text, date="2025-09-05")


def only_statement(text: str) -> Statement:
    doc = analyze(text)
    assert len(doc.statements) == 1, [s.content.text for s in doc.statements]
    return doc.statements[0]


def test_direct_quote_with_cue_after():
    statement = only_statement('"Wir kommen morgen", sagte Merkel am Montag.')
    assert statement.form == "direct"
    assert statement.speaker.text == "Merkel"
    assert statement.content.text == "Wir kommen morgen"
    assert statement.cue.text == "sagte"
    assert not statement.continuation


def test_direct_quote_with_cue_before_and_colon():
    statement = only_statement("Scholz sagte: „Das ist falsch.“")
    assert statement.form == "direct"
    assert statement.speaker.text == "Scholz"
    assert statement.cue.text == "sagte"
    assert statement.content.text.startswith("Das ist falsch")


def test_interrupted_quote_is_one_statement_without_the_cue_clause():
    doc = analyze("»Das ist gut«, sagte er, »und das bleibt so.«")
    assert len(doc.statements) == 1
    statement = doc.statements[0]
    assert statement.form == "direct"
    assert statement.speaker.text == "er"
    assert statement.content.text.startswith("Das ist gut")
    assert "und das bleibt so" in statement.content.text
    content_words = {doc.tokens[i].text for i in statement.content_tokens}
    assert "sagte" not in content_words
    assert set(statement.cue_tokens).isdisjoint(statement.content_tokens)


def test_indirect_speech_with_dass_clause():
    statement = only_statement("Der Minister betonte, dass die Lage ernst sei.")
    assert statement.form == "indirect"
    assert statement.speaker.text == "Der Minister"
    assert statement.cue.text == "betonte"
    assert statement.content.text == "dass die Lage ernst sei"


def test_content_first_konjunktiv_one():
    statement = only_statement("Die Lage sei ernst, sagte der Minister.")
    assert statement.form == "indirect"
    assert statement.speaker.text == "der Minister"
    assert statement.cue.text == "sagte"
    assert statement.content.text == "Die Lage sei ernst"


def test_zufolge_attribution():
    statement = only_statement("Der Polizei zufolge gab es drei Verletzte.")
    assert statement.form == "indirect"
    assert statement.speaker.text == "Der Polizei"
    assert statement.cue.text == "zufolge"
    assert statement.content.text == "gab es drei Verletzte"


def test_nach_angaben_attribution():
    statement = only_statement("Nach Angaben der Polizei gab es drei Verletzte.")
    assert statement.speaker.text == "der Polizei"
    assert statement.cue.text == "Nach Angaben"
    assert statement.content.text == "gab es drei Verletzte"


def test_nach_ukrainischen_angaben_resolves_to_the_country():
    statement = only_statement("Nach ukrainischen Angaben gab es drei Verletzte.")
    assert statement.speaker.text == "ukrainischen"
    assert statement.speaker.name == "Ukraine"
    assert statement.content.text == "gab es drei Verletzte"


def test_laut_attribution():
    statement = only_statement("Laut Innenministerium gab es drei Verletzte.")
    assert statement.speaker.text == "Innenministerium"
    assert statement.cue.text == "Laut"
    assert statement.content.text == "gab es drei Verletzte"


def test_wie_clause_attribution():
    statement = only_statement("Wie der Sprecher erklärte, gab es drei Verletzte.")
    assert statement.speaker.text == "der Sprecher"
    assert statement.cue.text == "erklärte"
    assert statement.content.text == "gab es drei Verletzte"


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


def test_reported_speech_act():
    statement = only_statement("Putin wies die Forderung zurück.")
    assert statement.form == "reported"
    assert statement.speaker.text == "Putin"
    assert statement.cue.text == "wies"
    assert "die Forderung" in statement.content.text


@pytest.mark.parametrize("text", [
    "Gespräche in Moskau würden die Position stärken.",  # Konjunktiv II: a hypothesis, not reported speech
    "Österreich hat Beobachterstatus.",
    "Merkel äußerte sich nicht.",  # negated: nothing was said
    "Die sogenannte „Koalition der Willigen“ tagte.",  # a name in quotation marks
    "Der Sprecher sagte nicht, dass die Lage ernst sei.",  # negated cue
])
def test_not_a_statement(text):
    assert analyze(text).statements == []


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
    from wortlaut.pipeline import RULES_PIPELINE, Options

    return wortlaut.analyze(text, date="2025-09-05", options=Options(pipeline=RULES_PIPELINE)).statements


@pytest.mark.parametrize(("text", "speaker", "content"), [
    # HanTa reads "weiter" as a separable particle; "weitersagen" is no speech verb of its own
    ("Rice sagte weiter, der Iran habe eine Chance.", "Rice", "der Iran habe eine Chance"),
    # a coordinated speech verb shares the subject of the first clause
    ("Podolski war ebenfalls anwesend und sagte, er freue sich.", "Podolski", "er freue sich"),
    # a quoted newspaper name inside the cue clause does not end it
    ("Der Staatssekretär sagte der „Berliner Zeitung“, dass die Preise steigen.", "Der Staatssekretär",
     "dass die Preise steigen"),
    # a sentence-opening name with its apposition, closed by the comma before the verb
    ("Frank Biermann, Vorsitzender der Gewerkschaft, kritisierte, die Entscheidung sei falsch.",
     "Frank Biermann, Vorsitzender der Gewerkschaft", "die Entscheidung sei falsch"),
    # the comma left out before "dass" and before a zu-infinitive after a participle cue
    ("Pérez hoffte dass der Geist wach ist.", "Pérez", "dass der Geist wach ist"),
    ("Der Konzern Philips hat angekündigt die Preise im Oktober zu erhöhen.", "Der Konzern Philips",
     "die Preise im Oktober zu erhöhen"),
    # the participle cue after an apposition that closes the subject
    ("Gestern hatte der Investor, Larry Silverstein, zugesagt, nicht weiter zu bauen.",
     "der Investor, Larry Silverstein", "nicht weiter zu bauen"),
])
def test_cue_verb_rules(text, speaker, content):
    found = rules(text)
    assert [(s.speaker.text, s.content.text) for s in found] == [(speaker, content)]


def test_separable_particle_after_an_apposition():
    """``teilte … mit``: the particle closes the sentence after the speaker's apposition."""
    (statement,) = rules("Es sei kein Notsignal gesendet worden, teilte der Direktor der Behörde, "
                         "Bagus Puruhito, mit.")
    assert statement.content.text == "Es sei kein Notsignal gesendet worden"
    assert statement.speaker.text == "der Direktor der Behörde, Bagus Puruhito"
    assert statement.cue.text == "teilte"
    assert len(statement.cue_tokens) == 2  # "teilte" and "mit": mitteilen is the speech verb


def test_heisst_es_names_the_document():
    (statement,) = rules("Die Lage sei ernst, heißt es in dem Bericht der Kommission.")
    assert statement.speaker.text == "dem Bericht der Kommission"
    assert statement.content.text == "Die Lage sei ernst"


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Nach einer norwegischen Studie wird das Risiko verdreifacht.", "einer norwegischen Studie",
     "wird das Risiko verdreifacht"),
    ("Der Chef verwies auf Studien, nach denen Homöopathie wirksam sei.", "denen", "Homöopathie wirksam sei"),
    ("Dem Gericht liegt ein Gutachten vor, laut dem das Kind misshandelt wurde.", "dem",
     "das Kind misshandelt wurde"),
])
def test_nominal_cues_with_determiners_and_relative_pronouns(text, speaker, content):
    assert [(s.speaker.text, s.content.text) for s in rules(text)] == [(speaker, content)]


def test_no_genitive_after_a_name():
    (statement,) = rules("„Das ist gefährlich“, sagte Peskow der Agentur Interfax.")
    assert statement.speaker.text == "Peskow"


def test_name_and_colon_introduce_a_quotation():
    found = rules("Der Minister reiste ab.\n\nBundesinnenminister Schäuble: „Wir können die Daten nicht vernichten.“")
    assert [(s.form, s.speaker.text) for s in found] == [("direct", "Bundesinnenminister Schäuble")]


def test_quoted_words_after_an_indefinite_article_are_the_speakers_words():
    found = rules("Karsai sagte, Afghanistan sei ein „Opfer des Terrorismus“.")
    assert [s.form for s in found] == ["indirect", "direct"]
    assert found[1].content.text == "Opfer des Terrorismus"
    assert found[1].nested_in is found[0]



def test_content_ends_at_a_sentence_end_the_given_split_missed():
    """SpkAtt input keeps its own sentences, and one of them may hold two."""
    from wortlaut.pipeline import RULES_PIPELINE, Options, run

    tokens = ["Er", "hatte", "angekündigt", ",", "mehr", "zu", "investieren", ".", "Im", "Mai", "wurde", "bekannt",
              ",", "dass", "er", "verkauft", "."]
    doc = run(Document.from_tokens([tokens], date=dt.date(2025, 9, 5)), Options(pipeline=RULES_PIPELINE))
    first = next(s for s in doc.statements if s.cue is not None and s.cue.text == "angekündigt")
    assert first.content.text == "mehr zu investieren"


def test_quotation_after_a_colon_sentence_of_the_given_split():
    """SpkAtt input ends a sentence at the colon; the cue clause before it introduces the quotation."""
    from wortlaut.pipeline import RULES_PIPELINE, Options, run

    sentences = [["Der", "Abgeordnete", "Michael", "Müller", "bezweifelte", "offen", "die", "Eignung", "Merkels", ":"],
                 ["„", "Sie", "kann", "das", "nicht", ".", "“"]]
    doc = run(Document.from_tokens(sentences, date=dt.date(2025, 9, 5)), Options(pipeline=RULES_PIPELINE))
    [statement] = doc.statements  # no speech act of its own for the colon sentence
    assert statement.form == "direct" and statement.cue.text == "bezweifelte"
    assert statement.speaker.text == "Der Abgeordnete Michael Müller"
    assert statement.content.text.startswith("Sie kann das nicht")
    # a sentence closed by a full stop introduces nothing
    sentences[0][-1] = "."
    doc = run(Document.from_tokens(sentences, date=dt.date(2025, 9, 5)), Options(pipeline=RULES_PIPELINE))
    quote = next(s for s in doc.statements if s.form == "direct")
    assert quote.cue is None or quote.cue.text != "bezweifelte"


def test_whole_sentence_statements_keep_the_full_stop_for_spkatt():
    """SpkAtt's message of a continuation or reported sentence ends with its full stop; the text
    the user sees does not."""
    doc = analyze("Merkel sagte , die Lage sei ernst . Man müsse jetzt handeln . Putin beharrte auf seiner Position .")
    continuation = next(s for s in doc.statements if s.content.text.startswith("Man müsse"))
    assert continuation.content.text == "Man müsse jetzt handeln"
    assert doc.tokens[continuation.content_tokens[-1]].text == "."
    indirect = next(s for s in doc.statements if s.cue is not None and s.cue.text == "sagte")
    assert doc.tokens[indirect.content_tokens[-1]].text == "ernst"


@pytest.mark.parametrize(("text", "cue", "speaker", "content"), [
    # a verb of saying beyond the cue lexicon announces the quotation with the colon
    ("In seiner Pressemitteilung resümiert Hartmut Lierow: „Die Haft hat ihn zerrüttet.“", "resümiert",
     "Hartmut Lierow", "Die Haft hat ihn zerrüttet."),
    # the subject of a coordinated verb is the first verb's
    ("Ein Fluggast eilte zu Hilfe, dann biss der Randalierer den Fluggast und rief: „Lasst mich raus!“",
     "rief", "der Randalierer", "Lasst mich raus!"),
    # "mit den Worten" makes any verb a cue (the shown cue is the verb; the cue tokens take the phrase)
    ("Im Kongress warb Obama für das Gesetz mit den Worten: „Das bedeutet neue Atommeiler.“",
     "warb", "Obama", "Das bedeutet neue Atommeiler."),
    # a pronominal adverb tagged as the verb's particle does not change the verb
    ("Er sagte damals dazu: „Lohnverzicht bringt den Arbeitslosen nichts“.", "sagte", "Er",
     "Lohnverzicht bringt den Arbeitslosen nichts"),
    # a role noun before the colon names the speaker (HanTa tags the unknown surname NN)
    ("BKA-Präsident Ziercke: „Mit diesem Ansatz setzt das BKA ein Signal.“", None, "BKA-Präsident Ziercke",
     "Mit diesem Ansatz setzt das BKA ein Signal."),
    ("Koppelin wörtlich: „Sie ziehen den Bürgern das Geld aus der Tasche.“", "wörtlich", "Koppelin",
     "Sie ziehen den Bürgern das Geld aus der Tasche."),
])
def test_quotation_announced_by_a_colon(text, cue, speaker, content):
    [statement] = rules(text)
    assert statement.form == "direct"
    assert (statement.cue.text if statement.cue else None, statement.speaker.text, statement.content.text) \
        == (cue, speaker, content)


def test_announcing_phrase_joins_the_cue_tokens():
    [statement] = rules("Ein Fernsehsender zitierte den Premier mit den Worten: „Ich klebe nicht an meinem Stuhl.“")
    doc_words = statement.cue_tokens
    assert len(doc_words) == 4 and statement.cue.text == "zitierte"


def test_a_colon_after_a_verb_of_finding_announces_no_quotation():
    assert rules("Die Polizei fand im Auto einen Zettel: „Ich komme wieder.“") == []


@pytest.mark.parametrize(("text", "speaker"), [
    # "Das" as an article is no demonstrative Vorfeld ("Das sagte Merkel")
    ("Das Weiße Haus verlangte einen umgehenden Rückzug der Truppen.", "Das Weiße Haus"),
    ("Das Militär hat inzwischen eine Untersuchung angekündigt.", "Das Militär"),
    # a focus particle before the subject
    ("Auch das Außenministerium kritisierte den Anschlag als barbarische Tat.", "das Außenministerium"),
    # a nominative-only pronoun after the verb is the subject, the fronted noun phrase the object
    ("Die Tat bezeichnete er als sinnlos.", "er"),
])
def test_speech_act_subject(text, speaker):
    [statement] = rules(text)
    assert statement.form == "reported" and statement.speaker.text == speaker


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Nach Angaben der Gesellschaft für Menschenrechte kommt es selten zu Verhaftungen.",
     "der Gesellschaft für Menschenrechte", "kommt es selten zu Verhaftungen"),
    ("Nach Angaben von Ärzte ohne Grenzen mussten 10.000 Menschen ihre Heimat verlassen.",
     "Ärzte ohne Grenzen", "mussten 10.000 Menschen ihre Heimat verlassen"),
    ("Nach Angaben der Polizei wurden drei Menschen verletzt.", "der Polizei", "wurden drei Menschen verletzt"),
])
def test_fronted_nominal_cue_phrase_runs_to_the_finite_verb(text, speaker, content):
    [statement] = rules(text)
    assert (statement.speaker.text, statement.content.text) == (speaker, content)
