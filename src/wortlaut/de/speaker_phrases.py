"""What a speaker phrase names when it names a document or a report: ``Angaben der Polizei``,
``Polizeiangaben``, ``laut einer Mitteilung des Landratsamts``, ``seiner Meinung nach``.

The speaker is the document's owner: the genitive or ``von`` phrase after the noun, the first
part of a compound, or the possessive before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..model import Token
from .lexicon import word_list
from .tokens import is_adjective
from .verbs import attribution_nouns, communication_nouns
from .words import GENITIVE_ARTICLES, POINTING_DETERMINERS, POSSESSIVE_GENDERS

_OWNER_PREPOSITIONS = {"von", "vom"}
_LINKING_S_ENDINGS = ("ungs", "heits", "keits", "ions", "täts", "schafts", "ums")
_MIN_COMPOUND_MODIFIER = 3


@cache
def document_nouns() -> tuple[str, ...]:
    """Lower-cased document nouns, longest first (so a compound matches its longest last part)."""
    nouns = {n.lower() for n in attribution_nouns() | communication_nouns() | word_list("speaker_documents.txt")}
    return tuple(sorted(nouns, key=len, reverse=True))


def document_noun_part(word: str) -> tuple[str, str] | None:
    """``Polizeiangaben`` -> (``Polizei``, ``angaben``); ``Angaben`` -> (``""``, ``angaben``)."""
    lower = word.lower()
    for noun in document_nouns():  # a compound first: "Polizeiangaben" is listed, but names the Polizei
        if lower.endswith(noun) and len(lower) - len(noun) >= _MIN_COMPOUND_MODIFIER:
            modifier = word[: len(word) - len(noun)].rstrip("-")
            if modifier.endswith(_LINKING_S_ENDINGS):
                modifier = modifier[:-1]  # "Regierungsangaben" -> "Regierung"
            return modifier, noun
    return ("", lower) if lower in document_nouns() else None


@dataclass(frozen=True)
class DocumentOwner:
    """Who a document phrase names: ``tokens`` (a phrase to resolve), or ``modifier`` (a compound's
    first part, with the adjectives before it), or ``possessive`` (a word like ``seiner``), or only
    the ``document`` (``der Studie``: its owner is named where the article introduced it)."""

    tokens: tuple[Token, ...] = ()
    modifier: str = ""
    adjectives: tuple[Token, ...] = ()
    possessive: Token | None = None
    document: Token | None = None  # "der Studie" with no owner here: the study named before
    compound: Token | None = None  # the compound a modifier comes from ("Abschlussbericht")


def document_owner(words: list[Token]) -> DocumentOwner | None:
    """The owner of a document phrase among the first words of a speaker phrase; None when the
    phrase names no document (or a document with no owner: ``nach ersten Angaben``)."""
    for index, token in enumerate(words[:4]):
        if not token.text[:1].isupper() and not token.text.rpartition("-")[2][:1].isupper():
            continue  # a noun, or a compound with a lower-case first part: "ai-Bericht"
        part = document_noun_part(token.text)
        if part is None:
            continue
        rest = words[index + 1:]
        if len(rest) > 1 and rest[0].text.lower() in GENITIVE_ARTICLES | _OWNER_PREPOSITIONS:
            return DocumentOwner(tokens=tuple(rest))
        if rest and rest[0].text[:1].isupper():
            return DocumentOwner(tokens=tuple(rest))  # "Angaben Frankreichs"
        before = words[:index]
        possessives = [t for t in before if t.text.lower() in POSSESSIVE_GENDERS]
        if possessives:
            return DocumentOwner(possessive=possessives[-1])
        if part[0]:
            return DocumentOwner(modifier=part[0], adjectives=tuple(t for t in before if is_adjective(t)), compound=token)
        if before and before[-1].text.lower() in POINTING_DETERMINERS:
            return DocumentOwner(document=token)  # "laut der Studie", "dieser Studie zufolge"
        return None
    return None


def possessive_gender(word: str) -> str:
    return POSSESSIVE_GENDERS.get(word.lower(), "")


__all__ = ["DocumentOwner", "document_noun_part", "document_nouns", "document_owner", "possessive_gender"]
