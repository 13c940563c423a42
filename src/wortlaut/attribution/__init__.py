"""Learned speaker attribution: a cue tagger, a role tagger and a sentence tagger (linear-chain
CRFs, the cue tagger averaged with a BiLSTM), on top of the rules.

Runs right after the rule stage ``statements`` and before ``speakers``:

1. :mod:`.features` — token features, the rules' reading among them;
2. :mod:`.taggers` — the trained models read cues, and per cue its source, message and addressee;
3. :mod:`.decoding` — labels become statements, refined to SpkAtt's conventions;
4. :mod:`.merge` — learned statements replace or refine the rule statements they overlap;
5. :mod:`.steps` — named steps after the merge (sources tidied, cue-less sentences of
   :mod:`.cueless`, continuations joined), as ``AttributionConfig.steps`` lists them.

Models: ``models/spkatt_cue.crfsuite``, ``models/spkatt_roles.crfsuite`` and (optional)
``models/spkatt_sentences.crfsuite`` and ``models/spkatt_cue_neural.npz``, built by
``python -m training.attribution`` (see ``models/spkatt.md``).  Without the first two the component
leaves the rules' statements alone.
"""

from __future__ import annotations

from ..components import component
from ..model import Document
from .config import AttributionConfig
from .decoding import learned_statement
from .merge import merge
from .steps import Run, run_steps
from .taggers import Attributor, load_attributor

__all__ = ["AttributionConfig", "Attributor", "attribute", "attribute_with", "load_attributor"]


@component("attribution", requires=("doc.statements", "doc.entities"),
           assigns=("doc.statements", "statement.confidence"), config=AttributionConfig)
def attribute(doc: Document, config: AttributionConfig = AttributionConfig()) -> Document:
    """Pipeline component: learned statements merged into the rules' (after ``statements``)."""
    attributor = load_attributor(config.models)
    return doc if attributor is None else attribute_with(attributor, doc, config)


def attribute_with(attributor: Attributor, doc: Document, config: AttributionConfig = AttributionConfig()) -> Document:
    """The learned statements of ``attributor``'s taggers merged into the rules' statements of ``doc``."""
    learned = [s for s in (learned_statement(doc, cue, roles, config.decoding)
                           for cue, roles in attributor.predict(doc, config)) if s is not None]
    merge(doc, learned, config)
    run_steps(doc, Run(config, attributor.sentence_tagger))
    return doc
