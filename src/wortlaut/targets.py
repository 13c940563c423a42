"""Targets: whom each statement is about.

A statement's targets are the actors its content refers to: the entities named inside the
content (persons, organisations, countries; also the role nouns and pronouns the speakers stage
resolved there), third-person pronouns in it, resolved as speaker pronouns are
(:meth:`wortlaut.speakers.resolver.Resolver.referent`), definite role and organisation nouns that
refer back to an actor named before (``der russische Präsident``, ``das Komitee``), compounds
that start with an actor's name (``NATO-Angriffe``) and countries named by an adjective or a
compound (``ukrainische Städte``, ``Ukraine-Konflikt``, ``US-Truppen``).  A country adjective
inside a definite actor phrase stays with that actor (``die britische Polizei``), except for a
government, which stands for its country (``die chinesische Regierung``).  Guideline and gold:
``training/targets/README.md``.  The speaker is never a target (a
reflexive ``sich`` or ``ich``/``wir`` is no target word at all), and neither is the addressee's
phrase.  An object pronoun is not its clause's subject: in ``Er werde sich nicht mit ihm
treffen`` the ``er`` is the speaker, so ``ihm`` is someone else; likewise in ``Scholz habe ihn
belogen`` the ``ihn`` is not Scholz, the first actor named in its sentence (there the speaker,
who is then left out).  In a direct quotation a third-person pronoun is never the speaker.

The pronoun forms are data (``data/target_pronouns.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from .components import component
from .de.lexicon import entries
from .de.roles import org_noun_head, parse_role
from .de.tokens import is_adjective
from .de.words import CONTRACTED_ARTICLES, DEFINITE_ARTICLES, GOVERNMENT_NOUNS
from .gazetteer import canonical_affiliation, country_for_adjective, country_name
from .model import COUNTRY, ORGANISATION, PERSON, Document, Entity, Span, Statement, Target, Token
from .speakers import SpeakersConfig
from .speakers.article_index import ArticleIndex
from .speakers.phrases import bare_organisation_noun
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
    countries: bool = field(default=True, metadata={
        "help": "countries named by an adjective or a compound in the content ('ukrainische', 'US-Truppen')"})
    noun_phrases: bool = field(default=True, metadata={
        "help": "definite role and organisation nouns ('der Präsident', 'das Komitee') and compounds with an "
                "actor's name ('NATO-Angriffe') as references to actors named before"})


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
    """The statement's targets in text order, one per actor (its first reference)."""
    speaker = statement.speaker.entity if statement.speaker is not None else None
    speaker_entity = doc.entity(speaker) if speaker else None
    resolver = _resolver(doc, statement, index, config)
    found = _mentioned(doc, statement, index, resolver)
    if config.pronouns:
        found += _pronoun_targets(doc, statement, resolver, {t.start for t in found}, found)
    if config.countries or config.noun_phrases:
        found += _phrase_targets(doc, statement, index, resolver, config, {t.start for t in found})
    kept: dict[str, Target] = {}
    for target in sorted(found, key=lambda t: (t.start, t.end)):
        key = target.entity or f"{target.type}:{target.name}"
        if target.entity == speaker and speaker or _same_country(target, speaker_entity) or key in kept:
            continue
        kept[key] = target
    return list(kept.values())


def _same_country(target: Target, speaker: Entity | None) -> bool:
    return speaker is not None and target.type == COUNTRY and speaker.type == COUNTRY and target.name == speaker.name


def _resolver(doc: Document, statement: Statement, index: ArticleIndex, config: TargetsConfig) -> Resolver:
    speaker = statement.speaker
    speaker_entity = doc.entity(speaker.entity) if speaker is not None and speaker.entity else None
    speaker_token = doc.token_at(speaker.start) if speaker is not None else None
    sentence = doc.tokens[speaker_token].sentence if speaker_token is not None else -1
    return Resolver(doc, speaker_entity, sentence, config.pronoun_window, index=index)


