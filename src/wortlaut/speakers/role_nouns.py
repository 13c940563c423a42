"""Role nouns in a speaker phrase and whom they name: ``der Kreml-Chef`` (Putin, whose roles fit),
``Präsident Kennedy``, ``der 54-Jährige``, ``die beiden Sängerinnen``, ``die Forscher`` after ``ein
Team um …``, and the person the article's title names with the same noun.  A part of
:class:`.resolver.Resolver`, kept apart as the pronoun and document methods are: the methods use
the resolver's article index, its mention searches and ``_find_or_create``."""

from __future__ import annotations

import re
from itertools import takewhile

from ..de.nominative import nominative
from ..de.roles import RoleMatch, likely_plural, org_noun_head, parse_role, with_affiliation
from ..de.words import INDEFINITE_ARTICLES, PAIR_WORDS, PERSON_ARTICLE_GENDERS
from ..gazetteer import canonical_affiliation
from ..institutions import adjective_country, country_named, genitive_country
from ..model import ORGANISATION, PERSON, UNKNOWN, Entity, Span, Token
from .phrases import GROUP_JOINT, add_role, name_like, role_compatible, role_score, title_words
from .resolutions import NAME, ROLE, UNRESOLVED

AGE_NOUN = re.compile(r"^(?:\d+-|[A-ZÄÖÜ][a-zäöü]+)[jJ]ährige[nr]?$")  # "54-Jährige", "Zwölfjährige"
TEAM_NOUNS = frozenset({"team", "gruppe"})  # "ein Team um Anita Zaidi": researchers around a lead


