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


def test_words_with_digits_are_cached_within_a_bound(monkeypatch) -> None:
    from wortlaut import morphology

    tagger = hanta_tagger()
    tag(make_document([["Im", "Jahr", "2015", "kamen", "1.000", "Menschen", "."]]))
    assert {"2015", "1.000"} <= {key[0] for key in tagger.word_tag_cache}  # years come again
    monkeypatch.setattr(morphology, "_NUMBER_LIMIT", 3)
    tag(make_document([[f"{n}00" for n in range(1, 9)] + ["."]]))
    assert tagger.word_tag_cache.numbers <= 3
    assert sum(any(c.isdigit() for c in key[0]) for key in tagger.word_tag_cache) <= 3


# The tagger replaces three of HanTa's searches with faster code; they must give HanTa's answers.
_UNSEEN_WORDS = ["bundesverfassungsgerichtsentscheidung", "kremlsprecher", "friedensverhandlungen",
                 "ukraineverbündeten", "wirtschaftsforum", "xqzt", "selenskyj", "a"]


@pytest.mark.parametrize("word", _UNSEEN_WORDS)
def test_word_search_gives_hantas_answer(word):
    from HanTa.HanoverTagger import HanoverTagger

    from wortlaut.morphology import hanta_search

    tagger = hanta_tagger()
    expected = HanoverTagger.analyze_forward(tagger, word)
    # the search itself, and what the tagger answers (from its caches or the shipped table)
    for found in (hanta_search.word_tag_scores(tagger, word), tagger.analyze_forward(word)):
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


# --- the shipped table of analyses (data/hanta_analyses.tsv.gz) -------------------------------


def test_scores_are_stored_exactly() -> None:
    from wortlaut.morphology.analyses import decode_scores, encode_scores

    scores = [(12, -3.5), (40, -7.123456789012345), (3, -1e-300), (9, -0.1 - 0.2), (0, 0)]
    decoded = decode_scores(encode_scores(scores))
    assert decoded == scores
    assert [type(score) for _, score in decoded] == [float, float, float, float, int]  # HanTa's (UNKNOWN, 0)


def test_table_for_another_hanta_or_model_is_not_used(tmp_path) -> None:
    from wortlaut.morphology.analyses import read, write

    path = tmp_path / "analyses.tsv.gz"
    write(path, "HanTa 1.2.1 morphmodel_ger.pgz 0123", {"kremlsprecher": [(12, -3.5)]}, {("kremlsprecher", 5): "Kremlsprecher"})
    table = read(path, "HanTa 1.2.1 morphmodel_ger.pgz 0123")
    assert table.forward("kremlsprecher") == [(12, -3.5)] and table.lemma("kremlsprecher", 5) == "Kremlsprecher"
    assert table.forward("haus") is None and table.lemma("kremlsprecher", 6) is None
    assert read(path, "HanTa 1.2.2 morphmodel_ger.pgz 0123") is None
    assert read(tmp_path / "missing.tsv.gz", "HanTa 1.2.1 morphmodel_ger.pgz 0123") is None


def _shipped_table():
    from wortlaut.morphology.analyses import shipped_analyses

    table = shipped_analyses()
    if table is None:
        pytest.skip("the shipped table of analyses does not fit the installed HanTa or its model")
    return table


def test_shipped_analyses_are_what_the_tagger_computes() -> None:
    """A sample of the table, recomputed by a tagger that reads nothing from it."""
    import random

    from wortlaut.morphology import _tagger

    table = _shipped_table()
    computing = _tagger(1000, shipped_analyses=False)
    pick = random.Random(18)
    words = pick.sample(sorted(table.forward_entries), 300)
    for word in words:
        assert table.forward(word) == computing.analyze_forward(word), word
    for key in pick.sample(sorted(table.lemma_entries), 300):
        head, tag = key.split("\t")
        assert table.lemma(head, int(tag)) == computing._analyze(head, int(tag), taglevel=1)[0], key


def test_tags_and_lemmas_are_the_same_with_and_without_the_table() -> None:
    from wortlaut.morphology import _tagger

    table = _shipped_table()
    reading, computing = _tagger(1000), _tagger(1000, shipped_analyses=False)
    assert reading.shipped is table and computing.shipped is None
    sentences = ["Die Bundesregierung kündigte am Montag weitere Sanktionen gegen Russland an .",
                 "Die Parlamentarier verabschiedeten das Haushaltsgesetz mit großer Mehrheit .",
                 "Kreml-Sprecher Peskow bezeichnete die Vorwürfe als haltlos ."]
    for sentence in sentences:
        assert reading.tag_words(sentence.split()) == computing.tag_words(sentence.split())
    assert any(table.forward(word.lower()) for sentence in sentences for word in sentence.split())


def test_compiled_searches_equal_hantas_to_the_bit_on_random_words() -> None:
    """The compiled character search adds HanTa's scores in HanTa's order: equal floats, not close ones."""
    import random

    from HanTa.HanoverTagger import HanoverTagger

    from wortlaut.morphology import hanta_search

    tagger = hanta_tagger()
    rng = random.Random(5)
    pieces = ["ver", "handl", "ung", "en", "bundes", "sch", "ä", "ß", "tz", "ei", "st", "er", "x", "q", "o", "an"]
    for _ in range(40):
        word = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        expected = HanoverTagger.analyze_forward(tagger, word)
        found = hanta_search.word_tag_scores(tagger, word)
        assert [(t, float(p)) for t, p in found] == [(t, float(p)) for t, p in expected], word
        for tag_number, _ in expected[:2]:
            assert tagger.analyze_viterbi(word, -tag_number) == HanoverTagger.analyze_viterbi(tagger, word, -tag_number)
    sentence = [rng.choice(["Die", "Regierung", "sagte", ",", "sie", "werde", "das", "Xqzt", "prüfen", "."])
                for _ in range(30)]
    assert tagger.tag_sent_viterbi(sentence) == HanoverTagger.tag_sent_viterbi(tagger, sentence)