def content_spans(statement: Statement) -> list[Span]:
    """The stretches of text the content covers (an interrupted quotation: its parts)."""
    content = statement.content
    return list(content.parts) or ([content.span] if content.span is not None else [])


def _excluded_spans(statement: Statement) -> list[Span]:
    """The speaker's and the addressee's words: whoever they name is no target."""
    return [span for span in (statement.speaker, statement.addressee.span) if span is not None]


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in others)


def _mentioned(doc: Document, statement: Statement, index: ArticleIndex, resolver: Resolver) -> list[Target]:
    excluded = _excluded_spans(statement)
    targets = []
    for part in content_spans(statement):
        for placed in index.overlapping(part):
            mention, entity = placed.mention, placed.entity
            inside = part.start <= mention.start and mention.end <= part.end
            if entity.type in TARGET_TYPES and inside and not _overlaps(mention, excluded):
                if entity.type == ORGANISATION and bare_organisation_noun(entity.name):
                    # "die Universität" that the entities stage kept apart: the one named before
                    first = doc.token_at(mention.start)
                    entity = (resolver.organisation_referent(doc.tokens[first]) if first is not None else None) or entity
                how = PRONOUN if mention.text.lower() in pronoun_forms() else MENTION
                targets.append(_target(entity, mention, how))
    return targets


def _pronoun_targets(doc: Document, statement: Statement, resolver: Resolver, taken: set[int],
                     mentioned: list[Target]) -> list[Target]:
    """Third-person pronouns in the content, resolved; ``taken``: starts of mentions found already."""
    speaker_entity = statement.speaker.entity if statement.speaker is not None else None
    # in a quotation "er" is someone else; in reported speech it is mostly the speaker
    never = frozenset({speaker_entity}) if speaker_entity and statement.form == "direct" else frozenset()
    excluded = _excluded_spans(statement)
    first_named = _first_named(doc, mentioned)
    subjects: dict[int, set[str]] = {}  # sentence -> entities a subject pronoun before referred to
    targets = []
    for token in _content_tokens(doc, statement):
        form = _third_person(doc, token)
        if form is None or token.start in taken or _overlaps(token_span(token), excluded):
            continue
        besides = never
        if form.kind == OBJECT:  # not its clause's subject: a subject pronoun or the first actor named
            besides |= frozenset(subjects.get(token.sentence, ()))
            named = first_named.get(token.sentence)
            if named is not None and named[0] < token.start and not _clause_break(doc, named[0], token):
                besides |= {named[1]}
        entity = resolver.referent(token, form.gender, besides)
        if entity is None:
            continue
        if form.kind == SUBJECT:
            subjects.setdefault(token.sentence, set()).add(entity.id)
        if entity.type in TARGET_TYPES:
            targets.append(_target(entity, token_span(token), PRONOUN))
    return targets


def _clause_break(doc: Document, start: int, token: Token) -> bool:
    """A comma between the offset ``start`` and the token: another clause ("Nach dem Tode Magnitskis
    war, dass ihm …")."""
    first = doc.token_at(start)
    return first is not None and any(t.text == "," for t in doc.tokens[first:token.index])


def _first_named(doc: Document, mentioned: list[Target]) -> dict[int, tuple[int, str]]:
    """Sentence -> (start, entity) of the first actor the content names in it."""
    first: dict[int, tuple[int, str]] = {}
    for target in sorted(mentioned, key=lambda t: t.start):
        if target.how != MENTION or not target.entity:
            continue
        index = doc.token_at(target.start)
        if index is not None:
            first.setdefault(doc.tokens[index].sentence, (target.start, target.entity))
    return first


def _phrase_targets(doc: Document, statement: Statement, index: ArticleIndex, resolver: Resolver,
                    config: TargetsConfig, taken: set[int]) -> list[Target]:
    """Countries by adjective or compound, compounds with an actor's name, definite role and
    organisation nouns referring back; words inside a name or a found target are skipped."""
    excluded = _excluded_spans(statement)
    covered = _named_tokens(doc, statement, index)
    targets = []
    tokens = _content_tokens(doc, statement)
    for token in tokens:
        if token.index in covered or token.start in taken or _overlaps(token_span(token), excluded):
            continue
        target = None
        if config.noun_phrases:
            target = _compound_actor(doc, token) or _noun_referent(doc, token, resolver)
        if target is None and config.countries:
            target = _country_word(doc, token)
        if target is not None:
            targets.append(target)
    return targets