class RoleResolution:
    """The role-noun methods of :class:`.resolver.Resolver` (a mixin: it has no state of its own)."""

    def _aged_person(self, noun: Token, determiner: Token) -> Entity | None:
        """``der 54-Jährige``: the person introduced with that age (``der 54-jährige Thomas Müller``),
        else the latest person named before whose gender fits the article."""
        gender = PERSON_ARTICLE_GENDERS.get(determiner.text.lower(), "")
        age = noun.text.lower().rstrip("nr")
        for candidate in self._mentions_before(noun):
            before = self.doc.tokens[candidate.token - 1] if candidate.token > 0 else None
            if candidate.entity.type == PERSON and before is not None and before.text.lower().rstrip("nr") == age:
                self.how = ROLE
                return candidate.entity
        found = self._latest_person(noun, gender)
        self.how = ROLE if found is not None else UNRESOLVED
        return found

    def _role(self, span: Span, words: list[Token], content: list[Token], role_index: int) -> Entity:
        role = parse_role(content[role_index].text)
        assert role is not None
        affiliation = role.affiliation or adjective_country(content[:role_index]) or genitive_country(content[role_index + 1 :])
        affiliation = canonical_affiliation(affiliation)
        indefinite = any(t.text.lower() in INDEFINITE_ARTICLES for t in words[:1])
        pair = any(t.text.lower() in PAIR_WORDS for t in words)  # "die beiden Politiker": plural, two of them
        plural = pair or likely_plural(role, words[0].text if words[0].text != role.word else "") \
            or (len(words) == 1 and role.word == role.role and role.gender == "m"
                and not self._in_heading(span.start)) \
            or any(t.tag == "CARD" for t in content[:role_index])  # "Kritiker" (no article), "95 Prozent der Teilnehmer"
        owned = any(placed.entity.type == PERSON and self._owner_of_role(placed.mention, span)
                    for placed in self.index.overlapping(span))  # "Der Arzt Lahms": Lahm's doctor, no one named
        named = content[role_index + 1:]
        if named and len(named) <= 3 and all(name_like(t) and country_named(t.text) is None for t in named) \
                and not indefinite and not plural and not owned:
            self.how = NAME  # "Präsident Kennedy" where the entities stage found no name: the role and then the name
            entity = self._find_or_create(" ".join(t.text for t in named), PERSON)
            add_role(entity, role.role)
            return entity
        if not indefinite and not plural and not owned:
            entity = self._named_in_title(role) or self._best_role_match(role, affiliation, span.start) \
                or self._latest_fitting_speaker(role, affiliation) or self._recent_fitting_person(role, affiliation, words[0])
            if entity is None and self._in_heading(span.start):
                entity = self._named_later(role, affiliation, span.start)
            if entity is not None:
                self.how = ROLE
                return entity
        team = self._team_around(words[0]) if plural and not indefinite and role.kind == "expert" else None
        if team is not None:
            self.how = ROLE  # "die Forscher" after "ein Team um Anita Zaidi"
            return team
        both = self._pair_before(role, affiliation, words[0]) if pair else None
        if both is not None:
            self.how = ROLE  # "die beiden Sängerinnen" after Jennifer Lopez and Shakira
            return self._joined(both, PERSON)
        entity = self._find_or_create(nominative(words), UNKNOWN if plural else PERSON)
        entity.roles.append(with_affiliation(role.role, affiliation) if affiliation and not role.affiliation
                            else role.role)
        return entity

    def _team_around(self, word: Token) -> Entity | None:
        """``ein Forscherteam um Anna Revedin`` named before: that group, as one actor."""
        for candidate in self._mentions_before(word):
            index = candidate.token
            if candidate.entity.type != PERSON or index < 2 or self.doc.tokens[index - 1].text != "um":
                continue
            noun = self.doc.tokens[index - 2]
            if org_noun_head(noun.text) in TEAM_NOUNS:
                return self._find_or_create(f"{nominative([noun])} um {candidate.entity.name}", ORGANISATION)
        return None

    def _pair_before(self, role: RoleMatch, affiliation: str | None, word: Token) -> tuple[Entity, Entity] | None:
        """The two persons named last before ``word`` in the last sentences whose roles fit, in the
        order the article names them."""
        found: list[Entity] = []
        for candidate in self._mentions_before(word):
            if self.doc.tokens[candidate.token].sentence < word.sentence - self.pronoun_window:
                break
            entity = candidate.entity
            if entity.type == PERSON and entity not in found and GROUP_JOINT not in entity.name \
                    and role_compatible(entity, role, affiliation):
                found.append(entity)
                if len(found) == 2:
                    first = lambda person: min(m.start for m in person.mentions)
                    return tuple(sorted(found, key=first))  # type: ignore[return-value]
        return None

    def _best_role_match(self, role: RoleMatch, affiliation: str | None, before: int) -> Entity | None:
        best, best_key = None, None
        for entity in self.doc.entities:
            if entity.type != PERSON:
                continue
            score = role_score(entity, role, affiliation)
            latest = max((m.start for m in entity.mentions if m.start < before), default=None)
            if score == 0 or latest is None:
                continue
            key = (score, latest)
            if best_key is None or key > best_key:
                best, best_key = entity, key
        return best

    def _in_heading(self, offset: int) -> bool:
        return any(heading.start <= offset < heading.end for heading in self.doc.headings)

    def _named_in_title(self, role: RoleMatch) -> Entity | None:
        """``Der Bundespräsident`` under the title ``Bundespräsident Köhler sieht …``: the person the
        title names right after the same role noun (the article's protagonist)."""
        words = title_words(self.doc.title)
        for index, word in enumerate(words[:-1]):
            found = parse_role(word)
            if found is None or found.head != role.head:
                continue
            name = list(takewhile(lambda w: w[:1].isupper() and w.replace("-", "").isalpha()
                                  and parse_role(w) is None and org_noun_head(w) is None, words[index + 1:index + 4]))
            if name:  # the person of the text it names ("Benedikt" names "Benedikt XVI."), else as written
                return next((e for e in self.doc.entities if e.type == PERSON and set(name) <= set(e.name.split())),
                            None) or self._find_or_create(" ".join(name), PERSON)
        return None

    def _named_later(self, role: RoleMatch, affiliation: str | None, after: int) -> Entity | None:
        """``Kreml-Sprecher: „Gefahr für uns"`` as a subheading: the person introduced below with
        the same role noun (``Kreml-Sprecher Dmitri Peskow``)."""
        later = [(first, entity) for entity in self.doc.entities
                 if entity.type == PERSON and entity.mentions and role_score(entity, role, affiliation) == 3
                 and (first := min(m.start for m in entity.mentions)) > after]
        return min(later, key=lambda item: item[0])[1] if later else None

    def _latest_fitting_speaker(self, role: RoleMatch, affiliation: str | None) -> Entity | None:
        """The most recent person speaker whose known roles do not contradict ``role``."""
        speakers = [s.speaker.entity for s in self.doc.statements if s.speaker and s.speaker.entity]
        for entity_id in reversed(speakers):
            entity = self.doc.entity(entity_id)
            if entity is not None and entity.type == PERSON and role_compatible(entity, role, affiliation):
                return entity
        return None

    def _recent_fitting_person(self, role: RoleMatch, affiliation: str | None, word: Token) -> Entity | None:
        """``Der Sänger`` a few sentences after ``Bounty Killer``: the latest person named in the last
        sentences whose known roles do not contradict the role noun."""
        recent = word.sentence - self.pronoun_window
        for candidate in self._mentions_before(word):
            if self.doc.tokens[candidate.token].sentence < recent:
                break
            if candidate.entity.type == PERSON and role_compatible(candidate.entity, role, affiliation):
                return candidate.entity
        return None
