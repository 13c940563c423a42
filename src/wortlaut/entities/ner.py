"""Named entities: a CRF tagger with GermEval-2014 outer BIO tags.

Labels are the GermEval 2014 outer level: ``PER``, ``LOC``, ``ORG``, ``OTH`` and their
``-deriv`` (``deutschen`` → ``B-LOCderiv``) and ``-part`` (``EU-Kommission`` → ``B-ORGpart``)
variants, as ``B-``/``I-`` tags.  The model (``models/ner.crfsuite``) is trained by
``python -m training.entities``; its model card is ``models/ner.md``.

Features are built per word once and cached, because inference must stay cheap (the whole
pipeline has a budget of a few dozen microseconds per token): word form, affixes, shape,
STTS tag, gazetteer flags (places, first names, country adjectives, organisation and role
nouns from ``wortlaut/data``; surnames, first names and places in ``data/ner_gazetteer.tsv``),
distributional word clusters and corpus statistics learned from unlabelled news text
(``data/ner_clusters.tsv``), what a capitalised word looks like by its letters (a character
n-gram model, ``data/ner_charmodel.tsv``), the type a first model gave the word across unlabelled
news (``data/ner_lexicon.tsv``), plus part of the same for a window of two words either side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import groupby

from ..de.lexicon import table, word_list
from ..de.names import first_names
from ..gazetteer import gazetteer
from ..model import Document
from ..resources import data_text, model_path
from .char_ngrams import N_GRAM_SIZES, CharNgramTable

ENTITY_TYPES = ("PER", "LOC", "ORG", "OTH")
LABELS = frozenset(
    ["O"] + [f"{bio}-{kind}{variant}" for bio in "BI" for kind in ENTITY_TYPES for variant in ("", "deriv", "part")]
)
MODEL_NAME = "ner.crfsuite"
CLUSTERS_NAME = "ner_clusters.tsv"
GAZETTEER_NAME = "ner_gazetteer.tsv"
CHARMODEL_NAME = "ner_charmodel.tsv"
LEXICON_NAME = "ner_lexicon.tsv"
CHAR_CLASSES = ("PER", "LOC", "ORG", "OTH", "O")  # classes of the character n-gram model


# --------------------------------------------------------------------------- features


@dataclass(frozen=True)
class Resources:
    """Word lists and clusters the features look up (all loaded once)."""

    places: frozenset[str]
    place_first_words: frozenset[str]  # first word of a multi-word place name
    first_names: frozenset[str]
    country_adjective_stems: frozenset[str]
    org_names: frozenset[str]
    org_heads: tuple[str, ...]  # lower-case org head nouns, matched as compound ends
    role_heads: tuple[str, ...]
    names: dict[str, tuple[str, ...]]  # one-word name -> kinds (LOC, SUR, FIRST), data/ner_gazetteer.tsv
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # first word -> rest of multi-word LOC names, longest first
    clusters: dict[str, tuple[str, ...]]  # word -> (coarse, middle, fine cluster, after-article, lower-case,
    # after-first-name, after-locative bins)
    char_weights: dict[str, tuple[float, ...]] = field(default_factory=dict)  # n-gram -> weight per CHAR_CLASSES
    char_prior: tuple[float, ...] = (0.0,) * len(CHAR_CLASSES)
    char_override: dict[str, tuple[str, ...]] = field(default_factory=dict)  # training only: cross-fitted results
    lexicon: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word -> (type in unlabelled text, share bin)


def cluster_table(text: str) -> dict[str, tuple[str, ...]]:
    clusters: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, *ids = line.split("\t")
            clusters[word] = tuple(ids)
    return clusters


def gazetteer_tables(text: str) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[tuple[str, ...], ...]]]:
    names: dict[str, tuple[str, ...]] = {}
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, kinds = line.partition("\t")
            words = name.split(" ")
            if len(words) == 1:
                names[name] = tuple(kinds.split("|"))
            elif "LOC" in kinds:
                phrases.setdefault(words[0], []).append(tuple(words[1:]))
    return names, {first: tuple(sorted(rests, key=len, reverse=True)) for first, rests in phrases.items()}


def _read_char_table(text: str) -> tuple[dict[str, tuple[float, ...]], tuple[float, ...]]:
    weights: dict[str, tuple[float, ...]] = {}
    prior = (0.0,) * len(CHAR_CLASSES)
    for line in text.splitlines():
        if line and not line.startswith("#"):
            gram, *values = line.split("\t")
            if gram == "":  # the prior row has an empty n-gram
                prior = tuple(float(v) for v in values)
            else:
                weights[gram] = tuple(float(v) for v in values)
    return weights, prior


def char_ngrams(word: str) -> list[str]:
    """Character 2- to 4-grams of a word with ``<``/``>`` marking its edges; the letters only
    (case kept for the first letter, because ``Mc``/``Van`` and ``mc``/``van`` differ)."""
    padded = "<" + word + ">"
    return [padded[i:i + n] for n in N_GRAM_SIZES for i in range(len(padded) - n + 1)]


def char_class(word: str, res: Resources) -> tuple[str, ...]:
    """What a capitalised word looks like by its letters alone: ``(best class, confidence bin)``
    from a naive-Bayes model over character n-grams trained on name lists and GermEval words
    (``data/ner_charmodel.tsv``).  Empty for other words or without the table."""
    found = res.char_override.get(word)
    if found is not None:
        return found
    if not res.char_weights or not word[:1].isupper() or len(word) < 3:
        return ()
    return char_decide(word, res.char_weights, res.char_prior)


def char_decide(word: str, weights: dict[str, tuple[float, ...]], prior: Sequence[float]) -> tuple[str, ...]:
    totals = _char_table(weights, tuple(prior)).totals(word)  # compiled: this runs once per new word
    best = max(range(len(totals)), key=totals.__getitem__)
    top = totals[best]
    margin = top - max(v for k, v in enumerate(totals) if k != best)
    # Second choice matters for names: ``LOC`` vs ``PER`` is often close.
    second = max((k for k in range(len(totals)) if k != best), key=totals.__getitem__)
    # Naive Bayes is over-confident; on validation words the best class is right for about a
    # quarter of margins < 2, half of 2-5, 0.6 of 5-10, 0.8 of 10-20 and 0.94 above.
    bin_ = "4" if margin >= 20 else "3" if margin >= 10 else "2" if margin >= 5 else "1" if margin >= 2 else "0"
    return CHAR_CLASSES[best], bin_, CHAR_CLASSES[second]


_char_tables: dict[int, tuple[dict, tuple[float, ...], CharNgramTable]] = {}


def _char_table(weights: dict[str, tuple[float, ...]], prior: tuple[float, ...]) -> CharNgramTable:
    """The compiled table of ``weights`` (the shipped ones, or a training fold's), built once per dict."""
    found = _char_tables.get(id(weights))
    if found is None or found[0] is not weights or found[1] != prior:
        if len(_char_tables) >= 4:  # training builds a few; keep the newest
            _char_tables.clear()
        found = _char_tables[id(weights)] = (weights, prior, CharNgramTable(weights, prior))
    return found[2]


def _optional_data(name: str) -> str:
    try:
        return data_text(name)
    except FileNotFoundError:
        return ""


@cache
def resources_() -> Resources:
    names = gazetteer().names
    places = frozenset(names)
    first_words = frozenset(name.split(" ", 1)[0] for name in names if " " in name)
    adjective_stems = frozenset(stem.lower() for stem in table("place_country_adjectives.tsv") if not stem.endswith("-"))
    role_lines = [line.split("\t") for line in word_list("role_nouns.txt")]
    role_heads = tuple(sorted({part.strip().lower() for parts in role_lines for part in parts[:2] if part.strip()}))
    clusters = cluster_table(_optional_data(CLUSTERS_NAME))
    gazetteer_names, phrases = gazetteer_tables(_optional_data(GAZETTEER_NAME))
    char_weights, char_prior = _read_char_table(_optional_data(CHARMODEL_NAME))
    lexicon = cluster_table(_optional_data(LEXICON_NAME))  # same layout: word, then columns
    return Resources(
        places=places,
        place_first_words=first_words,
        first_names=frozenset(first_names()),
        country_adjective_stems=adjective_stems,
        org_names=frozenset(table("org_names.txt")),
        org_heads=tuple(sorted(w.lower() for w in word_list("org_nouns.txt"))),
        role_heads=role_heads,
        names=gazetteer_names,
        phrases=phrases,
        clusters=clusters,
        char_weights=char_weights,
        char_prior=char_prior,
        lexicon=lexicon,
    )


_WORD_SHAPE = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜÉÈÁÀÇÑ"},
                        **{c: "x" for c in "abcdefghijklmnopqrstuvwxyzäöüßéèáàçñ"},
                        **{c: "d" for c in "0123456789"}})
