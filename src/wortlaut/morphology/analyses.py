"""A shipped table of HanTa analyses: what the morphology stage would compute for words of other
news, read instead of computed.

HanTa's searches over an unknown word's characters (its tag scores, and the segmentation behind
a lemma) are most of the morphology stage's time, and each depends on the word alone.  The
per-process caches only help from a word's second occurrence on; this table holds the results
for the frequent words of news corpora other than the benchmark's (built by
``python -m training.hanta_analyses``, see its docstring), so a fresh process starts with them.

Each entry is exactly what :mod:`wortlaut.morphology` computes (``tests/test_morphology.py``
recomputes a sample).  The table names the HanTa version and model file it was built with; with
any other, it is not used, and words are analysed as without it.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from dataclasses import dataclass
from functools import cache
from importlib import metadata

from ..resources import data_path

FILE_NAME = "hanta_analyses.tsv.gz"
HEADER = "#wortlaut HanTa analyses"
FORWARD, LEMMA = "F", "L"


@dataclass(frozen=True)
class Analyses:
    """Tag scores of unknown words (HanTa's ``analyze_forward``) and lemmas of word heads per tag
    (HanTa's ``_analyze(head, tag)[0]``), kept as encoded text and decoded when asked for."""

    forward_entries: dict[str, str]  # lower-cased word -> "tag score tag score ..."
    lemma_entries: dict[str, str]  # "word\ttag" -> lemma

    def forward(self, word: str) -> list[tuple[int, float]] | None:
        encoded = self.forward_entries.get(word)
        return None if encoded is None else decode_scores(encoded)

    def lemma(self, word: str, tag: int) -> str | None:
        return self.lemma_entries.get(f"{word}\t{tag}")


def encode_scores(scores: list[tuple[int, float]]) -> str:
    """``[(12, -3.5), (40, -7.25)]`` -> ``"12 -3.5 40 -7.25"``: repr round-trips every float
    exactly, and an int score (HanTa's ``(UNKNOWN, 0)``) stays an int."""
    return " ".join(f"{tag} {score!r}" for tag, score in scores)


def decode_scores(encoded: str) -> list[tuple[int, float]]:
    parts = encoded.split(" ")
    return [(int(parts[k]), int(parts[k + 1]) if parts[k + 1].lstrip("-").isdigit() else float(parts[k + 1]))
            for k in range(0, len(parts), 2)]


def model_fingerprint(filename: str = "morphmodel_ger.pgz") -> str:
    """The HanTa version and a digest of the model file HanTa loads for ``filename`` (it looks in
    the working directory first, then beside its module)."""
    from HanTa import HanoverTagger

    path = filename if os.path.exists(filename) else os.path.join(os.path.dirname(HanoverTagger.__file__), filename)
    with open(path, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()[:16]
    return f"HanTa {metadata.version('HanTa')} {os.path.basename(path)} {digest}"


def write(path, fingerprint: str, forward: dict[str, list[tuple[int, float]]],
          lemmas: dict[tuple[str, int], str]) -> None:
    """Store the table (gzip, tab-separated, sorted; ``mtime=0`` keeps rebuilds byte-equal)."""
    lines = [f"{HEADER}\t{fingerprint}"]
    lines += [f"{FORWARD}\t{word}\t{encode_scores(scores)}" for word, scores in sorted(forward.items())]
    lines += [f"{LEMMA}\t{word}\t{tag}\t{lemma}" for (word, tag), lemma in sorted(lemmas.items())]
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))


def read(path, fingerprint: str) -> Analyses | None:
    """The table at ``path``, or None when it is missing or was built for another HanTa or model."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        return None
    lines = text.splitlines()
    if not lines or lines[0] != f"{HEADER}\t{fingerprint}":
        return None
    forward, lemmas = {}, {}
    for line in lines[1:]:
        kind, rest = line.split("\t", 1)
        if kind == FORWARD:
            word, encoded = rest.split("\t")
            forward[word] = encoded
        elif kind == LEMMA:
            word, tag, lemma = rest.split("\t")
            lemmas[f"{word}\t{tag}"] = lemma
    return Analyses(forward, lemmas)


@cache
def shipped_analyses() -> Analyses | None:
    """The shipped table (read once per process), or None when it does not fit this HanTa."""
    return read(data_path(FILE_NAME), model_fingerprint())
