"""Finding German phrases over tagged tokens: clauses, noun phrases, appositions, subjects.

Heuristics over STTS tags and punctuation, no parser.  Every finder takes the document
first and works on token indices; a phrase is a list of token indices (empty: none found).
"""

from __future__ import annotations

from ..model import Document, Sentence, Token
from .punctuation import CLAUSE_MARKS, CLAUSE_PUNCTUATION, SENTENCE_STOPS, is_quote_mark
from .roles import org_noun_head
from .tags import (
    COMMON_OR_NAME,
    FINITE,
    NEGATION,
    NOUN,
    NOUN_PHRASE,
    NOUN_PHRASE_CONTINUATION,
    NOUN_PHRASE_OR_PRONOUN,
    PHRASE_START,
    QUOTED_NAME_INTRODUCERS,
    SUBJECT_START,
    VORFELD_INNER,
)
from .words import (
    DEMONSTRATIVE_SPEAKERS,
    DEMONSTRATIVES,
    FALSE_PARTICLES,
    FOCUS_PARTICLES,
    GENITIVE_ARTICLES,
    NEGATIONS,
    NOMINATIVE_PRONOUNS,
    OBJECT_ARTICLES,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TIME_NOUNS,
    W_WORDS,
)

MAX_NOUN_PHRASE = 10  # tokens a speaker's noun phrase may have before its attachments
MAX_QUOTED_NAME = 6  # tokens of a quoted newspaper or programme name inside a clause


# -- clauses ---------------------------------------------------------------------------------
def clause_start(doc: Document, i: int, sentence: Sentence) -> int:
    """First token of the clause around ``i``: after the nearest clause punctuation or quotation mark;
    a short quoted name after an article (``Die „Kampagne für ein Freies Tibet“ berichtete``) does
    not start it."""
    tokens = doc.tokens
    j = i
    while j > sentence.token_start and tokens[j - 1].text not in CLAUSE_PUNCTUATION:
        if is_quote_mark(tokens[j - 1].text):
            opening = next((q.token_start - 1 for q in doc.quotations if q.token_end == j - 1), None)
            if opening is None or opening <= sentence.token_start or not introduced_quoted_name(doc, opening):
                break
            j = opening
        j -= 1
    return j


def introduced_quoted_name(doc: Document, open_mark: int) -> bool:
    """A short quoted name opened at ``open_mark`` after an article, adjective or possessive
    (``Die „Kampagne für ein Freies Tibet“``): a name, no quotation."""
    return open_mark > 0 and _introduces_name(doc.tokens[open_mark - 1]) and quoted_name_end(doc, open_mark) is not None


def _introduces_name(token: Token) -> bool:
    """An article, adjective or possessive, or an organisation noun (``die Organisation „Ärzte ohne
    Grenzen“``) before a quoted name."""
    return token.tag in QUOTED_NAME_INTRODUCERS or org_noun_head(token.text) is not None


def clause_end(doc: Document, i: int, sentence: Sentence) -> int:
    """Last token of the clause around ``i``; a short quoted name inside it (``der „Berliner
    Zeitung“``) does not end it."""
    tokens = doc.tokens
    j = i
    last = sentence.token_end - 1
    while j < last and tokens[j + 1].text not in CLAUSE_PUNCTUATION | SENTENCE_STOPS:
        if is_quote_mark(tokens[j + 1].text):
            close = quoted_name_end(doc, j + 1)
            if close is None:
                break
            j = close
            continue
        j += 1
    return j


def quoted_name_end(doc: Document, open_mark: int) -> int | None:
    """The closing mark of a short quoted name opened at ``open_mark`` (``der „Berliner Zeitung"``)."""
    quotation = next((q for q in doc.quotations if q.token_start - 1 == open_mark), None)
    if quotation is None or quotation.token_end - quotation.token_start > MAX_QUOTED_NAME:
        return None
    words = doc.tokens[quotation.token_start:quotation.token_end]
    # A verb may end a name an article introduces: die „Aktion Deutschland hilft“, „Jugend forscht“.
    verb_last = open_mark > 0 and _introduces_name(doc.tokens[open_mark - 1]) and len(words) > 1
    inner = words[:-1] if verb_last else words
    if not words[0].text[:1].isupper() or any(t.tag in FINITE or t.text in ".!?," for t in inner) \
            or words[-1].text in ".!?,":
        return None
    return quotation.token_end


def clause_range(doc: Document, i: int) -> range:
    """Tokens of the clause around ``i`` up to the nearest clause mark, bracket or quotation mark
    (quoted names included: the learned taggers' notion of a clause)."""
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


