"""German: everything wortlaut knows about the language, in one place.

The pipeline stages ask here; none of them keeps a word list or tag set of its own.

- :mod:`.lexicon` — loading the word lists and tables under ``wortlaut/data``
- :mod:`.tags` — groups of STTS part-of-speech tags (finite verbs, noun-phrase words, …)
- :mod:`.punctuation` — quotation marks, clause and sentence punctuation
- :mod:`.words` — closed word classes (negations, articles, pronouns, prepositions, …) from
  ``data/word_classes.json``
- :mod:`.verbs` — verbs and nouns of saying: cue verbs, communication words, attribution nouns
- :mod:`.roles` — role nouns (``Kreml-Sprecher``), organisation nouns, affiliations
- :mod:`.mood` — the Konjunktiv I/II rule for finite verbs
- :mod:`.time_words` — weekday, month and number words
- :mod:`.phrases` — finders for clauses, noun phrases, appositions and subjects

A new word goes into the data file named in the module that loads it; a new kind of
phrase into :mod:`.phrases`.
"""
