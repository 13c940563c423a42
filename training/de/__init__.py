"""Trainers of the German word lists of ``wortlaut.de``: ``first_names`` builds ``data/name_first.txt``."""
