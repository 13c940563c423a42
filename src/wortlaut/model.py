"""The document model every pipeline stage enriches.

A :class:`Document` holds the article text exactly as read; everything else (paragraphs,
headings, sentences, tokens, quotations, entities, statements, times, places) points into
that text with character offsets ``[start, end)`` and into ``Document.tokens`` by index.
Each stage fills the attributes it declares (``assigns`` in :mod:`wortlaut.components`);
only the attribution stage rewrites what an earlier stage made: it revises and replaces the
statements the rules found.

A statement has four roles — cue, source, content (the message) and addressee — each one
:class:`Role`.  A role holds two readings of the same words:

- ``tokens``: the words as SpkAtt-2023 annotates the role (``hatte … angekündigt`` as cue,
  ``Angaben der Polizei`` as source, a message with its closing full stop).  The SpkAtt export,
  the scorer and the learned taggers read these.
- ``span``: the stretch of text the user is shown (JSON, table, store): ``angekündigt``,
  ``der Polizei``, the message without the full stop or the quotation marks.  For the source
  it is the :class:`Speaker`, the mention with the entity it is resolved to.

A stage that reads a role sets both at once (``Role.of`` derives the span from the tokens,
or takes the stage's own reading); later stages that only bring the tokens to SpkAtt's
conventions change ``tokens`` alone.

Invariants (checked by :func:`invariant_violations`, which the tests run over real articles):

1. every role's tokens are valid token indices, ascending, without repeats;
2. every span is the text it claims to be, ``doc.text[start:end] == text`` (a content shown in
   several parts is those parts joined by a space);
3. a cue is shown exactly when it has tokens, and the content always has tokens and a span;
4. statements are numbered ``S1``, ``S2``, … in list order; a nested statement is a quotation
   (form ``direct``) inside another statement of the document;
5. a continuation has no cue of its own; ``confidence`` is only set for ``reported`` statements;
6. a resolved speaker names an entity of the document, and so does every target.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

FORMS = ("direct", "indirect", "reported")
PERSON, ORGANISATION, COUNTRY, UNKNOWN = "person", "organisation", "country", "unknown"


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
    type: str  # PERSON | ORGANISATION | COUNTRY | UNKNOWN
    mentions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Speaker(Span):
    """Who a statement is attributed to: the mention in the text and the entity it resolves to.
    Statements that continue another one share its speaker object."""

    entity: str | None = None  # Entity.id
    name: str | None = None  # canonical name of the entity
    type: str = "unknown"
    resolution: str | None = None  # how: name, alias, acronym, institution, role, pronoun, unresolved
    confidence: float | None = None  # the share of speakers resolved this way that are right


@dataclass(slots=True)
class Target(Span):
    """Whom or what a statement's content is about: an entity named in it (``mention``) or a
    pronoun in it resolved to an entity (``pronoun``), shown as the words that refer to it."""

    entity: str = ""  # Entity.id
    name: str = ""
    type: str = UNKNOWN
    how: str = "mention"  # mention | pronoun

    def to_dict(self) -> dict:
        return {"entity": self.entity, "name": self.name, "type": self.type, "text": self.text,
                "start": self.start, "end": self.end, "how": self.how}


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
class Role:
    """One role of a statement: its words as SpkAtt annotates them, and the text the user is shown."""

    tokens: list[int] = field(default_factory=list)
    span: Span | None = None  # for the source role: the Speaker
    # an interrupted quotation ("…", sagte er, "…") is shown in parts; ``span`` then covers them all
    # and its text is the parts joined by a space, without the cue clause between them
    parts: list[Span] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Document, tokens: Sequence[int], shown: tuple[int, int] | None = None) -> Role:
        """The role played by ``tokens``, shown as the text from its first to its last token, or
        from token ``shown[0]`` to ``shown[1]`` (inclusive) where the stage reads it so."""
        tokens = list(tokens)
        first, last = shown if shown is not None else (tokens[0], tokens[-1])
        return cls(tokens, doc.token_span(first, last))

    @property
    def text(self) -> str | None:
        return self.span.text if self.span is not None else None

    @property
    def start(self) -> int | None:
        return self.span.start if self.span is not None else None

    @property
    def end(self) -> int | None:
        return self.span.end if self.span is not None else None


@dataclass(slots=True)
class Statement:
    id: str
    form: str  # direct | indirect | reported
    content: Role  # the message
    sentence: int = 0
    cue: Role = field(default_factory=Role)
    source: Role = field(default_factory=Role)  # span: the Speaker
    addressee: Role = field(default_factory=Role)
    date: TimeExpression | None = None  # when it was said (not what it is about)
    date_source: str | None = None  # EXPLICIT | INHERITED | ARTICLE (None: no date at all)
    local_time: bool = False  # the date is local time where it was said ("am Donnerstag (Ortszeit)")
    about: list[TimeExpression] = field(default_factory=list)  # times in the content: what it is about
    place: Place | None = None
    via: Span | None = None  # channel: agency, newspaper, interview
    via_entity: str | None = None
    continuation: bool = False  # no cue of its own: the speaker comes from the statements before
    nested_in: Statement | None = None  # the statement whose content holds this quotation
    spkatt_form: str | None = None  # finer SpkAtt form (FreeIndirect, IndirectFreeIndirect) where it differs
    # For speech acts the rules read (form "reported"): the learned sentence tagger's probability
    # that the sentence reports a statement as SpkAtt's annotators mark them (they leave out many
    # speech acts: "Putin beharrte auf seiner Position").  None where not estimated.
    confidence: float | None = None
    # What kind of statement it is, read from its cue (speech_acts stage): state, claim, warn,
    # demand, reject, … and the closest CAMEO event code ("112" accuse).  Not the confidence above.
    speech_act: str | None = None
    cameo: str | None = None
    # Whom the content is about (targets stage): entities named in it and pronouns resolved,
    # never the speaker; one per entity, at its first reference.
    targets: list[Target] = field(default_factory=list)

    @property
    def speaker(self) -> Speaker | None:
        return self.source.span  # type: ignore[return-value]

    @speaker.setter
    def speaker(self, speaker: Speaker | None) -> None:
        self.source.span = speaker


# How a statement got its date (Statement.date_source): a time in its own clause or sentence
# ("sagte am Freitag"); one taken over along the discourse (a continuation, the same speaker
# again in the same paragraph); none of its own, so the article's date is used.
EXPLICIT, INHERITED, ARTICLE = "explicit", "inherited", "article"
DATE_SOURCES = (EXPLICIT, INHERITED, ARTICLE)
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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

    def statement_day(self, statement: Statement) -> str | None:
        """The day a statement was made (YYYY-MM-DD): its own date where that names a day, else
        the article's date."""
        value = statement.date.value if statement.date else None
        if value and _FULL_DATE.match(value):
            return value[:10]
        return self.date.isoformat() if self.date else None

    def entity(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens overlapping characters ``start``..``end`` (binary search; tokens are in order)."""
        first = bisect_right(self.tokens, start, key=lambda token: token.end)
        return self.tokens[first:bisect_left(self.tokens, end, lo=first, key=lambda token: token.start)]

    def has_token(self, text: str) -> bool:
        """Whether some token reads ``text``; the set of token texts is built once per token list
        (asked for every name on long articles)."""
        key = (id(self.tokens), len(self.tokens))
        cached = self.__dict__.get("_token_texts")
        if cached is None or cached[0] != key:
            cached = self.__dict__["_token_texts"] = (key, frozenset(token.text for token in self.tokens))
        return text in cached[1]

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering character ``offset`` (binary search; tokens are in order)."""
        index = bisect_right(self.tokens, offset, key=lambda token: token.start) - 1
        if index >= 0 and self.tokens[index].start <= offset < self.tokens[index].end:
            return index
        return None


def number_statements(doc: Document) -> None:
    """Statement ids ``S1``, ``S2``, … in list order."""
    for number, statement in enumerate(doc.statements, start=1):
        statement.id = f"S{number}"


def sort_statements(doc: Document) -> None:
    """Statements in document order of their content, a nested quotation after its parent; numbered."""
    doc.statements.sort(key=lambda s: (s.content.span.start, s.nested_in is not None, s.content.span.end))
    number_statements(doc)


def invariant_violations(doc: Document) -> list[str]:
    """What in ``doc`` breaks the invariants in this module's docstring (empty: nothing)."""
    problems: list[str] = []
    spans = [("heading", h) for h in doc.headings] + [("entity mention", m) for e in doc.entities for m in e.mentions]
    spans += [("time", t) for t in doc.times] + [("place", p) for p in doc.places]
    entity_ids = {e.id for e in doc.entities}
    ids = {id(s) for s in doc.statements}
    for number, statement in enumerate(doc.statements, start=1):
        name = f"statement {statement.id}"
        if statement.id != f"S{number}":
            problems.append(f"{name} is number {number} in the list")
        if statement.form not in FORMS:
            problems.append(f"{name}: form {statement.form!r}")
        for role_name in ("cue", "source", "content", "addressee"):
            role: Role = getattr(statement, role_name)
            if any(not 0 <= i < len(doc.tokens) for i in role.tokens) or role.tokens != sorted(set(role.tokens)):
                problems.append(f"{name}: {role_name} tokens {role.tokens} not ascending valid indices")
            if role.span is not None and not (role_name == "content" and role.parts):
                spans.append((f"{name} {role_name}", role.span))
        spans += [(f"{name} content part", part) for part in statement.content.parts]
        if statement.content.parts and statement.content.text != " ".join(p.text for p in statement.content.parts):
            problems.append(f"{name}: content text is not its parts joined")
        if (statement.cue.span is None) != (not statement.cue.tokens):
            problems.append(f"{name}: cue shown {statement.cue.span is not None}, tokens {statement.cue.tokens}")
        if statement.content.span is None or not statement.content.tokens:
            problems.append(f"{name}: content without span or tokens")
        if statement.nested_in is not None and (statement.form != "direct" or id(statement.nested_in) not in ids):
            problems.append(f"{name}: nested in a statement not in the document, or not a quotation")
        if statement.continuation and statement.cue.tokens:
            problems.append(f"{name}: a continuation with a cue")
        if statement.confidence is not None and statement.form != "reported":
            problems.append(f"{name}: confidence on a {statement.form} statement")
        speaker = statement.speaker
        if speaker is not None and speaker.entity is not None and speaker.entity not in entity_ids:
            problems.append(f"{name}: speaker entity {speaker.entity} not in the document")
        if statement.via is not None:
            spans.append((f"{name} via", statement.via))
        spans += [(f"{name} target", target) for target in statement.targets]
        problems += [f"{name}: target entity {t.entity} not in the document"
                     for t in statement.targets if t.entity not in entity_ids]
    problems += [f"{what} {span.text!r} is not the text at {span.start}:{span.end}"
                 for what, span in spans if doc.text[span.start:span.end] != span.text]
    return problems
