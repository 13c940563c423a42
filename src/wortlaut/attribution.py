"""Learned speaker attribution: a cue tagger, a role tagger and a sentence tagger (linear-chain CRFs).

Runs right after the rule stage ``statements`` and before ``speakers``.  The rules'
output is an input here: each token carries whether the rules made it a cue, source
or message, so the models learn where the rules are right and where they miss.

1. The cue tagger labels every token ``B``/``I``/``O``; a ``B`` and the ``I`` tokens
   after it (gaps allowed: ``teilte … mit``) form one cue.  Where the BiLSTM cue tagger
   is shipped (``wortlaut.neural``), a token takes the label with the highest average of
   its probability and the CRF's marginal.
2. For each cue, the role tagger labels the tokens of the cue's sentence and its two
   neighbours ``S`` (source), ``M`` (message), ``A`` (addressee) or ``O``, with
   features relative to the cue (side, distance, same clause, cue word).
3. ``merge``: learned statements replace the rule statements they overlap.  Precise rule
   statements (direct quotes with a cue, ``nach Angaben X``, reported speech acts) keep
   what the user sees and take the learned token roles for SpkAtt output (``MERGE_POLICY``).
   Learned statements with a negated cue or an agency channel as source are dropped.
   Cue-less Konjunktiv-I continuations stay statements of their own (a learned message
   ends before them) and speak for the learned statement before them.  Short quoted names
   (``die Zeitung „Yemen Observer“``) are no statements.  Quotations inside learned indirect
   content become nested direct statements (same cue and source, as SpkAtt has them).
4. SpkAtt conventions the tagger often misses are applied to its cues: ``Wie … erklärte``
   is one cue, and a cue is the whole verb complex (``hatte … angekündigt``, ``gab … bekannt``);
   a source takes its apposition (``Günther Platter, der Verteidigungsminister, sagte``).
5. The sentence tagger reads the sentences no statement covers yet and makes the likely ones
   cue-less statements of their own: reported speech acts, hearsay (``X soll … haben``),
   Konjunktiv-I continuations, quotations without a verb of saying (``add_cueless``).

Models: ``models/spkatt_cue.crfsuite``, ``models/spkatt_roles.crfsuite`` and (optional)
``models/spkatt_sentences.crfsuite`` and ``models/spkatt_cue_neural.npz``, built by ``training/train_spkatt.py`` (see
``models/spkatt.md``).  Without the first two the component leaves the rules' statements alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from .entities import org_noun_head, parse_role
from .lexicon import word_list
from .model import Document, Span, Speaker, Statement
from .morphology import FINITE_TAGS as FINITE
from .neural import BiLSTMTagger
from .quotes import is_quote_mark
from .statements import MESSAGE_END_PUNCT as MESSAGE_EDGE_PUNCT
from .statements import (
    NOMINATIVE_PRONOUNS,
    NOT_PARTICLES,
    PRONOMINAL_ADVERBS,
    colon_sentence_before,
    cue_verbs,
    fronted_phrase_end,
    join_continuations,
    number_statements,
    shown_end,
)
from .statements import TIME_NOUNS as RULE_TIME_NOUNS

CUE_MODEL = "spkatt_cue.crfsuite"
ROLE_MODEL = "spkatt_roles.crfsuite"
SENTENCE_MODEL = "spkatt_sentences.crfsuite"  # optional third model: cue-less statements
NEURAL_CUE_MODEL = "spkatt_cue_neural.npz"  # optional: BiLSTMs averaged with the cue and role CRFs
NEURAL_ROLE_MODEL = "spkatt_roles_neural.npz"
CUE_LABELS = ("O", "B", "I")
ROLE_LABELS = ("O", "S", "M", "A")
CLAUSE_MARKS = frozenset({",", ";", ":", "–", "—", "-", "(", ")"})
WINDOW = 1  # sentences on each side of the cue's sentence that the role tagger sees


# -- lexicons ------------------------------------------------------------------------------
@cache
def _cue_verbs() -> dict[str, str]:
    """Cue-verb lemma -> its kinds as one feature value (``act+clause``)."""
    return {lemma: "+".join(sorted(kind for kind in kinds if kind)) for lemma, kinds in cue_verbs().items()}


@cache
def _attribution_nouns() -> tuple[frozenset[str], tuple[str, ...]]:
    nouns = frozenset(n.lower() for n in word_list("attribution_nouns.txt"))
    return nouns, tuple(n for n in nouns if len(n) >= 5)


def _is_attribution_noun(lower: str) -> bool:
    nouns, suffixes = _attribution_nouns()
    return lower in nouns or lower.rsplit("-", 1)[-1] in nouns or lower.endswith(suffixes)


# -- per-token features shared by both taggers ----------------------------------------------
@dataclass(slots=True)
class _TokenInfo:
    base: list[str]  # features of the token itself
    short: list[str]  # the few features its neighbours see
    clause: int  # clause number inside the sentence (commas, colons, quote marks separate)


def _shape(text: str) -> str:
    first = text[:1]
    if first.isupper():
        return "X"
    if first.isdigit():
        return "d"
    if first.isalpha():
        return "x"
    return "p"


ENTITY_FEATURES = True


def _entity_types(doc: Document) -> dict[int, str]:
    """Token index -> type of the article entity it mentions (person, organisation, …)."""
    starts = [t.start for t in doc.tokens]
    types: dict[int, str] = {}
    for entity in doc.entities:
        for mention in entity.mentions:
            i = max(bisect.bisect_right(starts, mention.start) - 1, 0)
            while i < len(doc.tokens) and doc.tokens[i].start < mention.end:
                if doc.tokens[i].end > mention.start:
                    types[i] = entity.type
                i += 1
    return types


COMMUNICATION_WORDS = True


def _communication(kind: str) -> frozenset[str]:
    """Verbs and nouns of saying and deciding beyond the rules' cue verbs (a tagger feature)."""
    return word_list(f"communication_{kind}.txt")


def _token_infos(doc: Document) -> list[_TokenInfo]:
    """Token features computed once per document; rule output included."""
    verbs = _cue_verbs()
    rule_cue, rule_source, rule_message = set(), set(), {}
    for s in doc.statements:
        rule_cue.update(s.cue_tokens)
        rule_source.update(s.speaker_tokens)
        for i in s.content_tokens:
            rule_message.setdefault(i, s.spkatt_form or s.form)
    infos: list[_TokenInfo] = []
    tokens = doc.tokens
    entity_types = _entity_types(doc) if ENTITY_FEATURES else {}
    for sentence in doc.sentences:
        clause = 0
        particle_verb: dict[int, str] = {}
        particle_verb_words: set[int] = set()  # "legte … nahe": a communication verb outside cue_verbs
        # separable particles: "teilte … mit" -> mitteilen, for the verb and the particle
        for i in range(sentence.token_start, sentence.token_end):
            if tokens[i].tag == "PTKVZ":
                for j in range(i - 1, sentence.token_start - 1, -1):
                    if tokens[j].text in CLAUSE_MARKS:
                        break
                    if tokens[j].tag in FINITE:
                        joined = tokens[i].text.lower() + (tokens[j].lemma or tokens[j].text).lower()
                        if joined in verbs:
                            particle_verb[i] = particle_verb[j] = verbs[joined]
                        elif COMMUNICATION_WORDS and joined in _communication("verbs"):
                            particle_verb_words.update((i, j))
                        break
        for i in range(sentence.token_start, sentence.token_end):
            token = tokens[i]
            text = token.text
            lower = text.lower()
            lemma = (token.lemma or text).lower()
            mark = is_quote_mark(text)
            if text in CLAUSE_MARKS or mark:
                clause += 1
            base = ["w=" + lower, "l=" + lemma, "t=" + token.tag, "s=" + _shape(text), "x=" + lower[-3:]]
            short = ["w=" + lower, "t=" + token.tag]
            if token.mood:
                base.append("m=" + token.mood)
            if token.in_quote:
                base.append("q")
                short.append("q")
            if mark:
                base.append("qm")
                short.append("qm")
            kind = verbs.get(lemma)
            if kind:
                base.append("cv=" + kind)
                short.append("cv")
            if i in particle_verb:
                base.append("pv=" + particle_verb[i])
                short.append("pv")
            if token.tag in {"NN", "NE"} and _is_attribution_noun(lower):
                base.append("an")
                short.append("an")
            if COMMUNICATION_WORDS and not kind and (
                    i in particle_verb_words or token.tag.startswith("V") and lemma in _communication("verbs")
                    or token.tag == "NN" and text in _communication("nouns")):
                base.append("cw")
                short.append("cw")
            if ENTITY_FEATURES and token.tag == "NN":
                if parse_role(text) is not None:
                    base.append("rn")
                    short.append("rn")
                elif org_noun_head(text) is not None:
                    base.append("on")
                    short.append("on")
            entity = entity_types.get(i)
            if entity:
                base.append("e=" + entity)
                short.append("e=" + entity)
            if i in rule_cue:
                base.append("rc")
                short.append("rc")
            if i in rule_source:
                base.append("rs")
            form = rule_message.get(i)
            if form:
                base.append("rm=" + form)
            infos.append(_TokenInfo(base, short, clause))
    return infos


# -- cue tagger ------------------------------------------------------------------------------
# Weights of the neural taggers' probabilities against the CRFs' marginals (where
# ``models/spkatt_*_neural.npz`` exist): chosen by 5-fold CV, see ``models/spkatt.md``.
NEURAL_CUE_WEIGHT = 0.5
NEURAL_ROLE_WEIGHT = 0.5
CUE_WINDOW = (-3, -2, -1, 1, 2, 3)  # neighbours whose short features a token sees (5-fold CV Cue +0.011 over ±2)
REPORT_WORDS = frozenset({"dass", "ob", "wie", "wer", "was", "warum", "weshalb", "wann", "wo", "wieso", "zu"})


