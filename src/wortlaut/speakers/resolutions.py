"""How a speaker was resolved, and how often speakers resolved that way are right."""

from __future__ import annotations

from ..de.lexicon import table

# How a speaker was resolved (Speaker.resolution), from the surest to the least sure.
NAME, ALIAS, ACRONYM, INSTITUTION, ROLE, PRONOUN, UNRESOLVED = (
    "name", "alias", "acronym", "institution", "role", "pronoun", "unresolved")
RESOLUTIONS = (NAME, ALIAS, ACRONYM, INSTITUTION, ROLE, PRONOUN, UNRESOLVED)
# The share of speakers resolved right, by how they were resolved (measured on the speaker gold,
# training/speakers/README.md); stored as each statement's speaker confidence.
_CONFIDENCE = {resolution: float(value) for resolution, value in table("speaker_confidence.tsv").items()}


def resolution_confidence(resolution: str) -> float:
    return _CONFIDENCE.get(resolution, _CONFIDENCE[UNRESOLVED])
