"""Features of the cue tagger and the role tagger.

The rules' output is an input: each token carries whether the rules made it a cue, source
or message, so the models learn where the rules are right and where they miss.  Changing a
feature means retraining the models (``python -m training.attribution``); a cue or role feature
also means changing its composed hash in :mod:`.hashed_features` (its test compares the two).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from ..de.punctuation import CLAUSE_MARKS, is_quote_mark
from ..de.roles import parse_trained_role, trained_org_noun_head
from ..de.tags import FINITE
from ..de.verbs import communication_nouns, communication_verbs, cue_verb_kinds, is_attribution_noun
from ..de.words import REPORT_OPENERS
from ..model import Document, Statement

CUE_LABELS = ("O", "B", "I")
ROLE_LABELS = ("O", "S", "M", "A")
CUE_WINDOW = (-3, -2, -1, 1, 2, 3)  # neighbours whose short features a token sees (5-fold CV Cue +0.011 over ±2)
CUE_WINDOW_PREFIXES = tuple(str(offset) for offset in CUE_WINDOW)
WINDOW = 1  # sentences on each side of the cue's sentence that the role tagger sees


@dataclass(slots=True)
class TokenInfo:
    base: list[str]  # features of the token itself
    short: list[str]  # the few features its neighbours see
    clause: int  # clause number inside the sentence (commas, colons, quote marks separate)


def _initial(text: str) -> str:
    """What the word starts with: upper case, digit, lower case or punctuation."""
    first = text[:1]
    if first.isupper():
        return "X"
    if first.isdigit():
        return "d"
    if first.isalpha():
        return "x"
    return "p"


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


def _particle_verbs(doc: Document, start: int, end: int) -> tuple[dict[int, str], set[int]]:
    """Separable verbs of one sentence (``teilte … mit`` -> mitteilen): the cue verbs' kinds at the
    verb and its particle, and the tokens of other communication verbs (``legte … nahe``)."""
    tokens, verbs = doc.tokens, cue_verb_kinds()
    kinds: dict[int, str] = {}
    others: set[int] = set()
    for i in range(start, end):
        if tokens[i].tag == "PTKVZ":
            for j in range(i - 1, start - 1, -1):
                if tokens[j].text in CLAUSE_MARKS:
                    break
                if tokens[j].tag in FINITE:
                    joined = tokens[i].text.lower() + (tokens[j].lemma or tokens[j].text).lower()
                    if joined in verbs:
                        kinds[i] = kinds[j] = verbs[joined]
                    elif joined in communication_verbs():
                        others.update((i, j))
                    break
    return kinds, others


def _flag(base: list[str], short: list[str], feature: str, neighbours_see: str | None = None) -> None:
    """A feature of the token, and what of it the neighbours see (the feature itself unless given)."""
    base.append(feature)
    short.append(neighbours_see or feature)


def _rule_roles(doc: Document) -> tuple[set[int], set[int], dict[int, str]]:
    """The rules' cue and source tokens, and the form of the statement each message token is in."""
    cue, source, message = set(), set(), {}
    for s in doc.statements:
        cue.update(s.cue.tokens)
        source.update(s.source.tokens)
        for i in s.content.tokens:
            message.setdefault(i, s.spkatt_form or s.form)
    return cue, source, message


