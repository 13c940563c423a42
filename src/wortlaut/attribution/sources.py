"""Sources as SpkAtt draws them: found where the taggers found none, tidied where they drew them
too wide or too narrow, and told apart from addressees."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..de.phrases import clause_range, first_verb_subject, fronted_phrase_end
from ..de.punctuation import is_quote_mark
from ..de.tags import ATTRIBUTE, FINITE, NOUN_PHRASE_OR_PRONOUN, PRENOMINAL, SOURCE_HEAD
from ..de.verbs import ADDRESSEE_PASSIVE, PASSIVE_AUXILIARIES
from ..de.words import (
    AGE_NOUNS,
    AGENT_PREPOSITIONS,
    ATTRIBUTE_WORDS,
    NOMINAL_CUES,
    NOMINATIVE_PRONOUNS,
    TIME_NOUNS,
    TIME_PREPOSITIONS,
)
from ..model import Document, Role, Statement
from ..statements import shown_end
from .decoding import mention


def fallback_source(doc: Document, cue: Sequence[int]) -> list[int]:
    """A source for a statement whose taggers and rules found none: the noun phrase before
    ``zufolge``, after ``nach``/``laut``, else the subject of the cue verb's clause; none for a
    passive or impersonal cue (``wird kritisiert``, ``Es wird angenommen``)."""
    tokens = doc.tokens
    words = [tokens[i].text.lower() for i in cue]
    if any(w in PASSIVE_AUXILIARIES or w == "es" for w in words):
        return []
    sentence = doc.sentences[tokens[cue[0]].sentence]
    if words == ["zufolge"] or words == ["folge"]:
        run: list[int] = []
        for i in range(cue[0] - 1, sentence.token_start - 1, -1):
            if tokens[i].tag not in NOUN_PHRASE_OR_PRONOUN or tokens[i].in_quote and not run:
                break
            run.insert(0, i)
        return run
    if words[0] in NOMINAL_CUES:
        run = []
        for i in range(max(cue) + 1, sentence.token_end):
            if tokens[i].tag not in NOUN_PHRASE_OR_PRONOUN:
                break
            run.append(i)
        return run
    clause = clause_range(doc, cue[0])
    if not any(tokens[i].tag in FINITE for i in clause):
        return []
    if tokens[clause.start].tag == "PRELS":
        return [clause.start]  # "eines Hackers, der behauptet, …": SpkAtt's source is the pronoun
    return first_verb_subject(doc, clause.start, clause.stop)


def names_someone(doc: Document, statement: Statement) -> bool:
    """A source is no part of its cue and has a noun or pronoun that is not a time word."""
    cue = set(statement.cue.tokens)
    tokens = doc.tokens
    return not cue.intersection(statement.source.tokens) and any(
        tokens[i].tag in SOURCE_HEAD and tokens[i].text not in TIME_NOUNS and tokens[i].text not in AGE_NOUNS
        for i in statement.source.tokens)


def source_is_the_cue(statement: Statement, previous: Statement | None) -> None:
    """``Laut einem Bericht der FTD … Demnach sei …``: SpkAtt marks the pronominal adverb as cue
    and source (21 of 25 such cues in the gold articles); the speaker shown is the one it points
    back to."""
    statement.source = Role(list(statement.cue.tokens))
    if previous is not None and previous.speaker is not None and statement.sentence - previous.sentence <= 2:
        statement.speaker = replace(previous.speaker)


def tidy_source(doc: Document, source: list[int]) -> list[int]:
    """Source spans as SpkAtt draws them: no trailing adverb or time phrase (``EADS heute``,
    ``Adidas-Salomon am Morgen``), no dangling quotation mark, a quoted name whole
    (``der „Frankfurter Allgemeinen Zeitung“``), the determiner and adjectives of the first noun
    (``Die spätere Außenministerin Rice``), no relative clause or ``gegenüber …``."""
    if not source:
        return source
    tokens = doc.tokens
    source = sorted(source)
    for k in range(1, len(source)):
        word = tokens[source[k]]
        if word.text.lower() == "gegenüber" or word.text == "," and k + 1 < len(source) \
                and tokens[source[k + 1]].tag in {"PRELS", "KOUS", "PWAV"}:
            source = source[:k]  # "eine Sprecherin gegenüber der FTD", "Zapatero, der … angehört"
            break
    while len(source) > 1 and tokens[source[-1]].tag in {"ADV", "ADJD"} and tokens[source[-1]].text[:1].islower():
        source.pop()
    for k in range(1, len(source) - 1):
        if tokens[source[k]].text.lower() in TIME_PREPOSITIONS and tokens[source[-1]].text in TIME_NOUNS \
                and all(tokens[j].tag in PRENOMINAL | {"NN", "CARD"} for j in source[k + 1:]):
            source = source[:k]
            break
    opened = [i for i in source if is_quote_mark(tokens[i].text) and i + 1 < len(tokens) and tokens[i + 1].in_quote
              and not tokens[i].in_quote]
    if opened and opened[-1] == source[-1]:
        source.pop()  # "Beckmann „": the quotation after the name is the message
    elif opened:
        j = source[-1] + 1
        while j < len(tokens) and j - source[-1] <= 6 and tokens[j].in_quote:
            j += 1
        if j < len(tokens) and is_quote_mark(tokens[j].text) and j - source[-1] <= 6:
            source.extend(range(source[-1] + 1, j + 1))
    if not source:  # it was only the quotation mark
        return source
    sentence_start = doc.sentences[tokens[source[0]].sentence].token_start
    if tokens[source[0]].tag in {"NN", "NE", "ADJA"}:
        while source[0] > sentence_start and tokens[source[0] - 1].tag in PRENOMINAL:
            source.insert(0, source[0] - 1)
    return source


def with_attributes(doc: Document, source: list[int], taken: set[int]) -> list[int]:
    """``der Chef der Bundesagentur`` + ``für Arbeit``, ``Angaben des Instituts`` + ``von Athen``,
    ``die Deutsche Presse-Agentur`` + ``(dpa)``: SpkAtt's source takes the genitive and
    prepositional attributes of its last noun; the tagger often stops before them.  Tokens in
    ``taken`` (cue, message) stay out."""
    tokens = doc.tokens
    end = doc.sentences[tokens[source[-1]].sentence].token_end
    source = list(source)
    for _ in range(3):
        last = source[-1]
        j = last + 1
        if j >= end or j in taken or tokens[last].tag not in {"NN", "NE", "FM"} and tokens[last].text != ")":
            break
        if tokens[j].text == "(":
            close = next((k for k in range(j + 1, min(j + 6, end)) if tokens[k].text == ")"), None)
            if close is None or close == j + 1 or any(k in taken or tokens[k].tag not in {"NE", "NN", "FM", "XY"}
                                                      for k in range(j + 1, close)):
                break
            source.extend(range(j, close + 1))
            continue
        if tokens[j].text.lower() not in ATTRIBUTE_WORDS or tokens[j].tag not in {"ART", "APPR", "APPRART"}:
            break
        k = j + 1
        while k < end and k not in taken and tokens[k].tag in ATTRIBUTE and not tokens[k].in_quote:
            k += 1
        if k == j + 1 or tokens[k - 1].tag not in {"NN", "NE", "FM"}:
            break
        source.extend(range(j, k))
    return source


def after_fronted_cue(doc: Document, statement: Statement) -> None:
    """``Nach Angaben der Gesellschaft für Menschenrechte kommt es …``: after a fronted nominal cue
    phrase the message starts at the finite verb; words of the source phrase that the tagger gave
    the message (``für Menschenrechte``) go back to the source."""
    tokens, cue, content = doc.tokens, statement.cue.tokens, statement.content.tokens
    if not cue or not content or not statement.source.tokens or tokens[cue[0]].text.lower() not in {"nach", "laut"}:
        return
    source_end = max(statement.source.tokens)
    if cue[0] != doc.sentences[tokens[cue[0]].sentence].token_start or content[0] != source_end + 1:
        return
    verb = fronted_phrase_end(doc, source_end) + 1
    if verb == content[0] or verb not in content:
        return
    statement.source.tokens = sorted({*statement.source.tokens, *range(content[0], verb)})
    kept = [i for i in content if i >= verb]
    statement.content = Role.of(doc, kept, (verb, shown_end(doc, kept)))


def passive_addressee(doc: Document, statement: Statement) -> None:
    """``Israel wurde aufgefordert, …``, ``Klien wurde vorgeworfen, …``: the subject of a passive
    directive is addressed, not speaking; only an agent (``von der UN``) would be the source."""
    tokens, source = doc.tokens, statement.source.tokens
    if not source or not any(tokens[i].text.lower() in PASSIVE_AUXILIARIES for i in statement.cue.tokens):
        return
    if not any(tokens[i].tag == "VVPP" and (tokens[i].lemma or "").lower() in ADDRESSEE_PASSIVE
               for i in statement.cue.tokens):
        return
    if source[0] > 0 and tokens[source[0] - 1].text.lower() in AGENT_PREPOSITIONS:
        return
    if not statement.addressee.tokens:
        statement.addressee = Role.of(doc, source)
    statement.source = Role()


def pronoun_subject(doc: Document, statement: Statement) -> None:
    """``Der Politik schlug er vor, …``: a noun phrase before the verb cue is its object when a
    nominative-only pronoun follows the verb; the pronoun is the source."""
    tokens, source = doc.tokens, statement.source.tokens
    verb = next((i for i in statement.cue.tokens if tokens[i].tag in FINITE), None)
    if verb is None or not source or max(source) >= verb or verb + 1 >= len(tokens):
        return
    after = tokens[verb + 1]
    if after.text.lower() in NOMINATIVE_PRONOUNS and after.sentence == tokens[verb].sentence \
            and verb + 1 not in statement.content.tokens:
        statement.source = Role([verb + 1], mention(doc, [verb + 1]))
