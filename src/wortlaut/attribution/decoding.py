"""From the taggers' labels to statements.

1. The cue tagger labels every token ``B``/``I``/``O``; a ``B`` and the ``I`` tokens after it
   (gaps allowed: ``teilte … mit``) form one cue, completed to SpkAtt's verb complex.
2. For each cue the role tagger labels the tokens of the cue's sentence and its neighbours
   ``S`` (source), ``M`` (message), ``A`` (addressee) or ``O``; source and addressee are one
   noun phrase each, the message the stretches that belong together.
3. :func:`learned_statement` makes a statement of a cue and its roles.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..de.phrases import clause_range
from ..de.punctuation import CLAUSE_MARKS, MESSAGE_END, is_quote_mark
from ..de.tags import AUXILIARY, NONFINITE, NOUN_PHRASE_CONTINUATION, NOUN_PHRASE_OR_PRONOUN, PHRASE_START
from ..de.verbs import ALS_VERBS, PLAIN_SAYING, is_attribution_noun
from ..de.words import FALSE_PARTICLES, PRONOMINAL_ADVERBS
from ..model import Document, Role, Speaker, Statement

# "berichtete davon", "wies darauf hin": SpkAtt's cue takes the pronominal adverb after the verb
# (52 of 65 in the training gold where it stands in the verb's clause), but not "dagegen" (0 of 5)
# nor after a plain verb of saying ("sagte dazu": 1 of 5)
CUE_ADVERBS = PRONOMINAL_ADVERBS - {"dagegen"}


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


def complete_cue(doc: Document, cue: list[int]) -> list[int]:
    """SpkAtt's cue is the whole verb complex: ``hatte … angekündigt`` (the auxiliary of a
    participle or infinitive cue: 186 of 194 in the training gold), ``äußerte sich`` (27 of 28),
    ``gab … bekannt`` (153 of 163), ``berichtete davon``, ``bezeichnete … als`` (16 of 20),
    ``heißt es``/``Es wird erwartet`` (63 of 70).  The tagger often finds only the content verb."""
    tokens = doc.tokens
    wanted = set(cue)
    for i in cue:
        tag = tokens[i].tag
        if tag in NONFINITE:
            wanted.update(j for j in clause_range(doc, i) if tokens[j].tag in AUXILIARY)
        elif tag in {"VVFIN", "VAFIN"}:
            wanted.update(j for j in clause_range(doc, i) if j > i and (
                tokens[j].tag == "PTKVZ" and tokens[j].text.lower() not in FALSE_PARTICLES
                or tokens[j].tag == "PRF" and tokens[j].text.lower() == "sich"))
        if tag.startswith("V") and (tokens[i].lemma or "").lower() not in PLAIN_SAYING:
            wanted.update(j for j in clause_range(doc, i) if j > i and tokens[j].text.lower() in CUE_ADVERBS)
        if (tokens[i].lemma or "").lower() in ALS_VERBS:
            als = next((j for j in clause_range(doc, i) if j > i and tokens[j].text == "als"), None)
            if als is not None:
                wanted.add(als)
    # the expletive "es" next to a verb of the cue
    wanted.update(j for i in list(wanted) if tokens[i].tag.startswith("V") for j in (i - 1, i + 1)
                  if 0 <= j < len(tokens) and tokens[j].text.lower() == "es"
                  and tokens[j].sentence == tokens[i].sentence)
    return sorted(wanted) if len(wanted) > len(cue) else cue


def decode_roles(labels: Sequence[str], first: int, cue: Sequence[int]) -> dict[str, list[int]]:
    """Role tags → token lists.  Source and addressee are one noun phrase each: of several
    tagged stretches, the one nearest the cue wins (the tagger's stray tokens are noise)."""
    result: dict[str, list[int]] = {"S": [], "M": [], "A": []}
    for offset, label in enumerate(labels):
        if label in result:
            result[label].append(first + offset)
    for role in ("S", "A"):
        if result[role]:
            result[role] = _closest_run(_runs(result[role]), cue)
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


def _closest_run(runs: list[list[int]], cue: Sequence[int]) -> list[int]:
    if len(runs) == 1:
        return runs[0]
    low, high = min(cue), max(cue)
    return min(runs, key=lambda run: min(abs(run[0] - high), abs(run[-1] - low), abs(run[0] - low)))


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
        if all(tokens[i].tag in NOUN_PHRASE_CONTINUATION and not tokens[i].in_quote for i in stretch) \
                and tokens[sentence.token_start].tag in {"ART", "ADJA", "NN", "NE"}:
            return list(stretch) + [first - 1] + source
    if last + 2 < sentence.token_end and tokens[last + 1].text == "," and last < low:
        j = last + 2
        while j < low and tokens[j].text != "," and tokens[j].tag in NOUN_PHRASE_CONTINUATION \
                and not tokens[j].in_quote:
            j += 1
        if j > last + 2 and j + 1 == low and tokens[j].text == ",":
            return source + list(range(last + 1, j))
    if last + 2 < sentence.token_end and tokens[last + 1].text == "," and last > max(cue) \
            and tokens[last + 2].tag in {"ART", "NN", "ADJA"}:
        # "…“, so Ursula Castrup, die Leiterin der Fachstelle.": an apposition closing the sentence
        j = last + 2
        while j < sentence.token_end and tokens[j].tag in NOUN_PHRASE_CONTINUATION and not tokens[j].in_quote:
            j += 1
        if j + 1 == sentence.token_end and tokens[j].text in {".", "!", "?"} and tokens[j - 1].tag in {"NN", "NE"}:
            return source + list(range(last + 1, j))
    return source


# -- a statement from a cue and its roles ------------------------------------------------------
def learned_statement(doc: Document, cue: list[int], roles: dict[str, list[int]],
                      decoding: Collection[str]) -> Statement | None:
    """The statement a cue and its roles make; None when no message is left."""
    message = _extend_to_quotations(doc, roles["M"])
    if "outside_cue_clause" in decoding:
        message = _outside_cue_clause(doc, message, cue)
    while message and doc.tokens[message[0]].text in MESSAGE_END:
        message = message[1:]
    if not message:
        return None
    tokens = doc.tokens
    if "relative_heads" in decoding:
        message = _with_relative_head(doc, message, set(cue) | set(roles["S"]))
    # a quotation first and mostly quoted: ``einen „wahren Patrioten“, dank dem …, und einen „großen
    # Staatsmann“`` holds several quotes, ``der Bericht sei „…“`` is indirect with a quote inside
    direct = is_quote_mark(tokens[message[0]].text) \
        and sum(tokens[i].in_quote or is_quote_mark(tokens[i].text) for i in message) >= 0.8 * len(message)
    if not direct:
        while message and tokens[message[-1]].text in MESSAGE_END:
            message = message[:-1]
        if not message:
            return None
    first, last = message[0], message[-1]
    if direct and is_quote_mark(tokens[first].text) and is_quote_mark(tokens[last].text) and last > first + 1:
        first, last = first + 1, last - 1
    source, addressee = roles["S"], roles["A"]
    if source:  # one sentence: a heading before "Merkel sagte" is no part of the source
        nearest = min(source, key=lambda i: min(abs(i - c) for c in cue))
        source = [i for i in source if tokens[i].sentence == tokens[nearest].sentence]
    statement = Statement(id="", form="direct" if direct else "indirect", content=Role.of(doc, message, (first, last)),
                          sentence=tokens[cue[0]].sentence, cue=learned_cue(doc, cue),
                          source=Role(list(source), mention(doc, source) if source else None))
    statement.addressee.tokens = list(addressee)
    if addressee:
        statement.addressee.span = doc.token_span(addressee[0], addressee[-1])
    return statement


def learned_cue(doc: Document, cue: list[int]) -> Role:
    """A learned cue shown as ``sagte``, ``teilte … mit`` → the verb, ``Wie … erklärte`` → the verb;
    a contiguous cue (``nach eigenen Angaben``) whole."""
    if cue[-1] - cue[0] == len(cue) - 1:
        return Role.of(doc, cue)
    head = next((i for i in cue if doc.tokens[i].tag.startswith("V")), cue[0])
    return Role.of(doc, cue, (head, head))


def mention(doc: Document, source: list[int]) -> Speaker:
    """The speaker shown for a SpkAtt source: ``Angaben der Polizei`` names ``der Polizei``."""
    start = source[0]
    if len(source) > 2 and is_attribution_noun(doc.tokens[start].text):
        start = source[1]
    elif len(source) > 3 and doc.tokens[start + 1].text.lower() not in {"der", "des"} \
            and is_attribution_noun(doc.tokens[start + 1].text) and start + 2 in source:
        start = start + 2  # "eigenen Angaben des Ministeriums"
    span = doc.token_span(start, source[-1])
    return Speaker(span.start, span.end, span.text)


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


def _outside_cue_clause(doc: Document, message: list[int], cue: list[int]) -> list[int]:
    """A verb cue's message lies outside the cue's own clause (28 of 7,367 message tokens inside
    it in the training gold): ``Eine Verschiebung bezeichnete Conze als fatal, …``."""
    verb = next((i for i in cue if doc.tokens[i].tag.startswith("V")), None)
    if verb is None:
        return message
    clause = set(clause_range(doc, verb))
    after = max(clause) + 1
    if after < len(doc.tokens) and doc.tokens[after - 1].tag == "ART":
        # "sagte Peskow mit Blick auf das Treffen der „Koalition der Willigen“": a quoted name
        # ends the cue's clause, not a quotation of what was said
        clause.update(next((range(after, q.token_end + 1) for q in doc.quotations if q.token_start - 1 == after), ()))
    kept = [i for i in message if i not in clause]
    return kept or message


def _with_relative_head(doc: Document, message: list[int], taken: set[int]) -> list[int]:
    """``Die Sicherheit der Ukraine, die in die NATO strebt, dürfe …``: a message cannot open with
    the relative pronoun; the noun phrase it refers to, opening the sentence, belongs to it."""
    tokens = doc.tokens
    first = message[0]
    start = doc.sentences[tokens[first].sentence].token_start
    if tokens[first].tag != "PRELS" or first - 2 < start or tokens[first - 1].text != ",":
        return message
    head = range(start, first - 1)
    if tokens[start].tag not in PHRASE_START | {"NN", "NE"} or any(
            i in taken or tokens[i].tag not in NOUN_PHRASE_OR_PRONOUN | {"APPR", "APPRART"} for i in head):
        return message
    return [*head, first - 1, *message]
