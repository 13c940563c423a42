"""Part of speech, lemma and verb mood for every token.

HanTa (Hanover Tagger) gives STTS tags and lemmas.  It has no mood feature, so the
mood of finite verbs comes from a rule over the verb form, its lemma and the clause
around it: Konjunktiv I marks reported speech (``er habe``), Konjunktiv II and the
indicative mark the journalist's own voice or hypotheticals (``er hätte``, ``er hat``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import hanta_search
from .lexicon import entries, word_list
from .model import Document, Token

FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
MOODS = ("ind", "subj1", "subj2", "amb")

# HanTa tags that are not plain STTS.
_TAG_FIXES = {"NNA": "NN", "NNI": "NN", "UNKNOWN": "XY"}
# Tags whose lemma is the word itself.
_LEMMA_IS_FORM = ("NE", "FM", "XY", "CARD")
# Word caches are dropped when they grow past this, so a long-running process stays bounded.
_CACHE_LIMIT = 300_000


# --- HanTa -------------------------------------------------------------------------------


def _stts(hanta_tag: str) -> str:
    """``VV(FIN)`` -> ``VVFIN``, ``ADJ(A)`` -> ``ADJA``."""
    tag = hanta_tag.replace("(", "").replace(")", "")
    return _TAG_FIXES.get(tag, tag)


def _split_compound(word: str) -> tuple[str, str]:
    """``Ukraine-Verbündeten`` -> (``Ukraine-``, ``Verbündeten``): the head decides tag and inflection.

    HanTa's word analysis grows with the square of the word length; analysing the
    head alone is faster and tags hyphenated compounds at least as well.
    """
    modifier, hyphen, head = word.rpartition("-")
    if not hyphen or not modifier or len(head) < 2 or not head.isalpha():
        return "", word
    return modifier + hyphen, head


@cache
def _tagger():
    """The HanTa tagger, loaded once per process, with per-word caches added.

    HanTa spends most of its time analysing single words (the probability of each tag
    for a word form, and the morphological analysis behind a lemma).  Both depend on
    the word form alone, so a text's repeated words are analysed once.
    """
    from HanTa.HanoverTagger import HanoverTagger

    class CachingTagger(HanoverTagger):
        def __init__(self, filename: str):
            super().__init__(filename)
            self.word_tag_cache: dict = {}
            self.lemma_cache: dict[tuple[str, int], str] = {}
            self.tag_names = {number: _stts(name) for number, name in self.int2tag.items() if isinstance(name, str)}
            self.lemma_is_form = frozenset(self.tag2int[name] for name in _LEMMA_IS_FORM if name in self.tag2int)

        def _tag_word(self, word, cutoff=5, casesensitive=True, conditional=False):
            key = (word, cutoff, casesensitive, conditional)
            found = self.word_tag_cache.get(key)
            if found is None:
                if len(self.word_tag_cache) > _CACHE_LIMIT:
                    self.word_tag_cache.clear()
                found = super()._tag_word(self.analysed_part(word)[1], cutoff, casesensitive, conditional)
                self.word_tag_cache[key] = found
            return found

        def lemma(self, word: str, tag: int) -> str:
            if tag in self.lemma_is_form or (word.isupper() and len(word) > 1):
                return word  # names, numbers, acronyms: HanTa would only mangle them (Spö, Guu)
            key = (word.lower(), tag)
            found = self.lemma_cache.get(key)
            if found is None:
                if len(self.lemma_cache) > _CACHE_LIMIT:
                    self.lemma_cache.clear()
                modifier, head = self.analysed_part(word)
                found = modifier + self._analyze(head, tag, taglevel=1)[0]
                self.lemma_cache[key] = found
            return found

        def analyze_forward(self, word: str) -> list[tuple[int, float]]:
            """HanTa's morpheme-level search for the tags of an unknown word, same result, faster."""
            return hanta_search.word_tag_scores(self, word)

        def tag_sent_viterbi(self, sent, casesensitive=True):
            """HanTa's sentence-level Viterbi over tags, same result, faster."""
            return hanta_search.sentence_tags(self, sent, casesensitive)

        def analyze_viterbi(self, word: str, targetpos: int) -> list[tuple[int, int]]:
            """HanTa's segmentation of a word for its lemma, same result, faster."""
            return hanta_search.best_segmentation(self, word, targetpos)

        def analysed_part(self, word: str) -> tuple[str, str]:
            """Split off the modifier of an unknown hyphenated compound; known words stay whole."""
            if word.lower() in self.cache:  # HanTa's own table of known words (E-Mail, U-Bahn)
                return "", word
            return _split_compound(word)

        def tag_words(self, words: Sequence[str]) -> list[tuple[str, str]]:
            """(STTS tag, lemma) for each word of one sentence."""
            if not words:
                return []
            tags = self.tag_sent_viterbi(words)
            return [(self.tag_names[tag], self.lemma(word, tag)) for word, tag in zip(words, tags)]

    return CachingTagger("morphmodel_ger.pgz")


