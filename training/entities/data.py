"""The NER trainer's text, all from ``../shared/data``: the GermEval file and its fixed split,
unlabelled text for the word clusters, and unlabelled news for self-training.

- ``germeval2014/NER-de-test.tsv`` is the training file.  A fixed ~20 % is held out for
  validation: a sentence is a validation sentence when the first 8 hex digits of the SHA-1 of its
  ``#`` source line (URL and date), read as an integer, modulo 100 are below 20.  Sentences from
  one source page therefore fall on the same side, and the rule does not depend on order.
- Unlabelled text for the clusters: ``10kgnad/articles.csv``, ``spkatt-news`` (train and
  test-blind, text only), ``spkatt-parl``, ``redewiedergabe``, SmartData's text and the training
  part of GermEval.
- Unlabelled news for self-training and the corpus lexicon: 10kGNAD and SpkAtt news (and, by
  default, the SpkAtt parliament speeches), sentences of 6 to 50 tokens.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

from wortlaut.evaluate.smartdata import read_records
from wortlaut.formats.germeval import GermEvalSentence, read_germeval
from wortlaut.morphology import tag_words

from ..common import SHARED_DATA

GERMEVAL = SHARED_DATA / "germeval2014" / "NER-de-test.tsv"
VALIDATION_PERCENT = 20
TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
Corpus = list[tuple[list[str], list[str] | None]]  # words and STTS tags (None without tags) per sentence


def tokenize(text: str) -> list[str]:
    return TOKEN.findall(text)


def is_validation(sentence: GermEvalSentence, index: int) -> bool:
    key = sentence.comments[0] if sentence.comments else f"sentence {index}"
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 100 < VALIDATION_PERCENT


def germeval_split(path: Path = GERMEVAL) -> tuple[list[GermEvalSentence], list[GermEvalSentence]]:
    """``(training, validation)`` sentences of the GermEval file."""
    train, validation = [], []
    for index, sentence in enumerate(read_germeval(path)):
        (validation if is_validation(sentence, index) else train).append(sentence)
    return train, validation


def gold_tags(sentences: list[GermEvalSentence]) -> list[list[str]]:
    return [[row.outer for row in sentence.rows] for sentence in sentences]


def smartdata_documents(part: str) -> Iterator[dict]:
    """The documents of SmartData's ``{part}.json.gz`` (concatenated JSON objects)."""
    yield from read_records(SHARED_DATA / "smartdata-v1" / f"{part}.json.gz")


def _spkatt_sentences(folders: tuple[str, ...]) -> Iterator[list[str]]:
    for folder in folders:
        for path in sorted((SHARED_DATA / folder).rglob("*.json")):
            for sentence in json.loads(path.read_text(encoding="utf-8")).get("Sentences", []):
                yield sentence.get("Tokens", [])


def _gnad_texts() -> Iterator[str]:
    with open(SHARED_DATA / "10kgnad" / "articles.csv", encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter=";", quotechar="'"):
            if len(row) >= 2:
                yield row[1]


def _redewiedergabe_sentences() -> Iterator[list[str]]:
    for path in sorted((SHARED_DATA / "redewiedergabe").rglob("*.tsv")):
        words: list[str] = []
        with open(path, encoding="utf-8") as f:
            next(f, None)
            for line in f:
                columns = line.split("\t")
                if len(columns) < 6:
                    continue
                if columns[5] == "yes" and words:  # column 6 marks a sentence start
                    yield words
                    words = []
                words.append(columns[0])
        if words:
            yield words


def unlabelled_sentences(train: list[GermEvalSentence]) -> Iterator[list[str]]:
    """Tokenised sentences (or, for 10kGNAD and SmartData, whole texts) for the word clusters."""
    for sentence in train:
        yield sentence.words
    for text in _gnad_texts():
        yield tokenize(text)
    yield from _spkatt_sentences(("spkatt-news", "spkatt-parl"))
    yield from _redewiedergabe_sentences()
    for document in smartdata_documents("train"):
        yield tokenize(document["text"]["string"])


def news_sentences(parliament: bool = False) -> Iterator[list[str]]:
    """Unlabelled news sentences for self-training (not the historical Redewiedergabe texts);
    with ``parliament`` also the Bundestag speeches of SpkAtt."""
    for text in _gnad_texts():
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", text):
            yield tokenize(sentence)
    yield from _spkatt_sentences(("spkatt-news", "spkatt-parl") if parliament else ("spkatt-news",))


def pos_tags(words_list: list[list[str]], use_pos: bool) -> list[list[str] | None]:
    """HanTa STTS tags per sentence (computed once; features are rebuilt from them)."""
    return [[tag for tag, _ in tag_words(words)] if use_pos else None for words in words_list]


def corpus_sentences(use_pos: bool, parliament: bool) -> Corpus:
    """The self-training corpus: news sentences of 6 to 50 tokens, with their tags."""
    words_list = [words for words in news_sentences(parliament) if 6 <= len(words) <= 50]
    return list(zip(words_list, pos_tags(words_list, use_pos)))
