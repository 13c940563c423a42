"""Role nouns and organisation nouns: who someone is (``Kreml-Sprecher``, ``Amtskollegin``) and
what an organisation is called (``Außenministerium``, ``NATO``).

- ``data/role_nouns.txt``: masculine and feminine form of each role noun, and its kind (leader,
  spokesperson, minister, …: roles of one kind may name the same person)
- ``data/person_nouns.txt``: more person nouns in the same columns (``Bischof``, ``Wahlsieger``),
  read by the rules only: the learned taggers' features read role_nouns.txt alone (``parse_trained_role``)
- ``data/role_affiliations.txt``: compound first parts naming a country or organisation (``Kreml``)
- ``data/org_nouns.txt``, ``data/org_names.txt``: organisation nouns and known names;
  ``data/institution_nouns.txt``: more organisation nouns, for the rules only (``trained_org_noun_head``)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..gazetteer import canonical_affiliation, country_name, metonym_country
from .lexicon import entries, table
from .words import PLURAL_DETERMINERS, SINGULAR_OBLIQUE

WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")  # letters, inner hyphens and apostrophes
_ROLE_IN_BRACKETS = re.compile(r"^(?P<role>.+?) \((?P<affiliation>[^)]+)\)$")


@dataclass(frozen=True, slots=True)
class RoleNoun:
    masculine: str
    feminine: str
    kind: str  # leader | spokesperson | minister | … (roles of one kind may co-refer)


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A role noun as found in the text, decomposed: ``Kreml-Chef`` = ``Kreml`` + ``Chef``."""

    word: str
    role: str  # nominative form: "Kreml-Sprecher", "Amtskollege"
    head: str  # the role noun: "Sprecher"
    kind: str
    affiliation: str | None  # country or organisation named by the compound's first part
    gender: str  # "m", "f" or "" (unknown)
    plural: bool


ROLE_NOUN_FILES = ("role_nouns.txt", "person_nouns.txt")
TRAINED_ROLE_NOUN_FILES = ("role_nouns.txt",)  # what the learned taggers' "rn" feature was trained with


@cache
def role_nouns(files: tuple[str, ...] = ROLE_NOUN_FILES) -> tuple[RoleNoun, ...]:
    nouns = []
    for name in files:
        for line in entries(name):
            masculine, feminine, kind = (part.strip() for part in line.split("\t"))
            nouns.append(RoleNoun(masculine, feminine, kind))
    return tuple(nouns)


@cache
def _role_forms(files: tuple[str, ...] = ROLE_NOUN_FILES) -> dict[str, tuple[RoleNoun, str, bool]]:
    """Lower-case ending -> (role noun, gender, plural)."""
    forms: dict[str, tuple[RoleNoun, str, bool]] = {}
    for noun in role_nouns(files):
        same = noun.masculine == noun.feminine  # Vorsitzende, Abgeordnete: gender unknown
        feminine = noun.feminine.lower()
        if not same:
            forms.setdefault(feminine + "nen", (noun, "f", True))
            forms.setdefault(feminine, (noun, "f", False))
        masculine = noun.masculine.lower()
        gender = "" if same else "m"
        for ending, plural in (("", False), ("n", False), ("en", False), ("s", False), ("es", False), ("r", False)):
            forms.setdefault(masculine + ending, (noun, gender, plural))
    return forms


@cache
def _longest_role_form(files: tuple[str, ...] = ROLE_NOUN_FILES) -> int:
    return max(map(len, _role_forms(files)))


@cache
def org_names() -> dict[str, str]:
    """Organisation name as written -> canonical name."""
    return {written: canonical or written for written, canonical in table("org_names.txt").items()}


ORG_NOUN_FILES = ("org_nouns.txt", "institution_nouns.txt")
TRAINED_ORG_NOUN_FILES = ("org_nouns.txt",)  # what the learned taggers' "on" feature was trained with


@cache
def _org_noun_forms(files: tuple[str, ...] = ORG_NOUN_FILES) -> dict[str, tuple[str, ...]]:
    """Inflected lower-case form -> the organisation nouns it inflects (``ministeriums`` -> ministerium)."""
    forms: dict[str, set[str]] = {}
    for noun in {noun.lower() for name in files for noun in entries(name)}:
        for ending in ("", "en", "n", "s", "es"):
            forms.setdefault(noun + ending, set()).add(noun)
    return {form: tuple(nouns) for form, nouns in forms.items()}


@cache
def _longest_org_noun_form(files: tuple[str, ...] = ORG_NOUN_FILES) -> int:
    return max(map(len, _org_noun_forms(files)))


