"""The document model every pipeline stage enriches.

A :class:`Document` holds the article text exactly as read; everything else
(paragraphs, headings, sentences, tokens, entities, statements, times) points
into that text with character offsets ``[start, end)``.  Stages add to the
document and never rewrite what an earlier stage produced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(slots=True)
class Span:
    """A stretch of the article text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    index: int  # position in Document.tokens
    sentence: int  # index into Document.sentences
    space_after: bool = True
    tag: str = ""  # STTS part of speech (HanTa)
    lemma: str = ""
    mood: str | None = None  # for finite verbs: "ind", "subj1", "subj2", "amb"
    in_quote: bool = False  # inside a quotation (set by the quotes stage)


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    token_start: int  # first token index
    token_end: int  # one past the last token index
    paragraph: int
    is_heading: bool = False


@dataclass(slots=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(slots=True)
class Quotation:
    """Text between matching quotation marks (marks excluded)."""

    start: int
    end: int
    open_mark: str
    close_mark: str
    token_start: int
    token_end: int  # exclusive, marks excluded


@dataclass(slots=True)
class Entity:
    """An article-level actor that statements can be attributed to."""

    id: str
    name: str
    type: str  # person | organisation | country | unknown
    mentions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Speaker:
    """Who a statement is attributed to: the mention in the text and its entity."""

    text: str
    start: int
    end: int
    entity: str | None = None  # Entity.id
    name: str | None = None  # canonical name of the entity
    type: str = "unknown"


@dataclass(slots=True)
class TimeExpression:
    text: str
    start: int
    end: int
    value: str | None  # TIMEX3-style: 2025-09-05, 2025-W36, 2024, P3.5Y, PRESENT_REF ...
    type: str  # DATE | TIME | DURATION | SET


@dataclass(slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str
    country: str | None = None  # ISO 3166 alpha-2
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Statement:
    id: str
    form: str  # direct | indirect | reported
    content: Span
    speaker: Speaker | None = None
    cue: Span | None = None
    sentence: int = 0
    date: TimeExpression | None = None
    place: Place | None = None
    via: Span | None = None  # channel: agency, newspaper, interview
    via_entity: str | None = None
    addressee: Span | None = None
    # Evaluation helpers: token index lists of the roles (kept for SpkAtt output).
    content_tokens: list[int] = field(default_factory=list)
    speaker_tokens: list[int] = field(default_factory=list)
    cue_tokens: list[int] = field(default_factory=list)
    addressee_tokens: list[int] = field(default_factory=list)
    continuation: bool = False  # a cue-less Konjunktiv-I continuation
    # An interrupted quotation ("…", sagte er, "…"): its parts; ``content`` then spans them all and
    # its text is the parts joined by a space, without the cue clause between them.
    content_parts: list[Span] = field(default_factory=list)
    nested_in: Statement | None = None  # the statement whose content holds this quotation
    spkatt_form: str | None = None  # finer SpkAtt form (FreeIndirect, IndirectFreeIndirect) where it differs
    # For speech acts the rules read (form "reported"): the learned sentence tagger's probability
    # that the sentence reports a statement as SpkAtt's annotators mark them (they leave out many
    # speech acts: "Putin beharrte auf seiner Position").  None where not estimated.
    confidence: float | None = None


@dataclass
class Document:
    """One article and everything the pipeline found in it."""

    text: str
    date: dt.date | None = None
    id: str = ""
    title: str | None = None
    source: str | None = None  # path or URL the text was read from
    headings: list[Span] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    # Pre-tokenised input (SpkAtt): sentences of tokens to keep exactly.
    given_tokens: list[list[str]] | None = None
    # Seed format: later paragraphs start with a subheading glued to their first sentence.
    glued_headings: bool = False
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_tokens(cls, sentences: Iterable[Sequence[str]], **fields) -> Document:
        """A pre-tokenised document (SpkAtt, UD): tokens joined by spaces, one sentence per line.
        The segment stage keeps exactly these tokens."""
        given = [list(words) for words in sentences]
        return cls(text="\n".join(" ".join(words) for words in given), given_tokens=given, **fields)

    def sentence_tokens(self, sentence: Sentence | int) -> list[Token]:
        if isinstance(sentence, int):
            sentence = self.sentences[sentence]
        return self.tokens[sentence.token_start : sentence.token_end]

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def token_span(self, first: int, last: int) -> Span:
        """Span covering tokens ``first..last`` (inclusive)."""
        start, end = self.tokens[first].start, self.tokens[last].end
        return Span(start, end, self.text[start:end])

    def entity(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None