def tag_words(words: Sequence[str]) -> list[tuple[str, str]]:
    """STTS tag and lemma for each word of one sentence."""
    return _tagger().tag_words(words)


# --- the stage ---------------------------------------------------------------------------


def tag(doc: Document) -> Document:
    """Fill ``tag``, ``lemma`` and (for finite verbs) ``mood`` of every token."""
    tagger = _tagger()
    for sentence in doc.sentences:
        tokens = doc.sentence_tokens(sentence)
        for token, (stts, lemma) in zip(tokens, tagger.tag_words([t.text for t in tokens])):
            token.tag = stts
            token.lemma = lemma
        for position, token in enumerate(tokens):
            if token.tag in FINITE_TAGS:
                token.mood = verb_mood(tokens, position)
    return doc


# --- mood --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Subj2Stem:
    stem: str
    lemma: str
    plural_is_preterite: bool


_SUBJ_ENDINGS = ("e", "est", "en", "et")
_WEAK_PRETERITE_ENDINGS = ("te", "test", "ten", "tet", "ete", "etest", "eten", "etet")
_CLAUSE_BOUNDARIES = frozenset(',;:()[]"„“”«»‹›‚‘’–—-')
_FIRST_PERSON_SINGULAR = "ich"


@cache
def _subj2_stems() -> dict[str, tuple[_Subj2Stem, ...]]:
    """Konjunktiv II stems from ``mood_subj2_stems.txt``, grouped by their last letter."""
    grouped: dict[str, list[_Subj2Stem]] = {}
    for line in entries("mood_subj2_stems.txt"):
        stem, lemma, kind = line.split()
        grouped.setdefault(stem[-1], []).append(_Subj2Stem(stem, lemma, kind == "pret"))
    return {letter: tuple(stems) for letter, stems in grouped.items()}


def _konjunktiv2(form: str, lemma: str) -> str | None:
    """"subj2" or "amb" when ``form`` is a listed Konjunktiv II form of ``lemma``'s verb."""
    for ending in _SUBJ_ENDINGS:
        if not form.endswith(ending):
            continue
        body = form[: -len(ending)]
        for entry in _subj2_stems().get(body[-1:], ()):
            if not body.endswith(entry.stem):
                continue
            prefix = body[: -len(entry.stem)]
            # The lemma guards against look-alikes: "führe" is Konjunktiv II of fahren
            # but the present tense of führen.
            lemma_unknown = lemma == form and not lemma.endswith("n")  # HanTa echoes unknown words
            if lemma != prefix + entry.lemma and not (lemma_unknown and not prefix):
                continue
            if entry.plural_is_preterite and ending == "en":
                return "amb"
            return "subj2"
    return None


def _present_stems(lemma: str) -> tuple[str, ...]:
    """The stems a present or Konjunktiv I form is built on: sehen -> seh, handeln -> handel/handl."""
    if lemma.endswith(("eln", "ern")):
        return (lemma[:-1], lemma[:-3] + lemma[-2])
    if lemma.endswith("en"):
        return (lemma[:-2],)
    if lemma.endswith("n"):
        return (lemma[:-1],)  # tun -> tu
    return ()


def _needs_linking_e(stem: str) -> bool:
    """Whether the indicative inserts -e- before -st/-t: arbeit-e-t, öffn-e-t, atm-e-t."""
    if stem.endswith(("d", "t")):
        return True
    return len(stem) >= 2 and stem[-1] in "mn" and stem[-2] not in "aeiouäöülrhmn"


