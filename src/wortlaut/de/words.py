"""Closed German word classes, read from ``data/word_classes.json``.

Each class is named for what the rules and features use it for.  Classes are matched
against the lower-cased word, except ``TIME_NOUNS``, ``AGE_NOUNS``, ``ANGABEN_MODIFIERS`` and
``SOURCE_SUFFIXES``, which are matched as written.
"""

from __future__ import annotations

from .lexicon import json_data

WORD_CLASSES = "word_classes.json"


def word_class(name: str) -> frozenset[str]:
    return frozenset(json_data(WORD_CLASSES)[name])


# articles and pronouns
DETERMINERS = word_class("determiners")  # articles, possessives, demonstratives in all their forms
INDEFINITE_ARTICLES = word_class("indefinite_articles")
DEFINITE_ARTICLES = word_class("definite_articles")
GOVERNMENT_NOUNS = word_class("government_nouns")  # "die chinesische Regierung" stands for its country
GENITIVE_ARTICLES = word_class("genitive_articles")  # "der Sprecher des Ministeriums"
CONTRACTED_ARTICLES = word_class("contracted_articles")  # "im", "zum"
OBJECT_ARTICLES = word_class("object_articles")  # "Den Unmut … brachte X zum Ausdruck": never a subject
SINGULAR_OBLIQUE = word_class("singular_oblique")  # "dem Präsidenten": a role noun in -en that is singular
SUBJECT_PRONOUNS = word_class("subject_pronouns")
NOMINATIVE_PRONOUNS = word_class("nominative_pronouns")  # never an object, unlike "sie", "es"
SPEAKER_PRONOUNS = word_class("speaker_pronouns")
DEMONSTRATIVES = word_class("demonstratives")  # "Das machte Peskow deutlich", "Dies bestätigte …"
RELATIVE_DETERMINERS = word_class("relative_determiners")  # "nach dessen Angaben"
REFLEXIVE_POSSESSIVES = word_class("reflexive_possessives")  # "eigene", "eigenen", …
OWN_POSSESSIVES = word_class("own_possessives")  # "nach eigenen Angaben": the sentence subject's
ACTOR_PRONOUNS: dict[str, str] = json_data(WORD_CLASSES)["actor_pronouns"]  # pronoun -> gender ("m", "f", "n", "")
# the article before a noun for a person in the singular -> the person's gender ("der 54-Jährige", "die Sängerin")
PERSON_ARTICLE_GENDERS: dict[str, str] = json_data(WORD_CLASSES)["person_article_genders"]

# particles, adverbs, conjunctions
NEGATIONS = word_class("negations")
FOCUS_PARTICLES = word_class("focus_particles")  # "Auch das Ministerium …" opens the Vorfeld
SUBORDINATORS = word_class("subordinators")  # open a content clause: "dass", "ob"
W_WORDS = word_class("w_words")
REPORT_OPENERS = word_class("report_openers")  # words opening reported content (a tagger feature)
PRONOMINAL_ADVERBS = word_class("pronominal_adverbs")  # "davon", "darauf"
# words HanTa tags as a verb's separable particle that are none: "sagte weiter", "sagte damals dazu:"
FALSE_PARTICLES = PRONOMINAL_ADVERBS | word_class("false_particles")
VERBATIM_WORDS = word_class("verbatim_words")  # "Koppelin wörtlich: „…“"
NAME_PARTICLES = word_class("name_particles")  # "Ursula von der Leyen", "Baschar al-Assad"
BRANCH_COUNTRIES = word_class("branch_countries")  # "Wikimedia Deutschland": an organisation's national branch
NAME_FUNCTION_WORDS = word_class("name_function_words")  # small words inside a quoted name: "BILD am Sonntag"

# prepositions, by use
PREPOSITIONS = word_class("prepositions")
DOCUMENT_PREPOSITIONS = word_class("document_prepositions")  # "heißt es in der Erklärung"
TIME_PREPOSITIONS = word_class("time_prepositions")  # "am Morgen"
ATTRIBUTE_WORDS = word_class("attribute_words")  # open a genitive or prepositional attribute
AGENT_PREPOSITIONS = word_class("agent_prepositions")  # "von der UN aufgefordert"
PLACE_PREPOSITIONS = word_class("place_prepositions")  # "in Wladiwostok": where something was said
ADDRESSEE_PREPOSITIONS = word_class("addressee_prepositions")  # "vor Reportern", "gegenüber der Agentur"
ORIGIN_PREPOSITIONS = word_class("origin_prepositions")  # "der Sprecher vom Landeskriminalamt"

# nouns
class _TimeNouns(frozenset):
    """Time nouns, and compounds of two of them (``Dienstagabend``, ``Sonntagnachmittag``)."""

    def __contains__(self, word: object) -> bool:
        if frozenset.__contains__(self, word):
            return True
        if not isinstance(word, str) or len(word) < 7 or not word[:1].isupper():
            return False
        return any(frozenset.__contains__(self, word[:cut]) and frozenset.__contains__(self, word[cut:].capitalize())
                   for cut in range(3, len(word) - 3))


