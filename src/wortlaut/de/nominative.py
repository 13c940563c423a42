"""Names in their nominative base form: ``des Technischen Hilfswerks`` -> ``Technisches Hilfswerk``,
``der Grünen`` -> ``Grüne``, ``der britischen Polizei`` -> ``britische Polizei``.

The case comes from the determiner before the phrase and the gender from the head noun's
ending (``data/noun_genders.tsv``); the head noun loses a genitive ``-(e)s`` when its lemma says
so, and adjectives before it take the ending they have with no article (strong declension).
Words after the head (``Landgericht Köln``, ``Presseamt des Kremls``) stay as written.
"""

from __future__ import annotations

from functools import cache

from ..model import Token
from .lexicon import table
from .roles import org_noun_head
from .tokens import is_adjective, is_determiner, is_preposition, normal_tag
from .words import MASCULINE_GENITIVE_ARTICLES

_STRONG_ENDINGS = {"m": "er", "f": "e", "n": "es", "pl": "e"}
_ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")
_SINGULAR_OBLIQUE = {"des", "dem", "eines", "einem", "vom", "im", "beim", "zum"}


@cache
def _genders() -> dict[str, str]:
    return table("noun_genders.tsv")


def noun_gender(noun: str) -> str | None:
    """``m``, ``f`` or ``n`` by the longest known ending of ``noun``; None when unknown."""
    lower = noun.lower()
    genders = _genders()
    for size in range(len(lower), 1, -1):
        gender = genders.get(lower[-size:])
        if gender:
            return gender
    return None


def head_base_form(token: Token, determiner: str = "") -> str:
    """The head noun without a genitive ``-(e)s`` its lemma shows, or, after ``des``/``eines``, the
    one an organisation noun shows (``des Bundeskriminalamtes``: HanTa does not know the compound);
    a plural ``-n`` stays: ``Experten``."""
    word, lemma = token.text, token.lemma
    if lemma[:1].isupper() and word in (lemma + "s", lemma + "es") and normal_tag(token) in {"NN", "NE", ""}:
        return lemma
    if determiner in MASCULINE_GENITIVE_ARTICLES:
        for ending in ("es", "s"):
            stem = word[: -len(ending)]
            noun = org_noun_head(stem) if word.endswith(ending) else None
            if noun and stem.lower().endswith(noun):
                return stem
    return word


def nominative(tokens: list[Token], head: str = "") -> str:
    """The phrase in nominative base form, without leading determiners and prepositions.

    With ``head``, ``tokens`` are the adjectives before that noun in an oblique case
    (``französischen`` + ``Armee`` of *nach französischen Armeeangaben*).
    """
    if head:
        gender = noun_gender(head) or "pl"
        return " ".join([*(_strong_adjective(t, gender, "den") for t in tokens if is_adjective(t)), head])
    determiner = ""
    while tokens and (is_determiner(tokens[0]) or is_preposition(tokens[0])):
        determiner = tokens[0].text.lower()
        tokens = tokens[1:]
    head = next((i for i, t in enumerate(tokens) if t.text[:1].isupper() and not is_adjective(t)), None)
    if head is None:
        return " ".join(t.text for t in tokens)
    base = head_base_form(tokens[head], determiner)
    gender = noun_gender(base)
    if gender is None and (determiner in {"der", "einer"} or determiner == "den" and base != tokens[head].text
                           or determiner == "die" and any(t.text.endswith("en") for t in tokens[:head] if is_adjective(t))):
        gender = "pl"  # "der Grünen", "einer russischen Quelle", "die deutschen Brauer": feminine or plural, both -e
    elif gender is None and determiner in {"des", "eines"} and base.endswith("er"):
        gender = "m"  # "des schwedischen Flugdatenproviders": an agent noun in -er is masculine
    words = [_strong_adjective(t, gender, determiner) for t in tokens[:head]] + [base]
    words += [t.text for t in tokens[head + 1:]]
    return " ".join(words)


def _strong_adjective(token: Token, gender: str | None, determiner: str) -> str:
    word = token.text
    if not is_adjective(token) or gender is None or (token.lemma and token.lemma == word):
        return word  # "Berliner", a name part, or a noun whose gender is unknown
    if not determiner and gender != "pl":
        return word
    if determiner in _SINGULAR_OBLIQUE and gender == "f":
        return word
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + _STRONG_ENDINGS[gender]
    return word


__all__ = ["head_base_form", "nominative", "noun_gender"]