def form_mood(form: str, lemma: str) -> str:
    """The mood a finite verb form expresses by itself.

    Returns "subj1", "subj2", "ind", or "amb" when the form is both indicative and
    subjunctive.  The 1st/3rd person singular -e form (``sehe``) comes back as
    "subj1"; whether it is "ich sehe" is for :func:`verb_mood` to decide.
    """
    form = form.lower()
    lemma = lemma.lower()
    if form in word_list("mood_subj1_forms.txt"):
        return "subj1"
    subj2 = _konjunktiv2(form, lemma)
    if subj2:
        return subj2
    for stem in _present_stems(lemma):
        if form == stem + "e":
            return "subj1"
        if form in (stem + "en", stem + "n") and form == lemma:
            return "amb"  # wir/sie sehen: indicative and Konjunktiv I alike
        if form == stem + "est":
            return "ind" if _needs_linking_e(stem) else "subj1"  # du arbeitest / du sehest
        if form == stem + "et":
            return "ind" if _needs_linking_e(stem) else "subj1"  # er arbeitet / ihr sehet
        if any(form == stem + ending for ending in _WEAK_PRETERITE_ENDINGS):
            return "amb"  # sagte, sollte: preterite and Konjunktiv II alike
    return "ind"


def verb_mood(tokens: Sequence[Token], position: int) -> str:
    """Mood of the finite verb ``tokens[position]`` within its sentence."""
    verb = tokens[position]
    mood = form_mood(verb.text, verb.lemma or verb.text)
    if mood == "amb":
        return "subj2" if _is_counterfactual(tokens, position) else mood
    if mood != "subj1":
        return mood
    form = verb.text.lower()
    stem_is_distinct = any(
        form == stem + "e" for stem in word_list("mood_subj1_stems.txt")
    )  # ich könne, ich wisse: never indicative
    lemma = (verb.lemma or verb.text).lower()
    is_e_form = any(form == stem + "e" for stem in _present_stems(lemma))
    if is_e_form and not stem_is_distinct and _has_first_person_subject(tokens, position):
        return "amb"  # ich sehe / ich habe
    return mood


def _clause(tokens: Sequence[Token], position: int) -> tuple[int, int]:
    """Token range [start, end) of the clause around ``position``, cut at punctuation."""
    start = position
    while start > 0 and tokens[start - 1].text not in _CLAUSE_BOUNDARIES:
        start -= 1
    end = position + 1
    while end < len(tokens) and tokens[end].text not in _CLAUSE_BOUNDARIES:
        end += 1
    return start, end


def _has_first_person_subject(tokens: Sequence[Token], position: int) -> bool:
    """Whether an -e verb form is 1st person singular ("ich habe", "Habe ... gekauft")."""
    start, end = _clause(tokens, position)
    words = [token.text.lower() for token in tokens[start:end]]
    if _FIRST_PERSON_SINGULAR in words:
        return True
    offset = position - start
    coordinators = word_list("mood_coordinators.txt")
    if offset == 1 and words[0] in coordinators:
        # "..., habe X und habe Y": the subject is that of the clause before.
        if start >= 2:
            before_start, before_end = _clause(tokens, start - 2)
            before = {token.text.lower() for token in tokens[before_start:before_end]}
            return _FIRST_PERSON_SINGULAR in before
        return False
    if offset == 0 and start == 0:
        # Sentence-initial verb: "Habe er doch ..." has a subject after it;
        # "Habe die Ware erhalten." drops its "ich".
        following = words[1] if len(words) > 1 else ""
        return following not in word_list("mood_subject_pronouns.txt")
    return False


def _is_counterfactual(tokens: Sequence[Token], position: int) -> bool:
    """Whether a preterite-looking form (verdiente, sollte) reads as Konjunktiv II here.

    Only where the construction decides: "als ob er es wüsste / verdiente", a
    conditional clause in a sentence whose other verb is a clear Konjunktiv II ("wenn
    er mehr verdiente, würde er ..."), or the verb that opens the main clause after
    such a conditional ("wenn er Geld hätte, kaufte er ...").
    """
    start, end = _clause(tokens, position)
    words = [token.text.lower() for token in tokens[start:end]]
    offset = position - start
    if any(words[i] == "als" and words[i + 1] in ("ob", "wenn") for i in range(offset - 1)):
        return True
    conditionals = word_list("mood_conditionals.txt")
    if words and words[0] in conditionals:
        return any(
            token.tag in FINITE_TAGS and form_mood(token.text, token.lemma or token.text) == "subj2"
            for token in tokens
        )
    if offset == 0 and start >= 2:
        before_start, before_end = _clause(tokens, start - 2)
        before = tokens[before_start:before_end]
        return bool(before) and before[0].text.lower() in conditionals and any(
            token.tag in FINITE_TAGS and form_mood(token.text, token.lemma or token.text) == "subj2"
            for token in before
        )
    return False
