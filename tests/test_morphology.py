"""The morphology stage: STTS tags, lemmas and the Konjunktiv rule on hand-written sentences."""

from __future__ import annotations

import pytest

from wortlaut.model import Document, Token
from wortlaut.segment import segment
from wortlaut.morphology import _split_compound, _tagger, form_mood, tag


def make_document(sentences: list[list[str]]) -> Document:
    """A segmented Document from token lists."""
    return segment(Document.from_tokens(sentences))


def tagged(sentence: str) -> list[Token]:
    return tag(make_document([sentence.split()])).tokens


def mood_of(sentence: str, verb: str) -> str | None:
    matches = [token for token in tagged(sentence) if token.text == verb]
    assert matches, f"{verb!r} not in {sentence!r}"
    return matches[0].mood


@pytest.mark.parametrize(
    ("sentence", "verb", "mood"),
    [
        ("Die NATO sehe Russland als Feind .", "sehe", "subj1"),
        ("Das sei zu viel verlangt .", "sei", "subj1"),
        ("Die Gespräche seien konstruktiv gewesen .", "seien", "subj1"),
        ("Gespräche in Moskau würden die Position stärken .", "würden", "subj2"),
        ("Österreich hat Beobachterstatus .", "hat", "ind"),
        ("Er sagte , er habe viele Kriege beigelegt .", "habe", "subj1"),
        ("Er käme gern .", "käme", "subj2"),
        ("Sie kam gestern .", "kam", "ind"),
        ("Der Kreml könne das nicht akzeptieren .", "könne", "subj1"),
        ("Der Kreml kann das nicht akzeptieren .", "kann", "ind"),
        ("Die Regierung müsse handeln .", "müsse", "subj1"),
        ("Moskau werde darauf reagieren .", "werde", "subj1"),
        ("Moskau wird darauf reagieren .", "wird", "ind"),
        ("Es gebe keine Alternative .", "gebe", "subj1"),
        ("Es gäbe keine Alternative .", "gäbe", "subj2"),
        ("Es gibt keine Alternative .", "gibt", "ind"),
        ("Die Ukraine brauche Garantien .", "brauche", "subj1"),
        ("Die Ukraine braucht Garantien .", "braucht", "ind"),
        ("Sie hätten keine Wahl .", "hätten", "subj2"),
        ("Das wäre ein Fehler .", "wäre", "subj2"),
        ("Er ginge gern nach Hause .", "ginge", "subj2"),
        ("Sie bekämen nichts .", "bekämen", "subj2"),
        ("Die Minister haben zugestimmt .", "haben", "amb"),
        ("Die Staaten können nicht zustimmen .", "können", "amb"),
        ("Das Treffen sollte am Montag stattfinden .", "sollte", "amb"),
        ("Sie gingen nach Hause .", "gingen", "amb"),
    ],
)
def test_mood_of_finite_verbs(sentence: str, verb: str, mood: str) -> None:
    assert mood_of(sentence, verb) == mood


def test_first_person_e_form_is_ambiguous() -> None:
    assert mood_of("Ich habe das nicht gewusst .", "habe") == "amb"
    assert mood_of("Das sehe ich anders .", "sehe") == "amb"
    # A modal's -e form differs from "ich kann", so it stays Konjunktiv I.
    assert mood_of("Ich könne das nicht , sagte er .", "könne") == "subj1"


def test_subject_of_a_coordinated_verb_comes_from_the_clause_before() -> None:
    assert mood_of("Er sagte , er habe gewartet und habe dann protestiert .", "protestiert") is None
    tokens = tagged("Er sagte , er habe gewartet und habe dann protestiert .")
    assert [t.mood for t in tokens if t.text == "habe"] == ["subj1", "subj1"]
    tokens = tagged("Ich habe gewartet und habe dann protestiert .")
    assert [t.mood for t in tokens if t.text == "habe"] == ["amb", "amb"]


def test_sentence_initial_verb_without_subject_is_dropped_ich() -> None:
    assert mood_of("Habe die Ware gestern erhalten .", "Habe") in ("amb", None)


def test_preterite_looking_forms_in_counterfactuals_are_konjunktiv_ii() -> None:
    assert mood_of("Wenn er mehr verdiente , würde er ein Haus kaufen .", "verdiente") == "subj2"
    assert mood_of("Er tat so , als ob er nichts merkte .", "merkte") == "subj2"
    # Not in a conditional: the weak preterite stays ambiguous.
    assert mood_of("Er sagte , er hätte keine Zeit .", "sagte") == "amb"