def _clause_summaries(doc: Document, infos: Sequence[_TokenInfo], first: int, end: int) -> dict[int, list[str]]:
    """Per clause of the sentence: its opening word when it introduces reported content, whether
    it holds a Konjunktiv I, a quotation or a finite verb."""
    summary: dict[int, list[str]] = {}
    tokens = doc.tokens
    for i in range(first, end):
        token = tokens[i]
        clause = infos[i].clause
        features = summary.get(clause)
        if features is None:
            features = summary[clause] = []
            lower = token.text.lower()
            if lower in REPORT_WORDS:
                features.append("o=" + lower)
        if token.mood == "subj1" and "k1" not in features:
            features.append("k1")
        if token.in_quote and "iq" not in features:
            features.append("iq")
        if token.text == ":" and "co" not in features:
            features.append("co")
    return summary


def cue_features(doc: Document, infos: Sequence[_TokenInfo], first: int, end: int) -> list[list[str]]:
    """Features of the tokens ``first..end-1`` (one sentence) for the cue tagger."""
    has_quote = any(doc.tokens[i].in_quote for i in range(first, end))
    subj1 = any(doc.tokens[i].mood == "subj1" for i in range(first, end))
    sentence_features = (["sq"] if has_quote else []) + (["s1"] if subj1 else [])
    clauses = _clause_summaries(doc, infos, first, end)
    sequence = []
    for i in range(first, end):
        features = list(infos[i].base)
        features.extend(sentence_features)
        clause = infos[i].clause  # what the neighbouring clauses hold: ``…, dass …``, ``„…“, sagte er``
        for offset, name in ((-1, "pc"), (1, "nc"), (2, "nnc")):
            features.extend(name + f for f in clauses.get(clause + offset, ()))
        features.extend("cc" + f for f in clauses[clause])
        if i == first:
            features.append("first")
        for offset in CUE_WINDOW:
            j = i + offset
            if first <= j < end:
                prefix = f"{offset}"
                features.extend(prefix + f for f in infos[j].short)
            elif offset in (-1, 1):
                features.append(f"{offset}edge")
        if i > first:
            features.append("pl=" + infos[i - 1].base[1])
            features.append("bg=" + infos[i - 1].base[1] + "|" + infos[i].base[1])  # lemma bigram
        if i + 1 < end:
            features.append("nl=" + infos[i + 1].base[1])
        sequence.append(features)
    return sequence


def decode_cues(labels: Sequence[str], first: int) -> list[list[int]]:
    """``B I O I`` → cues as token index lists; a stray ``I`` without ``B`` starts a cue."""
    cues: list[list[int]] = []
    for offset, label in enumerate(labels):
        if label == "B" or label == "I" and not cues:
            cues.append([first + offset])
        elif label == "I":
            cues[-1].append(first + offset)
    return cues


def join_wie(doc: Document, cues: list[list[int]]) -> list[list[int]]:
    """``Wie der Sprecher erklärte``: SpkAtt's cue is ``Wie … erklärte``; a lone ``wie`` the tagger
    split off joins the next cue of its clause."""
    joined: list[list[int]] = []
    for cue in cues:
        previous = joined[-1] if joined else None
        if previous and all(doc.tokens[i].text.lower() == "wie" for i in previous) \
                and not any(doc.tokens[j].text in CLAUSE_MARKS for j in range(previous[-1] + 1, cue[0])):
            previous.extend(cue)
        else:
            joined.append(list(cue))
    return joined


COMPLETE_CUES = True
# ``berichtete davon``, ``wies darauf hin``: SpkAtt's cue takes the pronominal adverb after the
# verb (52 of 65 in the training gold where it stands in the verb's clause), but not ``dagegen``
# (0 of 5) nor after a plain verb of saying (``sagte dazu``: 1 of 5)
CUE_PRONOMINAL_ADVERBS = True
CUE_ADVERBS = PRONOMINAL_ADVERBS - {"dagegen"}
PLAIN_SAYING = frozenset({"sagen", "erklären", "meinen", "schreiben", "heißen", "lauten"})
EXPLETIVE_ES = True
CONNECTED_MESSAGE = True
AUXILIARY = frozenset({"VAFIN", "VMFIN"})
ALS_VERBS = frozenset({"bezeichnen", "sehen", "betrachten", "beschreiben", "würdigen", "werten", "bewerten",
                       "ansehen", "einstufen", "darstellen", "feiern", "attackieren", "benennen"})
NON_FINITE = frozenset({"VVPP", "VVINF", "VAPP", "VVIZU", "VAINF"})


def complete_cue(doc: Document, cue: list[int]) -> list[int]:
    """SpkAtt's cue is the whole verb complex: ``hatte … angekündigt`` (the auxiliary of a
    participle or infinitive cue: 186 of 194 in the training gold), ``äußerte sich`` (27 of 28),
    ``gab … bekannt`` (153 of 163).  The tagger often finds only the content verb."""
    tokens = doc.tokens
    wanted = set(cue)
    for i in cue:
        tag = tokens[i].tag
        if tag in NON_FINITE:
            wanted.update(j for j in _clause_range(doc, i) if tokens[j].tag in AUXILIARY)
        elif tag in {"VVFIN", "VAFIN"}:
            wanted.update(j for j in _clause_range(doc, i) if j > i and (
                tokens[j].tag == "PTKVZ" and tokens[j].text.lower() not in NOT_PARTICLES
                or tokens[j].tag == "PRF" and tokens[j].text.lower() == "sich"))
        if tag.startswith("V") and CUE_PRONOMINAL_ADVERBS and (tokens[i].lemma or "").lower() not in PLAIN_SAYING:
            wanted.update(j for j in _clause_range(doc, i) if j > i and tokens[j].text.lower() in CUE_ADVERBS)
        if (tokens[i].lemma or "").lower() in ALS_VERBS:  # "bezeichnete … als" (16 of 20 in the gold)
            als = next((j for j in _clause_range(doc, i) if j > i and tokens[j].text == "als"), None)
            if als is not None:
                wanted.add(als)
    if EXPLETIVE_ES:  # "heißt es", "Es wird erwartet": next to a verb of the cue (63 of 70 in the gold)
        wanted.update(j for i in list(wanted) if tokens[i].tag.startswith("V") for j in (i - 1, i + 1)
                      if 0 <= j < len(tokens) and tokens[j].text.lower() == "es"
                      and tokens[j].sentence == tokens[i].sentence)
    return sorted(wanted) if len(wanted) > len(cue) else cue


# -- role tagger -----------------------------------------------------------------------------
def _distance_bucket(distance: int) -> str:
    if distance <= 3:
        return str(distance)
    if distance <= 6:
        return "4-6"
    if distance <= 12:
        return "7-12"
    return "13+"


def role_window(doc: Document, cue: Sequence[int]) -> tuple[int, int]:
    sentence = doc.tokens[cue[0]].sentence
    low = max(0, sentence - WINDOW)
    high = min(len(doc.sentences) - 1, sentence + WINDOW)
    return doc.sentences[low].token_start, doc.sentences[high].token_end


def role_features(doc: Document, infos: Sequence[_TokenInfo], cue: Sequence[int],
                  rule: Statement | None, first: int, end: int) -> list[list[str]]:
    """Features of tokens ``first..end-1`` relative to one cue."""
    tokens = doc.tokens
    cue_set = set(cue)
    low, high = min(cue), max(cue)
    head = tokens[cue[0]]
    cue_sentence = head.sentence
    cue_word = infos[cue[0]].base[1][2:]  # lemma
    cue_tag = head.tag
    cue_clause = infos[cue[0]].clause
    cue_quoted = head.in_quote
    rule_roles: dict[int, str] = {}
    if rule is not None:
        for i in rule.content_tokens:
            rule_roles[i] = "M"
        for i in rule.speaker_tokens:
            rule_roles[i] = "S"
        for i in rule.addressee_tokens:
            rule_roles[i] = "A"
    n_cue = "n" + str(min(len(cue), 3))
    clauses: dict[int, dict[int, list[str]]] = {}  # per sentence of the window: its clause summaries
    for number in range(tokens[first].sentence, tokens[end - 1].sentence + 1):
        sentence = doc.sentences[number]
        if sentence.token_end > sentence.token_start:
            clauses[number] = _clause_summaries(doc, infos, sentence.token_start, sentence.token_end)
    sequence = []
    for i in range(first, end):
        token = tokens[i]
        info = infos[i]
        if i in cue_set:
            side = "C"
            distance = 0
        elif i < low:
            side = "L"
            distance = low - i
        elif i > high:
            side = "R"
            distance = i - high
        else:
            side = "C"
            distance = 0
        sentence_offset = token.sentence - cue_sentence
        same_clause = sentence_offset == 0 and info.clause == cue_clause
        features = list(info.base)
        bucket = _distance_bucket(distance)
        clause = ("cl" if same_clause else f"cd{min(abs(info.clause - cue_clause), 3)}") \
            if sentence_offset == 0 else f"so{sentence_offset}"
        features += [
            "side=" + side, "d=" + bucket, "sd=" + side + bucket, "cl=" + clause + side,
            "cw=" + cue_word + side, "cwd=" + cue_word + side + bucket, "ct=" + cue_tag + side, n_cue,
            f"cq={cue_quoted}{token.in_quote}", "tc=" + token.tag + side + clause,
        ]
        if sentence_offset == 0 and side != "C":
            between = range(i + 1, low) if side == "L" else range(high + 1, i)
            if any(tokens[j].tag in FINITE for j in between):
                features.append("vb")  # another finite verb between: likely another clause's subject
        features.extend("k" + f for f in clauses[token.sentence].get(info.clause, ()))
        role = rule_roles.get(i)
        if role:
            features.append("rr=" + role)
            features.append("rr=" + role + side)
        elif rule is None:
            features.append("norule")
        if i > first:
            previous = infos[i - 1]
            features.extend("-1" + f for f in previous.short)
            if tokens[i - 1].sentence != token.sentence:
                features.append("sbegin")
        if i + 1 < end:
            features.extend("+1" + f for f in infos[i + 1].short)
        if i > first + 1:
            features.append("-2" + infos[i - 2].short[1])
        if i + 2 < end:
            features.append("+2" + infos[i + 2].short[1])
            features.append("+2w" + infos[i + 2].short[0])
        if i > first + 1:  # wider context (5-fold CV Message +0.003, Source +0.006)
            features.append("-2w" + infos[i - 2].short[0])
        if i > first + 2:
            features.append("-3" + infos[i - 3].short[1])
        if i + 3 < end:
            features.append("+3" + infos[i + 3].short[1])
        sequence.append(features)
    return sequence


