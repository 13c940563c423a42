"""Rule 3: verbs of saying with a content clause (``hob hervor, dass …``, ``…, sagte Peskow``,
``Er sagte, er habe …``); verbs of a speech act without one are handed on to rule 5."""

from __future__ import annotations

from ..de.phrases import (
    clause_end,
    clause_start,
    negated,
    noun_phrase_forward,
    sentence_verb_subject,
    separable_particle,
    verb_subject,
)
from ..de.punctuation import SENTENCE_STOPS
from ..de.tags import FINITE
from ..de.verbs import cue_verbs
from ..de.words import AGENT_PREPOSITIONS, POINTING_BACK_OBJECTS, SUBORDINATORS, W_WORDS
from ..model import Sentence
from .cues import addressee, cue_lemma, document_source, participle_cue
from .finder import Finder

SpeechAct = tuple[list[int], list[int]]  # cue tokens, subject tokens


def verb_cues(finder: Finder, sentence: Sentence) -> list[SpeechAct]:
    """Add indirect statements; return speech acts (cue, subject) left for the reported rule."""
    doc = finder.doc
    acts = []
    finite = [i for i in range(sentence.token_start, sentence.token_end)
              if doc.tokens[i].tag in FINITE and not doc.tokens[i].in_quote]
    # ", sagte Peskow" at the end governs everything before it: try such cues first
    finite.sort(key=lambda i: (doc.tokens[i - 1].text != "," or i == sentence.token_start, i))
    for i in finite:
        token = doc.tokens[i]
        if i in finder.claimed:
            continue
        lemma = cue_lemma(doc, token, sentence)
        cue = [i] + separable_particle(doc, i, sentence) if lemma else participle_cue(doc, i, None, sentence)
        if not cue:
            continue
        lemma = lemma or cue_lemma(doc, doc.tokens[cue[0]], sentence)
        kinds = cue_verbs().get(lemma or "", frozenset())
        start, end = clause_start(doc, i, sentence), clause_end(doc, i, sentence)
        if negated(doc, start, end):
            continue
        subject = verb_subject(doc, i, start, end)
        if not subject and i - 1 >= sentence.token_start and doc.tokens[i - 1].tag == "KON":
            # "Podolski war anwesend und sagte, …": the coordinated verb shares the first subject
            subject = sentence_verb_subject(doc, sentence, exclude=range(i, i + 1))
        impersonal = i + 1 < sentence.token_end and doc.tokens[i + 1].text == "es"  # "heißt es, …"
        if impersonal and not subject:
            subject = document_source(doc, i, sentence)
        if not subject and not impersonal:
            continue
        if subject and _pointing_back(finder, sentence, i, cue, subject):
            continue
        if "clause" in kinds and _indirect(finder, sentence, i, cue, subject, start):
            continue
        passive = cue[0] != i and (doc.tokens[i].lemma or "").lower() == "werden"
        if passive:
            subject = _passive_agent(finder, start, end)  # "Von der Opposition wurde … kritisiert"
        if "act" in kinds and subject and not _has_content_clause(finder, i, sentence):
            acts.append((cue, subject))
    return acts


def _pointing_back(finder: Finder, sentence: Sentence, verb: int, cue: list[int], subject: list[int]) -> bool:
    """``Das teilte die Polizei mit``, ``Dies sagte Merkel``: a demonstrative before the cue verb
    stands for the sentence before (same paragraph, not yet anyone's statement): that sentence is
    the content."""
    doc = finder.doc
    first = sentence.token_start
    if verb != first + 1 or doc.tokens[first].text.lower() not in POINTING_BACK_OBJECTS \
            or doc.tokens[first].tag != "PDS" or first in subject or sentence.index == 0:
        return False
    before = doc.sentences[sentence.index - 1]
    if before.is_heading or before.paragraph != sentence.paragraph:
        return False
    content = [i for i in range(before.token_start, before.token_end) if i not in finder.claimed]
    if 2 * len(content) < before.token_end - before.token_start:
        return False  # the sentence before is a statement already
    form = "indirect" if _reportive(finder, content) else "reported"
    return finder.add(before, form, content, cue, subject) is not None


def _passive_agent(finder: Finder, start: int, end: int) -> list[int]:
    """The agent of a passive cue: the noun phrase after ``von``/``vom``/``durch`` in its clause
    (``wird vom Deutschen Wetterdienst als sehr hoch eingestuft``); empty when none is named."""
    doc = finder.doc
    for j in range(end, start - 1, -1):  # the last one: "die Gefahr von Waldbränden vom Wetterdienst"
        if doc.tokens[j].text.lower() in AGENT_PREPOSITIONS:
            phrase = noun_phrase_forward(doc, j + 1, end + 1)
            if phrase and doc.tokens[phrase[-1]].tag in {"NN", "NE"}:
                return phrase
    return []