def test_non_finite_tokens_have_no_mood() -> None:
    tokens = tagged("Er habe viele Kriege beigelegt .")
    assert {t.text: t.mood for t in tokens if t.text != "habe"} == dict.fromkeys(
        ["Er", "viele", "Kriege", "beigelegt", "."]
    )


def test_tags_are_plain_stts_and_lemmas_are_dictionary_forms() -> None:
    tokens = tagged("Die NATO sehe Russland als Feind , sagte er .")
    by_text = {t.text: t for t in tokens}
    assert by_text["sehe"].tag == "VVFIN"
    assert by_text["sehe"].lemma == "sehen"
    assert by_text["sagte"].lemma == "sagen"
    assert by_text["Feind"].tag == "NN"
    assert by_text[","].tag == "$,"
    assert all("(" not in t.tag for t in tokens)
    tokens = tagged("Das ist eine gute Idee .")
    assert {t.text: t.tag for t in tokens}["gute"] == "ADJA"


def test_names_and_acronyms_keep_their_form_as_lemma() -> None:
    tokens = tagged("Die SPÖ und Zlatan Ibrahimović kritisierten Juventus .")
    lemmas = {t.text: t.lemma for t in tokens}
    assert lemmas["SPÖ"] == "SPÖ"
    assert lemmas["Zlatan"] == "Zlatan"


def test_hyphenated_compound_is_tagged_and_lemmatised_by_its_head() -> None:
    assert _split_compound("Ukraine-Verbündeten") == ("Ukraine-", "Verbündeten")
    assert _split_compound("Ein-") == ("", "Ein-")
    tokens = tagged("Die Ukraine-Verbündeten trafen sich in Paris .")
    compound = tokens[1]
    assert compound.tag == "NN"
    assert compound.lemma == "Ukraine-Verbündete"


@pytest.mark.parametrize(
    ("form", "lemma", "mood"),
    [
        ("führe", "fahren", "subj2"),  # Konjunktiv II of fahren ...
        ("führe", "führen", "subj1"),  # ... but the present stem of führen
        ("handle", "handeln", "subj1"),
        ("arbeitet", "arbeiten", "ind"),
        ("arbeitete", "arbeiten", "amb"),
        ("hatte", "haben", "ind"),
        ("wurde", "werden", "ind"),
        ("würde", "werden", "subj2"),
        ("seiest", "sein", "subj1"),
        ("tue", "tun", "subj1"),
    ],
)
def test_form_mood(form: str, lemma: str, mood: str) -> None:
    assert form_mood(form, lemma) == mood


def test_repeated_words_are_analysed_once() -> None:
    tagger = _tagger()
    tag(make_document([["Die", "Beobachterstaaten", "berieten", "."]]))
    cached = len(tagger.lemma_cache)
    tag(make_document([["Die", "Beobachterstaaten", "berieten", "."]]))
    assert len(tagger.lemma_cache) == cached


# The tagger replaces three of HanTa's searches with faster code; they must give HanTa's answers.
_UNSEEN_WORDS = ["bundesverfassungsgerichtsentscheidung", "kremlsprecher", "friedensverhandlungen",
                 "ukraineverbündeten", "wirtschaftsforum", "xqzt", "selenskyj", "a"]


@pytest.mark.parametrize("word", _UNSEEN_WORDS)
def test_word_search_gives_hantas_answer(word):
    from HanTa.HanoverTagger import HanoverTagger

    tagger = _tagger()
    expected = HanoverTagger.analyze_forward(tagger, word)
    found = tagger.analyze_forward(word)
    assert [t for t, _ in found] == [t for t, _ in expected]
    assert [p for _, p in found] == pytest.approx([float(p) for _, p in expected])
    for tag_number, _ in expected[:3]:
        target = -tag_number
        assert tagger.analyze_viterbi(word, target) == HanoverTagger.analyze_viterbi(tagger, word, target)


@pytest.mark.parametrize("sentence", [
    "Kreml-Sprecher Dmitri Peskow sagte am Freitag , die Sicherheit der Ukraine dürfe nicht auf Kosten Russlands gehen .",
    "„ Wir werden das nicht hinnehmen “ , erklärte die Grünen-Vorsitzende vor Journalisten in Wladiwostok .",
    "Xqztbrm flöng plurk .",
])
def test_sentence_search_gives_hantas_answer(sentence):
    from HanTa.HanoverTagger import HanoverTagger

    tagger = _tagger()
    words = sentence.split()
    assert tagger.tag_sent_viterbi(words) == HanoverTagger.tag_sent_viterbi(tagger, words)
