"""Scoring wortlaut output against gold-annotated corpora."""
