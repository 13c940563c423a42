"""Speaker resolution: names, surnames, pronouns, role nouns, governments, organisations."""

from __future__ import annotations

from pathlib import Path

import pytest

import wortlaut
from helpers import build, named, read_cases, say
from wortlaut.entities import find_entities
from wortlaut.model import Document, Entity
from wortlaut.speakers import resolution_confidence, resolve_mention, resolve_speakers


def article(text: str, speakers: list[str | tuple[str, int]], **build_options) -> Document:
    """Entities found, one statement per speaker mention (``(words, nth occurrence)``), resolved."""
    doc = find_entities(build(text, **build_options))
    for speaker in speakers:
        words, nth = speaker if isinstance(speaker, tuple) else (speaker, 0)
        say(doc, words, nth=nth)
    return resolve_speakers(doc)


def speaker_entities(doc: Document) -> list[Entity]:
    return [doc.entity(s.speaker.entity) for s in doc.statements]


PESKOW = (
    "Das machte Kreml-Sprecher Dmitri Peskow deutlich. "
    '"Das ist gefährlich für unser Land", betonte Peskow. '
    "Wie er gegenüber der Agentur Interfax erklärte, gebe es keine Pläne."
)


def test_full_name_surname_and_pronoun_are_one_speaker():
    doc = article(PESKOW, ["Kreml-Sprecher Dmitri Peskow", "Peskow", "er"])
    first, second, third = doc.statements
    assert first.speaker.name == "Dmitri Peskow"
    assert first.speaker.type == "person"
    assert first.speaker.entity == second.speaker.entity == third.speaker.entity
    assert "Kreml-Sprecher" in doc.entity(first.speaker.entity).roles


def test_pronoun_becomes_a_mention_of_its_entity():
    doc = article(PESKOW, ["Peskow", "er"])
    peskow = named(doc, "Dmitri Peskow")
    assert [m.text for m in peskow.mentions] == ["Dmitri Peskow", "Peskow", "er"]


PUTIN_AND_PESKOW = (
    "Der russische Machthaber Wladimir Putin hat vor westlichen Truppen gewarnt. "
    '"Sie sind ein legitimes Ziel", sagte der Staatschef am Freitag. '
    "Kreml-Sprecher Dmitri Peskow sagte, Russland brauche Garantien. "
    "Der Kreml-Chef äußerte sich einen Tag nach den Gesprächen."
)


def test_role_noun_resolves_to_the_person_with_a_fitting_role():
    doc = article(PUTIN_AND_PESKOW, ["der Staatschef", "Kreml-Sprecher Dmitri Peskow", "Der Kreml-Chef"])
    staatschef, peskow, kreml_chef = speaker_entities(doc)
    assert staatschef.name == "Wladimir Putin"
    assert peskow.name == "Dmitri Peskow"
    # The last speaker is Peskow, but a spokesperson is not the "Chef".
    assert kreml_chef.name == "Wladimir Putin"


def test_role_noun_without_fitting_role_falls_back_to_latest_compatible_speaker():
    text = "Wladimir Putin sprach in Wladiwostok. Putin sagte, Truppen seien ein Ziel. Der Präsident fügte hinzu, das sei klar."
    doc = article(text, ["Putin", ("Der Präsident", 0)])
    assert doc.statements[1].speaker.name == "Wladimir Putin"


def test_indefinite_role_noun_is_someone_new():
    doc = article(PESKOW + " Ein Sprecher des Ministeriums sagte, man prüfe das.", ["Peskow", "Ein Sprecher"])
    peskow, spokesperson = speaker_entities(doc)
    assert spokesperson.id != peskow.id
    assert spokesperson.type == "person"
    assert spokesperson.name == "Sprecher"


def test_feminine_role_and_pronoun_find_the_woman():
    text = (
        "Außenministerin Annalena Baerbock traf Kreml-Sprecher Dmitri Peskow. "
        "Sie sagte, das Gespräch sei offen gewesen. Peskow sagte, er sehe das anders. "
        "Die Ministerin widersprach."
    )
    doc = article(text, ["Sie", "Peskow", "er", "Die Ministerin"])
    names = [e.name for e in speaker_entities(doc)]
    assert names == ["Annalena Baerbock", "Dmitri Peskow", "Dmitri Peskow", "Annalena Baerbock"]


def test_pronoun_skips_a_country_speaker_and_an_object_after_a_preposition():
    text = (
        "Ein Kriegsziel Russlands besteht nach Kreml-Angaben darin, die Erweiterung zu verhindern. "
        "US-Präsident Donald Trump will unterdessen erneut mit Wladimir Putin sprechen. "
        "Er sagte am Donnerstag, er habe viele Kriege beigelegt."
    )
    doc = article(text, ["Kreml", "Er"])
    kreml, er = speaker_entities(doc)
    assert (kreml.name, kreml.type) == ("Russland", "country")
    assert er.name == "Donald Trump"