def affiliation_of(modifier: str) -> str | None:
    """The country or organisation a compound's first part names: ``Kreml`` -> ``Russland``."""
    modifier = modifier.strip("-")
    if not modifier:
        return None
    affiliations = table("role_affiliations.txt")
    for form in (modifier, modifier.rstrip("s")):
        if form in affiliations:
            return canonical_affiliation(affiliations[form])
        if form in org_names():
            return org_names()[form]
    return metonym_country(modifier) or country_name(modifier)


def parse_role(word: str, files: tuple[str, ...] = ROLE_NOUN_FILES) -> RoleMatch | None:
    """Decompose a role noun, compounds included: ``US-Präsident`` -> Präsident of the USA."""
    if not word[:1].isupper() or not WORD.match(word):
        return None  # before the cache: numbers and small words would only fill it
    return _parse_capitalised_role(word, files)


def parse_trained_role(word: str) -> RoleMatch | None:
    """``parse_role`` over role_nouns.txt alone: the lexicon the learned taggers' features were trained with."""
    return parse_role(word, TRAINED_ROLE_NOUN_FILES)


@lru_cache(maxsize=200_000)  # called for every capitalised token; the scan over role forms is slow
def _parse_capitalised_role(word: str, files: tuple[str, ...]) -> RoleMatch | None:
    lower = word.lower()
    forms = _role_forms(files)
    for size in range(min(len(lower), _longest_role_form(files)), 0, -1):  # the longest ending wins
        found = forms.get(lower[-size:])
        if found is None:
            continue
        noun, gender, plural = found
        prefix = word[: len(word) - size]
        if prefix and not prefix.endswith("-") and len(prefix) < 3:
            continue  # "Ex" or a stray letter, not a compound part
        head = noun.feminine if gender == "f" else noun.masculine
        role = prefix + (head if not prefix or prefix.endswith("-") else head.lower())
        return RoleMatch(word, role, head, noun.kind, affiliation_of(prefix), gender, plural)
    return None


def with_affiliation(name: str, affiliation: str) -> str:
    """A role or organisation with the country it belongs to: ``Machthaber (Russland)``,
    ``Außenministerium (Frankreich)``."""
    return f"{name} ({affiliation})"


def has_bracketed_affiliation(role: str) -> bool:
    return _ROLE_IN_BRACKETS.match(role) is not None


def role_affiliation(role: str) -> tuple[str, str | None]:
    """Split a stored role into role noun and affiliation: ``Machthaber (Russland)``."""
    match = _ROLE_IN_BRACKETS.match(role)
    if match:
        return match["role"], match["affiliation"]
    parsed = parse_role(role)
    return role, parsed.affiliation if parsed else None


def likely_plural(role: RoleMatch, word_before: str) -> bool:
    """``Experten``, ``die Experten``: an inflected role noun without a singular article;
    ``die Forscher``: a masculine one whose plural is its singular, after a plural determiner.

    ``dem Präsidenten``, ``seinem Amtskollegen``, ``einen Experten`` and ``der Forscher`` stay singular.
    """
    if role.plural:
        return True
    if role.word == role.role:
        return role.gender == "m" and word_before.lower() in PLURAL_DETERMINERS
    if role.word.endswith(("-", "s")):
        return False
    return word_before.lower() not in SINGULAR_OBLIQUE


def org_noun_head(word: str, files: tuple[str, ...] = ORG_NOUN_FILES) -> str | None:
    """``Außenministerium`` -> ``ministerium``; None when the word is no organisation noun."""
    if not word[:1].isupper() or not WORD.match(word):
        return None  # before the cache, as in parse_role
    return _capitalised_org_noun_head(word, files)


def trained_org_noun_head(word: str) -> str | None:
    """``org_noun_head`` over org_nouns.txt alone: the lexicon the learned taggers' features were trained with."""
    return org_noun_head(word, TRAINED_ORG_NOUN_FILES)


@lru_cache(maxsize=200_000)
def _capitalised_org_noun_head(word: str, files: tuple[str, ...]) -> str | None:
    lower = word.lower()
    forms = _org_noun_forms(files)
    longest = min(len(lower), _longest_org_noun_form(files))  # no suffix longer than a listed form can match
    heads = [noun for size in range(longest, 0, -1)
             # the whole word, or a compound whose first part has at least three letters
             if size == len(lower) or len(lower) - size >= 3
             for noun in forms.get(lower[-size:], ())]
    return max(heads, key=len) if heads else None  # the longest noun: "Ministerium" over "Rium"


def is_org_noun(word: str) -> bool:
    return org_noun_head(word) is not None