# -- the component ----------------------------------------------------------------------------
def averaged_labels(crf, neural: BiLSTMTagger | None, weight: float, sequences: list[list[list[str]]]) -> list[list[str]]:
    """The CRF's Viterbi labels per sequence; with a neural tagger, the argmax of its probabilities
    averaged with the CRF's marginals (``weight`` on the neural side)."""
    if neural is None:
        return [crf.tag(features) for features in sequences]
    outside = neural.labels.index("O")
    result = []
    for features, probabilities in zip(sequences, neural.probabilities(sequences)):
        crf.set(features)
        mixed = weight * probabilities
        mixed[:, outside] += (1 - weight) * np.array([crf.marginal("O", k) for k in range(len(features))])
        labels = ["O"] * len(features)
        # where ``O`` has at least half of the mass no other label can win: the CRF's other
        # marginals are only read for the remaining tokens
        for k in np.flatnonzero(mixed[:, outside] < 0.5):
            for n, label in enumerate(neural.labels):
                if n != outside:
                    mixed[k, n] += (1 - weight) * crf.marginal(label, k)
            labels[k] = neural.labels[int(mixed[k].argmax())]
        result.append(labels)
    return result


class Attributor:
    """The loaded taggers; :meth:`attribute` works on one document."""

    def __init__(self, cue_model: Path, role_model: Path, sentence_model: Path | None = None,
                 neural_cue_model: Path | None = None, neural_role_model: Path | None = None):
        import pycrfsuite  # only needed when the models are used

        self.cue_tagger = pycrfsuite.Tagger()
        self.cue_tagger.open(str(cue_model))
        self.role_tagger = pycrfsuite.Tagger()
        self.role_tagger.open(str(role_model))
        self.sentence_tagger = None
        if sentence_model is not None and sentence_model.exists():
            self.sentence_tagger = pycrfsuite.Tagger()
            self.sentence_tagger.open(str(sentence_model))
        self.neural_cue_tagger, self.neural_role_tagger = (
            BiLSTMTagger(path) if path is not None and path.exists() else None
            for path in (neural_cue_model, neural_role_model))

    def predict(self, doc: Document) -> list[tuple[list[int], dict[str, list[int]]]]:
        """``(cue tokens, {"S"/"M"/"A": tokens})`` for every predicted cue."""
        infos = _token_infos(doc)
        sentences = [s for s in doc.sentences if s.token_end > s.token_start]
        sequences = [cue_features(doc, infos, s.token_start, s.token_end) for s in sentences]
        cues = []
        for sentence, labels in zip(sentences, averaged_labels(self.cue_tagger, self.neural_cue_tagger,
                                                            NEURAL_CUE_WEIGHT, sequences)):
            if "B" not in labels and "I" not in labels:
                continue
            for cue in join_wie(doc, decode_cues(labels, sentence.token_start)):
                cues.append(complete_cue(doc, cue) if COMPLETE_CUES else cue)
        windows = [role_window(doc, cue) for cue in cues]
        rules = [matching_rule(doc, cue) for cue in cues]
        role_sequences = [role_features(doc, infos, cue, rule, *window) for cue, rule, window in zip(cues, rules, windows)]
        found = []
        for cue, rule, window, roles in zip(cues, rules, windows, averaged_labels(
                self.role_tagger, self.neural_role_tagger, NEURAL_ROLE_WEIGHT, role_sequences)):
            result = decode_roles(roles, window[0], cue)
            if CONNECTED_MESSAGE:
                result["M"] = connected_message(doc, result["M"], cue, result)
            if not result["S"] and rule is not None and rule.speaker_tokens:
                result["S"] = list(rule.speaker_tokens)  # the tagger abstained; the rules found one
            if APPOSITIONS and result["S"]:
                result["S"] = with_apposition(doc, result["S"], cue)
            found.append((cue, result))
        return found

    def attribute(self, doc: Document) -> Document:
        predictions = self.predict(doc)
        learned = [s for s in (_statement(doc, cue, roles) for cue, roles in predictions) if s is not None]
        merge(doc, learned)
        if COLON_CUES:
            colon_cues(doc)
        if ANAPHORIC_CONTENT:
            rewritten = [s for s in doc.statements if s.cue_tokens and anaphoric_content(doc, s, doc.statements)]
            taken = {i for s in rewritten for i in s.content_tokens}
            doc.statements = [s for s in doc.statements if s.cue_tokens or not taken.intersection(s.content_tokens)]
        previous: Statement | None = None
        for statement in doc.statements:
            if COMPLETE_CUES and statement.cue_tokens:
                statement.cue_tokens = complete_cue(doc, statement.cue_tokens)
            if SELF_SOURCE_CUES and [doc.tokens[i].text.lower() for i in statement.cue_tokens] in SELF_SOURCE_CUES:
                _source_is_the_cue(statement, previous)
                continue
            previous = statement
            if statement.speaker_tokens and not _names_someone(doc, statement):
                statement.speaker_tokens = []  # "wonach" (the cue), "100 Jahren": no source
            if MISSING_SOURCES and statement.cue_tokens and not statement.speaker_tokens:
                statement.speaker_tokens = fallback_source(doc, statement.cue_tokens)
            if FRONTED_NOMINAL_CUES:
                after_fronted_cue(doc, statement)
            if PASSIVE_ADDRESSEES:
                passive_addressee(doc, statement)
            if PRONOUN_SUBJECTS:
                pronoun_subject(doc, statement)
            if TIDY_SOURCES and statement.speaker_tokens:
                statement.speaker_tokens = tidy_source(doc, statement.speaker_tokens)
                if ATTRIBUTES and statement.speaker_tokens:
                    taken = {*statement.cue_tokens, *statement.content_tokens, *statement.addressee_tokens}
                    statement.speaker_tokens = with_attributes(doc, statement.speaker_tokens, taken)
                if APPOSITIONS and statement.cue_tokens and statement.speaker_tokens:
                    statement.speaker_tokens = with_apposition(doc, statement.speaker_tokens, statement.cue_tokens)
        if self.sentence_tagger is not None:
            add_cueless(doc, self.sentence_tagger)
        if JOIN_CONTINUATIONS:
            join_continuations(doc)
        return doc


# SpkAtt makes a run of Konjunktiv-I continuation sentences one statement: the rules' and the
# sentence tagger's continuations are joined again after the tagger added its own.
JOIN_CONTINUATIONS = True


def decode_roles(labels: Sequence[str], first: int, cue: Sequence[int]) -> dict[str, list[int]]:
    """Role tags → token lists.  Source and addressee are one noun phrase each: of several
    tagged stretches, the one nearest the cue wins (the tagger's stray tokens are noise)."""
    result: dict[str, list[int]] = {"S": [], "M": [], "A": []}
    for offset, label in enumerate(labels):
        if label in result:
            result[label].append(first + offset)
    for role in ("S", "A"):
        if result[role]:
            result[role] = _nearest_run(result[role], cue)
    return result


def connected_message(doc: Document, message: list[int], cue: Sequence[int], roles: dict[str, list[int]]) -> list[int]:
    """The message stretches that belong together: the one nearest the cue, and each further one
    reached across a gap of cue, source or addressee tokens, or within one sentence.  A stretch in
    the next sentence after an untagged full stop is another statement's (``…, sagte er. „Ja“``)."""
    if not message:
        return message
    runs = _runs(message)
    if len(runs) == 1:
        return message
    anchor = runs.index(_closest_run(runs, cue))
    bridge = set(cue) | set(roles["S"]) | set(roles["A"])
    tokens = doc.tokens

    def joins(left: list[int], right: list[int]) -> bool:
        gap = range(left[-1] + 1, right[0])
        return all(j in bridge for j in gap) or tokens[left[-1]].sentence == tokens[right[0]].sentence
    low = high = anchor
    while low > 0 and joins(runs[low - 1], runs[low]):
        low -= 1
    while high + 1 < len(runs) and joins(runs[high], runs[high + 1]):
        high += 1
    return [i for run in runs[low:high + 1] for i in run]


def _runs(indices: list[int]) -> list[list[int]]:
    """Sorted token indices → stretches of consecutive ones."""
    runs: list[list[int]] = [[indices[0]]]
    for i in indices[1:]:
        if i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _nearest_run(indices: list[int], cue: Sequence[int]) -> list[int]:
    return _closest_run(_runs(indices), cue)


def _closest_run(runs: list[list[int]], cue: Sequence[int]) -> list[int]:
    if len(runs) == 1:
        return runs[0]
    low, high = min(cue), max(cue)
    return min(runs, key=lambda run: min(abs(run[0] - high), abs(run[-1] - low), abs(run[0] - low)))


