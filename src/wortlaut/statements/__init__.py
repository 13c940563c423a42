"""Statements by rule: cue, speaker span, content and form.

Rules run from specific to generic on each sentence, and a token claimed by one
statement's content is not claimed again:

0. interview turns (``Schulz: Im nächsten Jahr …``), over the whole article first — :mod:`.interview`
1. headline attributions  (``Kreml: Sicherheit der Ukraine …``) — :mod:`.direct`
2. direct quotations with a cue (``"…", sagte er`` / ``Peskow sagte: "…"``) — :mod:`.direct`
3. speech verbs with a clause (``hob hervor, dass …``; ``…, sagte Peskow``) — :mod:`.clauses`
4. nominal attributions (``X zufolge``, ``nach Angaben X``, ``laut X``, ``wie X erklärte,``,
   ``…, so X``) — :mod:`.nominal`
5. reported speech acts with a noun-phrase content (``wies die Forderung zurück``): the whole sentence
6. continuations: cue-less Konjunktiv-I sentences and quoted sentences after a statement — :mod:`.continuations`

Quotations inside reported content become nested direct statements (:mod:`.nested`).
Speaker spans here are text mentions only; the speakers stage resolves them to entities.
"""

from __future__ import annotations

from ..components import component
from ..model import Document, Sentence, sort_statements
from .clauses import verb_cues
from .config import StatementsConfig
from .continuations import continuation, join_continuations, shown_end
from .direct import direct_quotes, headline
from .finder import Finder
from .interview import interview_turns
from .nested import nested_quotations
from .nominal import nominal_cues

__all__ = ["StatementsConfig", "find_statements", "join_continuations", "nested_quotations", "shown_end"]


@component("statements", requires=("token.tag", "token.mood", "doc.quotations"), assigns=("doc.statements",),
           config=StatementsConfig)
def find_statements(doc: Document, config: StatementsConfig = StatementsConfig()) -> Document:
    finder = Finder(doc, config)
    interview_turns(finder)
    for sentence in doc.sentences:
        _read_sentence(finder, sentence)
    taken = {doc.quotations[number].token_start - 1 for number in finder.used_quotes}
    doc.statements.extend(list(nested_quotations(doc, list(doc.statements), taken)))
    sort_statements(doc)
    join_continuations(doc)
    return doc


def _read_sentence(finder: Finder, sentence: Sentence) -> None:
    if sentence.token_end == sentence.token_start:
        return
    if sentence.is_heading:
        headline(finder, sentence)
        return
    direct_quotes(finder, sentence)
    acts = verb_cues(finder, sentence)
    nominal_cues(finder, sentence)
    for cue, subject in acts:
        if not finder.claimed.intersection(range(sentence.token_start, sentence.token_end)):
            finder.add(sentence, "reported", list(range(sentence.token_start, sentence.token_end)), cue, subject)
    continuation(finder, sentence)
