"""Build ``src/wortlaut/data/name_first.txt``: common first names with a gender hint.

Sources (both permissively licensed; the committed list is our derived artifact):

* Faker's person providers (MIT): German (de_DE) and US-English (en_US) first-name
  lists, which carry the gender (m/f).  Faker is needed only here, not at run time:
  ``pip download faker --no-deps`` and pass the unpacked folder with ``--faker``.
* GermEval 2014 NER (CC BY 4.0, ``../shared/data/germeval2014/NER-de-test.tsv``):
  the first token of multi-token person names, kept when seen at least twice.
  These come without gender (``?``) unless Faker knows the name.

Names that are also ordinary German words (``Will``, ``Mark``, ``Art`` …) are left
out: a capitalised verb or noun at the start of a sentence must not start a name.

Usage::

    python -m training.de.first_names --faker /tmp/fakerpkg \
        --germeval ../shared/data/germeval2014/NER-de-test.tsv
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

from ..common import DATA, ROOT

OUTPUT = DATA / "name_first.txt"
# the first line of the file; it names the script of the shipped build so a rebuild stays byte-identical
HEADER = "# first name<TAB>gender (m/f/?) — built by training/build_first_names.py"

# Ordinary German words (or abbreviations) that Faker/GermEval list as first names.
NOT_NAMES = {
    "Will", "Mark", "Art", "Ernst", "Gast", "Kind", "Lore", "Ost",
    "See", "Wolf", "Fink", "Heide", "Rose", "Chr", "De", "Dr", "Ed", "Kim",
    "Roman", "Bill", "May", "Golf", "Elf", "Lied", "Lust", "Flora", "Sterling",
    "Hope", "Else", "Engel", "Ehre", "Sonne", "Don", "Mai", "Allen", "Darin", "April",
    "August", "Brett", "Summer", "German", "Urban", "Till", "Silvester", "Sylvester", "Hagen",
    "Jade", "Georgia", "Alexandria", "Sierra", "Mercedes", "Holm", "Cord", "Grant", "Diamond",
    "Destiny", "Dawn", "Chase", "Crystal", "Hunter", "Parker", "Jordan", "Devon", "Sydney",
    "Clinton", "Austin", "Madison", "Preston", "Eitel", "Angel", "Amber", "Harm", "Ira",
}
# Faker's lists lack the transliterations German news uses for East European leaders.
EXTRA = {
    "Dmitri": "m", "Dmitrij": "m", "Sergej": "m", "Sergei": "m", "Wolodymyr": "m",
    "Wolodimir": "m", "Wladimir": "m", "Andrij": "m", "Jewgeni": "m", "Alexej": "m",
    "Michail": "m", "Witali": "m", "Wiktor": "m", "Julia": "f", "Olena": "f", "Marija": "f",
    "Emmanuel": "m", "Recep": "m", "Keir": "m", "Giorgia": "f", "Ursula": "f", "Kaja": "f",
    "Friedrich": "m", "Olaf": "m", "Annalena": "f", "Boris": "m", "Xi": "m", "Benjamin": "m",
}


def faker_names(folder: Path) -> dict[str, str]:
    sys.path.insert(0, str(folder))
    from faker.providers.person.de_DE import Provider as German
    from faker.providers.person.en_US import Provider as English

    genders: dict[str, str] = {}
    for provider in (German, English):
        for name in provider.first_names_male:
            genders[name] = "m" if genders.get(name, "m") == "m" else "?"
        for name in provider.first_names_female:
            genders[name] = "f" if genders.get(name, "f") == "f" else "?"
    return genders


def germeval_first_names(path: Path, min_count: int = 2) -> set[str]:
    counts: Counter[str] = Counter()
    sentence: list[tuple[str, str]] = []

    def count(sentence: list[tuple[str, str]]) -> None:
        for (word, tag), (_, next_tag) in itertools.pairwise(sentence):
            if tag == "B-PER" and next_tag == "I-PER" and word.isalpha() and word[0].isupper() and len(word) > 1:
                counts[word] += 1

    for line in path.open(encoding="utf-8"):
        if line.startswith("#"):
            continue
        columns = line.rstrip("\n").split("\t")
        if len(columns) < 3:
            count(sentence)
            sentence = []
            continue
        sentence.append((columns[1], columns[2]))
    count(sentence)
    return {name for name, n in counts.items() if n >= min_count}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m training.de.first_names", description=__doc__.split("\n")[0])
    parser.add_argument("--faker", type=Path, required=True, help="unpacked Faker wheel")
    parser.add_argument("--germeval", type=Path, help="GermEval 2014 NER TSV")
    args = parser.parse_args()

    genders = faker_names(args.faker)
    if args.germeval and args.germeval.exists():
        for name in germeval_first_names(args.germeval):
            genders.setdefault(name, "?")
    genders.update(EXTRA)
    names = sorted(n for n in genders if n not in NOT_NAMES and n.isalpha())
    lines = [HEADER]
    lines += [f"{name}\t{genders[name]}" for name in names]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} first names -> {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
