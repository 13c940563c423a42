"""Learned speaker attribution (wortlaut.attribution) and the fixed SpkAtt split."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from pathlib import Path

import pytest

import wortlaut
from wortlaut import attribution
from wortlaut.evaluate.split import spkatt_split, split_key
from wortlaut.model import Document, Statement
from wortlaut.pipeline import Options, run

SPKATT = Path(__file__).resolve().parents[2] / "shared" / "data" / "spkatt-news" / "train"
RULES = ("segment", "morphology", "quotes", "times", "places", "entities", "statements")

needs_models = pytest.mark.skipif(attribution.load_attributor() is None, reason="attribution models not built")


def attribute(text: str) -> Document:
    doc = wortlaut.analyze(text, date="2025-09-05", options=Options(pipeline=RULES))
    return attribution.attribute(doc)


def with_cue(doc: Document, cue: str) -> Statement:
    found = [s for s in doc.statements if s.cue is not None and s.cue.text == cue]
    assert found, [(s.cue.text if s.cue else None, s.content.text) for s in doc.statements]
    return found[0]


# -- split -------------------------------------------------------------------------------------
def test_split_key_is_sha1_of_the_file_name():
    name = "10022 - Der Astronaut Neil Armstrong wird heute 75 Jahre alt (2005-08-05).json"
    assert split_key(name) == hashlib.sha1(name.encode()).hexdigest()
    assert split_key(name.removesuffix(".json")) == split_key(name) == split_key("/any/folder/" + name)


def test_split_is_stable_under_order_and_disjoint():
    names = [f"{n} - Artikel (2005-01-01).json" for n in range(250)]
    train, validation = spkatt_split(names)
    shuffled = names[:]
    random.Random(7).shuffle(shuffled)
    assert spkatt_split(shuffled) == (train, validation)
    assert len(validation) == 100 and len(train) == 150
    assert not set(train) & set(validation)
    assert max(split_key(n) for n in validation) < min(split_key(n) for n in train)


@pytest.mark.skipif(not SPKATT.exists(), reason=f"SpkAtt news not found at {SPKATT}")
def test_split_of_the_700_articles():
    train, validation = spkatt_split(p.name for p in SPKATT.glob("*.json"))
    assert (len(train), len(validation)) == (600, 100)
    assert validation[0] == min(validation)


# -- decoding helpers ------------------------------------------------------------------------
def test_decode_cues_groups_discontinuous_parts():
    # "teilte … mit" is one cue; a second B starts another one
    assert attribution.decode_cues(["O", "B", "O", "I", "B", "O"], 10) == [[11, 13], [14]]


def test_source_is_the_tagged_stretch_nearest_the_cue():
    labels = ["S", "S", "O", "O", "O", "S", "S", "O", "M"]  # cue at position 7
    roles = attribution.decode_roles(labels, 100, [107])
    assert roles["S"] == [105, 106]
    assert roles["M"] == [108]


# -- the models --------------------------------------------------------------------------------
@needs_models
def test_models_load():
    attributor = attribution.load_attributor()
    assert attributor.cue_tagger.labels() and set(attributor.role_tagger.labels()) >= {"S", "M", "O"}


@needs_models
def test_indirect_speech_after_sagte():
    statement = with_cue(attribute("Der Minister sagte , die Lage sei ernst ."), "sagte")
    assert statement.form == "indirect"
    assert statement.speaker.text == "Der Minister"
    assert statement.content.text == "die Lage sei ernst"


@needs_models
def test_direct_quote_with_following_cue():
    doc = attribute("„ Wir werden das nicht hinnehmen “ , erklärte die Sprecherin der Regierung am Montag .")
    statement = with_cue(doc, "erklärte")
    assert statement.form == "direct"
    assert statement.content.text == "Wir werden das nicht hinnehmen"
    assert statement.speaker.text.startswith("die Sprecherin")


@needs_models
def test_nach_angaben_spkatt_convention():
    doc = attribute("Nach Angaben der Polizei wurden bei dem Unfall drei Menschen verletzt .")
    [statement] = [s for s in doc.statements if s.cue_tokens]
    words = [doc.tokens[i].text for i in statement.cue_tokens]
    assert words[0] == "Nach"
    assert [doc.tokens[i].text for i in statement.speaker_tokens][-2:] == ["der", "Polizei"]
    assert "drei Menschen verletzt" in statement.content.text


def rules_only(text: str) -> Document:
    return wortlaut.analyze(text, date="2025-09-05", options=Options(pipeline=RULES))


def words(doc: Document, indices: list[int]) -> list[str]:
    return [doc.tokens[i].text for i in indices]


# -- SpkAtt conventions applied to the tagger's output ----------------------------------------
def test_wie_joins_the_verb_of_its_clause():
    doc = rules_only("Wie der Sprecher erklärte , gab es drei Verletzte .")
    assert attribution.join_wie(doc, [[0], [3]]) == [[0, 3]]
    assert attribution._cue_span(doc, [0, 3]).text == "erklärte"  # the user sees the verb
    # a comma between: "wie" belongs to another clause
    doc = rules_only("Er kam , wie erwartet , und sagte , er sei müde .")
    wie, sagte = 3, 8
    assert attribution.join_wie(doc, [[wie], [sagte]]) == [[wie], [sagte]]


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
])
def test_cue_is_the_whole_verb_complex(text, cue, expected):
    doc = rules_only(text)
    index = next(i for i, t in enumerate(doc.tokens) if t.text == cue)
    assert words(doc, attribution.complete_cue(doc, [index])) == expected


def test_negation_in_the_cue_clause_not_in_the_message():
    doc = rules_only("Der Sprecher sagte nicht , dass die Lage ernst sei .")
    negated = Statement(id="", form="indirect", content=doc.token_span(5, 9), cue_tokens=[2],
                        content_tokens=list(range(5, 10)))
    assert attribution.negated(doc, negated)
    doc = rules_only("Der Sprecher sagte , die Lage sei nicht ernst .")
    plain = Statement(id="", form="indirect", content=doc.token_span(4, 8), cue_tokens=[2],
                      content_tokens=list(range(4, 9)))
    assert not attribution.negated(doc, plain)


@needs_models
def test_negated_cue_gives_no_statement():
    assert not [s for s in attribute("Der Sprecher sagte nicht , dass die Lage ernst sei .").statements if s.cue]


@needs_models
def test_precise_rule_statement_keeps_its_details():
    # a direct quote with a cue: the user sees the rules' reading (speaker, quotation, addressee)
    doc = attribute("„ Das ist gefährlich für unser Land “ , sagte Peskow gegenüber der Agentur Interfax .")
    [statement] = doc.statements
    assert statement.form == "direct"
    assert statement.content.text == "Das ist gefährlich für unser Land"
    assert statement.speaker.text == "Peskow"
    assert statement.addressee.text == "der Agentur Interfax"  # the context stage makes it the channel


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
    opening = next(i for i, t in enumerate(doc.tokens) if t.text == "„")
    closing = next(i for i, t in enumerate(doc.tokens) if t.text == "“")
    quote = Statement(id="", form="direct", content=doc.token_span(opening + 1, closing - 1),
                      content_tokens=list(range(opening, closing + 1)))
    assert attribution.quoted_name(doc, quote) is is_name


@needs_models
def test_konjunktiv_continuation_stays_its_own_statement():
    doc = attribute("Der Minister sagte , die Lage sei ernst . Man müsse jetzt handeln .")
    first, second = [s for s in doc.statements if s.nested_in is None]
    assert first.cue.text == "sagte" and first.content.text == "die Lage sei ernst"
    assert second.continuation and second.content.text == "Man müsse jetzt handeln"
    assert second.speaker.text == "Der Minister"


def test_without_models_the_rules_stay(monkeypatch):
    monkeypatch.setattr(attribution, "load_attributor", lambda: None)
    doc = wortlaut.analyze("Der Minister sagte, die Lage sei ernst.", date="2025-09-05", options=Options(pipeline=RULES))
    before = [(s.form, s.content.text) for s in doc.statements]
    assert [(s.form, s.content.text) for s in attribution.attribute(doc).statements] == before


# -- cue-less statements: the sentence tagger ----------------------------------------------------
class FixedSentenceTagger:
    """Stands in for the sentence CRF: fixed label probabilities per sentence."""

    def __init__(self, probabilities: list[dict[str, float]]):
        self.probabilities = probabilities

    def set(self, features):
        assert len(features) == len(self.probabilities)

    def tag(self, features=None):
        return [max(p, key=p.get) if p else "O" for p in self.probabilities]

    def marginal(self, label, position):
        return self.probabilities[position].get(label, 0.0)


@pytest.mark.parametrize("text, subject", [
    ("Die Medien sprechen von örtlichen Angestellten als Geiseln .", ["Die", "Medien"]),
    # a fronted adverbial: the subject follows the verb and ends where the object begins
    ("Am Montag kritisierte die Opposition den Plan der Regierung .", ["die", "Opposition"]),
    ("Gestern hatte er das Urteil scharf kritisiert .", ["er"]),
])
def test_subject_of_a_reported_speech_act(text, subject):
    doc = rules_only(text)
    assert words(doc, attribution.sentence_subject(doc, 0)) == subject


def test_covered_sentences_need_half_of_their_tokens():
    doc = rules_only("Der Minister sagte , die Lage sei ernst . Das Wetter war schön .")
    assert doc.sentences[0].token_end == 9
    statement = Statement(id="", form="indirect", content=doc.token_span(4, 7), content_tokens=[4, 5, 6, 7])
    doc.statements = [statement]
    assert attribution.covered_sentences(doc) == {}  # 4 of 9 tokens
    statement.content_tokens = [4, 5, 6, 7, 8]  # 5 of 9, the full stop included
    assert attribution.covered_sentences(doc) == {0: "indirect"}


def test_cueless_sentences_become_statements():
    doc = rules_only("Der Minister sagte , die Lage sei ernst . Man müsse jetzt handeln . "
                     "Die Regierung werde alles tun . Das Wetter war schön .")
    said = with_cue(doc, "sagte")
    doc.statements = [said]  # only the cued statement; the continuations are left to the tagger
    none = {"O": 0.9}
    tagger = FixedSentenceTagger([{"C": 0.9}, {"I": 0.8}, {"I": 0.7}, none])
    attribution.add_cueless(doc, tagger)
    first, continuation = doc.statements
    assert first is said
    # two continuation sentences in a row are one statement (SpkAtt's convention), spoken by the minister
    assert continuation.spkatt_form == "IndirectFreeIndirect" and continuation.cue_tokens == []
    assert continuation.content.text == "Man müsse jetzt handeln . Die Regierung werde alles tun"
    assert words(doc, continuation.speaker_tokens) == ["Der", "Minister"]
    assert continuation.speaker.text == "Der Minister"


def test_cueless_statement_below_the_threshold_or_without_a_speaker_before():
    doc = rules_only("Gespräche in Moskau würden die Position stärken .")
    doc.statements = []
    attribution.add_cueless(doc, FixedSentenceTagger([{"I": 0.9}]))
    assert doc.statements == []  # a continuation continues someone
    bar = attribution.LABEL_THRESHOLDS.get("R", attribution.SENTENCE_THRESHOLD)
    attribution.add_cueless(doc, FixedSentenceTagger([{"R": bar - 0.05, "O": 1.05 - bar}]))
    assert doc.statements == []


def test_reported_sentence_takes_its_subject_as_source():
    doc = rules_only("Die Medien sprechen von örtlichen Angestellten als Geiseln .")
    doc.statements = []
    attribution.add_cueless(doc, FixedSentenceTagger([{"R": 0.6, "O": 0.4}]))
    [statement] = doc.statements
    assert (statement.form, statement.spkatt_form) == ("reported", "Reported")
    assert statement.speaker.text == "Die Medien"
    assert statement.content.text == "Die Medien sprechen von örtlichen Angestellten als Geiseln"
    assert words(doc, statement.content_tokens)[-1] == "."  # SpkAtt's message keeps the full stop


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
    cue = next(i for i, t in enumerate(doc.tokens) if t.text == "sagte")
    start = next(i for i in range(len(doc.tokens)) if words(doc, range(i, i + len(source))) == source)
    assert words(doc, attribution.with_apposition(doc, list(range(start, start + len(source))), [cue])) == expected


@needs_models
def test_sentence_model_loads():
    attributor = attribution.load_attributor()
    assert attributor.sentence_tagger is not None
    assert set(attributor.sentence_tagger.labels()) >= {"O", "C", "R", "I"}


# -- post-processing of learned and rule statements (SpkAtt conventions) ----------------------
def index_of(doc: Document, word: str) -> int:
    return next(i for i, t in enumerate(doc.tokens) if t.text == word)


def test_cue_takes_the_pronominal_adverb_after_the_verb():
    doc = rules_only("Die Organisation weist darauf hin , dass die Lage schwierig werde .")
    assert words(doc, attribution.complete_cue(doc, [index_of(doc, "weist")])) == ["weist", "darauf", "hin"]


def test_message_stays_within_its_sentences():
    """A tagged stretch in the next sentence after an untagged full stop is another statement's."""
    doc = rules_only("Er sagte , er freue sich . Overath sagte : „ Ja , wir haben uns geeinigt . “")
    cue = [index_of(doc, "sagte")]
    own = list(range(3, 7))  # er freue sich
    other = list(range(11, 19))  # „ Ja , wir haben uns geeinigt
    roles = {"S": [0], "M": own + other, "A": []}
    assert attribution.connected_message(doc, own + other, cue, roles) == own
    # across the cue and source ("„…“, sagte er, „…“") the parts belong together
    doc = rules_only("„ Wir kommen “ , sagte er , „ und zwar bald . “")
    first, second = [0, 1, 2, 3], [8, 9, 10, 11, 12, 13]
    roles = {"S": [6], "M": first + second, "A": []}
    assert attribution.connected_message(doc, first + second, [5], roles) == first + second


