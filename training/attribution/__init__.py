"""Training of the SpkAtt speaker-attribution taggers of ``wortlaut.attribution``.

``python -m training.attribution`` (see ``__main__``) builds ``models/spkatt_*`` and the card
``models/spkatt.md``: :mod:`.examples` reads training examples off the gold, :mod:`.taggers`
trains the CRFs (and, with :mod:`.neural`, the BiLSTM), :mod:`.cross_validation` measures and
records pooled cross-validated scores, :mod:`.card` writes the model card.
"""
