"""Rule 4: attributions without a verb of saying — ``X zufolge``, ``nach Angaben X``, ``laut X``,
``wie X erklärte,``, ``…, so X``, ``demnach`` — and the channel a report came through
(``sagte er der Agentur Interfax zufolge``)."""

from __future__ import annotations

from typing import NamedTuple

from ..de.lexicon import word_list
from ..de.phrases import (
    clause_end,
    fronted_phrase_end,
    noun_phrase_backward,
    noun_phrase_forward,
    sentence_verb_subject,
)
from ..de.tags import FINITE, NONFINITE
from ..de.verbs import cue_verbs, is_attribution_noun
from ..de.words import (
    ANGABEN_MODIFIERS,
    LAUT_WORDS,
    NEUTRAL_ANGABEN_MODIFIERS,
    OWN_POSSESSIVES,
    POINTING_BACK_CUES,
    RELATIVE_DETERMINERS,
)
from ..model import Sentence
from .cues import addressee, cue_lemma
from .finder import Finder


class Attribution(NamedTuple):
    """What a nominal cue attributes: the frame ``frame_start..frame_end`` is cue and source, the
    rest of the sentence (or, after a relative pronoun, the clause up to ``clause_end``) the content."""

    cue: list[int]
    speaker: list[int]
    speaker_chars: tuple[int, int] | None  # the speaker shown as characters other than its tokens
    frame_start: int
    frame_end: int
    clause_end: int | None = None


def nominal_cues(finder: Finder, sentence: Sentence) -> None:
    doc = finder.doc
    tokens = doc.sentence_tokens(sentence)
    for position, token in enumerate(tokens):
        i = token.index
        if i in finder.claimed or token.in_quote:
            continue
        word = token.text.lower()
        found = None
        if word == "zufolge":
            speaker = noun_phrase_backward(doc, i - 1, sentence.token_start)
            if speaker:
                found = Attribution([i], speaker, None, speaker[0], i)
        elif word in LAUT_WORDS and position + 1 < len(tokens):
            if tokens[position + 1].tag == "PRELS" and position > 0 and tokens[position - 1].text == ",":
                found = _relative_source(finder, i, sentence)  # "ein Gutachten, laut dem …"
            else:
                speaker = noun_phrase_forward(doc, i + 1, sentence.token_end)
                if speaker:
                    found = Attribution([i], speaker, None, i, speaker[-1])
        elif word == "nach" and position + 1 < len(tokens):
            found = _nach_angaben(finder, i, sentence)
            if found is None and position > 0:
                found = _postposed_nach(finder, i, sentence)
        elif word in POINTING_BACK_CUES and (position == 0 or tokens[position - 1].text == ","):
            previous = doc.statements[-1].speaker if doc.statements else None
            found = Attribution([i], [i], (previous.start, previous.end) if previous else None, i, i)
        elif word == "so" and position > 0 and tokens[position - 1].text == "," and position + 1 < len(tokens):
            start, cue = i + 1, [i]
            verb = doc.tokens[start]
            if verb.tag in FINITE and cue_lemma(doc, verb, sentence):  # ", so urteilte Romney": the verb is the cue
                start, cue = start + 1, [start]
            speaker = noun_phrase_forward(doc, start, sentence.token_end)
            end = clause_end(doc, speaker[-1], sentence) if speaker else None
            if speaker and (end + 2 >= sentence.token_end or doc.tokens[end + 1].text == ","):
                found = Attribution(cue, speaker, None, i - 1, end)
        elif word == "wie" and (position == 0 or tokens[position - 1].text == ","):
            found = _wie_cue(finder, i, sentence)
        if found is not None:
            _add(finder, sentence, word, found)


