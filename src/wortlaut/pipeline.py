"""The pipeline: named components, each ``Document -> Document``, run in order, and the one
object that holds every setting (:class:`Options`).

Each component registers itself (:mod:`wortlaut.components`) with what it reads from the
document and what it sets; :func:`build` checks that every component finds what it needs
set by one before it, and gives each its settings from ``Options``.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache

from . import quotes  # noqa: F401  (registers its component; it has no settings)
from .attribution import AttributionConfig
from .components import REGISTRY, Component
from .context import ContextConfig
from .entities import EntitiesConfig
from .formats import MAX_CHARS
from .formats.base import replace_invalid
from .model import Document
from .morphology import MorphologyConfig
from .places import PlacesConfig
from .segment import SegmentConfig
from .speakers import SpeakersConfig
from .speech_acts import SpeechActsConfig
from .statements import StatementsConfig
from .targets import TargetsConfig
from .times import TimesConfig

# the stages in the order they run; each module registers its component when imported
DEFAULT_PIPELINE: tuple[str, ...] = ("segment", "morphology", "quotes", "times", "places", "entities", "statements",
                                     "attribution", "speakers", "context", "speech_acts", "targets")
# Stages that are trained models through and through; the rules pipeline leaves them out.
# (The entities stage also consults the NER model, but only to add names the rules missed.)
LEARNED_COMPONENTS: frozenset[str] = frozenset({"attribution"})
RULES_PIPELINE: tuple[str, ...] = tuple(name for name in DEFAULT_PIPELINE if name not in LEARNED_COMPONENTS)


class PipelineError(ValueError):
    """A pipeline that cannot run: an unknown component, or one whose input no component before it sets."""


@dataclass(frozen=True)
class Options:
    """Every setting of an analysis: which components run, and each component's settings.

    The CLI (``--pipeline``, ``--rules-only``, ``--max-chars``, ``--set component.setting=value``),
    the Python API and the training scripts all build this object.
    """

    pipeline: tuple[str, ...] = DEFAULT_PIPELINE
    max_chars: int = MAX_CHARS  # longer articles are refused, not silently cut
    segment: SegmentConfig = field(default_factory=SegmentConfig)
    morphology: MorphologyConfig = field(default_factory=MorphologyConfig)
    times: TimesConfig = field(default_factory=TimesConfig)
    places: PlacesConfig = field(default_factory=PlacesConfig)
    entities: EntitiesConfig = field(default_factory=EntitiesConfig)
    statements: StatementsConfig = field(default_factory=StatementsConfig)
    attribution: AttributionConfig = field(default_factory=AttributionConfig)
    speakers: SpeakersConfig = field(default_factory=SpeakersConfig)
    context: ContextConfig = field(default_factory=ContextConfig)
    speech_acts: SpeechActsConfig = field(default_factory=SpeechActsConfig)
    targets: TargetsConfig = field(default_factory=TargetsConfig)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pipeline", tuple(self.pipeline))

    def with_settings(self, settings: dict[str, str]) -> Options:
        """These options with settings given as text, ``{"attribution.sentence_threshold": "0.4"}``."""
        options = self
        for key, text in settings.items():
            section, _, name = key.partition(".")
            config = getattr(options, section) if section in SECTIONS else None
            if config is None or name not in {f.name for f in fields(config)}:
                raise PipelineError(f"unknown setting {key!r}; see 'wortlaut settings'")
            value = parse_setting(text, typing.get_type_hints(type(config))[name], key)
            options = replace(options, **{section: replace(config, **{name: value})})
        return options


# the components with settings, in pipeline order
SECTIONS = tuple(name for name in DEFAULT_PIPELINE if name in {f.name for f in fields(Options)})
_TRUE, _FALSE = {"true", "yes", "1"}, {"false", "no", "0"}


def parse_setting(text: str, kind: object, key: str) -> object:
    """A setting's value from text, by the type it is declared with (``a,b`` for a tuple)."""
    if typing.get_origin(kind) is tuple:
        return tuple(part.strip() for part in text.split(",") if part.strip())
    choices = [k for k in typing.get_args(kind) if k is not type(None)]
    if choices:  # "X | None"
        if text.strip().lower() in {"", "none"}:
            return None
        kind = choices[0]
    if kind is bool and text.lower() in _TRUE | _FALSE:
        return text.lower() in _TRUE
    try:
        if kind in (int, float, str):
            return kind(text)
    except ValueError:
        pass
    raise PipelineError(f"setting {key}: {text!r} is not a {getattr(kind, '__name__', kind)}")


def settings(options: Options | None = None) -> list[tuple[str, object, str]]:
    """Every component setting: ``(component.setting, value, help)``."""
    options = options or Options()
    rows = []
    for section in SECTIONS:
        config = getattr(options, section)
        rows += [(f"{section}.{f.name}", getattr(config, f.name), f.metadata.get("help", "")) for f in fields(config)]
    return rows


def get_component(name: str) -> Component:
    if name not in REGISTRY:
        raise PipelineError(f"unknown pipeline component {name!r}; known: {', '.join(DEFAULT_PIPELINE)}")
    return REGISTRY[name]


def check(names: tuple[str, ...]) -> None:
    """Every component's ``requires`` is assigned by a component before it, else a PipelineError
    naming both."""
    assigned: set[str] = set()
    for name in names:
        component = get_component(name)
        for needed in component.requires:
            if needed not in assigned:
                providers = [n for n in DEFAULT_PIPELINE if needed in get_component(n).assigns]
                where = f"which {providers[0]!r} assigns: add {providers[0]!r} before {name!r}" if providers \
                    else "which no component assigns"
                raise PipelineError(f"component {name!r} requires {needed!r}, {where}")
        assigned.update(component.assigns)


@lru_cache(maxsize=32)
def build(options: Options) -> tuple[tuple[Component, object | None], ...]:
    """The checked pipeline: each component with its settings."""
    check(options.pipeline)
    return tuple((get_component(name), getattr(options, name, None)) for name in options.pipeline)


def run(doc: Document, options: Options | None = None) -> Document:
    for component, config in build(options or Options()):
        result = component(doc, config)
        if not isinstance(result, Document):
            raise TypeError(f"pipeline component {component.name!r} returned {type(result).__name__}, not a Document")
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
    replace_invalid(doc)
    return run(doc, options)