def token_infos(doc: Document) -> list[TokenInfo]:
    """Token features computed once per document; rule output included."""
    verbs = cue_verb_kinds()
    rule_cue, rule_source, rule_message = _rule_roles(doc)
    infos: list[TokenInfo] = []
    tokens = doc.tokens
    entity_types = _entity_types(doc)
    for sentence in doc.sentences:
        clause = 0
        particle_verb, particle_verb_words = _particle_verbs(doc, sentence.token_start, sentence.token_end)
        for i in range(sentence.token_start, sentence.token_end):
            token = tokens[i]
            text = token.text
            lower = text.lower()
            lemma = (token.lemma or text).lower()
            mark = is_quote_mark(text)
            if text in CLAUSE_MARKS or mark:
                clause += 1
            base = ["w=" + lower, "l=" + lemma, "t=" + token.tag, "s=" + _initial(text), "x=" + lower[-3:]]
            short = ["w=" + lower, "t=" + token.tag]
            if token.mood:
                base.append("m=" + token.mood)
            if token.in_quote:
                _flag(base, short, "q")
            if mark:
                _flag(base, short, "qm")
            kind = verbs.get(lemma)
            if kind:
                _flag(base, short, "cv=" + kind, "cv")
            if i in particle_verb:
                _flag(base, short, "pv=" + particle_verb[i], "pv")
            if token.tag in {"NN", "NE"} and is_attribution_noun(text):
                _flag(base, short, "an")
            if not kind and (i in particle_verb_words or token.tag.startswith("V") and lemma in communication_verbs()
                             or token.tag == "NN" and text in communication_nouns()):
                _flag(base, short, "cw")
            if token.tag == "NN":
                if parse_trained_role(text) is not None:
                    _flag(base, short, "rn")
                elif trained_org_noun_head(text) is not None:
                    _flag(base, short, "on")
            entity = entity_types.get(i)
            if entity:
                _flag(base, short, "e=" + entity)
            if i in rule_cue:
                _flag(base, short, "rc")
            if i in rule_source:
                base.append("rs")
            form = rule_message.get(i)
            if form:
                base.append("rm=" + form)
            infos.append(TokenInfo(base, short, clause))
    return infos


def clause_summaries(doc: Document, infos: Sequence[TokenInfo], first: int, end: int) -> dict[int, list[str]]:
    """Per clause of the sentence: its opening word when it introduces reported content, whether
    it holds a Konjunktiv I, a quotation or a colon."""
    summary: dict[int, list[str]] = {}
    tokens = doc.tokens
    for i in range(first, end):
        token = tokens[i]
        clause = infos[i].clause
        features = summary.get(clause)
        if features is None:
            features = summary[clause] = []
            lower = token.text.lower()
            if lower in REPORT_OPENERS:
                features.append("o=" + lower)
        if token.mood == "subj1" and "k1" not in features:
            features.append("k1")
        if token.in_quote and "iq" not in features:
            features.append("iq")
        if token.text == ":" and "co" not in features:
            features.append("co")
    return summary


def cue_features(doc: Document, infos: Sequence[TokenInfo], first: int, end: int) -> list[list[str]]:
    """Features of the tokens ``first..end-1`` (one sentence) for the cue tagger."""
    has_quote = any(doc.tokens[i].in_quote for i in range(first, end))
    subj1 = any(doc.tokens[i].mood == "subj1" for i in range(first, end))
    sentence_features = (["sq"] if has_quote else []) + (["s1"] if subj1 else [])
    clauses = clause_summaries(doc, infos, first, end)
    # what the neighbouring clauses hold (``…, dass …``, ``„…“, sagte er``): the same for every
    # token of a clause, so built once per clause
    around = {clause: clause_context(clauses, clause) for clause in clauses}
    sequence = []
    for i in range(first, end):
        features = list(infos[i].base)
        features.extend(sentence_features)
        features.extend(around[infos[i].clause])
        if i == first:
            features.append("first")
        for offset, prefix in zip(CUE_WINDOW, CUE_WINDOW_PREFIXES):
            j = i + offset
            if first <= j < end:
                features += map(prefix.__add__, infos[j].short)  # "-1w=sagte": mapped in C, no generator
            elif offset in (-1, 1):
                features.append(prefix + "edge")
        if i > first:
            features.append("pl=" + infos[i - 1].base[1])
            features.append("bg=" + infos[i - 1].base[1] + "|" + infos[i].base[1])  # lemma bigram
        if i + 1 < end:
            features.append("nl=" + infos[i + 1].base[1])
        sequence.append(features)
    return sequence


def clause_context(clauses: dict[int, list[str]], clause: int) -> list[str]:
    """The cue features of a token in ``clause`` from the summaries of the clause before it, the
    two after it and its own."""
    features = []
    for offset, name in ((-1, "pc"), (1, "nc"), (2, "nnc")):
        features.extend(name + f for f in clauses.get(clause + offset, ()))
    features.extend("cc" + f for f in clauses[clause])
    return features


