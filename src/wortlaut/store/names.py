"""Comparing person and organisation names across articles."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..de.lexicon import word_list
from ..de.words import ACTOR_PRONOUNS, NON_SPEAKER_WORDS, TIME_NOUNS

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_EDGE_PUNCTUATION = ".,;:!?\"'«»„“”‚‘’()[]"


def name_key(name: str) -> str:
    """The form under which two spellings of a name count as the same.

    Unicode-normalised, dashes unified, spaces collapsed, case folded and forms
    of address ("Dr.", "Frau") dropped: "Dr. Angela  Merkel" -> "angela merkel".
    """
    text = unicodedata.normalize("NFC", name)
    text = _DASHES.sub("-", text)
    words = [word.strip(_EDGE_PUNCTUATION) for word in text.casefold().split()]
    words = [word for word in words if word]
    titles = word_list("store_name_titles.txt")
    while len(words) > 1 and words[0] in titles:
        words.pop(0)
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class NameParts:
    given: tuple[str, ...]  # first names, empty when only the surname was written
    surname: str


def split_name(key: str) -> NameParts:
    """Split a :func:`name_key` into given names and surname; particles belong to the surname."""
    words = key.split()
    if not words:
        return NameParts((), "")
    particles = word_list("store_name_particles.txt")
    for index, word in enumerate(words[:-1]):
        if word in particles:
            return NameParts(tuple(words[:index]), " ".join(words[index:]))
    return NameParts(tuple(words[:-1]), words[-1])


def actor_key(name: str | None, resolution: str | None) -> str | None:
    """The alias key a speaker joins an actor under; None for speakers that are no actor: unresolved
    mentions (``er`` without an antecedent, ``Experten``) and names that are only a pronoun or a
    word like ``Worten`` (from older analyses)."""
    if not name or resolution == "unresolved":
        return None
    key = name_key(name)
    if not key or key in ACTOR_PRONOUNS or key in NON_SPEAKER_WORDS or name in TIME_NOUNS:
        return None
    return key
