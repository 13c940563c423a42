"""Rules 1 and 2: headline attributions (``Kreml: Sicherheit der Ukraine …``) and direct
quotations with a cue (``"…", sagte er`` / ``Peskow sagte: "…"`` / ``Schäuble: „…“``)."""

from __future__ import annotations

from ..de.phrases import (
    clause_end,
    clause_start,
    colon_sentence_before,
    introduced_quoted_name,
    negated,
    noun_phrase_forward,
    separable_particle,
    verb_subject,
)
from ..de.punctuation import is_quote_mark
from ..de.roles import parse_role
from ..de.tags import AUXILIARY, FINITE, NOUN, NOUN_PHRASE
from ..de.tokens import normal_tag
from ..de.verbs import NOT_ANNOUNCING, communication_verbs, cue_verbs
from ..de.words import QUOTATION_ANNOUNCERS, VERBATIM_WORDS
from ..model import Quotation, Sentence, Span, Token
from .cues import addressee, cue_lemma, document_source, participle_cue
from .finder import Finder

CueReading = tuple[list[int], list[int], int]  # cue tokens, speaker tokens, last token of the cue clause


def headline(finder: Finder, sentence: Sentence) -> None:
    """``Kreml-Sprecher: „Gefahr für uns“``: a capitalised name before a colon early in a heading."""
    doc = finder.doc
    tokens = doc.sentence_tokens(sentence)
    colon = next((t.index for t in tokens[:5] if t.text == ":"), None)
    if colon is None or colon == sentence.token_start:
        return
    speaker = list(range(sentence.token_start, colon))
    if not any(doc.tokens[i].text[:1].isupper() for i in speaker):
        return
    content = list(range(colon + 1, sentence.token_end))
    form = "direct" if content and is_quote_mark(doc.tokens[content[0]].text) \
        and is_quote_mark(doc.tokens[content[-1]].text) else "indirect"
    finder.add(sentence, form, content, [colon], speaker)


def direct_quotes(finder: Finder, sentence: Sentence) -> None:
    """Each quotation opening in this sentence with a cue after it, before it or a bare speaker."""
    doc = finder.doc
    for number in finder.quotes_by_sentence.get(sentence.index, ()):
        if number in finder.used_quotes:
            continue
        quotation = doc.quotations[number]
        open_mark, close_mark = quotation.token_start - 1, quotation.token_end
        if introduced_quoted_name(doc, open_mark):
            continue  # "Die „Kampagne für ein Freies Tibet“ berichtete": a quoted name, no quotation
        last_sentence = doc.tokens[min(close_mark, len(doc.tokens) - 1)].sentence
        after = _cue_after(finder, close_mark, doc.sentences[last_sentence])
        reading = after or _cue_before(finder, open_mark, sentence) or _speaker_colon(finder, open_mark, sentence)
        quoted = [quotation]
        if after is not None:
            # "…", sagte er, "…": a second quotation right after the cue clause continues it
            following = _next_quote_after(finder, after[2], number)
            if following is not None:
                quoted.append(doc.quotations[following])
                finder.used_quotes.add(following)
        # the content keeps the quotation marks (SpkAtt counts them as part of a direct message)
        content = [i for q in quoted for i in range(q.token_start - 1, q.token_end + 1)]
        if reading is None:
            if _is_full_sentence_quote(finder, quotation, sentence) and \
                    finder.add_with_context_speaker(sentence, "direct", content):
                finder.used_quotes.add(number)
            continue
        cue, speaker, _ = reading
        statement = finder.add(sentence, "direct", content, cue, speaker, addressee=addressee(doc, cue, sentence))
        if statement:
            finder.used_quotes.add(number)
            finder.claimed.update(cue)
            # the colon sentence before, read as a speech act of its own, introduced this quotation
            doc.statements = [s for s in doc.statements if s is statement
                              or not (s.form == "reported" and set(cue).intersection(s.cue.tokens))]
            if len(quoted) > 1:  # the cue clause between the parts is not part of the content
                statement.content.parts = [doc.span(q.start, q.end) for q in quoted]
                statement.content.span = Span(quoted[0].start, quoted[-1].end,
                                              " ".join(part.text for part in statement.content.parts))


