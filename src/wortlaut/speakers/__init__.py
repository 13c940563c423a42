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

Modules: :mod:`.mentions` decides which words name a statement's speaker (the marked source,
else the cue's subject, ``Demnach``, a source a medium cites, the statement before for a
continuation); :mod:`.resolver` resolves one mention, with :mod:`.pronouns` for pronouns;
:mod:`.phrases` holds the tests on a phrase's words; :mod:`.resolutions` says how a speaker was
resolved and how sure that is.
"""

from __future__ import annotations

from ..components import component
from ..model import Document, Entity, Statement
from .article_index import ArticleIndex
from .config import SpeakersConfig
from .mentions import (
    cite,
    cited_source,
    continues_speech,
    last_speaker_before,
    name_by_long_forms,
    pointing_back_cue,
    resolve_statement,
    subject_speaker,
)
from .phrases import unnamed
from .resolutions import RESOLUTIONS, UNRESOLVED, resolution_confidence
from .resolver import Resolver

__all__ = ["RESOLUTIONS", "SpeakersConfig", "resolution_confidence", "resolve_mention", "resolve_speakers"]


@component("speakers", requires=("doc.statements", "doc.entities"),
           assigns=("statement.speaker.entity", "doc.entities"), config=SpeakersConfig)
def resolve_speakers(doc: Document, config: SpeakersConfig = SpeakersConfig()) -> Document:
    previous: Entity | None = None
    previous_sentence = -1
    last_spoken: Statement | None = None  # the latest statement whose speaker was resolved
    index = ArticleIndex(doc)
    # the speaker each marked mention was resolved to, by its place: a continuation marked with the
    # same words has the same speaker, also when they gave way to the cue's subject ("Jens Wieseke
    # fordert freie Sicht …" and then "Die Muster seien unruhig")
    resolved_at: dict[tuple[int, int], Statement] = {}
    for statement in doc.statements:
        mention = statement.speaker or pointing_back_cue(doc, statement) or subject_speaker(doc, statement)
        cited = cited_source(doc, statement) if mention is not None else None
        if cited is not None:  # "berichtet die Zeitung Y unter Berufung auf Regierungskreise"
            mention = statement.speaker = cite(doc, statement, mention, cited)  # kept even when unnamed
        if mention is None:
            if last_spoken is not None and continues_speech(doc, last_spoken, statement, config):
                statement.speaker = last_spoken.speaker  # "Er erwarte …": the statement before's speaker
            continue
        place = (mention.start, mention.end)
        earlier = resolved_at.get(place)
        if earlier is not None and statement.continuation and earlier.speaker is not None:
            statement.speaker = earlier.speaker
            continue
        resolver = Resolver(doc, previous, previous_sentence, config.pronoun_window, index=index)
        speaker, entity, tokens = resolve_statement(doc, statement, mention, resolver)
        if speaker is None:
            continue
        resolved_at[place] = statement
        statement.speaker = speaker
        speaker.resolution = resolver.how if entity is not None and not unnamed(entity) else UNRESOLVED
        speaker.confidence = resolution_confidence(speaker.resolution)
        if entity is None:
            continue
        speaker.entity, speaker.name, speaker.type = entity.id, entity.name, entity.type
        previous = entity
        previous_sentence = tokens[0].sentence if tokens else statement.sentence
        last_spoken = statement
    name_by_long_forms(doc, index.long_forms())
    return doc


def resolve_mention(doc: Document, start_token: int, end_token: int) -> Entity | None:
    """The entity tokens ``start_token`` .. ``end_token - 1`` refer to (e.g. a 'via' channel).

    The mention is added to the entity, and an entity is created when none fits.
    """
    tokens = doc.tokens[start_token:end_token]
    if not tokens:
        return None
    span = doc.span(tokens[0].start, tokens[-1].end)
    previous, previous_sentence = last_speaker_before(doc, span.start)
    return Resolver(doc, previous, previous_sentence, SpeakersConfig.pronoun_window).resolve(span, tokens)