@pytest.mark.parametrize("text, source, expected", [
    ("Wie EADS heute mitteilte , wird das Werk verkauft .", ["EADS", "heute"], ["EADS"]),
    ("Wie Adidas am Morgen bekannt gab , wird Reebok übernommen .", ["Adidas", "am", "Morgen"], ["Adidas"]),
    ("Die spätere Außenministerin Rice nannte ihn einen Patrioten .", ["Außenministerin", "Rice"],
     ["Die", "spätere", "Außenministerin", "Rice"]),
    ("Nach einem Bericht der „ Frankfurter Allgemeinen Zeitung “ ist er tot .",
     ["einem", "Bericht", "der", "„", "Frankfurter"],
     ["einem", "Bericht", "der", "„", "Frankfurter", "Allgemeinen", "Zeitung", "“"]),
    ("Laut Klinikdirektor Beckmann „ kann man jetzt helfen “ .", ["Klinikdirektor", "Beckmann", "„"],
     ["Klinikdirektor", "Beckmann"]),
    # a capitalised name HanTa reads as an adjective stays
    ("Der Vertreter der Arbeitgeber , Peter Clever , hat gefordert , dass gespart werde .",
     ["Peter", "Clever"], ["Peter", "Clever"]),
])
def test_source_spans_are_tidied(text, source, expected):
    doc = rules_only(text)
    start = index_of(doc, source[0])
    assert words(doc, attribution.tidy_source(doc, list(range(start, start + len(source))))) == expected