def impersonal_clause(doc: Document, i: int | Token) -> bool:
    """The clause around token ``i`` is passive or ``es heißt``: its ``es`` stands for no one
    (``Es werde geschätzt, dass …``, ``hieß es``)."""
    index = i.index if isinstance(i, Token) else i
    lemmas = {(doc.tokens[k].lemma or "").lower() for k in clause_range(doc, index)}
    tags = {doc.tokens[k].tag for k in clause_range(doc, index)}
    return "heißen" in lemmas or "werden" in lemmas and "VVPP" in tags


def colon_sentence_before(doc: Document, number: int) -> Sentence | None:
    """The sentence before ``number`` when it ends in a colon in the same paragraph: pre-split text
    (SpkAtt) ends a sentence there, and what follows is introduced by it."""
    if number == 0:
        return None
    previous = doc.sentences[number - 1]
    if previous.paragraph != doc.sentences[number].paragraph or doc.tokens[previous.token_end - 1].text != ":":
        return None
    return previous


def separable_particle(doc: Document, verb: int, sentence: Sentence) -> list[int]:
    """The separable particle of the finite verb ``verb`` (``teilte … mit``), as a one-token list."""
    tokens = doc.tokens
    end = clause_end(doc, verb, sentence)
    for j in range(verb + 1, end + 1):
        if tokens[j].tag == "PTKVZ" and tokens[j].text.lower() not in FALSE_PARTICLES:
            return [j]
    # "teilte der Direktor der Behörde, Bagus Puruhito, mit.": the particle after an apposition
    last = sentence.token_end - 2
    if last > end + 1 and tokens[last].tag == "PTKVZ" and tokens[last - 1].text == "," \
            and tokens[last + 1].text in SENTENCE_STOPS:
        return [last]
    return []


def negated(doc: Document, start: int, end: int) -> bool:
    """A negation word (``nicht``, ``kein``) among tokens ``start..end``."""
    return any(doc.tokens[j].text.lower() in NEGATIONS and doc.tokens[j].tag in NEGATION
               for j in range(start, end + 1) if j < len(doc.tokens))


# -- noun phrases ----------------------------------------------------------------------------
def noun_phrase_forward(doc: Document, start: int, stop: int, *, genitive: bool = False) -> list[int]:
    """A subject-like noun phrase from ``start``: pronoun, or (ART) (ADJA)* NN/NE+ (genitive attribute),
    with what SpkAtt counts as part of a source after it (see :func:`extend_noun_phrase`)."""
    tokens = doc.tokens
    if start >= stop:
        return []
    first = tokens[start]
    if first.tag == "PPER" or first.text.lower() in SUBJECT_PRONOUNS:
        return [start] if first.text.lower() in SUBJECT_PRONOUNS - {"es"} else []
    if genitive and first.text.lower() == "von":
        rest = noun_phrase_forward(doc, start + 1, stop)
        return [start] + rest if rest else []
    j, last_noun = start, None
    while j < stop and j - start < MAX_NOUN_PHRASE:
        token = tokens[j]
        lower = token.text.lower()
        if token.tag in NOUN or (not token.tag and token.text[:1].isupper()):
            # after a common noun only a name continues the phrase ("Kreml-Sprecher Dmitri Peskow")
            if last_noun is not None and last_noun == j - 1 and token.tag == "NN" and tokens[last_noun].tag == "NE":
                break
            last_noun = j
        elif last_noun is None and token.tag in NOUN_PHRASE and lower not in {"am", "im"}:
            pass
        elif last_noun is not None and lower in GENITIVE_ARTICLES and token.tag == "ART" \
                and tokens[last_noun].tag != "NE":
            pass  # "der Sprecher des Ministeriums", "Kopf einer Gruppe"; not "Peskow der Agentur Interfax"
        elif last_noun is not None and token.tag in {"ADJA", "PPOSAT"} and tokens[j - 1].tag == "ART":
            pass
        else:
            break
        j += 1
    if last_noun is None:
        return []
    sentence_end = doc.sentences[tokens[start].sentence].token_end
    return list(range(start, extend_noun_phrase(doc, last_noun, sentence_end) + 1))


def extend_noun_phrase(doc: Document, last: int, stop: int) -> int:
    """Attachments SpkAtt counts as part of a source: ``( CDU )``, ``„ Jungle World “``,
    ``von Bayer 04 Leverkusen``, and an apposition ``, Gründer der Rockband`` closing the clause."""
    tokens = doc.tokens
    while last + 1 < stop:
        nxt = tokens[last + 1]
        if nxt.text == "(" and last + 3 < stop and tokens[last + 3].text == ")" and tokens[last + 2].text[:1].isupper():
            last += 3
        elif is_quote_mark(nxt.text) and last + 2 < stop:
            close = next((k for k in range(last + 2, min(stop, last + 10)) if is_quote_mark(tokens[k].text)), None)
            if close is None:
                break
            last = close
        elif nxt.text.lower() in {"von", "vom", "aus"} and tokens[last].tag in COMMON_OR_NAME \
                and (end := attribute_end(doc, last + 2, stop, nxt.text.lower())) is not None:
            last = end
        elif nxt.text == "," and last + 2 < stop:
            apposition = noun_phrase_forward(doc, last + 2, stop) if tokens[last + 2].tag != "PPER" else []
            after = apposition[-1] + 1 if apposition else None
            if apposition and (after >= stop or tokens[after].text in {",", ".", ":"}):
                last = apposition[-1]
            else:
                break
        else:
            break
    return last


