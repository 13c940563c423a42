"""Statements by rule: cue, speaker span, content and form.

Rules run from specific to generic on each sentence, and a token claimed by one
statement's content is not claimed again:

1. headline attributions  (``Kreml: Sicherheit der Ukraine …``)
2. direct quotations with a cue (``"…", sagte er`` / ``Peskow sagte: "…"``)
3. speech verbs with a clause (``hob hervor, dass …``; ``…, sagte Peskow``)
4. nominal attributions (``X zufolge``, ``nach Angaben X``, ``laut X``, ``wie X erklärte,``, ``…, so X``)
5. reported speech acts with a noun-phrase content (``wies die Forderung zurück``)
6. continuations: cue-less Konjunktiv-I sentences and quoted sentences after a statement

Speaker spans here are text mentions only; the speakers stage resolves them to entities.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .entities import parse_role
from .lexicon import entries, word_list
from .model import Document, Sentence, Span, Speaker, Statement, Token
from .morphology import FINITE_TAGS
from .quotes import is_quote_mark

FINITE = FINITE_TAGS
NONFINITE_VERB = {"VVINF", "VVPP", "VVIZU", "VAINF", "VAPP", "VMINF", "VMPP"}
NP_TAGS = {"ART", "ADJA", "NN", "NE", "PPOSAT", "PIAT", "PDAT", "CARD", "TRUNC", "FM"}
NOUN_TAGS = {"NN", "NE", "FM"}
# what may follow a noun phrase inside it: attributes, appositions, a bracketed abbreviation
NOUN_PHRASE_CONTINUATION = frozenset({"ART", "ADJA", "NN", "NE", "FM", "CARD", "APPR", "APPRART", "KON", "TRUNC",
                                      "$(", "PPOSAT", "XY"})
TIME_NOUNS = {"Tag", "Tagen", "Woche", "Wochen", "Jahr", "Jahren", "Monat", "Monaten", "Stunden", "Montag", "Dienstag",
              "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Anfang", "Ende", "Mitte"}
SUBJECT_START_TAGS = {"ART", "NE", "NN", "ADJA", "PPOSAT", "PIAT", "CARD"}
PRONOUN_SUBJECTS = {"er", "sie", "es", "wir", "ich", "man", "ihr"}
NOMINATIVE_PRONOUNS = frozenset({"er", "ich", "wir"})  # never an object, unlike "sie", "es"
FOCUS_PARTICLES = {"auch", "sogar", "selbst", "nur", "ebenfalls", "gerade", "ausgerechnet", "zumindest", "allein"}
CLAUSE_BOUNDARY = {",", ";", ":", "–", "—", "-"}
SUBORDINATORS = {"dass", "ob", "daß"}
APPOSITION_TAGS = frozenset({"NE", "NN", "ART", "ADJA", "FM", "CARD", "APPR", "APPRART", "XY", "TRUNC"})
W_WORDS = {"wie", "was", "wer", "wann", "wo", "warum", "weshalb", "wieso", "welche", "welcher", "welches", "wohin"}
DEFINITE_ARTICLES = {"der", "die", "das", "den", "dem", "des"}
GENITIVE_ARTICLES = {"des", "der", "eines", "einer"}
VORFELD_INNER = NP_TAGS | {"APPR", "APPRART", "KON", "$(", "PPER", "PIS"}
NEGATIONS = {"nicht", "nie", "niemals", "keine", "kein", "keinen"}
MAX_SPEAKER_TOKENS = 10
MAX_QUOTED_NAME_TOKENS = 6  # a quoted newspaper or programme name inside a cue clause
MAX_COLON_SPEAKER_TOKENS = 6  # "Bundesinnenminister Schäuble: „…“"
VERBATIM_WORDS = frozenset({"wörtlich"})
# Words HanTa tags as a verb's separable particle that are none: "sagte weiter", "sagte damals dazu:"
# (a pronominal adverb; SpkAtt's cue takes it after some verbs, see attribution.complete_cue)
PRONOMINAL_ADVERBS = frozenset({"davon", "darauf", "dazu", "darüber", "damit", "dafür", "daran", "darum", "dagegen"})
NOT_PARTICLES = PRONOMINAL_ADVERBS | {"weiter"}
# verbs of the communication list that mostly mean something else before a colon ("fand einen Zettel:")
NOT_ANNOUNCING_VERBS = frozenset({"finden", "halten", "sehen", "wissen", "bestehen", "berufen", "erfahren", "feiern",
                                  "belegen", "einigen", "veranlassen", "verfügen", "erkennen", "denken"})
# "warb mit den Worten:", "wird wie folgt zitiert:": the clause before the colon announces a quotation
QUOTATION_ANNOUNCERS = (("mit", "den", "worten"), ("mit", "folgenden", "worten"), ("wie", "folgt"))
DOCUMENT_PREPOSITIONS = {"in", "im", "auf", "bei"}  # "heißt es in der Erklärung"
MAX_CONTINUATION_GAP = 2  # sentences between a statement and its Konjunktiv-I continuation


@cache
def cue_verbs() -> dict[str, frozenset[str]]:
    verbs: dict[str, frozenset[str]] = {}
    for line in entries("cue_verbs.tsv"):
        lemma, _, kinds = line.partition("\t")
        verbs[lemma.strip().lower()] = frozenset(k.strip() for k in kinds.split(","))
    return verbs


@dataclass
class _Clause:
    first: int  # token index
    last: int  # inclusive


def find_statements(doc: Document) -> Document:
    finder = _StatementFinder(doc)
    for sentence in doc.sentences:
        finder.sentence(sentence)
    nested = list(_nested_quotes(doc, finder.used_quotes))
    doc.statements.extend(nested)
    doc.statements.sort(key=lambda s: (s.content.start, s.nested_in is not None, s.content.end))
    join_continuations(doc)
    number_statements(doc)
    return doc


def number_statements(doc: Document) -> None:
    """Statement ids ``S1``, ``S2``, … in document order."""
    for number, statement in enumerate(doc.statements, start=1):
        statement.id = f"S{number}"


JOINED_FORMS = frozenset({"IndirectFreeIndirect", "FreeIndirect"})


def join_continuations(doc: Document) -> None:
    """Adjacent cue-less continuation sentences of one speaker and form become one statement, as
    SpkAtt annotates them (108 of 113 adjacent Konjunktiv-I pairs in the gold articles, 26 of 28
    hearsay pairs)."""
    tokens = doc.tokens
    joined: list[Statement] = []
    for statement in doc.statements:
        previous = joined[-1] if joined else None
        if previous is not None and _continues(doc, previous, statement):
            previous.content_tokens = previous.content_tokens + statement.content_tokens
            previous.content = doc.span(previous.content.start, tokens[shown_end(doc, statement.content_tokens)].end)
            previous.sentence = statement.sentence
            continue
        joined.append(statement)
    if len(joined) < len(doc.statements):
        doc.statements = joined
        number_statements(doc)


def _continues(doc: Document, previous: Statement, statement: Statement) -> bool:
    if previous.spkatt_form not in JOINED_FORMS or statement.spkatt_form != previous.spkatt_form or not all(
            not s.cue_tokens and s.nested_in is None and s.content_tokens for s in (previous, statement)):
        return False
    tokens, sentences = doc.tokens, doc.sentences
    before, after = tokens[previous.content_tokens[-1]].sentence, tokens[statement.content_tokens[0]].sentence
    return after == before + 1 and sentences[before].paragraph == sentences[after].paragraph \
        and (not statement.speaker_tokens or statement.speaker_tokens == previous.speaker_tokens)


MESSAGE_END_PUNCT = frozenset({",", ".", ":", ";", "–", "-", "!", "?"})


def shown_end(doc: Document, content: list[int]) -> int:
    """The last token of ``content`` the user sees: a closing full stop or comma is SpkAtt's only."""
    last = content[-1]
    return last - 1 if len(content) > 1 and doc.tokens[last].text in MESSAGE_END_PUNCT else last


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