def test_fallback_source_is_the_cue_clause_subject():
    doc = rules_only("Beide Regierungen legten aber Wert darauf , dass andere helfen .")
    assert words(doc, attribution.fallback_source(doc, [index_of(doc, "darauf")])) == ["Beide", "Regierungen"]
    doc = rules_only("Wie die Zeitung berichtet , ist der Dienst gestört .")
    assert words(doc, attribution.fallback_source(doc, [index_of(doc, "berichtet")])) == ["die", "Zeitung"]
    doc = rules_only("Behördenangaben zufolge starben drei Menschen .")
    assert words(doc, attribution.fallback_source(doc, [index_of(doc, "zufolge")])) == ["Behördenangaben"]
    # passive and impersonal cues have no source to fall back on
    doc = rules_only("Insbesondere wird kritisiert , dass die Regeln fehlen .")
    assert attribution.fallback_source(doc, [index_of(doc, "wird"), index_of(doc, "kritisiert")]) == []


def test_learned_message_leaves_out_the_cue_clause():
    doc = rules_only("Eine Verschiebung bezeichnete Conze als fatal , die Wahl müsse stattfinden .")
    message = list(range(11))
    kept = attribution._outside_cue_clause(doc, message, [index_of(doc, "bezeichnete")])
    assert words(doc, kept) == [",", "die", "Wahl", "müsse", "stattfinden"]


