"""Who is speaking: resolve each statement's speaker mention to an article entity.

The statements stage marks the speaker's words (``der Kreml-Chef``, ``er``,
``ukrainischen`` in *nach ukrainischen Angaben*); this stage decides whom they mean:

1. a mention the entities stage already found (``Peskow``, ``Kreml-Sprecher Dmitri Peskow``);
2. a pronoun (``er``, ``sie``) — the closest fitting actor: a subject earlier in the same
   sentence, else the previous statement's speaker, else a recent subject, else any
   recent person;
3. a role noun without a name (``der Staatschef``, ``der Kreml-Chef``) — a person whose
   roles fit in kind and affiliation (a ``Kreml-Chef`` is a leader of Russia, so Putin the
   ``Machthaber (Russland)``, never ``Kreml-Sprecher`` Peskow), else the latest speaker
   whose roles do not contradict it; ``ein Sprecher`` (indefinite) is always someone new;
4. governments named by a place, seat or adjective (``Moskau``, ``Kreml``, ``ukrainischen``)
   — the country;
5. organisations (``NATO``, ``die Polizei``, ``Agentur Interfax``);
6. anything else — a new entity named by the mention (``Experten``: type unknown).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .components import component
from .de.lexicon import table
from .de.names import first_names
from .de.nominative import nominative
from .de.phrases import clause_end, clause_start, noun_phrase_forward, sentence_verb_subject, verb_subject
from .de.punctuation import is_quote_mark
from .de.roles import RoleMatch, likely_plural, org_names, org_noun_head, parse_role, role_affiliation, with_affiliation
from .de.speaker_phrases import DocumentOwner, document_owner, possessive_gender
from .de.tags import FINITE
from .de.tokens import is_adjective, is_conjunction, is_determiner, is_preposition, normal_tag, pronoun_gender
from .de.words import (
    DEMONSTRATIVE_SPEAKERS,
    GENERIC_ORGANISATION_NOUNS,
    INDEFINITE_ARTICLES,
    INTERVIEW_ANSWER_WORDS,
    NAME_INTERNAL_WORDS,
    NAMELESS_ORGANISATION_NOUNS,
    NON_SPEAKER_WORDS,
    POINTING_BACK_ADVERBS,
    REFLEXIVE_POSSESSIVES,
    RELATIVE_PRONOUNS,
    STANDALONE_ORGANISATION_NOUNS,
    TIME_NOUNS,
)
from .entities import add_mention, entity_affiliations, next_entity_id, person_gender, sentence_start
from .entities.acronyms import long_forms
from .gazetteer import canonical_affiliation
from .institutions import (
    adjective_country,
    country_named,
    country_of,
    genitive_country,
    organisation_of,
    rename_to_nominative,
)
from .model import COUNTRY, ORGANISATION, PERSON, UNKNOWN, Document, Entity, Span, Speaker, Statement, Token

MAX_OWNER_WORDS = 8  # words after a document noun in which its owner is named ("Studie des …")
# How a speaker was resolved (Speaker.resolution), from the surest to the least sure.
NAME, ALIAS, ACRONYM, INSTITUTION, ROLE, PRONOUN, UNRESOLVED = (
    "name", "alias", "acronym", "institution", "role", "pronoun", "unresolved")
RESOLUTIONS = (NAME, ALIAS, ACRONYM, INSTITUTION, ROLE, PRONOUN, UNRESOLVED)
# The share of speakers resolved right, by how they were resolved (measured on the speaker gold,
# training/speakers/README.md); stored as each statement's speaker confidence.
_CONFIDENCE = {resolution: float(value) for resolution, value in table("speaker_confidence.tsv").items()}


@dataclass(frozen=True)
class SpeakersConfig:
    pronoun_window: int = field(default=3, metadata={
        "help": "sentences a pronoun looks back for a person subject before settling for any person"})
    continuation_window: int = field(default=2, metadata={
        "help": "sentences a speakerless continuation looks back for the statement whose speaker it takes"})


@component("speakers", requires=("doc.statements", "doc.entities"),
           assigns=("statement.speaker.entity", "doc.entities"), config=SpeakersConfig)
def resolve_speakers(doc: Document, config: SpeakersConfig = SpeakersConfig()) -> Document:
    previous: Entity | None = None
    previous_sentence = -1
    last_spoken: Statement | None = None  # the latest statement whose speaker was resolved
    for statement in doc.statements:
        mention = statement.speaker or _pointing_back_cue(doc, statement) or _subject_speaker(doc, statement)
        cited = _cited_source(doc, statement) if mention is not None else None
        if cited is not None:  # "berichtet die Zeitung Y unter Berufung auf Regierungskreise"
            mention = _cite(doc, statement, mention, cited)
        if mention is None:
            if last_spoken is not None and _continues_speech(doc, last_spoken, statement, config):
                statement.speaker = last_spoken.speaker  # "Er erwarte …": the statement before's speaker
            continue
        resolver = _Resolver(doc, previous, previous_sentence, config.pronoun_window)
        speaker, entity, tokens = _resolve_statement(doc, statement, mention, resolver)
        if speaker is None:
            continue
        statement.speaker = speaker
        speaker.resolution = resolver.how if entity is not None else UNRESOLVED
        speaker.confidence = resolution_confidence(speaker.resolution)
        if entity is None:
            continue
        speaker.entity, speaker.name, speaker.type = entity.id, entity.name, entity.type
        previous = entity
        previous_sentence = tokens[0].sentence if tokens else statement.sentence
        last_spoken = statement
    _name_by_long_forms(doc)
    return doc


def _resolve_statement(doc: Document, statement: Statement, mention: Speaker, resolver: _Resolver,
                       ) -> tuple[Speaker | None, Entity | None, list[Token]]:
    """The speaker mention to keep, its entity and its tokens.  A marked mention that names no one
    (``Eine Verschiebung … bezeichnete Conze als fatal``) gives way to the cue verb's subject; a
    mention this stage proposed itself is dropped when it names no one."""
    tokens = _speaker_tokens(doc, statement, mention)
    known = len(doc.entities)
    entity = resolver.resolve(Span(mention.start, mention.end, mention.text), tokens)
    if entity is not None and resolver.how != UNRESOLVED or _last_role(tokens) is not None:
        return mention, entity, tokens  # "Der Minister sagte …": an unnamed role is a speaker all the same
    subject = _cue_subject(doc, statement, tokens)
    if subject:
        tried = len(doc.entities)
        found = resolver.resolve(doc.span(subject[0].start, subject[-1].end), subject)
        if found is not None and resolver.how not in {UNRESOLVED, PRONOUN}:
            # the unresolved phrase's own new entity goes
            doc.entities = [e for i, e in enumerate(doc.entities) if i < known or i >= tried or e is not entity]
            start, end = subject[0].start, subject[-1].end
            return Speaker(start, end, doc.text[start:end]), found, subject
        doc.entities = doc.entities[:tried]
    resolver.how = UNRESOLVED
    if statement.speaker is not mention:
        doc.entities = doc.entities[:known]
        return None, None, []
    return mention, entity, tokens


def _cue_subject(doc: Document, statement: Statement, speaker_tokens: list[Token]) -> list[Token]:
    """The subject of the statement's cue verb (``Eine Verschiebung bezeichnete Conze als fatal``,
    ``X wird von Reuters mit den Worten zitiert``), outside its content and the speaker mention."""
    if not statement.cue.tokens:
        return []
    cue = doc.tokens[statement.cue.tokens[0]]
    sentence = doc.sentences[cue.sentence]
    start, end = clause_start(doc, cue.index, sentence), clause_end(doc, cue.index, sentence)
    verb = next((i for i in statement.cue.tokens if doc.tokens[i].tag in FINITE), None) \
        or next((i for i in range(start, end + 1) if doc.tokens[i].tag in FINITE), None)
    if verb is None:
        return []
    taken = {t.index for t in speaker_tokens}
    if statement.via is not None:  # "sagte der Süddeutschen Zeitung": the channel is nobody's subject
        taken |= {t.index for t in doc.tokens if t.start < statement.via.end and statement.via.start < t.end}
    content = statement.content.tokens
    if content and not content[0] < statement.cue.tokens[0] < content[-1]:
        taken |= set(content)  # a content around its cue is the whole clause (a reported speech act)
    for subject in (verb_subject(doc, verb, start, end), noun_phrase_forward(doc, verb + 1, end + 1)):
        if subject and not taken & set(subject):
            return [doc.tokens[i] for i in subject]
    return []


def _subject_speaker(doc: Document, statement: Statement) -> Speaker | None:
    """A cue without a speaker mention: its verb's subject when that names someone
    (``Der Gesetzentwurf spricht von …``); passives and impersonal cues (``hieß es``) stay without."""
    cue = [doc.tokens[i] for i in statement.cue.tokens]
    if any((t.lemma or "").lower() == "werden" for t in cue) or any(t.tag == "VVPP" for t in cue):
        return None  # "Die Männer werden beschuldigt, …": the subject is who is spoken about
    subject = _cue_subject(doc, statement, [])
    if not subject or subject[0].tag in {"PPER", "PIS", "PDS", "PRF"}:
        return None
    return Speaker(subject[0].start, subject[-1].end, doc.text[subject[0].start:subject[-1].end])


def _cite(doc: Document, statement: Statement, mention: Speaker, cited: Speaker) -> Speaker:
    """The cited source speaks; the medium that cites it (the cue's subject) is the channel.
    Returns the speaker mention to resolve."""
    if cited.start < mention.end and mention.start < cited.end:  # the cited source is the mention already
        medium = _cue_subject(doc, statement, _speaker_tokens(doc, statement, mention))
        if medium and statement.via is None:
            statement.via = doc.span(medium[0].start, medium[-1].end)
        return mention
    statement.via = statement.via or Span(mention.start, mention.end, mention.text)
    return cited


def _cited_source(doc: Document, statement: Statement) -> Speaker | None:
    """The source a medium cites (``unter Berufung auf Regierungskreise``) in the cue's sentence,
    outside the content: the speaker, with the medium as its channel."""
    if not statement.cue.tokens:
        return None
    sentence = doc.sentences[doc.tokens[statement.cue.tokens[0]].sentence]
    content = set(statement.content.tokens) if statement.form != "reported" else set()
    for j in range(sentence.token_start + 2, sentence.token_end - 1):
        words = [doc.tokens[k].text.lower() for k in (j - 2, j - 1, j)]
        if words[1:] == ["berufung", "auf"] and words[0] in {"unter", "mit"} and j not in content:
            phrase = noun_phrase_forward(doc, j + 1, sentence.token_end)
            if phrase and not content & set(phrase):
                start, end = doc.tokens[phrase[0]].start, doc.tokens[phrase[-1]].end
                return Speaker(start, end, doc.text[start:end])
    return None


def _pointing_back_cue(doc: Document, statement: Statement) -> Speaker | None:
    """``Demnach kann … nachgewiesen werden``: the adverb is the cue and names the speaker too,
    as the report it points back to; shown as the speaker mention, not added to SpkAtt's source."""
    cue = statement.cue.span
    if cue is None or cue.text.lower() not in POINTING_BACK_ADVERBS:
        return None
    return Speaker(cue.start, cue.end, cue.text)


def _continues_speech(doc: Document, before: Statement, statement: Statement, config: SpeakersConfig) -> bool:
    """A cue-less continuation without a speaker mention of its own goes on with the speaker of
    the statement just before it, when that one is close (same or next paragraph)."""
    if not statement.continuation or before.speaker is None or before.speaker.entity is None:
        return False
    sentences = doc.sentences
    gap = statement.sentence - before.sentence
    return 0 <= gap <= config.continuation_window and \
        sentences[statement.sentence].paragraph - sentences[before.sentence].paragraph <= 1


def _name_by_long_forms(doc: Document) -> None:
    """``BVG`` after ``Berliner Verkehrsbetriebe (BVG)``: one entity, named by the long form."""
    forms = long_forms(doc)
    if not forms:
        return
    by_name = {entity.name: entity for entity in doc.entities}
    for statement in doc.statements:
        speaker = statement.speaker
        if speaker is None or speaker.name not in forms:
            continue
        long_form = forms[speaker.name]
        entity = doc.entity(speaker.entity)
        target = by_name.get(long_form)
        if target is None:
            entity.name = long_form
            target = by_name[long_form] = entity
        speaker.entity, speaker.name, speaker.type = target.id, target.name, target.type
        speaker.resolution = ACRONYM
        speaker.confidence = resolution_confidence(ACRONYM)


def resolve_mention(doc: Document, start_token: int, end_token: int) -> Entity | None:
    """The entity tokens ``start_token`` .. ``end_token - 1`` refer to (e.g. a 'via' channel).

    The mention is added to the entity, and an entity is created when none fits.
    """
    tokens = doc.tokens[start_token:end_token]
    if not tokens:
        return None
    span = doc.span(tokens[0].start, tokens[-1].end)
    previous, previous_sentence = _last_speaker_before(doc, span.start)
    return _Resolver(doc, previous, previous_sentence, SpeakersConfig.pronoun_window).resolve(span, tokens)


def _speaker_tokens(doc: Document, statement: Statement, mention: Span) -> list[Token]:
    """The source's tokens as SpkAtt marks them (``Angaben der Polizei`` for the mention ``der
    Polizei``) with the mention's own, or the mention's alone when this stage found it elsewhere."""
    shown = [t for t in doc.tokens if t.start < mention.end and mention.start < t.end]
    marked = [doc.tokens[i] for i in statement.source.tokens if 0 <= i < len(doc.tokens)]
    if marked and marked[0].start < mention.end and mention.start < marked[-1].end:
        indices = sorted({t.index for t in marked} | {t.index for t in shown})
        return [doc.tokens[i] for i in indices]
    return shown


def _last_speaker_before(doc: Document, offset: int) -> tuple[Entity | None, int]:
    found, sentence = None, -1
    for statement in doc.statements:
        speaker = statement.speaker
        if speaker and speaker.entity and speaker.start < offset:
            found, sentence = doc.entity(speaker.entity), statement.sentence
    return found, sentence


@dataclass(frozen=True, slots=True)
class _Candidate:
    """An earlier mention a pronoun may refer to."""

    entity: Entity
    span: Span
    token: int  # its first token


@dataclass
class _Resolver:
    doc: Document
    previous: Entity | None  # the previous statement's speaker
    previous_sentence: int = -1  # the sentence of its speaker mention
    pronoun_window: int = SpeakersConfig.pronoun_window  # sentences back a pronoun looks for a subject
    how: str = UNRESOLVED  # how the last resolve() found its entity

    def resolve(self, span: Span, tokens: list[Token]) -> Entity | None:
        self.how = UNRESOLVED
        words = [t for t in tokens if t.text[:1].isalnum()]
        owner = document_owner(words)
        if owner is not None:  # "Angaben der Polizei", "Polizeiangaben", "seiner Meinung nach"
            return self._document_owner(owner)
        group = self._group(words)
        if group is not None:
            return group
        apposition = self._apposition_after(span, words)
        if apposition is not None:  # "der Deutschlandchef von EY, Hubert Bart, sagte"
            self.how = NAME
            return apposition
        entity, mention = self._known_mention(span)
        if entity is not None and entity.type != PERSON and _headed_by_organisation(words) \
                and not mention.start <= _organisation_head(words).start < mention.end:
            entity = None  # "Das Nobelkomitee im norwegischen Oslo", "Das Auswärtige Amt der Bundesrepublik"
        if entity is not None and entity.type == ORGANISATION and _bare_organisation_noun(entity.name):
            entity = self._bare_organisation(entity, span, words)  # the entities stage found "das Ministerium"
            if entity is not None:
                add_mention(entity, span)
            return entity
        if entity is not None:
            self.how = _mention_resolution(entity, span)
            if entity.type == ORGANISATION:
                rename_to_nominative(entity, words)
        else:
            entity = self._resolve_new(span, tokens)
        if entity is not None:
            add_mention(entity, span)
        return entity

    def _document_named_before(self, document: Token) -> Entity | None:
        """``laut der Studie`` after ``eine Studie des Bundesbildungsministeriums``: that owner."""
        noun = document.text.lower()
        for index in range(document.index - 1, -1, -1):
            earlier = self.doc.tokens[index]
            if earlier.text.lower() != noun:
                continue
            phrase = self.doc.tokens[index:min(index + MAX_OWNER_WORDS, len(self.doc.tokens))]
            stop = next((i for i, t in enumerate(phrase) if i and (not t.text[:1].isalnum() or t.tag.startswith("V"))),
                        len(phrase))
            owner = document_owner(phrase[:stop])
            if owner is not None and owner.document is None:
                return self._document_owner(owner)
        self.how = UNRESOLVED
        return None

    def _bare_organisation(self, entity: Entity, span: Span, words: list[Token]) -> Entity:
        """``das Ministerium`` as an entity of its own: the ministry named before, else itself,
        unnamed unless the noun names an actor on its own (``die Polizei``); a name after the
        noun is the organisation (``das Nachrichtenportal t-online.de``)."""
        found = organisation_of(_without_leading_determiner(words))
        if found is not None and found[0] is not None and found[0] != entity.name:
            self.how = INSTITUTION
            return self._find_or_create(found[0], ORGANISATION)
        head = entity.name.lower()
        earlier = self._earlier_organisation(head, span.start, besides=entity)
        self.how = INSTITUTION if earlier is not None or head in STANDALONE_ORGANISATION_NOUNS else UNRESOLVED
        return earlier or entity

    def _document_owner(self, owner: DocumentOwner) -> Entity | None:
        if owner.possessive is not None:
            self.how = PRONOUN
            return self._antecedent(owner.possessive, possessive_gender(owner.possessive.text))
        if owner.document is not None:
            return self._document_named_before(owner.document)
        if owner.tokens:  # "des Kraftfahrt-Bundesamtes (in Flensburg)", "des Innenministeriums (vom November)"
            tokens = _before_attribute(list(owner.tokens))
            return self.resolve(self.doc.span(tokens[0].start, tokens[-1].end), tokens)
        self.how = INSTITUTION
        modifier, adjectives = owner.modifier, list(owner.adjectives)
        country = country_named(modifier)
        if country and org_noun_head(modifier) is None:
            return self._find_or_create(country, COUNTRY)  # "Kreml-Angaben"
        named = next((e for e in self.doc.entities if e.type != UNKNOWN and e.name.split()[-1] == modifier), None)
        if named is not None:
            return named  # "Bahnangaben" after "die Deutsche Bahn"
        if not _owner_like(modifier):
            self.how = UNRESOLVED  # "Rundschreiben", "Endergebnis", "Medienberichte": no owner named
            return None
        entity = self._find_or_create(nominative(adjectives, head=modifier), ORGANISATION)
        country = adjective_country(adjectives)
        if country and with_affiliation(modifier, country) not in entity.roles:
            entity.roles.append(with_affiliation(modifier, country))  # "französischen Armeeangaben"
        return entity

    # -- 1. mentions the entities stage found -----------------------------------------

    def _known_mention(self, span: Span) -> tuple[Entity | None, Span | None]:
        """The entity (and its mention) the entities stage found in the span, a person first."""
        best, best_mention, best_overlap = None, None, 0
        for entity in self.doc.entities:
            for mention in entity.mentions:
                if entity.type == COUNTRY and (self._inside_longer_name(mention, span)
                                               or self._in_attribute(mention, span)):
                    continue  # "bei Russland Aktuell", "Zeitung China Daily", "Die Entwicklung im Iran"
                overlap = min(span.end, mention.end) - max(span.start, mention.start)
                # A person in the span is the speaker even when a country is named too.
                rank = overlap + (10_000 if entity.type == PERSON else 0)
                if overlap > 0 and rank > best_overlap:
                    best, best_mention, best_overlap = entity, mention, rank
        return best, best_mention

    def _apposition_after(self, span: Span, words: list[Token]) -> Entity | None:
        """A role phrase followed by a name set off by a comma: the person named."""
        if _last_role(words) is None or any(self._person_in(span)):
            return None
        last = self.doc.token_at(span.end - 1)
        if last is None or last + 2 >= len(self.doc.tokens) or self.doc.tokens[last + 1].text != ",":
            return None
        after = self.doc.tokens[last + 2]
        return next(self._person_in(Span(after.start, after.end, after.text)), None)

    def _person_in(self, span: Span):
        return (e for e in self.doc.entities if e.type == PERSON
                for m in e.mentions if m.start < span.end and span.start < m.end)

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
        if any(t.text.lower() in REFLEXIVE_POSSESSIVES for t in content):
            self.how = PRONOUN
            return self._antecedent(content[0], "")  # "nach eigenen Angaben": the subject
        if len(content) == 1 and first in DEMONSTRATIVE_SPEAKERS:
            self.how = PRONOUN  # "Dieser behaupte, …": the person named last, not the subject
            return self._latest_person(content[0], DEMONSTRATIVE_SPEAKERS[first])
        if len(content) == 1 and first in INTERVIEW_ANSWER_WORDS:
            self.how = PRONOUN
            return self._interviewee()  # "Antwort: …" in an interview
        quoted = _quoted_name(tokens)
        if quoted:
            self.how = INSTITUTION
            return self._find_or_create(quoted, ORGANISATION)  # "Die „Kampagne für ein Freies Tibet“"
        if len(content) == 1 and _web_address(content[0].text):
            self.how = INSTITUTION
            return self._find_or_create(content[0].text, ORGANISATION)  # "laut bildblog.de"
        if not _plausible_speaker(content):
            return None  # "Worten", "am Montag": nobody
        role_index = _last_role(content)
        if role_index is not None:
            return self._role(span, words, content, role_index)
        organisation = self._organisation(words, content)
        if organisation is not None:
            return organisation
        named = _name_after_nationality(content)
        if named:
            self.how = INSTITUTION  # "der englische Independent": the medium, not the country
            return self._find_or_create(named, ORGANISATION)
        country = country_of(_before_attribute(words))
        if country is not None:
            self.how = INSTITUTION
            return self._find_or_create(country, COUNTRY)
        if all(_name_like(t) for t in content) and len(content) <= 4:
            self.how = NAME
            return self._find_or_create(" ".join(t.text for t in content), PERSON)
        return self._find_or_create(nominative(words), UNKNOWN)  # "Experten": unnamed

    def _pronoun(self, word: Token) -> Entity | None:
        self.how = PRONOUN
        lower = word.text.lower()
        if lower in POINTING_BACK_ADVERBS:
            return self._pointed_back(word)
        if lower in RELATIVE_PRONOUNS and pronoun_gender(lower) == "":
            return self._relative_antecedent(word)
        gender = pronoun_gender(lower)
        return self._antecedent(word, gender if gender in {"m", "f"} else "")

    def _latest_person(self, word: Token, gender: str) -> Entity | None:
        return next((c.entity for c in self._mentions_before(word) if _fits_pronoun(c.entity, gender)), None)

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
        before = [c for c in self._mentions_before(word) if self.doc.tokens[c.token].sentence == word.sentence - 1]
        if before:
            return before[-1].entity
        subject = sentence_verb_subject(self.doc, self.doc.sentences[word.sentence - 1]) if word.sentence else []
        if subject and self.doc.tokens[subject[0]].tag not in {"PPER", "PDS", "PIS"}:
            tokens = [self.doc.tokens[i] for i in subject]  # "Das Bundeskartellamt legte … vor. Demnach …"
            resolver = _Resolver(self.doc, None, -1, self.pronoun_window)
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
        members, hows = [], []
        for part in parts:
            resolver = _Resolver(self.doc, self.previous, self.previous_sentence, self.pronoun_window)
            member = resolver.resolve(self.doc.span(part[0].start, part[-1].end), part)
            if member is None or resolver.how == PRONOUN or resolver.how == UNRESOLVED and member.type != UNKNOWN:
                return None  # an unnamed part may join ("die syrische Regierung und die Rebellen")
            members.append(member)
            hows.append(resolver.how)
        if members[0] is members[1]:
            return members[0]
        self.how = hows[0]
        return self._find_or_create(" und ".join(m.name for m in members), members[0].type)

    def _organisation(self, words: list[Token], content: list[Token]) -> Entity | None:
        # a genitive article or "für" after the organisation noun belongs to its name ("Amt der
        # Bundesrepublik", "Ministerium für Bildung"); other prepositions do not ("Regierung in Lomé")
        written = _without_leading_prepositions(words)
        head = _organisation_head(written)
        inside = head is not None and head.index + 1 <= written[-1].index \
            and self.doc.tokens[head.index + 1].text.lower() in NAME_INTERNAL_WORDS
        found = organisation_of(written if inside else content)
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
            compound = not any(t.text.lower() == head for t in content)
            earlier = self._earlier_organisation(head, words[0].start, latest=not compound)
            if earlier is not None:
                return earlier
            name = nominative(words)
            if head not in STANDALONE_ORGANISATION_NOUNS and not compound:
                self.how = UNRESOLVED  # "das Ministerium" with none named before: unnamed, no actor
        entity = self._find_or_create(name, ORGANISATION)
        if country and head and with_affiliation(head, country) not in entity.roles:
            entity.roles.append(with_affiliation(head, country))
        return entity

    def _earlier_organisation(self, head: str, before: int, besides: Entity | None = None,
                              exact: bool = False, latest: bool = True) -> Entity | None:
        """The latest organisation named before ``before`` whose name ends in the same noun
        (``Kieler Verkehrsministerium`` for ``das Ministerium``) or that was introduced by it
        (``die Umweltschutzorganisation WWF``); for a generic noun (``das Unternehmen``,
        ``die Agentur``) else the latest organisation, when ``latest``."""
        ranked: list[tuple[int, int, Entity]] = []
        for entity in self.doc.entities:
            if entity.type != ORGANISATION or entity is besides or _bare_organisation_noun(entity.name):
                continue  # another bare "das Ministerium" is no antecedent
            earlier = [m for m in entity.mentions if m.start < before]
            if not earlier:
                continue
            named = any(word.endswith(head) for word in entity.name.lower().split())  # "Universität Bayreuth"
            if exact:  # the name ends in the very word
                fit = 2 * entity.name.lower().endswith(head)
            else:
                fit = 2 if named or any(self._introduced_by(m, head) for m in earlier) \
                    else int(latest and head in GENERIC_ORGANISATION_NOUNS)
            if fit:
                ranked.append((fit, max(m.start for m in earlier), entity))
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

    # -- 2. pronouns -----------------------------------------------------------------

    def _antecedent(self, pronoun: Token, gender: str) -> Entity | None:
        """The closest fitting actor before the pronoun, in this order of preference:

        a person subject earlier in the same sentence; a person subject in a sentence after
        the previous statement's speaker; that speaker; a person subject in the last few
        sentences; any person before.  ``sie`` may also be a country, organisation or group.
        """
        sentence_of = lambda candidate: self.doc.tokens[candidate.token].sentence
        candidates = self._mentions_before(pronoun)
        persons = [c for c in candidates if _fits_pronoun(c.entity, gender)]
        person_subjects = [c for c in persons if self._subject_like(c.token, c.span)]
        recent = pronoun.sentence - self.pronoun_window

        preferred = [c for c in person_subjects if sentence_of(c) == pronoun.sentence]
        if self.previous is not None:
            preferred += [c for c in person_subjects if sentence_of(c) > self.previous_sentence]
        if preferred:
            return preferred[0].entity
        if self.previous is not None and _fits_pronoun(self.previous, gender):
            return self.previous
        for group in ([c for c in person_subjects if sentence_of(c) >= recent], persons):
            if group:
                return group[0].entity
        if gender in {"f", ""}:  # "sie" as an organisation or country ("die Gefahr" is no speaker)
            if self.previous is not None and self.previous.type in {ORGANISATION, COUNTRY}:
                return self.previous
            for c in candidates:
                if c.entity.type in {ORGANISATION, COUNTRY} and sentence_of(c) >= recent \
                        and self._subject_like(c.token, c.span):
                    return c.entity
        return None

    def _mentions_before(self, token: Token) -> list[_Candidate]:
        """Entity mentions ending before ``token``, latest first."""
        found = []
        for entity in self.doc.entities:
            for mention in entity.mentions:
                if mention.end <= token.start:
                    first = self.doc.token_at(mention.start)
                    if first is not None:
                        found.append(_Candidate(entity, mention, first))
        found.sort(key=lambda c: -c.span.start)
        return found

    def _subject_like(self, first: int, mention: Span) -> bool:
        """Not after a preposition and not a genitive (``mit Putin``, ``Putins``)."""
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
        return not (mention.text.endswith("s") and _is_genitive(self.doc, mention))

    # -- 3. role nouns ---------------------------------------------------------------

    def _role(self, span: Span, words: list[Token], content: list[Token], role_index: int) -> Entity:
        role = parse_role(content[role_index].text)
        assert role is not None
        affiliation = role.affiliation or adjective_country(content[:role_index]) or genitive_country(content[role_index + 1 :])
        affiliation = canonical_affiliation(affiliation)
        indefinite = any(t.text.lower() in INDEFINITE_ARTICLES for t in words[:1])
        plural = likely_plural(role, words[0].text if words[0].text != role.word else "")
        if not indefinite and not plural:
            entity = self._best_role_match(role, affiliation, span.start) or self._latest_fitting_speaker(role, affiliation) \
                or self._recent_fitting_person(role, affiliation, words[0])
            if entity is None and self._in_heading(span.start):
                entity = self._named_later(role, affiliation, span.start)
            if entity is not None:
                self.how = ROLE
                return entity
        entity = self._find_or_create(nominative(words), UNKNOWN if plural else PERSON)
        entity.roles.append(with_affiliation(role.role, affiliation) if affiliation and not role.affiliation
                            else role.role)
        return entity

    def _best_role_match(self, role: RoleMatch, affiliation: str | None, before: int) -> Entity | None:
        best, best_key = None, None
        for entity in self.doc.entities:
            if entity.type != PERSON:
                continue
            score = _role_score(entity, role, affiliation)
            latest = max((m.start for m in entity.mentions if m.start < before), default=None)
            if score == 0 or latest is None:
                continue
            key = (score, latest)
            if best_key is None or key > best_key:
                best, best_key = entity, key
        return best

    def _in_heading(self, offset: int) -> bool:
        return any(heading.start <= offset < heading.end for heading in self.doc.headings)

    def _named_later(self, role: RoleMatch, affiliation: str | None, after: int) -> Entity | None:
        """``Kreml-Sprecher: „Gefahr für uns"`` as a subheading: the person introduced below with
        the same role noun (``Kreml-Sprecher Dmitri Peskow``)."""
        later = [(first, entity) for entity in self.doc.entities
                 if entity.type == PERSON and entity.mentions and _role_score(entity, role, affiliation) == 3
                 and (first := min(m.start for m in entity.mentions)) > after]
        return min(later, key=lambda item: item[0])[1] if later else None

    def _latest_fitting_speaker(self, role: RoleMatch, affiliation: str | None) -> Entity | None:
        """The most recent person speaker whose known roles do not contradict ``role``."""
        speakers = [s.speaker.entity for s in self.doc.statements if s.speaker and s.speaker.entity]
        for entity_id in reversed(speakers):
            entity = self.doc.entity(entity_id)
            if entity is not None and entity.type == PERSON and _role_compatible(entity, role, affiliation):
                return entity
        return None

    def _recent_fitting_person(self, role: RoleMatch, affiliation: str | None, word: Token) -> Entity | None:
        """``Der Sänger`` a few sentences after ``Bounty Killer``: the latest person named in the last
        sentences whose known roles do not contradict the role noun."""
        recent = word.sentence - self.pronoun_window
        for candidate in self._mentions_before(word):
            if self.doc.tokens[candidate.token].sentence < recent:
                break
            if candidate.entity.type == PERSON and _role_compatible(candidate.entity, role, affiliation):
                return candidate.entity
        return None

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

    def _create(self, name: str, type_: str) -> Entity:
        entity = Entity(id=next_entity_id(self.doc), name=name, type=type_)
        self.doc.entities.append(entity)
        return entity


# --- helpers -----------------------------------------------------------------------------


def _is_genitive(doc: Document, mention: Span) -> bool:
    """``Putins`` when ``Putin`` occurs alone in the article."""
    base = mention.text[:-1]
    return any(token.text == base for token in doc.tokens) or mention.text.endswith("’s")


def _fits_pronoun(entity: Entity, gender: str) -> bool:
    if entity.type != PERSON:
        return False
    found = person_gender(entity)
    return not found or not gender or found == gender


def _last_role(tokens: list[Token]) -> int | None:
    for index in range(len(tokens) - 1, -1, -1):
        if parse_role(tokens[index].text) is not None:
            return index
    return None


def _role_kinds(entity: Entity) -> list[tuple[str, str, str | None]]:
    """(role noun, kind, affiliation) for each of the entity's roles."""
    kinds = []
    for stored in entity.roles:
        noun, affiliation = role_affiliation(stored)
        parsed = parse_role(noun)
        if parsed is not None:
            kinds.append((parsed.head.lower(), parsed.kind, canonical_affiliation(affiliation or parsed.affiliation)))
    return kinds


def _role_score(entity: Entity, role: RoleMatch, affiliation: str | None) -> int:
    """3: same role noun; 2: same kind of role; 0: no fit (or another country)."""
    if role.gender == "f" and person_gender(entity) == "m":
        return 0
    score = 0
    for head, kind, own in _role_kinds(entity):
        if affiliation and own and own != affiliation:
            continue
        if head == role.head.lower():
            score = max(score, 3)
        elif kind == role.kind:
            score = max(score, 2)
    return score


def _role_compatible(entity: Entity, role: RoleMatch, affiliation: str | None) -> bool:
    kinds = _role_kinds(entity)
    if affiliation and entity_affiliations(entity) and affiliation not in entity_affiliations(entity):
        return False
    if role.gender == "f" and person_gender(entity) == "m":
        return False
    return not kinds or any(kind == role.kind for _, kind, _ in kinds)


def _plausible_speaker(content: list[Token]) -> bool:
    """A phrase that can name a speaker: not a bare document word (``Worten``), a time (``Montag``)
    or words without any noun or name."""
    nouns = [t for t in content if t.text[:1].isupper()]
    if country_of(content) is not None:
        return True  # "nach ukrainischen Angaben"
    if not nouns:
        return False
    head = nouns[-1].text
    return not (head.lower() in NON_SPEAKER_WORDS and len(nouns) == 1) and head not in TIME_NOUNS


def _mention_resolution(entity: Entity, span: Span) -> str:
    """How a mention the entities stage found names its entity."""
    if entity.type == UNKNOWN:
        return UNRESOLVED  # "den Testern", "Bericht": nothing the store should make an actor of
    if entity.type != PERSON:
        words = span.text.split()
        if any(w.isupper() and len(w) > 1 and w not in entity.name.split() for w in words):
            return ACRONYM
        return INSTITUTION
    if entity.name in span.text:
        return NAME
    return ALIAS if set(entity.name.split()) & set(span.text.split()) else ROLE


def _bare_organisation_noun(name: str) -> bool:
    """``Ministerium``, ``Polizei``: an organisation named by its noun alone."""
    return " " not in name and org_noun_head(name) == name.lower()


def _name_after_nationality(content: list[Token]) -> str:
    """``englische Independent``: a name (tagged as one, not a role or organisation noun) after a
    nationality adjective."""
    if len(content) < 2 or not is_adjective(content[0]) or adjective_country(content[:1]) is None:
        return ""
    rest = content[1:]
    if all(normal_tag(t) in {"NE", "FM"} and parse_role(t.text) is None and org_noun_head(t.text) is None
           and country_named(t.text) is None for t in rest):
        return " ".join(t.text for t in rest)
    return ""


def _without_leading_determiner(words: list[Token]) -> list[Token]:
    return words[1:] if words and is_determiner(words[0]) else words


def _without_leading_prepositions(words: list[Token]) -> list[Token]:
    index = 0
    while index < len(words) - 1 and is_preposition(words[index]):
        index += 1
    return words[index:]


def _before_attribute(words: list[Token]) -> list[Token]:
    """The words before a prepositional attribute (``Entwicklung`` of ``Entwicklung im Iran``)."""
    for index, token in enumerate(words[1:], start=1):
        if is_preposition(token) or token.tag == "APPRART":
            return words[:index]
    return words


def _owner_like(modifier: str) -> bool:
    """A compound's first part that names a document's owner: an organisation (``Polizei``,
    ``Armee``; not the generic ``Medien``), a known name or an acronym (``UN``, ``BKA``); a role
    (``Expertenmeinung``) names nobody in particular."""
    head = org_noun_head(modifier)
    return (head is not None and head not in NAMELESS_ORGANISATION_NOUNS) or modifier in org_names() \
        or (modifier.isupper() and len(modifier) >= 2)


def _organisation_head(words: list[Token]) -> Token | None:
    """The first noun of the phrase when it is an organisation noun (``Amt`` of ``Das Auswärtige Amt``)."""
    content = [t for t in words if not is_determiner(t) and not is_adjective(t)]
    return content[0] if content and org_noun_head(content[0].text) is not None else None


def _headed_by_organisation(words: list[Token]) -> bool:
    return _organisation_head(words) is not None


def _quoted_name(tokens: list[Token]) -> str:
    """The words between quotation marks in a speaker phrase, when they start with a capital
    (``die „Neue Rechte“``, ``„Tagesspiegel“``): the name of a group or medium."""
    marks = [i for i, t in enumerate(tokens) if is_quote_mark(t.text)]
    if len(marks) != 2 or marks[1] - marks[0] < 2 or not tokens[marks[0] + 1].text[:1].isupper():
        return ""
    return " ".join(t.text for t in tokens[marks[0] + 1:marks[1]])


def _web_address(word: str) -> bool:
    """``t-online.de``, ``spiegel.de``, ``CNN.com``: a website named as a source."""
    host, dot, domain = word.rpartition(".")
    return bool(dot and host and domain.isalpha() and 2 <= len(domain) <= 4 and domain.islower() and host[:1].isalnum())


def resolution_confidence(resolution: str) -> float:
    return _CONFIDENCE.get(resolution, _CONFIDENCE[UNRESOLVED])


def _name_like(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper() or not text.replace("-", "").isalpha() or text.isupper():
        return False
    tag = normal_tag(token)
    return tag in {"NE", "FM", "XY"} or (tag == "" and text in first_names()) or (tag == "" and not _common_noun_shape(text))


def _common_noun_shape(word: str) -> bool:
    """Untagged fallback: plural or abstract endings that names rarely have."""
    return word.endswith(("en", "ung", "heit", "keit", "schaft", "ion", "tät", "er", "e"))


__all__ = ["SpeakersConfig", "resolve_mention", "resolve_speakers"]