def colon_sentence_before(doc: Document, number: int) -> Sentence | None:
    """The sentence before ``number`` when it ends in a colon in the same paragraph: pre-split text
    (SpkAtt) ends a sentence there, and what follows is introduced by it."""
    if number == 0:
        return None
    previous = doc.sentences[number - 1]
    if previous.paragraph != doc.sentences[number].paragraph or doc.tokens[previous.token_end - 1].text != ":":
        return None
    return previous
SENTENCE_STOPS = frozenset({".", "!", "?"})
WHOLE_SENTENCE_STOPS = True


def _nested_quotes(doc: Document, used: set[int]):
    """Quoted words inside reported content (``der Pilot trage die „volle Verantwortung“``) are the
    speaker's own words: a direct statement nested in the indirect one."""
    for parent in list(doc.statements):
        if parent.form == "direct" or not parent.content_tokens:
            continue
        inside = set(parent.content_tokens)
        for number, quotation in enumerate(doc.quotations):
            marks = range(quotation.token_start - 1, quotation.token_end + 1)
            if number in used or not all(i in inside for i in marks):
                continue
            before, first = doc.tokens[quotation.token_start - 2], doc.tokens[quotation.token_start]
            if before.tag == "ART" and before.text.lower() in DEFINITE_ARTICLES and first.text[:1].isupper():
                continue  # der „Koalition der Willigen“: a name in quotation marks, not someone's words
            used.add(number)
            child = Statement(
                id="", form="direct", content=doc.span(quotation.start, quotation.end), speaker=parent.speaker,
                cue=parent.cue, sentence=parent.sentence, content_tokens=list(marks),
                cue_tokens=list(parent.cue_tokens), speaker_tokens=list(parent.speaker_tokens),
                continuation=parent.continuation,
            )
            child.nested_in = parent
            yield child


