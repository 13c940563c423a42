"""The steps after learned and rule statements are merged, by name, in the order
``AttributionConfig.steps`` gives.

A document step changes the statement list; a statement step fixes one statement and may
end the fixing of it (``self_source_cues``).  Consecutive statement steps run as one pass over
the statements, each statement through all of them before the next.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby

from ..crf import CRFModel
from ..de.phrases import colon_sentence_before
from ..de.punctuation import is_quote_mark
from ..de.tags import FINITE
from ..de.words import DEMONSTRATIVES, SELF_SOURCE_CUES
from ..model import Document, Role, Statement
from ..statements import join_continuations, shown_end
from .config import AttributionConfig
from .cueless import add_cueless
from .decoding import complete_cue, with_apposition
from .sources import (
    after_fronted_cue,
    fallback_source,
    names_someone,
    passive_addressee,
    pronoun_subject,
    source_is_the_cue,
    tidy_source,
    with_attributes,
)


@dataclass(frozen=True)
class Run:
    """What a document step may use: the settings and the sentence tagger."""

    config: AttributionConfig
    sentence_tagger: CRFModel | None


DocumentStep = Callable[[Document, Run], None]
# (doc, statement, the statement before it) -> True when the statement needs no further steps
StatementStep = Callable[[Document, Statement, "Statement | None"], bool | None]


def colon_cues(doc: Document, run: Run) -> None:
    """``Hier sparte der Bundespräsident nicht mit Kritik:`` + ``„…“``: a quotation opening the
    sentence after one that ends in a colon takes the cue and source of the statement found in
    that sentence (the rules do this for their own cue verbs; the learned cue tagger knows more),
    and a speech act read into the colon sentence alone goes."""
    tokens, sentences = doc.tokens, doc.sentences
    introduced: set[int] = set()
    for statement in doc.statements:
        if statement.form != "direct" or statement.cue.tokens or not statement.content.tokens:
            continue
        number = tokens[statement.content.tokens[0]].sentence
        if statement.content.tokens[0] != sentences[number].token_start or colon_sentence_before(doc, number) is None:
            continue
        lead = next((s for s in doc.statements if s.cue.tokens and s is not statement
                     and all(tokens[i].sentence == number - 1 for i in s.cue.tokens)), None)
        if lead is None:
            continue
        statement.cue = Role(list(lead.cue.tokens), lead.cue.span)
        if lead.source.tokens:
            statement.source = Role(list(lead.source.tokens), lead.speaker)
        statement.continuation = False
        if lead.form == "reported":
            introduced.add(id(lead))
    if introduced:
        doc.statements = [s for s in doc.statements if id(s) not in introduced]


def anaphoric_content(doc: Document, run: Run) -> None:
    """``… steht eine Operation bevor. Dies bestätigte Buffon.``: the pronoun stands for the
    sentence before, which is what was said; SpkAtt's message is that sentence and the pronoun
    (37 of the 38 such cues in the gold articles)."""
    rewritten = [s for s in doc.statements if s.cue.tokens and _anaphoric(doc, s, doc.statements)]
    taken = {i for s in rewritten for i in s.content.tokens}
    doc.statements = [s for s in doc.statements if s.cue.tokens or not taken.intersection(s.content.tokens)]


def _anaphoric(doc: Document, statement: Statement, others: Sequence[Statement]) -> bool:
    """Rewrites a statement whose cue sentence opens with ``Dies``/``Das`` + verb; True if it did."""
    tokens = doc.tokens
    number = tokens[statement.cue.tokens[0]].sentence
    first = doc.sentences[number].token_start
    if number == 0 or tokens[first].text.lower() not in DEMONSTRATIVES or tokens[first + 1].tag not in FINITE \
            or any(tokens[i].sentence != number for i in statement.cue.tokens + statement.content.tokens):
        return False
    previous = doc.sentences[number - 1]
    if previous.is_heading or previous.paragraph != doc.sentences[number].paragraph \
            or previous.token_end - previous.token_start < 3:
        return False
    said = range(previous.token_start, previous.token_end)
    if any(s.cue.tokens and set(s.content.tokens).intersection(said) for s in others if s is not statement):
        return False  # the sentence before is someone's statement already
    last = shown_end(doc, list(said))
    quoted = is_quote_mark(tokens[said[0]].text)
    statement.form, statement.spkatt_form = ("direct" if quoted else "indirect"), None
    shown = (said[0] + quoted, last - (quoted and is_quote_mark(tokens[last].text)))  # without the marks
    statement.content = Role.of(doc, [*said, first], shown)
    statement.continuation = False
    return True


def cueless_sentences(doc: Document, run: Run) -> None:
    if run.sentence_tagger is not None:
        add_cueless(doc, run.sentence_tagger, run.config)


def _join_continuations(doc: Document, run: Run) -> None:
    """SpkAtt makes a run of Konjunktiv-I continuation sentences one statement: the rules' and the
    sentence tagger's continuations are joined again after the tagger added its own."""
    join_continuations(doc)