APPOSITIONS = True  # Source F1 +0.001 on validation, +0.002 on the second check
APPOSITION_TAGS = frozenset({"ART", "ADJA", "NN", "NE", "APPR", "APPRART", "CARD", "FM", "TRUNC", "KON", "PPOSAT",
                             "$(", "XY"})


def with_apposition(doc: Document, source: list[int], cue: Sequence[int]) -> list[int]:
    """``Günther Platter, der Verteidigungsminister Österreichs, sagte``: SpkAtt's source is the
    name with its apposition; the tagger often stops at the comma.  A noun phrase joins across
    a comma when it starts the sentence (left) or ends at a comma right before the cue (right)."""
    tokens = doc.tokens
    sentence = doc.sentences[tokens[source[0]].sentence]
    first, last = source[0], source[-1]
    low = min(cue)
    opening = sentence.token_start
    while opening < first and tokens[opening].tag == "ADV":  # "Auch die Delegationsleiterin, Sharon Hayes, …"
        opening += 1
    if first - 2 >= opening and tokens[first - 1].text == "," and last < low:
        stretch = range(opening, first - 1)
        if all(tokens[i].tag in APPOSITION_TAGS and not tokens[i].in_quote for i in stretch) \
                and tokens[sentence.token_start].tag in {"ART", "ADJA", "NN", "NE"}:
            return list(stretch) + [first - 1] + source
    if last + 2 < sentence.token_end and tokens[last + 1].text == "," and last < low:
        j = last + 2
        while j < low and tokens[j].text != "," and tokens[j].tag in APPOSITION_TAGS and not tokens[j].in_quote:
            j += 1
        if j > last + 2 and j + 1 == low and tokens[j].text == ",":
            return source + list(range(last + 1, j))
    if last + 2 < sentence.token_end and tokens[last + 1].text == "," and last > max(cue) \
            and tokens[last + 2].tag in {"ART", "NN", "ADJA"}:
        # "…“, so Ursula Castrup, die Leiterin der Fachstelle.": an apposition closing the sentence
        j = last + 2
        while j < sentence.token_end and tokens[j].tag in APPOSITION_TAGS and not tokens[j].in_quote:
            j += 1
        if j + 1 == sentence.token_end and tokens[j].text in {".", "!", "?"} and tokens[j - 1].tag in {"NN", "NE"}:
            return source + list(range(last + 1, j))
    return source


TIDY_SOURCES = True
TIME_PREPOSITIONS = frozenset({"am", "im", "in", "vor", "seit", "bis", "zum", "nach"})
DETERMINER_TAGS = frozenset({"ART", "ADJA", "PPOSAT", "PIAT", "PDAT"})
TIME_NOUNS = RULE_TIME_NOUNS | {"Morgen", "Vormittag", "Mittag", "Nachmittag", "Abend", "Nacht", "Wochenende",
                                "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                                "September", "Oktober", "November", "Dezember", "Frühjahr", "Sommer", "Herbst",
                                "Winter"}


ATTRIBUTES = True
TRIM_CLAUSES = True
ATTRIBUTE_WORDS = frozenset({"des", "der", "von", "vom", "für", "aus"})
ATTRIBUTE_TAGS = frozenset({"ART", "ADJA", "CARD", "PPOSAT", "NN", "NE", "FM", "TRUNC"})


def with_attributes(doc: Document, source: list[int], taken: set[int]) -> list[int]:
    """``der Chef der Bundesagentur`` + ``für Arbeit``, ``Angaben des Instituts`` + ``von Athen``,
    ``die Deutsche Presse-Agentur`` + ``(dpa)``: SpkAtt's source takes the genitive and
    prepositional attributes of its last noun; the tagger often stops before them.  Tokens in
    ``taken`` (cue, message) stay out."""
    tokens = doc.tokens
    end = doc.sentences[tokens[source[-1]].sentence].token_end
    source = list(source)
    for _ in range(3):
        last = source[-1]
        j = last + 1
        if j >= end or j in taken or tokens[last].tag not in {"NN", "NE", "FM"} and tokens[last].text != ")":
            break
        if tokens[j].text == "(":
            close = next((k for k in range(j + 1, min(j + 6, end)) if tokens[k].text == ")"), None)
            if close is None or close == j + 1 or any(k in taken or tokens[k].tag not in {"NE", "NN", "FM", "XY"}
                                                      for k in range(j + 1, close)):
                break
            source.extend(range(j, close + 1))
            continue
        if tokens[j].text.lower() not in ATTRIBUTE_WORDS or tokens[j].tag not in {"ART", "APPR", "APPRART"}:
            break
        k = j + 1
        while k < end and k not in taken and tokens[k].tag in ATTRIBUTE_TAGS and not tokens[k].in_quote:
            k += 1
        if k == j + 1 or tokens[k - 1].tag not in {"NN", "NE", "FM"}:
            break
        source.extend(range(j, k))
    return source


def tidy_source(doc: Document, source: list[int]) -> list[int]:
    """Source spans as SpkAtt draws them: no trailing adverb or time phrase (``EADS heute``,
    ``Adidas-Salomon am Morgen``), no dangling quotation mark, a quoted name whole
    (``der „Frankfurter Allgemeinen Zeitung“``), the determiner and adjectives of the first noun
    (``Die spätere Außenministerin Rice``)."""
    if not source:
        return source
    tokens = doc.tokens
    source = sorted(source)
    for k in range(1, len(source)):
        word = tokens[source[k]]
        if TRIM_CLAUSES and (word.text.lower() == "gegenüber" or word.text == "," and k + 1 < len(source)
                             and tokens[source[k + 1]].tag in {"PRELS", "KOUS", "PWAV"}):
            source = source[:k]  # "eine Sprecherin gegenüber der FTD", "Zapatero, der … angehört"
            break
    while len(source) > 1 and tokens[source[-1]].tag in {"ADV", "ADJD"} and tokens[source[-1]].text[:1].islower():
        source.pop()
    for k in range(1, len(source) - 1):
        if tokens[source[k]].text.lower() in TIME_PREPOSITIONS and tokens[source[-1]].text in TIME_NOUNS \
                and all(tokens[j].tag in DETERMINER_TAGS | {"NN", "CARD"} for j in source[k + 1:]):
            source = source[:k]
            break
    opened = [i for i in source if is_quote_mark(tokens[i].text) and i + 1 < len(tokens) and tokens[i + 1].in_quote
              and not tokens[i].in_quote]
    if opened and opened[-1] == source[-1]:
        source.pop()  # "Beckmann „": the quotation after the name is the message
    elif opened:
        j = source[-1] + 1
        while j < len(tokens) and j - source[-1] <= 6 and tokens[j].in_quote:
            j += 1
        if j < len(tokens) and is_quote_mark(tokens[j].text) and j - source[-1] <= 6:
            source.extend(range(source[-1] + 1, j + 1))
    if not source:  # it was only the quotation mark
        return source
    sentence_start = doc.sentences[tokens[source[0]].sentence].token_start
    if tokens[source[0]].tag in {"NN", "NE", "ADJA"}:
        while source[0] > sentence_start and tokens[source[0] - 1].tag in DETERMINER_TAGS:
            source.insert(0, source[0] - 1)
    return source


FRONTED_NOMINAL_CUES = True


def after_fronted_cue(doc: Document, statement: Statement) -> None:
    """``Nach Angaben der Gesellschaft für Menschenrechte kommt es …``: after a fronted nominal cue
    phrase the message starts at the finite verb; words of the source phrase that the tagger gave
    the message (``für Menschenrechte``) go back to the source."""
    tokens, cue, content = doc.tokens, statement.cue_tokens, statement.content_tokens
    if not cue or not content or not statement.speaker_tokens or tokens[cue[0]].text.lower() not in {"nach", "laut"}:
        return
    source_end = max(statement.speaker_tokens)
    if cue[0] != doc.sentences[tokens[cue[0]].sentence].token_start or content[0] != source_end + 1:
        return
    verb = fronted_phrase_end(doc, source_end) + 1
    if verb == content[0] or verb not in content:
        return
    statement.speaker_tokens = sorted({*statement.speaker_tokens, *range(content[0], verb)})
    statement.content_tokens = [i for i in content if i >= verb]
    statement.content = doc.token_span(verb, shown_end(doc, statement.content_tokens))


PASSIVE_ADDRESSEES = True
# verbs whose passive subject is the one addressed: "Israel wurde aufgefordert, …"
ADDRESSEE_PASSIVE_VERBS = frozenset({"auffordern", "vorwerfen", "beschuldigen", "bitten", "warnen", "ermahnen",
                                     "anweisen", "aufrufen", "drängen", "anklagen", "verdächtigen", "informieren"})
AGENT_PREPOSITIONS = frozenset({"von", "vom", "durch"})


def passive_addressee(doc: Document, statement: Statement) -> None:
    """``Israel wurde aufgefordert, …``, ``Klien wurde vorgeworfen, …``: the subject of a passive
    directive is addressed, not speaking; only an agent (``von der UN``) would be the source."""
    tokens, source = doc.tokens, statement.speaker_tokens
    if not source or not any(tokens[i].text.lower() in PASSIVE_AUXILIARIES for i in statement.cue_tokens):
        return
    if not any(tokens[i].tag == "VVPP" and (tokens[i].lemma or "").lower() in ADDRESSEE_PASSIVE_VERBS
               for i in statement.cue_tokens):
        return
    if source[0] > 0 and tokens[source[0] - 1].text.lower() in AGENT_PREPOSITIONS:
        return
    if not statement.addressee_tokens:
        statement.addressee_tokens = list(source)
        statement.addressee = doc.token_span(source[0], source[-1])
    statement.speaker_tokens, statement.speaker = [], None


