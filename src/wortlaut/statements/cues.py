"""Recognising a cue of saying and the parts around it: the verb with its particle, an auxiliary
with its participle, the document a report quotes, the audience spoken to."""

from __future__ import annotations

from ..de.phrases import clause_end, clause_start, noun_phrase_forward, separable_particle
from ..de.tags import AUXILIARY, FINITE, NONFINITE, NOUN_PHRASE_CONTINUATION
from ..de.verbs import cue_verbs
from ..de.words import ADDRESSEE_PREPOSITIONS, DOCUMENT_PREPOSITIONS, TIME_NOUNS
from ..model import Document, Sentence, Token


def cue_lemma(doc: Document, token: Token, sentence: Sentence) -> str | None:
    """Dictionary lemma of a speech verb, with its separable particle: ``hob … hervor`` → hervorheben."""
    verbs = cue_verbs()
    lemma = (token.lemma or token.text).lower()
    particle = separable_particle(doc, token.index, sentence) if token.tag in FINITE else []
    if particle:
        joined = doc.tokens[particle[0]].text.lower() + lemma
        return joined if joined in verbs else None  # "sprach sich aus" is not "sprechen"
    return lemma if lemma in verbs else None


def participle_cue(doc: Document, finite: int, stop: int | None, sentence: Sentence) -> list[int] | None:
    """``hat … gewarnt``, ``will … sprechen``: a speech verb in the clause's verb-final position."""
    tokens = doc.tokens
    if tokens[finite].tag not in AUXILIARY:
        return None
    end = clause_end(doc, finite, sentence) if stop is None else stop - 1
    for j in range(end, finite, -1):
        token = tokens[j]
        if token.tag == "VVIZU" or token.tag in NONFINITE and tokens[j - 1].tag == "PTKZU":
            continue  # "hat angekündigt die Preise zu erhöhen": a zu-infinitive after the participle
        if token.tag in NONFINITE:
            lemma = (token.lemma or token.text).lower()
            if lemma in cue_verbs():
                return [j]
            particle = tokens[j - 1].text.lower() if tokens[j - 1].tag == "PTKVZ" else ""
            return [j] if particle + lemma in cue_verbs() and particle else None
    if stop is None:
        return _participle_after_apposition(doc, end, sentence)
    return None


def _participle_after_apposition(doc: Document, end: int, sentence: Sentence) -> list[int] | None:
    """``hatte der Investor, Larry A. Silverstein, zugesagt, …``: the participle after an
    apposition that closes the subject."""
    tokens = doc.tokens
    comma = end + 1
    if comma >= sentence.token_end or tokens[comma].text != ",":
        return None
    j = comma + 1
    while j < sentence.token_end and tokens[j].tag in NOUN_PHRASE_CONTINUATION:
        j += 1
    if j == comma + 1 or j + 1 >= sentence.token_end or tokens[j].text != ",":
        return None
    participle = tokens[j + 1]
    after = tokens[j + 2].text if j + 2 < sentence.token_end else "."
    if participle.tag in NONFINITE and after in {",", ".", ":"} \
            and (participle.lemma or participle.text).lower() in cue_verbs():
        return [j + 1]
    return None


def document_source(doc: Document, verb: int, sentence: Sentence) -> list[int]:
    """``heißt es in dem Bericht`` / ``In der Resolution heißt es``: the document as source."""
    tokens = doc.tokens
    start, end = clause_start(doc, verb, sentence), clause_end(doc, verb, sentence)
    places = [j for j in range(start, end + 1) if tokens[j].text.lower() in DOCUMENT_PREPOSITIONS]
    if not places and tokens[sentence.token_start].text.lower() in DOCUMENT_PREPOSITIONS:
        places = [sentence.token_start]
    for j in places:
        phrase = noun_phrase_forward(doc, j + 1, sentence.token_end)
        if phrase and tokens[phrase[0]].tag != "PPER":
            return phrase
    return []


def addressee(doc: Document, cue: list[int], sentence: Sentence) -> list[int] | None:
    """``vor Reportern``, ``gegenüber der Agentur``: the audience of the cue's clause."""
    if not cue:
        return None
    tokens = doc.tokens
    start, end = clause_start(doc, cue[0], sentence), clause_end(doc, cue[0], sentence)
    for j in range(start, end + 1):
        word = tokens[j].text.lower()
        if word in ADDRESSEE_PREPOSITIONS and j + 1 <= end:
            phrase = noun_phrase_forward(doc, j + 1, end + 1)
            if phrase and (word == "gegenüber" or tokens[phrase[-1]].tag == "NN" and tokens[phrase[0]].tag != "CARD"):
                if word == "vor" and tokens[phrase[-1]].text in TIME_NOUNS:
                    continue  # "vor drei Tagen"
                return phrase
    return None
