"""Context of each statement: when and where it was made, through which channel, to whom.

Times and places come from the times and places stages; a statement takes the
ones in its own sentence that lie outside its content (``sagte der Staatschef
am Freitag bei einem Wirtschaftsforum in Wladiwostok``): what the speaker talks
about is not when or where they spoke.

A statement without a time of its own inherits one along the discourse: a continuation
takes its parent's, and the same speaker again in the same paragraph, with no new time
named in between and no other place, is still at the same event (``Putin hob hervor …``
after ``sagte der Staatschef am Freitag``).  Else the article's date stands in, marked as
such (``date_source``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from .components import component
from .de.lexicon import word_list
from .de.phrases import clause_end, noun_phrase_forward
from .de.words import PLACE_PREPOSITIONS
from .model import ARTICLE, EXPLICIT, INHERITED, Document, Span, Statement, TimeExpression


@dataclass(frozen=True)
class ContextConfig:
    cue_window: int = field(default=4, metadata={
        "help": "tokens either side of a speech act's cue in which a place says where it was said"})
    channel_window: int = field(default=6, metadata={
        "help": "tokens after the cue verb in which a medium in the dative is the channel (sagte dem Sender X)"})


@component("context", requires=("doc.statements", "doc.times", "doc.places"),
           assigns=("statement.date", "statement.date_source", "statement.local_time", "statement.about",
                    "statement.place", "statement.via"), config=ContextConfig)
def attach_context(doc: Document, config: ContextConfig = ContextConfig()) -> Document:
    channels = word_list("reporting_channels.txt")
    times, places = ByStart(doc.times), ByStart(doc.places)
    for statement in doc.statements:
        if statement.continuation:
            continue
        sentence = doc.sentences[statement.sentence]
        if statement.date is None:
            statement.date = _own_date(doc, statement, times.within(sentence.start, sentence.end))
        if statement.date is not None and statement.date_source is None:
            statement.date_source = EXPLICIT
        if statement.place is None:
            statement.place = next((p for p in places.within(sentence.start, sentence.end)
                                    if _in_frame(doc, statement, p.start)
                                    and _preposition_before(doc, p.start) in PLACE_PREPOSITIONS
                                    and (statement.form != "reported"
                                         or _near_cue(doc, statement, p.start, config.cue_window))), None)
        addressee = statement.addressee.span
        if addressee is not None and statement.via is None and _names_channel(addressee.text, channels):
            statement.via = addressee  # "gegenüber der Nachrichtenagentur Interfax"
        if statement.via is None:
            statement.via = _dative_channel(doc, statement, channels, config.channel_window)
    _inherit_dates(doc, times)
    for statement in doc.statements:
        statement.about = [t for t in _in_content(statement, times) if t is not statement.date]
        if statement.date is None:
            statement.date_source = ARTICLE if doc.date else None
        statement.local_time = statement.date is not None and LOCAL_TIME in statement.date.text
    return doc


LOCAL_TIME = "Ortszeit"  # "am Donnerstag (Ortszeit)": the times stage keeps the zone with the expression


class ByStart:
    """Times or places sorted by where they start: those in a stretch of text by binary search (a
    scan over all of them for each statement made long articles quadratic)."""

    def __init__(self, spans: Iterable) -> None:
        self.spans = sorted(spans, key=lambda span: span.start)
        self.starts = [span.start for span in self.spans]

    def within(self, start: int, end: int) -> list:
        """Those starting at ``start`` or later and before ``end``, in text order."""
        return self.spans[bisect_left(self.starts, start):bisect_left(self.starts, end)]


def _own_date(doc: Document, statement: Statement, in_sentence: list[TimeExpression]) -> TimeExpression | None:
    """The time in the statement's frame closest to its cue (``sagte der Staatschef am Freitag``)."""
    times = [t for t in in_sentence if t.type in ("DATE", "TIME") and t.value and _in_frame(doc, statement, t.start)]
    if not times or not statement.cue.tokens:
        return times[0] if times else None
    cue = doc.tokens[statement.cue.tokens[0]].start
    return min(times, key=lambda t: abs(t.start - cue))


