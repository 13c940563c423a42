"""The whole pipeline on the seed article (shared/examples/seed-2025-09-05.txt)."""

from __future__ import annotations

import pytest

from helpers import needs_models
from wortlaut.model import Document, Statement, invariant_violations

PUTIN, PESKOW, TRUMP = "Wladimir Putin", "Dmitri Peskow", "Donald Trump"
DIRECT_QUOTES = [
    ("Wenn dort irgendwelche Truppen", PUTIN),
    ("Wir betrachten dies", PESKOW),
    ("Das ist gefährlich für unser Land", PESKOW),
    ("Man kann nicht die Sicherheit", PESKOW),
    ("Der beste Ort dafür", PUTIN),
]


@pytest.fixture
def doc(seed) -> Document:
    """The seed article through the whole pipeline (the session fixture ``seed`` of conftest.py)."""
    return seed


def statement_with(doc: Document, words: str, form: str | None = None) -> Statement:
    found = [s for s in doc.statements if words in s.content.text and (form is None or s.form == form)]
    assert found, f"no {form or ''} statement whose content contains {words!r}"
    return found[0]


def test_statement_count(doc, seed_rules):
    assert 25 <= len(doc.statements) <= 35
    assert 25 <= len(seed_rules.statements) <= 35


@pytest.mark.parametrize("words, speaker", DIRECT_QUOTES)
def test_direct_quotes(doc, words, speaker):
    statement = statement_with(doc, words, "direct")
    assert statement.content.text.startswith(words)
    assert statement.speaker.name == speaker


@pytest.mark.parametrize("words, speaker", DIRECT_QUOTES)
def test_direct_quotes_by_the_rules_alone(seed_rules, words, speaker):
    assert statement_with(seed_rules, words, "direct").speaker.name == speaker


def test_headline_quote(doc):
    statement = statement_with(doc, "Gefahr für uns", "direct")
    assert statement.content.text == "Gefahr für uns"
    assert statement.speaker.name in {"Kreml-Sprecher", PESKOW}
    assert doc.sentences[statement.sentence].is_heading


def test_exactly_six_direct_quotes(doc):
    direct = [s for s in doc.statements if s.form == "direct" and s.nested_in is None]
    assert len(direct) == 6


@pytest.mark.parametrize("words, speaker", [
    ("Die NATO sehe Russland als Feind", PESKOW),
    ("Auch Russland brauche Garantien", PESKOW),
    ("Der Konflikt zwischen Russland und der Ukraine sei", TRUMP),
])
def test_konjunktiv_continuations(doc, words, speaker):
    statement = statement_with(doc, words, "indirect")
    assert statement.continuation
    assert statement.cue.span is None and statement.cue.tokens == []
    assert statement.speaker.name == speaker


def test_nach_angaben_frankreichs(doc):
    statement = next(s for s in doc.statements if s.cue.text == "Nach Angaben")
    assert statement.speaker.name == "Frankreich"
    assert statement.content.text.startswith("zeigten sich dabei 26 Länder bereit")


def test_nach_ukrainischen_angaben(doc):
    statement = statement_with(doc, "gibt es sieben Länder")
    assert statement.cue.text == "Nach ukrainischen Angaben"
    assert statement.speaker.name == "Ukraine"


@pytest.mark.parametrize("cue, words", [
    ("wies", "die Forderung"),
    ("beharrte", "beharrte"),
    ("bezweifelte", "bezweifelte"),
])
def test_reported_speech_acts_by_putin(doc, cue, words):
    statement = next(s for s in doc.statements if s.cue.text == cue)
    assert statement.form == "reported"
    assert words in statement.content.text
    assert statement.speaker.name == PUTIN


@pytest.mark.parametrize("words", ["würden die Verhandlungsposition", "Beobachterstatus", "Seine Amtszeit lief"])
def test_not_statements(doc, words):
    assert not [s.id for s in doc.statements if words in s.content.text]


def test_date_and_place_of_putins_warning(doc):
    statement = statement_with(doc, "Wenn dort irgendwelche Truppen", "direct")
    assert "sagte der Staatschef am Freitag" in doc.text[statement.content.end:statement.content.end + 40]
    assert statement.date.value == "2025-09-05"
    assert statement.place.name == "Wladiwostok"
    assert statement.place.country == "RU"


def test_trump_to_reporters_on_thursday(doc):
    statement = statement_with(doc, "er habe viele Kriege beigelegt", "indirect")
    assert statement.speaker.name == TRUMP
    assert statement.date.value == "2025-09-04"
    assert statement.addressee.text == "Reportern"


@pytest.mark.parametrize(("words", "value", "source", "local"), [
    ("Wenn dort irgendwelche Truppen", "2025-09-05", "explicit", False),
    ("eine Entsendung von Soldaten aus dem Westen", "2025-09-05", "inherited", False),  # "Putin hob hervor"
    ("er habe viele Kriege beigelegt", "2025-09-04", "explicit", True),  # "am Donnerstag (Ortszeit)"
    ("Der Konflikt zwischen Russland und der Ukraine", "2025-09-04", "inherited", True),  # its continuation
    ("Das ist gefährlich für unser Land", None, "article", False),  # no time named for Peskow
])
def test_statement_dates(doc, words, value, source, local):
    statement = statement_with(doc, words)
    assert (statement.date.value if statement.date else None, statement.date_source, statement.local_time) \
        == (value, source, local)


def test_peskow_via_interfax(doc):
    statement = statement_with(doc, "Wir betrachten dies", "direct")
    assert statement.via is not None and "Interfax" in statement.via.text
    assert statement.speaker.name == PESKOW  # the agency is the channel, not the speaker


def test_offsets_and_headings(doc):
    assert [h.text for h in doc.headings] == [
        'Kreml-Sprecher: "Gefahr für uns"',
        "Kreml: Sicherheit der Ukraine nicht zulasten Russlands",
        "Putin will sich nicht im Ausland mit Selenskij treffen",
    ]
    assert invariant_violations(doc) == []


@needs_models
def test_preposed_konjunktiv_clause_with_the_models(doc, seed_rules):
    """``Die Sicherheit der Ukraine, die in die NATO strebt, dürfe …, sagte Peskow mit Blick auf das
    Treffen der „Koalition der Willigen“``: the rules miss it (the heading is glued to it); the
    learned tagger finds it, with the relative clause's head and without the quoted name."""
    assert not [s for s in seed_rules.statements if "die in die NATO strebt" in s.content.text]
    statement = statement_with(doc, "die in die NATO strebt")
    assert statement.content.text == ("Die Sicherheit der Ukraine, die in die NATO strebt, dürfe nicht auf Kosten "
                                      "Russlands gewährleistet werden")
    assert statement.speaker.name == PESKOW and statement.cue.text == "sagte"
