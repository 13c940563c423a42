"""Tests on a single token that work with STTS tags and, where the morphology stage did not run
(empty tags), from the word alone."""

from __future__ import annotations

from ..model import Token
from .tags import ADJECTIVE, DETERMINER, FINITE, PREPOSITION, normal
from .words import ACTOR_PRONOUNS, DETERMINERS, IRREGULAR_PLURAL_VERBS, PREPOSITIONS


def normal_tag(token: Token) -> str:
    return normal(token.tag)


def is_finite_verb(token: Token) -> bool:
    return normal_tag(token) in FINITE


def is_preposition(token: Token) -> bool:
    tag = normal_tag(token)
    return tag in PREPOSITION if tag else token.text.lower() in PREPOSITIONS


def is_determiner(token: Token) -> bool:
    tag = normal_tag(token)
    return tag in DETERMINER if tag else token.text.lower() in DETERMINERS


def is_adjective(token: Token) -> bool:
    tag = normal_tag(token)
    if tag:
        return tag in ADJECTIVE
    return token.text[:1].islower() and token.text.endswith(("e", "en", "er", "em", "es"))


def is_conjunction(token: Token) -> bool:
    tag = normal_tag(token)
    return tag == "KON" if tag else token.text in {"und", "oder", "sowie"}


def pronoun_gender(word: str) -> str:
    """``er`` -> ``m``, ``sie`` -> ``f``; ``""`` for ``ich``, ``man`` and words that are no such pronoun."""
    return ACTOR_PRONOUNS.get(word.lower(), "")


def plural_verb_form(word: str) -> bool:
    """A third-person plural finite form: ``fordern``, ``forderten``, ``seien``, ``hätten``;
    ``fordert``, ``forderte``, ``sei``, ``kann`` are singular."""
    lower = word.lower()
    return lower.endswith(("en", "ern", "eln")) or lower in IRREGULAR_PLURAL_VERBS
