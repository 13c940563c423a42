"""An acronym and its long form are one actor, named by the form the article introduces first:
``die Berliner Verkehrsbetriebe (BVG)`` ... ``die BVG`` -> ``Berliner Verkehrsbetriebe``.

Long forms come from the article (``Long Form (ACR)``) and from ``data/acronyms.tsv``.
"""

from __future__ import annotations

import re
from functools import cache

from ..de.lexicon import table
from ..de.nominative import nominative
from ..de.roles import org_noun_head
from ..de.tokens import is_determiner, is_preposition
from ..de.words import GENITIVE_ARTICLES, LONG_FORM_FUNCTION_WORDS
from ..model import Document, Token

_MAX_LONG_FORM = 8  # words


@cache
def known_acronyms() -> dict[str, str]:
    return table("acronyms.tsv")


def is_acronym(word: str) -> bool:
    letters = word.replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2 and word[0].isupper()


def long_forms(doc: Document) -> dict[str, str]:
    """Acronym -> long form, for the acronyms whose long form the article gives before them."""
    found: dict[str, str] = {}
    tokens = doc.tokens
    for i in range(1, len(tokens) - 2):
        if tokens[i].text != "(" or tokens[i + 2].text != ")":
            continue
        acronym = tokens[i + 1].text
        if is_acronym(acronym):
            long_form = _long_form_before(tokens, i, acronym)
        else:
            long_form = _lower_case_long_form(tokens, i, acronym)
        if long_form and acronym not in found:
            found[acronym] = long_form
    for acronym, long_form in known_acronyms().items():
        if acronym in found or (first_acronym := _first_word(doc.text, acronym)) < 0:
            continue
        written = _written_pattern(long_form).search(doc.text)
        if written is not None and written.start() < first_acronym:
            found[acronym] = long_form
    return found


@cache
def _written_pattern(long_form: str) -> re.Pattern:
    """``Vereinte Nationen`` in any case form: ``der Vereinten Nationen``."""
    words = [re.escape(word[:-2] if len(word) > 4 else word) + r"\w*" for word in long_form.split()]
    return re.compile(r"\b" + r"\s+".join(words), re.IGNORECASE)


def _first_word(text: str, word: str) -> int:
    start = 0
    while (index := text.find(word, start)) >= 0:
        end = index + len(word)
        if (index == 0 or not text[index - 1].isalnum()) and (end == len(text) or not text[end].isalpha()):
            return index
        start = end
    return -1


def _long_form_before(tokens: list[Token], bracket: int, acronym: str) -> str | None:
    start = bracket
    while start > 0 and bracket - start < _MAX_LONG_FORM:
        word = tokens[start - 1]
        if not (word.text[:1].isupper() or word.text.lower() in LONG_FORM_FUNCTION_WORDS or word.text.endswith("-")):
            break
        if is_determiner(word) or is_preposition(word):
            break
        start -= 1
    for first in range(start, bracket):
        words = tokens[first:bracket]
        if words[0].text[:1].upper() == acronym[0].upper() and _letters_in_order(acronym, words):
            return _named(tokens, first, bracket)
    # an acronym of another language ("Kinderhilfswerk der Vereinten Nationen (UNICEF)",
    # "Interamerikanische Entwicklungsbank (IADB)"): the organisation phrase before the bracket
    if start >= 2 and tokens[start - 1].text.lower() in GENITIVE_ARTICLES \
            and (org_noun_head(tokens[start - 2].text) or _same_initial(tokens[start - 2].text, acronym)):
        start -= 2  # "Kinderhilfswerk | der Vereinten Nationen", "Welternährungsprogramm | der Vereinten Nationen (WFP)"
    if start < bracket and tokens[start].text[:1].isupper() \
            and (any(org_noun_head(t.text) for t in tokens[start:bracket]) or _same_initial(tokens[start].text, acronym)):
        return _named(tokens, start, bracket)
    return None


def initials_of(name: str) -> str:
    """``amnesty international`` -> ``ai``, ``Organisation für Sicherheit und Zusammenarbeit in
    Europa`` -> ``OSZE``: the first letters of a name's words but its small words."""
    return "".join(word[0] for word in name.replace("-", " ").split()
                   if word.lower() not in LONG_FORM_FUNCTION_WORDS and word[:1].isalpha())


def _lower_case_long_form(tokens: list[Token], bracket: int, acronym: str) -> str | None:
    """``amnesty international (ai)``: words written in lower case whose initials spell the
    lower-case acronym after them, one word per letter."""
    if not 2 <= len(acronym) <= 5 or not acronym.isalpha() or not acronym.islower() or bracket < len(acronym):
        return None
    words = tokens[bracket - len(acronym):bracket]
    if "".join(w.text[:1] for w in words) != acronym or not all(w.text.isalpha() for w in words):
        return None
    return " ".join(w.text for w in words)


def _same_initial(word: str, acronym: str) -> bool:
    return len(word) > len(acronym) and word[:1].upper() == acronym[:1].upper()


def _named(tokens: list[Token], first: int, bracket: int) -> str:
    determiner = [tokens[first - 1]] if first > 0 and is_determiner(tokens[first - 1]) else []
    return nominative([*determiner, *tokens[first:bracket]])


def _letters_in_order(acronym: str, words: list[Token]) -> bool:
    text = "".join(w.text for w in words).lower()
    position = 0
    for letter in acronym.lower().replace("-", ""):
        position = text.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


__all__ = ["initials_of", "is_acronym", "known_acronyms", "long_forms"]
