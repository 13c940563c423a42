"""Part of speech, lemma and verb mood for every token.

HanTa (Hanover Tagger) gives STTS tags and lemmas, with faster equivalents of its searches
(:mod:`.hanta_search`, :mod:`.sentence_search`) and per-word caches.  It has no mood feature: the mood of finite verbs
comes from the Konjunktiv rule in :mod:`wortlaut.de.mood`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from ..components import component
from ..de.mood import verb_mood
from ..de.tags import FINITE, normal
from ..model import Document
from . import hanta_search, sentence_search


@dataclass(frozen=True)
class MorphologyConfig:
    cache_limit: int = field(default=300_000, metadata={
        "help": "words each of HanTa's word caches holds before it is emptied (bounds a long run's memory)"})
    max_word_chars: int = field(default=80, metadata={
        "help": "characters of a word HanTa analyses (its last ones); its search grows with the square of "
                "the length, so a 5,000-character token would take minutes"})
    shipped_analyses: bool = field(default=True, metadata={
        "help": "read the analyses of frequent words of other news from the shipped table "
                "(data/hanta_analyses.tsv.gz: the same results, without HanTa's search)"})


# HanTa tags that are not plain STTS.
_TAG_FIXES = {"NNA": "NN", "NNI": "NN", "UNKNOWN": "XY"}
# Tags whose lemma is the word itself.
_LEMMA_IS_FORM = ("NE", "FM", "XY", "CARD")


# --- HanTa -------------------------------------------------------------------------------


def _stts(hanta_tag: str) -> str:
    """``VV(FIN)`` -> ``VVFIN``, ``ADJ(A)`` -> ``ADJA``."""
    tag = normal(hanta_tag)
    return _TAG_FIXES.get(tag, tag)


def split_compound(word: str) -> tuple[str, str]:
    """``Ukraine-Verbündeten`` -> (``Ukraine-``, ``Verbündeten``): the head decides tag and inflection.

    HanTa's word analysis grows with the square of the word length; analysing the
    head alone is faster and tags hyphenated compounds at least as well.
    """
    modifier, hyphen, head = word.rpartition("-")
    if not hyphen or not modifier or len(head) < 2 or not head.isalpha():
        return "", word
    return modifier + hyphen, head


_NUMBER_LIMIT = 20_000  # words with a digit a word cache takes in before it is emptied


class _WordCache(dict):
    """A per-word cache that counts the words with a digit it took in since it was last emptied."""

    numbers = 0

    def clear(self) -> None:
        super().clear()
        self.numbers = 0


@cache
def _tagger(cache_limit: int, max_word_chars: int = MorphologyConfig.max_word_chars,
            shipped_analyses: bool = MorphologyConfig.shipped_analyses):
    """The HanTa tagger, loaded once per process, with per-word caches added.

    HanTa spends most of its time analysing single words (the probability of each tag
    for a word form, and the morphological analysis behind a lemma).  Both depend on
    the word form alone, so a text's repeated words are analysed once, and those in the
    shipped table (:mod:`.analyses`) not at all.
    """
    from HanTa.HanoverTagger import HanoverTagger

    from .analyses import shipped_analyses as read_shipped

    def keep(cache: _WordCache, key, word: str, value) -> None:
        """Remember ``value``.  Words with a digit are remembered too (years and round numbers
        come again: a tenth of the searches in news), but most numbers never do and would grow the
        caches over a long run (an article number each in the memory benchmark), so a cache that
        took in ``_NUMBER_LIMIT`` of them since it was last emptied is emptied."""
        if len(cache) > cache_limit:
            cache.clear()
        if any(character.isdigit() for character in word):
            if cache.numbers >= _NUMBER_LIMIT:
                cache.clear()
            cache.numbers += 1
        cache[key] = value

    class CachingTagger(HanoverTagger):
        def __init__(self, filename: str):
            super().__init__(filename)
            self.word_tag_cache = _WordCache()
            self.lemma_cache = _WordCache()  # (word, tag) -> lemma
            self.forward_cache = _WordCache()  # word -> [(tag, score)]
            self.tag_names = {number: _stts(name) for number, name in self.int2tag.items() if isinstance(name, str)}
            self.lemma_is_form = frozenset(self.tag2int[name] for name in _LEMMA_IS_FORM if name in self.tag2int)
            self.shipped = read_shipped() if shipped_analyses else None

        def _tag_word(self, word, cutoff=5, casesensitive=True, conditional=False):
            key = (word, cutoff, casesensitive, conditional)
            found = self.word_tag_cache.get(key)
            if found is None:
                found = super()._tag_word(self.analysed_part(word)[1], cutoff, casesensitive, conditional)
                keep(self.word_tag_cache, key, word, found)
            return found

        def lemma(self, word: str, tag: int) -> str:
            if tag in self.lemma_is_form or (word.isupper() and len(word) > 1):
                return word  # names, numbers, acronyms: HanTa would only mangle them (Spö, Guu)
            key = (word.lower(), tag)
            found = self.lemma_cache.get(key)
            if found is None:
                modifier, head = self.analysed_part(word)
                found = modifier + self.head_lemma(head, tag)
                keep(self.lemma_cache, key, word, found)
            return found

        def head_lemma(self, head: str, tag: int) -> str:
            """HanTa's lemma of ``head`` under ``tag`` (it reads the word lower-cased)."""
            if self.shipped is not None:
                found = self.shipped.lemma(head.lower(), tag)
                if found is not None:
                    return found
            return self._analyze(head, tag, taglevel=1)[0]

        def analyze_forward(self, word: str) -> list[tuple[int, float]]:
            """HanTa's morpheme-level search for the tags of an unknown word, same result, faster.

            Cached by the lowercased form HanTa passes in: ``Wegen`` at a sentence start and
            ``wegen`` within one miss ``word_tag_cache`` apart but share this search."""
            found = self.forward_cache.get(word)
            if found is None:
                found = self.shipped.forward(word) if self.shipped is not None else None
                if found is None:
                    found = hanta_search.word_tag_scores(self, word)
                keep(self.forward_cache, word, word, found)
            return found

        def tag_sent_viterbi(self, sent, casesensitive=True):
            """HanTa's sentence-level Viterbi over tags, same result, faster."""
            return sentence_search.sentence_tags(self, sent, casesensitive)

        def analyze_viterbi(self, word: str, targetpos: int) -> list[tuple[int, int]]:
            """HanTa's segmentation of a word for its lemma, same result, faster."""
            return hanta_search.best_segmentation(self, word, targetpos)

        def analysed_part(self, word: str) -> tuple[str, str]:
            """Split off the modifier of an unknown hyphenated compound; known words stay whole; of
            a very long word only the last ``max_word_chars`` characters are analysed (German puts
            what decides tag and inflection at the end)."""
            if word.lower() in self.cache:  # HanTa's own table of known words (E-Mail, U-Bahn)
                return "", word
            modifier, head = split_compound(word)
            if len(head) > max_word_chars:
                modifier, head = modifier + head[:-max_word_chars], head[-max_word_chars:]
            return modifier, head

        def tag_words(self, words: Sequence[str]) -> list[tuple[str, str]]:
            """(STTS tag, lemma) for each word of one sentence."""
            if not words:
                return []
            tags = self.tag_sent_viterbi(words)
            return [(self.tag_names[tag], self.lemma(word, tag)) for word, tag in zip(words, tags)]

    tagger = CachingTagger("morphmodel_ger.pgz")
    # An unknown word runs every compiled search once, so that numba compiles them (the first time
    # after installing: seconds) or loads them from its cache now, while loading, not in the first text.
    tagger.tag_words(["Xqztbrmflöng"])
    return tagger