def _named_tokens(doc: Document, statement: Statement, index: ArticleIndex) -> set[int]:
    """Indices of the content's tokens inside any entity mention (``Deutsche Bank``)."""
    covered: set[int] = set()
    for part in content_spans(statement):
        for placed in index.overlapping(part):
            covered.update(t.index for t in doc.tokens_in(placed.mention.start, placed.mention.end))
    return covered


def _compound_actor(doc: Document, token: Token) -> Target | None:
    """``NATO-Angriffe``, ``CDU-Regierung``: the actor of the article whose name the compound starts with."""
    if "-" not in token.text[1:-1] or not token.text[:1].isupper():
        return None
    prefix = token.text.split("-", 1)[0]
    for entity in doc.entities:
        if entity.type in TARGET_TYPES and (entity.name == prefix or any(m.text == prefix for m in entity.mentions)):
            return _target(entity, token_span(token), MENTION)
    return None


def _noun_referent(doc: Document, token: Token, resolver: Resolver) -> Target | None:
    """A definite role or organisation noun that refers back to an actor named before."""
    if not token.text[:1].isupper():
        return None
    phrase = _definite_phrase(doc, token)
    if phrase is None:
        return None
    entity = None
    if parse_role(token.text) is not None:
        entity = resolver.role_referent(token, phrase)
    elif org_noun_head(token.text) is not None:
        entity = resolver.organisation_referent(token)
    return _target(entity, token_span(token), MENTION) if entity is not None and entity.type in TARGET_TYPES else None


def _definite_phrase(doc: Document, token: Token) -> list[Token] | None:
    """The words from a definite article to ``token`` over adjectives only (``der russische``), or None."""
    index = token.index - 1
    while index >= 0 and doc.tokens[index].sentence == token.sentence and is_adjective(doc.tokens[index]):
        index -= 1
    if index < 0 or doc.tokens[index].sentence != token.sentence:
        return None
    article = doc.tokens[index].text.lower()
    return doc.tokens[index:token.index] if article in DEFINITE_ARTICLES or article in CONTRACTED_ARTICLES else None


def _country_word(doc: Document, token: Token) -> Target | None:
    """``ukrainische``, ``US-Truppen``, ``Ukraine-Konflikt``: the country, unless the adjective
    belongs to a definite actor phrase (``die britische Polizei``; a government stands for its
    country) or the compound is a role (``US-Präsident``: the person is the actor)."""
    text = token.text
    if "-" in text[1:-1] and text[:1].isupper():
        if parse_role(text) is not None:
            return None
        name = country_for_adjective(text) or country_name(text.split("-", 1)[0])
    elif text[:1].islower():
        name = country_for_adjective(text)
        if name and _heads_actor_phrase(doc, token):
            return None
    else:
        return None
    if not name:
        return None
    name = canonical_affiliation(name) or name
    entity = next((e for e in doc.entities if e.type == COUNTRY and e.name == name), None)
    span = token_span(token)
    return Target(span.start, span.end, span.text, entity=entity.id if entity else "", name=name, type=COUNTRY,
                  how=MENTION)


def _heads_actor_phrase(doc: Document, adjective: Token) -> bool:
    """``die britische Polizei``, ``der russische Präsident``: a definite article before, a role or
    organisation noun (not a government) after."""
    following = adjective.index + 1
    while following < len(doc.tokens) and is_adjective(doc.tokens[following]):
        following += 1
    if following >= len(doc.tokens):
        return False
    noun = doc.tokens[following]
    if noun.text.lower() in GOVERNMENT_NOUNS or not (parse_role(noun.text) or org_noun_head(noun.text)):
        return False
    return _definite_phrase(doc, noun) is not None


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
