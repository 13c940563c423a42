"""Groups of STTS part-of-speech tags (as HanTa assigns them) that the rules and features test.

Each group is named for the grammatical class it stands for; groups that differ only by a
few tags are built from each other, so the difference is visible here.
"""

from __future__ import annotations

FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
AUXILIARY = frozenset({"VAFIN", "VMFIN"})  # finite auxiliary or modal: "hat … gesagt", "will … sprechen"
NONFINITE = frozenset({"VVINF", "VVPP", "VVIZU", "VAINF", "VAPP", "VMINF", "VMPP"})
CLAUSE_FINAL = NONFINITE | {"PTKVZ"}  # a verb-final position: a capitalised word after it starts anew

NOUN = frozenset({"NN", "NE", "FM"})
COMMON_OR_NAME = frozenset({"NN", "NE"})
NAME_OR_FOREIGN = frozenset({"NE", "FM"})  # a name or foreign words, whatever their case
QUOTED_NAME_INTRODUCERS = frozenset({"ART", "ADJA", "APPRART", "PPOSAT"})  # "die „Neue Rechte“", "dem „Spiegel“"
DETERMINER = frozenset({"ART", "PPOSAT", "PDAT", "PIAT"})
ADJECTIVE = frozenset({"ADJA", "CARD"})  # what stands between a determiner and its noun
PREPOSITION = frozenset({"APPR", "APPRART"})
NEGATION = frozenset({"PTKNEG", "PIAT"})  # "nicht", "kein"
# the words of a noun phrase: determiners, adjectives, numbers, nouns
NOUN_PHRASE = frozenset({"ART", "ADJA", "NN", "NE", "PPOSAT", "PIAT", "PDAT", "CARD", "TRUNC", "FM"})
NOUN_PHRASE_OR_PRONOUN = NOUN_PHRASE | {"PPER", "PIS", "PDS"}
# what may follow a noun inside its phrase: attributes, appositions, a bracketed abbreviation
NOUN_PHRASE_CONTINUATION = NOUN_PHRASE - {"PIAT", "PDAT"} | {"APPR", "APPRART", "KON", "$(", "XY"}
SUBJECT_START = frozenset({"ART", "NE", "NN", "ADJA", "PPOSAT", "PIAT", "CARD"})
VORFELD_INNER = NOUN_PHRASE | {"APPR", "APPRART", "KON", "$(", "PPER", "PIS"}
PHRASE_START = frozenset({"ART", "PPER", "PDS", "PIS", "PPOSAT", "PDAT", "PIAT"})
# the words before a noun that belong to its phrase: determiners and adjectives
PRENOMINAL = DETERMINER | {"ADJA"}
# a genitive or prepositional attribute after a noun: "der Chef der Bundesagentur für Arbeit"
ATTRIBUTE = frozenset({"ART", "ADJA", "CARD", "PPOSAT", "NN", "NE", "FM", "TRUNC"})
# words that can head a source: nouns, names, pronouns
SOURCE_HEAD = frozenset({"NN", "NE", "PPER", "PIS", "PDS", "PRELS", "FM", "XY", "PWS"})
NAME = frozenset({"", "NE", "NN", "FM", "XY"})  # "" = not tagged (the morphology stage did not run)


def normal(tag: str) -> str:
    """HanTa's ``VV(FIN)`` spelling as plain STTS ``VVFIN``."""
    return tag.replace("(", "").replace(")", "")
