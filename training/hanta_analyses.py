"""Build ``data/hanta_analyses.tsv.gz``: HanTa's analyses of the frequent words of news and
speech corpora other than the throughput benchmark's, so the morphology stage reads them instead
of searching (see :mod:`wortlaut.morphology.analyses`).

    python -m training.hanta_analyses [--min-count 2]

Text (all from ``../shared/data``; **not** 10kGNAD, on which the benchmark measures): SpkAtt news
(train and test-blind) and parliament speeches, GermEval 2014, SmartData (train and test),
Redewiedergabe and the UD German treebanks.  Every sentence is tagged by the morphology stage's
own tagger (no shipped table, no cache bound); the table keeps

- the tag scores of each unknown word (lower-cased, the part HanTa analyses) seen ``--min-count``
  times or more, and
- the lemma of each (word head, tag) pair the tagger chose ``--min-count`` times or more,

each computed by the tagger itself.  Words with digits or white space are left out (numbers
seldom repeat).  The file names the HanTa version and model it was built with; rebuild it when
either changes (the morphology stage ignores a table built for another).  Licences: the table
holds words of these corpora (CC BY 4.0, CC BY-SA 3.0/4.0 and, for SpkAtt news and
Redewiedergabe, CC BY-NC-SA 4.0), like the NER word clusters.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Iterator

from wortlaut.evaluate.mood import read_conllu
from wortlaut.formats.germeval import read_germeval
from wortlaut.morphology import _tagger
from wortlaut.morphology.analyses import FILE_NAME, model_fingerprint, write

from .common import DATA, SHARED_DATA
from .entities.data import GERMEVAL, _redewiedergabe_sentences, _spkatt_sentences, smartdata_documents, tokenize

UD_FILES = ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_pud-ud-test.conllu")


def sentences() -> Iterator[list[str]]:
    """Tokenised sentences of every source (SmartData's texts whole, tokenised by a regex)."""
    yield from _spkatt_sentences(("spkatt-news", "spkatt-parl"))
    yield from (sentence.words for sentence in read_germeval(GERMEVAL))
    for part in ("train", "test"):
        for document in smartdata_documents(part):
            yield tokenize(document["text"]["string"])
    yield from _redewiedergabe_sentences()
    for name in UD_FILES:
        yield from (sentence.forms for sentence in read_conllu(SHARED_DATA / "ud-german" / name))


def _storable(word: str) -> bool:
    return bool(word) and not any(c.isdigit() or c.isspace() for c in word)


def build(min_count: int) -> tuple[dict, dict, int]:
    """(tag scores per word, lemma per (head, tag), tokens read), as the stage computes them."""
    tagger = _tagger(10**12, shipped_analyses=False)  # nothing shipped, nothing evicted
    forward_counts: Counter[str] = Counter()
    lemma_counts: Counter[tuple[str, int]] = Counter()
    tokens = 0
    for words in sentences():
        words = [w for w in words if w]
        if not words:
            continue
        tokens += len(words)
        for word, tag in zip(words, tagger.tag_sent_viterbi(words)):
            head = tagger.analysed_part(word)[1]
            key = tagger.normalize(head)
            if key not in tagger.cache and _storable(key):  # HanTa's own table has the known words
                forward_counts[key] += 1
            if not (tag in tagger.lemma_is_form or (word.isupper() and len(word) > 1)) and _storable(head):
                lemma_counts[(head.lower(), tag)] += 1
    forward = {word: tagger.analyze_forward(word) for word, n in forward_counts.items() if n >= min_count}
    lemmas = {(head, tag): tagger.head_lemma(head, tag) for (head, tag), n in lemma_counts.items() if n >= min_count}
    return forward, lemmas, tokens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-count", type=int, default=2, help="occurrences a word needs to be stored (default 2)")
    args = parser.parse_args(argv)
    started = time.process_time()
    forward, lemmas, tokens = build(args.min_count)
    path = DATA / FILE_NAME
    write(path, model_fingerprint(), forward, lemmas)
    print(f"{tokens} tokens read; {len(forward)} unknown words' tag scores and {len(lemmas)} lemmas "
          f"(min count {args.min_count}) -> {path} ({path.stat().st_size / 2**20:.2f} MB), "
          f"{time.process_time() - started:.0f} CPU s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
