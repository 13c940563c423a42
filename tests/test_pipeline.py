"""Components, the checked pipeline and the one settings object (wortlaut.components, wortlaut.pipeline)."""

from __future__ import annotations

import dataclasses

import pytest

from helpers import DATE, REPO, analyze
from wortlaut.attribution import AttributionConfig
from wortlaut.components import REGISTRY
from wortlaut.model import Document
from wortlaut.pipeline import (
    DEFAULT_PIPELINE,
    RULES_PIPELINE,
    SECTIONS,
    Options,
    PipelineError,
    build,
    check,
    run,
    settings,
)
from wortlaut.statements import StatementsConfig
from wortlaut.times import TimesConfig


def test_every_stage_is_registered_and_finds_what_it_requires():
    assert set(DEFAULT_PIPELINE) <= set(REGISTRY)
    check(DEFAULT_PIPELINE)
    check(RULES_PIPELINE)
    assigned: set[str] = set()
    for name in DEFAULT_PIPELINE:
        component = REGISTRY[name]
        assert set(component.requires) <= assigned, name
        assert component.assigns, f"{name} declares nothing it sets"
        assigned |= set(component.assigns)


def test_a_missing_requirement_names_both_components():
    with pytest.raises(PipelineError, match="'statements' requires 'token.tag', which 'morphology' assigns"):
        check(("segment", "quotes", "statements"))
    with pytest.raises(PipelineError, match="unknown pipeline component 'ner'"):
        build(Options(pipeline=("segment", "ner")))


def test_a_prefix_of_the_pipeline_runs():
    doc = run(Document(text="Merkel sagte, die Lage sei ernst."), Options(pipeline=("segment", "morphology")))
    assert doc.tokens[1].tag == "VVFIN" and doc.statements == []


def test_a_component_that_returns_no_document_is_refused(monkeypatch):
    component = REGISTRY["quotes"]
    monkeypatch.setitem(REGISTRY, "quotes", dataclasses.replace(component, function=lambda doc: None))
    build.cache_clear()
    try:
        with pytest.raises(TypeError, match="'quotes' returned NoneType"):
            run(Document(text="Er sagte „ja“."), Options(pipeline=("segment", "quotes")))
    finally:
        build.cache_clear()


def test_settings_reach_their_component():
    text = "Am 3. Mai 1990 kam er an. Am Freitag ging er wieder."
    news = [t.value for t in analyze(text).times]
    narrative = [t.value for t in analyze(text, times=TimesConfig(anchoring="narrative")).times]
    assert news[0] == narrative[0] == "1990-05-03"
    assert news[1] != narrative[1] and narrative[1].startswith("1990")
    # a continuation three sentences after the statement: by default the named subject just before speaks
    text = "Merkel sagte, die Lage sei ernst. Das Wetter war schön. Olaf Scholz kam spät. Man müsse handeln."
    assert analyze(text, pipeline=RULES_PIPELINE).statements[-1].speaker.text == "Olaf Scholz"
    gap = StatementsConfig(max_continuation_gap=3)
    assert analyze(text, pipeline=RULES_PIPELINE, statements=gap).statements[-1].speaker.text == "Merkel"


def test_settings_given_as_text():
    options = Options().with_settings({"attribution.sentence_threshold": "0.4", "places.demonyms": "false",
                                       "attribution.models": "none", "attribution.steps": "colon_cues, tidy_sources"})
    assert options.attribution.sentence_threshold == 0.4 and options.places.demonyms is False
    assert options.attribution.models is None and options.attribution.steps == ("colon_cues", "tidy_sources")
    assert options.statements == StatementsConfig()  # the others keep their defaults
    for bad, message in (({"attribution.threshold": "1"}, "unknown setting"), ({"pipeline.x": "1"}, "unknown setting"),
                         ({"places.demonyms": "maybe"}, "not a bool"), ({"segment.max_heading_tokens": "x"}, "not a int")):
        with pytest.raises(PipelineError, match=message):
            Options().with_settings(bad)
    with pytest.raises(ValueError, match="merge_policy"):
        Options().with_settings({"attribution.merge_policy": "keep"})


def test_every_setting_has_help_and_is_documented():
    rows = settings()
    assert {key.split(".")[0] for key, _, _ in rows} == set(SECTIONS)
    architecture = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for key, _, help_text in rows:
        assert help_text, f"{key} has no help"
        assert f"`{key}`" in architecture, f"{key} is not in ARCHITECTURE.md"


def test_options_are_hashable_and_build_once():
    options = Options(attribution=AttributionConfig(sentence_threshold=0.5))
    assert build(options) is build(Options(attribution=AttributionConfig(sentence_threshold=0.5)))
    assert analyze("Merkel sagte, die Lage sei ernst.").date.isoformat() == DATE
