"""Which words of a statement name its speaker: the marked source, else the cue's subject,
``Demnach``, the source a medium cites, or the statement before for a continuation."""

from __future__ import annotations

from ..de.phrases import clause_end, clause_start, noun_phrase_forward, sentence_verb_subject, verb_subject
from ..de.tags import FINITE
from ..de.words import POINTING_BACK_ADVERBS
from ..model import Document, Entity, Span, Speaker, Statement, Token
from .config import SpeakersConfig
from .phrases import last_role
from .resolutions import ACRONYM, PRONOUN, UNRESOLVED, resolution_confidence
from .resolver import Resolver


def resolve_statement(doc: Document, statement: Statement, mention: Speaker, resolver: Resolver,
                       ) -> tuple[Speaker | None, Entity | None, list[Token]]:
    """The speaker mention to keep, its entity and its tokens.  A marked mention that names no one
    (``Eine Verschiebung … bezeichnete Conze als fatal``) gives way to the cue verb's subject; a
    mention this stage proposed itself is dropped when it names no one."""
    tokens = speaker_tokens(doc, statement, mention)
    known = len(doc.entities)
    entity = resolver.resolve(Span(mention.start, mention.end, mention.text), tokens)
    if entity is not None and resolver.how != UNRESOLVED or last_role(tokens) is not None:
        return mention, entity, tokens  # "Der Minister sagte …": an unnamed role is a speaker all the same
    subject = cue_subject(doc, statement, tokens)
    if subject:
        tried = len(doc.entities)
        found = resolver.resolve(doc.span(subject[0].start, subject[-1].end), subject)
        if found is not None and resolver.how not in {UNRESOLVED, PRONOUN}:
            # the unresolved phrase's own new entity goes
            doc.entities = [e for i, e in enumerate(doc.entities) if i < known or i >= tried or e is not entity]
            return _mention_of(doc, subject), found, subject
        doc.entities = doc.entities[:tried]
    resolver.how = UNRESOLVED
    if statement.speaker is not mention:
        doc.entities = doc.entities[:known]
        return None, None, []
    return mention, entity, tokens


def cue_subject(doc: Document, statement: Statement, speaker_tokens: list[Token]) -> list[Token]:
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
    taken = {t.index for t in speaker_tokens} | _content_apart_from_cue(statement)
    if statement.via is not None:  # "sagte der Süddeutschen Zeitung": the channel is nobody's subject
        taken |= {t.index for t in doc.tokens_in(statement.via.start, statement.via.end)}
    for subject in (verb_subject(doc, verb, start, end), noun_phrase_forward(doc, verb + 1, end + 1),
                    _shared_subject(doc, verb, sentence)):
        if subject and not taken & set(subject):
            return [doc.tokens[i] for i in subject]
    return []


def _shared_subject(doc: Document, verb: int, sentence) -> list[int]:
    """``Er erklärte, …, und verglich die Lage …``: a verb after ``und`` shares the subject of the
    sentence's first clause (before any comma)."""
    if verb == sentence.token_start or doc.tokens[verb - 1].tag != "KON":
        return []
    subject = sentence_verb_subject(doc, sentence, exclude=range(verb, verb + 1))
    if not subject or any(doc.tokens[i].text == "," for i in range(sentence.token_start, subject[0])):
        return []
    return subject


def subject_speaker(doc: Document, statement: Statement) -> Speaker | None:
    """A cue without a speaker mention: its verb's subject when that names someone
    (``Der Gesetzentwurf spricht von …``); passives and impersonal cues (``hieß es``) stay without."""
    cue = [doc.tokens[i] for i in statement.cue.tokens]
    if any((t.lemma or "").lower() == "werden" for t in cue) or any(t.tag == "VVPP" for t in cue):
        return None  # "Die Männer werden beschuldigt, …": the subject is who is spoken about
    subject = cue_subject(doc, statement, [])
    if not subject or subject[0].tag in {"PPER", "PIS", "PDS", "PRF"}:
        return None
    return _mention_of(doc, subject)


