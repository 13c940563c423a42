"""Words of saying: cue verbs, wider communication verbs and nouns, attribution nouns.

- ``data/cue_verbs.tsv``: verbs the rules take as a statement's cue, each of the kind
  ``clause`` (introduces reported content) and/or ``act`` (reports a speech act)
- ``data/communication_verbs.txt``, ``data/communication_nouns.txt``: verbs and nouns of saying,
  writing, thinking and deciding beyond the cue verbs (a tagger feature; the rules' cue of a
  quotation announced by a colon)
- ``data/attribution_nouns.txt``: the nouns of ``nach Angaben X``, ``X zufolge``, ``nach Ansicht von X``
- verb classes in ``data/word_classes.json``
"""

from __future__ import annotations

from functools import cache

from .lexicon import entries, word_list
from .words import word_class

TENSE_AUXILIARIES = word_class("tense_auxiliaries")  # lemmas: "hatte … übernommen"
PASSIVE_AUXILIARIES = word_class("passive_auxiliaries")  # forms of "werden"
PLAIN_SAYING = word_class("plain_saying_verbs")  # "sagte dazu": the pronominal adverb stays out of the cue
ALS_VERBS = word_class("als_verbs")  # "bezeichnete … als": "als" is part of the cue
NOT_ANNOUNCING = word_class("not_announcing_verbs")  # communication verbs that mostly mean something else
ADDRESSEE_PASSIVE = word_class("addressee_passive_verbs")  # "Israel wurde aufgefordert": the subject is addressed


@cache
def cue_verbs() -> dict[str, frozenset[str]]:
    """Cue-verb lemma (separable particle glued on: ``hervorheben``) -> its kinds."""
    verbs: dict[str, frozenset[str]] = {}
    for line in entries("cue_verbs.tsv"):
        lemma, _, kinds = line.partition("\t")
        verbs[lemma.strip().lower()] = frozenset(k.strip() for k in kinds.split(","))
    return verbs


@cache
def cue_verb_kinds() -> dict[str, str]:
    """Cue-verb lemma -> its kinds as one feature value (``act+clause``)."""
    return {lemma: "+".join(sorted(kind for kind in kinds if kind)) for lemma, kinds in cue_verbs().items()}


def communication_verbs() -> frozenset[str]:
    return word_list("communication_verbs.txt")


def communication_nouns() -> frozenset[str]:
    return word_list("communication_nouns.txt")


def attribution_nouns() -> frozenset[str]:
    return word_list("attribution_nouns.txt")


@cache
def _lower_attribution_nouns() -> tuple[frozenset[str], tuple[str, ...]]:
    nouns = frozenset(n.lower() for n in attribution_nouns())
    return nouns, tuple(n for n in nouns if len(n) >= 5)


def is_attribution_noun(word: str) -> bool:
    """``Angaben``, ``Kreml-Angaben``, ``Polizeiangaben``, ``Expertenmeinung``: an attribution noun
    or a compound ending in one of five letters or more (any case)."""
    lower = word.lower()
    nouns, suffixes = _lower_attribution_nouns()
    return lower in nouns or lower.rsplit("-", 1)[-1] in nouns or lower.endswith(suffixes)