TIME_NOUNS = _TimeNouns(word_class("time_nouns"))  # "vor drei Tagen", "am Dienstagabend": no speaker, no addressee
AGE_NOUNS = word_class("age_nouns")  # "100 Jahre", "im Alter von": no speaker
SOURCE_SUFFIXES = tuple(json_data(WORD_CLASSES)["source_suffixes"])  # "Kreml-Angaben" -> "Kreml"

# attribution phrases
NOMINAL_CUES = word_class("nominal_cues")  # "nach Angaben X", "laut X", "X zufolge"
LAUT_WORDS = word_class("laut_words")  # a preposition naming the source after it
TITLE_PREPOSITIONS = word_class("title_prepositions")  # "laut „Tagesspiegel“": a source named, not quoted
POINTING_BACK_OBJECTS = word_class("pointing_back_objects")  # "Das teilte die Polizei mit": the sentence before
POINTING_BACK_CUES = word_class("pointing_back_cues")  # ", wonach …": the last speaker's
# "Laut einem Bericht … Demnach sei …": the pronominal adverb is cue and source at once
SELF_SOURCE_CUES = tuple([word] for word in json_data(WORD_CLASSES)["self_source_cues"])
QUOTATION_ANNOUNCERS = tuple(tuple(phrase.split()) for phrase in json_data(WORD_CLASSES)["quotation_announcers"])
ANGABEN_MODIFIERS = word_class("angaben_modifiers")  # "nach eigenen/offiziellen Angaben"
NEUTRAL_ANGABEN_MODIFIERS = word_class("neutral_angaben_modifiers")  # modifiers that name nobody
HEARSAY_AUXILIARIES = word_class("hearsay_auxiliaries")  # "X soll … verteilt haben"
REPORT_KEYWORDS = word_class("report_keywords")  # lemmas that mark a report (a tagger feature)

# speaker phrases (speakers stage)
POSSESSIVE_GENDERS: dict[str, str] = json_data(WORD_CLASSES)["possessive_genders"]  # "seiner Meinung nach" -> m
RELATIVE_PRONOUNS = word_class("relative_pronouns")  # ", der …", ", denen zufolge …": the noun before the comma
POINTING_BACK_ADVERBS = word_class("pointing_back_adverbs")  # "Demnach …": the last speaker or subject
ABSTRACT_NOUN_ENDINGS = tuple(word_class("abstract_noun_endings"))  # "die Situation", "Spekulationen": nobody
CONCRETE_NOUN_ENDINGS = tuple(word_class("concrete_noun_endings"))  # "Millionen", "Nationen": these endings, but no abstract noun
NON_SPEAKER_WORDS = word_class("non_speaker_words")  # a bare "Worten", "Vernehmen": nobody
GENERIC_ORGANISATION_NOUNS = word_class("generic_organisation_nouns")  # "das Unternehmen": the company named before
REFERRING_ORGANISATION_NOUNS = word_class("referring_organisation_nouns")  # bare "die Partei": the latest organisation
# "die Polizei" names an actor even with no organisation named before; "das Ministerium" does not
STANDALONE_ORGANISATION_NOUNS = word_class("standalone_organisation_nouns")
NAMELESS_ORGANISATION_NOUNS = word_class("nameless_organisation_nouns")  # "Medienberichten zufolge": unnamed
DEMONSTRATIVE_SPEAKERS: dict[str, str] = json_data(WORD_CLASSES)["demonstrative_speakers"]  # "Dieser behaupte": gender
# after an organisation noun, words that continue its name: "Amt der Bundesrepublik", "Ministerium für Bildung"
NAME_INTERNAL_WORDS = word_class("name_internal_words")
ORGANISATION_PLACE_PREPOSITIONS = word_class("organisation_place_prepositions")  # "die Regierung in Lomé", "der Betreiber von Abgeordnetenwatch"
PAIR_WORDS = word_class("pair_words")  # "die beiden Politiker": the two persons named before
PLURAL_DETERMINERS = word_class("plural_determiners")  # "die Forscher": a masculine role noun after them is plural
IRREGULAR_PLURAL_VERBS = word_class("irregular_plural_verbs")  # third-person plural forms not in -en
POINTING_DETERMINERS = word_class("pointing_determiners")  # "der Studie", "dieser Studie": one named before
MASCULINE_GENITIVE_ARTICLES = word_class("masculine_genitive_articles")  # "des Amtes": the noun takes -(e)s
INTERVIEW_QUESTION_WORDS = word_class("interview_question_words")  # "Frage: …" in an interview: the interviewer
INTERVIEW_ANSWER_WORDS = word_class("interview_answer_words")  # "Antwort: …": the interviewee
LONG_FORM_FUNCTION_WORDS = word_class("long_form_function_words")  # small words in "Verband für … (ACR)"
