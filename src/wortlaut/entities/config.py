"""Settings of the entities stage."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EntitiesConfig:
    learned_names: bool = field(default=True, metadata={
        "help": "add the persons and organisations the NER model finds and the rules miss (when the model is shipped)"})
    ner_pos_features: bool = field(default=True, metadata={
        "help": "the NER model reads HanTa's STTS tags (as the shipped one does; "
                "off for a model trained with --no-pos)"})
