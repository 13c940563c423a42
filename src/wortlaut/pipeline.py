"""The pipeline: named components, each ``Document -> Document``, run in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from .model import Document
from .readers import MAX_CHARS

Component = Callable[[Document], Document]

# name -> "module:function"; imported lazily so a stage's dependencies load only when used.
COMPONENTS: dict[str, str] = {
    "segment": "wortlaut.segment:segment",
    "morphology": "wortlaut.morphology:tag",
    "quotes": "wortlaut.quotes:find_quotations",
    "times": "wortlaut.times:find_times",
    "places": "wortlaut.places:find_places",
    "entities": "wortlaut.entities:find_entities",
    "statements": "wortlaut.statements:find_statements",
    "attribution": "wortlaut.attribution:attribute",  # learned cues and roles on top of the rules
    "speakers": "wortlaut.speakers:resolve_speakers",
    "context": "wortlaut.context:attach_context",
}
DEFAULT_PIPELINE: tuple[str, ...] = tuple(COMPONENTS)
# Stages that are trained models through and through; the rules pipeline leaves them out.
# (The entities stage also consults the NER model, but only to add names the rules missed.)
LEARNED_COMPONENTS: frozenset[str] = frozenset({"attribution"})
RULES_PIPELINE: tuple[str, ...] = tuple(name for name in DEFAULT_PIPELINE if name not in LEARNED_COMPONENTS)


@dataclass
class Options:
    """Settings shared by the Python API and the CLI."""

    pipeline: tuple[str, ...] = DEFAULT_PIPELINE
    max_chars: int = MAX_CHARS  # longer articles are refused, not silently cut


_loaded: dict[str, Component] = {}


def get_component(name: str) -> Component:
    if name not in _loaded:
        try:
            target = COMPONENTS[name]
        except KeyError:
            raise ValueError(f"unknown pipeline component {name!r}; known: {', '.join(COMPONENTS)}") from None
        module, function = target.split(":")
        _loaded[name] = getattr(import_module(module), function)
    return _loaded[name]


def run(doc: Document, options: Options | None = None) -> Document:
    options = options or Options()
    for name in options.pipeline:
        result = get_component(name)(doc)
        if not isinstance(result, Document):
            raise TypeError(f"pipeline component {name!r} returned {type(result).__name__}, not a Document")
        doc = result
    return doc


def analyze(
    text: str,
    date: dt.date | str | None = None,
    *,
    id: str = "",
    title: str | None = None,
    options: Options | None = None,
) -> Document:
    """Analyse one article: ``wortlaut.analyze("…", date="2025-09-05")``."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    options = options or Options()
    if len(text) > options.max_chars:
        raise ValueError(f"article has {len(text):,} characters, more than max_chars={options.max_chars:,}")
    doc = Document(text=text, date=date, id=id, title=title)
    return run(doc, options)