_ADJ_ENDINGS = ("em", "en", "er", "es", "e", "")


def word_shape(word: str) -> str:
    """``Merkel`` -> ``Xx``, ``G20`` -> ``Xd``: letter classes, runs of one folded; runs of line
    breaks stay, as with the substitution of ``(.)\1+`` this replaced (three times slower)."""
    return "".join([shape if shape != "\n" else "\n" * len(list(run))
                    for shape, run in groupby(word.translate(_WORD_SHAPE))])


def _country_adjective(low: str, stems: frozenset[str]) -> bool:
    for ending in _ADJ_ENDINGS:
        if low.endswith(ending) and low[: len(low) - len(ending)] in stems:
            return True
    return False


def _gazetteer_flags(word: str, res: Resources) -> list[str]:
    flags = []
    bare = word.removesuffix("s")
    if word in res.places or bare in res.places:
        flags.append("PL")
    elif word in res.place_first_words:
        flags.append("PL1")
    if word in res.first_names:
        flags.append("FN")
    if word in res.org_names or bare in res.org_names:
        flags.append("ORG")
    low = word.lower()
    if _country_adjective(low, res.country_adjective_stems):
        flags.append("CADJ")
    if word[:1].isupper() and len(word) > 5 and low.endswith(("er", "ern")):
        stem = word[:-2] if low.endswith("er") else word[:-3]
        if stem in res.places or stem + "en" in res.places or stem + "e" in res.places:
            flags.append("DEMO")  # Berliner, Hamburger, Kölner: a place adjective
    if "-" in word:
        head, _, tail = word.partition("-")
        if head in res.places:
            flags.append("PL-")
        if head in res.first_names:
            flags.append("FN-")
        if head.isupper() and len(head) >= 2:
            flags.append("ABBR-")
        if _country_adjective(head.lower(), res.country_adjective_stems) or head.lower() in res.country_adjective_stems:
            flags.append("CADJ-")
        if tail[:1].islower():
            flags.append("-low")
    kinds = res.names.get(word) or res.names.get(bare)
    if kinds:
        flags.extend("z" + kind for kind in kinds)
    if low.endswith(res.org_heads):
        flags.append("ORGN")
    if low.endswith(res.role_heads):
        flags.append("ROLE")
    return flags


