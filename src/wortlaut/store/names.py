"""Comparing person and organisation names across articles."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..de.lexicon import word_list

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
