"""Speech acts: which kind of statement a cue reports (``warnte vor`` → warn, ``wies … zurück`` → reject).

- ``data/speech_acts.tsv``: the acts, each with its CAMEO code and its stance (DNA's qualifier:
  agreement, disagreement or none)
- ``data/speech_act_cues.tsv``: cue words and constructions → act (``nicht ausschließen`` →
  speculate); the verbs are the lemmas of ``cue_verbs.tsv``, with their separable particle glued on
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .lexicon import entries

DEFAULT_ACT = "state"  # a cue no row names reports neutrally: "sagte", "teilte mit"
NEGATION_WORD = "nicht"  # in a cue row: any negation word (nicht, kein, nie)
AGREEMENT, DISAGREEMENT = "agreement", "disagreement"


@dataclass(frozen=True, slots=True)
class SpeechAct:
    name: str
    cameo: str
    stance: str | None  # agreement | disagreement | None
    gloss: str


@dataclass(frozen=True, slots=True)
class ActCue:
    words: tuple[str, ...]  # lower-cased lemmas or forms; all stand at the cue
    act: str


@cache
def speech_acts() -> dict[str, SpeechAct]:
    """Act name -> its CAMEO code, stance and gloss, in the order of the data file."""
    acts = {}
    for line in entries("speech_acts.tsv"):
        name, cameo, stance, gloss = (part.strip() for part in line.split("\t", 3))
        acts[name] = SpeechAct(name, cameo, None if stance == "-" else stance, gloss)
    return acts


@cache
def act_cues() -> tuple[ActCue, ...]:
    """The cue rows, longest construction first (file order among equals): the first that
    matches a cue is the most specific."""
    rows = []
    for line in entries("speech_act_cues.tsv"):
        words, _, act = line.partition("\t")
        if act.strip() not in speech_acts():
            raise ValueError(f"speech_act_cues.tsv: unknown act {act.strip()!r} for {words!r}")
        rows.append(ActCue(tuple(words.lower().split()), act.strip()))
    return tuple(sorted(rows, key=lambda row: -len(row.words)))


def acts_with_stance(stance: str) -> frozenset[str]:
    return frozenset(act.name for act in speech_acts().values() if act.stance == stance)
