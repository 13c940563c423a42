"""Trainers of wortlaut's shipped models and data tables, laid out like ``src/wortlaut``.

Run each from the repository root (training data from ``../shared/data``)::

    python -m training.attribution        # SpkAtt taggers: models/spkatt_*, models/spkatt.md
    python -m training.entities           # NER CRF and its tables: models/ner.crfsuite, data/ner_*.tsv, models/ner.md
    python -m training.gazetteer          # data/place_gazetteer.json
    python -m training.de.first_names     # data/name_first.txt

``training.common`` holds what several trainers share; ``training.experiments`` holds one-off
experiments whose results the model cards cite.
"""

from .common import limit_threads

# before any trainer imports numpy: one thread per numeric library (the build machine is shared,
# and the results stay reproducible)
limit_threads()
