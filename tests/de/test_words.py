"""The German word lists (wortlaut.de): loaded from data files, one place for each class."""

from __future__ import annotations

import json

from helpers import REPO
from wortlaut.de import tags, words
from wortlaut.de.verbs import communication_verbs, cue_verbs, is_attribution_noun
from wortlaut.de.words import WORD_CLASSES

DATA = REPO / "src" / "wortlaut" / "data"
AS_WRITTEN = {"time_nouns", "age_nouns", "angaben_modifiers", "source_suffixes", "actor_pronouns"}


def test_every_word_class_in_the_data_file_is_used_and_lower_case():
    classes = json.loads((DATA / WORD_CLASSES).read_text(encoding="utf-8"))
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "src" / "wortlaut").rglob("*.py"))
    for name, members in classes.items():
        if name.startswith("_"):
            continue
        assert f'"{name}"' in source, f"word class {name!r} is loaded nowhere"
        assert len(set(members)) == len(members), f"{name} repeats a word"
        if name not in AS_WRITTEN:
            assert all(word == word.lower() for word in members), name


def test_classes_that_build_on_each_other():
    assert words.FALSE_PARTICLES > words.PRONOMINAL_ADVERBS and "weiter" in words.FALSE_PARTICLES
    assert words.NOMINATIVE_PRONOUNS < words.SUBJECT_PRONOUNS
    assert {"Montag", "Abend", "März"} <= words.TIME_NOUNS
    assert {"nicht", "kein", "keiner"} <= words.NEGATIONS


def test_tag_groups_are_stts():
    assert tags.NOUN <= tags.NOUN_PHRASE < tags.NOUN_PHRASE_OR_PRONOUN
    assert tags.CLAUSE_FINAL == tags.NONFINITE | {"PTKVZ"}
    assert tags.normal("VV(FIN)") == "VVFIN"


def test_verbs_of_saying():
    assert cue_verbs()["hervorheben"] == {"clause", "act"}
    assert "sagen" in cue_verbs() and "resümieren" in communication_verbs()
    for word in ("Angaben", "Kreml-Angaben", "Polizeiangaben", "angaben"):
        assert is_attribution_noun(word), word
    assert not is_attribution_noun("Regierung")