def _complete_cues(doc: Document, statement: Statement, previous: Statement | None) -> None:
    if statement.cue.tokens:
        statement.cue.tokens = complete_cue(doc, statement.cue.tokens)


def _self_source_cues(doc: Document, statement: Statement, previous: Statement | None) -> bool:
    if [doc.tokens[i].text.lower() for i in statement.cue.tokens] in SELF_SOURCE_CUES:
        source_is_the_cue(statement, previous)
        return True
    return False


def _named_sources(doc: Document, statement: Statement, previous: Statement | None) -> None:
    if statement.source.tokens and not names_someone(doc, statement):
        statement.source.tokens = []  # "wonach" (the cue), "100 Jahren": no source


def _missing_sources(doc: Document, statement: Statement, previous: Statement | None) -> None:
    if statement.cue.tokens and not statement.source.tokens:
        statement.source.tokens = fallback_source(doc, statement.cue.tokens)


def _tidy_sources(doc: Document, statement: Statement, previous: Statement | None) -> None:
    if statement.source.tokens:
        statement.source.tokens = tidy_source(doc, statement.source.tokens)


def _source_attributes(doc: Document, statement: Statement, previous: Statement | None) -> None:
    if statement.source.tokens:
        taken = {*statement.cue.tokens, *statement.content.tokens, *statement.addressee.tokens}
        statement.source.tokens = with_attributes(doc, statement.source.tokens, taken)


def _source_appositions(doc: Document, statement: Statement, previous: Statement | None) -> None:
    if statement.cue.tokens and statement.source.tokens:
        statement.source.tokens = with_apposition(doc, statement.source.tokens, statement.cue.tokens)


DOCUMENT_STEPS: dict[str, DocumentStep] = {
    "colon_cues": colon_cues,
    "anaphoric_content": anaphoric_content,
    "cueless_sentences": cueless_sentences,
    "join_continuations": _join_continuations,
}
STATEMENT_STEPS: dict[str, StatementStep] = {
    "complete_cues": _complete_cues,
    "self_source_cues": _self_source_cues,
    "named_sources": _named_sources,
    "missing_sources": _missing_sources,
    "fronted_nominal_cues": lambda doc, statement, previous: after_fronted_cue(doc, statement),
    "passive_addressees": lambda doc, statement, previous: passive_addressee(doc, statement),
    "pronoun_subjects": lambda doc, statement, previous: pronoun_subject(doc, statement),
    "tidy_sources": _tidy_sources,
    "source_attributes": _source_attributes,
    "source_appositions": _source_appositions,
}


def run_steps(doc: Document, run: Run) -> None:
    for per_statement, group in groupby(run.config.steps, key=lambda name: name in STATEMENT_STEPS):
        names = list(group)
        if not per_statement:
            for name in names:
                DOCUMENT_STEPS[name](doc, run)
            continue
        steps = [STATEMENT_STEPS[name] for name in names]
        previous: Statement | None = None
        for statement in doc.statements:
            if not any(step(doc, statement, previous) for step in steps):
                previous = statement
