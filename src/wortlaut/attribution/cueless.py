"""Cue-less statements: the sentence tagger.

SpkAtt annotates whole sentences without a cue: reported speech acts (``Die Medien sprechen von
…``), hearsay (``X soll … haben``), Konjunktiv-I continuations, quotations without a verb of
saying.  A linear-chain CRF over the sentences of an article labels each sentence with the form
of the cue-less statement it is (or ``C`` for one with a cue, ``O`` for none); transitions carry
the context (a continuation follows a statement).  Only sentences no statement covers yet get one.
The rules' speech acts get the tagger's probability that their sentence is a statement
(``Statement.confidence``).
"""

from __future__ import annotations

from ..crf import CRFModel
from ..de.phrases import first_verb_subject
from ..de.punctuation import is_quote_mark
from ..de.tags import FINITE
from ..de.verbs import cue_verb_kinds, is_attribution_noun
from ..de.words import HEARSAY_AUXILIARIES, REPORT_KEYWORDS, SPEAKER_PRONOUNS
from ..model import Document, Role, Statement, sort_statements
from ..statements import shown_end
from .config import AttributionConfig
from .decoding import mention
from .features import distance_bucket

# sentence label -> (form, SpkAtt form) of the statement it makes
SENTENCE_FORMS = {"R": ("reported", "Reported"), "F": ("indirect", "FreeIndirect"),
                  "I": ("indirect", "IndirectFreeIndirect"), "D": ("direct", "Direct")}
SPKATT_TO_SENTENCE_LABEL = {"Reported": "R", "FreeIndirect": "F", "IndirectFreeIndirect": "I", "Direct": "D"}
NEIGHBOUR_PREFIXES = ("cov=", "fm=", "hascue", "q=", "sollhaben", "pstart", "qstart", "colon")


def covered_sentences(doc: Document) -> dict[int, str]:
    """Sentences at least half inside a (non-nested) statement's message → that statement's form."""
    covered: dict[int, str] = {}
    tokens, sentences = doc.tokens, doc.sentences
    for statement in doc.statements:
        if statement.nested_in is not None:
            continue
        per_sentence: dict[int, int] = {}
        for i in statement.content.tokens:
            per_sentence[tokens[i].sentence] = per_sentence.get(tokens[i].sentence, 0) + 1
        for number, count in per_sentence.items():
            if count * 2 >= sentences[number].token_end - sentences[number].token_start:
                covered.setdefault(number, statement.spkatt_form or statement.form)
    return covered


def cueless_features(doc: Document, covered: dict[int, str]) -> list[list[str]]:
    """One feature list per sentence of the article."""
    tokens = doc.tokens
    verbs = cue_verb_kinds()
    cue_sentences = {tokens[i].sentence for s in doc.statements for i in s.cue.tokens}
    own: list[list[str]] = []
    for number, sentence in enumerate(doc.sentences):
        words = tokens[sentence.token_start:sentence.token_end]
        if not words:
            own.append(["empty"])
            continue
        features = {"cov=" + covered.get(number, "none"), "len=" + distance_bucket(len(words)),
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
            if len(words) > 2 and words[-2].text.lower() in HEARSAY_AUXILIARIES:
                features.add("sollhaben")
        for t in words:
            lemma = (t.lemma or t.text).lower()
            kind = verbs.get(lemma)
            if kind and t.tag.startswith("V"):
                features.add("cv=" + kind)
                features.add("cvl=" + lemma)
            if t.tag in {"NN", "NE"} and is_attribution_noun(t.text):
                features.add("an")
                features.add("anw=" + t.text.lower())
            if lemma in REPORT_KEYWORDS:
                features.add("kw=" + lemma)
            if t.tag == "PPER" and lemma in SPEAKER_PRONOUNS:
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


def add_cueless(doc: Document, tagger: CRFModel, config: AttributionConfig) -> None:
    """Statements for the sentences the sentence tagger reads as cue-less statements."""
    if not doc.sentences:
        return
    covered = covered_sentences(doc)
    marginals = tagger.marginals(tagger.scores(cueless_features(doc, covered)))
    column = {label: n for n, label in enumerate(tagger.labels)}

    def marginal(label: str, number: int) -> float:
        return float(marginals[number, column[label]])

    for statement in doc.statements:
        if statement.form == "reported" and statement.nested_in is None and statement.content.tokens:
            statement.confidence = round(max(1 - marginal("O", n) for n in
                                             {doc.tokens[i].sentence for i in statement.content.tokens}), 3)
    if config.drop_reported is not None:
        doc.statements = [s for s in doc.statements if s.confidence is None or s.confidence >= 1 - config.drop_reported]
    added: list[Statement] = []
    for number, sentence in enumerate(doc.sentences):
        if number in covered or sentence.token_end - sentence.token_start < 3:
            continue
        label = max(SENTENCE_FORMS, key=lambda name: marginal(name, number))
        if marginal(label, number) < config.sentence_threshold:
            continue
        earlier = [s for s in doc.statements + added if number - config.max_source_distance <= s.sentence < number]
        if label == "I" and not any(s.sentence < number for s in doc.statements + added):
            continue  # a continuation needs a statement before it: "… würden … stärken" alone reports nothing
        content = list(range(sentence.token_start, sentence.token_end))
        previous = added[-1] if added else None
        if label == "I" and previous is not None and previous.spkatt_form == "IndirectFreeIndirect" \
                and previous.sentence == number - 1:
            # SpkAtt makes a run of continuation sentences one statement
            previous.content.tokens += content
            previous.content.span = doc.token_span(previous.content.tokens[0], shown_end(doc, content))
            previous.sentence = number
            continue
        form, spkatt_form = SENTENCE_FORMS[label]
        # the user sees the sentence without its full stop, SpkAtt's message has it
        statement = Statement(id="", form=form, content=Role.of(doc, content, (content[0], shown_end(doc, content))),
                              sentence=number, continuation=True, spkatt_form=spkatt_form)
        if label == "R":  # a reported sentence's source is its subject
            source = first_verb_subject(doc, sentence.token_start, sentence.token_end)
            if source:
                statement.source = Role(source, mention(doc, source))
        else:  # speaks for the statement before it
            speaking = [s for s in earlier if s.source.tokens]
            if speaking:
                before = max(reversed(speaking), key=lambda s: s.sentence)  # the last of the nearest sentence
                statement.source = Role(list(before.source.tokens), before.speaker)
        added.append(statement)
    if added:
        doc.statements += added
        sort_statements(doc)