def test_learned_message_is_direct_only_when_it_opens_with_a_quotation():
    doc = rules_only("Singer erklärte , der Bericht sei „ ein grundlegendes Dokument für alle Länder “ .")
    cue = [index_of(doc, "erklärte")]
    message = list(range(3, 15))  # der Bericht sei „ … “
    statement = attribution._statement(doc, cue, {"S": [0], "M": message, "A": []})
    assert statement.form == "indirect"
    quote = list(range(6, 15))
    assert attribution._statement(doc, cue, {"S": [0], "M": quote, "A": []}).form == "direct"


def test_tokens_know_the_type_of_the_entity_they_mention():
    doc = rules_only("Bundeskanzlerin Angela Merkel sagte in Berlin , die Lage sei ernst .")
    types = attribution._entity_types(doc)
    assert types.get(index_of(doc, "Merkel")) == "person"
    assert index_of(doc, "sagte") not in types


def statement_with(doc: Document, cue: list[int], content: list[int], form: str = "indirect") -> Statement:
    return Statement(id="", form=form, content=doc.token_span(content[0], content[-1]),
                     sentence=doc.tokens[cue[0]].sentence, cue_tokens=cue, content_tokens=content)


def test_anaphoric_pronoun_takes_the_sentence_before_as_what_was_said():
    doc = rules_only("Dem Torwart steht eine Operation bevor . Dies bestätigte Buffon gegenüber der Presse .")
    dies = index_of(doc, "Dies")
    statement = statement_with(doc, [index_of(doc, "bestätigte")], [dies], form="reported")
    assert attribution.anaphoric_content(doc, statement, [statement])
    assert words(doc, statement.content_tokens) == ["Dem", "Torwart", "steht", "eine", "Operation", "bevor", ".", "Dies"]
    assert statement.content.text == "Dem Torwart steht eine Operation bevor"
    assert statement.form == "indirect"