def attribute_end(doc: Document, start: int, stop: int, preposition: str) -> int | None:
    """End of ``vom niederösterreichischen Landeskriminalamt`` / ``aus Syke`` after a source noun."""
    tokens = doc.tokens
    j = start
    if preposition == "von" and j < stop and tokens[j].tag == "ART":
        j += 1
    while j < stop and tokens[j].tag == "ADJA" and preposition != "aus":
        j += 1
    wanted = {"NE"} if preposition == "aus" else {"NE", "NN"}
    if j >= stop or tokens[j].tag not in wanted or tokens[j].text in TIME_NOUNS:
        return None
    while j + 1 < stop and tokens[j + 1].tag in {"NE", "CARD"}:
        j += 1
    return j


def noun_phrase_backward(doc: Document, end: int, stop: int) -> list[int]:
    """The noun phrase ending at ``end`` (``der Polizei`` in ``der Polizei zufolge``)."""
    tokens = doc.tokens
    if end < stop or tokens[end].tag not in NOUN | {"PPER"} and tokens[end].tag:
        return []
    if tokens[end].tag == "PPER":
        return [end] if tokens[end].text.lower() in SUBJECT_PRONOUNS else []
    j = end
    while j - 1 >= stop and end - j < MAX_NOUN_PHRASE:
        previous, current = tokens[j - 1], tokens[j]
        if previous.tag in {"ADJA", "PPOSAT", "PIAT", "PDAT", "CARD"} and current.tag in {"ADJA", "NN", "NE"}:
            j -= 1
        elif previous.tag == "ART":
            j -= 1
            if previous.text.lower() in GENITIVE_ARTICLES and j - 1 >= stop and tokens[j - 1].tag == "NN":
                j -= 1  # "Angaben der Polizei"
                continue
            break
        elif previous.tag in COMMON_OR_NAME and current.tag == "NE":
            j -= 1  # "Agentur Interfax", "Dmitri Peskow"
        else:
            break
    return list(range(j, end + 1))


def fronted_phrase_end(doc: Document, end: int) -> int:
    """``Nach Angaben der Gesellschaft`` + ``für Menschenrechte kommt …``: the last word before the
    finite verb when all after ``end`` up to it can continue a noun phrase, else ``end``."""
    tokens = doc.tokens
    sentence = doc.sentences[tokens[end].sentence]
    verb = next((j for j in range(end + 1, sentence.token_end) if tokens[j].tag in FINITE and not tokens[j].in_quote),
                None)
    if verb is None or not all(tokens[j].tag in NOUN_PHRASE_CONTINUATION for j in range(end + 1, verb)):
        return end
    return verb - 1


# -- subjects --------------------------------------------------------------------------------
def verb_subject(doc: Document, verb: int, start: int, end: int) -> list[int]:
    """The subject of the finite verb ``verb`` in the clause ``start..end``: the Vorfeld noun
    phrase, else the one after the verb; a name or pronoun right after the verb wins over a
    Vorfeld demonstrative (``Das machte Peskow deutlich``) or a fronted object."""
    tokens = doc.tokens
    if tokens[start].tag in {"KOUS", "PWAV", "PRELS"} or tokens[start].text.lower() in SUBORDINATORS | W_WORDS:
        return noun_phrase_forward(doc, start + 1, verb)  # verb-final clause: the subject follows the opener
    start_after = verb + 1
    while start_after <= end and start_after < verb + 3 and tokens[start_after].tag in {"PRF", "ADV", "ADJD"}:
        start_after += 1
    before = list(range(start, verb))
    if len(before) > 1 and tokens[before[0]].text.lower() in FOCUS_PARTICLES:
        before = before[1:]  # "Auch das Außenministerium kritisierte …"
    if not before and start > 1 and tokens[start - 1].text == ",":
        opening = opening_apposition(doc, start - 1)
        if opening:
            return opening
    after = noun_phrase_forward(doc, start_after, end + 1)
    if not before and not after and start > 1 and tokens[start - 1].text == ",":
        return apposition_before(doc, start - 1)
    if len(before) == 1 and tokens[before[0]].text.lower() in DEMONSTRATIVE_SPEAKERS:
        return before  # "Dieser behaupte, …": the person named last
    last = before[-2] if len(before) > 1 and is_quote_mark(tokens[before[-1]].text) else before[-1] if before else 0
    before_is_np = before and tokens[before[0]].tag in NOUN_PHRASE | {"PPER", "PIS"} \
        and all(tokens[j].tag in VORFELD_INNER or is_quote_mark(tokens[j].text) for j in before) \
        and tokens[last].tag in NOUN | {"PPER", "PIS"} and len(before) <= MAX_NOUN_PHRASE + 4
    demonstrative = len(before) == 1 and tokens[before[0]].text.lower() in DEMONSTRATIVES
    # "Die Tat bezeichnete er als sinnlos": a nominative-only pronoun after the verb is the subject
    nominative_after = len(after) == 1 and tokens[after[0]].text.lower() in NOMINATIVE_PRONOUNS
    if before_is_np and not (after and demonstrative) and not nominative_after \
            and (tokens[before[0]].tag != "PPER" or tokens[before[0]].text.lower() in SUBJECT_PRONOUNS):
        return before
    if after:
        return after
    return noun_phrase_backward(doc, verb - 1, start) if before else []


