"""Tests on the words of a speaker phrase: names, roles, organisation heads, documents, attributes."""

from __future__ import annotations

import re

from ..de.names import first_names
from ..de.nominative import noun_gender
from ..de.punctuation import is_quote_mark
from ..de.roles import RoleMatch, org_names, org_noun_head, parse_role, role_affiliation
from ..de.speaker_phrases import document_noun_part
from ..de.tags import NAME_OR_FOREIGN
from ..de.tokens import is_adjective, is_determiner, is_preposition, normal_tag
from ..de.words import (
    ABSTRACT_NOUN_ENDINGS,
    CONCRETE_NOUN_ENDINGS,
    GOVERNMENT_NOUNS,
    NAME_INTERNAL_WORDS,
    NAMELESS_ORGANISATION_NOUNS,
    NON_SPEAKER_WORDS,
    TIME_NOUNS,
)
from ..entities import entity_affiliations, person_gender
from ..entities.acronyms import is_acronym
from ..gazetteer import canonical_affiliation
from ..institutions import adjective_country, country_named, country_of
from ..model import ORGANISATION, PERSON, UNKNOWN, Document, Entity, Span, Token
from .resolutions import ACRONYM, ALIAS, INSTITUTION, NAME, ROLE, UNRESOLVED

GROUP_JOINT = " und "  # a group's name: its members' names joined ("SPD und Grüne")


def is_genitive(doc: Document, mention: Span) -> bool:
    """``Putins`` when ``Putin`` occurs alone in the article."""
    return doc.has_token(mention.text[:-1]) or mention.text.endswith("’s")


def neuter_organisation(entity: Entity) -> bool:
    """An organisation a neuter noun names (``das Landgericht Mannheim``, ``das Gericht``): ``es``
    may refer to it."""
    return entity.type == ORGANISATION and any(
        org_noun_head(word) is not None and noun_gender(word) == "n"
        for mention in entity.mentions for word in mention.text.split())


def fits_pronoun(entity: Entity, gender: str) -> bool:
    if entity.type != PERSON:
        return False
    found = person_gender(entity)
    return not found or not gender or found == gender


def last_role(tokens: list[Token]) -> int | None:
    for index in range(len(tokens) - 1, -1, -1):
        if parse_role(tokens[index].text) is not None:
            return index
    return None


def role_kinds(entity: Entity) -> list[tuple[str, str, str | None]]:
    """(role noun, kind, affiliation) for each of the entity's roles."""
    kinds = []
    for stored in entity.roles:
        noun, affiliation = role_affiliation(stored)
        parsed = parse_role(noun)
        if parsed is not None:
            kinds.append((parsed.head.lower(), parsed.kind, canonical_affiliation(affiliation or parsed.affiliation)))
    return kinds


def role_score(entity: Entity, role: RoleMatch, affiliation: str | None) -> int:
    """3: same role noun; 2: same kind of role; 0: no fit (or another country)."""
    if role.gender == "f" and person_gender(entity) == "m":
        return 0
    score = 0
    for head, kind, own in role_kinds(entity):
        if affiliation and own and own != affiliation:
            continue
        if head == role.head.lower():
            score = max(score, 3)
        elif kind == role.kind:
            score = max(score, 2)
    return score


def role_compatible(entity: Entity, role: RoleMatch, affiliation: str | None) -> bool:
    if is_acronym(entity.name):
        return False  # "EuGH" typed as a person by the tagger is no one a role noun refers to
    kinds = role_kinds(entity)
    if affiliation and entity_affiliations(entity) and affiliation not in entity_affiliations(entity):
        return False
    if role.gender == "f" and person_gender(entity) == "m":
        return False
    return not kinds or any(kind == role.kind for _, kind, _ in kinds)


