"""Mentions become article entities; what the speakers stage asks of an entity."""

from __future__ import annotations

from ..de.names import first_names
from ..de.roles import has_bracketed_affiliation, parse_role, role_affiliation
from ..gazetteer import canonical_affiliation
from ..model import ORGANISATION, PERSON, Document, Entity, Span
from .mentions import Mention


def group_mentions(doc: Document, mentions: list[Mention], *, start_id: int) -> list[Entity]:
    """Mentions -> entities; a surname alone joins the closest full name before it, an
    organisation's first word alone the organisation named before it."""
    mentions.sort(key=lambda m: m.first)
    persons_by_surname: dict[str, list[tuple[int, Entity]]] = {}
    by_key: dict[tuple[str, str], Entity] = {}
    organisations_by_first_word: dict[str, Entity] = {}  # a name's first word alone names it after it
    entities: list[Entity] = []

    def new_entity(name: str, type_: str) -> Entity:
        entity = Entity(id="", name=name, type=type_)
        entities.append(entity)
        return entity

    full_names = [m for m in mentions if m.type == PERSON and m.first_name]
    for mention in mentions:
        span = doc.token_span(mention.first, mention.last - 1)
        if mention.type == PERSON and mention.first_name:
            entity = by_key.get((PERSON, mention.key))
            if entity is None:
                entity = _surname_only_entity(persons_by_surname, mention) or new_entity(mention.key, PERSON)
                entity.name = mention.key
                by_key[(PERSON, mention.key)] = entity
            persons_by_surname.setdefault(mention.surname, []).append((mention.first, entity))
        elif mention.type == PERSON:
            bearer = _closest_bearer(persons_by_surname, full_names, mention)
            if isinstance(bearer, str):
                entity = by_key.get((PERSON, bearer))
                if entity is None:
                    entity = by_key[(PERSON, bearer)] = new_entity(bearer, PERSON)
            else:
                entity = bearer or new_entity(mention.key, PERSON)
            persons_by_surname.setdefault(mention.surname, []).append((mention.first, entity))
        else:
            entity = by_key.get((mention.type, mention.key))
            if entity is None and mention.type == ORGANISATION:
                entity = organisations_by_first_word.get(mention.key)  # "Tesla" after "Tesla Motors"
            if entity is None:
                entity = by_key[(mention.type, mention.key)] = new_entity(mention.key, mention.type)
            if entity.type == ORGANISATION and " " in entity.name:
                organisations_by_first_word.setdefault(entity.name.split()[0], entity)
        entity.mentions.append(span)
        if mention.role:
            _add_role(entity, mention.role)
    for number, entity in enumerate(entities, start=start_id):
        entity.id = f"E{number}"
    return entities


def _add_role(entity: Entity, role: str) -> None:
    """Keep one form per role noun, the one that names a country: ``Machthaber (Russland)``."""
    noun = role_affiliation(role)[0]
    for index, known in enumerate(entity.roles):
        if role_affiliation(known)[0] == noun:
            if known != role and has_bracketed_affiliation(role):
                entity.roles[index] = role
            return
    entity.roles.append(role)


def _surname_only_entity(persons_by_surname, mention: Mention) -> Entity | None:
    """A full name after its surname alone (``Präsident Trump`` … ``Donald Trump``)."""
    for _, entity in reversed(persons_by_surname.get(mention.surname, [])):
        if " " not in entity.name:
            return entity
    return None


def _closest_bearer(persons_by_surname, full_names: list[Mention], mention: Mention) -> Entity | str | None:
    """The entity a surname alone belongs to, or the full name it will get (used before it)."""
    before = persons_by_surname.get(mention.surname)
    if before:
        return before[-1][1]
    for later in full_names:  # the surname comes before the full name (headlines)
        if later.surname == mention.surname and later.first > mention.first:
            return later.key
    # "Abhisit" after "Abhisit Vejjajiva": Thai names, among others, are used by the given name
    by_given_name = {id(entity): entity for named in persons_by_surname.values() for _, entity in named
                     if " " in entity.name and entity.name.split()[0] == mention.surname}
    return next(iter(by_given_name.values())) if len(by_given_name) == 1 else None


def person_gender(entity: Entity) -> str:
    """``m``, ``f`` or ``""``: from a feminine role noun, else from the first name."""
    for role in entity.roles:
        parsed = parse_role(role_affiliation(role)[0])
        if parsed is not None and parsed.gender:
            return parsed.gender
    first = entity.name.split()[0] if " " in entity.name else ""
    gender = first_names().get(first, "")
    return gender if gender in {"m", "f"} else ""


def entity_affiliations(entity: Entity) -> set[str]:
    return {a for a in (canonical_affiliation(role_affiliation(r)[1]) for r in entity.roles) if a}


def add_mention(entity: Entity, span: Span) -> None:
    """Add ``span`` unless the entity already has a mention overlapping it."""
    if any(m.start < span.end and span.start < m.end for m in entity.mentions):
        return
    entity.mentions.append(span)
    entity.mentions.sort(key=lambda m: m.start)


def next_entity_id(doc: Document) -> str:
    numbers = [int(e.id[1:]) for e in doc.entities if e.id[:1] == "E" and e.id[1:].isdigit()]
    return f"E{max(numbers, default=0) + 1}"
