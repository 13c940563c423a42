"""A readable listing of an article's statements, for the terminal."""

from __future__ import annotations

from ..model import INHERITED, Document, Statement

LOW_CONFIDENCE = 0.5  # a speaker resolved, or a speech act found, less surely than this is marked
COLUMNS = f"{'id':>4} {'form':<9} {'speaker':<30} {'cue':<18} {'act':<9} when · where · via · to"
LEGEND = ("(?) speaker resolved with confidence under 0.5 (unresolved: the words as written, quoted); "
          "~ a speech act the sentence tagger doubts (confidence under 0.5)")


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _speaker(statement: Statement) -> str:
    speaker = statement.speaker
    if speaker is None:
        return "–"
    shown = speaker.name or f"„{speaker.text}“"
    unsure = speaker.confidence is not None and speaker.confidence < LOW_CONFIDENCE
    return f"{shown} (?)" if unsure else shown


def _context(statement: Statement) -> str:
    when = statement.date.value if statement.date and statement.date.value else ""
    if when and statement.date_source == INHERITED:
        when += " (inherited)"  # from the statement before: no time named in its own sentence
    if when and statement.local_time:
        when += " (local time)"
    parts = [when,
             statement.place.name if statement.place else "",
             f"via {statement.via.text}" if statement.via else "",
             f"to {statement.addressee.text}" if statement.addressee.span else ""]
    return " · ".join(part for part in parts if part)


def to_table(doc: Document, width: int = 100) -> str:
    """A header, then one block per statement (id, form, speaker, cue, when/where/channel/addressee;
    the content), then what the marks mean when any is used."""
    lines = [f"{doc.source or doc.id}  ({doc.date.isoformat() if doc.date else 'no date'})  "
             f"{len(doc.statements)} statements"]
    if doc.statements:
        lines.append(COLUMNS)
    marked = False
    for s in doc.statements:
        doubted = s.confidence is not None and s.confidence < LOW_CONFIDENCE
        speaker = _speaker(s)
        marked = marked or doubted or speaker.endswith("(?)")
        form = s.form + ("~" if doubted else "")
        lines.append(f"{s.id:>4} {form:<9} {_short(speaker, 30):<30} {_short(s.cue.text or '–', 18):<18} "
                     f"{s.speech_act or '–':<9} {_context(s)}".rstrip())
        lines.append(f"      {_short(s.content.text, width - 6)}")
    if marked:
        lines.append(LEGEND)
    return "\n".join(lines)