def _cue_after(finder: Finder, close_mark: int, sentence: Sentence) -> CueReading | None:
    """``"…", sagte der Staatschef am Freitag``: a speech verb right after the quotation."""
    doc = finder.doc
    i = close_mark + 1
    if i < sentence.token_end and doc.tokens[i].text == ",":
        i += 1
    if i >= sentence.token_end:
        return None
    verb = doc.tokens[i]
    lemma = cue_lemma(doc, verb, sentence)
    if lemma is None and i == close_mark + 1:
        lemma = misread_past_tense(verb)  # "„…“ erklärte sie": no comma, and the tagger read an adjective
        if lemma is None:
            return None
    elif lemma is None or verb.tag not in FINITE and verb.tag:
        return None
    cue = [i] + separable_particle(doc, i, sentence)
    speaker = noun_phrase_forward(doc, i + 1, sentence.token_end)
    if not speaker and i + 1 < sentence.token_end and doc.tokens[i + 1].text == "es":
        speaker = document_source(doc, i, sentence)  # "…", heißt es in dem Bericht
    return cue, speaker, clause_end(doc, i, sentence)


def misread_past_tense(token: Token) -> str | None:
    """``erklärte`` tagged as an adjective: the weak speech verb (``erklären``) whose past tense it is."""
    text = token.text
    if normal_tag(token) not in {"ADJA", "ADJD"} or not text[:1].islower() or not text.endswith("te"):
        return None
    lemma = text[:-2].lower() + "en"
    return lemma if lemma in cue_verbs() else None


def _cue_before(finder: Finder, open_mark: int, sentence: Sentence) -> CueReading | None:
    """``Das machte Peskow deutlich: "…"`` / ``Er sagte: "…"``: a cue clause ending in a colon."""
    doc = finder.doc
    if open_mark == sentence.token_start:
        return _colon_sentence_cue(finder, sentence)
    if open_mark - 1 < sentence.token_start or doc.tokens[open_mark - 1].text not in (":", ","):
        return None
    start = clause_start(doc, open_mark - 1, sentence)
    if start > sentence.token_start + 1 and doc.tokens[start - 1].text == ",":
        start = clause_start(doc, start - 2, sentence)
    announcer = _announcer(finder, start, open_mark - 1)
    for i in range(start, open_mark - 1):
        token = doc.tokens[i]
        if token.tag in FINITE or not token.tag:
            lemma = cue_lemma(doc, token, sentence)
            if lemma is not None and not negated(doc, i, open_mark - 1):
                cue = sorted({i, *separable_particle(doc, i, sentence), *announcer})
                return cue, verb_subject(doc, i, start, open_mark - 1), open_mark - 1
            aux_cue = participle_cue(doc, i, open_mark - 1, sentence)
            if aux_cue is not None:
                return sorted({*aux_cue, *announcer}), verb_subject(doc, i, start, open_mark - 1), open_mark - 1
    if doc.tokens[open_mark - 1].text == ":":
        return _announced_quotation(finder, start, open_mark - 1, announcer, sentence)
    return None


def _announcer(finder: Finder, start: int, colon: int) -> list[int]:
    """``mit den Worten``, ``wie folgt`` before a colon: part of SpkAtt's cue."""
    doc = finder.doc
    if doc.tokens[colon].text != ":":
        return []
    words = [t.text.lower() for t in doc.tokens[start:colon]]
    for phrase in QUOTATION_ANNOUNCERS:
        for k in range(len(words) - len(phrase) + 1):
            if tuple(words[k:k + len(phrase)]) == phrase:
                return list(range(start + k, start + k + len(phrase)))
    return []