_OFFSETS = (-2, -1, 1, 2)  # neighbours whose context features a word sees
_PREFIXES = tuple(f"{offset:+d}" for offset in _OFFSETS)
_PADDING = tuple(prefix + "pad" for prefix in _PREFIXES)


@dataclass(frozen=True, slots=True)
class _WordFeatures:
    own: tuple[str, ...]  # features of the word itself
    context: tuple[str, ...]  # the part its neighbours see

    def seen_from(self, k: int) -> list[str]:
        """``context`` as the neighbour at ``_OFFSETS[k]`` sees it: prefixed ("-1l=merkel")."""
        prefix = _PREFIXES[k]
        return [prefix + feature for feature in self.context]


def _word_features(word: str, res: Resources) -> _WordFeatures:
    low = word.lower()
    shape = word_shape(word)
    own = ["w=" + word, "l=" + low, "sh=" + shape, "p3=" + low[:3],
           "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:], "s5=" + low[-5:]]
    if len(word) <= 3:
        own.append("short")
    context = ["l=" + low, "sh=" + shape[:4]]
    for flag in _gazetteer_flags(word, res):
        own.append("g=" + flag)
        context.append("g=" + flag)
    if "-" in word:
        head, _, tail = word.rpartition("-")
        own.append("hd=" + head.split("-", 1)[0])
        own.append("tl=" + tail.lower())
    ids = res.clusters.get(word) or res.clusters.get(low)
    if ids:
        coarse, middle, fine, article, lower, first_name, locative = ids
        own += ["c0=" + coarse, "c1=" + middle, "c2=" + fine, "art=" + article, "lc=" + lower,
                "fn=" + first_name, "loc=" + locative]
        context += ["c0=" + coarse, "c1=" + middle]
    elif "-" in word:
        tail_ids = res.clusters.get(word.rsplit("-", 1)[1])
        if tail_ids:
            own.append("tc=" + tail_ids[2])
        head_ids = res.clusters.get(word.split("-", 1)[0])
        if head_ids:
            own.append("hc=" + head_ids[2])
    else:
        own.append("c=none")
    seen = res.lexicon.get(word)
    if seen:
        kind, share = seen
        own += ["sl=" + kind, "slb=" + kind + share]
        context.append("sl=" + kind)
    looks = char_class(word, res)
    if looks:
        best, bin_, second = looks
        own += ["cm=" + best, "cmb=" + best + bin_, "cm2=" + best + second]
        context.append("cm=" + best)
    return _WordFeatures(tuple(own), tuple(context))


class FeatureCache:
    """Per-word features, cached: most words of a text have been seen before."""

    def __init__(self, res: Resources, limit: int = 200_000) -> None:
        self.res = res
        self.limit = limit
        self.cache: dict[str, _WordFeatures] = {}

    def __call__(self, word: str) -> _WordFeatures:
        found = self.cache.get(word)
        if found is None:
            found = _word_features(word, self.res)
            if not any(character.isdigit() for character in word):  # numbers seldom repeat: they only fill it
                if len(self.cache) >= self.limit:
                    self.cache.clear()
                self.cache[word] = found
        return found


def _phrase_matches(words: Sequence[str], phrases: dict[str, tuple[tuple[str, ...], ...]]) -> list[str]:
    """``zB``/``zI`` for words inside the longest multi-word place name starting at a word."""
    marks = [""] * len(words)
    i = 0
    while i < len(words):
        for rest in phrases.get(words[i], ()):
            end = i + 1 + len(rest)
            if tuple(words[i + 1:end]) == rest:
                marks[i] = "zB"
                for j in range(i + 1, end):
                    marks[j] = "zI"
                i = end - 1
                break
        i += 1
    return marks


def sentence_features(words: Sequence[str], pos: Sequence[str] | None, features: FeatureCache) -> list[list[str]]:
    """CRF attributes for each word of one sentence."""
    per_word = [features(word) for word in words]
    n = len(words)
    in_phrase = _phrase_matches(words, features.res.phrases)
    result = []
    for i, wf in enumerate(per_word):
        attrs = ["b", *wf.own]
        if in_phrase[i]:
            attrs.append(in_phrase[i])
        if i == 0:
            attrs.append("BOS")
        elif i == n - 1:
            attrs.append("EOS")
        if pos is not None:
            attrs.append("t=" + pos[i])
            if i > 0:
                attrs.append("-1t=" + pos[i - 1])
            if i + 1 < n:
                attrs.append("+1t=" + pos[i + 1])
        for k, offset in enumerate(_OFFSETS):
            j = i + offset
            if 0 <= j < n:
                attrs.extend(per_word[j].seen_from(k))
            else:
                attrs.append(_PADDING[k])
        if i > 0:
            attrs.append("lw=" + per_word[i - 1].context[0][2:] + "|" + wf.own[1][2:])
        if i + 1 < n:
            attrs.append("wr=" + wf.own[1][2:] + "|" + per_word[i + 1].context[0][2:])
        result.append(attrs)
    return result


# --------------------------------------------------------------------------- tagging


@cache
def _numbered():
    """The model, read for compiled tagging, with the per-word feature numbers (:mod:`.feature_numbers`)."""
    from ..crf import read_model
    from .feature_numbers import NumberedFeatures

    path = model_path(MODEL_NAME)
    if not path.exists():
        raise FileNotFoundError(f"NER model missing: {path} (rebuild with python -m training.entities)")
    res = resources_()
    return NumberedFeatures(read_model(path), lambda word: _word_features(word, res), _PREFIXES, _PADDING)


def tag_sentence(words: Sequence[str], pos: Sequence[str] | None = None, *, use_pos: bool = True) -> list[str]:
    """GermEval outer BIO tags for one tokenised sentence.  The model reads STTS tags (``pos``,
    computed by HanTa when absent) unless it was trained without them (``use_pos=False``; the
    shipped one was trained with them: +0.01 F1 on validation, see models/ner.md)."""
    if not words:
        return []
    return _tag_sentences([(list(words), None if pos is None else list(pos))], use_pos)[0]


def _tag_sentences(sentences: list[tuple[list[str], list[str] | None]], use_pos: bool) -> list[list[str]]:
    """:func:`tag_sentence` of each ``(words, STTS tags or None)``, all in one pass of the model."""
    phrases = resources_().phrases
    inputs = []
    for words, pos in sentences:
        if use_pos and pos is None:
            from ..morphology import tag_words

            pos = [stts for stts, _ in tag_words(words)]
        inputs.append((words, pos if use_pos else None, _phrase_matches(words, phrases)))
    return [repair_bio(labels) for labels in _numbered().tag_sentences(inputs)]


def repair_bio(tags: Sequence[str]) -> list[str]:
    """An ``I-X`` that does not continue an ``X`` chunk starts one (conlleval reads it so too)."""
    fixed = list(tags)
    previous = "O"
    for i, tag in enumerate(fixed):
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            fixed[i] = "B-" + tag[2:]
        previous = fixed[i]
    return fixed


def chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` chunks of a BIO sequence, ``end`` exclusive.  An ``I-`` tag that
    does not continue a chunk of its type starts a new one (conlleval's reading)."""
    found = []
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        bio, _, label = tag.partition("-")
        if kind is not None and (bio != "I" or label != kind):
            found.append((start, i, kind))
            start, kind = None, None
        if bio == "B" or (bio == "I" and kind is None):
            start, kind = i, label
    return found


def find_named_entities(doc: Document, *, use_pos: bool = True) -> list[tuple[int, int, str]]:
    """Named entities of a segmented (and, for POS, tagged) document as ``(first_token,
    end_token, label)`` with token indices into ``doc.tokens``, ``end_token`` exclusive and
    ``label`` a GermEval type (``PER``, ``LOCderiv``, ``ORGpart`` ...)."""
    sentences = [s for s in doc.sentences if s.token_end > s.token_start]
    inputs = []
    for sentence in sentences:
        tokens = doc.sentence_tokens(sentence)
        tags = [t.tag for t in tokens]
        inputs.append(([t.text for t in tokens], tags if all(tags) else None))
    return [(sentence.token_start + s, sentence.token_start + e, label)
            for sentence, labels in zip(sentences, _tag_sentences(inputs, use_pos)) for s, e, label in chunks(labels)]
