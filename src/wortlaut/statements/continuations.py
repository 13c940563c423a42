"""Rule 6: cue-less statements that continue the ones before — Konjunktiv-I sentences
(``Die NATO sehe Russland als Feind``), hearsay (``X soll … verteilt haben``) — and how
adjacent ones are joined."""

from __future__ import annotations

from ..de.punctuation import MESSAGE_END
from ..de.tags import FINITE
from ..de.words import HEARSAY_AUXILIARIES
from ..model import Document, Sentence, Statement, number_statements
from .finder import Finder

JOINED_FORMS = frozenset({"IndirectFreeIndirect", "FreeIndirect"})


def continuation(finder: Finder, sentence: Sentence) -> None:
    """The rest of a sentence no statement claimed, when its verb is Konjunktiv I or hearsay."""
    doc = finder.doc
    framing = {i for s in doc.statements if s.sentence == sentence.index for i in (*s.cue.tokens, *s.source.tokens)}
    tokens = [t for t in doc.sentence_tokens(sentence) if t.index not in finder.claimed and t.index not in framing]
    if len(tokens) < 3 or any(t.in_quote for t in tokens[:2]):
        return
    finite = next((t for t in tokens if t.tag in FINITE and not t.in_quote), None)
    if finite is None:
        return
    # "X soll … verteilt haben": the reportive modal marks hearsay without a cue
    hearsay = (finite.lemma or "").lower() == "sollen" and tokens[-2].text.lower() in HEARSAY_AUXILIARIES
    if finite.mood != "subj1" and not hearsay:
        return
    statement = finder.add_with_context_speaker(sentence, "indirect", [t.index for t in tokens])
    if statement:
        statement.spkatt_form = "FreeIndirect" if hearsay and finite.mood != "subj1" else "IndirectFreeIndirect"


def shown_end(doc: Document, content: list[int]) -> int:
    """The last token of ``content`` the user sees: a closing full stop or comma is SpkAtt's only."""
    last = content[-1]
    return last - 1 if len(content) > 1 and doc.tokens[last].text in MESSAGE_END else last


def join_continuations(doc: Document) -> None:
    """Adjacent cue-less continuation sentences of one speaker and form become one statement, as
    SpkAtt annotates them (108 of 113 adjacent Konjunktiv-I pairs in the gold articles, 26 of 28
    hearsay pairs)."""
    tokens = doc.tokens
    joined: list[Statement] = []
    for statement in doc.statements:
        previous = joined[-1] if joined else None
        if previous is not None and _continues(doc, previous, statement):
            previous.content.tokens = previous.content.tokens + statement.content.tokens
            previous.content.span = doc.span(previous.content.span.start,
                                             tokens[shown_end(doc, statement.content.tokens)].end)
            previous.sentence = statement.sentence
            continue
        joined.append(statement)
    if len(joined) < len(doc.statements):
        doc.statements = joined
        number_statements(doc)


def _continues(doc: Document, previous: Statement, statement: Statement) -> bool:
    if previous.spkatt_form not in JOINED_FORMS or statement.spkatt_form != previous.spkatt_form or not all(
            not s.cue.tokens and s.nested_in is None and s.content.tokens for s in (previous, statement)):
        return False
    tokens, sentences = doc.tokens, doc.sentences
    before, after = tokens[previous.content.tokens[-1]].sentence, tokens[statement.content.tokens[0]].sentence
    return after == before + 1 and sentences[before].paragraph == sentences[after].paragraph \
        and (not statement.source.tokens or statement.source.tokens == previous.source.tokens)