PRONOUN_SUBJECTS = True


def pronoun_subject(doc: Document, statement: Statement) -> None:
    """``Der Politik schlug er vor, …``: a noun phrase before the verb cue is its object when a
    nominative-only pronoun follows the verb; the pronoun is the source."""
    tokens, source = doc.tokens, statement.speaker_tokens
    verb = next((i for i in statement.cue_tokens if tokens[i].tag in FINITE), None)
    if verb is None or not source or max(source) >= verb or verb + 1 >= len(tokens):
        return
    after = tokens[verb + 1]
    if after.text.lower() in NOMINATIVE_PRONOUNS and after.sentence == tokens[verb].sentence \
            and verb + 1 not in statement.content_tokens:
        statement.speaker_tokens = [verb + 1]
        statement.speaker = _speaker(doc, [verb + 1])


MISSING_SOURCES = True
PASSIVE_AUXILIARIES = frozenset({"werden", "wird", "wurde", "wurden", "worden", "würde", "würden"})


SOURCE_HEADS = frozenset({"NN", "NE", "PPER", "PIS", "PDS", "PRELS", "FM", "XY", "PWS"})


# ``Laut einem Bericht der FTD … Demnach sei …``: SpkAtt marks the pronominal adverb as cue and
# source (21 of 25 such cues in the gold articles); the speaker is the one it points back to.
SELF_SOURCE_CUES = (["demnach"], ["danach"])


def _source_is_the_cue(statement: Statement, previous: Statement | None) -> None:
    statement.speaker_tokens = list(statement.cue_tokens)
    statement.speaker = None
    if previous is not None and previous.speaker is not None and statement.sentence - previous.sentence <= 2:
        statement.speaker = replace(previous.speaker)


def _names_someone(doc: Document, statement: Statement) -> bool:
    """A source is no part of its cue and has a noun or pronoun that is not a time word."""
    cue = set(statement.cue_tokens)
    tokens = doc.tokens
    return not cue.intersection(statement.speaker_tokens) and any(
        tokens[i].tag in SOURCE_HEADS and tokens[i].text not in TIME_NOUNS
        and tokens[i].text not in {"Jahre", "Alter"} for i in statement.speaker_tokens)


def fallback_source(doc: Document, cue: Sequence[int]) -> list[int]:
    """A source for a statement whose taggers and rules found none: the noun phrase before
    ``zufolge``, after ``nach``/``laut``, else the subject of the cue verb's clause; none for a
    passive or impersonal cue (``wird kritisiert``, ``Es wird angenommen``)."""
    tokens = doc.tokens
    words = [tokens[i].text.lower() for i in cue]
    if any(w in PASSIVE_AUXILIARIES or w == "es" for w in words):
        return []
    sentence = doc.sentences[tokens[cue[0]].sentence]
    if words == ["zufolge"] or words == ["folge"]:
        run = []
        for i in range(cue[0] - 1, sentence.token_start - 1, -1):
            if tokens[i].tag not in NP_TAGS or tokens[i].in_quote and not run:
                break
            run.insert(0, i)
        return run
    if words[0] in NOMINAL_CUES:
        run = []
        for i in range(max(cue) + 1, sentence.token_end):
            if tokens[i].tag not in NP_TAGS:
                break
            run.append(i)
        return run
    clause = _clause_range(doc, cue[0])
    if not any(tokens[i].tag in FINITE for i in clause):
        return []
    if tokens[clause.start].tag == "PRELS":
        return [clause.start]  # "eines Hackers, der behauptet, …": SpkAtt's source is the pronoun
    subject = _subject_in(doc, clause.start, clause.stop)
    return subject


COLON_CUES = True


def colon_cues(doc: Document) -> None:
    """``Hier sparte der Bundespräsident nicht mit Kritik:`` + ``„…“``: a quotation opening the
    sentence after one that ends in a colon takes the cue and source of the statement found in
    that sentence (the rules do this for their own cue verbs; the learned cue tagger knows more),
    and a speech act read into the colon sentence alone goes."""
    tokens, sentences = doc.tokens, doc.sentences
    introduced: set[int] = set()
    for statement in doc.statements:
        if statement.form != "direct" or statement.cue_tokens or not statement.content_tokens:
            continue
        number = tokens[statement.content_tokens[0]].sentence
        if statement.content_tokens[0] != sentences[number].token_start or colon_sentence_before(doc, number) is None:
            continue
        lead = next((s for s in doc.statements if s.cue_tokens and s is not statement
                     and all(tokens[i].sentence == number - 1 for i in s.cue_tokens)), None)
        if lead is None:
            continue
        statement.cue_tokens, statement.cue = list(lead.cue_tokens), lead.cue
        if lead.speaker_tokens:
            statement.speaker_tokens, statement.speaker = list(lead.speaker_tokens), lead.speaker
        statement.continuation = False
        if lead.form == "reported":
            introduced.add(id(lead))
    if introduced:
        doc.statements = [s for s in doc.statements if id(s) not in introduced]


ANAPHORIC_CONTENT = True
ANAPHORS = frozenset({"das", "dies", "dieses"})


def anaphoric_content(doc: Document, statement: Statement, others: Sequence[Statement]) -> bool:
    """``… steht eine Operation bevor. Dies bestätigte Buffon.``: the pronoun stands for the
    sentence before, which is what was said; SpkAtt's message is that sentence and the pronoun
    (37 of the 38 such cues in the gold articles).  Rewrites the statement; True if it did."""
    tokens = doc.tokens
    number = tokens[statement.cue_tokens[0]].sentence
    first = doc.sentences[number].token_start
    if number == 0 or tokens[first].text.lower() not in ANAPHORS or tokens[first + 1].tag not in FINITE \
            or any(tokens[i].sentence != number for i in statement.cue_tokens + statement.content_tokens):
        return False
    previous = doc.sentences[number - 1]
    if previous.is_heading or previous.paragraph != doc.sentences[number].paragraph \
            or previous.token_end - previous.token_start < 3:
        return False
    said = range(previous.token_start, previous.token_end)
    if any(s.cue_tokens and set(s.content_tokens).intersection(said) for s in others if s is not statement):
        return False  # the sentence before is someone's statement already
    last = shown_end(doc, list(said))
    quoted = is_quote_mark(tokens[said[0]].text)
    statement.form, statement.spkatt_form = ("direct" if quoted else "indirect"), None
    statement.content_tokens = [*said, first]
    statement.content = doc.token_span(said[0] + quoted, last - (quoted and is_quote_mark(tokens[last].text)))
    statement.continuation = False
    return True


def matching_rule(doc: Document, cue: Sequence[int]) -> Statement | None:
    """The rules' (non-nested) statement with a cue overlapping this one."""
    wanted = set(cue)
    for statement in doc.statements:
        if statement.nested_in is None and wanted.intersection(statement.cue_tokens):
            return statement
    return None


def _extend_to_quotations(doc: Document, message: list[int]) -> list[int]:
    """A quotation the message reaches into is taken whole, marks included, even across sentences."""
    if not message:
        return message
    inside = set(message)
    for quotation in doc.quotations:
        marks = range(quotation.token_start - 1, quotation.token_end + 1)
        hit = sum(1 for i in range(quotation.token_start, quotation.token_end) if i in inside)
        if hit and hit * 2 >= min(quotation.token_end - quotation.token_start, 8):
            inside.update(i for i in marks if 0 <= i < len(doc.tokens))
    return sorted(inside)


OUTSIDE_CUE_CLAUSE = True


def _outside_cue_clause(doc: Document, message: list[int], cue: list[int]) -> list[int]:
    """A verb cue's message lies outside the cue's own clause (28 of 7,367 message tokens inside
    it in the training gold): ``Eine Verschiebung bezeichnete Conze als fatal, …``."""
    verb = next((i for i in cue if doc.tokens[i].tag.startswith("V")), None)
    if verb is None:
        return message
    clause = set(_clause_range(doc, verb))
    after = max(clause) + 1
    if after < len(doc.tokens) and doc.tokens[after - 1].tag == "ART":
        # "sagte Peskow mit Blick auf das Treffen der „Koalition der Willigen“": a quoted name
        # ends the cue's clause, not a quotation of what was said
        clause.update(next((range(after, q.token_end + 1) for q in doc.quotations if q.token_start - 1 == after), ()))
    kept = [i for i in message if i not in clause]
    return kept or message


RELATIVE_HEADS = True


def _with_relative_head(doc: Document, message: list[int], taken: set[int]) -> list[int]:
    """``Die Sicherheit der Ukraine, die in die NATO strebt, dürfe …``: a message cannot open with
    the relative pronoun; the noun phrase it refers to, opening the sentence, belongs to it."""
    tokens = doc.tokens
    first = message[0]
    start = doc.sentences[tokens[first].sentence].token_start
    if tokens[first].tag != "PRELS" or first - 2 < start or tokens[first - 1].text != ",":
        return message
    head = range(start, first - 1)
    if tokens[start].tag not in PHRASE_STARTS | {"NN", "NE"} or any(
            i in taken or tokens[i].tag not in NP_TAGS | {"APPR", "APPRART"} for i in head):
        return message
    return [*head, first - 1, *message]


