"""Documents in a speaker phrase and whose they are: ``nach Angaben der Polizei``, ``laut der
Studie`` (the study named before), ``Feuerwehrangaben``, ``ai-Bericht`` (amnesty international's),
``seiner Meinung nach``.  A part of :class:`.resolver.Resolver`, kept apart as the pronoun methods
are: the methods use the resolver's article index, ``resolve`` and ``_find_or_create``."""

from __future__ import annotations

from ..de.nominative import nominative
from ..de.phrases import sentence_verb_subject
from ..de.roles import org_noun_head, with_affiliation
from ..de.speaker_phrases import DocumentOwner, document_owner, possessive_gender
from ..de.tokens import is_adjective
from ..de.words import INDEFINITE_ARTICLES, POSSESSIVE_GENDERS
from ..entities.acronyms import initials_of, is_acronym
from ..institutions import adjective_country, country_named, inflects
from ..model import COUNTRY, ORGANISATION, UNKNOWN, Entity, Token
from .phrases import add_role, before_attribute, owner_like
from .resolutions import INSTITUTION, PRONOUN, UNRESOLVED

MAX_OWNER_WORDS = 8  # words after a document noun in which its owner is named ("Studie des …")


class DocumentResolution:
    """The document methods of :class:`.resolver.Resolver` (a mixin: it has no state of its own)."""

    def _document_named_before(self, document: Token) -> Entity | None:
        """``laut der Studie`` after ``eine Studie des Bundesbildungsministeriums``: that owner; after
        ``Der Sicherheitsrat verabschiedete eine Resolution`` (no owner in the phrase): the subject
        of the sentence that introduced the document."""
        first = None
        for index in range(document.index - 1, -1, -1):
            earlier = self.doc.tokens[index]
            if not inflects(earlier.text, document.text.lower()) and not inflects(document.text, earlier.text.lower()):
                continue
            first = earlier
            phrase = self.doc.tokens[index:min(index + MAX_OWNER_WORDS, len(self.doc.tokens))]
            stop = next((i for i, t in enumerate(phrase) if i and (not t.text[:1].isalnum() or t.tag.startswith("V"))),
                        len(phrase))
            owner = document_owner(phrase[:stop])
            found = self._document_owner(owner) if owner is not None and owner.document is None else None
            if found is not None:
                return found
        if first is not None and self._introduced(first):
            subject = [self.doc.tokens[i] for i in sentence_verb_subject(self.doc, self.doc.sentences[first.sentence])]
            if subject and first not in subject:
                resolver = type(self)(self.doc, None, -1, self.pronoun_window, index=self.index)
                found = resolver.resolve(self.doc.span(subject[0].start, subject[-1].end), subject)
                if found is not None and resolver.how not in {UNRESOLVED, PRONOUN} and found.type != UNKNOWN:
                    self.how = resolver.how
                    return found
        self.how = UNRESOLVED
        return None

    def _introduced(self, document: Token) -> bool:
        """``eine Resolution``, ``ihren Abschlussbericht`` (an adjective may stand between): a document
        the sentence brings in, so its subject made it; ``dem Grundgesetz`` is one known already."""
        index = document.index - 1
        while index >= 0 and is_adjective(self.doc.tokens[index]):
            index -= 1
        word = self.doc.tokens[index].text.lower() if index >= 0 else ""
        return word in INDEFINITE_ARTICLES or word in POSSESSIVE_GENDERS

    def _document_owner(self, owner: DocumentOwner) -> Entity | None:
        if owner.possessive is not None:
            self.how = PRONOUN
            return self._antecedent(owner.possessive, possessive_gender(owner.possessive.text))
        if owner.document is not None:
            return self._document_named_before(owner.document)
        if owner.tokens:  # "des Kraftfahrt-Bundesamtes (in Flensburg)", "des Innenministeriums (vom November)"
            tokens = before_attribute(list(owner.tokens))
            return self.resolve(self.doc.span(tokens[0].start, tokens[-1].end), tokens)
        self.how = INSTITUTION
        modifier, adjectives = owner.modifier, list(owner.adjectives)
        country = country_named(modifier)
        if country and org_noun_head(modifier) is None:
            return self._find_or_create(country, COUNTRY)  # "Kreml-Angaben"
        named = next((e for e in self.doc.entities if e.type != UNKNOWN and e.name.split()[-1] == modifier), None) \
            or self._organisation_by_initials(modifier)
        if named is not None:
            return named  # "Bahnangaben" after "die Deutsche Bahn"; "ai-Bericht" after "amnesty international"
        if not owner_like(modifier):  # "Rundschreiben", "Endergebnis", "Medienberichte": no owner named,
            # unless the article introduced the document before ("Die OSZE legte ihren Abschlussbericht vor")
            return self._document_named_before(owner.compound) if owner.compound is not None else None
        entity = self._find_or_create(nominative(adjectives, head=modifier), ORGANISATION)
        country = adjective_country(adjectives)
        if country:
            add_role(entity, with_affiliation(modifier, country))  # "französischen Armeeangaben"
        return entity

    def _organisation_by_initials(self, word: str) -> Entity | None:
        """``ai`` (in ``ai-Bericht``, ``Ansicht von ai``) after ``amnesty international``: the
        organisation named before whose initials the word spells (case aside)."""
        if not 2 <= len(word) <= 6 or not word.isalpha() or not (word.islower() or is_acronym(word)):
            return None  # "ai", "OSZE", "EuGH"; not a name like "Merkel"
        found = next((e for e in self.doc.entities if e.type == ORGANISATION and len(e.name.split()) >= 2
                      and initials_of(e.name).lower() == word.lower()), None)
        long_form = self.index.long_forms().get(word) if found is None else None
        return self._find_or_create(long_form, ORGANISATION) if long_form else found
