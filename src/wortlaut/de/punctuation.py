"""Punctuation: German quotation marks in every style, and the marks that end clauses and sentences."""

from __future__ import annotations

# opening quotation mark -> the marks that can close it: „…“ „…” »…« «…» "…" ‚…‘ ›…‹ “…” '…',
# and LaTeX/PTB-style marks as tokenised corpora (SpkAtt) write them
QUOTE_CLOSERS: dict[str, frozenset[str]] = {
    "„": frozenset("“”\""),
    "“": frozenset("”\""),
    "\"": frozenset("\"“”"),
    "»": frozenset("«"),
    "«": frozenset("»"),
    "‚": frozenset("‘’'"),
    "‘": frozenset("’"),
    "›": frozenset("‹"),
    "‹": frozenset("›"),
    "'": frozenset("'’"),
    "``": frozenset({"''"}),
    "''": frozenset({"''"}),
}
QUOTE_MARKS = frozenset(QUOTE_CLOSERS) | frozenset("”’")
ALWAYS_OPENING = frozenset("„‚")  # the low marks never close a quotation
CLOSING_QUOTES = frozenset({'"', "“", "”", "«", "»", "‘", "’", "'"})

CLAUSE_PUNCTUATION = frozenset({",", ";", ":", "–", "—", "-"})
CLAUSE_MARKS = CLAUSE_PUNCTUATION | {"(", ")"}  # brackets too: a parenthesis is a clause of its own
SENTENCE_STOPS = frozenset({".", "!", "?"})
# what a message may end in that SpkAtt counts and the user is not shown ("die Lage sei ernst .")
MESSAGE_END = frozenset({",", ".", ":", ";", "–", "-", "!", "?"})
MESSAGE_START = frozenset({",", ":", ";", "–", "-"})
# characters that bound the clause around a verb when its mood is read (de.mood)
MOOD_CLAUSE_BOUNDARIES = frozenset(',;:()[]"„“”«»‹›‚‘’–—-')
# a line ending in one of these is a sentence, not a subheading
SENTENCE_END_CHARACTERS = ".!?:…\"“”«»'"


def is_quote_mark(text: str) -> bool:
    return text in QUOTE_MARKS