def cite(doc: Document, statement: Statement, mention: Speaker, cited: Speaker) -> Speaker:
    """The cited source speaks; the medium that cites it (the cue's subject) is the channel.
    Returns the speaker mention to resolve."""
    if cited.start < mention.end and mention.start < cited.end:  # the cited source is the mention already
        medium = cue_subject(doc, statement, speaker_tokens(doc, statement, mention))
        if medium and statement.via is None:
            statement.via = doc.span(medium[0].start, medium[-1].end)
        return mention
    statement.via = statement.via or Span(mention.start, mention.end, mention.text)
    return cited


def cited_source(doc: Document, statement: Statement) -> Speaker | None:
    """The source a medium cites (``unter Berufung auf Regierungskreise``) in the cue's sentence,
    outside the content: the speaker, with the medium as its channel."""
    if not statement.cue.tokens:
        return None
    sentence = doc.sentences[doc.tokens[statement.cue.tokens[0]].sentence]
    content = _content_apart_from_cue(statement)
    for j in range(sentence.token_start + 2, sentence.token_end - 1):
        words = [doc.tokens[k].text.lower() for k in (j - 2, j - 1, j)]
        if words[1:] == ["berufung", "auf"] and words[0] in {"unter", "mit"} and j not in content:
            phrase = noun_phrase_forward(doc, j + 1, sentence.token_end)
            if phrase and not content & set(phrase):
                return _mention_of(doc, [doc.tokens[i] for i in phrase])
    return None


def _content_apart_from_cue(statement: Statement) -> set[int]:
    """The content's tokens, where no speaker is looked for; none when the content lies around its
    cue, as a reported speech act's whole clause does (``Eine Verschiebung bezeichnete Conze …``)."""
    content = statement.content.tokens
    if content and statement.cue.tokens and content[0] < statement.cue.tokens[0] < content[-1]:
        return set()
    return set(content)


def _mention_of(doc: Document, tokens: list[Token]) -> Speaker:
    start, end = tokens[0].start, tokens[-1].end
    return Speaker(start, end, doc.text[start:end])


def pointing_back_cue(doc: Document, statement: Statement) -> Speaker | None:
    """``Demnach kann … nachgewiesen werden``: the adverb is the cue and names the speaker too,
    as the report it points back to; shown as the speaker mention, not added to SpkAtt's source."""
    cue = statement.cue.span
    if cue is None or cue.text.lower() not in POINTING_BACK_ADVERBS:
        return None
    return Speaker(cue.start, cue.end, cue.text)


def continues_speech(doc: Document, before: Statement, statement: Statement, config: SpeakersConfig) -> bool:
    """A cue-less continuation without a speaker mention of its own goes on with the speaker of
    the statement just before it, when that one is close (same or next paragraph)."""
    if not statement.continuation or before.speaker is None or before.speaker.entity is None:
        return False
    sentences = doc.sentences
    gap = statement.sentence - before.sentence
    return 0 <= gap <= config.continuation_window and \
        sentences[statement.sentence].paragraph - sentences[before.sentence].paragraph <= 1


def name_by_long_forms(doc: Document, forms: dict[str, str]) -> None:
    """``BVG`` after ``Berliner Verkehrsbetriebe (BVG)``: one entity, named by the long form
    (``forms``: the article's acronyms and long forms)."""
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


def speaker_tokens(doc: Document, statement: Statement, mention: Span) -> list[Token]:
    """The source's tokens as SpkAtt marks them (``Angaben der Polizei`` for the mention ``der
    Polizei``) with the mention's own, or the mention's alone when this stage found it elsewhere."""
    shown = doc.tokens_in(mention.start, mention.end)
    marked = [doc.tokens[i] for i in statement.source.tokens if 0 <= i < len(doc.tokens)]
    if marked and marked[0].start < mention.end and mention.start < marked[-1].end:
        indices = sorted({t.index for t in marked} | {t.index for t in shown})
        return [doc.tokens[i] for i in indices]
    return shown


def last_speaker_before(doc: Document, offset: int) -> tuple[Entity | None, int]:
    found, sentence = None, -1
    for statement in doc.statements:
        speaker = statement.speaker
        if speaker and speaker.entity and speaker.start < offset:
            found, sentence = doc.entity(speaker.entity), statement.sentence
    return found, sentence
