"""Named entities: the CRF tagger (wortlaut.entities.ner) and the chunk scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import REPO
from wortlaut.entities.ner import (
    MODEL_NAME,
    char_class,
    char_ngrams,
    chunks,
    find_named_entities,
    repair_bio,
    resources_,
    tag_sentence,
    word_shape,
)
from wortlaut.evaluate.ner import evaluate_ner, format_ner_report, score_tag_sequences
from wortlaut.model import Document
from wortlaut.morphology import tag as tag_morphology
from wortlaut.resources import model_path
from wortlaut.segment import segment

GERMEVAL = REPO / "tests" / "formats"
SAMPLE = (GERMEVAL / "germeval_gold.tsv").read_text(encoding="utf-8")
PREDICTED = (GERMEVAL / "germeval_predicted.tsv").read_text(encoding="utf-8")

# ------------------------------------------------------------------ the model


def test_model_is_shipped_and_small() -> None:
    path = model_path(MODEL_NAME)
    assert path.exists()
    assert path.stat().st_size < 10_000_000
    assert (path.parent / "ner.md").exists()


def test_person_and_city() -> None:
    words = "Angela Merkel reiste nach Paris .".split()
    assert tag_sentence(words) == ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]


def test_unseen_person_after_first_name_and_role() -> None:
    # An invented surname: only the first name and the context make it a person.
    words = "Der Bürgermeister Thomas Krawinkel sagte am Montag , die Stadt habe kein Geld .".split()
    tags = tag_sentence(words)
    assert tags[2:4] == ["B-PER", "I-PER"]
    assert tags[0:2] == ["O", "O"] and tags[4:] == ["O"] * (len(words) - 4)


def test_organisation() -> None:
    words = "Die Europäische Union verhängte neue Sanktionen gegen Russland .".split()
    tags = tag_sentence(words)
    assert tags[1:3] == ["B-ORG", "I-ORG"]
    assert tags[7] == "B-LOC"
    assert tags[3:7] == ["O"] * 4


def test_country_adjective_is_loc_deriv() -> None:
    # GermEval tags adjectives derived from place names as LOCderiv.
    words = "Die deutschen Behörden prüfen den Fall .".split()
    assert tag_sentence(words) == ["O", "B-LOCderiv", "O", "O", "O", "O", "O"]


def test_common_nouns_and_empty_sentence_stay_untagged() -> None:
    assert tag_sentence([]) == []
    words = "Die Regierung will die Steuern im nächsten Jahr senken .".split()
    assert set(tag_sentence(words)) == {"O"}


def test_find_named_entities_in_a_document() -> None:
    doc = Document.from_tokens([["Angela", "Merkel", "sprach", "in", "Berlin", "."],
                                ["Die", "Polizei", "ermittelt", "."]])
    tag_morphology(segment(doc))
    entities = find_named_entities(doc)
    assert [(" ".join(t.text for t in doc.tokens[s:e]), label) for s, e, label in entities] == [
        ("Angela Merkel", "PER"), ("Berlin", "LOC")]
    assert entities[1][0] == 4


def test_character_ngrams_mark_word_edges() -> None:
    assert char_ngrams("Ulm") == ["<U", "Ul", "lm", "m>", "<Ul", "Ulm", "lm>", "<Ulm", "Ulm>"]


def test_letters_alone_tell_names_from_common_nouns() -> None:
    res = resources_()
    # A Slavic surname shape reads as a name (the model's first two choices are LOC and PER:
    # place lists hold many Polish towns in -ski), a noun in -ung as a common noun, surely.
    best, _, second = char_class("Wrzesniewski", res)
    assert best != "O" and "PER" in (best, second)
    assert char_class("Verwaltungsreform", res)[:2] == ("O", "4")
    # Only capitalised words are scored: lower-case words are not names in German.
    assert char_class("verwaltung", res) == ()


def test_corpus_lexicon_knows_frequent_names() -> None:
    lexicon = resources_().lexicon
    assert lexicon["Merkel"][0] == "PER"
    assert lexicon["Berlin"][0] == "LOC"
    assert lexicon["Regierung"][0] == "O"


# ------------------------------------------------------------------ BIO helpers


def test_chunks_read_stray_inside_tags_as_starts() -> None:
    assert chunks(["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC"]) == [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC")]
    assert chunks(["B-PER", "I-ORG"]) == [(0, 1, "PER"), (1, 2, "ORG")]
    assert repair_bio(["O", "I-LOC", "I-LOC", "I-PER"]) == ["O", "B-LOC", "I-LOC", "B-PER"]


# ------------------------------------------------------------------ the scorer


def test_scores_by_hand(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold.tsv", tmp_path / "pred.tsv"
    gold.write_text(SAMPLE, encoding="utf-8")
    pred.write_text(PREDICTED, encoding="utf-8")
    result = evaluate_ner(gold, pred)
    # Gold: PER Angela Merkel, LOC Paris, LOCderiv deutschen, ORG Deutsche Bank (4 chunks).
    # Predicted: PER Angela (boundary wrong), LOC Paris, LOCderiv deutschen, LOCderiv Deutsche,
    # ORG Bank (5 chunks); correct: Paris, deutschen.
    overall = result["overall"]
    assert (overall["tp"], overall["pred"], overall["gold"]) == (2, 5, 4)
    assert overall["precision"] == pytest.approx(0.4)
    assert overall["recall"] == pytest.approx(0.5)
    assert overall["f1"] == pytest.approx(4 / 9)
    types = result["types"]
    assert types["LOC"]["f1"] == pytest.approx(1.0)
    assert (types["LOCderiv"]["precision"], types["LOCderiv"]["recall"]) == (pytest.approx(0.5), pytest.approx(1.0))
    assert types["PER"]["f1"] == 0.0 and types["ORG"]["f1"] == 0.0
    assert result["token_accuracy"] == pytest.approx(10 / 13)
    report = format_ner_report(result)
    assert "overall" in report and "0.444" in report


def test_scorer_refuses_different_tokens(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold.tsv", tmp_path / "pred.tsv"
    gold.write_text(SAMPLE, encoding="utf-8")
    pred.write_text(PREDICTED.replace("Paris", "Rom"), encoding="utf-8")
    with pytest.raises(ValueError, match="tokens differ"):
        evaluate_ner(gold, pred)
    with pytest.raises(ValueError, match="sentence 1"):
        score_tag_sequences([["O", "O"]], [["O"]])


def test_compiled_character_sums_equal_adding_each_ngram_in_order():
    """The compiled sums over the n-gram trie (entities/char_ngrams.py) add what char_ngrams lists,
    in its order, so they equal the plain loop to the bit."""
    import random

    from wortlaut.entities.char_ngrams import CharNgramTable

    res = resources_()
    if not res.char_weights:
        pytest.skip("no character model shipped")
    table = CharNgramTable(res.char_weights, res.char_prior)
    rng = random.Random(9)
    words = ["Wrzesniewski", "Müller-Lüdenscheidt", "X", "", "O'Neill", "\udc80Ab", "😀Zug"]
    words += ["".join(rng.choice("AaBbeinrstÄäßéX-'") for _ in range(rng.randint(1, 14))) for _ in range(2000)]
    for word in words:
        totals = list(res.char_prior)
        for gram in char_ngrams(word):
            weights = res.char_weights.get(gram)
            if weights is not None:
                totals = [total + weight for total, weight in zip(totals, weights)]
        assert table.totals(word) == totals, word


@pytest.mark.parametrize(("word", "shape"), [
    ("Merkel", "Xx"), ("G20", "Xd"), ("ÖVP-Chef", "X-Xx"), ("1990er", "dx"), ("a", "x"), ("x--y", "x-x"),
    ("Aaaa", "Xx"), ("ab12cd", "xdx"), ("", ""), ("a\n\nb", "x\n\nx"),  # line breaks are not folded
])
def test_word_shape_folds_runs_of_a_class(word, shape) -> None:
    assert word_shape(word) == shape
