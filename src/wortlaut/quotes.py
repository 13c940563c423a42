"""Quotations: text between matching quotation marks, in every German quoting style.

„…“ „…” »…« «…» "…" ‚…‘ ›…‹ “…” '…' — a quotation may span sentences but not
paragraphs; a mark left unmatched at the paragraph end is reported as a warning
and ignored, so one stray mark does not swallow the rest of the article.
"""

from __future__ import annotations

from .components import component
from .de.punctuation import ALWAYS_OPENING, QUOTE_CLOSERS, is_quote_mark
from .model import Document, Quotation, Token

__all__ = ["find_quotations", "is_quote_mark"]


@component("quotes", requires=("doc.tokens",), assigns=("doc.quotations", "token.in_quote"))
def find_quotations(doc: Document) -> Document:
    by_paragraph: dict[int, list[Token]] = {}
    for sentence in doc.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).extend(doc.sentence_tokens(sentence))
    for tokens in by_paragraph.values():
        _match_marks(doc, tokens)
    doc.quotations.sort(key=lambda q: q.start)
    for quotation in doc.quotations:
        for token in doc.tokens[quotation.token_start:quotation.token_end]:
            token.in_quote = True
    return doc


def _opens(token: Token, next_token: Token | None, doc: Document) -> bool:
    """Can an ambiguous mark (" ' » « “) open here? Opening marks hug the following word."""
    if token.text in ALWAYS_OPENING:
        return True
    if next_token is None or not token.space_after and next_token.text in ",.;:!?)":
        return False
    before = doc.text[token.start - 1] if token.start > 0 else " "
    return before.isspace() or before in "([–—-/" or not token.space_after


def _match_marks(doc: Document, tokens: list[Token]) -> None:
    stack: list[Token] = []
    for position, token in enumerate(tokens):
        mark = token.text
        if not is_quote_mark(mark) or (mark == "'" and _is_apostrophe(token, doc)):
            continue
        # A mark closes the innermost open quotation it matches, if any.
        for depth in range(len(stack) - 1, -1, -1):
            if mark in QUOTE_CLOSERS.get(stack[depth].text, ()):
                opener = stack[depth]
                del stack[depth:]
                if token.index > opener.index + 1:
                    inner_first, inner_last = doc.tokens[opener.index + 1], doc.tokens[token.index - 1]
                    doc.quotations.append(Quotation(inner_first.start, inner_last.end, opener.text, mark,
                                                    opener.index + 1, token.index))
                break
        else:
            if mark in QUOTE_CLOSERS and _opens(token, _next(tokens, position), doc):
                stack.append(token)
    for opener in stack:
        doc.warnings.append(f"unbalanced quotation mark {opener.text!r} at character {opener.start}")


def _next(tokens: list[Token], position: int) -> Token | None:
    return tokens[position + 1] if position + 1 < len(tokens) else None


def _is_apostrophe(token: Token, doc: Document) -> bool:
    before = doc.text[token.start - 1] if token.start > 0 else " "
    after = doc.text[token.end] if token.end < len(doc.text) else " "
    return before.isalnum() and after.isalnum()