def test_anaphoric_pronoun_needs_a_sentence_nobody_is_quoted_in():
    # "Das" as an article, not a pronoun: the verb does not follow it
    doc = rules_only("Die Lage ist ernst . Das Ministerium bestätigte den Bericht .")
    statement = statement_with(doc, [index_of(doc, "bestätigte")], [index_of(doc, "Das")])
    assert not attribution.anaphoric_content(doc, statement, [statement])
    # the sentence before has a speaker of its own already
    doc = rules_only("Merkel sagte , die Lage sei ernst . Das bestätigte auch Scholz .")
    said = statement_with(doc, [index_of(doc, "sagte")], list(range(3, 7)))
    statement = statement_with(doc, [index_of(doc, "bestätigte")], [index_of(doc, "Das")])
    assert not attribution.anaphoric_content(doc, statement, [said, statement])


def test_learned_content_in_a_clause_of_its_own():
    doc = rules_only("Der Umsatz wird steigen , teilte das Unternehmen mit .")
    cue = [index_of(doc, "teilte"), index_of(doc, "mit")]
    assert attribution.own_clause(doc, statement_with(doc, cue, [0, 1, 2, 3]))
    # the object of the cue verb is no clause of its own
    doc = rules_only("Stoiber begründete seinen Rückzug mit einer veränderten Lage .")
    assert not attribution.own_clause(doc, statement_with(doc, [1], [5, 6, 7, 8]))
    # an adverbial clause after the comma says how, not what
    doc = rules_only("Putin bezweifelte den Sinn , indem er die Legitimität infrage stellte .")
    assert not attribution.own_clause(doc, statement_with(doc, [1], list(range(5, 12))))


@pytest.mark.parametrize("text, source, expected", [
    ("Das sagte der Chef der Bundesagentur für Arbeit am Montag .", ["der", "Chef", "der", "Bundesagentur"],
     ["der", "Chef", "der", "Bundesagentur", "für", "Arbeit"]),
    ("Das meldete die Deutsche Presse-Agentur ( dpa ) .", ["die", "Deutsche", "Presse-Agentur"],
     ["die", "Deutsche", "Presse-Agentur", "(", "dpa", ")"]),
    # a time phrase or the cue's addressee is no attribute of the source
    ("Das sagte Merkel am Montag .", ["Merkel"], ["Merkel"]),
    ("Das sagte ein Sprecher gegenüber der Zeitung .", ["ein", "Sprecher"], ["ein", "Sprecher"]),
])
def test_source_takes_the_attributes_of_its_last_noun(text, source, expected):
    doc = rules_only(text)
    start = next(i for i in range(len(doc.tokens)) if words(doc, range(i, i + len(source))) == source)
    taken = {index_of(doc, "sagte") if "sagte" in text else index_of(doc, "meldete"), 0}
    assert words(doc, attribution.with_attributes(doc, list(range(start, start + len(source))), taken)) == expected


