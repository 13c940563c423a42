"""Writing results: the JSON output contract, a readable table, SpkAtt-2023 predictions."""

from __future__ import annotations

import json
from pathlib import Path

from .model import Document, Span, Statement

FORMS_TO_SPKATT = {"direct": "Direct", "indirect": "Indirect", "reported": "Reported"}
# SpkAtt's annotators leave out many speech acts: the export follows them and leaves out the rules'
# speech acts whose sentence the learned sentence tagger gives less than this probability of being
# a statement (5-fold CV on the training articles, Message / Source F1: 0.775 / 0.607 keeping
# all, 0.776 / 0.604 at 0.7, 0.780 / 0.610 at 0.5, 0.779 / 0.608 at 0.3).  JSON output keeps them.
SPKATT_MIN_CONFIDENCE = 0.5


def _span(span: Span | None) -> dict | None:
    return None if span is None else span.to_dict()


def statement_to_dict(doc: Document, statement: Statement) -> dict:
    speaker = statement.speaker
    place = statement.place
    return {
        "id": statement.id,
        "form": statement.form,
        "speaker": None if speaker is None else {
            "entity": speaker.entity, "name": speaker.name, "type": speaker.type,
            "text": speaker.text, "start": speaker.start, "end": speaker.end,
        },
        "cue": _span(statement.cue),
        "content": {**statement.content.to_dict(), "parts": [p.to_dict() for p in statement.content_parts]}
        if statement.content_parts else _span(statement.content),
        "date": None if statement.date is None else {"text": statement.date.text, "value": statement.date.value},
        "place": None if place is None else {
            "text": place.text, "name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon,
        },
        "via": None if statement.via is None else {**statement.via.to_dict(), "entity": statement.via_entity},
        "addressee": _span(statement.addressee),
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
        "statements": [statement_to_dict(doc, s) for s in doc.statements],
        "times": [{"text": t.text, "start": t.start, "end": t.end, "value": t.value, "type": t.type} for t in doc.times],
        "places": [{"text": p.text, "start": p.start, "end": p.end, "name": p.name, "country": p.country,
                    "lat": p.lat, "lon": p.lon} for p in doc.places],
        "warnings": list(doc.warnings),
    }


def to_json(doc: Document, indent: int | None = 2) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def to_table(doc: Document, width: int = 100) -> str:
    """A human-readable listing: one block per statement."""
    lines = [f"{doc.source or doc.id}  ({doc.date.isoformat() if doc.date else 'no date'})  "
             f"{len(doc.statements)} statements"]
    for s in doc.statements:
        who = s.speaker.name or s.speaker.text if s.speaker else "?"
        extra = [f"{s.date.value}" if s.date and s.date.value else "",
                 f"in {s.place.name}" if s.place else "",
                 f"via {s.via.text}" if s.via else "",
                 f"to {s.addressee.text}" if s.addressee else ""]
        extra_text = "  ".join(e for e in extra if e)
        lines.append(f"{s.id:>4} {s.form:<8} {_short(who, 28):<28} {_short(s.cue.text if s.cue else '–', 18):<18} "
                     f"{extra_text}")
        lines.append(f"      {_short(s.content.text, width - 6)}")
    return "\n".join(lines)


def _refs(doc: Document, indices: list[int]) -> list[str]:
    refs = []
    for i in sorted(set(indices)):
        token = doc.tokens[i]
        sentence = doc.sentences[token.sentence]
        refs.append(f"{token.sentence}:{i - sentence.token_start}")
    return refs


def to_spkatt(doc: Document) -> dict:
    """SpkAtt-2023 prediction JSON on the document's own tokens."""
    if doc.given_tokens is None:
        raise ValueError("SpkAtt output needs SpkAtt input (use --input-format spkatt)")
    annotations = []
    # a quotation nested in a left-out speech act stays: the speaker's own words
    statements = [s for s in doc.statements if s.confidence is None or s.confidence >= SPKATT_MIN_CONFIDENCE]
    parents = {id(s.nested_in) for s in statements if s.nested_in is not None}
    for s in statements:
        form = s.spkatt_form or FORMS_TO_SPKATT[s.form]
        # SpkAtt annotates reported speech acts without a cue (99 % of its Reported items)
        cue = [] if form == "Reported" else s.cue_tokens
        annotations.append({
            "Cue": _refs(doc, cue), "Source": _refs(doc, s.speaker_tokens),
            "Message": _refs(doc, s.content_tokens), "Addr": _refs(doc, s.addressee_tokens),
            "Form": form, "IsNested": s.nested_in is not None,
            "HasNested": id(s) in parents,
        })
    return {
        "DocumentName": doc.title or doc.id,
        "Sentences": [{"SentenceId": n, "Tokens": tokens} for n, tokens in enumerate(doc.given_tokens)],
        "Annotations": annotations,
    }


def write_spkatt(doc: Document, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / Path(doc.source or f"{doc.id}.json").name
    path.write_text(json.dumps(to_spkatt(doc), ensure_ascii=False), encoding="utf-8")
    return path
