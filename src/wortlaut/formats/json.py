"""The JSON output contract (README, "Output contract"): one object per article, every
``start``/``end`` a character offset into its ``text``."""

from __future__ import annotations

import json

from ..model import Document, Span, Statement


def _span(span: Span | None) -> dict | None:
    return None if span is None else span.to_dict()


def statement_to_dict(statement: Statement, day: str | None = None) -> dict:
    """``day``: the day it was said (``Document.statement_day``)."""
    speaker = statement.speaker
    place = statement.place
    content = statement.content
    return {
        "id": statement.id,
        "form": statement.form,
        "speaker": None if speaker is None else {
            "entity": speaker.entity, "name": speaker.name, "type": speaker.type,
            "text": speaker.text, "start": speaker.start, "end": speaker.end,
            "resolution": speaker.resolution, "confidence": speaker.confidence,
        },
        "cue": _span(statement.cue.span),
        "speech_act": statement.speech_act,  # what kind of statement: state, claim, warn, demand, …
        "cameo": statement.cameo,  # its closest CAMEO event code
        "content": {**content.span.to_dict(), "parts": [p.to_dict() for p in content.parts]}
        if content.parts else _span(content.span),
        "date": None if statement.date is None else {"text": statement.date.text, "value": statement.date.value},
        "date_source": statement.date_source,
        "local_time": statement.local_time,
        "day": day,
        "about": [{"text": t.text, "value": t.value, "type": t.type} for t in statement.about],
        "place": None if place is None else {
            "text": place.text, "name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon,
        },
        "via": None if statement.via is None else {**statement.via.to_dict(), "entity": statement.via_entity},
        "addressee": _span(statement.addressee.span),
        "targets": [target.to_dict() for target in statement.targets],  # whom the content is about
        "sentence": statement.sentence,
        "continuation": statement.continuation,
        "nested_in": statement.nested_in.id if statement.nested_in else None,
        "confidence": statement.confidence,
    }


def document_to_dict(doc: Document) -> dict:
    """The output contract (see README, "Output"): offsets index into ``text``."""
    return {
        "id": doc.id,
        "date": doc.date.isoformat() if doc.date else None,
        "title": doc.title,
        "source": doc.source,
        "text": doc.text,
        "headings": [_span(h) for h in doc.headings],
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "roles": list(e.roles),
             "mentions": [_span(m) for m in e.mentions]}
            for e in doc.entities
        ],
        "statements": [statement_to_dict(s, doc.statement_day(s)) for s in doc.statements],
        "times": [{"text": t.text, "start": t.start, "end": t.end, "value": t.value, "type": t.type} for t in doc.times],
        "places": [{"text": p.text, "start": p.start, "end": p.end, "name": p.name, "country": p.country,
                    "lat": p.lat, "lon": p.lon} for p in doc.places],
        "warnings": list(doc.warnings),
    }


def to_json(doc: Document, indent: int | None = 2) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent)
