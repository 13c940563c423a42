"""Mood of finite verbs: Konjunktiv I marks reported speech (``er habe``), Konjunktiv II and the
indicative the journalist's own voice or hypotheticals (``er hätte``, ``er hat``).

HanTa has no mood feature, so the mood comes from a rule over the verb form, its lemma and
the clause around it.  Word lists: ``data/mood_*.txt``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..model import Token
from .lexicon import entries, word_list
from .punctuation import MOOD_CLAUSE_BOUNDARIES
from .tags import FINITE

MOODS = ("ind", "subj1", "subj2", "amb")


@dataclass(frozen=True, slots=True)
class _Subj2Stem:
    stem: str
    lemma: str
    plural_is_preterite: bool


_SUBJ_ENDINGS = ("e", "est", "en", "et")
_WEAK_PRETERITE_ENDINGS = ("te", "test", "ten", "tet", "ete", "etest", "eten", "etet")
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
    while start > 0 and tokens[start - 1].text not in MOOD_CLAUSE_BOUNDARIES:
        start -= 1
    end = position + 1
    while end < len(tokens) and tokens[end].text not in MOOD_CLAUSE_BOUNDARIES:
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
            token.tag in FINITE and form_mood(token.text, token.lemma or token.text) == "subj2"
            for token in tokens
        )
    if offset == 0 and start >= 2:
        before_start, before_end = _clause(tokens, start - 2)
        before = tokens[before_start:before_end]
        return bool(before) and before[0].text.lower() in conditionals and any(
            token.tag in FINITE and form_mood(token.text, token.lemma or token.text) == "subj2"
            for token in before
        )
    return False
