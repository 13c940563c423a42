"""Training examples of the three SpkAtt taggers, read off the gold annotations: a sequence per
sentence for the cue tagger, per gold cue for the role tagger and per article for the sentence
tagger, each as ``(features per item, label per item)``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from wortlaut.attribution.cueless import SPKATT_TO_SENTENCE_LABEL, covered_sentences, cueless_features
from wortlaut.attribution.features import cue_features, role_features, role_window, token_infos
from wortlaut.attribution.taggers import matching_rule
from wortlaut.formats import read_file
from wortlaut.formats.spkatt import gold_annotations
from wortlaut.model import Document
from wortlaut.pipeline import Options, run

from ..common import SHARED_DATA, Example

DEFAULT_DATA = SHARED_DATA / "spkatt-news" / "train"
# the pipeline up to the rules' statements: their output is a feature of the taggers
RULE_STAGES = ("segment", "morphology", "quotes", "times", "places", "entities", "statements")
Gold = list[dict]  # ``wortlaut.formats.spkatt.gold_annotations`` of one article


def analyse_rules(paths: Iterable[Path]) -> dict[str, Document]:
    """Each SpkAtt article after the rule stages, keyed by file name."""
    options = Options(pipeline=RULE_STAGES)
    docs = {}
    for path in paths:
        [doc] = read_file(path, input_format="spkatt")
        docs[path.name] = run(doc, options)
    return docs


def read_gold(paths: Iterable[Path], docs: dict[str, Document]) -> dict[str, Gold]:
    """The gold annotations of each article, roles as token indices of its analysed document."""
    return {path.name: gold_annotations(path, docs[path.name]) for path in paths}


def cue_examples(doc: Document, gold: Gold) -> Iterable[Example]:
    """Per sentence: cue features, ``B``/``I`` on the gold cues' tokens."""
    infos = token_infos(doc)
    labels = ["O"] * len(doc.tokens)
    for annotation in gold:
        cue = annotation["cue"]
        if cue:
            labels[cue[0]] = "B"
            for i in cue[1:]:
                labels[i] = "I"
    for sentence in doc.sentences:
        first, end = sentence.token_start, sentence.token_end
        if end > first:
            yield cue_features(doc, infos, first, end), labels[first:end]


def role_examples(doc: Document, gold: Gold) -> Iterable[Example]:
    """Per gold cue: role features in its window, ``M``/``A``/``S`` from its (outer) annotations."""
    infos = token_infos(doc)
    by_cue: dict[tuple[int, ...], list[dict]] = {}
    for annotation in gold:
        if annotation["cue"]:
            by_cue.setdefault(tuple(annotation["cue"]), []).append(annotation)
    for cue, group in by_cue.items():
        outer = [a for a in group if not a["nested"]] or group
        first, end = role_window(doc, cue)
        labels = ["O"] * (end - first)
        for role, label in (("message", "M"), ("addr", "A"), ("source", "S")):  # later wins
            for annotation in outer:
                for i in annotation[role]:
                    if first <= i < end:
                        labels[i - first] = label
        rule = matching_rule(doc, list(cue))
        yield role_features(doc, infos, list(cue), rule, first, end), labels


def sentence_labels(doc: Document, gold: Gold) -> list[str]:
    """Per sentence: the short form of the cue-less gold statement covering at least half of it,
    ``C`` for one with a cue, else ``O``."""
    labels = ["O"] * len(doc.sentences)
    for annotation in gold:
        if annotation["nested"]:
            continue
        per_sentence: dict[int, int] = {}
        for i in annotation["message"]:
            per_sentence[doc.tokens[i].sentence] = per_sentence.get(doc.tokens[i].sentence, 0) + 1
        for number, count in per_sentence.items():
            sentence = doc.sentences[number]
            if count * 2 >= sentence.token_end - sentence.token_start:
                labels[number] = "C" if annotation["cue"] else SPKATT_TO_SENTENCE_LABEL.get(annotation["form"], "O")
    return labels


def sentence_examples(doc: Document, gold: Gold) -> Iterable[Example]:
    """One sequence per article: sentence features after the cue and role taggers ran."""
    if doc.sentences:
        yield cueless_features(doc, covered_sentences(doc)), sentence_labels(doc, gold)
