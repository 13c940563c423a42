"""Pronouns and pronominal adverbs in a speaker phrase: whom ``er``, ``sie``, ``demnach``, ``der``
(relative) and ``nach eigenen Angaben`` refer to.  A part of :class:`.resolver.Resolver`, kept
apart because it is the largest: the methods use the resolver's article index, its previous
speaker and its mention searches (``_mentions_before``, ``_subject_like``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..de.names import first_names
from ..de.nominative import noun_gender
from ..de.phrases import sentence_verb_subject
from ..de.roles import org_noun_head, parse_role
from ..de.tags import FINITE
from ..de.tokens import plural_verb_form, pronoun_gender
from ..de.words import POINTING_BACK_ADVERBS, RELATIVE_PRONOUNS
from ..model import COUNTRY, ORGANISATION, PERSON, UNKNOWN, Entity, Token
from .phrases import GROUP_JOINT, fits_pronoun, last_role, neuter_organisation, title_words
from .resolutions import ACRONYM, ALIAS, INSTITUTION, NAME, PRONOUN, UNRESOLVED

if TYPE_CHECKING:
    from .resolver import Candidate


class PronounResolution:
    """The pronoun methods of :class:`.resolver.Resolver` (a mixin: it has no state of its own)."""

    def referent(self, pronoun: Token, gender: str, besides: frozenset[str] = frozenset()) -> Entity | None:
        """The entity a pronoun refers to, as for a speaker pronoun, never one of the entity ids
        ``besides`` (a pronoun that cannot be its clause's subject: ``mit ihm``)."""
        self.how = PRONOUN
        return self._antecedent(pronoun, gender, besides)

    def _antecedent(self, pronoun: Token, gender: str, besides: frozenset[str] = frozenset()) -> Entity | None:
        """The closest fitting actor before the pronoun, in this order of preference:

        a person subject earlier in the same sentence; a person subject in a sentence after
        the previous statement's speaker; that speaker; a person subject in the last few
        sentences; any person before.  ``sie`` may also be a country, organisation or group.
        Candidates come latest first, so each search stops at the first that fits.
        """
        previous = self.previous if self.previous is None or self.previous.id not in besides else None
        sentence_of = lambda candidate: self.doc.tokens[candidate.token].sentence
        role_subject = self._role_subject_before(pronoun, gender, besides)
        if role_subject is not None:
            return role_subject
        after = self._after_previous_speaker(pronoun, previous)
        recent = pronoun.sentence - self.pronoun_window
        recent_subject = None
        for candidate in self._mentions_before(pronoun, besides):
            if sentence_of(candidate) <= min(after, recent - 1):
                break
            if fits_pronoun(candidate.entity, gender) and self._subject_like(candidate.token, candidate.span):
                if sentence_of(candidate) > after:
                    return candidate.entity
                if recent_subject is None and sentence_of(candidate) >= recent:
                    recent_subject = candidate.entity
        if previous is not None and fits_pronoun(previous, gender):
            return previous
        if recent_subject is not None:
            return recent_subject
        first_person = next((c.entity for c in self._mentions_before(pronoun, besides)
                             if fits_pronoun(c.entity, gender)), None)
        if first_person is not None:
            return first_person
        titled = self._person_in_title(gender)
        if titled is not None:
            return titled  # "Er" opening the text under the title "Außenminister Steinmeier reist nach Kiew"
        if gender == "m":  # "Der Vorstand tagte am Freitag. … erklärte er": no man named before
            return self._organisation_subject(pronoun, "m")
        if gender in {"f", ""}:  # "sie" as an organisation or country ("die Gefahr" is no speaker)
            if previous is not None and previous.type in {ORGANISATION, COUNTRY}:
                return previous
            for c in self._mentions_before(pronoun, besides):
                if sentence_of(c) < recent:
                    break
                if c.entity.type in {ORGANISATION, COUNTRY} and self._subject_like(c.token, c.span):
                    return c.entity
        return None

    def _after_previous_speaker(self, pronoun: Token, previous: Entity | None) -> int:
        """Subjects in sentences after this one are preferred to the previous speaker: the sentence the
        previous speaker was named in, else the one before the pronoun's."""
        return pronoun.sentence - 1 if previous is None else min(pronoun.sentence - 1, self.previous_sentence)

    def _role_subject_before(self, pronoun: Token, gender: str, besides: frozenset[str]) -> Entity | None:
        """``Der behandelnde Arzt Lahms hat sich geäußert. Er sagte …``: a person named by a role
        noun alone as the subject of the sentence before, when no person is the subject of the
        pronoun's own sentence before it; a named person earlier is not meant."""
        if gender not in {"m", "f"} or pronoun.sentence == 0:
            return None
        own = self.doc.sentences[pronoun.sentence]
        if any(self.doc.tokens[c.token].sentence == pronoun.sentence and fits_pronoun(c.entity, gender)
               and self._subject_like(c.token, c.span) for c in self._mentions_before(pronoun, besides)
               if c.token >= own.token_start):
            return None
        subject = [self.doc.tokens[i] for i in sentence_verb_subject(self.doc, self.doc.sentences[pronoun.sentence - 1])]
        words = [t for t in subject if t.text[:1].isalnum()]
        role_index = last_role(words) if words else None
        span = self.doc.span(subject[0].start, subject[-1].end) if subject else None
        if role_index is None or any(not self._owner_of_role(placed.mention, span)
                                     for placed in self.index.overlapping(span) if placed.entity.type == PERSON):
            return None  # "Verteidigungsminister Donald Rumsfeld": a named person, found as one
        role = parse_role(words[role_index].text)
        if role is None or role.plural or (role.gender and role.gender != gender):
            return None
        resolver = type(self)(self.doc, None, -1, self.pronoun_window, index=self.index)
        found = resolver.resolve(span, subject)
        if found is None or found.type != PERSON or found.id in besides or not fits_pronoun(found, gender):
            return None
        return found

    def _organisation_subject(self, pronoun: Token, gender: str) -> Entity | None:
        """The subject of one of the last sentences, when an organisation noun of the pronoun's
        gender names it: ``Das Gericht nutzte … Es weist … zurück``, ``Der Vorstand tagte … erklärte er``."""
        for number in range(pronoun.sentence - 1, max(-1, pronoun.sentence - 1 - self.pronoun_window), -1):
            subject = [self.doc.tokens[i] for i in sentence_verb_subject(self.doc, self.doc.sentences[number])]
            nouns = [t for t in subject if org_noun_head(t.text) is not None]
            if nouns and noun_gender(nouns[-1].text) == gender:
                resolver = type(self)(self.doc, None, -1, self.pronoun_window, index=self.index)
                found = resolver.resolve(self.doc.span(subject[0].start, subject[-1].end), subject)
                if found is not None and found.type == ORGANISATION and resolver.how != UNRESOLVED:
                    return found
        return None

    def _neuter_organisation(self, pronoun: Token) -> Entity | None:
        """``es``: the subject of a sentence before, the previous speaker or the latest organisation
        subject in the last sentences, when a neuter noun names it (``das Gericht``, ``das Unternehmen``)."""
        found = self._organisation_subject(pronoun, "n")
        if found is not None:
            return found
        if self.previous is not None and neuter_organisation(self.previous) \
                and pronoun.sentence - self.previous_sentence <= self.pronoun_window:
            return self.previous
        for candidate in self._mentions_before(pronoun):
            if self.doc.tokens[candidate.token].sentence < pronoun.sentence - self.pronoun_window:
                break
            if neuter_organisation(candidate.entity) and self._subject_like(candidate.token, candidate.span):
                return candidate.entity
        return None

    def _pronoun(self, word: Token) -> Entity | None:
        self.how = PRONOUN
        lower = word.text.lower()
        if lower in POINTING_BACK_ADVERBS:
            return self._pointed_back(word)
        if lower in RELATIVE_PRONOUNS and pronoun_gender(lower) == "":
            return self._relative_antecedent(word)
        gender = pronoun_gender(lower)
        if lower == "sie" and self._plural_verb_beside(word):
            # "Die Organisationen … Sie fordern": they, never a woman named before
            return self._plural_antecedent(word)
        return self._antecedent(word, gender if gender in {"m", "f"} else "")

    def _plural_verb_beside(self, pronoun: Token) -> bool:
        """The finite verb right before or after ``sie`` is plural (``sie fordern``, ``forderten sie``)."""
        tokens = self.doc.tokens
        for index in (pronoun.index + 1, pronoun.index - 1):
            if 0 <= index < len(tokens) and tokens[index].sentence == pronoun.sentence and tokens[index].tag in FINITE:
                return plural_verb_form(tokens[index].text)
        return False

    def _plural_antecedent(self, pronoun: Token) -> Entity | None:
        """The latest subject in the last sentences that names several: a group (``SPD und Grüne``),
        an organisation, a country or an unnamed group (``Experten``)."""
        def several(entity: Entity) -> bool:
            return entity.type in {ORGANISATION, COUNTRY, UNKNOWN} or GROUP_JOINT in entity.name

        recent = pronoun.sentence - self.pronoun_window
        after = self._after_previous_speaker(pronoun, self.previous)
        earlier = None  # as for any pronoun: a subject after the previous speaker, that speaker, a recent subject
        for candidate in self._mentions_before(pronoun):
            sentence = self.doc.tokens[candidate.token].sentence
            if sentence < recent:
                break
            if candidate.token and self.doc.tokens[candidate.token - 1].text == "(" \
                    or not self._subject_like(candidate.token, candidate.span):
                continue  # "Jelena Hoffmann (SPD)": her party, not a subject
            entity = candidate.entity
            if entity.type == PERSON:
                entity = self._coordinated_persons(candidate)  # "Werner Schulz und Jelena Hoffmann … Sie"
            if entity is not None and several(entity):
                if sentence > after:
                    return entity
                earlier = earlier or entity
        if self.previous is not None and several(self.previous):
            return self.previous
        return earlier

    def _coordinated_persons(self, candidate: Candidate) -> Entity | None:
        """``Werner Schulz (Grüne) und Jelena Hoffmann``: the two persons joined by ``und`` as one
        actor, when ``candidate`` is the second; None when no person is joined to it."""
        index = candidate.token - 1
        if index < 1 or self.doc.tokens[index].text not in {"und", "sowie"}:
            return None
        index -= 1
        if self.doc.tokens[index].text == ")":  # "Werner Schulz ( Grüne ) und …"
            while index > 0 and self.doc.tokens[index].text != "(":
                index -= 1
            index -= 1
        before = self.doc.tokens[index] if index >= 0 else None
        if before is None:
            return None
        first = next((placed.entity for placed in self.index.overlapping(self.doc.span(before.start, before.end))
                      if placed.entity.type == PERSON and placed.entity is not candidate.entity), None)
        if first is None:
            return None
        return self._joined((first, candidate.entity), PERSON)

    def _person_in_title(self, gender: str) -> Entity | None:
        """The one person of the article whose name the title holds, when the pronoun fits."""
        words = title_words(self.doc.title)
        found = [e for e in self.doc.entities if e.type == PERSON and e.name.split()[-1] in words
                 and fits_pronoun(e, gender)]
        if found:
            return found[0] if len(found) == 1 else None
        named = [" ".join(words[i:i + 2]) for i in range(len(words) - 1)  # a first name and a surname
                 if words[i] in first_names() and words[i + 1][:1].isupper() and words[i + 1].isalpha()]
        if len(named) != 1:
            return None
        person = self._find_or_create(named[0], PERSON)
        return person if fits_pronoun(person, gender) else None

    def _latest_person(self, word: Token, gender: str) -> Entity | None:
        return next((c.entity for c in self._mentions_before(word) if fits_pronoun(c.entity, gender)), None)

    def _interviewee(self) -> Entity | None:
        """The person who answers: the one who answered before, else the first person named."""
        if self.previous is not None and self.previous.type == PERSON:
            return self.previous
        persons = [e for e in self.doc.entities if e.type == PERSON and e.mentions]
        return min(persons, key=lambda e: min(m.start for m in e.mentions)) if persons else None

    def _pointed_back(self, word: Token) -> Entity | None:
        """``Demnach …``: the previous statement's speaker when it is close, else the first actor
        named in the sentence before (``Das Bundeskartellamt legte … vor. Demnach …``)."""
        if self.previous is not None and word.sentence - self.previous_sentence <= 2:
            return self.previous
        first_before = None  # the first actor named in the sentence before
        for candidate in self._mentions_before(word):
            sentence = self.doc.tokens[candidate.token].sentence
            if sentence < word.sentence - 1:
                break
            if sentence == word.sentence - 1:
                first_before = candidate.entity
        if first_before is not None:
            return first_before
        subject = sentence_verb_subject(self.doc, self.doc.sentences[word.sentence - 1]) if word.sentence else []
        if subject and self.doc.tokens[subject[0]].tag not in {"PPER", "PDS", "PIS"}:
            tokens = [self.doc.tokens[i] for i in subject]  # "Das Bundeskartellamt legte … vor. Demnach …"
            resolver = type(self)(self.doc, None, -1, self.pronoun_window, index=self.index)
            found = resolver.resolve(self.doc.span(tokens[0].start, tokens[-1].end), tokens)
            if found is not None and resolver.how in {NAME, ALIAS, ACRONYM, INSTITUTION}:
                return found
        return self._antecedent(word, "")

    def _relative_antecedent(self, word: Token) -> Entity | None:
        """``…, der …``, ``…, denen zufolge …``: the latest entity named before, in the same sentence."""
        for candidate in self._mentions_before(word):
            if self.doc.tokens[candidate.token].sentence == word.sentence:
                return candidate.entity
            break
        return None