def plausible_speaker(content: list[Token]) -> bool:
    """A phrase that can name a speaker: not a bare document word (``Worten``), a time (``Montag``)
    or words without any noun or name."""
    nouns = [t for t in content if t.text[:1].isupper()]
    if country_of(content) is not None:
        return True  # "nach ukrainischen Angaben"
    if not nouns:
        return False
    head = nouns[-1].text
    return not (head.lower() in NON_SPEAKER_WORDS and len(nouns) == 1) and head not in TIME_NOUNS \
        and not abstract_head(content)


def abstract_head(content: list[Token]) -> bool:
    """The phrase's first noun is abstract (``die Situation``, ``Spekulationen``, ``die Vereinbarkeit
    des Vorhabens``) and no role, organisation or document word: it names no one who speaks."""
    noun = next((t for t in content if t.text[:1].isupper()), None)
    if noun is None or normal_tag(noun) != "NN" or parse_role(noun.text) or org_noun_head(noun.text) \
            or document_noun_part(noun.text) or noun.text in org_names():
        return False  # a name ("NDRInfo unter Berufung auf …"), a role, an organisation, a document
    lower = noun.text.lower()
    return lower.endswith(ABSTRACT_NOUN_ENDINGS) and not lower.endswith(CONCRETE_NOUN_ENDINGS)


def mention_resolution(entity: Entity, span: Span) -> str:
    """How a mention the entities stage found names its entity."""
    if entity.type == UNKNOWN:
        return UNRESOLVED  # "den Testern", "Bericht": nothing the store should make an actor of
    if entity.type != PERSON:
        words = span.text.split()
        if any(w.isupper() and len(w) > 1 and w not in entity.name.split() for w in words):
            return ACRONYM
        return INSTITUTION
    if entity.name in span.text:
        return NAME
    return ALIAS if set(entity.name.split()) & set(span.text.split()) else ROLE


_TITLE_NUMBER = re.compile(r"^\d+\s+-\s+")  # SpkAtt's "10022 - Der Astronaut …"
_TITLE_DATE = re.compile(r"\s*\(\d{4}-\d{2}-\d{2}\)$")  # and its "(2005-08-05)"


def title_words(title: str | None) -> list[str]:
    """The words of an article's title, without SpkAtt's number and date around it."""
    if not title:
        return []
    return re.findall(r"[\w.’'-]+", _TITLE_DATE.sub("", _TITLE_NUMBER.sub("", title)))


def add_role(entity: Entity, role: str) -> None:
    if role not in entity.roles:
        entity.roles.append(role)


def unnamed(entity: Entity) -> bool:
    """An entity the article never names: a group (``Experten``) or a person known only by a role
    (``Angeklagte``, ``Sprecher der Firma``).  A pronoun or role phrase resolved to it stays an
    unresolved mention, never an actor of the store."""
    if entity.type == UNKNOWN:
        return True
    if entity.type != PERSON:
        return False
    words = entity.name.split()
    noun = next((word for word in words if word[:1].isupper()), "")  # "britische Botschafterin"
    return parse_role(noun) is not None and not any(word in first_names() for word in words)


def bare_organisation_noun(name: str) -> bool:
    """``Ministerium``, ``Polizei``: an organisation named by its noun alone."""
    return " " not in name and org_noun_head(name) == name.lower()


def name_after_nationality(content: list[Token]) -> str:
    """``englische Independent``: a name (tagged as one, not a role or organisation noun) after a
    nationality adjective."""
    if len(content) < 2 or not is_adjective(content[0]) or adjective_country(content[:1]) is None:
        return ""
    rest = content[1:]
    if all(normal_tag(t) in NAME_OR_FOREIGN and parse_role(t.text) is None and org_noun_head(t.text) is None
           and country_named(t.text) is None for t in rest):
        return " ".join(t.text for t in rest)
    return ""


def without_leading_determiner(words: list[Token]) -> list[Token]:
    return words[1:] if words and is_determiner(words[0]) else words


def without_leading_prepositions(words: list[Token]) -> list[Token]:
    index = 0
    while index < len(words) - 1 and is_preposition(words[index]):
        index += 1
    return words[index:]


