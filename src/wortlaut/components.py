"""The registry of pipeline components.

A component is a function ``(doc, config) -> doc`` (or ``(doc) -> doc`` when it has no
settings) registered under its name with what it reads from the document (``requires``), what
it sets (``assigns``) and the dataclass holding its settings::

    @component("speakers", requires=("doc.statements", "doc.entities"),
               assigns=("statement.speaker.entity",), config=SpeakersConfig)
    def resolve_speakers(doc: Document, config: SpeakersConfig = SpeakersConfig()) -> Document: ...

Names in ``requires``/``assigns`` are attribute paths of the document model
(:mod:`wortlaut.model`): ``doc.tokens``, ``token.tag``, ``statement.speaker.entity``.
:mod:`wortlaut.pipeline` checks them when it builds a pipeline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import Document


@dataclass(frozen=True)
class Component:
    name: str
    function: Callable[..., Document]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    config: type | None  # the settings dataclass; None: the component has no settings

    def __call__(self, doc: Document, config: object | None = None) -> Document:
        return self.function(doc) if self.config is None else self.function(doc, config or self.config())


REGISTRY: dict[str, Component] = {}


def component(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (),
              config: type | None = None) -> Callable[[Callable[..., Document]], Callable[..., Document]]:
    """Register the decorated function as the pipeline component ``name``."""
    def register(function: Callable[..., Document]) -> Callable[..., Document]:
        REGISTRY[name] = Component(name, function, tuple(requires), tuple(assigns), config)
        return function
    return register
