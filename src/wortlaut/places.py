"""Places: city and country mentions with country and coordinates.

Matching works on capitalised words in the text: at each one we try the longest name of the
gazetteer (:mod:`wortlaut.gazetteer`) that starts there.  Names that are also ordinary words
(``Essen``, ``Hof``, ``Halle``) count only after a locative preposition (``in Essen``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .components import component
from .de.names import first_names
from .gazetteer import Gazetteer, PlaceInfo, gazetteer, lookup_place
from .model import Document, Place


@dataclass(frozen=True)
class PlacesConfig:
    demonyms: bool = field(default=True, metadata={
        "help": "a well-known city's demonym is a place mention too ('Berliner' -> Berlin)"})


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


def _looks_like_first_name(text: str, start: int, end: int) -> bool:
    """A city that is also a first name, followed by a capitalised word: 'Wladimir Putin'."""
    if text[start:end] not in first_names():
        return False
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and lookup_place(nxt.group(1)) is None and nxt.group(1).isalpha()


def _after_first_name(text: str, start: int) -> bool:
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    return previous is not None and previous.group(1) in first_names()


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


@component("places", assigns=("doc.places",), config=PlacesConfig)
def find_places(doc: Document, config: PlacesConfig = PlacesConfig()) -> Document:
    """Pipeline stage: fill ``doc.places``."""
    doc.places = extract_places(doc.text, demonyms=config.demonyms)
    return doc
