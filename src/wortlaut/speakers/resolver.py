"""Resolve one speaker mention to an entity of the article: names, documents and their owners,
groups, pronouns, role nouns, organisations and countries (the order is in the package docstring).
Three parts live in mixins of their own: documents (:mod:`.documents`), pronouns
(:mod:`.pronouns`) and role nouns (:mod:`.role_nouns`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..de.nominative import nominative
from ..de.phrases import impersonal_clause
from ..de.roles import likely_plural, org_noun_head, parse_role, with_affiliation
from ..de.speaker_phrases import document_owner
from ..de.tokens import (
    is_adjective,
    is_conjunction,
    is_determiner,
    is_preposition,
    normal_tag,
    pronoun_gender,
)
from ..de.words import (
    DEMONSTRATIVE_SPEAKERS,
    GENERIC_ORGANISATION_NOUNS,
    INDEFINITE_ARTICLES,
    INTERVIEW_ANSWER_WORDS,
    POINTING_BACK_ADVERBS,
    REFERRING_ORGANISATION_NOUNS,
    REFLEXIVE_POSSESSIVES,
    RELATIVE_PRONOUNS,
    STANDALONE_ORGANISATION_NOUNS,
)
from ..entities import next_entity_id, sentence_start
from ..gazetteer import canonical_affiliation
from ..institutions import (
    adjective_country,
    country_of,
    inflects,
    longer_name,
    organisation_of,
    rename_to_nominative,
)
from ..model import COUNTRY, ORGANISATION, PERSON, UNKNOWN, Document, Entity, Span, Token
from .article_index import ArticleIndex
from .config import SpeakersConfig
from .documents import DocumentResolution
from .phrases import (
    GROUP_JOINT,
    add_role,
    bare_organisation_noun,
    before_attribute,
    country_adjective_noun,
    is_genitive,
    last_role,
    mention_resolution,
    name_after_nationality,
    name_like,
    organisation_head,
    plausible_speaker,
    quoted_name,
    web_address,
    without_leading_determiner,
    without_leading_prepositions,
)
from .pronouns import PronounResolution
from .resolutions import INSTITUTION, NAME, PRONOUN, UNRESOLVED
from .role_nouns import AGE_NOUN, RoleResolution

MAX_APPOSITION_WORDS = 8  # words from an apposition's comma to a speaker phrase inside it


@dataclass(frozen=True, slots=True)
class Candidate:
    """An earlier mention a pronoun may refer to."""

    entity: Entity
    span: Span
    token: int  # its first token


@dataclass
class Resolver(PronounResolution, DocumentResolution, RoleResolution):
    doc: Document
    previous: Entity | None  # the previous statement's speaker
    previous_sentence: int = -1  # the sentence of its speaker mention
    pronoun_window: int = SpeakersConfig.pronoun_window  # sentences back a pronoun looks for a subject
    how: str = UNRESOLVED  # how the last resolve() found its entity
    index: ArticleIndex = field(default=None)  # type: ignore[assignment]  # one per article, shared

    def __post_init__(self) -> None:
        if self.index is None:
            self.index = ArticleIndex(self.doc)

    def resolve(self, span: Span, tokens: list[Token]) -> Entity | None:
        self.how = UNRESOLVED
        words = [t for t in tokens if t.text[:1].isalnum()]
        if len(words) == 1 and self._place_after_in(span):
            return None  # "Wie X, Sprecher …, in Bangkok mitteilte": where it was said, not who said it
        owner = document_owner(words)
        if owner is not None:  # "Angaben der Polizei", "Polizeiangaben", "seiner Meinung nach"
            return self._document_owner(owner)
        group = self._group(words)
        if group is not None:
            return group
        apposition = self._apposition_after(span, words) or self._apposed_to(span)
        if apposition is not None:  # "der Deutschlandchef von EY, Hubert Bart, sagte"
            self.how = NAME
            return apposition
        entity, mention = self._known_mention(span)
        quoted = quoted_name(tokens)
        if entity is not None and entity.type != PERSON and quoted and mention.text != quoted and mention.text in quoted:
            entity = None  # "die „Aktion Deutschland hilft“": the quoted name, not the country in it
        head = organisation_head(words)
        if entity is not None and entity.type != PERSON and head is not None \
                and not mention.start <= head.start < mention.end:
            entity = None  # "Das Nobelkomitee im norwegischen Oslo", "Das Auswärtige Amt der Bundesrepublik"
        if entity is not None and entity.type == ORGANISATION and bare_organisation_noun(entity.name):
            entity = self._bare_organisation(entity, span, words)  # the entities stage found "das Ministerium"
            self.index.add(entity, span)
            return entity
        if entity is not None:
            self.how = mention_resolution(entity, span)
            if entity.type == ORGANISATION:
                rename_to_nominative(entity, words)
                longer_name(entity, without_leading_prepositions(words))
        else:
            entity = self._resolve_new(span, tokens)
        if entity is not None:
            self.index.add(entity, span)
        return entity

    def _bare_organisation(self, entity: Entity, span: Span, words: list[Token]) -> Entity:
        """``das Ministerium`` as an entity of its own: the ministry named before, else itself,
        unnamed unless the noun names an actor on its own (``die Polizei``); a name after the
        noun is the organisation (``das Nachrichtenportal t-online.de``)."""
        found = organisation_of(without_leading_determiner(words))
        if found is not None and found[0] is not None and found[0] != entity.name:
            self.how = INSTITUTION
            return self._find_or_create(found[0], ORGANISATION)
        head = entity.name.lower()
        earlier = self._earlier_organisation(head, span.start, besides=entity)
        self.how = INSTITUTION if earlier is not None or head in STANDALONE_ORGANISATION_NOUNS else UNRESOLVED
        return earlier or entity

    # -- 1. mentions the entities stage found -----------------------------------------

    def _known_mention(self, span: Span) -> tuple[Entity | None, Span | None]:
        """The entity (and its mention) the entities stage found in the span, a person first."""
        best, best_mention, best_overlap = None, None, 0
        for placed in self.index.overlapping(span):
            entity, mention = placed.entity, placed.mention
            if entity.type == COUNTRY and (self._inside_longer_name(mention, span)
                                           or self._in_attribute(mention, span)
                                           or country_adjective_noun(self.doc.tokens_in(span.start, span.end))):
                continue  # "bei Russland Aktuell", "Zeitung China Daily", "Die Entwicklung im Iran", "der spanische Rundfunk"
            if entity.type == PERSON and self._owner_of_role(mention, span):
                continue  # "Der behandelnde Arzt Lahms": the doctor speaks, not Lahm
            overlap = min(span.end, mention.end) - max(span.start, mention.start)
            # A person in the span is the speaker even when a country is named too.
            rank = overlap + (10_000 if entity.type == PERSON else 0)
            if rank > best_overlap:
                best, best_mention, best_overlap = entity, mention, rank
        return best, best_mention

    def _apposition_after(self, span: Span, words: list[Token]) -> Entity | None:
        """A role phrase followed by a name set off by a comma: the person named."""
        if last_role(words) is None or any(self._person_in(span)):
            return None
        last = self.doc.token_at(span.end - 1)
        if last is None or last + 2 >= len(self.doc.tokens) or self.doc.tokens[last + 1].text != ",":
            return None
        after = self.doc.tokens[last + 2]
        return next(self._person_in(Span(after.start, after.end, after.text)), None)

    def _place_after_in(self, span: Span) -> bool:
        """``in Bangkok``: a place the places stage found, after ``in``."""
        first = self.doc.token_at(span.start)
        return first is not None and first > 0 and self.doc.tokens[first - 1].text.lower() in {"in", "im"} \
            and any(place.start <= span.start and span.end <= place.end for place in self.doc.places)

    def _apposed_to(self, span: Span) -> Entity | None:
        """A phrase inside the apposition of a person named before it: that person (``Steve
        Marshall, Sprecher der UN-Büros in Bangkok, teilte mit`` with ``Bangkok`` marked)."""
        first = self.doc.token_at(span.start)
        if first is None:
            return None
        tokens = self.doc.tokens
        opening = sentence_start(self.doc, tokens[first])
        comma = next((i for i in range(first - 1, max(opening, first - MAX_APPOSITION_WORDS) - 1, -1)
                      if tokens[i].text == ","), None)
        if comma is None or comma == opening:
            return None
        between = tokens[comma + 1:first + 1]
        role_at = 1 if is_determiner(between[0]) and len(between) > 1 else 0
        if parse_role(between[role_at].text) is None \
                or any(t.text in {",", "und"} or t.tag.startswith("V") for t in between[:-1]):
            return None
        named = tokens[comma - 1]
        return next(self._person_in(Span(named.start, named.end, named.text)), None)

    def _owner_of_role(self, mention: Span, span: Span) -> bool:
        """A person in the genitive right after a noun of the phrase (``Arzt Lahms``, ``Anwalt
        Kachelmanns``, ``Sohn Putins``): that noun's person speaks, not the one named."""
        first = self.doc.token_at(mention.start)
        if first is None or first == 0 or self.doc.tokens[first - 1].start < span.start:
            return False
        return mention.text.endswith("s") and is_genitive(self.doc, mention) \
            and normal_tag(self.doc.tokens[first - 1]) == "NN"

    def _person_in(self, span: Span):
        return (placed.entity for placed in self.index.overlapping(span) if placed.entity.type == PERSON)

    def _inside_longer_name(self, mention: Span, span: Span) -> bool:
        """The mention is followed, inside the speaker span, by a capitalised word that is not a noun
        phrase of its own: one name of several words."""
        last = self.doc.token_at(mention.end - 1)
        if last is None or last + 1 >= len(self.doc.tokens):
            return False
        word = self.doc.tokens[last + 1]
        return word.end <= span.end and word.text[:1].isupper() and not is_determiner(word) \
            and normal_tag(word) in {"NE", "NN", "FM", "ADJA", ""}

    def _in_attribute(self, mention: Span, span: Span) -> bool:
        """The mention follows a preposition inside the phrase, after its head noun: an attribute
        (``die Entwicklung im Iran``, ``die Botschaft in Riad``), not the speaker."""
        first = self.doc.token_at(mention.start)
        if first is None or first == 0 or self.doc.tokens[first - 1].start <= span.start:
            return False
        return is_preposition(self.doc.tokens[first - 1]) or self.doc.tokens[first - 1].tag == "APPRART"

    def _resolve_new(self, span: Span, tokens: list[Token]) -> Entity | None:
        comma = next((i for i, t in enumerate(tokens) if t.text == "," and i > 0), None)
        if comma is not None:
            tokens = tokens[:comma]  # "Die Organisation, die im Gazastreifen herrscht"
        words = [t for t in tokens if t.text[:1].isalnum()]
        if not words:
            return None
        content = [t for t in words if not is_determiner(t) and not is_preposition(t)] or words
        first = content[0].text.lower()
        if len(content) == 1 and (pronoun_gender(first) in {"m", "f"} or first in REFLEXIVE_POSSESSIVES
                                  or first in POINTING_BACK_ADVERBS or first in RELATIVE_PRONOUNS):
            return self._pronoun(content[0])
        if len(content) == 1 and pronoun_gender(first) == "n":
            self.how = PRONOUN  # "Es weist den Vorwurf zurück" after "das Gericht"
            return None if impersonal_clause(self.doc, content[0]) else self._neuter_organisation(content[0])
        if any(t.text.lower() in REFLEXIVE_POSSESSIVES for t in content):
            self.how = PRONOUN
            return self._antecedent(content[0], "")  # "nach eigenen Angaben": the subject
        if len(content) == 1 and first in DEMONSTRATIVE_SPEAKERS:
            self.how = PRONOUN  # "Dieser behaupte, …": the person named last, not the subject
            return self._latest_person(content[0], DEMONSTRATIVE_SPEAKERS[first])
        if len(content) == 1 and first in INTERVIEW_ANSWER_WORDS:
            self.how = PRONOUN
            return self._interviewee()  # "Antwort: …" in an interview
        quoted = quoted_name(tokens)
        if quoted:
            self.how = INSTITUTION
            return self._find_or_create(quoted, ORGANISATION)  # "Die „Kampagne für ein Freies Tibet“"
        if len(content) == 1 and (by_initials := self._organisation_by_initials(content[0].text)) is not None:
            self.how = INSTITUTION
            return by_initials  # "nach Ansicht von ai"
        if len(content) == 1 and web_address(content[0].text):
            self.how = INSTITUTION
            return self._find_or_create(content[0].text, ORGANISATION)  # "laut bildblog.de"
        if AGE_NOUN.match(content[-1].text) and not any(t.text.lower() in INDEFINITE_ARTICLES for t in words[:1]):
            return self._aged_person(content[-1], words[0])  # "der 54-Jährige"
        if not plausible_speaker(content):
            return None  # "Worten", "am Montag": nobody
        role_index = last_role(content)
        if role_index is not None:
            return self._role(span, words, content, role_index)
        organisation = self._organisation(words, content)
        if organisation is not None:
            return organisation
        named = name_after_nationality(content)
        if named:
            self.how = INSTITUTION  # "der englische Independent": the medium, not the country
            return self._find_or_create(named, ORGANISATION)
        country = country_of(before_attribute(words))
        if country is not None:
            self.how = INSTITUTION
            own_name = self._adjective_and_noun(before_attribute(words), country)
            if own_name is not None:  # "Der spanische Rundfunk": Spain's broadcaster, not Spain
                return own_name
            return self._find_or_create(country, COUNTRY)
        if all(name_like(t) for t in content) and len(content) <= 4:
            self.how = NAME
            return self._find_or_create(" ".join(t.text for t in content), PERSON)
        return self._find_or_create(nominative(words), UNKNOWN)  # "Experten": unnamed

    def _adjective_and_noun(self, words: list[Token], country: str) -> Entity | None:
        """``der spanische Rundfunk``, ``des schwedischen Flugdatenproviders``: a country adjective
        before a noun that is no state organ names that organisation, linked to the country."""
        if country_adjective_noun(words) is None:
            return None
        entity = self._find_or_create(nominative(words), ORGANISATION)
        add_role(entity, with_affiliation(entity.name.split()[-1], country))
        return entity

    def _group(self, words: list[Token]) -> Entity | None:
        """``SPD und PDS``, ``Polizei und Staatsanwaltschaft``: each part resolved, joined by ``und``."""
        joints = [i for i, t in enumerate(words) if t.text in {"und", "sowie"} and 0 < i < len(words) - 1
                  and not words[i - 1].text.endswith("-")]
        if len(joints) != 1:
            return None
        parts = [words[: joints[0]], words[joints[0] + 1:]]
        if not all(any(t.text[:1].isupper() for t in part) for part in parts) \
                or any(is_preposition(t) for t in parts[0][1:]):
            return None  # "Bundesministerium für Bildung und Forschung" is one name
        first = without_leading_determiner(parts[0])
        if first and all(is_adjective(t) for t in first[:-1]) and parse_role(first[-1].text) is not None \
                and not is_determiner(parts[1][0]):
            return None  # "Der Landtagsabgeordnete und SPD-Fraktionschef Andreas Stoch": one person, two roles
        members, hows = [], []
        for part in parts:
            resolver = Resolver(self.doc, self.previous, self.previous_sentence, self.pronoun_window, index=self.index)
            member = resolver.resolve(self.doc.span(part[0].start, part[-1].end), part)
            if member is None or resolver.how == PRONOUN or resolver.how == UNRESOLVED and member.type != UNKNOWN:
                return None  # an unnamed part may join ("die syrische Regierung und die Rebellen")
            members.append(member)
            hows.append(resolver.how)
        if members[0] is members[1]:
            return members[0]
        self.how = hows[0]
        return self._joined(members, members[0].type)

    def _organisation(self, words: list[Token], content: list[Token]) -> Entity | None:
        # read from the words as written: a genitive, "für" or a place after the organisation noun
        # belongs to its name ("Amt der Bundesrepublik", "Ministerium für Bildung", "Regierung in Lomé")
        found = organisation_of(without_leading_prepositions(words))
        if found is None:
            return None
        self.how = INSTITUTION
        name, country, head = found
        if name is not None and len(content) == 1 and words[0] is not content[0] and is_determiner(words[0]):
            earlier = self._earlier_organisation(content[0].text.lower(), words[0].start, exact=True)
            if earlier is not None:
                return earlier  # "Das Kartellamt" after "das Bundeskartellamt"
        if name is None:  # "die Polizei", "das Ministerium": the one named before, else as written
            # a compound ("Umweltschutzorganisation") refers back only to what it names or introduced
            # before; else it is a name itself ("Weltgesundheitsorganisation")
            compound = not any(inflects(t.text, head) for t in content)
            earlier = self._earlier_organisation(head, words[0].start, latest=not compound)
            if earlier is not None:
                return earlier
            name = nominative(words)
            if head not in STANDALONE_ORGANISATION_NOUNS and not compound:
                self.how = UNRESOLVED  # "das Ministerium" with none named before: unnamed, no actor
        entity = self._find_or_create(name, ORGANISATION)
        if country and head:
            add_role(entity, with_affiliation(head, country))
        return entity

    def _earlier_organisation(self, head: str, before: int, besides: Entity | None = None,
                              exact: bool = False, latest: bool = True) -> Entity | None:
        """The latest organisation named before ``before`` whose name ends in the same noun
        (``Kieler Verkehrsministerium`` for ``das Ministerium``) or that was introduced by it
        (``die Umweltschutzorganisation WWF``); for a generic noun (``das Unternehmen``,
        ``die Agentur``) else the latest organisation, when ``latest``."""
        ranked: list[tuple[int, int, Entity]] = []
        any_latest = latest and (head in GENERIC_ORGANISATION_NOUNS or head in REFERRING_ORGANISATION_NOUNS)
        # "die Landesregierung kritisierte den Konzern. … Der Konzern wies …": the noun was used bare
        # before, for an organisation never named; only one named after that use can be meant
        bare_use = next((t.start for t in self.doc.tokens if t.start < before and t.text[:1].isupper()
                         and org_noun_head(t.text) == head and inflects(t.text, head)), None) if any_latest else None
        for entity in self.doc.entities:
            if entity.type != ORGANISATION or entity is besides or bare_organisation_noun(entity.name):
                continue  # another bare "das Ministerium" is no antecedent
            earlier = [m for m in entity.mentions if m.start < before]
            if not earlier:
                continue
            last = max(m.start for m in earlier)
            name = entity.name.lower()
            if exact:  # the name ends in the very word
                fit = 2 * name.endswith(head)
            elif any(word.endswith((head, head + "s", head + "es")) for word in name.split()) \
                    or any(self._introduced_by(m, head) for m in earlier):
                fit = 2  # "Universität Bayreuth" for "die Universität"; "Senat des Oberlandesgerichts" for
                # "das Gericht"; "die Umweltschutzorganisation WWF"
            else:
                fit = int(any_latest and (bare_use is None or last > bare_use))
            if fit:
                ranked.append((fit, last, entity))
        return max(ranked, key=lambda item: item[:2])[2] if ranked else None

    def _introduced_by(self, mention: Span, head: str) -> bool:
        """``Umweltschutzorganisation`` right before the mention ``WWF`` (quotation marks skipped)."""
        first = self.doc.token_at(mention.start)
        if first is None:
            return False
        index = first - 1
        while index >= 0 and not self.doc.tokens[index].text[:1].isalnum():
            index -= 1
        noun = org_noun_head(self.doc.tokens[index].text) if index >= 0 else None
        return noun is not None and (noun.endswith(head) or head.endswith(noun))

    # -- role and organisation nouns in running text (targets) ------------------------

    def role_referent(self, word: Token, before: list[Token]) -> Entity | None:
        """A singular role noun outside a speaker phrase (``der russische Präsident``, ``dem
        Piloten``): the person named before it whose roles fit; ``before``: the words from its
        article to it.  Creates no entity."""
        role = parse_role(word.text)
        if role is None or likely_plural(role, before[0].text if before else ""):
            return None
        affiliation = canonical_affiliation(role.affiliation or adjective_country(before))
        return self._best_role_match(role, affiliation, word.start)

    def organisation_referent(self, word: Token) -> Entity | None:
        """An organisation noun outside a speaker phrase (``das Komitee``): the organisation
        named before whose name ends in it or that it introduced.  Creates no entity."""
        head = org_noun_head(word.text)
        return self._earlier_organisation(head, word.start, latest=False) if head else None

    # -- 2. pronouns: pronouns.py (PronounResolution); 3. role nouns: role_nouns.py -------

    def _mentions_before(self, token: Token, besides: frozenset[str] = frozenset()) -> Iterator[Candidate]:
        """Entity mentions ending before ``token``, latest first (none of the entities ``besides``)."""
        for placed in self.index.before(token.start):
            if besides and placed.entity.id in besides:
                continue
            first = self.doc.token_at(placed.start)
            if first is not None:
                yield Candidate(placed.entity, placed.mention, first)

    def _subject_like(self, first: int, mention: Span) -> bool:
        """Not after a preposition and not a genitive (``mit Putin``, ``Putins``)."""
        known = self.index.subject_like.get((first, mention.end))
        if known is None:
            known = self.index.subject_like[(first, mention.end)] = self._subject_like_uncached(first, mention)
        return known

    def _subject_like_uncached(self, first: int, mention: Span) -> bool:
        tokens = self.doc.tokens
        j = first - 1
        start = sentence_start(self.doc, tokens[first])
        # Skip the noun phrase's own words: "mit seinem ukrainischen Amtskollegen Selenskij",
        # and earlier conjuncts: "zwischen Putin und Trump".
        while j >= start:
            word = tokens[j]
            if is_determiner(word) or is_adjective(word) or parse_role(word.text):
                j -= 1
            elif is_conjunction(word) and j > start and tokens[j - 1].text[:1].isupper():
                j -= 1
                while j > start and tokens[j - 1].text[:1].isupper() and not is_preposition(tokens[j - 1]):
                    j -= 1  # the rest of the earlier conjunct's name: "Wladimir Putin und …"
                j -= 1
            else:
                break
        if j >= start and is_preposition(tokens[j]):
            return False
        return not (mention.text.endswith("s") and is_genitive(self.doc, mention))

    # -- entities --------------------------------------------------------------------

    def _find_or_create(self, name: str, type_: str) -> Entity:
        for entity in self.doc.entities:
            if entity.name == name and entity.type == type_:
                return entity
        if type_ == PERSON:  # a surname alone: the person already known under the full name
            for entity in self.doc.entities:
                if entity.type == PERSON and entity.name.split()[-1] == name:
                    return entity
        return self._create(name, type_)

    def _joined(self, members: Sequence[Entity], type_: str) -> Entity:
        """One actor for several named together: ``SPD und Grüne``, ``Jennifer Lopez und Shakira``."""
        return self._find_or_create(GROUP_JOINT.join(member.name for member in members), type_)

    def _create(self, name: str, type_: str) -> Entity:
        entity = Entity(id=next_entity_id(self.doc), name=name, type=type_)
        self.doc.entities.append(entity)
        return entity