def sentence_verb_subject(doc: Document, sentence: Sentence, exclude: range = range(0)) -> list[int]:
    """The subject (by :func:`verb_subject`) of the sentence's first finite verb not in ``exclude``."""
    for i in range(sentence.token_start, sentence.token_end):
        if doc.tokens[i].tag in FINITE and i not in exclude:
            return verb_subject(doc, i, clause_start(doc, i, sentence), clause_end(doc, i, sentence))
    return []


def apposition_before(doc: Document, comma: int) -> list[int]:
    """``Der Direktor des Hilfswerks, Anthony Lake, sagte``: the phrase before the comma, with its apposition."""
    tokens = doc.tokens
    sentence = doc.sentences[tokens[comma].sentence]
    phrase = noun_phrase_backward(doc, comma - 1, sentence.token_start)
    if not phrase:
        return []
    first = phrase[0]
    if first - 1 > sentence.token_start and tokens[first - 1].text == ",":
        earlier = noun_phrase_backward(doc, first - 2, sentence.token_start)
        if earlier and earlier[0] == sentence.token_start:
            first = earlier[0]
    return list(range(first, comma))


def opening_apposition(doc: Document, comma: int) -> list[int]:
    """``Frank Biermann, Vorsitzender der DJU für das Münsterland, sagte``: all of it, when the
    sentence opens with a noun phrase and an apposition that the comma before the verb closes."""
    tokens = doc.tokens
    sentence = doc.sentences[tokens[comma].sentence]
    first_comma = next(j for j in range(sentence.token_start, comma + 1) if tokens[j].text == ",")
    opening: list[Token] = tokens[sentence.token_start:first_comma]
    if opening and first_comma < comma and opening[0].tag in SUBJECT_START \
            and opening[-1].tag in NOUN and not any(t.tag in FINITE or t.tag == "KOUS" for t in opening):
        return list(range(sentence.token_start, comma))
    return []


def first_verb_subject(doc: Document, start: int, end: int) -> list[int]:
    """The noun phrase or pronoun before the first finite verb of tokens ``start..end-1``
    (``Die Medien sprechen …``), else the one right after it (``In ersten Agenturmeldungen war
    …``); no object (``Den Unmut … brachte``)."""
    tokens = doc.tokens
    verb = next((i for i in range(start, end) if tokens[i].tag in FINITE and not tokens[i].in_quote), None)
    if verb is None:
        return []
    while start < verb and (tokens[start].tag in {"PWAV", "KOUS"} or tokens[start].text.lower() == "wie"):
        start += 1  # "Wie t-online.de berichtet"
    before = range(start, verb)
    if before and tokens[before[0]].tag in NOUN_PHRASE_OR_PRONOUN \
            and tokens[before[0]].text.lower() not in OBJECT_ARTICLES \
            and all(tokens[i].tag in NOUN_PHRASE_OR_PRONOUN or tokens[i].tag in {"APPR", "KON"} and i > before[0]
                    for i in before):
        return list(before)
    run: list[int] = []
    for i in range(verb + 1, end):
        if run and tokens[i].tag in PHRASE_START and tokens[run[-1]].tag in {"NN", "NE", "PPER"}:
            break  # "kritisierte die Opposition den Plan": the object starts
        if tokens[i].tag in NOUN_PHRASE_OR_PRONOUN and not tokens[i].in_quote:
            run.append(i)
        elif run or tokens[i].tag not in {"ADV", "PTKNEG", "PRF"}:
            break
    return run
