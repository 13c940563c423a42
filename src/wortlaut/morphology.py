"""Part of speech, lemma and verb mood for every token.

HanTa (Hanover Tagger) gives STTS tags and lemmas.  It has no mood feature, so the
mood of finite verbs comes from a rule over the verb form, its lemma and the clause
around it: Konjunktiv I marks reported speech (``er habe``), Konjunktiv II and the
indicative mark the journalist's own voice or hypotheticals (``er hätte``, ``er hat``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

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
            """HanTa's morpheme-level search for the tags of an unknown word, same result, faster.

            HanTa scores every substring of the word under every tag that may follow each
            state, calling a method per score; for a long compound that is tens of
            thousands of calls.  Here the scores are looked up inline and each substring's
            guessed (unknown-morpheme) score is computed once per word.
            """
            return _forward_tags(self, word)

        def tag_sent_viterbi(self, sent, casesensitive=True):
            """HanTa's sentence-level Viterbi over tags, same result, faster.

            HanTa tries every tag that may follow each state and drops those the word
            cannot have; a word has a handful of tags, so here those are tried directly.
            """
            return _sentence_tags(self, sent, casesensitive)

        def analyze_viterbi(self, word: str, targetpos: int) -> list[tuple[int, int]]:
            """HanTa's segmentation of a word for its lemma, same result, faster (as above)."""
            return _best_morphemes(self, word, targetpos)

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


_LOWER_BOUND = -1e6  # HanTa's floor for log probabilities worth keeping
_KEPT_STATES = 3  # HanTa continues from a row's best states only (and ties)


_KEPT_SENTENCE_STATES = 5


def _sentence_tags(tagger, words: Sequence[str], case_sensitive: bool) -> list[int]:
    """The best tag sequence for a sentence (HanTa's trigram HMM over its word tag scores)."""
    from HanTa.HanoverTagger import EMPTY, END, START, UNKNOWN

    transitions = tagger.LP_trans_word
    rows: list[dict[tuple[int, int], float]] = []
    back: list[dict[tuple[int, int], tuple[int, int]]] = []
    previous_row: dict[tuple[int, int], float] = {(EMPTY, START): 0.0}
    for i, word in enumerate(words):
        scores = dict(tagger._tag_word(word, cutoff=5, casesensitive=case_sensitive and i > 0, conditional=True))
        if len(scores) == 1 and UNKNOWN in scores:
            scores = {}
        row: dict[tuple[int, int], float] = {}
        pointers: dict[tuple[int, int], tuple[int, int]] = {}
        if len(previous_row) > _KEPT_SENTENCE_STATES:
            bound = sorted(previous_row.values(), reverse=True)[_KEPT_SENTENCE_STATES] - 1
        else:
            bound = _LOWER_BOUND
        for state, score in previous_row.items():
            if score < bound:
                continue
            following = transitions[state]
            if scores:  # the word's own tags, those the state may go on to
                options = [(tag, following[tag], word_score) for tag, word_score in scores.items() if tag in following]
            else:  # an unknown word may be anything
                options = [(tag, transition, 0.0) for tag, transition in following.items() if tag != END]
            for tag, transition, word_score in options:
                total = score + transition + word_score
                if total > _LOWER_BOUND:
                    key = (state[1], tag)
                    if total > row.get(key, -math.inf):
                        row[key] = total
                        pointers[key] = state
        rows.append(row)
        back.append(pointers)
        previous_row = row
    best, best_score = None, -math.inf
    for state, score in previous_row.items():
        total = score + transitions[state].get(END, -math.inf)
        if total > best_score:
            best, best_score = state, total
    tags = []
    state = best
    for pointers in reversed(back):
        tags.append(state[1])
        state = pointers[state]
    return tags[::-1]


def _forward_tags(tagger, word: str) -> list[tuple[int, float]]:
    """(tag, log probability) of ``word`` from HanTa's morpheme HMM, best first."""
    from HanTa.HanoverTagger import UNKNOWN

    table, _ = _morpheme_table(tagger, word, guess=not tagger.strict)
    last = table[-1]
    for state, score in table[-2].items():
        for tag, transition in tagger.LP_trans_final.get(state, ()):
            total = score + transition
            if total > _LOWER_BOUND:
                key = (state[1], tag)
                if total > last.get(key, -math.inf):
                    last[key] = total
    by_tag: dict[int, float] = {}
    for (_, tag), score in last.items():
        if score != -math.inf:
            by_tag[-tag] = float(np.logaddexp(by_tag[-tag], score)) if -tag in by_tag else score
    results = sorted(by_tag.items(), key=lambda item: item[1], reverse=True)
    return results or [(UNKNOWN, 0)]