def _inherit_dates(doc: Document, times: ByStart) -> None:
    """Dates along the discourse: a continuation takes its parent's; the same speaker again in the
    same paragraph takes their last date there, unless a new time was named in between (in a
    sentence outside any statement's content) or the place changed."""
    last: dict[tuple[int, str], Statement] = {}  # (paragraph, speaker) -> their latest dated statement there
    spoken = {id(t) for s in doc.statements for t in _in_content(s, times)}  # times inside some content
    previous: Statement | None = None
    for statement in doc.statements:
        paragraph = doc.sentences[statement.sentence].paragraph if doc.sentences else 0
        speaker = _speaker_key(statement)
        if statement.date is None:
            parent = previous if statement.continuation else last.get((paragraph, speaker)) if speaker else None
            if parent is not None and parent.date is not None and _same_event(doc, parent, statement, times, spoken):
                statement.date, statement.date_source = parent.date, INHERITED
                if statement.continuation and statement.place is None:
                    statement.place = parent.place
        if statement.date is not None and speaker:
            last[(paragraph, speaker)] = statement
        previous = statement


def _speaker_key(statement: Statement) -> str:
    speaker = statement.speaker
    if speaker is None:
        return ""
    return speaker.entity or speaker.name or ""


def _same_event(doc: Document, parent: Statement, statement: Statement, times: ByStart, spoken: set[int]) -> bool:
    """No other place, and no time named between the two outside statement contents (``spoken``:
    the ids of the times inside some statement's content)."""
    if parent.place is not None and statement.place is not None and parent.place.name != statement.place.name:
        return False
    between = times.within(doc.sentences[parent.sentence].start, doc.sentences[statement.sentence].end)
    return not any(time is not parent.date and time.type in ("DATE", "TIME") and time.value
                   and time.value != parent.date.value and id(time) not in spoken for time in between)


def _in_content(statement: Statement, times: ByStart) -> list[TimeExpression]:
    content = statement.content
    if content.start is None:
        return []
    return [time for time in times.within(content.start, content.end) if time.end <= content.end]


def _names_channel(text: str, channels: frozenset[str]) -> bool:
    return any(word.rsplit("-", 1)[-1] in channels for word in text.split())


def _dative_channel(doc: Document, statement: Statement, channels: frozenset[str], window: int) -> Span | None:
    """``sagte dem Sender NDR``, ``sagte Lang der Süddeutschen Zeitung``: a medium in the dative
    right after the cue verb, outside the speaker and the content."""
    if not statement.cue.tokens:
        return None
    cue = statement.cue.tokens[0]
    sentence = doc.sentences[doc.tokens[cue].sentence]
    end = clause_end(doc, cue, sentence)
    taken = set(statement.source.tokens) | set(statement.content.tokens)
    speaker = statement.speaker
    for j in range(cue + 1, min(end, cue + window) + 1):
        if doc.tokens[j].text.lower() not in {"dem", "der"} or j in taken:
            continue
        phrase = noun_phrase_forward(doc, j, end + 1)
        if phrase and not taken & set(phrase) and _names_channel(" ".join(doc.tokens[i].text for i in phrase), channels):
            span = doc.token_span(phrase[0], phrase[-1])
            if speaker is None or not (speaker.start < span.end and span.start < speaker.end):
                return span
    return None


def _in_frame(doc: Document, statement: Statement, start: int) -> bool:
    """In the statement's sentence but outside its content (a reported statement's content is
    the whole report, so there everything in the sentence counts)."""
    sentence = doc.sentences[statement.sentence]
    if not sentence.start <= start < sentence.end:
        return False
    return statement.form == "reported" or not any(
        doc.tokens[i].start <= start < doc.tokens[i].end for i in statement.content.tokens)


def _near_cue(doc: Document, statement: Statement, start: int, window: int) -> bool:
    """A reported statement's content is its whole sentence: only a place right by the cue
    (``beharrte in Wladiwostok``) says where it was said, not ``Schließung des Werks in Duisburg``."""
    for i in statement.cue.tokens:
        near = doc.tokens[max(0, i - window):i + window + 1]
        if near and near[0].start <= start <= near[-1].end:
            return True
    return False


def _preposition_before(doc: Document, start: int) -> str:
    """The word two tokens or less before a place (``in Wladiwostok``, ``bei einem Forum in …``)."""
    words = doc.text[max(0, start - 40):start].split()
    return words[-1].lower() if words else ""
