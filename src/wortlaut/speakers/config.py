"""The speakers stage's settings."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SpeakersConfig:
    pronoun_window: int = field(default=3, metadata={
        "help": "sentences a pronoun looks back for a person subject before settling for any person"})
    continuation_window: int = field(default=2, metadata={
        "help": "sentences a speakerless continuation looks back for the statement whose speaker it takes"})