def _indirect(finder: Finder, sentence: Sentence, verb: int, cue: list[int], subject: list[int], start: int) -> bool:
    """An indirect statement for the cue, its content before (a), after (b) or, without a comma,
    right after (c) the cue's clause.  True when one was added."""
    doc = finder.doc
    end = clause_end(doc, max(verb, *cue), sentence)  # the cue may follow an apposition

    def add(content: list[int]) -> bool:
        audience = addressee(doc, cue, sentence)
        return finder.add(sentence, "indirect", content, cue, subject, addressee=audience) is not None
    # (a) content first: "Die Sicherheit … dürfe nicht …, sagte Peskow"
    if start > sentence.token_start and doc.tokens[start - 1].text == "," and verb == start:
        content = list(range(sentence.token_start, start - 1))
        # "…, heißt es (in dem Bericht)"; a source in the content itself ("In der Resolution …") is no frame
        document_frame = verb + 1 < sentence.token_end and doc.tokens[verb + 1].text == "es" \
            and not (subject and subject[0] < start)
        if content and (_reportive(finder, content) or document_frame):
            return add(content)
    # (b) cue first: "Putin hob hervor, dass …" / "Er sagte, er habe …"
    if end + 1 < sentence.token_end and doc.tokens[end + 1].text in {",", ":"}:
        opening = end + 2
        relative = opening + 1 < sentence.token_end and doc.tokens[opening].tag == "APPR" \
            and doc.tokens[opening + 1].tag == "PRELS"  # "Studien, nach denen …" belongs to the noun
        if opening < sentence.token_end and not relative:
            first = doc.tokens[opening].text.lower()
            content = list(range(opening, complement_end(finder, opening, sentence)))
            adverbial = doc.tokens[opening].tag == "KOUS" and first not in SUBORDINATORS
            if first in SUBORDINATORS or first in W_WORDS or not adverbial and (
                    _reportive(finder, content) or _infinitive_clause(finder, content)
                    or doc.tokens[end + 1].text == ":"):
                return add(content)
    # (c) the comma left out: "Pérez hoffte dass …", "hat angekündigt die Preise … zu erhöhen"
    opening = _commaless_complement(finder, cue, end)
    if opening is not None:
        content = list(range(opening, complement_end(finder, opening, sentence)))
        return add(content)
    return False


def _commaless_complement(finder: Finder, cue: list[int], end: int) -> int | None:
    """Where a content clause starts that no comma sets off: ``dass``/``ob`` at most two words
    after the cue, or a zu-infinitive right after a clause-final participle cue."""
    tokens = finder.doc.tokens
    last = max(cue)
    for j in range(last + 1, min(last + 4, end + 1)):
        token = tokens[j]
        if token.text.lower() in SUBORDINATORS and token.tag == "KOUS":
            return j
        if token.tag.startswith("V") or token.tag == "KON":  # another verb or clause: no complement
            break
    if tokens[last].tag == "VVPP" and last < end \
            and all(tokens[j].tag not in FINITE for j in range(last + 1, end + 1)) \
            and _infinitive_clause(finder, list(range(last + 1, end + 1))):
        return last + 1
    return None


def _has_content_clause(finder: Finder, verb: int, sentence: Sentence) -> bool:
    end = clause_end(finder.doc, verb, sentence)
    following = finder.doc.tokens[end + 2].text.lower() if end + 2 < sentence.token_end else ""
    return following in SUBORDINATORS


def complement_end(finder: Finder, start: int, sentence: Sentence) -> int:
    """The content clause runs to the sentence end, minus a trailing ``, so X`` or ``, sagte X``."""
    doc = finder.doc
    for j in range(start + 1, sentence.token_end - 1):
        if doc.tokens[j].text == "," and cue_lemma(doc, doc.tokens[j + 1], sentence):
            return j
        if doc.tokens[j].text in SENTENCE_STOPS and not doc.tokens[j].in_quote \
                and doc.tokens[j + 1].text[:1].isupper():
            return j  # a sentence end the given sentence split missed ("… zu wollen. Im Mai …")
    return sentence.token_end


def _infinitive_clause(finder: Finder, content: list[int]) -> bool:
    """``erklärte, die Rechte … schützen zu wollen``: a zu-infinitive before any finite verb."""
    for i in content:
        token = finder.doc.tokens[i]
        if token.tag in FINITE or token.text == ",":
            return False
        if token.tag == "VVIZU" or token.tag == "PTKZU":
            return True
    return False


def _reportive(finder: Finder, content: list[int]) -> bool:
    """Content whose first main-clause finite verb is Konjunktiv I (or ambiguous with it)."""
    for i in content:
        token = finder.doc.tokens[i]
        if token.tag in FINITE:
            return token.mood in {"subj1", "amb", "subj2"} if token.mood else False
    return False