def _best_morphemes(tagger, word: str, target: int) -> list[tuple[int, int]]:
    """HanTa's best segmentation of ``word`` ending in the final state ``target``: (tag, end) pairs.

    As HanTa does, listed morphemes are tried first and unknown ones only when that fails.
    """
    from HanTa.HanoverTagger import EMPTY, END_UNKNOWN, START, UNKNOWN

    reachable = tagger.reachability.get(target, frozenset())
    for guess in (False, True):
        table, back = _morpheme_table(tagger, word, guess=guess, reachable=reachable)
        last, last_back = table[-1], back[-1]
        for state, score in table[-2].items():
            for tag, transition in tagger.LP_trans_final.get(state, ()):
                if tag != target:
                    continue
                total = score + transition
                if total > _LOWER_BOUND:
                    key = (state[1], tag)
                    if total > last.get(key, -math.inf):
                        last[key] = total
                        last_back[key] = (state, len(word))
                break
        if last:
            break
    end = len(back) - 1
    best, best_score = (EMPTY, EMPTY), -math.inf
    for state, score in table[-1].items():
        if score > best_score:
            best, best_score = state, score
    if best == (EMPTY, EMPTY):
        return [(UNKNOWN, end - 1), (END_UNKNOWN, end)]
    path = [(best, end)]
    state, i = best, end
    while i > 0:
        state, i = back[i][state]
        path.append((state, i))
    return [(state[1], i) for state, i in reversed(path[:-1])]


def _morpheme_table(tagger, word: str, *, guess: bool, reachable: frozenset | None = None):
    """HanTa's Viterbi table over the word's characters: for each position, the best score of
    each (previous tag, tag) state, and where that state came from."""
    from HanTa.HanoverTagger import EMPTY, START

    length = len(word)
    known = tagger.LP_m_t
    nonfinal = tagger.LP_trans_nonfinal
    guessable = _guess_models(tagger) if guess else {}
    listed, longest = _listed_morphemes(tagger)
    table: list[dict[tuple[int, int], float]] = [{(EMPTY, START): 0.0}] + [{} for _ in range(length + 1)]
    back: list[dict] = [{} for _ in range(length + 2)]
    for i in range(length + 1):
        row = table[i]
        bound = sorted(row.values(), reverse=True)[_KEPT_STATES] - 1 if len(row) > _KEPT_STATES else _LOWER_BOUND
        # Substrings from i that some tag lists as a morpheme: the only ones a tag
        # without a guessing model can take.
        candidates = [(j, word[i:j]) for j in range(i + 1, min(length, i + longest) + 1) if word[i:j] in listed]
        everything = [(j, word[i:j]) for j in range(i + 1, length + 1)] if guessable else candidates
        for state, score in row.items():
            if score < bound:
                continue
            followers = nonfinal.get(state)
            if not followers:
                continue
            previous = state[1]
            origin = (state, i)
            for tag, transition in followers:
                if reachable is not None and tag not in reachable:
                    continue
                morphemes = known[tag]
                model = guessable.get(tag)
                key = (previous, tag)
                for j, segment in everything if model is not None else candidates:
                    morpheme = morphemes.get(segment)
                    if morpheme is None:
                        if model is None:
                            continue
                        morpheme = _guess(model, segment, length)
                    total = score + transition + morpheme
                    if total > _LOWER_BOUND:
                        cell = table[j]
                        if total > cell.get(key, -math.inf):
                            cell[key] = total
                            back[j][key] = origin
    return table, back


@cache
def _listed_morphemes(tagger) -> tuple[frozenset[str], int]:
    """Every morpheme HanTa lists under some tag, and the length of the longest."""
    listed = frozenset(m for morphemes in tagger.LP_m_t.values() for m in morphemes)
    return listed, max(map(len, listed))


_GuessModel = tuple[float, dict[str, float], list[float]]  # base score, suffix scores, length scores


@cache
def _guess_models(tagger) -> dict[int, _GuessModel]:
    """The few tags (open classes) HanTa lets an unseen morpheme have, with their guessing model."""
    return {tag: (tagger.Int_t + tagger.LP_hapax_t[tag], tagger.LP_s_t[tag], tagger.LP_len_t[tag])
            for tag in tagger.LP_hapax_t if tag in tagger.LP_s_t}


def _guess(model: _GuessModel, segment: str, word_length: int) -> float:
    """HanTa's score for a substring never seen as a morpheme: by its suffix and length."""
    size = len(segment)
    if word_length >= 4 and size <= 2:
        return -math.inf
    base, suffixes, lengths = model
    for n in (4, 3, 2, 1):
        if size > n and segment[-n:] in suffixes:
            suffix = suffixes[segment[-n:]]
            break
    else:
        suffix = suffixes[""]
    score = base + lengths[min(size, 24)] + suffix
    # HanTa penalises reading the whole word as one unknown morpheme.
    return score - 4.6 if size == word_length else score


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