def before_attribute(words: list[Token]) -> list[Token]:
    """The words before a prepositional attribute (``Entwicklung`` of ``Entwicklung im Iran``); a
    ``für`` after an organisation noun belongs to its name (``Gesellschaft für bedrohte Völker``)."""
    for index, token in enumerate(words[1:], start=1):
        if token.text.lower() in NAME_INTERNAL_WORDS and org_noun_head(words[index - 1].text) is not None:
            continue
        if is_preposition(token) or token.tag == "APPRART":
            return words[:index]
    return words


def country_adjective_noun(tokens: list[Token]) -> Token | None:
    """The noun a country adjective stands before when it ends the phrase and is no state organ:
    ``der spanische Rundfunk`` (Spain's broadcaster, not Spain); ``die russische Regierung`` and
    ``die russische Seite`` stand for the country, and organisation nouns are read elsewhere."""
    words = [t for t in tokens if t.text[:1].isalnum() and not is_determiner(t) and not is_preposition(t)]
    nouns = [t for t in words if t.text[:1].isupper()]
    if len(nouns) != 1 or nouns[0] is not words[-1] or adjective_country(words[:-1]) is None:
        return None
    noun = nouns[0]
    if noun.text.lower() in GOVERNMENT_NOUNS or country_named(noun.text) or org_noun_head(noun.text) is not None \
            or document_noun_part(noun.text) is not None:
        return None  # "israelischen Angaben", "einer norwegischen Studie": the country's, as before
    return noun


def owner_like(modifier: str) -> bool:
    """A compound's first part that names a document's owner: an organisation (``Polizei``,
    ``Armee``; not the generic ``Medien``), a known name or an acronym (``UN``, ``BKA``); a role
    (``Expertenmeinung``) names nobody in particular."""
    head = org_noun_head(modifier)
    return (head is not None and head not in NAMELESS_ORGANISATION_NOUNS) or modifier in org_names() \
        or (modifier.isupper() and len(modifier) >= 2)


def organisation_head(words: list[Token]) -> Token | None:
    """The first noun of the phrase when it is an organisation noun (``Amt`` of ``Das Auswärtige Amt``)."""
    content = [t for t in words if not is_determiner(t) and not is_adjective(t)]
    return content[0] if content and org_noun_head(content[0].text) is not None else None


def quoted_name(tokens: list[Token]) -> str:
    """The words between quotation marks in a speaker phrase, when they start with a capital
    (``die „Neue Rechte“``, ``„Tagesspiegel“``) or follow an organisation noun (``des
    Wochenmagazins „profil“``): the name of a group or medium."""
    marks = [i for i, t in enumerate(tokens) if is_quote_mark(t.text)]
    if len(marks) != 2 or marks[1] - marks[0] < 2:
        return ""
    after_noun = marks[0] > 0 and org_noun_head(tokens[marks[0] - 1].text) is not None
    if not (tokens[marks[0] + 1].text[:1].isupper() or after_noun):
        return ""
    return " ".join(t.text for t in tokens[marks[0] + 1:marks[1]])


def web_address(word: str) -> bool:
    """``t-online.de``, ``spiegel.de``, ``CNN.com``: a website named as a source."""
    host, dot, domain = word.rpartition(".")
    return bool(dot and host and domain.isalpha() and 2 <= len(domain) <= 4 and domain.islower() and host[:1].isalnum())


def name_like(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper() or not text.replace("-", "").isalpha() or text.isupper():
        return False
    tag = normal_tag(token)
    return tag in {"NE", "FM", "XY"} or (tag == "" and text in first_names()) or (tag == "" and not common_noun_shape(text))


def common_noun_shape(word: str) -> bool:
    """Untagged fallback: plural or abstract endings that names rarely have."""
    return word.endswith(("en", "ung", "heit", "keit", "schaft", "ion", "tät", "er", "e"))

