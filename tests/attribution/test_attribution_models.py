"""The learned attribution stage with the shipped models (wortlaut.attribution)."""

from __future__ import annotations

import pytest

from helpers import analyze, index_of, needs_models, rules_only, words
from wortlaut.attribution import AttributionConfig, attribute, load_attributor
from wortlaut.attribution.features import token_infos
from wortlaut.model import Document, Statement


def attributed(text: str) -> Document:
    return attribute(rules_only(text))


def with_cue(doc: Document, cue: str) -> Statement:
    found = [s for s in doc.statements if s.cue.text == cue]
    assert found, [(s.cue.text, s.content.text) for s in doc.statements]
    return found[0]


@needs_models
def test_models_load():
    attributor = load_attributor()
    assert attributor.cue_tagger.labels and set(attributor.role_tagger.labels) >= {"S", "M", "O"}
    assert set(attributor.sentence_tagger.labels) >= {"O", "C", "R", "I"}


@needs_models
def test_indirect_speech_after_sagte():
    statement = with_cue(attributed("Der Minister sagte , die Lage sei ernst ."), "sagte")
    assert statement.form == "indirect"
    assert statement.speaker.text == "Der Minister"
    assert statement.content.text == "die Lage sei ernst"


@needs_models
def test_direct_quote_with_following_cue():
    doc = attributed("„ Wir werden das nicht hinnehmen “ , erklärte die Sprecherin der Regierung am Montag .")
    statement = with_cue(doc, "erklärte")
    assert statement.form == "direct"
    assert statement.content.text == "Wir werden das nicht hinnehmen"
    assert statement.speaker.text.startswith("die Sprecherin")


@needs_models
def test_nach_angaben_spkatt_convention():
    doc = attributed("Nach Angaben der Polizei wurden bei dem Unfall drei Menschen verletzt .")
    [statement] = [s for s in doc.statements if s.cue.tokens]
    assert words(doc, statement.cue.tokens)[0] == "Nach"
    assert words(doc, statement.source.tokens)[-2:] == ["der", "Polizei"]
    assert "drei Menschen verletzt" in statement.content.text


@needs_models
def test_negated_cue_gives_no_statement():
    assert not [s for s in attributed("Der Sprecher sagte nicht , dass die Lage ernst sei .").statements if s.cue.tokens]


@needs_models
def test_precise_rule_statement_keeps_its_details():
    # a direct quote with a cue: the user sees the rules' reading (speaker, quotation, addressee)
    doc = attributed("„ Das ist gefährlich für unser Land “ , sagte Peskow gegenüber der Agentur Interfax .")
    [statement] = doc.statements
    assert statement.form == "direct"
    assert statement.content.text == "Das ist gefährlich für unser Land"
    assert statement.speaker.text == "Peskow"
    assert statement.addressee.text == "der Agentur Interfax"  # the context stage makes it the channel


@needs_models
def test_konjunktiv_continuation_stays_its_own_statement():
    doc = attributed("Der Minister sagte , die Lage sei ernst . Man müsse jetzt handeln .")
    first, second = [s for s in doc.statements if s.nested_in is None]
    assert first.cue.text == "sagte" and first.content.text == "die Lage sei ernst"
    assert second.continuation and second.content.text == "Man müsse jetzt handeln"
    assert second.speaker.text == "Der Minister"


def test_without_models_the_rules_stay(tmp_path):
    doc = rules_only("Der Minister sagte, die Lage sei ernst.")
    before = [(s.form, s.content.text) for s in doc.statements]
    assert load_attributor(str(tmp_path)) is None  # an empty model folder
    assert [(s.form, s.content.text) for s in attribute(doc, AttributionConfig(models=str(tmp_path))).statements] \
        == before


@needs_models
def test_demnach_is_cue_and_source_and_speaks_for_the_report_before():
    doc = attributed("Laut einem Bericht der Financial Times plant Airbus den Ausstieg . "
                     "Demnach sollen bereits Personalplanungen existieren .")
    statement = with_cue(doc, "Demnach")
    assert words(doc, statement.source.tokens) == ["Demnach"]
    assert statement.speaker is not None and "Financial Times" in statement.speaker.text


@needs_models
def test_a_heading_before_the_speaker_is_no_part_of_the_source():
    [statement] = analyze("Lage ernst\n\nMerkel sagte, sie sei zufrieden.").statements
    assert statement.speaker.text == "Merkel"


@needs_models
@pytest.mark.parametrize(("text", "speaker", "addressee"), [
    # the subject of a passive directive is addressed
    ("Israel wurde aufgefordert, die Grenzübergänge dauerhaft zu öffnen.", None, "Israel"),
    # a nominative-only pronoun after the verb is the source, the fronted dative the addressee
    ("Der Politik schlug er vor, sich an US-Modellen zu orientieren.", "er", "Der Politik"),
])
def test_source_of_passive_and_fronted_objects(text, speaker, addressee):
    [statement] = analyze(text).statements
    assert (statement.speaker.text if statement.speaker else None) == speaker
    assert statement.addressee.text == addressee


def test_tokens_know_the_type_of_the_entity_they_mention():
    doc = rules_only("Bundeskanzlerin Angela Merkel sagte in Berlin , die Lage sei ernst .")
    infos = token_infos(doc)
    assert "e=person" in infos[index_of(doc, "Merkel")].base
    assert not any(f.startswith("e=") for f in infos[index_of(doc, "sagte")].base)


def test_communication_words_beyond_the_cue_verbs_are_a_tagger_feature():
    doc = rules_only("Der Sprecher legte nahe , die Firma habe konstatiert , dass die Forderung berechtigt sei .")
    marked = [doc.tokens[i].text for i, info in enumerate(token_infos(doc)) if "cw" in info.base]
    assert marked == ["legte", "nahe", "konstatiert", "Forderung"]
    # a cue verb of the rules' lexicon has its own feature instead
    doc = rules_only("Er sagte , es regne .")
    assert not any("cw" in info.base for info in token_infos(doc))


@needs_models
def test_averaged_labels_of_no_sequences_are_none():
    from wortlaut.attribution.taggers import averaged_labels

    attributor = load_attributor()
    assert averaged_labels(attributor.cue_tagger, attributor.neural_cue_tagger, 0.5, []) == []
    assert averaged_labels(attributor.role_tagger, None, 0.5, []) == []
    [labels] = averaged_labels(attributor.role_tagger, None, 0.5, [[["w=sagte"], ["w=er"]]])
    assert len(labels) == 2