def _add(finder: Finder, sentence: Sentence, word: str, found: Attribution) -> None:
    """The statement of a nominal attribution: the sentence outside the frame is its content."""
    doc = finder.doc
    cue, speaker, speaker_chars, frame_start, frame_end, clause_end = found
    if word in ("nach", "laut") and cue[0] == sentence.token_start and speaker and clause_end is None:
        # "Nach Angaben der Gesellschaft für Menschenrechte kommt es …": the fronted phrase
        # runs to the finite verb
        end = fronted_phrase_end(doc, frame_end)
        speaker = speaker + list(range(frame_end + 1, end + 1))
        if speaker_chars and end > frame_end:
            speaker_chars = (speaker_chars[0], doc.tokens[end].end)
        frame_end = end
    if _is_channel(finder, speaker) and _set_via(finder, sentence, speaker):
        return  # "sagte er der Agentur Interfax zufolge": a channel, not a speaker
    if clause_end is not None:  # a relative clause: its own content only
        content = list(range(frame_end + 1, clause_end + 1))
    else:
        content = [t for t in range(sentence.token_start, sentence.token_end) if not frame_start <= t <= frame_end]
    # the commas around the frame belong to neither side
    content = [t for t in content if not (doc.tokens[t].text == "," and (t == frame_start - 1 or t == frame_end + 1))]
    audience = addressee(doc, cue, sentence) if word == "wie" else None
    statement = finder.add(sentence, "indirect", content, cue, speaker, speaker_chars=speaker_chars, addressee=audience)
    if statement and word == "nach" and doc.tokens[cue[0] + 1].index <= frame_end:
        head = next(j for j in range(cue[0], frame_end + 1)
                    if is_attribution_noun(doc.tokens[j].text) or j == frame_end)
        statement.cue.span = doc.token_span(min(cue[0], head), max(cue[0], head))  # "nach eigenen Angaben"


def _nach_angaben(finder: Finder, i: int, sentence: Sentence) -> Attribution | None:
    """``nach Angaben der Polizei``, ``nach Kreml-Angaben``, ``nach eigenen Angaben``, ``nach
    ukrainischen Angaben``, ``nach einer norwegischen Studie``.  SpkAtt marks ``nach`` as the cue and
    ``Angaben der Polizei`` as the source; the speaker shown is ``der Polizei``."""
    doc = finder.doc
    tokens = doc.tokens
    j = i + 1
    modifier = None
    if j < sentence.token_end and tokens[j].tag == "PRELS" and tokens[i - 1].text == ",":
        return _relative_source(finder, i, sentence)
    determiner = None
    if j < sentence.token_end and (tokens[j].tag in {"ART", "PDAT", "PRELAT"}
                                   or tokens[j].text.lower() in RELATIVE_DETERMINERS):
        determiner = j  # "nach einer norwegischen Studie", "nach dessen Angaben"
        j += 1
    if j < sentence.token_end and (tokens[j].tag in {"ADJA", "PPOSAT"} or tokens[j].text in ANGABEN_MODIFIERS):
        modifier = j
        j += 1
    while j + 1 < sentence.token_end and tokens[j].tag == "ADJA" and tokens[j + 1].tag in {"ADJA", "NN"}:
        j += 1
    if j >= sentence.token_end:
        return None
    if determiner is not None:
        if not is_attribution_noun(tokens[j].text):
            return None
        speaker = noun_phrase_forward(doc, j + 1, sentence.token_end, genitive=True)
        if speaker and tokens[speaker[0]].tag == "ART":  # "einer Stellungnahme der US-Armee"
            chars = (tokens[speaker[0]].start, tokens[speaker[-1]].end)
            return Attribution([i], list(range(determiner, speaker[-1] + 1)), chars, i, speaker[-1])
        return Attribution([i], list(range(determiner, j + 1)), None, i, j)
    noun = tokens[j]
    head = noun.text.rsplit("-", 1)[-1]
    if not is_attribution_noun(noun.text):
        return None
    source_start = modifier if modifier is not None else j
    if "-" in noun.text and head in word_list("attribution_nouns.txt"):  # nach Kreml-Angaben
        prefix = noun.text.rsplit("-", 1)[0]
        return Attribution([i], [j], (noun.start, noun.start + len(prefix)), i, j)
    if modifier is not None and tokens[modifier].text.lower() in OWN_POSSESSIVES:
        subject = sentence_verb_subject(doc, sentence, exclude=range(i, j + 1))
        chars = (tokens[subject[0]].start, tokens[subject[-1]].end) if subject else None
        return Attribution([i], list(range(source_start, j + 1)), chars, i, j)
    if modifier is not None and tokens[modifier].text[:1].islower() and \
            tokens[modifier].text.lower() not in NEUTRAL_ANGABEN_MODIFIERS:  # nach ukrainischen Angaben
        return Attribution([i], list(range(source_start, j + 1)), (tokens[modifier].start, tokens[modifier].end), i, j)
    speaker = noun_phrase_forward(doc, j + 1, sentence.token_end, genitive=True)
    if speaker and tokens[speaker[0]].text.lower() == "von":
        speaker = speaker[1:]
    if not speaker:
        return Attribution([i], list(range(source_start, j + 1)), None, i, j)
    chars = (tokens[speaker[0]].start, tokens[speaker[-1]].end)
    return Attribution([i], list(range(source_start, speaker[-1] + 1)), chars, i, speaker[-1])


