"""The article's entity mentions in text order, kept up to date while speakers are resolved.

Resolving a statement asks which mentions overlap the speaker phrase and which come before a
pronoun; scanning every mention of the article for each statement made speaker resolution
quadratic in the article's length (a 1 MB article took minutes).  The index answers both by
binary search and takes the mentions resolution adds one by one.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..entities import add_mention
from ..entities.acronyms import long_forms
from ..model import Document, Entity, Span


@dataclass(frozen=True, slots=True)
class Placed:
    """One mention and its entity; ordered by position, then by the entity's place in the article's
    list (the order a scan over ``doc.entities`` would meet them in)."""

    start: int
    entity_position: int
    end: int
    entity: Entity = field(compare=False)
    mention: Span = field(compare=False)

    def __lt__(self, other: Placed) -> bool:
        return (self.start, self.entity_position, self.end) < (other.start, other.entity_position, other.end)


@dataclass
class ArticleIndex:
    """One article's mentions by position, and which of them stand as a subject (asked again for
    each pronoun); one index serves every statement of the article."""

    doc: Document
    subject_like: dict[tuple[int, int], bool] = field(default_factory=dict)  # (first token, mention end)
    _placed: list[Placed] = field(default_factory=list)
    _entities: tuple[int, int] = (0, 0)  # identity and length of doc.entities when last indexed
    _ids: list[int] = field(default_factory=list)  # id() of each entity indexed, by position
    _longest: int = 0
    _long_forms: dict[str, str] | None = None

    def __post_init__(self) -> None:
        self._rebuild()

    def long_forms(self) -> dict[str, str]:
        """The article's acronyms and their long forms (``entities.acronyms.long_forms``), read once."""
        if self._long_forms is None:
            self._long_forms = long_forms(self.doc)
        return self._long_forms

    def overlapping(self, span: Span) -> list[Placed]:
        """Mentions overlapping ``span``, in the order a scan over the entities meets them."""
        self._update()
        found = []
        index = bisect_left(self._placed, span.end, key=lambda placed: placed.start)
        while index > 0:
            index -= 1
            placed = self._placed[index]
            if placed.start + self._longest <= span.start:
                break
            if placed.end > span.start:
                found.append(placed)
        found.sort(key=lambda placed: (placed.entity_position, placed.start))
        return found

    def before(self, offset: int) -> Iterator[Placed]:
        """Mentions ending at or before ``offset``, latest start first (ties in entity order)."""
        self._update()
        index = bisect_left(self._placed, offset, key=lambda placed: placed.start)
        while index > 0:
            same_start = [self._placed[index - 1]]
            index -= 1
            while index > 0 and self._placed[index - 1].start == same_start[0].start:
                index -= 1
                same_start.append(self._placed[index])
            yield from (placed for placed in reversed(same_start) if placed.end <= offset)

    def add(self, entity: Entity, span: Span) -> None:
        """``add_mention``, indexed."""
        self._update()
        count = len(entity.mentions)
        add_mention(entity, span)
        if len(entity.mentions) > count:
            self._insert(entity, self._position(entity), span)

    # -- keeping up with doc.entities ----------------------------------------------

    def _update(self) -> None:
        """Entities appended since the last look are indexed.  When the list was replaced or
        shortened (resolution drops the entities a failed attempt made), the entities after the
        part it shares with the indexed list are indexed again — without sorting the whole index
        again, which made long articles quadratic."""
        entities = self.doc.entities
        identity, length = self._entities
        if identity == id(entities) and len(entities) >= length:
            common = length
        else:
            common = next((i for i, (known, entity) in enumerate(zip(self._ids, entities))
                           if known != id(entity)), min(len(self._ids), len(entities)))
            self._placed = [placed for placed in self._placed if placed.entity_position < common]
            del self._ids[common:]
        for position in range(common, len(entities)):
            for mention in entities[position].mentions:
                self._insert(entities[position], position, mention)
            self._ids.append(id(entities[position]))
        self._entities = (id(entities), len(entities))

    def _rebuild(self) -> None:
        self._placed = sorted(Placed(m.start, position, m.end, entity, m)
                              for position, entity in enumerate(self.doc.entities) for m in entity.mentions)
        self._longest = max((p.end - p.start for p in self._placed), default=0)
        self._ids = [id(entity) for entity in self.doc.entities]
        self._entities = (id(self.doc.entities), len(self.doc.entities))

    def _insert(self, entity: Entity, position: int, mention: Span) -> None:
        insort(self._placed, Placed(mention.start, position, mention.end, entity, mention))
        self._longest = max(self._longest, mention.end - mention.start)

    def _position(self, entity: Entity) -> int:
        return next(i for i, e in enumerate(self.doc.entities) if e is entity)
