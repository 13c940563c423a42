"""What a statement talks about: the concepts of the discourse network.

A statement's concepts are, inside its content span,
- the entities mentioned (other than the speaker), by their canonical name,
- the places mentioned, by their gazetteer name,
- its common nouns (STTS tag ``NN``) by lemma, minus the general nouns in
  ``data/concept_stopwords.txt``.  German writes key noun phrases mostly as
  compounds ("Waffenstillstand", "Sicherheitsgarantien"), so single nouns carry
  most of them; multi-word phrases are left out to keep the rule simple.
Without part-of-speech tags (a pipeline run without morphology) capitalised
words that do not open the content stand in for nouns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..de.lexicon import word_list
from ..model import Document, Statement
from .names import name_key

_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜa-zäöüß]+)*")


def statement_concepts(doc: Document, statement: Statement) -> Iterator[tuple[str, str, str]]:
    """``(concept, concept_key, kind)`` for each distinct concept of the statement."""
    start, end = statement.content.start, statement.content.end
    seen: set[tuple[str, str]] = set()
    # The speaker and cue can lie inside the content of a reported statement; they are not its topic.
    covered = [(span.start, span.end) for span in (statement.speaker, statement.cue.span) if span is not None]

    def emit(concept: str, kind: str) -> Iterator[tuple[str, str, str]]:
        key = name_key(concept) if kind != "noun" else concept.casefold()
        if key and (key, kind) not in seen:
            seen.add((key, kind))
            yield concept, key, kind

    speaker_entity = statement.speaker.entity if statement.speaker else None
    for entity in doc.entities:
        inside = [m for m in entity.mentions if start <= m.start and m.end <= end]
        covered.extend((m.start, m.end) for m in inside)
        if inside and entity.id != speaker_entity:
            yield from emit(entity.name, "entity")
    for place in doc.places:
        if start <= place.start and place.end <= end:
            covered.append((place.start, place.end))
            if (name_key(place.name), "entity") not in seen:  # "Ukraine" is often entity and place
                yield from emit(place.name, "place")

    stopwords = word_list("store_concept_stopwords.txt")

    def free(a: int, b: int) -> bool:
        return not any(a < c_end and c_start < b for c_start, c_end in covered)

    tagged = [t for t in doc.tokens if start <= t.start and t.end <= end and t.tag]
    if tagged:
        for token in tagged:
            lemma = token.lemma or token.text
            if token.tag == "NN" and lemma[:1].isupper() and len(lemma) > 2 and lemma not in stopwords \
                    and free(token.start, token.end):
                yield from emit(lemma, "noun")
        return
    for match in _CAPITALISED.finditer(doc.text, start, end):
        word = match.group()
        opens_content = not doc.text[start:match.start()].strip(" \"'„“”«»‚‘’")
        if not opens_content and word not in stopwords and free(match.start(), match.end()):
            yield from emit(word, "noun")
