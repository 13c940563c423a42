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
        if statement.date is None:
            statement.date = next((t for t in doc.times if t.type in ("DATE", "TIME") and t.value
                                   and _in_frame(doc, statement, t.start)), None)
        if statement.place is None:
            statement.place = next((p for p in doc.places if _in_frame(doc, statement, p.start)
                                    and _preposition_before(doc, p.start) in PLACE_PREPOSITIONS
                                    and (statement.form != "reported" or _near_cue(doc, statement, p.start))), None)
        if statement.addressee is not None and statement.via is None and \
                any(word.rsplit("-", 1)[-1] in channels for word in statement.addressee.text.split()):
            statement.via = statement.addressee  # "gegenüber der Nachrichtenagentur Interfax"
    return doc


def _in_frame(doc: Document, statement: Statement, start: int) -> bool:
    """In the statement's sentence but outside its content (a reported statement's content is
    the whole report, so there everything in the sentence counts)."""
    sentence = doc.sentences[statement.sentence]
    if not sentence.start <= start < sentence.end:
        return False
    return statement.form == "reported" or not any(
        doc.tokens[i].start <= start < doc.tokens[i].end for i in statement.content_tokens)


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