@pytest.mark.parametrize("text, source, expected", [
    ("Hubert Primus , der bei der Stiftung arbeitet , sagte , es sei ernst .", ["Hubert", "Primus", ",", "der", "bei"],
     ["Hubert", "Primus"]),
    ("Das bestätigte eine Sprecherin des Konzerns gegenüber der Zeitung .",
     ["eine", "Sprecherin", "des", "Konzerns", "gegenüber", "der", "Zeitung"], ["eine", "Sprecherin", "des", "Konzerns"]),
    # an apposition is no clause
    ("Mark Keefe , der Sprecher der Klinik , sagte , es sei ernst .", ["Mark", "Keefe", ",", "der", "Sprecher"],
     ["Mark", "Keefe", ",", "der", "Sprecher"]),
])
def test_source_ends_before_a_clause_or_an_addressee(text, source, expected):
    doc = rules_only(text)
    start = next(i for i in range(len(doc.tokens)) if words(doc, range(i, i + len(source))) == source)
    assert words(doc, attribution.tidy_source(doc, list(range(start, start + len(source))))) == expected


@needs_models
def test_demnach_is_cue_and_source_and_speaks_for_the_report_before():
    doc = attribute("Laut einem Bericht der Financial Times plant Airbus den Ausstieg . "
                    "Demnach sollen bereits Personalplanungen existieren .")
    statement = with_cue(doc, "Demnach")
    assert words(doc, statement.speaker_tokens) == ["Demnach"]
    assert statement.speaker is not None and "Financial Times" in statement.speaker.text


def test_cue_takes_als_after_bezeichnen():
    doc = rules_only("Wiefelspütz bezeichnete die Äußerungen als „ Knaller aus Karlsruhe “ .")
    assert words(doc, attribution.complete_cue(doc, [index_of(doc, "bezeichnete")])) == ["bezeichnete", "als"]
    doc = rules_only("Er sagte , die Lage sei schlimmer als erwartet .")
    assert words(doc, attribution.complete_cue(doc, [index_of(doc, "sagte")])) == ["sagte"]


def test_an_accusative_noun_phrase_first_is_no_subject():
    doc = rules_only("Den Unmut der CDU brachte die Sprecherin Annette Widmann-Mauz zum Ausdruck .")
    assert words(doc, attribution.sentence_subject(doc, 0)) == ["die", "Sprecherin", "Annette", "Widmann-Mauz"]
    doc = rules_only("Die Medien sprechen von einem Skandal .")
    assert words(doc, attribution.sentence_subject(doc, 0)) == ["Die", "Medien"]


def test_communication_words_beyond_the_cue_verbs_are_a_tagger_feature():
    doc = rules_only("Der Sprecher legte nahe , die Firma habe konstatiert , dass die Forderung berechtigt sei .")
    infos = attribution._token_infos(doc)
    marked = [doc.tokens[i].text for i, info in enumerate(infos) if "cw" in info.base]
    assert marked == ["legte", "nahe", "konstatiert", "Forderung"]
    # a cue verb of the rules' lexicon has its own feature instead
    doc = rules_only("Er sagte , es regne .")
    assert not any("cw" in info.base for info in attribution._token_infos(doc))


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
    assert attribution.implausible_cue(doc, statement) is implausible


def test_adjacent_continuations_of_one_speaker_become_one_statement():
    doc = rules_only("Merkel sagte , die Lage sei ernst . Man müsse handeln . Die Regierung werde helfen . "
                     "Das Wetter war schön .")

    def statements(second_speaker: int) -> list[Statement]:
        said = statement_with(doc, [1], [3, 4, 5, 6])
        found = [said]
        for number, speaker in ((1, 0), (2, second_speaker)):
            sentence = doc.sentences[number]
            content = list(range(sentence.token_start, sentence.token_end))
            found.append(Statement(id="", form="indirect", content=doc.token_span(content[0], content[-2]),
                                   sentence=number, content_tokens=content, speaker_tokens=[speaker],
                                   continuation=True, spkatt_form="IndirectFreeIndirect"))
        return found

    doc.statements = statements(second_speaker=0)
    attribution.join_continuations(doc)
    assert len(doc.statements) == 2
    assert doc.statements[1].content.text == "Man müsse handeln . Die Regierung werde helfen"
    assert words(doc, doc.statements[1].content_tokens)[-1] == "."
    # another speaker keeps them apart
    doc.statements = statements(second_speaker=2)
    attribution.join_continuations(doc)
    assert len(doc.statements) == 3


