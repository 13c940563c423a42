"""GermEval-2014 NER TSV: one token per line (number, token, outer tag, inner tag), ``#`` comment
lines, a blank line between sentences."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


class GermEvalFormatError(ValueError):
    """A GermEval TSV line that cannot be read; the message names the file and line."""


@dataclass(slots=True)
class GermEvalRow:
    number: str  # column 1, the token's position as written
    token: str  # column 2
    outer: str = "O"  # column 3
    inner: str = "O"  # column 4
    line: int = 0  # line number in the file (1-based), for messages


@dataclass(slots=True)
class GermEvalSentence:
    rows: list[GermEvalRow] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # the ``#`` lines before the tokens, as read

    @property
    def words(self) -> list[str]:
        return [row.token for row in self.rows]


def read_germeval(path: str | Path) -> list[GermEvalSentence]:
    """Sentences of a GermEval-2014 TSV file: ``#`` lines are comments, the token is in
    column 2, a blank line ends a sentence.  Columns 3 and 4 are read when present."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise GermEvalFormatError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    return parse_germeval(text, source=str(path))


def parse_germeval(text: str, *, source: str = "<text>") -> list[GermEvalSentence]:
    sentences: list[GermEvalSentence] = []
    current = GermEvalSentence()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            if current.rows or current.comments:
                sentences.append(current)
                current = GermEvalSentence()
            continue
        if line.startswith("#"):
            if current.rows:  # a comment after tokens without a blank line: a new sentence
                sentences.append(current)
                current = GermEvalSentence()
            current.comments.append(line)
            continue
        columns = line.split("\t") if "\t" in line else line.split()
        if len(columns) < 2 or not columns[1].strip():
            raise GermEvalFormatError(
                f"{source}, line {number}: expected tab-separated columns 'number<TAB>token[<TAB>outer<TAB>inner]', "
                f"got {line[:60]!r}")
        row = GermEvalRow(columns[0].strip(), columns[1].strip(), line=number)
        if len(columns) > 2 and columns[2].strip():
            row.outer = columns[2].strip()
        if len(columns) > 3 and columns[3].strip():
            row.inner = columns[3].strip()
        current.rows.append(row)
    if current.rows or current.comments:
        sentences.append(current)
    return sentences


def write_germeval(sentences: Iterable[GermEvalSentence], out: TextIO,
                   predictions: Iterable[Sequence[str]] | None = None) -> None:
    """Write sentences in GermEval layout: number, token, outer tag, ``O``.  The outer tag is
    taken from ``predictions`` (one tag list per sentence) when given, else from the rows.
    Comment lines are kept; every sentence ends with a blank line."""
    tag_lists = iter(predictions) if predictions is not None else None
    for sentence in sentences:
        tags = list(next(tag_lists)) if tag_lists is not None else [row.outer for row in sentence.rows]
        if len(tags) != len(sentence.rows):
            raise ValueError(f"{len(tags)} tags for a sentence of {len(sentence.rows)} tokens")
        out.writelines(comment + "\n" for comment in sentence.comments)
        out.writelines(f"{row.number}\t{row.token}\t{tag}\tO\n" for row, tag in zip(sentence.rows, tags))
        out.write("\n")