def hanta_tagger(config: MorphologyConfig = MorphologyConfig()):
    """The HanTa tagger with wortlaut's caches and faster searches (loaded once per process)."""
    return _tagger(config.cache_limit, config.max_word_chars, config.shipped_analyses)


def tag_words(words: Sequence[str]) -> list[tuple[str, str]]:
    """STTS tag and lemma for each word of one sentence."""
    return hanta_tagger().tag_words(words)  # the same instance as the stage's with default settings


# --- the stage ---------------------------------------------------------------------------


@component("morphology", requires=("doc.tokens",), assigns=("token.tag", "token.lemma", "token.mood"),
           config=MorphologyConfig)
def tag(doc: Document, config: MorphologyConfig = MorphologyConfig()) -> Document:
    """Fill ``tag``, ``lemma`` and (for finite verbs) ``mood`` of every token."""
    tagger = _tagger(config.cache_limit, config.max_word_chars, config.shipped_analyses)
    for sentence in doc.sentences:
        tokens = doc.sentence_tokens(sentence)
        for token, (stts, lemma) in zip(tokens, tagger.tag_words([t.text for t in tokens])):
            token.tag = stts
            token.lemma = lemma
        for position, token in enumerate(tokens):
            if token.tag in FINITE:
                token.mood = verb_mood(tokens, position)
    return doc