def distance_bucket(distance: int) -> str:
    if distance <= 3:
        return str(distance)
    if distance <= 6:
        return "4-6"
    if distance <= 12:
        return "7-12"
    return "13+"


def role_window(doc: Document, cue: Sequence[int]) -> tuple[int, int]:
    """The tokens the role tagger reads for a cue: its sentence and ``WINDOW`` on each side."""
    sentence = doc.tokens[cue[0]].sentence
    low = max(0, sentence - WINDOW)
    high = min(len(doc.sentences) - 1, sentence + WINDOW)
    return doc.sentences[low].token_start, doc.sentences[high].token_end


def role_features(doc: Document, infos: Sequence[TokenInfo], cue: Sequence[int],
                  rule: Statement | None, first: int, end: int) -> list[list[str]]:
    """Features of tokens ``first..end-1`` relative to one cue: a token's own, its place relative to
    the cue (:func:`role_extras`), then what it sees of its neighbours."""
    tokens = doc.tokens
    sequence = []
    for i, extras in zip(range(first, end), role_extras(doc, infos, cue, rule, first, end)):
        features = list(infos[i].base)
        features += extras
        if i > first:
            features += map("-1".__add__, infos[i - 1].short)
            if tokens[i - 1].sentence != tokens[i].sentence:
                features.append("sbegin")
        if i + 1 < end:
            features += map("+1".__add__, infos[i + 1].short)
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


def role_extras(doc: Document, infos: Sequence[TokenInfo], cue: Sequence[int],
                rule: Statement | None, first: int, end: int) -> list[list[str]]:
    """The role features of each token of ``first..end-1`` between its own and its neighbours':
    its place relative to the cue, the clause summaries, the rules' role."""
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
        for role, role_tokens in (("M", rule.content.tokens), ("S", rule.source.tokens), ("A", rule.addressee.tokens)):
            rule_roles.update(dict.fromkeys(role_tokens, role))
    n_cue = "n" + str(min(len(cue), 3))
    clauses: dict[int, dict[int, list[str]]] = {}  # per sentence of the window: its clause summaries
    for number in range(tokens[first].sentence, tokens[end - 1].sentence + 1):
        sentence = doc.sentences[number]
        if sentence.token_end > sentence.token_start:
            clauses[number] = clause_summaries(doc, infos, sentence.token_start, sentence.token_end)
    # finite verbs among the window's first k tokens, for "another finite verb between" below
    finite = list(accumulate((tokens[j].tag in FINITE for j in range(first, end)), initial=0))
    # the features of a token's place relative to the cue: few distinct ones per cue
    relative: dict[tuple, tuple[str, ...]] = {}
    sequence = []
    for i in range(first, end):
        token = tokens[i]
        info = infos[i]
        if i in cue_set or low <= i <= high:
            side, distance = "C", 0
        elif i < low:
            side, distance = "L", low - i
        else:
            side, distance = "R", i - high
        sentence_offset = token.sentence - cue_sentence
        same_clause = sentence_offset == 0 and info.clause == cue_clause
        bucket = distance_bucket(distance)
        clause = ("cl" if same_clause else f"cd{min(abs(info.clause - cue_clause), 3)}") \
            if sentence_offset == 0 else f"so{sentence_offset}"
        key = (side, bucket, clause, token.tag, token.in_quote)
        place = relative.get(key)
        if place is None:
            place = relative[key] = (
                "side=" + side, "d=" + bucket, "sd=" + side + bucket, "cl=" + clause + side,
                "cw=" + cue_word + side, "cwd=" + cue_word + side + bucket, "ct=" + cue_tag + side, n_cue,
                f"cq={cue_quoted}{token.in_quote}", "tc=" + token.tag + side + clause)
        features = list(place)
        if sentence_offset == 0 and side != "C":
            start, stop = (i + 1, low) if side == "L" else (high + 1, i)
            if finite[stop - first] > finite[start - first]:
                features.append("vb")  # another finite verb between: likely another clause's subject
        features.extend("k" + f for f in clauses[token.sentence].get(info.clause, ()))
        role = rule_roles.get(i)
        if role:
            features.append("rr=" + role)
            features.append("rr=" + role + side)
        elif rule is None:
            features.append("norule")
        sequence.append(features)
    return sequence