def _statement(doc: Document, cue: list[int], roles: dict[str, list[int]]) -> Statement | None:
    message = _extend_to_quotations(doc, roles["M"])
    if OUTSIDE_CUE_CLAUSE:
        message = _outside_cue_clause(doc, message, cue)
    while message and doc.tokens[message[0]].text in MESSAGE_EDGE_PUNCT:
        message = message[1:]
    if not message:
        return None
    tokens = doc.tokens
    if RELATIVE_HEADS:
        message = _with_relative_head(doc, message, set(cue) | set(roles["S"]))
    # a quotation first and mostly quoted: ``einen „wahren Patrioten“, dank dem …, und einen „großen
    # Staatsmann“`` holds several quotes, ``der Bericht sei „…“`` is indirect with a quote inside
    direct = is_quote_mark(tokens[message[0]].text) \
        and sum(tokens[i].in_quote or is_quote_mark(tokens[i].text) for i in message) >= 0.8 * len(message)
    form = "direct" if direct else "indirect"
    if not direct:
        while message and tokens[message[-1]].text in MESSAGE_EDGE_PUNCT:
            message = message[:-1]
        if not message:
            return None
    first, last = message[0], message[-1]
    if direct and is_quote_mark(tokens[first].text) and is_quote_mark(tokens[last].text) and last > first + 1:
        content = doc.token_span(first + 1, last - 1)
    else:
        content = doc.token_span(first, last)
    source, addressee = roles["S"], roles["A"]
    if source:  # one sentence: a heading before "Merkel sagte" is no part of the source
        nearest = min(source, key=lambda i: min(abs(i - c) for c in cue))
        source = [i for i in source if tokens[i].sentence == tokens[nearest].sentence]
    statement = Statement(
        id="", form=form, content=content, cue=_cue_span(doc, cue), sentence=tokens[cue[0]].sentence,
        content_tokens=message, cue_tokens=list(cue), speaker_tokens=list(source),
        addressee_tokens=list(addressee),
    )
    if source:
        statement.speaker = _speaker(doc, source)
    if addressee:
        statement.addressee = doc.token_span(addressee[0], addressee[-1])
    return statement


def _cue_span(doc: Document, cue: list[int]) -> Span:
    """``sagte``, ``teilte … mit``, ``Wie … erklärte`` → the verb; a contiguous cue
    (``nach eigenen Angaben``) whole."""
    if cue[-1] - cue[0] == len(cue) - 1:
        return doc.token_span(cue[0], cue[-1])
    head = next((i for i in cue if doc.tokens[i].tag.startswith("V")), cue[0])
    return doc.token_span(head, head)


def _speaker(doc: Document, source: list[int]) -> Speaker:
    """The mention: ``Angaben der Polizei`` (SpkAtt's source) names ``der Polizei``."""
    start = source[0]
    if len(source) > 2 and _is_attribution_noun(doc.tokens[start].text.lower()):
        start = source[1]
    elif len(source) > 3 and doc.tokens[start + 1].text.lower() not in {"der", "des"} \
            and _is_attribution_noun(doc.tokens[start + 1].text.lower()) and start + 2 in source:
        start = start + 2  # "eigenen Angaben des Ministeriums"
    span = doc.token_span(start, source[-1])
    return Speaker(span.text, span.start, span.end)


NOMINAL_CUES = frozenset({"nach", "laut", "lt.", "zufolge"})
NEGATIONS = frozenset({"nicht", "nie", "niemals", "kein", "keine", "keinen", "keinem", "keiner", "keines"})
# How learned statements meet the rules' statements they overlap (by cue, else by content):
#  "carry"   the learned one replaces every rule statement, but a precise rule statement (direct
#            quote with a cue, "nach Angaben X", "X zufolge", reported speech act) hands over its
#            user-facing details: cue span, speaker, channel, addressee, and a quotation's exact text.
#            SpkAtt output takes the learned roles, the user sees the rules' precise reading.
#  "keep"    precise rule statements stay untouched and block the learned ones they overlap.
#  "replace" the learned one replaces all, carrying over only channel and addressee.
MERGE_POLICY = "carry"
# Rule "reported" statements no learned cue confirms: SpkAtt annotates few of them.
DROP_UNCONFIRMED_REPORTED = False


def _precise(doc: Document, statement: Statement) -> bool:
    if not statement.cue_tokens:
        return False
    return statement.form in {"direct", "reported"} \
        or doc.tokens[statement.cue_tokens[0]].text.lower() in NOMINAL_CUES


def _clause_range(doc: Document, i: int) -> range:
    """Tokens of the clause around ``i``: up to the nearest clause mark or quotation mark."""
    tokens = doc.tokens
    sentence = doc.sentences[tokens[i].sentence]
    low = i
    while low > sentence.token_start and tokens[low - 1].text not in CLAUSE_MARKS \
            and not is_quote_mark(tokens[low - 1].text):
        low -= 1
    high = i
    while high + 1 < sentence.token_end and tokens[high + 1].text not in CLAUSE_MARKS \
            and not is_quote_mark(tokens[high + 1].text):
        high += 1
    return range(low, high + 1)


def negated(doc: Document, statement: Statement) -> bool:
    """``Der Sprecher sagte nicht, dass …``: a negation in the cue's own clause (outside the
    message) means nothing was said.  SpkAtt annotates 4 negated cues in 700 articles."""
    content = set(statement.content_tokens)
    for cue in statement.cue_tokens:
        for j in _clause_range(doc, cue):
            token = doc.tokens[j]
            if j not in content and token.text.lower() in NEGATIONS and token.tag in {"PTKNEG", "PIAT"}:
                return True
    return False


IMPLAUSIBLE_CUES = True
AUXILIARY_LEMMAS = frozenset({"haben", "sein", "werden"})


def implausible_cue(doc: Document, statement: Statement) -> bool:
    """A learned cue that cannot introduce anything said: only a tense auxiliary (``Clinton hatte
    … übernommen``), only a separable particle without its verb (``fuhr rechtzeitig los``: the
    neural tagger's ``los``), or ``nach`` before a noun phrase that names no source (``nach dem
    Putsch``, ``nach der Auszählung``)."""
    tokens = doc.tokens
    cue = statement.cue_tokens
    if all(tokens[i].tag in {"VAFIN", "VAINF"} and (tokens[i].lemma or "").lower() in AUXILIARY_LEMMAS
           or tokens[i].text.lower() == "als" for i in cue):
        return True
    if all(tokens[i].tag == "PTKVZ" for i in cue):
        return True
    if [tokens[i].text.lower() for i in cue] != ["nach"]:
        return False
    phrase = [tokens[i] for i in fallback_source(doc, cue)]  # the noun phrase after "nach"
    return bool(phrase) and not any(
        t.tag in {"NE", "FM"} or _is_attribution_noun(t.text.lower()) or t.text in _communication("nouns")
        or parse_role(t.text) is not None or org_noun_head(t.text) is not None for t in phrase)


def _channel_only(doc: Document, statement: Statement, rules: Sequence[Statement]) -> bool:
    """``Merkel sagte der Agentur Interfax zufolge, …``: the rules read the agency as the channel
    of Merkel's statement; a learned statement with the agency as its source repeats it."""
    if not statement.speaker_tokens:
        return False
    start = doc.tokens[statement.speaker_tokens[0]].start
    end = doc.tokens[statement.speaker_tokens[-1]].end
    content = set(statement.content_tokens)
    return any(rule.via is not None and rule.via.start <= start and end <= rule.via.end
               and content.intersection(rule.content_tokens) for rule in rules)


def merge(doc: Document, learned: list[Statement]) -> None:
    """Learned statements replace the rule statements they overlap (see ``MERGE_POLICY``)."""
    rules = [s for s in doc.statements if s.nested_in is None and not (DROP_QUOTED_NAMES and quoted_name(doc, s))]
    learned = [s for s in learned if not negated(doc, s) and not _channel_only(doc, s, rules)
               and not (IMPLAUSIBLE_CUES and implausible_cue(doc, s))]
    dropped: set[int] = set()  # learned statements a kept precise rule statement blocks
    blocked: set[int] = set()  # the content of kept precise rule statements
    kept: list[Statement] = []
    for rule in rules:
        cues = set(rule.cue_tokens)
        content = set(rule.content_tokens)
        matches = [s for s in learned if cues.intersection(s.cue_tokens)]
        if not matches and not (KEEP_CONTINUATIONS and rule.continuation):
            matches = [s for s in learned if content.intersection(s.content_tokens)]
        if not matches:
            if DROP_UNCONFIRMED_REPORTED and rule.form == "reported" and rule.cue_tokens:
                continue
            kept.append(rule)
            continue
        if _precise(doc, rule) and MERGE_POLICY != "replace":
            if MERGE_POLICY == "carry":
                _adopt_roles(doc, rule, matches[0])
            blocked.update(rule.content_tokens)  # as adopted: a second statement may share the sentence
            kept.append(rule)
            dropped.update(id(s) for s in matches)
            continue
        _carry_over(rule, matches[0])
    if KEEP_CONTINUATIONS:
        replaced = _cut_at_continuations(doc, learned, [s for s in kept if s.continuation])
        kept = [s for s in kept if all(s is not r for r in replaced)]
        if CONTINUATION_SPEAKERS:
            _continuation_speakers(doc, kept, learned)
    # a second learned reading of a precise rule statement's content ("Das machte Peskow deutlich:
    # „…“, sagte er der Agentur Interfax") would show the user the same statement twice
    learned = [s for s in learned if id(s) not in dropped and not blocked.intersection(s.content_tokens)]
    kept_ids = {id(s) for s in kept}
    nested = [s for s in doc.statements if s.nested_in is not None and id(s.nested_in) in kept_ids]
    nested += list(_nested_quotes(doc, learned, {j for s in nested for j in s.content_tokens}))
    doc.statements = [s for s in kept + learned + nested if not (DROP_QUOTED_NAMES and quoted_name(doc, s))]
    doc.statements.sort(key=lambda s: (s.content.start, s.nested_in is not None, s.content.end))
    number_statements(doc)


