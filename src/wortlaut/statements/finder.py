"""What the rules share while they read one article: the claimed tokens, the used quotations,
and how a statement is added."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..de.phrases import sentence_verb_subject
from ..de.punctuation import MESSAGE_END, MESSAGE_START, SENTENCE_STOPS, is_quote_mark
from ..model import Document, Role, Sentence, Speaker, Statement
from .config import StatementsConfig


@dataclass
class Finder:
    """The article being read and what the rules have taken from it so far."""

    doc: Document
    config: StatementsConfig
    claimed: set[int] = field(default_factory=set)  # token indices inside some statement's content
    used_quotes: set[int] = field(default_factory=set)  # quotations (by number) made statements
    quotes_by_sentence: dict[int, list[int]] = field(default_factory=dict)  # sentence of the first quoted word

    def __post_init__(self) -> None:
        for number, quotation in enumerate(self.doc.quotations):
            sentence = self.doc.tokens[quotation.token_start].sentence
            self.quotes_by_sentence.setdefault(sentence, []).append(number)

    def add(self, sentence: Sentence, form: str, content: list[int], cue: list[int], speaker: list[int],
            *, addressee: list[int] | None = None, continuation: bool = False,
            speaker_chars: tuple[int, int] | None = None) -> Statement | None:
        """A statement with the unclaimed part of ``content`` (None when nothing is left).

        ``speaker_chars`` shows the speaker as a stretch of characters other than its tokens
        (``Kreml`` of ``nach Kreml-Angaben``, the subject for ``nach eigenen Angaben``)."""
        doc = self.doc
        content = [i for i in content if i not in self.claimed]
        content = strip_punctuation(doc, content, keep_quotes=form == "direct")
        if not content:
            return None
        self.claimed.update(range(content[0], content[-1] + 1))
        shown = content_span(content, form, doc)
        after = content[-1] + 1
        if form != "direct" and (continuation or form == "reported") \
                and after < sentence.token_end and doc.tokens[after].text in SENTENCE_STOPS:
            # SpkAtt's message of a whole-sentence statement keeps the full stop (the shown text not)
            content = content + [after]
        statement = Statement(id="", form=form, content=Role.of(doc, content, shown), sentence=sentence.index,
                              cue=rule_cue(doc, cue), continuation=continuation)
        statement.source.tokens = speaker
        if speaker_chars:
            start, end = speaker_chars
            statement.speaker = Speaker(start, end, doc.text[start:end])
        elif speaker:
            span = doc.token_span(speaker[0], speaker[-1])
            statement.speaker = Speaker(span.start, span.end, span.text)
        if addressee:
            statement.addressee = Role.of(doc, addressee)
        doc.statements.append(statement)
        return statement

    def add_with_context_speaker(self, sentence: Sentence, form: str, content: list[int]) -> Statement | None:
        """A statement without a cue: its speaker is the last one quoted nearby, else the subject
        of the previous sentence when that names someone."""
        doc = self.doc
        previous = self.recent_statement(sentence.index)
        if previous is None or previous.speaker is None:
            subject = self.named_subject(sentence.index - 1) if sentence.index > 0 else []
            if subject or not doc.statements or doc.statements[-1].speaker is None:
                return self.add(sentence, form, content, [], subject, continuation=True)
            previous = doc.statements[-1]
        statement = self.add(sentence, form, content, [], list(previous.source.tokens), continuation=True)
        if statement:
            statement.speaker = previous.speaker
        return statement

    def named_subject(self, sentence_index: int) -> list[int]:
        """The subject of a sentence when it contains a name (``Ministerpräsident Günther Oettinger``)."""
        doc = self.doc
        sentence = doc.sentences[sentence_index]
        if sentence.paragraph != doc.sentences[min(sentence_index + 1, len(doc.sentences) - 1)].paragraph:
            return []
        subject = sentence_verb_subject(doc, sentence)
        return subject if any(doc.tokens[j].tag == "NE" for j in subject) else []

    def recent_statement(self, sentence_index: int) -> Statement | None:
        """The last statement at most ``max_continuation_gap`` sentences back in the same paragraph."""
        paragraph = self.doc.sentences[sentence_index].paragraph
        for statement in reversed(self.doc.statements):
            before = self.doc.sentences[statement.sentence]
            if sentence_index - self.config.max_continuation_gap <= statement.sentence < sentence_index \
                    and before.paragraph == paragraph:
                return statement
        return None


def strip_punctuation(doc: Document, content: list[int], keep_quotes: bool) -> list[int]:
    """Drop leading/trailing commas and the final full stop (SpkAtt messages end before it)."""
    while content and doc.tokens[content[0]].text in MESSAGE_START:
        content = content[1:]
    while content and doc.tokens[content[-1]].text in MESSAGE_END and not keep_quotes:
        content = content[:-1]
    return content


def content_span(content: list[int], form: str, doc: Document) -> tuple[int, int]:
    """First and last token of the content the user is shown: a quotation without its marks."""
    first, last = content[0], content[-1]
    if form == "direct" and is_quote_mark(doc.tokens[first].text) and is_quote_mark(doc.tokens[last].text) \
            and last > first + 1:
        first, last = first + 1, last - 1
    return first, last


def rule_cue(doc: Document, cue: list[int]) -> Role:
    """A rule cue shown as read: ``hob hervor``, ``nach eigenen Angaben``; for ``wies … zurück``
    (a particle far from its verb) just the verb."""
    if not cue:
        return Role()
    return Role.of(doc, cue, (cue[0], cue[-1] if cue[-1] - cue[0] <= 2 else cue[0]))
