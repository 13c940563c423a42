"""The article index answers as a scan over every entity's mentions would (it replaced those scans,
which made speaker resolution quadratic in the article's length), and keeps up as mentions and
entities are added or dropped."""

from __future__ import annotations

import wortlaut
from wortlaut.model import Entity, Span
from wortlaut.speakers.article_index import ArticleIndex

ARTICLE = (
    "Kremlsprecher Dmitri Peskow sagte am Freitag, Russland sehe keinen Anlass. Putin erklärte in "
    "Wladiwostok, die NATO sehe Russland als Feind. Nach Angaben Frankreichs beraten 26 Staaten. "
    "Trump sagte, er sei enttäuscht. Peskow fügte hinzu, man warte ab. Die NATO widersprach."
)


def scanned_overlapping(doc, span):
    return [(e.id, m.start) for e in doc.entities for m in e.mentions if m.start < span.end and span.start < m.end]


def scanned_before(doc, offset):
    found = [(e.id, m.start) for e in doc.entities for m in e.mentions if m.end <= offset]
    return sorted(found, key=lambda pair: -pair[1])  # stable: entity order for the same start


def answers(index, doc):
    spans = [Span(token.start, token.end, token.text) for token in doc.tokens]
    overlapping = [[(p.entity.id, p.start) for p in index.overlapping(span)] for span in spans]
    before = [[(p.entity.id, p.start) for p in index.before(span.start)] for span in spans]
    return overlapping, before


def expected(doc):
    spans = [Span(token.start, token.end, token.text) for token in doc.tokens]
    return ([scanned_overlapping(doc, span) for span in spans], [scanned_before(doc, span.start) for span in spans])


def test_index_answers_as_a_scan_over_all_mentions():
    doc = wortlaut.analyze(ARTICLE, "2025-09-05")
    assert sum(len(e.mentions) for e in doc.entities) >= 6
    index = ArticleIndex(doc)
    assert answers(index, doc) == expected(doc)


def test_index_keeps_up_with_added_mentions_and_entities():
    doc = wortlaut.analyze(ARTICLE, "2025-09-05")
    index = ArticleIndex(doc)
    first = doc.tokens[0]
    index.add(doc.entities[0], Span(first.start, first.end, first.text))  # a mention resolution adds
    late = doc.tokens[-2]
    doc.entities.append(Entity(id="E99", name="Neu", type="organisation",
                               mentions=[Span(late.start, late.end, late.text)]))
    assert answers(index, doc) == expected(doc)
    doc.entities = doc.entities[:-2]  # an unused entity dropped: the list is replaced
    assert answers(index, doc) == expected(doc)
    doc.entities = [entity for position, entity in enumerate(doc.entities) if position != 1]  # one in the middle
    assert answers(index, doc) == expected(doc)