def test_previous_speaker_wins_over_later_named_persons():
    text = (
        "Peskow zufolge finden keine Vorbereitungen für Gespräche zwischen Wladimir Putin und Donald Trump statt. "
        "Wie er weiter erklärte, könnte ein Gespräch schnell organisiert werden."
    )
    doc = article("Kreml-Sprecher Dmitri Peskow war in Wladiwostok. " + text, [("Peskow", 1), "er"])
    assert [e.name for e in speaker_entities(doc)] == ["Dmitri Peskow", "Dmitri Peskow"]


def test_same_surname_speakers_stay_apart():
    text = "Friedrich Merz traf Thomas Merz. Thomas Merz sagte, er sei zufrieden. Friedrich Merz sagte, es gebe viel zu tun."
    doc = article(text, [("Thomas Merz", 1), ("Friedrich Merz", 1)])
    thomas, friedrich = speaker_entities(doc)
    assert (thomas.name, friedrich.name) == ("Thomas Merz", "Friedrich Merz")
    assert thomas.id != friedrich.id


def test_untagged_pronoun_resolution():
    doc = article(PESKOW, ["Peskow", "er"], tag=False)
    assert [e.name for e in speaker_entities(doc)] == ["Dmitri Peskow", "Dmitri Peskow"]


# --- governments -------------------------------------------------------------------------


def test_kremlin_statements_are_russia():
    doc = article("Ein Kriegsziel Russlands besteht nach Kreml-Angaben darin, die Erweiterung zu verhindern.", ["Kreml"])
    speaker = doc.statements[0].speaker
    assert (speaker.name, speaker.type) == ("Russland", "country")


def test_kremlin_compound_as_speaker_span():
    doc = article("Nach Kreml-Angaben gibt es keine Pläne.", ["Kreml-Angaben"])
    assert doc.statements[0].speaker.name == "Russland"


def test_capital_as_speaker_is_its_country():
    doc = article("Moskau lehnt Truppen aus NATO-Staaten kategorisch ab.", ["Moskau"])
    speaker = doc.statements[0].speaker
    assert (speaker.name, speaker.type) == ("Russland", "country")


def test_country_adjective_as_speaker_is_the_country():
    doc = article("Nach ukrainischen Angaben gibt es sieben Länder, die bereit sind.", ["ukrainischen"])
    speaker = doc.statements[0].speaker
    assert (speaker.name, speaker.type) == ("Ukraine", "country")


def test_genitive_country_as_speaker():
    doc = article("Nach Angaben Frankreichs zeigten sich 26 Länder bereit.", ["Frankreichs"])
    speaker = doc.statements[0].speaker
    assert (speaker.name, speaker.type) == ("Frankreich", "country")


def test_capital_and_kremlin_are_one_country_entity():
    text = "Moskau lehnt Truppen ab. Nach Kreml-Angaben gibt es keine Pläne."
    doc = article(text, ["Moskau", "Kreml"])
    assert doc.statements[0].speaker.entity == doc.statements[1].speaker.entity


# --- organisations and unknown speakers --------------------------------------------------


def test_organisation_noun_speaker():
    doc = article("Die Polizei teilte mit, es gebe keine Verletzten.", ["Die Polizei"])
    speaker = doc.statements[0].speaker
    assert (speaker.name, speaker.type) == ("Polizei", "organisation")


def test_unknown_speaker_is_named_by_the_mention():
    doc = article("Experten warnen, der Konflikt könne sich ausweiten. Experten sagen, es dauere.", [("Experten", 0), ("Experten", 1)])
    first, second = speaker_entities(doc)
    assert (first.name, first.type) == ("Experten", "unknown")
    assert first.id == second.id


def test_resolve_mention_for_a_channel():
    doc = find_entities(build("Das sagte er der russischen Agentur Interfax zufolge."))
    first = next(t.index for t in doc.tokens if t.text == "Agentur")
    entity = resolve_mention(doc, first, first + 2)
    assert (entity.name, entity.type) == ("Interfax", "organisation")


def test_resolve_mention_creates_an_organisation_for_an_unknown_agency():
    doc = find_entities(build("Das meldete die Nachrichtenagentur Ukrinform."))
    first = next(t.index for t in doc.tokens if t.text == "Nachrichtenagentur")
    entity = resolve_mention(doc, first, first + 2)
    assert (entity.name, entity.type) == ("Ukrinform", "organisation")