def test_quotation_after_a_colon_sentence_takes_its_learned_cue():
    sentences = [["Hier", "sparte", "der", "Bundespräsident", "nicht", "mit", "Kritik", ":"],
                 ["„", "Jeder", "sollte", "das", "wissen", ".", "“"]]  # SpkAtt's split: the colon ends a sentence
    doc = run(Document.from_tokens(sentences, date=dt.date(2025, 9, 5)), Options(pipeline=RULES))
    quote = list(range(8, 15))
    lead = Statement(id="", form="reported", content=doc.token_span(0, 6), sentence=0,
                     content_tokens=list(range(7)), cue_tokens=[1], speaker_tokens=[2, 3])
    said = Statement(id="", form="direct", content=doc.token_span(9, 13), sentence=1, content_tokens=quote,
                     continuation=True)
    doc.statements = [lead, said]
    attribution.colon_cues(doc)
    assert doc.statements == [said]
    assert words(doc, said.cue_tokens) == ["sparte"] and words(doc, said.speaker_tokens) == ["der", "Bundespräsident"]
    # without the colon the quotation keeps no cue
    doc = run(Document.from_tokens([sentences[0][:-1] + ["."], sentences[1]], date=dt.date(2025, 9, 5)),
              Options(pipeline=RULES))
    said.cue_tokens, said.speaker_tokens = [], []
    doc.statements = [lead, said]
    attribution.colon_cues(doc)
    assert said.cue_tokens == [] and len(doc.statements) == 2


def test_message_takes_the_head_of_its_opening_relative_clause():
    doc = rules_only("Die Sicherheit der Ukraine , die in die NATO strebt , sei wichtig , sagte Peskow .")
    relative = list(range(index_of(doc, "die"), index_of(doc, "wichtig") + 1))
    cue, source = index_of(doc, "sagte"), index_of(doc, "Peskow")
    assert words(doc, attribution._with_relative_head(doc, relative, {cue, source}))[:5] == \
        ["Die", "Sicherheit", "der", "Ukraine", ","]
    # a message opening with anything else stays as it is
    assert attribution._with_relative_head(doc, relative[1:], {cue, source}) == relative[1:]


def test_a_quoted_name_closing_the_cue_clause_is_no_message():
    doc = rules_only("Die Lage sei ernst , sagte Peskow mit Blick auf das Treffen der „ Koalition der Willigen “ .")
    message = list(range(4)) + list(range(index_of(doc, "„"), index_of(doc, "“") + 1))
    assert words(doc, attribution._outside_cue_clause(doc, message, [index_of(doc, "sagte")])) == \
        ["Die", "Lage", "sei", "ernst"]


@needs_models
def test_a_heading_before_the_speaker_is_no_part_of_the_source():
    doc = wortlaut.analyze("Lage ernst\n\nMerkel sagte, sie sei zufrieden.", date="2025-09-05")
    [statement] = doc.statements
    assert statement.speaker.text == "Merkel"


@needs_models
@pytest.mark.parametrize(("text", "speaker", "addressee"), [
    # the subject of a passive directive is addressed
    ("Israel wurde aufgefordert, die Grenzübergänge dauerhaft zu öffnen.", None, "Israel"),
    # a nominative-only pronoun after the verb is the source, the fronted dative the addressee
    ("Der Politik schlug er vor, sich an US-Modellen zu orientieren.", "er", "Der Politik"),
])
def test_source_of_passive_and_fronted_objects(text, speaker, addressee):
    [statement] = wortlaut.analyze(text, date="2025-09-05").statements
    assert (statement.speaker.text if statement.speaker else None) == speaker
    assert (statement.addressee.text if statement.addressee else None) == addressee


def test_a_source_of_only_an_opening_quotation_mark_is_no_source():
    doc = rules_only("Er sagte : „ Wir kommen . “")
    mark = index_of(doc, "„")
    assert attribution.tidy_source(doc, [mark]) == []
