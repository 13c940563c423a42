"""Actors of an article: persons, organisations and countries, with their mentions.

``find_entities`` reads the tokens (and their STTS tags, when the morphology stage ran) and
groups mentions (:mod:`.mentions`, the NER model in :mod:`.ner`) into article-level
:class:`~wortlaut.model.Entity` objects (:mod:`.grouping`).

Roles are kept as written in the nominative (``Kreml-Sprecher``, ``Amtskollege``); a country
that comes from an adjective is added in brackets: ``der russische Machthaber`` gives
``Machthaber (Russland)`` (:func:`wortlaut.de.roles.role_affiliation` reads it back).
"""

from __future__ import annotations

from ..components import component
from ..model import Document
from .config import EntitiesConfig
from .grouping import add_mention, entity_affiliations, group_mentions, next_entity_id, person_gender
from .mentions import (
    Mention,
    NameTests,
    add_learned_names,
    countries,
    named_persons,
    organisations,
    sentence_start,
    surname_mentions,
)

__all__ = ["EntitiesConfig", "add_mention", "entity_affiliations", "find_entities", "next_entity_id",
           "person_gender", "sentence_start"]


@component("entities", requires=("doc.tokens", "doc.places", "doc.times"), assigns=("doc.entities",),
           config=EntitiesConfig)
def find_entities(doc: Document, config: EntitiesConfig = EntitiesConfig()) -> Document:
    context = NameTests(doc)
    taken: set[int] = set()
    mentions: list[Mention] = []
    for finder in (named_persons, organisations, countries):
        for mention in finder(doc, context, taken):
            mentions.append(mention)
            taken.update(range(mention.first, mention.last))
    mentions = add_learned_names(doc, mentions, taken, config, context)
    mentions += surname_mentions(doc, mentions, taken)
    doc.entities.extend(group_mentions(doc, mentions, start_id=len(doc.entities) + 1))
    return doc
