"""Context of each statement: when and where it was made, through which channel, to whom.

Times and places come from the times and places stages; a statement takes the
ones in its own sentence that lie outside its content (``sagte der Staatschef
am Freitag bei einem Wirtschaftsforum in Wladiwostok``): what the speaker talks
about is not when or where they spoke.
"""

from __future__ import annotations

from .lexicon import word_list
from .model import Document, Statement

PLACE_PREPOSITIONS = {"in", "im", "bei", "auf", "am", "aus", "vor"}


def attach_context(doc: Document) -> Document:
    channels = word_list("reporting_channels.txt")
    for statement in doc.statements:
        if statement.continuation:
            continue
        sentence = doc.sentences[statement.sentence]
        inside = set(statement.content_tokens)
        covered = [(doc.tokens[i].start, doc.tokens[i].end) for i in inside]
        frame_start = doc.tokens[min(inside)].start if inside else sentence.start
        frame_end = doc.tokens[max(inside)].end if inside else sentence.end

        def outside(start: int, end: int) -> bool:
            if not sentence.start <= start < sentence.end:
                return False
            if statement.form == "reported":  # its content is the whole report, time and place included
                return True
            return not frame_start <= start < frame_end or not any(s <= start < e for s, e in covered)

        if statement.date is None:
            statement.date = next((t for t in doc.times if t.type in ("DATE", "TIME") and t.value
                                   and outside(t.start, t.end)), None)
        if statement.place is None:
            statement.place = next((p for p in doc.places if outside(p.start, p.end)
                                    and _preposition_before(doc, p.start) in PLACE_PREPOSITIONS
                                    and (statement.form != "reported" or _near_cue(doc, statement, p.start))), None)
        if statement.addressee is not None and statement.via is None and \
                any(word.rsplit("-", 1)[-1] in channels for word in statement.addressee.text.split()):
            statement.via = statement.addressee  # "gegenüber der Nachrichtenagentur Interfax"
    return doc


def _near_cue(doc: Document, statement: Statement, start: int) -> bool:
    """A reported statement's content is its whole sentence: only a place right by the cue
    (``beharrte in Wladiwostok``) says where it was said, not ``Schließung des Werks in Duisburg``."""
    for i in statement.cue_tokens:
        window = doc.tokens[max(0, i - 4):i + 5]
        if window and window[0].start <= start <= window[-1].end:
            return True
    return False


def _preposition_before(doc: Document, start: int) -> str:
    """The word two tokens or less before a place (``in Wladiwostok``, ``bei einem Forum in …``)."""
    words = doc.text[max(0, start - 40):start].split()
    return words[-1].lower() if words else ""