def _announced_quotation(finder: Finder, start: int, colon: int, announcer: list[int],
                         sentence: Sentence) -> CueReading | None:
    """``rief: „…"``, ``warb mit den Worten: „…"``: a colon before a quotation announces it, so
    a verb of saying beyond the cue lexicon, or any verb with ``mit den Worten``, is its cue."""
    doc = finder.doc
    verbs = [i for i in range(start, colon) if doc.tokens[i].tag.startswith("V")]
    for i in verbs:
        token = doc.tokens[i]
        particle = separable_particle(doc, i, sentence) if token.tag in FINITE else []
        lemma = (token.lemma or token.text).lower()
        if particle:
            lemma = doc.tokens[particle[0]].text.lower() + lemma
        if lemma in communication_verbs() and lemma not in NOT_ANNOUNCING or announcer and token.tag not in AUXILIARY:
            if negated(doc, start, colon - 1):
                return None
            cue = sorted({i, *particle, *announcer})
            finite = i if token.tag in FINITE else max((j for j in verbs if j < i and doc.tokens[j].tag in FINITE),
                                                       default=i)
            subject = verb_subject(doc, finite, start, colon)
            if not subject and doc.tokens[finite - 1].text.lower() == "und":
                # "biss der Randalierer den Fluggast und rief:": the subject of the first verb
                first = max((j for j in verbs if j < finite and doc.tokens[j].tag in FINITE), default=finite)
                subject = verb_subject(doc, first, clause_start(doc, first, sentence), finite - 1)
            return cue, subject, colon
    return None


def _colon_sentence_cue(finder: Finder, sentence: Sentence) -> CueReading | None:
    """Pre-split text (SpkAtt) ends a sentence at the colon: ``Müller bezweifelte offen die
    Eignung Merkels:`` + ``„…“``: the cue clause is the sentence before."""
    previous = colon_sentence_before(finder.doc, sentence.index)
    if previous is None or previous.token_end - 1 <= previous.token_start:
        return None
    return _cue_before(finder, previous.token_end, previous)


def _speaker_colon(finder: Finder, open_mark: int, sentence: Sentence) -> CueReading | None:
    """``Bundesinnenminister Schäuble: „…"``: a bare name before a colon introduces the quotation."""
    doc = finder.doc
    colon = open_mark - 1
    if colon <= sentence.token_start or doc.tokens[colon].text != ":":
        return None
    speaker = list(range(sentence.token_start, colon))
    cue = []
    if len(speaker) > 1 and doc.tokens[speaker[-1]].text.lower() in VERBATIM_WORDS:
        cue = [speaker.pop()]  # "Koppelin wörtlich: „…"": SpkAtt's cue
    words = [doc.tokens[j] for j in speaker]
    if len(words) > finder.config.max_colon_speaker_tokens or words[-1].tag not in NOUN \
            or not all(t.tag in NOUN_PHRASE for t in words):
        return None
    # a name, or a role ("Ein Beamter der Nationalpolizei:", "BKA-Präsident Ziercke:"; HanTa
    # tags unknown surnames NN)
    if not any(t.tag == "NE" or parse_role(t.text) is not None for t in words):
        return None
    return cue, speaker, colon


def _next_quote_after(finder: Finder, position: int, number: int) -> int | None:
    doc = finder.doc
    for other in range(number + 1, len(doc.quotations)):
        quotation = doc.quotations[other]
        opener = quotation.token_start - 1
        between = doc.tokens[position + 1:opener] if position is not None else []
        if opener > position and all(t.text in {",", ":"} for t in between):
            return other
        if opener > position:
            return None
    return None


def _is_full_sentence_quote(finder: Finder, quotation: Quotation, sentence: Sentence) -> bool:
    """A quotation that is a sentence by itself (not a scare-quoted phrase)."""
    doc = finder.doc
    first = doc.tokens[quotation.token_start]
    inner_last = doc.tokens[quotation.token_end - 1]
    starts_sentence = quotation.token_start - 1 <= sentence.token_start
    return starts_sentence and first.text[:1].isupper() and inner_last.text in ".!?" \
        and quotation.token_end - quotation.token_start >= 4
