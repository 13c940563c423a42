"""Rule 0: interview turns. An article laid out as an interview opens paragraphs with a speaker
and a colon (``Schulz: Im nächsten Jahr …``, ``Antwort: …``); each such paragraph is a direct
statement of that speaker. The interviewer's turns (``Frage: …``) are no actor's statements."""

from __future__ import annotations

from ..de.words import INTERVIEW_QUESTION_WORDS
from ..model import Sentence
from .finder import Finder

MIN_TURNS = 2  # one "Fazit: …" paragraph makes no interview
MAX_SPEAKER_WORDS = 4


def interview_turns(finder: Finder) -> None:
    doc = finder.doc
    turns = [(sentence, colon) for sentence in _paragraph_openers(finder) if (colon := _turn_colon(finder, sentence))]
    if len(turns) < MIN_TURNS:
        return
    for number, (sentence, colon) in enumerate(turns):
        speaker = list(range(sentence.token_start, colon))
        if doc.tokens[speaker[0]].text.lower() in INTERVIEW_QUESTION_WORDS:
            continue
        last = _paragraph_end(finder, sentence)
        if number + 1 < len(turns):
            last = min(last, turns[number + 1][0].token_start)
        finder.add(sentence, "direct", list(range(colon + 1, last)), [], speaker)


def _paragraph_openers(finder: Finder) -> list[Sentence]:
    sentences = finder.doc.sentences
    return [s for i, s in enumerate(sentences) if not s.is_heading and s.token_end > s.token_start
            and (i == 0 or sentences[i - 1].paragraph != s.paragraph)]


def _turn_colon(finder: Finder, sentence: Sentence) -> int | None:
    """The colon after a name at the paragraph's start (``Eva Schulz:``, ``Antwort:``)."""
    tokens = finder.doc.tokens
    for index in range(sentence.token_start + 1, min(sentence.token_start + MAX_SPEAKER_WORDS + 1, sentence.token_end)):
        if tokens[index].text == ":":
            words = tokens[sentence.token_start:index]
            has_content = index + 1 < sentence.token_end
            return index if has_content and all(t.text[:1].isupper() and t.text[:1].isalpha() for t in words) else None
    return None


def _paragraph_end(finder: Finder, sentence: Sentence) -> int:
    """One past the last token of the paragraph ``sentence`` opens."""
    last = sentence
    for other in finder.doc.sentences[sentence.index + 1:]:
        if other.paragraph != sentence.paragraph:
            break
        last = other
    return last.token_end