DROP_QUOTED_NAMES = True
QUOTED_NAMES_AFTER_PREPOSITIONS = True
DEFINITE_ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des"})
CONTRACTED_ARTICLES = frozenset({"im", "beim", "vom", "zum", "zur", "am", "ins"})
NAME_FUNCTION_WORDS = frozenset({"am", "im", "an", "auf", "der", "die", "das", "des", "für", "von", "und", "ohne", "in"})
TITLE_WORDS = frozenset({"laut", "lt."})  # "laut „Tagesspiegel“": a source named, not quoted


def quoted_name(doc: Document, statement: Statement) -> bool:
    """``die Zeitung „Yemen Observer“``, ``die Bundestagsfraktion „Die Linke“``: a short quotation
    of capitalised words right after a noun names a paper, ship or film; nobody is quoted."""
    if statement.form != "direct" or not statement.content_tokens:
        return False
    tokens = doc.tokens
    first, last = statement.content_tokens[0], statement.content_tokens[-1]
    if first == 0 or not (is_quote_mark(tokens[first].text) and is_quote_mark(tokens[last].text)):
        return False
    inner = [tokens[i].text for i in range(first + 1, last)]
    before = tokens[first - 1]
    if 1 <= len(inner) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in inner) \
            and (before.tag in {"NN", "NE"} or before.text.lower() in TITLE_WORDS):
        return True
    # "in der „BILD am Sonntag“", "im „Spiegel“": after a preposition and article, a short
    # capitalised quotation is a name (SpkAtt: 5 of 48 such quotations are statements)
    article = before.text.lower() in CONTRACTED_ARTICLES or before.text.lower() in DEFINITE_ARTICLES and first >= 2 \
        and tokens[first - 2].tag == "APPR"  # "von einem „Wortbruch“" is someone's word
    return QUOTED_NAMES_AFTER_PREPOSITIONS and article and 1 <= len(inner) <= 5 and all(
        w[:1].isupper() or not w[:1].isalpha() or w in NAME_FUNCTION_WORDS for w in inner)


KEEP_CONTINUATIONS = True
CONTINUATION_SPEAKERS = True


def _continuation_speakers(doc: Document, kept: list[Statement], learned: list[Statement]) -> None:
    """A Konjunktiv-I continuation speaks for the statement just before it; when that one is
    learned (the rules had none there), the rules took a guess from the previous subject."""
    statements = sorted(kept + learned, key=lambda s: s.content_tokens[0] if s.content_tokens else 0)
    previous: Statement | None = None
    for statement in statements:
        if statement.continuation and previous is not None and any(previous is s for s in learned) \
                and previous.speaker is not None and previous.speaker_tokens \
                and 0 < statement.sentence - previous.sentence <= 2 \
                and doc.sentences[statement.sentence].paragraph == doc.sentences[previous.sentence].paragraph:
            statement.speaker, statement.speaker_tokens = previous.speaker, list(previous.speaker_tokens)
        elif not statement.continuation:
            previous = statement


def _cut_at_continuations(doc: Document, learned: list[Statement], continuations: list[Statement]) -> list[Statement]:
    """``Merkel sagte, die Lage sei ernst. Man müsse handeln.``: SpkAtt annotates the Konjunktiv-I
    sentence after the first as a statement of its own; a learned message that runs on into it
    ends before it.  A learned message that starts inside one replaces it (it has a cue); those
    continuations are returned."""
    replaced: list[Statement] = []
    for continuation in continuations:
        taken = set(continuation.content_tokens)
        for statement in learned:
            if not taken.intersection(statement.content_tokens):
                continue
            kept = [i for i in statement.content_tokens if i < continuation.content_tokens[0]]
            while kept and doc.tokens[kept[-1]].text in MESSAGE_EDGE_PUNCT:
                kept.pop()  # "die Lage sei ernst ." + the continuation: the full stop goes too
            if not kept:
                replaced.append(continuation)
                break
            statement.content_tokens = kept
            statement.content = doc.token_span(kept[0], kept[-1])
    return replaced


def _carry_over(rule: Statement, statement: Statement) -> None:
    """What only the rules know (channel, addressee, speaker details) moves to the learned statement."""
    if statement.via is None and rule.via is not None:
        statement.via, statement.via_entity = rule.via, rule.via_entity
    if rule.addressee is not None:  # the rules' addressee is precise (P 0.83 on validation)
        statement.addressee, statement.addressee_tokens = rule.addressee, list(rule.addressee_tokens)
    if rule.speaker is not None and statement.speaker_tokens == rule.speaker_tokens:
        statement.speaker = rule.speaker


# Which learned roles a precise rule statement takes ("source" too scores +0.01 Source F1 on
# validation, but speaker resolution then works on the learned span and the seed's Peskow
# quotes lose their speaker).
ADOPTED_ROLES = ("cue", "content", "addressee")
# A precise rule statement without a speaker takes the learned source (Source F1 +0.012 on
# validation, +0.009 on the second check; speaker resolution then has a mention to work on).
ADOPT_MISSING_SOURCE = True
# A rule "reported" speech act whose cue the learned tagger reads with a clause of its own as the
# message ("Der Umsatz wird … betragen, teilte das Unternehmen mit") is an indirect statement the
# rules could not parse: it takes the learned form and content.
ADOPT_FORM = True


def own_clause(doc: Document, statement: Statement) -> bool:
    """The statement's content is a clause of the cue's sentence apart from the cue's clause: a
    clause mark lies between them, and it is no adverbial clause (``…, indem er …``)."""
    tokens, content = doc.tokens, statement.content_tokens
    sentence = tokens[statement.cue_tokens[0]].sentence
    if not content or any(tokens[i].sentence != sentence for i in content):
        return False
    if tokens[content[0]].tag == "KOUS" and tokens[content[0]].text.lower() not in REPORT_WORDS:
        return False
    cue_first, cue_last = min(statement.cue_tokens), max(statement.cue_tokens)
    between = range(content[-1] + 1, cue_first) if content[-1] < cue_first else range(cue_last + 1, content[0])
    return any(tokens[i].text in CLAUSE_MARKS for i in between)


def _adopt_roles(doc: Document, rule: Statement, statement: Statement) -> None:
    """A precise rule statement stays as the user sees it (cue, speaker, quotation, channel) and
    takes the learned token roles, which follow SpkAtt's conventions more closely."""
    if "cue" in ADOPTED_ROLES and statement.cue_tokens:
        rule.cue_tokens = list(statement.cue_tokens)
    if "content" in ADOPTED_ROLES and rule.form != "direct" and statement.content_tokens:
        rule.content_tokens = list(statement.content_tokens)
    if ("source" in ADOPTED_ROLES or ADOPT_MISSING_SOURCE and not rule.speaker_tokens) and statement.speaker_tokens:
        rule.speaker_tokens = list(statement.speaker_tokens)
        if rule.speaker is None and statement.speaker is not None:
            rule.speaker = statement.speaker
    if "addressee" in ADOPTED_ROLES and not rule.addressee_tokens and statement.addressee_tokens:
        rule.addressee_tokens = list(statement.addressee_tokens)
    if ADOPT_FORM and rule.form == "reported" and statement.form != "reported" and statement.cue_tokens \
            and own_clause(doc, statement):
        rule.form, rule.spkatt_form, rule.content = statement.form, statement.spkatt_form, statement.content


def _nested_quotes(doc: Document, parents: list[Statement], taken: set[int]):
    """Quotations inside learned indirect content: the speaker's own words, nested (SpkAtt convention)."""
    for parent in parents:
        if parent.form == "direct":
            continue
        inside = set(parent.content_tokens)
        for quotation in doc.quotations:
            marks = list(range(quotation.token_start - 1, quotation.token_end + 1))
            if marks[0] < 0 or not all(i in inside for i in marks) or marks[0] in taken:
                continue
            first = doc.tokens[quotation.token_start]
            if doc.tokens[marks[0] - 1].tag == "ART" and first.text[:1].isupper():
                continue  # der „Koalition der Willigen“: a name in quotation marks
            taken.add(marks[0])
            child = Statement(
                id="", form="direct", content=doc.span(quotation.start, quotation.end), speaker=parent.speaker,
                cue=parent.cue, sentence=parent.sentence, content_tokens=marks,
                cue_tokens=list(parent.cue_tokens), speaker_tokens=list(parent.speaker_tokens),
            )
            child.nested_in = parent
            yield child


# -- cue-less statements: a sentence tagger ----------------------------------------------------
# SpkAtt annotates whole sentences without a cue: reported speech acts (``Die Medien sprechen von
# …``), hearsay (``X soll … haben``), Konjunktiv-I continuations, quotations without a verb of
# saying.  A linear-chain CRF over the sentences of an article labels each sentence with the form
# of the cue-less statement it is (or ``C`` for one with a cue, ``O`` for none); transitions carry
# the context (a continuation follows a statement).  Only sentences no statement covers yet get one.
SENTENCE_FORMS = {"R": ("reported", "Reported"), "F": ("indirect", "FreeIndirect"),
                  "I": ("indirect", "IndirectFreeIndirect"), "D": ("direct", "Direct")}
SPKATT_TO_SENTENCE_LABEL = {"Reported": "R", "FreeIndirect": "F", "IndirectFreeIndirect": "I", "Direct": "D"}
# Marginal probability a sentence's best cue-less label needs: a whole-sentence message pays off
# when more than about a third of them are right (Message F1 ~0.7), so the bar is below one half.
SENTENCE_THRESHOLD = 0.35
# Per-label bars where they differ.  Reported once had 0.25 (chosen on the second check); 5-fold CV
# prefers the common bar (Message 0.766 / 0.769 / 0.769 / 0.768 at 0.25 / 0.35 / 0.45 / 0.6).
LABEL_THRESHOLDS: dict[str, float] = {}
SENTENCE_KEYWORDS = frozenset({"laut", "zufolge", "demnach", "angeblich", "offenbar", "wörtlich", "berichten",
                               "heißen", "rede", "meldung", "bericht", "sprechen"})