class _StatementFinder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.claimed: set[int] = set()  # token indices inside some statement's content
        self.quotes_by_sentence: dict[int, list[int]] = {}  # sentence of the first quoted word -> quotations
        for number, quotation in enumerate(doc.quotations):
            sentence = doc.tokens[quotation.token_start].sentence
            self.quotes_by_sentence.setdefault(sentence, []).append(number)
        self.used_quotes: set[int] = set()
        self.quote_opened_at = {q.token_start - 1: q for q in doc.quotations}

    # -- driver -----------------------------------------------------------------------
    def sentence(self, sentence: Sentence) -> None:
        if sentence.token_end == sentence.token_start:
            return
        if sentence.is_heading:
            self._headline(sentence)
            return
        self._direct_quotes(sentence)
        acts = self._verb_cues(sentence)
        self._nominal_cues(sentence)
        for cue, subject in acts:
            if not self.claimed.intersection(range(sentence.token_start, sentence.token_end)):
                self.add(sentence, "reported", list(range(sentence.token_start, sentence.token_end)), cue, subject)
        self._continuation(sentence)

    def add(self, sentence: Sentence, form: str, content: list[int], cue: list[int], speaker: list[int],
            *, addressee: list[int] | None = None, continuation: bool = False,
            speaker_chars: tuple[int, int] | None = None) -> Statement | None:
        content = [i for i in content if i not in self.claimed]
        content = _strip_punctuation(self.doc, content, keep_quotes=form == "direct")
        if not content:
            return None
        self.claimed.update(range(content[0], content[-1] + 1))
        doc = self.doc
        shown = _content_span(doc, content, form)
        after = content[-1] + 1
        if WHOLE_SENTENCE_STOPS and form != "direct" and (continuation or form == "reported") \
                and after < sentence.token_end and doc.tokens[after].text in SENTENCE_STOPS:
            # SpkAtt's message of a whole-sentence statement keeps the full stop (the shown text not)
            content = content + [after]
        statement = Statement(
            id="", form=form, content=shown,
            cue=_cue_span(doc, cue),
            sentence=sentence.index, content_tokens=content, cue_tokens=cue, speaker_tokens=speaker,
            addressee_tokens=addressee or [], continuation=continuation,
        )
        if speaker_chars:
            start, end = speaker_chars
            statement.speaker = Speaker(doc.text[start:end], start, end)
        elif speaker:
            span = doc.token_span(speaker[0], speaker[-1])
            statement.speaker = Speaker(span.text, span.start, span.end)
        if addressee:
            statement.addressee = doc.token_span(addressee[0], addressee[-1])
        doc.statements.append(statement)
        return statement

    # -- 1. headlines -------------------------------------------------------------------
    def _headline(self, sentence: Sentence) -> None:
        tokens = self.doc.sentence_tokens(sentence)
        colon = next((t.index for t in tokens[:5] if t.text == ":"), None)
        if colon is None or colon == sentence.token_start:
            return
        speaker = list(range(sentence.token_start, colon))
        if not any(self.doc.tokens[i].text[:1].isupper() for i in speaker):
            return
        content = list(range(colon + 1, sentence.token_end))
        form = "direct" if content and is_quote_mark(self.doc.tokens[content[0]].text) \
            and is_quote_mark(self.doc.tokens[content[-1]].text) else "indirect"
        self.add(sentence, form, content, [colon], speaker)

    # -- 2. direct quotations -------------------------------------------------------------
    def _direct_quotes(self, sentence: Sentence) -> None:
        doc = self.doc
        for number in self.quotes_by_sentence.get(sentence.index, ()):
            if number in self.used_quotes:
                continue
            quotation = doc.quotations[number]
            open_mark, close_mark = quotation.token_start - 1, quotation.token_end
            last_sentence = doc.tokens[min(close_mark, len(doc.tokens) - 1)].sentence
            after = self._cue_after(close_mark, doc.sentences[last_sentence])
            cue_info = after or self._cue_before(open_mark, sentence) or self._speaker_colon(open_mark, sentence)
            quoted = [quotation]
            if after is not None:
                # "…", sagte er, "…": a second quotation right after the cue clause continues it
                following = self._next_quote_after(after[2], number)
                if following is not None:
                    quoted.append(doc.quotations[following])
                    self.used_quotes.add(following)
            # the content keeps the quotation marks (SpkAtt counts them as part of a direct message)
            content = [i for q in quoted for i in range(q.token_start - 1, q.token_end + 1)]
            if cue_info is None:
                if self._is_full_sentence_quote(quotation, sentence) and \
                        self.add_with_context_speaker(sentence, "direct", content):
                    self.used_quotes.add(number)
                continue
            cue, speaker, _ = cue_info
            statement = self.add(sentence, "direct", content, cue, speaker, addressee=self._addressee(cue, sentence))
            if statement:
                self.used_quotes.add(number)
                self.claimed.update(cue)
                # the colon sentence before, read as a speech act of its own, introduced this quotation
                doc.statements = [s for s in doc.statements if s is statement
                                  or not (s.form == "reported" and set(cue).intersection(s.cue_tokens))]
                if len(quoted) > 1:  # the cue clause between the parts is not part of the content
                    statement.content_parts = [doc.span(q.start, q.end) for q in quoted]
                    statement.content = Span(quoted[0].start, quoted[-1].end,
                                             " ".join(part.text for part in statement.content_parts))

    def _cue_after(self, close_mark: int, sentence: Sentence):
        """``"…", sagte der Staatschef am Freitag``: a speech verb right after the quotation."""
        doc = self.doc
        i = close_mark + 1
        if i < sentence.token_end and doc.tokens[i].text == ",":
            i += 1
        if i >= sentence.token_end:
            return None
        verb = doc.tokens[i]
        lemma = self.cue_lemma(verb, sentence)
        if lemma is None or verb.tag not in FINITE and verb.tag:
            return None
        cue = [i] + self._particle(i, sentence)
        speaker = self._noun_phrase_forward(i + 1, sentence.token_end)
        if not speaker and i + 1 < sentence.token_end and doc.tokens[i + 1].text == "es":
            speaker = self._document_source(i, sentence)  # "…", heißt es in dem Bericht
        clause_end = self._clause_end(i, sentence)
        return cue, speaker, clause_end

    def _cue_before(self, open_mark: int, sentence: Sentence):
        """``Das machte Peskow deutlich: "…"`` / ``Er sagte: "…"``: a cue clause ending in a colon."""
        doc = self.doc
        if open_mark == sentence.token_start:
            return self._colon_sentence_cue(sentence)
        if open_mark - 1 < sentence.token_start or doc.tokens[open_mark - 1].text not in (":", ","):
            return None
        clause_start = self._clause_start(open_mark - 1, sentence)
        if clause_start > sentence.token_start + 1 and doc.tokens[clause_start - 1].text == ",":
            clause_start = self._clause_start(clause_start - 2, sentence)
        announcer = self._announcer(clause_start, open_mark - 1)
        for i in range(clause_start, open_mark - 1):
            token = doc.tokens[i]
            if token.tag in FINITE or not token.tag:
                lemma = self.cue_lemma(token, sentence)
                if lemma is not None and self._not_negated(i, open_mark - 1):
                    cue = sorted({i, *self._particle(i, sentence), *announcer})
                    speaker = self._subject(i, clause_start, open_mark - 1)
                    return cue, speaker, open_mark - 1
                aux_cue = self._participle_cue(i, open_mark - 1, sentence)
                if aux_cue is not None:
                    return sorted({*aux_cue, *announcer}), self._subject(i, clause_start, open_mark - 1), open_mark - 1
        if doc.tokens[open_mark - 1].text == ":":
            return self._announced_quotation(clause_start, open_mark - 1, announcer, sentence)
        return None

    def _announcer(self, clause_start: int, colon: int) -> list[int]:
        """``mit den Worten``, ``wie folgt`` before a colon: part of SpkAtt's cue."""
        if self.doc.tokens[colon].text != ":":
            return []
        words = [t.text.lower() for t in self.doc.tokens[clause_start:colon]]
        for phrase in QUOTATION_ANNOUNCERS:
            for k in range(len(words) - len(phrase) + 1):
                if tuple(words[k:k + len(phrase)]) == phrase:
                    return list(range(clause_start + k, clause_start + k + len(phrase)))
        return []

    def _announced_quotation(self, clause_start: int, colon: int, announcer: list[int], sentence: Sentence):
        """``rief: „…"``, ``warb mit den Worten: „…"``: a colon before a quotation announces it, so
        a verb of saying beyond the cue lexicon, or any verb with ``mit den Worten``, is its cue."""
        doc = self.doc
        verbs = [i for i in range(clause_start, colon) if doc.tokens[i].tag.startswith("V")]
        for i in verbs:
            token = doc.tokens[i]
            particle = self._particle(i, sentence) if token.tag in FINITE else []
            lemma = (token.lemma or token.text).lower()
            if particle:
                lemma = doc.tokens[particle[0]].text.lower() + lemma
            if lemma in word_list("communication_verbs.txt") and lemma not in NOT_ANNOUNCING_VERBS \
                    or announcer and token.tag not in {"VAFIN", "VMFIN"}:
                if not self._not_negated(clause_start, colon - 1):
                    return None
                cue = sorted({i, *particle, *announcer})
                finite = i if token.tag in FINITE else max((j for j in verbs if j < i and doc.tokens[j].tag in FINITE),
                                                           default=i)
                subject = self._subject(finite, clause_start, colon)
                if not subject and doc.tokens[finite - 1].text.lower() == "und":
                    # "biss der Randalierer den Fluggast und rief:": the subject of the first verb
                    first = max((j for j in verbs if j < finite and doc.tokens[j].tag in FINITE), default=finite)
                    subject = self._subject(first, self._clause_start(first, sentence), finite - 1)
                return cue, subject, colon
        return None

    def _colon_sentence_cue(self, sentence: Sentence):
        """Pre-split text (SpkAtt) ends a sentence at the colon: ``Müller bezweifelte offen die
        Eignung Merkels:`` + ``„…“``: the cue clause is the sentence before."""
        previous = colon_sentence_before(self.doc, sentence.index)
        if previous is None or previous.token_end - 1 <= previous.token_start:
            return None
        return self._cue_before(previous.token_end, previous)

    def _speaker_colon(self, open_mark: int, sentence: Sentence):
        """``Bundesinnenminister Schäuble: „…"``: a bare name before a colon introduces the quotation."""
        doc = self.doc
        colon = open_mark - 1
        if colon <= sentence.token_start or doc.tokens[colon].text != ":":
            return None
        speaker = list(range(sentence.token_start, colon))
        cue = []
        if len(speaker) > 1 and doc.tokens[speaker[-1]].text.lower() in VERBATIM_WORDS:
            cue = [speaker.pop()]  # "Koppelin wörtlich: „…"": SpkAtt's cue
        words = [doc.tokens[j] for j in speaker]
        if len(words) > MAX_COLON_SPEAKER_TOKENS or words[-1].tag not in NOUN_TAGS \
                or not all(t.tag in NP_TAGS for t in words):
            return None
        # a name, or a role ("Ein Beamter der Nationalpolizei:", "BKA-Präsident Ziercke:"; HanTa
        # tags unknown surnames NN)
        if not any(t.tag == "NE" or parse_role(t.text) is not None for t in words):
            return None
        return cue, speaker, colon

    def _next_quote_after(self, position: int, number: int) -> int | None:
        doc = self.doc
        for other in range(number + 1, len(doc.quotations)):
            quotation = doc.quotations[other]
            opener = quotation.token_start - 1
            between = doc.tokens[position + 1:opener] if position is not None else []
            if opener > position and all(t.text in {",", ":"} for t in between):
                return other
            if opener > position:
                return None
        return None

    def _is_full_sentence_quote(self, quotation, sentence: Sentence) -> bool:
        """A quotation that is a sentence by itself (not a scare-quoted phrase)."""
        doc = self.doc
        first = doc.tokens[quotation.token_start]
        inner_last = doc.tokens[quotation.token_end - 1]
        starts_sentence = quotation.token_start - 1 <= sentence.token_start
        return starts_sentence and first.text[:1].isupper() and inner_last.text in ".!?" \
            and quotation.token_end - quotation.token_start >= 4

    # -- 3. speech verbs with a clause or a speech act ------------------------------------
    def _verb_cues(self, sentence: Sentence) -> list[tuple[list[int], list[int]]]:
        """Add indirect statements; return speech acts (cue, subject) left for the reported rule."""
        doc = self.doc
        acts = []
        finite = [i for i in range(sentence.token_start, sentence.token_end)
                  if doc.tokens[i].tag in FINITE and not doc.tokens[i].in_quote]
        # ", sagte Peskow" at the end governs everything before it: try such cues first
        finite.sort(key=lambda i: (doc.tokens[i - 1].text != "," or i == sentence.token_start, i))
        for i in finite:
            token = doc.tokens[i]
            if i in self.claimed:
                continue
            lemma = self.cue_lemma(token, sentence)
            cue = [i] + self._particle(i, sentence) if lemma else self._participle_cue(i, None, sentence)
            if not cue:
                continue
            lemma = lemma or self.cue_lemma(doc.tokens[cue[0]], sentence)
            kinds = cue_verbs().get(lemma or "", frozenset())
            clause_start = self._clause_start(i, sentence)
            if not self._not_negated(clause_start, self._clause_end(i, sentence)):
                continue
            subject = self._subject(i, clause_start, self._clause_end(i, sentence))
            if not subject and i - 1 >= sentence.token_start and doc.tokens[i - 1].tag == "KON":
                # "Podolski war anwesend und sagte, …": the coordinated verb shares the first subject
                subject = self._sentence_subject(sentence, exclude=range(i, i + 1))
            impersonal = i + 1 < sentence.token_end and doc.tokens[i + 1].text == "es"  # "heißt es, …"
            if impersonal and not subject:
                subject = self._document_source(i, sentence)
            if not subject and not impersonal:
                continue
            if "clause" in kinds and self._indirect(sentence, i, cue, subject, clause_start):
                continue
            passive = cue[0] != i and (doc.tokens[i].lemma or "").lower() == "werden"
            if "act" in kinds and not passive and not self._has_content_clause(i, sentence):
                acts.append((cue, subject))
        return acts

    def _indirect(self, sentence: Sentence, verb: int, cue: list[int], subject: list[int], clause_start: int) -> bool:
        doc = self.doc
        clause_end = self._clause_end(max(verb, *cue), sentence)  # the cue may follow an apposition
        # (a) content first: "Die Sicherheit … dürfe nicht …, sagte Peskow"
        if clause_start > sentence.token_start and doc.tokens[clause_start - 1].text == "," \
                and verb == clause_start:
            content = list(range(sentence.token_start, clause_start - 1))
            # "…, heißt es (in dem Bericht)"; a source in the content itself ("In der Resolution …") is no frame
            document_frame = verb + 1 < sentence.token_end and doc.tokens[verb + 1].text == "es" \
                and not (subject and subject[0] < clause_start)
            if content and (self._reportive(content) or document_frame):
                return self.add(sentence, "indirect", content, cue, subject,
                                addressee=self._addressee(cue, sentence)) is not None
        # (b) cue first: "Putin hob hervor, dass …" / "Er sagte, er habe …"
        if clause_end + 1 < sentence.token_end and doc.tokens[clause_end + 1].text in {",", ":"}:
            start = clause_end + 2
            relative = start + 1 < sentence.token_end and doc.tokens[start].tag == "APPR" \
                and doc.tokens[start + 1].tag == "PRELS"  # "Studien, nach denen …" belongs to the noun
            if start < sentence.token_end and not relative:
                first = doc.tokens[start].text.lower()
                end = self._complement_end(start, sentence)
                content = list(range(start, end))
                adverbial = doc.tokens[start].tag == "KOUS" and first not in SUBORDINATORS
                if first in SUBORDINATORS or first in W_WORDS or not adverbial and (
                        self._reportive(content) or self._infinitive_clause(content)
                        or doc.tokens[clause_end + 1].text == ":"):
                    return self.add(sentence, "indirect", content, cue, subject,
                                    addressee=self._addressee(cue, sentence)) is not None
        # (c) the comma left out: "Pérez hoffte dass …", "hat angekündigt die Preise … zu erhöhen"
        start = self._commaless_complement(cue, clause_end)
        if start is not None:
            content = list(range(start, self._complement_end(start, sentence)))
            return self.add(sentence, "indirect", content, cue, subject,
                            addressee=self._addressee(cue, sentence)) is not None
        return False

    def _commaless_complement(self, cue: list[int], clause_end: int) -> int | None:
        """Where a content clause starts that no comma sets off: ``dass``/``ob`` at most two words
        after the cue, or a zu-infinitive right after a clause-final participle cue."""
        doc = self.doc
        last = max(cue)
        for j in range(last + 1, min(last + 4, clause_end + 1)):
            token = doc.tokens[j]
            if token.text.lower() in SUBORDINATORS and token.tag == "KOUS":
                return j
            if token.tag.startswith("V") or token.tag == "KON":  # another verb or clause: no complement
                break
        if doc.tokens[last].tag == "VVPP" and last < clause_end and all(
                doc.tokens[j].tag not in FINITE for j in range(last + 1, clause_end + 1)) \
                and self._infinitive_clause(list(range(last + 1, clause_end + 1))):
            return last + 1
        return None

    def _has_content_clause(self, verb: int, sentence: Sentence) -> bool:
        end = self._clause_end(verb, sentence)
        nxt = self.doc.tokens[end + 2].text.lower() if end + 2 < sentence.token_end else ""
        return nxt in SUBORDINATORS

    def _complement_end(self, start: int, sentence: Sentence) -> int:
        """The content clause runs to the sentence end, minus a trailing ``, so X`` or ``, sagte X``."""
        doc = self.doc
        end = sentence.token_end
        for j in range(start + 1, sentence.token_end - 1):
            if doc.tokens[j].text == "," and self.cue_lemma(doc.tokens[j + 1], sentence):
                return j
            if doc.tokens[j].text in {".", "!", "?"} and not doc.tokens[j].in_quote \
                    and doc.tokens[j + 1].text[:1].isupper():
                return j  # a sentence end the given sentence split missed ("… zu wollen. Im Mai …")
        return end

    def _infinitive_clause(self, content: list[int]) -> bool:
        """``erklärte, die Rechte … schützen zu wollen``: a zu-infinitive before any finite verb."""
        for i in content:
            token = self.doc.tokens[i]
            if token.tag in FINITE or token.text == ",":
                return False
            if token.tag == "VVIZU" or token.tag == "PTKZU":
                return True
        return False

    def _reportive(self, content: list[int]) -> bool:
        """Content whose first main-clause finite verb is Konjunktiv I (or ambiguous with it)."""
        for i in content:
            token = self.doc.tokens[i]
            if token.tag in FINITE:
                return token.mood in {"subj1", "amb", "subj2"} if token.mood else False
        return False

    # -- 4. nominal cues ---------------------------------------------------------------------
    def _nominal_cues(self, sentence: Sentence) -> None:
        doc = self.doc
        tokens = doc.sentence_tokens(sentence)
        nouns = word_list("attribution_nouns.txt")
        for position, token in enumerate(tokens):
            i = token.index
            if i in self.claimed or token.in_quote:
                continue
            word = token.text.lower()
            found = None
            if word == "zufolge":
                speaker = self._noun_phrase_backward(i - 1, sentence.token_start)
                if speaker:
                    found = ([i], speaker, None, speaker[0], i)
            elif word in ("laut", "lt.", "gemäß") and position + 1 < len(tokens):
                if tokens[position + 1].tag == "PRELS" and position > 0 and tokens[position - 1].text == ",":
                    found = self._relative_source(i, sentence)  # "ein Gutachten, laut dem …"
                else:
                    speaker = self._noun_phrase_forward(i + 1, sentence.token_end)
                    if speaker:
                        found = ([i], speaker, None, i, speaker[-1])
            elif word == "nach" and position + 1 < len(tokens):
                found = self._nach_angaben(i, sentence, nouns)
                if found is None and position > 0:
                    found = self._postposed_nach(i, sentence, nouns)
            elif word in ("demnach", "wonach") and (position == 0 or tokens[position - 1].text == ","):
                previous = self.doc.statements[-1].speaker if self.doc.statements else None
                found = ([i], [i], (previous.start, previous.end) if previous else None, i, i)
            elif word == "so" and position > 0 and tokens[position - 1].text == "," and position + 1 < len(tokens):
                start = i + 1
                verb = doc.tokens[start]
                if verb.tag in FINITE and self.cue_lemma(verb, sentence):  # ", so urteilte Romney"
                    start += 1
                speaker = self._noun_phrase_forward(start, sentence.token_end)
                end = self._clause_end(speaker[-1], sentence) if speaker else None
                if speaker and (end + 2 >= sentence.token_end or doc.tokens[end + 1].text == ","):
                    found = (list(range(i, start)), speaker, None, i - 1, end)
            elif word == "wie" and (position == 0 or tokens[position - 1].text == ","):
                found = self._wie_cue(i, sentence)
            if found is None:
                continue
            cue, speaker, speaker_chars, frame_start, frame_end, *clause = found
            if word in ("nach", "laut") and i == sentence.token_start and speaker and not clause:
                # "Nach Angaben der Gesellschaft für Menschenrechte kommt es …": the fronted phrase
                # runs to the finite verb
                end = fronted_phrase_end(doc, frame_end)
                speaker = speaker + list(range(frame_end + 1, end + 1))
                if speaker_chars and end > frame_end:
                    speaker_chars = (speaker_chars[0], doc.tokens[end].end)
                frame_end = end
            if self._is_channel(speaker) and self._set_via(sentence, speaker):
                continue  # "sagte er der Agentur Interfax zufolge": a channel, not a speaker
            if clause:  # a relative clause: its own content only
                content = list(range(frame_end + 1, clause[0] + 1))
            else:
                content = [t for t in range(sentence.token_start, sentence.token_end)
                           if not frame_start <= t <= frame_end]
            content = self._trim_commas(content, frame_start, frame_end)
            addressee = self._addressee(cue, sentence) if word == "wie" else None
            statement = self.add(sentence, "indirect", content, cue, speaker, speaker_chars=speaker_chars,
                                 addressee=addressee)
            if statement and word == "nach" and doc.tokens[cue[0] + 1].index <= frame_end:
                head = next(j for j in range(cue[0], frame_end + 1)
                            if _is_attribution_noun(doc.tokens[j].text, nouns) or j == frame_end)
                statement.cue = doc.token_span(min(cue[0], head), max(cue[0], head))  # "nach eigenen Angaben"

    def _nach_angaben(self, i: int, sentence: Sentence, nouns: frozenset[str]):
        doc = self.doc
        j = i + 1
        modifier = None
        if j < sentence.token_end and doc.tokens[j].tag == "PRELS" and doc.tokens[i - 1].text == ",":
            return self._relative_source(i, sentence)
        determiner = None
        if j < sentence.token_end and (doc.tokens[j].tag in {"ART", "PDAT", "PRELAT"}
                                       or doc.tokens[j].text.lower() in {"dessen", "deren"}):
            determiner = j  # "nach einer norwegischen Studie", "nach dessen Angaben"
            j += 1
        if j < sentence.token_end and doc.tokens[j].tag in {"ADJA", "PPOSAT"} or doc.tokens[j].text in {
                "eigenen", "offiziellen", "ersten", "übereinstimmenden", "vorläufigen", "unbestätigten"}:
            modifier = j
            j += 1
        while j + 1 < sentence.token_end and doc.tokens[j].tag == "ADJA" and doc.tokens[j + 1].tag in {"ADJA", "NN"}:
            j += 1
        if j >= sentence.token_end:
            return None
        if determiner is not None:
            if not _is_attribution_noun(doc.tokens[j].text, nouns):
                return None
            speaker = self._noun_phrase_forward(j + 1, sentence.token_end, genitive=True)
            if speaker and doc.tokens[speaker[0]].tag == "ART":  # "einer Stellungnahme der US-Armee"
                chars = (doc.tokens[speaker[0]].start, doc.tokens[speaker[-1]].end)
                return [i], list(range(determiner, speaker[-1] + 1)), chars, i, speaker[-1]
            return [i], list(range(determiner, j + 1)), None, i, j
        noun = doc.tokens[j]
        head = noun.text.rsplit("-", 1)[-1]
        if not _is_attribution_noun(noun.text, nouns):
            return None
        # SpkAtt marks "nach" as the cue and "Angaben der Polizei" as the source; our speaker is "der Polizei".
        source_start = modifier if modifier is not None else j
        if "-" in noun.text and head in nouns:  # nach Kreml-Angaben
            prefix = noun.text.rsplit("-", 1)[0]
            return [i], [j], (noun.start, noun.start + len(prefix)), i, j
        if modifier is not None and doc.tokens[modifier].text.lower() in {"eigenen", "eigener"}:
            subject = self._sentence_subject(sentence, exclude=range(i, j + 1))
            chars = (doc.tokens[subject[0]].start, doc.tokens[subject[-1]].end) if subject else None
            return [i], list(range(source_start, j + 1)), chars, i, j
        if modifier is not None and doc.tokens[modifier].text[:1].islower() and \
                doc.tokens[modifier].text.lower() not in {"offiziellen", "ersten", "vorläufigen", "unbestätigten",
                                                          "übereinstimmenden"}:  # nach ukrainischen Angaben
            return [i], list(range(source_start, j + 1)), (doc.tokens[modifier].start, doc.tokens[modifier].end), i, j
        speaker = self._noun_phrase_forward(j + 1, sentence.token_end, genitive=True)
        if speaker and doc.tokens[speaker[0]].text.lower() == "von":
            speaker = speaker[1:]
        if not speaker:
            return [i], list(range(source_start, j + 1)), None, i, j
        chars = (doc.tokens[speaker[0]].start, doc.tokens[speaker[-1]].end)
        return [i], list(range(source_start, speaker[-1] + 1)), chars, i, speaker[-1]

    def _relative_source(self, i: int, sentence: Sentence):
        """``Studien, nach denen Homöopathie … ebenbürtig sei`` (also ``laut dem``): the relative
        pronoun is the source, the relative clause the content."""
        pronoun = i + 1
        end = self._clause_end(pronoun, sentence)
        while end + 2 < sentence.token_end and self.doc.tokens[end + 1].text == "," \
                and self.doc.tokens[end + 2].tag not in {"PRELS", "KOUS"} | FINITE:
            end = self._clause_end(end + 2, sentence)
        if end <= pronoun + 1:
            return None
        return [i], [pronoun], None, i, pronoun, end

    def _postposed_nach(self, i: int, sentence: Sentence, nouns: frozenset[str]):
        """``Seiner Meinung nach``, ``Angaben der Polizei nach``."""
        phrase = self._noun_phrase_backward(i - 1, sentence.token_start)
        if not phrase or not any(_is_attribution_noun(self.doc.tokens[j].text, nouns) for j in phrase):
            return None
        return [i], phrase, None, phrase[0], i

    def _wie_cue(self, i: int, sentence: Sentence):
        """``Wie er gegenüber Interfax erklärte, …``"""
        doc = self.doc
        end = self._clause_end(i + 1, sentence)
        for j in range(i + 1, end + 1):
            token = doc.tokens[j]
            if token.tag in FINITE or token.tag in NONFINITE_VERB:
                lemma = self.cue_lemma(token, sentence)
                if lemma and "clause" in cue_verbs().get(lemma, ()):
                    speaker = self._noun_phrase_forward(i + 1, end + 1)
                    return [j], speaker, None, i, end + (1 if end + 1 < sentence.token_end
                                                         and doc.tokens[end + 1].text == "," else 0)
        return None

    def _is_channel(self, phrase: list[int]) -> bool:
        channels = word_list("reporting_channels.txt")
        return any(self.doc.tokens[j].text.rsplit("-", 1)[-1] in channels for j in phrase)

    def _set_via(self, sentence: Sentence, phrase: list[int]) -> bool:
        """Give the sentence's statement its channel; False when the sentence has no statement yet."""
        for statement in reversed(self.doc.statements):
            if statement.sentence == sentence.index or statement.cue_tokens and \
                    self.doc.tokens[statement.cue_tokens[0]].sentence == sentence.index:
                statement.via = self.doc.token_span(phrase[0], phrase[-1])
                return True
        return False

    # -- 6. continuations -------------------------------------------------------------------
    def _continuation(self, sentence: Sentence) -> None:
        doc = self.doc
        tokens = [t for t in doc.sentence_tokens(sentence) if t.index not in self.claimed]
        if len(tokens) < 3 or any(t.in_quote for t in tokens[:2]):
            return
        finite = next((t for t in tokens if t.tag in FINITE and not t.in_quote), None)
        if finite is None:
            return
        # "X soll … verteilt haben": the reportive modal marks hearsay without a cue
        hearsay = (finite.lemma or "").lower() == "sollen" and tokens[-2].text.lower() in {"haben", "sein", "worden"} \
            if len(tokens) > 2 else False
        if finite.mood != "subj1" and not hearsay:
            return
        statement = self.add_with_context_speaker(sentence, "indirect", [t.index for t in tokens])
        if statement:
            statement.spkatt_form = "FreeIndirect" if hearsay and finite.mood != "subj1" else "IndirectFreeIndirect"

    def add_with_context_speaker(self, sentence: Sentence, form: str, content: list[int]) -> Statement | None:
        """A statement without a cue: its speaker is the last one quoted nearby, else the subject
        of the previous sentence when that names someone."""
        doc = self.doc
        previous = self._recent_statement(sentence.index)
        if previous is not None and previous.speaker is not None:
            statement = self.add(sentence, form, content, [], list(previous.speaker_tokens), continuation=True)
            if statement:
                statement.speaker = previous.speaker
            return statement
        subject = self._named_subject(sentence.index - 1) if sentence.index > 0 else []
        if not subject and doc.statements and doc.statements[-1].speaker is not None:
            earlier = doc.statements[-1]
            statement = self.add(sentence, form, content, [], list(earlier.speaker_tokens), continuation=True)
            if statement:
                statement.speaker = earlier.speaker
            return statement
        return self.add(sentence, form, content, [], subject, continuation=True)

    def _named_subject(self, sentence_index: int) -> list[int]:
        """The subject of a sentence when it contains a name (``Ministerpräsident Günther Oettinger``)."""
        sentence = self.doc.sentences[sentence_index]
        if sentence.paragraph != self.doc.sentences[min(sentence_index + 1, len(self.doc.sentences) - 1)].paragraph:
            return []
        subject = self._sentence_subject(sentence)
        return subject if any(self.doc.tokens[j].tag == "NE" for j in subject) else []

    def _recent_statement(self, sentence_index: int) -> Statement | None:
        paragraph = self.doc.sentences[sentence_index].paragraph
        for statement in reversed(self.doc.statements):
            before = self.doc.sentences[statement.sentence]
            if sentence_index - MAX_CONTINUATION_GAP <= statement.sentence < sentence_index \
                    and before.paragraph == paragraph:
                return statement
        return None

    # -- helpers ---------------------------------------------------------------------------
    def cue_lemma(self, token: Token, sentence: Sentence) -> str | None:
        """Dictionary lemma of a speech verb, with its separable particle: ``hob … hervor`` → hervorheben."""
        verbs = cue_verbs()
        lemma = (token.lemma or token.text).lower()
        particle = self._particle(token.index, sentence) if token.tag in FINITE else []
        if particle:
            word = self.doc.tokens[particle[0]].text.lower()
            joined = word + lemma
            if joined in verbs:
                return joined
            return None  # "sprach sich aus" is not "sprechen"
        return lemma if lemma in verbs else None

    def _particle(self, verb: int, sentence: Sentence) -> list[int]:
        doc = self.doc
        end = self._clause_end(verb, sentence)
        for j in range(verb + 1, end + 1):
            if doc.tokens[j].tag == "PTKVZ" and doc.tokens[j].text.lower() not in NOT_PARTICLES:
                return [j]
        # "teilte der Direktor der Behörde, Bagus Puruhito, mit.": the particle after an apposition
        last = sentence.token_end - 2
        if last > end + 1 and doc.tokens[last].tag == "PTKVZ" and doc.tokens[last - 1].text == "," \
                and doc.tokens[last + 1].text in {".", "!", "?"}:
            return [last]
        return []

    def _document_source(self, verb: int, sentence: Sentence) -> list[int]:
        """``heißt es in dem Bericht`` / ``In der Resolution heißt es``: the document as source."""
        doc = self.doc
        start, end = self._clause_start(verb, sentence), self._clause_end(verb, sentence)
        places = [j for j in range(start, end + 1) if doc.tokens[j].text.lower() in DOCUMENT_PREPOSITIONS]
        if not places and doc.tokens[sentence.token_start].text.lower() in DOCUMENT_PREPOSITIONS:
            places = [sentence.token_start]
        for j in places:
            phrase = self._noun_phrase_forward(j + 1, sentence.token_end)
            if phrase and doc.tokens[phrase[0]].tag != "PPER":
                return phrase
        return []

    def _participle_cue(self, finite: int, stop: int | None, sentence: Sentence) -> list[int] | None:
        """``hat … gewarnt``, ``will … sprechen``: a speech verb in the clause's verb-final position."""
        doc = self.doc
        if doc.tokens[finite].tag not in {"VAFIN", "VMFIN"}:
            return None
        end = self._clause_end(finite, sentence) if stop is None else stop - 1
        for j in range(end, finite, -1):
            token = doc.tokens[j]
            if token.tag == "VVIZU" or token.tag in NONFINITE_VERB and doc.tokens[j - 1].tag == "PTKZU":
                continue  # "hat angekündigt die Preise zu erhöhen": a zu-infinitive after the participle
            if token.tag in NONFINITE_VERB:
                lemma = (token.lemma or token.text).lower()
                if lemma in cue_verbs():
                    return [j]
                particle = doc.tokens[j - 1].text.lower() if doc.tokens[j - 1].tag == "PTKVZ" else ""
                return [j] if particle + lemma in cue_verbs() and particle else None
        if stop is None:
            return self._participle_after_apposition(end, sentence)
        return None

    def _participle_after_apposition(self, end: int, sentence: Sentence) -> list[int] | None:
        """``hatte der Investor, Larry A. Silverstein, zugesagt, …``: the participle after an
        apposition that closes the subject."""
        doc = self.doc
        comma = end + 1
        if comma >= sentence.token_end or doc.tokens[comma].text != ",":
            return None
        j = comma + 1
        while j < sentence.token_end and doc.tokens[j].tag in APPOSITION_TAGS:
            j += 1
        if j == comma + 1 or j + 1 >= sentence.token_end or doc.tokens[j].text != ",":
            return None
        participle = doc.tokens[j + 1]
        after = doc.tokens[j + 2].text if j + 2 < sentence.token_end else "."
        if participle.tag in NONFINITE_VERB and after in {",", ".", ":"} \
                and (participle.lemma or participle.text).lower() in cue_verbs():
            return [j + 1]
        return None

    def _not_negated(self, start: int, end: int) -> bool:
        return not any(self.doc.tokens[j].text.lower() in NEGATIONS and self.doc.tokens[j].tag in {"PTKNEG", "PIAT"}
                       for j in range(start, end + 1) if j < len(self.doc.tokens))

    def _clause_start(self, i: int, sentence: Sentence) -> int:
        j = i
        while j > sentence.token_start and self.doc.tokens[j - 1].text not in CLAUSE_BOUNDARY \
                and not is_quote_mark(self.doc.tokens[j - 1].text):
            j -= 1
        return j

    def _clause_end(self, i: int, sentence: Sentence) -> int:
        j = i
        last = sentence.token_end - 1
        while j < last and self.doc.tokens[j + 1].text not in CLAUSE_BOUNDARY | {".", "!", "?"}:
            if is_quote_mark(self.doc.tokens[j + 1].text):
                close = self._quoted_name_end(j + 1)
                if close is None:
                    break
                j = close
                continue
            j += 1
        return j

    def _quoted_name_end(self, open_mark: int) -> int | None:
        """The closing mark of a short quoted name inside a clause (``der „Berliner Zeitung"``)."""
        quotation = self.quote_opened_at.get(open_mark)
        if quotation is None or quotation.token_end - quotation.token_start > MAX_QUOTED_NAME_TOKENS:
            return None
        words = self.doc.tokens[quotation.token_start:quotation.token_end]
        if not words[0].text[:1].isupper() or any(t.tag in FINITE or t.text in ".!?," for t in words):
            return None
        return quotation.token_end

    def _subject(self, verb: int, clause_start: int, clause_end: int) -> list[int]:
        """The verb's subject: a name or pronoun right after the verb wins over a Vorfeld demonstrative."""
        doc = self.doc
        if doc.tokens[clause_start].tag in {"KOUS", "PWAV", "PRELS"} or \
                doc.tokens[clause_start].text.lower() in SUBORDINATORS | W_WORDS:
            return self._noun_phrase_forward(clause_start + 1, verb)  # verb-final clause: subject follows it
        start_after = verb + 1
        while start_after <= clause_end and start_after < verb + 3 and doc.tokens[start_after].tag in {"PRF", "ADV", "ADJD"}:
            start_after += 1
        before = list(range(clause_start, verb))
        if len(before) > 1 and doc.tokens[before[0]].text.lower() in FOCUS_PARTICLES:
            before = before[1:]  # "Auch das Außenministerium kritisierte …"
        if not before and clause_start > 1 and doc.tokens[clause_start - 1].text == ",":
            opening = self._opening_apposition(clause_start - 1)
            if opening:
                return opening
        after = self._noun_phrase_forward(start_after, clause_end + 1)
        if not before and not after and clause_start > 1 and doc.tokens[clause_start - 1].text == ",":
            return self._apposition_before(clause_start - 1)
        before_is_np = before and doc.tokens[before[0]].tag in NP_TAGS | {"PPER", "PIS"} \
            and all(doc.tokens[j].tag in VORFELD_INNER or is_quote_mark(doc.tokens[j].text) for j in before) \
            and doc.tokens[before[-1]].tag in NOUN_TAGS | {"PPER", "PIS"} and len(before) <= MAX_SPEAKER_TOKENS + 4
        demonstrative = len(before) == 1 and doc.tokens[before[0]].text.lower() in {"das", "dies", "dieses"}
        # "Die Tat bezeichnete er als sinnlos": a nominative-only pronoun after the verb is the subject
        nominative_after = len(after) == 1 and doc.tokens[after[0]].text.lower() in NOMINATIVE_PRONOUNS
        if before_is_np and not (after and demonstrative) and not nominative_after \
                and (doc.tokens[before[0]].tag != "PPER" or doc.tokens[before[0]].text.lower() in PRONOUN_SUBJECTS):
            return before
        if after:
            return after
        return self._noun_phrase_backward(verb - 1, clause_start) if before else []

    def _apposition_before(self, comma: int) -> list[int]:
        """``Der Direktor des Hilfswerks, Anthony Lake, sagte``: the phrase before the comma, with its apposition."""
        doc = self.doc
        sentence = doc.sentences[doc.tokens[comma].sentence]
        phrase = self._noun_phrase_backward(comma - 1, sentence.token_start)
        if not phrase:
            return []
        first = phrase[0]
        if first - 1 > sentence.token_start and doc.tokens[first - 1].text == ",":
            earlier = self._noun_phrase_backward(first - 2, sentence.token_start)
            if earlier and earlier[0] == sentence.token_start:
                first = earlier[0]
        return list(range(first, comma))

    def _opening_apposition(self, comma: int) -> list[int]:
        """``Frank Biermann, Vorsitzender der DJU für das Münsterland, sagte``: all of it, when the
        sentence opens with a noun phrase and an apposition that the comma before the verb closes."""
        doc = self.doc
        sentence = doc.sentences[doc.tokens[comma].sentence]
        first_comma = next(j for j in range(sentence.token_start, comma + 1) if doc.tokens[j].text == ",")
        opening = doc.tokens[sentence.token_start:first_comma]
        if opening and first_comma < comma and opening[0].tag in SUBJECT_START_TAGS \
                and opening[-1].tag in NOUN_TAGS and not any(t.tag in FINITE or t.tag == "KOUS" for t in opening):
            return list(range(sentence.token_start, comma))
        return []

    def _sentence_subject(self, sentence: Sentence, exclude: range = range(0)) -> list[int]:
        doc = self.doc
        for i in range(sentence.token_start, sentence.token_end):
            if doc.tokens[i].tag in FINITE and i not in exclude:
                return self._subject(i, self._clause_start(i, sentence), self._clause_end(i, sentence))
        return []

    def _noun_phrase_forward(self, start: int, stop: int, genitive: bool = False) -> list[int]:
        """A subject-like noun phrase from ``start``: pronoun, or (ART) (ADJA)* NN/NE+ (genitive attribute)."""
        doc = self.doc
        if start >= stop:
            return []
        first = doc.tokens[start]
        if first.tag == "PPER" or first.text.lower() in PRONOUN_SUBJECTS:
            return [start] if first.text.lower() in PRONOUN_SUBJECTS - {"es"} else []
        if genitive and first.text.lower() == "von":
            rest = self._noun_phrase_forward(start + 1, stop)
            return [start] + rest if rest else []
        j, last_noun = start, None
        while j < stop and j - start < MAX_SPEAKER_TOKENS:
            token = doc.tokens[j]
            lower = token.text.lower()
            if token.tag in NOUN_TAGS or (not token.tag and token.text[:1].isupper()):
                # after a common noun only a name continues the phrase ("Kreml-Sprecher Dmitri Peskow")
                if last_noun is not None and last_noun == j - 1 and token.tag == "NN" \
                        and doc.tokens[last_noun].tag == "NE":
                    break
                last_noun = j
            elif last_noun is None and token.tag in NP_TAGS and lower not in {"am", "im"}:
                pass
            elif last_noun is not None and lower in GENITIVE_ARTICLES and token.tag == "ART" \
                    and doc.tokens[last_noun].tag != "NE":
                pass  # "der Sprecher des Ministeriums", "Kopf einer Gruppe"; not "Peskow der Agentur Interfax"
            elif last_noun is not None and token.tag in {"ADJA", "PPOSAT"} and doc.tokens[j - 1].tag == "ART":
                pass
            else:
                break
            j += 1
        if last_noun is None:
            return []
        sentence_end = doc.sentences[doc.tokens[start].sentence].token_end
        return list(range(start, self._extend_noun_phrase(last_noun, sentence_end) + 1))

    def _extend_noun_phrase(self, last: int, stop: int) -> int:
        """Attachments SpkAtt counts as part of a source: ``( CDU )``, ``„ Jungle World “``,
        ``von Bayer 04 Leverkusen``, and an apposition ``, Gründer der Rockband`` closing the clause."""
        doc = self.doc
        while last + 1 < stop:
            nxt = doc.tokens[last + 1]
            if nxt.text == "(" and last + 3 < stop and doc.tokens[last + 3].text == ")" and \
                    doc.tokens[last + 2].text[:1].isupper():
                last += 3
            elif is_quote_mark(nxt.text) and last + 2 < stop:
                close = next((k for k in range(last + 2, min(stop, last + 10)) if is_quote_mark(doc.tokens[k].text)), None)
                if close is None:
                    break
                last = close
            elif nxt.text.lower() in {"von", "vom", "aus"} and doc.tokens[last].tag in {"NN", "NE"} \
                    and (attribute_end := self._attribute_end(last + 2, stop, nxt.text.lower())) is not None:
                last = attribute_end
            elif nxt.text == "," and last + 2 < stop:
                apposition = self._noun_phrase_forward(last + 2, stop) if doc.tokens[last + 2].tag != "PPER" else []
                after = apposition[-1] + 1 if apposition else None
                if apposition and (after >= stop or doc.tokens[after].text in {",", ".", ":"}):
                    last = apposition[-1]
                else:
                    break
            else:
                break
        return last

    def _attribute_end(self, start: int, stop: int, preposition: str) -> int | None:
        """End of ``vom niederösterreichischen Landeskriminalamt`` / ``aus Syke`` after a source noun."""
        doc = self.doc
        j = start
        if preposition == "von" and j < stop and doc.tokens[j].tag == "ART":
            j += 1
        while j < stop and doc.tokens[j].tag == "ADJA" and preposition != "aus":
            j += 1
        wanted = {"NE"} if preposition == "aus" else {"NE", "NN"}
        if j >= stop or doc.tokens[j].tag not in wanted or doc.tokens[j].text in TIME_NOUNS:
            return None
        while j + 1 < stop and doc.tokens[j + 1].tag in {"NE", "CARD"}:
            j += 1
        return j

    def _noun_phrase_backward(self, end: int, stop: int) -> list[int]:
        """The noun phrase ending at ``end`` (for ``X zufolge``)."""
        doc = self.doc
        if end < stop or doc.tokens[end].tag not in NOUN_TAGS | {"PPER"} and doc.tokens[end].tag:
            return []
        if doc.tokens[end].tag == "PPER":
            return [end] if doc.tokens[end].text.lower() in PRONOUN_SUBJECTS else []
        j = end
        while j - 1 >= stop and end - j < MAX_SPEAKER_TOKENS:
            previous, current = doc.tokens[j - 1], doc.tokens[j]
            if previous.tag in {"ADJA", "PPOSAT", "PIAT", "PDAT", "CARD"} and current.tag in {"ADJA", "NN", "NE"}:
                j -= 1
            elif previous.tag == "ART":
                j -= 1
                if previous.text.lower() in GENITIVE_ARTICLES and j - 1 >= stop and doc.tokens[j - 1].tag == "NN":
                    j -= 1  # "Angaben der Polizei"
                    continue
                break
            elif previous.tag in {"NN", "NE"} and current.tag == "NE":
                j -= 1  # "Agentur Interfax", "Dmitri Peskow"
            else:
                break
        return list(range(j, end + 1))

    def _addressee(self, cue: list[int], sentence: Sentence) -> list[int] | None:
        """``vor Reportern``, ``gegenüber der Agentur``: the audience of the cue's clause."""
        doc = self.doc
        if not cue:
            return None
        start, end = self._clause_start(cue[0], sentence), self._clause_end(cue[0], sentence)
        for j in range(start, end + 1):
            word = doc.tokens[j].text.lower()
            if word in {"gegenüber", "vor"} and j + 1 <= end:
                phrase = self._noun_phrase_forward(j + 1, end + 1)
                if phrase and (word == "gegenüber" or doc.tokens[phrase[-1]].tag == "NN"
                               and doc.tokens[phrase[0]].tag != "CARD"):
                    if word == "vor" and doc.tokens[phrase[-1]].text in TIME_NOUNS:
                        continue  # "vor drei Tagen"
                    return phrase
        return None

    def _trim_commas(self, content: list[int], frame_start: int, frame_end: int) -> list[int]:
        doc = self.doc
        return [t for t in content if not (doc.tokens[t].text == "," and (t == frame_start - 1 or t == frame_end + 1))]


