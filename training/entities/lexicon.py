"""Self-training and the corpus lexicon ``data/ner_lexicon.tsv``.

A first CRF tags unlabelled news (``data.corpus_sentences``); the sentences it tags with sequence
probability >= the threshold and at least one entity join the training data of the final CRF.
In the same pass it records the type it gave each capitalised word: the lexicon keeps the most
frequent one and how dominant it was (a word tagged PER in twenty other sentences is probably a
person here too).  Built by ``python -m training.entities``.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from wortlaut.entities.ner import FeatureCache, sentence_features

from . import crf
from .data import Corpus

Lexicon = dict[str, tuple[str, str]]  # word -> (type, share bin)
# the first line of the file; it names the script of the shipped build so a rebuild stays byte-identical
HEADER = ("# word<TAB>type a first CRF gave it most often in unlabelled news<TAB>share bin (3: >= 0.9, "
          "2: >= 0.6, 1: less) — built by training/train_ner.py, see models/ner.md\n")


def tag_corpus(model: Path, corpus: Corpus, features: FeatureCache, limit: int, threshold: float = 0.9
               ) -> tuple[list[int], list[list[str]], dict[str, Counter]]:
    """Tag unlabelled sentences with a first model: the indices and tags of those it is sure of
    (sequence probability >= ``threshold``, at least one entity; at most ``limit``), and for
    every capitalised word the types it was given across the whole corpus."""
    tagger = crf.open_tagger(model)
    chosen, tag_lists = [], []
    seen: dict[str, Counter] = {}
    for index, (words, pos) in enumerate(corpus):
        tags = tagger.tag(sentence_features(words, pos, features))
        for word, tag in zip(words, tags):
            if word[:1].isupper():
                seen.setdefault(word, Counter())[tag[2:] if tag != "O" else "O"] += 1
        if len(chosen) < limit and any(t != "O" for t in tags) and tagger.probability(tags) >= threshold:
            chosen.append(index)
            tag_lists.append(tags)
    return chosen, tag_lists, seen


def corpus_lexicon(seen: dict[str, Counter], min_count: int = 2) -> Lexicon:
    """Capitalised word -> (type the first model gave it most often in unlabelled text, share bin)."""
    lexicon = {}
    for word, counter in seen.items():
        total = sum(counter.values())
        if total >= min_count:
            kind, hits = counter.most_common(1)[0]
            share = hits / total
            lexicon[word] = (kind, "3" if share >= 0.9 else "2" if share >= 0.6 else "1")
    return lexicon


def crossfit_lexicons(x_train: crf.Features, labels: list[list[str]], corpus: Corpus, features: FeatureCache,
                      *, c1: float, c2: float, iterations: int) -> list[Lexicon]:
    """Corpus lexicons of two models, each trained on every other GermEval training sentence."""
    lexicons = []
    with tempfile.TemporaryDirectory() as folder:
        for half in (0, 1):
            path = Path(folder) / f"ner-half{half}.crfsuite"
            crf.train(x_train[half::2], labels[half::2], path, c1=c1, c2=c2, iterations=iterations)
            lexicons.append(corpus_lexicon(tag_corpus(path, corpus, features, 0)[2]))
    return lexicons


def write_lexicon(lexicon: Lexicon, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.writelines(f"{word}\t{kind}\t{bin_}\n" for word, (kind, bin_) in sorted(lexicon.items()) if "\t" not in word)
