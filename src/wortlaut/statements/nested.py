"""Quotations inside reported content (``der Pilot trage die „volle Verantwortung“``): the
speaker's own words, a direct statement nested in the indirect one (SpkAtt's convention)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..de.words import DEFINITE_ARTICLES
from ..model import Document, Role, Statement


def nested_quotations(doc: Document, parents: Iterable[Statement], taken: set[int], *,
                      definite_names_only: bool = True) -> Iterator[Statement]:
    """A nested direct statement for each quotation wholly inside a parent's content whose opening
    mark is not in ``taken`` (the opening marks of quotations that are statements already; the new
    ones are added).  A capitalised quotation after an article is a name (``der „Koalition der
    Willigen“``), not someone's words: after a definite article only, unless ``definite_names_only``
    is off."""
    for parent in parents:
        if parent.form == "direct" or not parent.content.tokens:
            continue
        inside = set(parent.content.tokens)
        for quotation in doc.quotations:
            marks = list(range(quotation.token_start - 1, quotation.token_end + 1))
            if marks[0] < 0 or marks[0] in taken or not all(i in inside for i in marks):
                continue
            before, first = doc.tokens[marks[0] - 1], doc.tokens[quotation.token_start]
            if before.tag == "ART" and first.text[:1].isupper() \
                    and (before.text.lower() in DEFINITE_ARTICLES or not definite_names_only):
                continue
            taken.add(marks[0])
            child = Statement(id="", form="direct", content=Role(marks, doc.span(quotation.start, quotation.end)),
                              sentence=parent.sentence, cue=Role(list(parent.cue.tokens), parent.cue.span),
                              source=Role(list(parent.source.tokens), parent.source.span),
                              continuation=parent.continuation, nested_in=parent)
            yield child