def _strip_punctuation(doc: Document, content: list[int], keep_quotes: bool) -> list[int]:
    """Drop leading/trailing commas and the final full stop (SpkAtt messages end before it)."""
    while content and (doc.tokens[content[0]].text in {",", ":", ";", "–", "-"}):
        content = content[1:]
    while content and doc.tokens[content[-1]].text in MESSAGE_END_PUNCT \
            and not keep_quotes:
        content = content[:-1]
    return content


def _is_attribution_noun(word: str, nouns: frozenset[str]) -> bool:
    """``Angaben``, ``Kreml-Angaben``, ``Polizeiangaben``, ``Expertenmeinung``."""
    if word in nouns or word.rsplit("-", 1)[-1] in nouns:
        return True
    lower = word.lower()
    return word[:1].isupper() and any(lower.endswith(n.lower()) and len(lower) > len(n) + 2 for n in nouns)


def _cue_span(doc: Document, cue: list[int]):
    """``hob hervor``, ``nach eigenen Angaben``; for ``wies … zurück`` just the verb."""
    if not cue:
        return None
    return doc.token_span(cue[0], cue[-1] if cue[-1] - cue[0] <= 2 else cue[0])


def _content_span(doc: Document, content: list[int], form: str):
    first, last = content[0], content[-1]
    if form == "direct" and is_quote_mark(doc.tokens[first].text) and is_quote_mark(doc.tokens[last].text) \
            and last > first + 1:
        first, last = first + 1, last - 1  # the JSON content is the quoted words, without the marks
    return doc.token_span(first, last)
