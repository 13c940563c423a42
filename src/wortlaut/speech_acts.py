"""Speech acts: what kind of statement each one is (state, claim, warn, demand, reject, …).

The act comes from the statement's cue: its lemma with the separable particle glued on
(``wies … zurück`` → ``zurückweisen`` → reject), a noun cue (``Forderung`` → demand, also in
compounds: ``Polizeiangaben`` → state), and constructions whose other words stand at the cue
(``schloss … nicht aus`` → speculate, ``geht davon aus`` → speculate, ``hält für möglich``).
A passive cue has the verb's lemma (``wurde kritisiert`` → criticise).  Words in the statement's
content never count: what the speaker says is not how the report frames it.  The German
knowledge is data (:mod:`wortlaut.de.speech_acts`); each act carries its CAMEO code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from .components import component
from .de.speech_acts import DEFAULT_ACT, NEGATION_WORD, act_cues, speech_acts
from .de.tags import NEGATION
from .de.words import LAUT_WORDS, NEGATIONS, NOMINAL_CUES
from .model import Document, Statement, Token

_MIN_HEAD = 5  # letters of a compound's head that may stand for the whole noun (Polizei|angabe)
_MIN_MODIFIER = 3  # and of the word before it: "Um|frage" is no question


@dataclass(frozen=True)
class SpeechActsConfig:
    reach: int = field(default=2, metadata={
        "help": "words beside a cue in which the rest of a construction may stand (nicht ausschließen, davon ausgehen)"})


@component("speech_acts", requires=("doc.statements", "token.lemma"),
           assigns=("statement.speech_act", "statement.cameo"), config=SpeechActsConfig)
def classify_speech_acts(doc: Document, config: SpeechActsConfig = SpeechActsConfig()) -> Document:
    for statement in doc.statements:
        act = speech_act(doc, statement, config.reach)
        statement.speech_act = act
        statement.cameo = speech_acts()[act].cameo
    return doc


def speech_act(doc: Document, statement: Statement, reach: int = SpeechActsConfig.reach) -> str:
    """The act the statement's cue reports; ``state`` for a cue none names and for no cue."""
    cue = sorted(statement.cue.tokens)
    if not cue:
        return DEFAULT_ACT
    beside = _words_beside(doc, statement, cue, reach)
    in_cue = _cue_words(doc, cue) | (_nouns_beside(doc, statement, cue, reach) if _nominal(doc, cue) else set())
    beside |= in_cue
    verbs = _cue_verbs(doc, cue)
    matches = [row for row in act_cues()
               if all(word in beside for word in row.words) and any(word in in_cue for word in row.words)]
    if not matches:
        return DEFAULT_ACT
    # the longest construction; among equals the cue's verb over a noun beside it ("hatte mit der
    # Begründung abgelehnt": reject, not claim), and a named act over the neutral one
    # ("Annahmen zufolge": speculate, not state)
    return max(matches, key=lambda row: (len(row.words), any(word in verbs for word in row.words),
                                         row.act != DEFAULT_ACT)).act


def _cue_words(doc: Document, cue: list[int]) -> set[str]:
    """The cue's words as rows name them: forms, lemmas, compound heads and particle verbs."""
    words: set[str] = set()
    for i in cue:
        words |= _names(doc.tokens[i])
    words |= _particle_verbs(doc, cue)
    return words


def _cue_verbs(doc: Document, cue: list[int]) -> set[str]:
    lemmas = {(doc.tokens[i].lemma or doc.tokens[i].text).lower() for i in cue if doc.tokens[i].tag.startswith("V")}
    return lemmas | _particle_verbs(doc, cue)


def _nominal(doc: Document, cue: list[int]) -> bool:
    """A cue of ``nach``, ``laut``, ``zufolge`` alone: the noun beside it says what kind of report
    it is (``nach Meinung`` → claim, ``Schätzungen zufolge`` → speculate)."""
    return all(doc.tokens[i].text.lower() in NOMINAL_CUES | LAUT_WORDS for i in cue)


def _nouns_beside(doc: Document, statement: Statement, cue: list[int], reach: int) -> set[str]:
    sentence = doc.sentences[doc.tokens[cue[0]].sentence]
    content = set(statement.content.tokens)
    first, last = max(sentence.token_start, cue[0] - reach), min(sentence.token_end - 1, cue[-1] + reach)
    return {name for i in range(first, last + 1) if i not in content and doc.tokens[i].tag in ("NN", "NE")
            for name in _names(doc.tokens[i])}


def _words_beside(doc: Document, statement: Statement, cue: list[int], reach: int) -> set[str]:
    """Words between and right beside the cue's words, in its sentence, outside the content."""
    sentence = doc.sentences[doc.tokens[cue[0]].sentence]
    content = set(statement.content.tokens)
    first, last = max(sentence.token_start, cue[0] - reach), min(sentence.token_end - 1, cue[-1] + reach)
    words: set[str] = set()
    for i in range(first, last + 1):
        if i not in content:
            words |= _names(doc.tokens[i])
    return words | _particle_verbs(doc, list(range(first, last + 1)))


def _names(token: Token) -> set[str]:
    text, lemma = token.text.lower(), (token.lemma or token.text).lower()
    names = {text, lemma}
    if text in NEGATIONS and token.tag in NEGATION:
        names.add(NEGATION_WORD)
    if token.tag in ("NN", "NE") and "-" not in lemma:  # a compound: any head of five letters or more
        # (no longer than a listed word: only those are looked for, and every head of a word of
        # 200,000 letters would be 20 GB of copies)
        first = max(_MIN_MODIFIER, len(lemma) - _longest_cue_word())
        names |= {lemma[start:] for start in range(first, len(lemma) - _MIN_HEAD + 1)}
    return names


@cache
def _longest_cue_word() -> int:
    return max((len(word) for row in act_cues() for word in row.words), default=0)


def _particle_verbs(doc: Document, positions: list[int]) -> set[str]:
    """``zurück`` + ``weisen``, ``bekannt`` + ``geben``: each non-verb word of the stretch glued
    onto each verb's lemma (a particle HanTa tags as an adjective or adverb counts too)."""
    tokens = [doc.tokens[i] for i in positions]
    verbs = [(t.lemma or t.text).lower() for t in tokens if t.tag.startswith("V")]
    particles = [t.text.lower() for t in tokens if not t.tag.startswith("V") and t.text.isalpha()]
    return {particle + verb for verb in verbs for particle in particles}
