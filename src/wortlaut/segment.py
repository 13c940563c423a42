"""Segmentation: paragraphs, glued subheadings, sentences and tokens with character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import regex  # SoMaJo's own regex engine: Unicode properties

from .components import component
from .de.lexicon import word_list
from .de.punctuation import ALWAYS_OPENING, CLOSING_QUOTES, SENTENCE_END_CHARACTERS
from .de.tags import CLAUSE_FINAL, FINITE
from .model import Document, Paragraph, Sentence, Span, Token

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class SegmentConfig:
    max_heading_tokens: int = field(default=16, metadata={
        "help": "words a subheading glued to a paragraph's first sentence may have (seed format)"})


@cache
def _tokenizer(character_offsets: bool = False):
    from somajo import SoMaJo

    somajo = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=character_offsets)
    _skip_emoji_scan_without_emoji(somajo._tokenizer)
    _split_only_tokens_that_match(somajo._tokenizer)
    _search_abbreviations_near_dots(somajo._tokenizer)
    _search_plus_ampersand_tokens_only_with_either(somajo._tokenizer)
    _search_only_where_matches_can_be(somajo._tokenizer)
    _unlink_token_lists(somajo._tokenizer)
    return somajo


def _unlink_token_lists(tokenizer) -> None:
    """SoMaJo keeps a paragraph's tokens in a doubly linked list, whose links are reference cycles:
    each list outlived its paragraph until Python's cycle collector came by, and they were all the
    garbage it found in a whole analysis (its passes took 0.17 of 10 CPU seconds on the 300
    benchmark articles, 0.05 without them).  Unlinked once SoMaJo has read the tokens out, they are
    freed at once."""
    tokenize = tokenizer._tokenize

    def tokenize_and_unlink(token_dll):
        tokens = tokenize(token_dll)
        element = token_dll.first
        while element is not None:
            following = element.next
            element.prev = element.next = element.list = None
            element = following
        token_dll.first = token_dll.last = None
        return tokens

    tokenizer._tokenize = tokenize_and_unlink


# Any character SoMaJo's emoji splitter reacts to (its per-grapheme test uses these classes).
_EMOJI_CHARACTER = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")


def _skip_emoji_scan_without_emoji(tokenizer) -> None:
    """SoMaJo tests every grapheme of every text for emoji, a third of its time on news.

    One search for an emoji character first gives the same tokens, since text without
    one has nothing for the splitter to split.
    """
    split_emojis = tokenizer._split_emojis

    def split_emojis_if_any(node, token_class="emoticon"):
        if _EMOJI_CHARACTER.search(node.value.text):
            split_emojis(node, token_class)

    tokenizer._split_emojis = split_emojis_if_any


# SHA-256 (first 16 hex digits) of SoMaJo 2.5's ``Tokenizer._split_all_matches`` source, which
# ``_split_only_tokens_that_match`` stands in for
_SPLIT_ALL_MATCHES_SHA256 = "0f2021345abdadb9"


def _split_only_tokens_that_match(tokenizer) -> None:
    """SoMaJo tries each of its ~40 patterns on every token, each try a method call that also sorts
    the pattern's groups and hands an empty list on; a token the pattern does not match is left as
    it is.  One ``finditer`` step per token first, and the method only for the tokens it matches,
    gives the same tokens (segmenting the 300 benchmark articles: 1.82 -> 1.71 CPU s); installed only
    on the SoMaJo code it was read from."""
    import hashlib
    import inspect

    try:
        source = inspect.getsource(type(tokenizer)._split_all_matches)
    except (OSError, TypeError):
        return
    if hashlib.sha256(source.encode()).hexdigest()[:16] != _SPLIT_ALL_MATCHES_SHA256:
        return
    split_matches = tokenizer._split_matches

    def split_all_matches(pattern, token_dll, token_class="regular", *, repl=None, split_named_subgroups=True,
                          delete_whitespace=False):
        finditer = pattern.finditer
        for node in token_dll:
            value = node.value
            if value.markup or value._locked or next(iter(finditer(value.text)), None) is None:
                continue
            split_matches(pattern, node, token_class, repl, split_named_subgroups, delete_whitespace)

    tokenizer._split_all_matches = split_all_matches


class _AbbreviationsNearDots:
    """SoMaJo's abbreviation pattern, tried only where a match can start: a third of its time on
    news went into trying its 1,200 abbreviations at every character of the text.

    Every alternative of the pattern (``(?:\\p{L}\\.){2,}`` and each listed abbreviation) has a
    dot within its first ``reach`` characters, and case-insensitive matching maps one character to
    one, so a match starts at most ``reach - 1`` characters before the first dot after the last
    match.  Trying ``match`` at those positions, left to right, finds the matches ``finditer``
    finds (the pattern's look-behind still sees the text before the position).
    """

    def __init__(self, pattern, reach: int):
        self.pattern = pattern
        self.reach = reach

    def finditer(self, text: str):
        match, reach = self.pattern.match, self.reach
        position = 0
        while (dot := text.find(".", position)) >= 0:
            for start in range(max(position, dot - reach + 1), dot + 1):
                found = match(text, start)
                if found:
                    yield found
                    position = found.end()
                    break
            else:
                position = dot + 1


def _search_abbreviations_near_dots(tokenizer) -> None:
    """Install :class:`_AbbreviationsNearDots`, only if SoMaJo's pattern is the one it was made for
    (rebuilt here from the same list; another SoMaJo version keeps its own search)."""
    from somajo import utils

    listed = utils.read_abbreviation_file(f"abbreviations_{tokenizer.language[:2]}.txt", to_lower=True)
    expected = (r"(?<![\p{L}.])(?:(?:(?:\p{L}\.){2,})|" + "|".join(regex.escape(a) for a in listed)
                + r")+(?!\p{L}{1,3}\.)")
    pattern = tokenizer.abbreviation
    simple_case = not pattern.flags & (regex.FULLCASE | regex.V1)  # one character matches one
    if pattern.pattern != expected or not simple_case or not all("." in a for a in listed):
        return
    reach = max(2, *(a.index(".") + 1 for a in listed))  # (?:\p{L}\.) has its dot second
    tokenizer.abbreviation = _AbbreviationsNearDots(pattern, reach)


class _OnlyWith:
    """A pattern searched only in texts where ``gate`` finds something: each of its matches holds
    a match of ``gate`` (a few plain characters, found many times faster than the pattern's scan)."""

    def __init__(self, pattern, gate):
        self.pattern = pattern
        self.gate = gate
        self.groupindex = pattern.groupindex  # SoMaJo's _split_matches reads it

    def finditer(self, text: str):
        if self.gate.search(text):
            return self.pattern.finditer(text)
        return iter(())


# SoMaJo's patterns (by name, with its pattern text or, for a long one, the text's SHA-256) that
# cost most on news, and the part every match of each holds, searched with the pattern's flags
# (case-insensitive where it is): an ISBN nine digits in a row (the forms without separators) or
# a digit, a separator and a digit (the forms with them: [ -] between digit groups); a three-part
# date a digit, a separator and a digit ([./-] between day and month, each written with [0-9]); an
# ordinal a digit and its dot; the others the literal part between their word classes.
_ISBN_SHA256 = "b9b75246ed34e481"
_GATES = {
    "isbn": (_ISBN_SHA256, r"[0-9]{9}|[0-9][ -][0-9]"),
    "three_part_date_dmy": ((r"(?<![\d.]) (?P<a_day>(?:0?[1-9]|1[0-9]|2[0-9]|3[01])([./-])) "
                             r"(?P<b_month>(?:0?[1-9]|1[0-2])\2) (?P<c_year>(?:\d\d){1,2}) (?!\d)"),
                            r"[0-9][./-][0-9]"),
    "three_part_date_mdy": ((r"(?<![\d.]) (?P<a_month>(?:0?[1-9]|1[0-2])([./-])) "
                             r"(?P<b_day>(?:0?[1-9]|1[0-9]|2[0-9]|3[01])\2) (?P<c_year>(?:\d\d){1,2}) (?!\d)"),
                            r"[0-9][./-][0-9]"),
    "ordinal": (r"(?<![\w.])(?:\d{1,3}|\d{5,}|[3-9]\d{3})\.(?!\d)", r"\d\."),
    "nr_abbreviations": (r"(?<![\w.])(\w+\.-?Nr\.)(?!\p{L}{1,3}\.)", r"Nr\."),
    "email": (r"\b[\w.%+-]+(?:@| \[at\] )[\w.-]+(?:\.| \[?dot\]? )\p{L}{2,}\b", r"@| \[at\] "),
    "url_without_protocol": ((r"\b[\w./-]+\.(?:de|com|tv|me|net|us|org|at|cc|ly|be|ch|info|live|eu|edu|gov|jpg|png"
                              r"|gif|log|txt|xlsx?|docx?|pptx?|pdf)(?:-\w+)?\b"),
                             (r"\.(?:de|com|tv|me|net|us|org|at|cc|ly|be|ch|info|live|eu|edu|gov|jpg|png"
                              r"|gif|log|txt|xlsx?|docx?|pptx?|pdf)")),
    "simple_plus_ampersand_candidates": (r"\b\w+[&+]\w+\b", r"[&+]"),
    "gender_marker": (r"\b\p{L}+[*:/]in(?:nen)?\p{Ll}*\b", r"[*:/]in"),
}


def _search_only_where_matches_can_be(tokenizer) -> None:
    """Wrap the patterns of ``_GATES`` in :class:`_OnlyWith`, each only if SoMaJo's pattern is the
    one its gate was read from (another SoMaJo version keeps its own search)."""
    import hashlib

    for name, (expected, gate) in _GATES.items():
        pattern = getattr(tokenizer, name, None)
        text = getattr(pattern, "pattern", None)
        if not isinstance(text, str):
            continue
        if expected == _ISBN_SHA256:
            text = hashlib.sha256(text.encode()).hexdigest()[:16]
        if text == expected:
            setattr(tokenizer, name, _OnlyWith(pattern, regex.compile(gate, pattern.flags)))


def _search_plus_ampersand_tokens_only_with_either(tokenizer) -> None:
    """SoMaJo's list of tokens like ``C++`` and ``AT&T`` as one pattern, tried at every character of
    every token; only texts with a ``+`` or ``&`` can match it (checked on SoMaJo's list)."""
    from somajo import utils

    listed = [token for token in utils.read_abbreviation_file("tokens_with_plus_or_ampersand.txt")
              if not regex.search(r"^\w+[&+]\w+$", token)]  # SoMaJo's own selection
    expected = r"(?<!\w)(?:" + "|".join(regex.escape(token) for token in listed) + r")(?!\w)"
    pattern = tokenizer.token_with_plus_ampersand
    if pattern.pattern != expected or not all("+" in token or "&" in token for token in listed):
        return
    tokenizer.token_with_plus_ampersand = _OnlyWith(pattern, regex.compile("[+&]"))


@component("segment", assigns=("doc.paragraphs", "doc.headings", "doc.sentences", "doc.tokens"), config=SegmentConfig)
def segment(doc: Document, config: SegmentConfig = SegmentConfig()) -> Document:
    if doc.given_tokens is not None:
        return _segment_given(doc)
    for number, (start, end) in enumerate(_paragraph_bounds(doc.text)):
        doc.paragraphs.append(Paragraph(number, start, end))
        sentences = _tokenize(doc.text[start:end], start)
        if doc.glued_headings and number > 0 and sentences:
            sentences[:1] = _split_glued_heading(sentences[0], config.max_heading_tokens)
        elif _looks_like_heading_line(doc.text[start:end]) and len(sentences) == 1:
            sentences[0] = ("heading", sentences[0][1])
        for kind, tokens in sentences:
            _add_sentence(doc, tokens, number, heading=kind == "heading")
    return doc


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, position = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


_WORD_CHUNK = re.compile(r"\S+")  # the last resort: one token per run of non-space characters
# SoMaJo looks at a token character by character with a fresh regex call each (its emoji split):
# a 200,000-character token takes seconds.  Runs this long are one token, never a word of news.
_LONG_RUN = re.compile(r"\S{1000,}")


def _around_long_runs(paragraph: str, offset: int, runs: list[re.Match]) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """The paragraph tokenised around runs of non-space characters too long for SoMaJo; each run
    is one token at the end of the sentence before it."""
    sentences: list[tuple[str, list[tuple[str, int, int]]]] = []
    position = 0
    for run in runs:
        sentences += _tokenize(paragraph[position:run.start()], offset + position)
        token = (run.group(), offset + run.start(), offset + run.end())
        if sentences:
            sentences[-1][1].append(token)
        else:
            sentences.append(("sentence", [token]))
        position = run.end()
    return sentences + _tokenize(paragraph[position:], offset + position)


def _tokenize(paragraph: str, offset: int) -> list[tuple[str, list[tuple[str, int, int]]]]:
    long_runs = list(_LONG_RUN.finditer(paragraph))
    if long_runs:
        return _around_long_runs(paragraph, offset, long_runs)
    sentences = _tokenize_by_search(paragraph, offset)
    if sentences is not None:
        return sentences
    sentences = []
    try:
        for sentence in _tokenizer(character_offsets=True).tokenize_text([paragraph]):
            tokens = [(t.text, t.character_offset[0] + offset, t.character_offset[1] + offset) for t in sentence]
            if tokens:
                sentences.append(("sentence", tokens))
    except AssertionError:  # SoMaJo cannot align some combining sequences (Tibetan vowel signs) after NFC
        words = [(m.group(), m.start() + offset, m.end() + offset) for m in _WORD_CHUNK.finditer(paragraph)]
        return [("sentence", words)] if words else []
    return sentences


def _tokenize_by_search(paragraph: str, offset: int) -> list[tuple[str, list[tuple[str, int, int]]]] | None:
    """Tokens with offsets found by searching each token in the text, or None when a token is not
    there verbatim (SoMaJo normalised it) or something other than space lies between tokens.

    SoMaJo's own offset alignment costs as much as a third of its time; almost every
    token of news text is a plain substring, so a search finds the same offsets.
    """
    sentences, position = [], 0
    for sentence in _tokenizer().tokenize_text([paragraph]):
        tokens = []
        for token in sentence:
            start = paragraph.find(token.text, position)
            if start < 0 or (start > position and not paragraph[position:start].isspace()):
                return None
            position = start + len(token.text)
            tokens.append((token.text, start + offset, position + offset))
        if tokens:
            sentences.append(("sentence", tokens))
    return sentences


def _looks_like_heading_line(paragraph: str) -> bool:
    """A short single line without sentence-final punctuation (plain-text subheadings)."""
    line = paragraph.strip()
    return "\n" not in line and len(line) <= 100 and line[-1] not in SENTENCE_END_CHARACTERS and len(line.split()) <= 12


def _split_glued_heading(sentence, max_tokens: int):
    """Split ``Kreml-Sprecher: "Gefahr für uns" Moskau lehnt …`` into heading and sentence."""
    _, tokens = sentence
    cut = _heading_cut(tokens, max_tokens)
    if cut is None:
        return [sentence]
    return [("heading", tokens[:cut]), ("sentence", tokens[cut:])]


def _heading_cut(tokens: list[tuple[str, int, int]], max_tokens: int) -> int | None:
    words = [t[0] for t in tokens]
    openers = word_list("sentence_openers.txt")
    tags = None
    for i in range(1, min(len(words) - 1, max_tokens + 1)):
        word, previous = words[i], words[i - 1]
        if not word[:1].isupper() or (not previous[:1].isalnum() and previous not in CLOSING_QUOTES):
            continue
        if previous in CLOSING_QUOTES and ":" in words[:i] and _count_quotes(words[:i]) >= 2:
            return i
        if previous[:1].isalnum() and word in openers:
            return i
        if previous[:1].islower():
            tags = tags or _tags(words)
            if tags[i - 1] in CLAUSE_FINAL:
                return i
            # a second finite verb with no comma between: the first clause has ended
            if tags[i - 1] in FINITE and any(t in FINITE for t in tags[: i - 1]) \
                    and "," not in words[:i]:
                return i
    return None


def _count_quotes(words: list[str]) -> int:
    return sum(1 for w in words if w in CLOSING_QUOTES or w in ALWAYS_OPENING)


def _tags(words: list[str]) -> list[str]:
    from .morphology import tag_words

    return [tag for tag, _lemma in tag_words(words)]


def _add_sentence(doc: Document, tokens: list[tuple[str, int, int]], paragraph: int, heading: bool) -> None:
    index = len(doc.sentences)
    first = len(doc.tokens)
    for position, (text, start, end) in enumerate(tokens):
        following = tokens[position + 1][1] if position + 1 < len(tokens) else None
        doc.tokens.append(Token(text, start, end, len(doc.tokens), index,
                                space_after=following is None or following > end))
    start, end = tokens[0][1], tokens[-1][2]
    doc.sentences.append(Sentence(index, start, end, first, len(doc.tokens), paragraph, is_heading=heading))
    if heading:
        doc.headings.append(Span(start, end, doc.text[start:end]))


def _segment_given(doc: Document) -> Document:
    """Pre-tokenised input: ``doc.text`` is the tokens joined by spaces, sentences by newlines."""
    position = 0
    doc.paragraphs.append(Paragraph(0, 0, len(doc.text)))
    for words in doc.given_tokens or []:
        tokens = []
        for word in words:
            start = doc.text.index(word, position) if word else position
            tokens.append((word, start, start + len(word)))
            position = start + len(word)
        if tokens:
            _add_sentence(doc, tokens, 0, heading=False)
        else:  # keep sentence numbering aligned with the input even for empty sentences
            doc.sentences.append(Sentence(len(doc.sentences), position, position, len(doc.tokens), len(doc.tokens), 0))
    return doc
