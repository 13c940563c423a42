"""One NER build: the feature tables (name gazetteer, word clusters, character model) built or
taken as shipped, then the CRF trained on the GermEval training part with self-training and the
corpus lexicon (``python -m training.entities`` runs it and writes what it built)."""

from __future__ import annotations

import dataclasses
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from wortlaut.entities.ner import (
    FeatureCache,
    Resources,
    cluster_table,
    gazetteer_tables,
    resources_,
    sentence_features,
)
from wortlaut.evaluate.ner import format_ner_report, score_tag_sequences
from wortlaut.formats.germeval import GermEvalSentence

from . import crf
from .charmodel import char_model
from .clusters import build_clusters, write_clusters
from .data import corpus_sentences, gold_tags, pos_tags
from .lexicon import Lexicon, corpus_lexicon, crossfit_lexicons, tag_corpus
from .name_gazetteer import build_name_gazetteer, gazetteer_text
from .smartdata import smartdata_sentences


@dataclass(frozen=True)
class Settings:
    """The trainer's settings (the command-line flags of ``python -m training.entities``)."""

    c1: float = 0.05
    c2: float = 0.05
    iterations: int = 200
    smartdata: str = "none"  # none | news | all
    clusters: str = "build"  # build | shipped | none
    gazetteer: str = "build"
    charmodel: str = "build"
    cluster_cache: Path | None = None
    pos: bool = True
    self_train: int = 20000
    threshold: float = 0.9
    rounds: int = 1
    parliament: bool = True
    lexicon: bool = True
    crossfit: bool = False

    def crf(self) -> dict:
        return {"c1": self.c1, "c2": self.c2, "iterations": self.iterations}


@dataclass
class Built:
    """What a build made: the tables (None where not built) and the final model's validation tags."""

    resources: Resources
    gazetteer: dict[str, str] | None = None
    clusters: dict[str, tuple[str, ...]] | None = None
    char_model: tuple[dict, tuple[float, ...]] | None = None  # weights, prior
    lexicon: Lexicon = field(default_factory=dict)
    predicted: list[list[str]] = field(default_factory=list)
    pos_validation: list[list[str] | None] = field(default_factory=list)


def feature_tables(settings: Settings, train: list[GermEvalSentence]) -> Built:
    """The shipped feature tables, with those ``settings`` build rebuilt (or left out)."""
    res = resources_()
    built = Built(res)
    if settings.gazetteer == "build":
        built.gazetteer = build_name_gazetteer()
        names, phrases = gazetteer_tables(gazetteer_text(built.gazetteer))
        res = dataclasses.replace(res, names=names, phrases=phrases)
    elif settings.gazetteer == "none":
        res = dataclasses.replace(res, names={}, phrases={})
    if settings.clusters == "none":
        res = dataclasses.replace(res, clusters={})
    elif settings.clusters == "build":
        cache = settings.cluster_cache
        if cache and cache.exists():
            built.clusters = cluster_table(cache.read_text(encoding="utf-8"))
        else:
            built.clusters = build_clusters(train)
            if cache:
                write_clusters(built.clusters, cache)
        res = dataclasses.replace(res, clusters=built.clusters)
    if settings.charmodel == "build":
        weights, prior, override = char_model(train, res)
        built.char_model = weights, prior
        res = dataclasses.replace(res, char_weights=weights, char_prior=prior, char_override=override)
    elif settings.charmodel == "none":
        res = dataclasses.replace(res, char_weights={}, char_override={})
    built.resources = res
    return built


def train_and_validate(settings: Settings, built: Built, train: list[GermEvalSentence],
                       validation: list[GermEvalSentence], model: Path) -> None:
    """Train the CRF into ``model`` (after self-training rounds that also rebuild the corpus
    lexicon) and tag the validation sentences with it; the results go into ``built``."""
    res = built.resources
    features = FeatureCache(res)
    words = [s.words for s in train]
    labels = gold_tags(train)
    if settings.smartdata != "none":
        extra = smartdata_sentences(("news", "rss") if settings.smartdata == "news" else ("news", "rss", "tweet"))
        print(f"SmartData: {len(extra)} sentences added", file=sys.stderr)
        words += [w for w, _ in extra]
        labels += [t for _, t in extra]
    t0 = time.time()
    pos_train = pos_tags(words, settings.pos)
    pos_val = pos_tags([s.words for s in validation], settings.pos)
    x_train = crf.featurize(words, pos_train, features)
    x_val = crf.featurize([s.words for s in validation], pos_val, features)
    y_val = gold_tags(validation)
    print(f"features: {time.time() - t0:.0f} s", file=sys.stderr)

    if settings.self_train or settings.lexicon:
        # Self-training: a first model tags unlabelled news; sentences it is sure of join the
        # training data for the final model.  The same pass records which type each capitalised
        # word got across the corpus (the corpus lexicon).
        t0 = time.time()
        corpus = corpus_sentences(settings.pos, settings.parliament)
        print(f"corpus: {len(corpus):,} sentences ({time.time() - t0:.0f} s)", file=sys.stderr)
        extra_words, extra_pos, y_extra = [], [], []
        for round_ in range(settings.rounds):
            crf.train(x_train + crf.featurize(extra_words, extra_pos, features), labels + y_extra, model,
                      **settings.crf())
            x_val_now = crf.featurize([s.words for s in validation], pos_val, features)
            print(f"model {round_ + 1}: "
                  f"{format_ner_report(score_tag_sequences(y_val, crf.predict(model, x_val_now))).splitlines()[2]}",
                  file=sys.stderr)
            chosen, y_extra, seen = tag_corpus(model, corpus, features, settings.self_train, settings.threshold)
            extra_words = [corpus[i][0] for i in chosen]
            extra_pos = [corpus[i][1] for i in chosen]
            if settings.lexicon:  # rebuilt each round, from the latest model
                built.lexicon = corpus_lexicon(seen)
                halves = (crossfit_lexicons(x_train, labels, corpus, features, **settings.crf())
                          if settings.crossfit else None)
                res = dataclasses.replace(res, lexicon=built.lexicon)
                features = FeatureCache(res)
                if halves is None:
                    x_train = crf.featurize(words, pos_train, features)
                else:
                    # Each half of GermEval sees the lexicon of a model that never saw its labels,
                    # so the CRF learns how far the lexicon is right on words it was not trained on.
                    caches = [FeatureCache(dataclasses.replace(res, lexicon=half)) for half in halves]
                    x_train = [sentence_features(w, p, caches[1 - i % 2])
                               for i, (w, p) in enumerate(zip(words, pos_train))]
                x_val = crf.featurize([s.words for s in validation], pos_val, features)
                print(f"lexicon: {len(built.lexicon):,} words", file=sys.stderr)
            print(f"self-training: {len(chosen)} sentences ({time.time() - t0:.0f} s)", file=sys.stderr)
        x_train = x_train + crf.featurize(extra_words, extra_pos, features)
        labels = labels + y_extra
    t0 = time.time()
    crf.train(x_train, labels, model, **settings.crf())
    print(f"CRF trained in {time.time() - t0:.0f} s", file=sys.stderr)
    built.resources = res
    built.predicted = crf.predict(model, x_val)
    built.pos_validation = pos_val
