"""Targets: whom each statement is about.

A statement's targets are the actors its content refers to: the entities named inside the
content (persons, organisations, countries; also the role nouns and pronouns the speakers stage
resolved there) and third-person pronouns in it, resolved as speaker pronouns are
(:meth:`wortlaut.speakers.resolver.Resolver.referent`).  The speaker is never a target (a
reflexive ``sich`` or ``ich``/``wir`` is no target word at all), and neither is the addressee's
phrase.  An object pronoun is not its clause's subject: in ``Er werde sich nicht mit ihm
treffen`` the ``er`` is the speaker, so ``ihm`` is someone else.  In a direct quotation a
third-person pronoun is never the speaker.

The pronoun forms are data (``data/target_pronouns.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from .components import component
from .de.lexicon import entries
from .model import COUNTRY, ORGANISATION, PERSON, Document, Entity, Span, Statement, Target, Token
from .speakers import SpeakersConfig
from .speakers.article_index import ArticleIndex
from .speakers.resolver import Resolver

TARGET_TYPES = frozenset({PERSON, ORGANISATION, COUNTRY})
MENTION, PRONOUN = "mention", "pronoun"
SUBJECT, OBJECT, POSSESSIVE = "subject", "object", "possessive"


@dataclass(frozen=True, slots=True)
class PronounForm:
    gender: str  # "m", "f" or "" (any)
    kind: str  # SUBJECT | OBJECT | POSSESSIVE


@dataclass(frozen=True)
class TargetsConfig:
    pronouns: bool = field(default=True, metadata={
        "help": "resolve third-person pronouns in a statement's content to the actors they refer to"})
    pronoun_window: int = field(default=SpeakersConfig.pronoun_window, metadata={
        "help": "sentences a target pronoun looks back for a person subject before settling for any person"})


@cache
def pronoun_forms() -> dict[str, PronounForm]:
    forms = {}
    for line in entries("target_pronouns.tsv"):
        form, gender, kind = line.split("\t")
        forms[form] = PronounForm("" if gender == "-" else gender, kind)
    return forms


@component("targets", requires=("doc.statements", "doc.entities", "statement.speaker.entity"),
           assigns=("statement.targets",), config=TargetsConfig)
def find_targets(doc: Document, config: TargetsConfig = TargetsConfig()) -> Document:
    index = ArticleIndex(doc)
    for statement in doc.statements:
        statement.targets = statement_targets(doc, statement, index, config)
    return doc


def statement_targets(doc: Document, statement: Statement, index: ArticleIndex,
                      config: TargetsConfig = TargetsConfig()) -> list[Target]:
    """The statement's targets in text order, one per entity (its first reference)."""
    speaker = statement.speaker.entity if statement.speaker is not None else None
    found = _mentioned(doc, statement, index)
    if config.pronouns:
        found += _pronoun_targets(doc, statement, index, config, {t.start for t in found})
    kept: dict[str, Target] = {}
    for target in sorted(found, key=lambda t: (t.start, t.end)):
        if target.entity != speaker and target.entity not in kept:
            kept[target.entity] = target
    return list(kept.values())


def content_spans(statement: Statement) -> list[Span]:
    """The stretches of text the content covers (an interrupted quotation: its parts)."""
    content = statement.content
    return list(content.parts) or ([content.span] if content.span is not None else [])


def _excluded_spans(statement: Statement) -> list[Span]:
    """The speaker's and the addressee's words: whoever they name is no target."""
    return [span for span in (statement.speaker, statement.addressee.span) if span is not None]


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in others)


def _mentioned(doc: Document, statement: Statement, index: ArticleIndex) -> list[Target]:
    excluded = _excluded_spans(statement)
    targets = []
    for part in content_spans(statement):
        for placed in index.overlapping(part):
            mention, entity = placed.mention, placed.entity
            inside = part.start <= mention.start and mention.end <= part.end
            if entity.type in TARGET_TYPES and inside and not _overlaps(mention, excluded):
                how = PRONOUN if mention.text.lower() in pronoun_forms() else MENTION
                targets.append(_target(entity, mention, how))
    return targets


def _pronoun_targets(doc: Document, statement: Statement, index: ArticleIndex, config: TargetsConfig,
                     taken: set[int]) -> list[Target]:
    """Third-person pronouns in the content, resolved; ``taken``: starts of mentions found already."""
    speaker = statement.speaker
    speaker_entity = speaker.entity if speaker is not None else None
    speaker_token = doc.token_at(speaker.start) if speaker is not None else None
    previous = doc.entity(speaker_entity) if speaker_entity else None
    resolver = Resolver(doc, previous, doc.tokens[speaker_token].sentence if speaker_token is not None else -1,
                        config.pronoun_window, index=index)
    # in a quotation "er" is someone else; in reported speech it is mostly the speaker
    never = frozenset({speaker_entity}) if speaker_entity and statement.form == "direct" else frozenset()
    excluded = _excluded_spans(statement)
    subjects: dict[int, set[str]] = {}  # sentence -> entities a subject pronoun before referred to
    targets = []
    for token in _content_tokens(doc, statement):
        form = _third_person(doc, token)
        if form is None or token.start in taken or _overlaps(token_span(token), excluded):
            continue
        besides = never | frozenset(subjects.get(token.sentence, ())) if form.kind == OBJECT else never
        entity = resolver.referent(token, form.gender, besides)
        if entity is None:
            continue
        if form.kind == SUBJECT:
            subjects.setdefault(token.sentence, set()).add(entity.id)
        if entity.type in TARGET_TYPES:
            targets.append(_target(entity, token_span(token), PRONOUN))
    return targets


def _content_tokens(doc: Document, statement: Statement) -> list[Token]:
    return [token for part in content_spans(statement) for token in doc.tokens_in(part.start, part.end)]


def _third_person(doc: Document, token: Token) -> PronounForm | None:
    """The token's form as a target pronoun; None for other words and for the polite ``Sie``,
    ``Ihnen``, ``Ihr`` inside a sentence (the addressee, not someone talked about)."""
    form = pronoun_forms().get(token.text.lower())
    if form is None:
        return None
    if token.text[:1].isupper() and not _opens_sentence(doc, token):
        return None
    if form.kind == POSSESSIVE and token.tag and not token.tag.startswith("PPOS"):
        return None  # "sein" the verb
    return form


def _opens_sentence(doc: Document, token: Token) -> bool:
    sentence = doc.sentences[token.sentence]
    words = [t for t in doc.tokens[sentence.token_start:token.index] if t.text[:1].isalnum()]
    return not words or doc.tokens[token.index - 1].text in {"„", "\"", "“", "»", "«", ":"}


def token_span(token: Token) -> Span:
    return Span(token.start, token.end, token.text)


def _target(entity: Entity, span: Span, how: str) -> Target:
    return Target(span.start, span.end, span.text, entity=entity.id, name=entity.name, type=entity.type, how=how)
