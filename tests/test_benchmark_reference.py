"""The throughput benchmark's reference check: its per-stage pipeline gives ``analyze``'s output,
and differences are reported by article."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import reference
import throughput

import wortlaut
from wortlaut.pipeline import DEFAULT_PIPELINE

TEXTS = ['Der Minister sagte am Montag in Berlin, die Lage sei "sehr ernst".',
         "„Wir werden das nicht hinnehmen“, erklärte die Sprecherin des Ministeriums.\n\nDer Streik dauert an."]


def test_timed_pipeline_gives_the_output_of_analyze():
    timed = throughput.pipeline_loader(DEFAULT_PIPELINE, "2016-01-15")()
    for text in TEXTS:
        output = timed(text)
        assert output.digest == reference.output_digest(wortlaut.analyze(text, date="2016-01-15"))
        assert list(output.stage_seconds) == ["document", *DEFAULT_PIPELINE]


def test_compare_names_the_differing_articles():
    stored = {"digests": ["a", "b", "c"]}
    assert reference.compare(["a", "b"], stored) == {"reference_checked": 2, "reference_differing": [],
                                                     "reference_ok": True}
    assert reference.compare(["a", "x", "c", "d"], stored)["reference_differing"] == [1]


def test_reference_applies_only_to_its_corpus_pipeline_and_date():
    stored = {"corpus": "articles.csv", "date": "2016-01-15", "pipeline": list(DEFAULT_PIPELINE)}
    assert reference.applies(stored, corpus="/x/articles.csv", components=DEFAULT_PIPELINE, date="2016-01-15") is None
    assert reference.applies(stored, corpus="synthetic", components=DEFAULT_PIPELINE, date="2016-01-15")
    assert reference.applies(stored, corpus="/x/articles.csv", components=("segment",), date="2016-01-15")
    assert reference.applies(stored, corpus="/x/articles.csv", components=DEFAULT_PIPELINE, date="2020-01-01")
    assert reference.applies(None, corpus="/x/articles.csv", components=DEFAULT_PIPELINE, date="2016-01-15")