NEIGHBOUR_PREFIXES = ("cov=", "fm=", "hascue", "q=", "sollhaben", "pstart", "qstart", "colon")
MAX_SOURCE_DISTANCE = 3  # sentences back to the statement whose speaker a continuation takes
REPORTED_SUBJECT = True  # a Reported sentence's source is its subject (validation Source +0.004)


def covered_sentences(doc: Document) -> dict[int, str]:
    """Sentences at least half inside a (non-nested) statement's message → that statement's form."""
    covered: dict[int, str] = {}
    tokens, sentences = doc.tokens, doc.sentences
    for statement in doc.statements:
        if statement.nested_in is not None:
            continue
        per_sentence: dict[int, int] = {}
        for i in statement.content_tokens:
            per_sentence[tokens[i].sentence] = per_sentence.get(tokens[i].sentence, 0) + 1
        for number, count in per_sentence.items():
            if count * 2 >= sentences[number].token_end - sentences[number].token_start:
                covered.setdefault(number, statement.spkatt_form or statement.form)
    return covered


def sentence_features(doc: Document, covered: dict[int, str]) -> list[list[str]]:
    """One feature list per sentence of the article."""
    tokens = doc.tokens
    verbs = _cue_verbs()
    cue_sentences = {tokens[i].sentence for s in doc.statements for i in s.cue_tokens}
    own: list[list[str]] = []
    for number, sentence in enumerate(doc.sentences):
        words = tokens[sentence.token_start:sentence.token_end]
        if not words:
            own.append(["empty"])
            continue
        features = {"cov=" + covered.get(number, "none"), "len=" + _distance_bucket(len(words)),
                    "w0=" + words[0].text.lower(), "t0=" + words[0].tag, "last=" + words[-1].text}
        if number in cue_sentences:
            features.add("hascue")
        quoted = sum(t.in_quote or is_quote_mark(t.text) for t in words)
        features.add(f"q={4 * quoted // len(words)}")
        if is_quote_mark(words[0].text):
            features.add("qstart")
        if len(words) > 1:
            features.add("w1=" + words[1].text.lower())
        if number == 0 or doc.sentences[number - 1].paragraph != sentence.paragraph:
            features.add("pstart")
        finite = [t for t in words if t.tag in FINITE]
        features.update("fm=" + str(t.mood) for t in finite if not t.in_quote)
        features.update("fl=" + (t.lemma or t.text).lower() for t in finite[:3])
        if finite and (finite[0].lemma or "").lower() == "sollen":  # hearsay: "X soll … haben"
            features.add("soll")
            if len(words) > 2 and words[-2].text.lower() in {"haben", "sein", "worden"}:
                features.add("sollhaben")
        for t in words:
            lemma = (t.lemma or t.text).lower()
            kind = verbs.get(lemma)
            if kind and t.tag.startswith("V"):
                features.add("cv=" + kind)
                features.add("cvl=" + lemma)
            if t.tag in {"NN", "NE"} and _is_attribution_noun(t.text.lower()):
                features.add("an")
                features.add("anw=" + t.text.lower())
            if lemma in SENTENCE_KEYWORDS:
                features.add("kw=" + lemma)
            if t.tag == "PPER" and lemma in {"er", "sie", "wir", "ich"}:
                features.add("pp=" + lemma)
            if t.text == ":":
                features.add("colon")
        own.append(sorted(features))
    result = []
    for number, features in enumerate(own):
        combined = list(features)
        for offset in (-1, 1):
            other = number + offset
            if 0 <= other < len(own):
                combined.extend(f"{offset}{f}" for f in own[other] if f.startswith(NEIGHBOUR_PREFIXES))
        result.append(combined)
    return result


NP_TAGS = frozenset({"ART", "ADJA", "NN", "NE", "PPER", "PPOSAT", "CARD", "PIAT", "PIS", "PDS", "PDAT", "FM", "TRUNC"})


OBJECT_ARTICLES = frozenset({"den", "einen"})  # "Den Unmut der CDU brachte … zum Ausdruck": never a subject
PHRASE_STARTS = frozenset({"ART", "PPER", "PDS", "PIS", "PPOSAT", "PDAT", "PIAT"})


def sentence_subject(doc: Document, number: int) -> list[int]:
    """The noun phrase before the first finite verb (``Die Medien sprechen …``), else the one right
    after it (``In ersten Agenturmeldungen war …``: SpkAtt's source of a reported statement)."""
    sentence = doc.sentences[number]
    return _subject_in(doc, sentence.token_start, sentence.token_end)


def _subject_in(doc: Document, start: int, end: int) -> list[int]:
    tokens = doc.tokens
    verb = next((i for i in range(start, end) if tokens[i].tag in FINITE and not tokens[i].in_quote), None)
    if verb is None:
        return []
    while start < verb and (tokens[start].tag in {"PWAV", "KOUS"} or tokens[start].text.lower() == "wie"):
        start += 1  # "Wie t-online.de berichtet"
    before = range(start, verb)
    if before and tokens[before[0]].tag in NP_TAGS and tokens[before[0]].text.lower() not in OBJECT_ARTICLES and all(
            tokens[i].tag in NP_TAGS or tokens[i].tag in {"APPR", "KON"} and i > before[0] for i in before):
        return list(before)
    run: list[int] = []
    for i in range(verb + 1, end):
        if run and tokens[i].tag in PHRASE_STARTS and tokens[run[-1]].tag in {"NN", "NE", "PPER"}:
            break  # "kritisierte die Opposition den Plan": the object starts
        if tokens[i].tag in NP_TAGS and not tokens[i].in_quote:
            run.append(i)
        elif run or tokens[i].tag not in {"ADV", "PTKNEG", "PRF"}:
            break
    return run


# Rule "reported" statements (speech acts with a cue) get the sentence tagger's probability that
# their sentence is a statement (``Statement.confidence``); the SpkAtt export leaves out those below
# ``output.SPKATT_MIN_CONFIDENCE``.  With DROP_REPORTED set, those in sentences read as no statement
# with at least this probability are dropped from the document itself: the user would lose speech
# acts such as the seed article's "Putin beharrte auf …", so the default keeps them.
DROP_REPORTED: float | None = None


def add_cueless(doc: Document, tagger) -> None:
    """Statements for the sentences the sentence tagger reads as cue-less statements."""
    if not doc.sentences:
        return
    covered = covered_sentences(doc)
    tagger.set(sentence_features(doc, covered))
    tagger.tag()
    for statement in doc.statements:
        if statement.form == "reported" and statement.nested_in is None and statement.content_tokens:
            statement.confidence = round(max(1 - tagger.marginal("O", n) for n in
                                             {doc.tokens[i].sentence for i in statement.content_tokens}), 3)
    if DROP_REPORTED is not None:
        doc.statements = [s for s in doc.statements if s.confidence is None or s.confidence >= 1 - DROP_REPORTED]
    added: list[Statement] = []
    for number, sentence in enumerate(doc.sentences):
        if number in covered or sentence.token_end - sentence.token_start < 3:
            continue
        label = max(SENTENCE_FORMS, key=lambda name: tagger.marginal(name, number))
        if tagger.marginal(label, number) < LABEL_THRESHOLDS.get(label, SENTENCE_THRESHOLD):
            continue
        earlier = [s for s in doc.statements + added if number - MAX_SOURCE_DISTANCE <= s.sentence < number]
        if label == "I" and not any(s.sentence < number for s in doc.statements + added):
            continue  # a continuation needs a statement before it: "… würden … stärken" alone reports nothing
        content = list(range(sentence.token_start, sentence.token_end))
        previous = added[-1] if added else None
        if label == "I" and previous is not None and previous.spkatt_form == "IndirectFreeIndirect" \
                and previous.sentence == number - 1:
            # SpkAtt makes a run of continuation sentences one statement
            previous.content_tokens += content
            previous.content = doc.token_span(previous.content_tokens[0], shown_end(doc, content))
            previous.sentence = number
            continue
        form, spkatt_form = SENTENCE_FORMS[label]
        # the user sees the sentence without its full stop, SpkAtt's message has it
        statement = Statement(id="", form=form, content=doc.token_span(content[0], shown_end(doc, content)),
                              sentence=number,
                              content_tokens=content, continuation=True, spkatt_form=spkatt_form)
        if label == "R" and REPORTED_SUBJECT:
            source = sentence_subject(doc, number)
            if source:
                statement.speaker_tokens = source
                statement.speaker = _speaker(doc, source)
        elif label != "R":  # speaks for the statement before it
            speaking = [s for s in earlier if s.speaker_tokens]
            if speaking:
                before = max(reversed(speaking), key=lambda s: s.sentence)  # the last of the nearest sentence
                statement.speaker_tokens = list(before.speaker_tokens)
                statement.speaker = before.speaker
        added.append(statement)
    if added:
        doc.statements = sorted(doc.statements + added,
                                key=lambda s: (s.content.start, s.nested_in is not None, s.content.end))
        number_statements(doc)


def model_path(name: str) -> Path:
    return Path(str(resources.files("wortlaut").joinpath("models", name)))


@cache
def load_attributor() -> Attributor | None:
    cue, role = model_path(CUE_MODEL), model_path(ROLE_MODEL)
    if not cue.exists() or not role.exists():
        return None
    return Attributor(cue, role, model_path(SENTENCE_MODEL), model_path(NEURAL_CUE_MODEL),
                      model_path(NEURAL_ROLE_MODEL))


def attribute(doc: Document) -> Document:
    """Pipeline component: learned statements merged into the rules' (after ``statements``)."""
    attributor = load_attributor()
    return doc if attributor is None else attributor.attribute(doc)