def test_subject_after_the_previous_statement_wins_the_pronoun():
    text = (
        "Kreml-Sprecher Dmitri Peskow sagte, es gebe keine Pläne. "
        "US-Präsident Donald Trump reagierte gelassen auf die Äußerungen. "
        "Er sagte, er werde bald mit Moskau sprechen."
    )
    doc = article(text, ["Kreml-Sprecher Dmitri Peskow", "Er"])
    assert [e.name for e in speaker_entities(doc)] == ["Dmitri Peskow", "Donald Trump"]


def test_role_in_a_subheading_is_the_person_named_below():
    import datetime as dt

    from wortlaut.pipeline import run

    text = ("Die Regierung hat am Montag getagt.\n\n"
            'Regierungssprecher: "Wir prüfen alles" Regierungssprecher Steffen Hebestreit sagte, '
            "die Lage sei ernst.")
    doc = run(Document(text=text, date=dt.date(2025, 3, 3), glued_headings=True))
    headline = next(s for s in doc.statements if s.speaker.text == "Regierungssprecher")
    assert headline.speaker.name == "Steffen Hebestreit"


SPEAKER_CASES = read_cases(Path(__file__).with_name("speaker_cases.tsv"))


@pytest.mark.parametrize("case", SPEAKER_CASES, ids=[case["text"][:50] for case in SPEAKER_CASES])
def test_speaker_case(case):
    doc = wortlaut.analyze(case["text"], "2025-09-05")
    statement = next(s for s in doc.statements if case["content"] in s.content.text)
    expected = None if case["speaker"] == "-" else case["speaker"]
    assert (statement.speaker.name, statement.speaker.resolution) == (expected, case["resolution"])
    assert statement.speaker.confidence == resolution_confidence(case["resolution"])


@pytest.mark.parametrize(("text", "content"), [
    ("Die Studie wurde in Wien vorgestellt. 95 Prozent der Studienteilnehmer sagten, sie seien zufrieden.",
     "seien zufrieden"),
    ("Das Gesetz wurde am Montag beschlossen. Kritiker sagen, das Gesetz sei verfassungswidrig.", "Gesetz sei"),
])
def test_a_counted_or_bare_plural_role_is_a_group_not_a_person(text, content):
    doc = wortlaut.analyze(text, "2025-09-05")
    statement = next(s for s in doc.statements if content in s.content.text)
    assert doc.entity(statement.speaker.entity).type == "unknown"
    assert statement.speaker.resolution == "unresolved"


def test_an_acronym_typed_as_a_person_is_no_role_referent():
    from wortlaut.de.roles import parse_role
    from wortlaut.speakers.phrases import role_compatible

    role = parse_role("Professor")
    assert not role_compatible(Entity(id="e1", name="EuGH", type="person"), role, None)
    assert role_compatible(Entity(id="e2", name="Andreas Hauer", type="person"), role, None)


@pytest.mark.parametrize(("title", "text", "speaker"), [
    ("Bundespräsident Köhler sieht wachsende Kluft",
     "Der deutsche Bundespräsident gab ein Interview. Der Bundespräsident sagte, die Kluft wachse. Köhler warb "
     "für Reformen.", "Köhler"),
    ("12 - Papst Benedikt XVI. tritt zurück (2013-02-11)",
     "Papst Benedikt XVI. will sein Amt niederlegen. 1415 trat Papst Gregor XII. ab. Der Papst sagte, er sei zu alt.",
     "Benedikt XVI."),
])
def test_a_role_noun_refers_to_the_person_the_title_names_with_it(title, text, speaker):
    doc = wortlaut.analyze(text, "2025-09-05", title=title)
    assert [s.speaker.name for s in doc.statements] == [speaker]


@pytest.mark.parametrize("phrase", ["die Situation", "Spekulationen", "die Vereinbarkeit des Vorhabens"])
def test_an_abstract_noun_names_no_speaker(phrase):
    from helpers import tagged
    from wortlaut.speakers.phrases import abstract_head, plausible_speaker

    assert abstract_head(tagged(phrase))
    assert not plausible_speaker(tagged(phrase))


@pytest.mark.parametrize("phrase", ["die Regierung", "62 Millionen Bundesbürger", "die Redaktion", "die Kommission"])
def test_organisations_and_counts_are_no_abstract_heads(phrase):
    from helpers import tagged
    from wortlaut.speakers.phrases import abstract_head

    assert not abstract_head(tagged(phrase))


@pytest.mark.parametrize(("text", "speaker"), [
    ("Sie sagte am Montag, die Gespräche seien gut verlaufen.", "Annalena Baerbock"),
    ("Er sagte am Montag, die Gespräche seien gut verlaufen.", None),  # the title names a woman
])
def test_a_pronoun_opening_the_text_refers_to_the_person_in_the_title(text, speaker):
    doc = wortlaut.analyze(text, "2025-09-05", title="Außenministerin Annalena Baerbock in Kiew")
    assert doc.statements[0].speaker.name == speaker
