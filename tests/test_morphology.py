"""The morphology stage: STTS tags and lemmas from HanTa, with wortlaut's faster searches."""

from __future__ import annotations

import pytest

from helpers import tagged
from wortlaut.model import Document
from wortlaut.morphology import hanta_tagger, split_compound, tag
from wortlaut.segment import segment


def make_document(sentences: list[list[str]]) -> Document:
    """A segmented Document from token lists."""
    return segment(Document.from_tokens(sentences))


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
    assert split_compound("Ukraine-Verbündeten") == ("Ukraine-", "Verbündeten")
    assert split_compound("Ein-") == ("", "Ein-")
    tokens = tagged("Die Ukraine-Verbündeten trafen sich in Paris .")
    compound = tokens[1]
    assert compound.tag == "NN"
    assert compound.lemma == "Ukraine-Verbündete"


def test_repeated_words_are_analysed_once() -> None:
    tagger = hanta_tagger()
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

    tagger = hanta_tagger()
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

    tagger = hanta_tagger()
    words = sentence.split()
    assert tagger.tag_sent_viterbi(words) == HanoverTagger.tag_sent_viterbi(tagger, words)


def test_a_very_long_token_is_analysed_by_its_last_characters() -> None:
    """Issue 15: HanTa's word search is quadratic; a 5,000-character token took two minutes."""
    tagger = hanta_tagger()
    word = "Bundes" * 1000 + "gesetze"
    modifier, head = tagger.analysed_part(word)
    assert modifier + head == word and len(head) == 80
    [(stts, lemma)] = tagger.tag_words([word])
    assert stts == "NN" and lemma.lower() == word[:-1].lower()  # "…Bundesgesetz": tag and lemma from the end


def test_a_sentence_of_thousands_of_words_gets_a_tag_for_each() -> None:
    """Issue 15: 990,000 characters without punctuation ended in a TypeError (scores under HanTa's floor)."""
    words = ["Merz", "sagte", ",", *(["Wort", "und"] * 10_000), "."]
    tags = [stts for stts, _ in hanta_tagger().tag_words(words)]
    assert len(tags) == len(words) and tags[:2] == ["NE", "VVFIN"] and tags[-1] == "$."
