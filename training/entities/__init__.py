"""Training of the named-entity CRF of ``wortlaut.entities.ner`` and its four data tables.

``python -m training.entities`` (see ``__main__``) builds ``models/ner.crfsuite``,
``data/ner_gazetteer.tsv`` (:mod:`.name_gazetteer`), ``data/ner_clusters.tsv`` (:mod:`.clusters`),
``data/ner_charmodel.tsv`` (:mod:`.charmodel`), ``data/ner_lexicon.tsv`` (:mod:`.lexicon`, with
self-training) and the card ``models/ner.md`` (:mod:`.card`).  :mod:`.data` reads the GermEval
split and the unlabelled text, :mod:`.smartdata` the optional SmartData sentences, :mod:`.crf`
trains and applies the CRF, :mod:`.build` runs one build.
"""