def _relative_source(finder: Finder, i: int, sentence: Sentence) -> Attribution | None:
    """``Studien, nach denen Homöopathie … ebenbürtig sei`` (also ``laut dem``): the relative
    pronoun is the source, the relative clause the content."""
    doc = finder.doc
    pronoun = i + 1
    end = clause_end(doc, pronoun, sentence)
    while end + 2 < sentence.token_end and doc.tokens[end + 1].text == "," \
            and doc.tokens[end + 2].tag not in {"PRELS", "KOUS"} | FINITE:
        end = clause_end(doc, end + 2, sentence)
    if end <= pronoun + 1:
        return None
    return Attribution([i], [pronoun], None, i, pronoun, end)


def _postposed_nach(finder: Finder, i: int, sentence: Sentence) -> Attribution | None:
    """``Seiner Meinung nach``, ``Angaben der Polizei nach``."""
    phrase = noun_phrase_backward(finder.doc, i - 1, sentence.token_start)
    if not phrase or not any(is_attribution_noun(finder.doc.tokens[j].text) for j in phrase):
        return None
    return Attribution([i], phrase, None, phrase[0], i)


def _wie_cue(finder: Finder, i: int, sentence: Sentence) -> Attribution | None:
    """``Wie er gegenüber Interfax erklärte, …``"""
    doc = finder.doc
    end = clause_end(doc, i + 1, sentence)
    for j in range(i + 1, end + 1):
        token = doc.tokens[j]
        if token.tag in FINITE or token.tag in NONFINITE:
            lemma = cue_lemma(doc, token, sentence)
            if lemma and "clause" in cue_verbs().get(lemma, ()):
                speaker = noun_phrase_forward(doc, i + 1, end + 1)
                comma = end + 1 < sentence.token_end and doc.tokens[end + 1].text == ","
                return Attribution([j], speaker, None, i, end + comma)
    return None


def _is_channel(finder: Finder, phrase: list[int]) -> bool:
    channels = word_list("reporting_channels.txt")
    return any(finder.doc.tokens[j].text.rsplit("-", 1)[-1] in channels for j in phrase)


def _set_via(finder: Finder, sentence: Sentence, phrase: list[int]) -> bool:
    """Give the sentence's statement its channel; False when the sentence has no statement yet."""
    doc = finder.doc
    for statement in reversed(doc.statements):
        if statement.sentence == sentence.index or statement.cue.tokens and \
                doc.tokens[statement.cue.tokens[0]].sentence == sentence.index:
            statement.via = doc.token_span(phrase[0], phrase[-1])
            return True
    return False
