"""Fixtures of the store tests: hand-made documents for the store itself, article files for ingest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from store_articles import ARTICLES, write_jsonl

from wortlaut.model import Document, Entity, Role, Span, Speaker, Statement, TimeExpression


def _span_of(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def build_document(text: str, date: str, quotes: list[dict], *, title: str | None = None,
                   doc_id: str = "") -> Document:
    """A document as the pipeline would return it, with statements placed by hand.

    Each quote: ``content`` and ``speaker`` (the words in the text), ``name`` (the
    entity's canonical name, default: speaker), optional ``type``, ``roles``, ``form``,
    ``date`` (a TIMEX value), ``mentions`` (other entity names inside the content), and how the speaker
    was resolved: ``resolution`` (default ``name``) and ``confidence`` (default 0.9).
    """
    doc = Document(text=text, date=dt.date.fromisoformat(date), title=title, id=doc_id or (title or ""))
    entities: dict[str, Entity] = {}

    def entity(name: str, surface: str, kind: str, roles: list[str]) -> Entity:
        if name not in entities:
            entities[name] = Entity(f"e{len(entities) + 1}", name, kind, [], list(roles))
        found = entities[name]
        found.mentions.append(_span_of(text, surface))
        return found

    for number, quote in enumerate(quotes, start=1):
        content = _span_of(text, quote["content"])
        speaker_span = _span_of(text, quote["speaker"])
        name = quote.get("name", quote["speaker"])
        speaker_entity = entity(name, quote["speaker"], quote.get("type", "person"), quote.get("roles", []))
        for other in quote.get("mentions", []):
            entity(other, other.split()[-1], "person", [])
        date = None
        if quote.get("date"):
            date = TimeExpression(quote["date"], 0, 0, quote["date"], "DATE")
        speaker = Speaker(speaker_span.start, speaker_span.end, speaker_span.text, speaker_entity.id, name,
                          quote.get("type", "person"), quote.get("resolution", "name"), quote.get("confidence", 0.9))
        doc.statements.append(Statement(
            id=f"s{number}", form=quote.get("form", "direct"), content=Role(span=content), source=Role(span=speaker),
            date=date,
        ))
    doc.entities = list(entities.values())
    return doc


@pytest.fixture
def make_document():
    return build_document


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of JSONL files, one article each."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for article in ARTICLES:
        write_jsonl(folder / f"{article['id']}.jsonl", [article])
    return folder
