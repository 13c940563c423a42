"""Settings of the rule stage ``statements``."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class StatementsConfig:
    max_continuation_gap: int = field(default=2, metadata={
        "help": "sentences between a statement and a cue-less Konjunktiv-I sentence that continues it"})
    max_colon_speaker_tokens: int = field(default=6, metadata={
        "help": "words a bare speaker before a colon may have ('Bundesinnenminister Schäuble: „…“')"})
