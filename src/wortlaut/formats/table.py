"""A readable listing of an article's statements, for the terminal."""

from __future__ import annotations

from ..model import Document


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def to_table(doc: Document, width: int = 100) -> str:
    """One block per statement: id, form, speaker, cue, date, place, channel, addressee; the content."""
    lines = [f"{doc.source or doc.id}  ({doc.date.isoformat() if doc.date else 'no date'})  "
             f"{len(doc.statements)} statements"]
    for s in doc.statements:
        who = s.speaker.name or s.speaker.text if s.speaker else "?"
        extra = [f"{s.date.value}" if s.date and s.date.value else "",
                 f"in {s.place.name}" if s.place else "",
                 f"via {s.via.text}" if s.via else "",
                 f"to {s.addressee.text}" if s.addressee.span else ""]
        extra_text = "  ".join(e for e in extra if e)
        lines.append(f"{s.id:>4} {s.form:<8} {_short(who, 28):<28} {_short(s.cue.text or '–', 18):<18} "
                     f"{extra_text}")
        lines.append(f"      {_short(s.content.text, width - 6)}")
    return "\n".join(lines)
