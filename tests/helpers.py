"""What many tests share: the shared data's place, analysing a sentence, reading tokens back.

Importable from every test module (``pythonpath = ["tests"]`` in pyproject.toml).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

import wortlaut
from wortlaut.attribution import load_attributor
from wortlaut.model import Document, Entity, Role, Sentence, Speaker, Statement, Token
from wortlaut.morphology import tag as tag_morphology
from wortlaut.pipeline import Options, run
from wortlaut.places import find_places

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"  # absent on a fresh machine: the tests that need it skip
DATA = SHARED / "data"
SEED = SHARED / "examples" / "seed-2025-09-05.txt"
SPKATT = DATA / "spkatt-news" / "train"
EXAMPLE = REPO / "examples" / "beispiel-2025-03-14.txt"
DATE = "2025-09-05"
# the rule stages up to the statements: what the learned attribution stage reads
RULE_STAGES = ("segment", "morphology", "quotes", "times", "places", "entities", "statements")


def needs(path: Path) -> pytest.MarkDecorator:
    """Skip unless ``path`` exists (the shared data is not on a fresh machine)."""
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not found")


needs_models = pytest.mark.skipif(load_attributor() is None, reason="attribution models not built")


def analyze(text: str, **options) -> Document:
    """The whole pipeline on ``text``, dated 2025-09-05."""
    return wortlaut.analyze(text, date=DATE, options=Options(**options))


def rules_only(text: str) -> Document:
    """``text`` through the rule stages up to ``statements`` (no learned attribution, no resolution)."""
    return analyze(text, pipeline=RULE_STAGES)


def pretokenised(sentences: list[list[str]], pipeline: tuple[str, ...] = RULE_STAGES) -> Document:
    """Sentences of given tokens (as SpkAtt has them) through ``pipeline``."""
    return run(Document.from_tokens(sentences, date=dt.date.fromisoformat(DATE)), Options(pipeline=pipeline))


def tagged(sentence: str) -> list[Token]:
    """The tokens of ``sentence`` (words separated by spaces) with STTS tags, lemmas and moods."""
    return pretokenised([sentence.split()], ("segment", "morphology")).tokens


def read_cases(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated case table; ``#`` lines are comments, the first other line names the columns."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def words(doc: Document, indices: Iterable[int]) -> list[str]:
    return [doc.tokens[i].text for i in indices]


def index_of(doc: Document, word: str) -> int:
    return next(i for i, t in enumerate(doc.tokens) if t.text == word)


def indices_of(doc: Document, phrase: list[str]) -> list[int]:
    """The token indices of the first occurrence of ``phrase``."""
    start = next(i for i in range(len(doc.tokens)) if words(doc, range(i, i + len(phrase))) == phrase)
    return list(range(start, start + len(phrase)))


def statement_with(doc: Document, cue: list[int], content: list[int], form: str = "indirect", *,
                   source: list[int] = (), **fields) -> Statement:
    """A statement placed by hand: its cue, content and source tokens."""
    return Statement(id="", form=form, content=Role.of(doc, content), sentence=doc.tokens[(cue or content)[0]].sentence,
                     cue=Role.of(doc, cue) if cue else Role(), source=Role(list(source)), **fields)


# -- documents built by hand, without the segmenter -------------------------------------------
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def build(text: str, *, tag: bool = True, places: bool = True) -> Document:
    """A Document with regex tokens and sentences ending at ``.!?``; STTS tags and places from the
    real stages unless ``tag``/``places`` is off (the entity rules also work untagged)."""
    doc = Document(text=text)
    first = 0
    for match in _TOKEN.finditer(text):
        doc.tokens.append(Token(match.group(), match.start(), match.end(), len(doc.tokens), len(doc.sentences)))
        if match.group() in {".", "!", "?"}:
            _close_sentence(doc, first)
            first = len(doc.tokens)
    if first < len(doc.tokens):
        _close_sentence(doc, first)
    if tag:
        tag_morphology(doc)
    if places:
        find_places(doc)
    return doc


def _close_sentence(doc: Document, first: int) -> None:
    tokens = doc.tokens[first:]
    doc.sentences.append(Sentence(len(doc.sentences), tokens[0].start, tokens[-1].end, first, len(doc.tokens), 0))


def say(doc: Document, speaker: str, *, nth: int = 0) -> Statement:
    """Add a statement (its sentence) whose speaker mention is the ``nth`` occurrence of ``speaker``."""
    start, end = list(re.finditer(rf"(?<!\w){re.escape(speaker)}(?!\w)", doc.text))[nth].span()
    tokens = [t.index for t in doc.tokens if t.start < end and start < t.end]
    sentence = doc.sentences[doc.tokens[tokens[0]].sentence]
    statement = Statement(
        id=f"S{len(doc.statements) + 1}",
        form="indirect",
        content=Role(list(range(sentence.token_start, sentence.token_end)), doc.span(sentence.start, sentence.end)),
        sentence=sentence.index,
        source=Role(tokens, Speaker(start, end, doc.text[start:end])),
    )
    doc.statements.append(statement)
    return statement


def named(doc: Document, name: str) -> Entity:
    found = [e for e in doc.entities if e.name == name]
    assert found, f"no entity {name!r} in {[(e.name, e.type) for e in doc.entities]}"
    return found[0]
