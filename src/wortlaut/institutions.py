"""What in a speaker phrase names a country or an organisation, and its canonical name:
``Moskau``, ``Kreml-Angaben``, ``ukrainischen`` (the country); ``Agentur Interfax`` (Interfax);
``der britischen Polizei`` (``britische Polizei``, of the United Kingdom); ``das Ministerium`` (the
one named before: the caller looks it up).
"""

from __future__ import annotations

from .de.nominative import nominative
from .de.roles import org_names, org_noun_head
from .de.tags import NAME_OR_FOREIGN
from .de.tokens import is_adjective, is_determiner, normal_tag
from .de.words import (
    GENERIC_ORGANISATION_NOUNS,
    GENITIVE_ARTICLES,
    NAME_INTERNAL_WORDS,
    ORGANISATION_PLACE_PREPOSITIONS,
    SOURCE_SUFFIXES,
)
from .gazetteer import canonical_affiliation, capital_country, country_for_adjective, country_name, metonym_country
from .model import Entity, Token


def adjective_country(tokens: list[Token]) -> str | None:
    for token in reversed(tokens):
        if token.text[:1].islower():
            country = country_for_adjective(token.text)
            if country:
                return country
    return None


def genitive_country(tokens: list[Token]) -> str | None:
    """``der Präsident Frankreichs``, ``der Sprecher des Kremls``."""
    for token in tokens:
        country = country_name(token.text) or metonym_country(token.text)
        if country:
            return country
    return None


def _strip_source_word(word: str) -> str:
    for suffix in SOURCE_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


def country_named(word: str) -> str | None:
    """The country a name stands for: ``Moskau``, ``Kreml``, ``Frankreichs``."""
    country = metonym_country(word) or country_name(word) or capital_country(word)
    return canonical_affiliation(country) if country else None


def country_of(tokens: list[Token]) -> str | None:
    """Governments: ``Moskau``, ``Kreml``/``Kreml-Angaben``, ``Frankreichs``, ``ukrainischen``."""
    for token in tokens:
        word = _strip_source_word(token.text)
        if word[:1].isupper():
            country = country_named(word)
        else:
            country = country_for_adjective(word)
            country = canonical_affiliation(country) if country else None
        if country:
            return country
    return None


def inflects(word: str, noun: str) -> bool:
    """``Verbandes`` is a singular form of the noun ``verband`` itself, not a compound of it (and
    ``Behörden`` a plural: the authorities in general, not one named before)."""
    lower = word.lower()
    return lower.startswith(noun) and lower[len(noun):] in {"", "s", "es"}


def organisation_of(tokens: list[Token]) -> tuple[str | None, str | None, str] | None:
    """(name, country, head noun) of an organisation phrase; the name is None for a bare
    definite noun (``das Ministerium``), which names the one the article named before."""
    names = org_names()
    for index, token in enumerate(tokens):
        word = _strip_source_word(token.text)
        if word in names:
            return names[word], None, ""
        head = org_noun_head(word)
        if head is None:
            continue
        following = tokens[index + 1:]
        if following and _names_something(following[0]):  # "Agentur Interfax", "Gewerkschaft ver.di"
            return names.get(following[0].text, nominative(list(following))), None, ""
        written_name = _written_name(following)
        if written_name:  # "Menschenrechtsorganisation amnesty international"
            return names.get(written_name, written_name), None, ""
        country = adjective_country(tokens[:index]) or genitive_country(following)
        if len(following) >= 2 and following[0].text.lower() in ORGANISATION_PLACE_PREPOSITIONS \
                and following[1].text[:1].isupper():  # "die Regierung in Lomé", "die Botschaft in Riad"
            return nominative([*tokens[:index + 1], *following]), country, head
        adjectives = [t for t in tokens[:index] if is_adjective(t)]
        if not adjectives and not following and (inflects(word, head) or head in GENERIC_ORGANISATION_NOUNS):
            return None, country, head  # "das Ministerium", "die Umweltschutzorganisation"
        genitive = following if following and (following[0].text.lower() in GENITIVE_ARTICLES | NAME_INTERNAL_WORDS
                                                 or _bare_genitive(following)) else []
        return nominative([*tokens[:index + 1], *genitive]), country, head
    acronyms = [t.text for t in tokens if t.text.isupper() and 2 <= len(t.text) <= 6 and t.text.isalpha()]
    return (acronyms[0], None, "") if acronyms else None


def _bare_genitive(tokens: list[Token]) -> bool:
    """``kommunaler Unternehmen`` in ``Verband kommunaler Unternehmen``: adjective in -er, then a noun."""
    return len(tokens) >= 2 and is_adjective(tokens[0]) and tokens[0].text.endswith("er") \
        and tokens[1].text[:1].isupper()


def _written_name(tokens: list[Token]) -> str:
    """A name after an organisation noun that does not start with a capital: a run of foreign
    words and names right after one another (``amnesty international``, ``al-Dschasira``), kept
    as written."""
    run: list[Token] = []
    for token in tokens:
        if normal_tag(token) not in NAME_OR_FOREIGN or run and token.index != run[-1].index + 1:
            break  # "amnesty international (ai)": the name ends at the bracket
        run.append(token)
    return " ".join(t.text for t in run)


def _names_something(token: Token) -> bool:
    """A name after an organisation noun: ``Interfax``, ``ver.di``, ``t-online.de``."""
    text = token.text
    return not is_determiner(token) and (text[:1].isupper() or ("." in text.strip(".") and text[:1].isalpha()))


def rename_to_nominative(entity: Entity, words: list[Token]) -> None:
    """``des Technischen Hilfswerks`` as found -> ``Technisches Hilfswerk``."""
    written = entity.name.split()
    start = next((i for i, t in enumerate(words) if t.text == written[0]), None)
    if start is None or [t.text for t in words[start:start + len(written)]] != written:
        return
    determiner = words[start - 1: start] if start and is_determiner(words[start - 1]) else []
    entity.name = nominative([*determiner, *words[start:start + len(written)]])


def longer_name(entity: Entity, words: list[Token]) -> None:
    """``Bundesverband`` found alone, written ``Der Bundesverband der Hersteller von Nährmitteln``:
    the organisation is named by the whole phrase its noun heads."""
    if " " in entity.name or org_noun_head(entity.name) is None:
        return
    found = organisation_of(words)
    if found is not None and found[0] is not None and found[0].startswith(entity.name + " ") \
            and found[0].split()[1].lower() in NAME_INTERNAL_WORDS:
        entity.name = found[0]
