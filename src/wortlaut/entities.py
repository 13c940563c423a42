"""Actors of an article: persons, organisations and countries, with their mentions.

``find_entities`` reads the tokens (and their STTS tags, when the morphology stage ran)
and groups mentions into article-level :class:`~wortlaut.model.Entity` objects:

* persons — a first name followed by a name (``Donald Trump``), or a role noun followed
  by a name (``Kreml-Sprecher Dmitri Peskow``, ``Amtskollegen Wolodimir Selenskij``);
  later surname-only mentions (``Peskow``, genitive ``Putins``) join the full name;
* countries — country names (``Frankreichs``), capitals used as actors (``Moskau lehnt …
  ab``) and seats of government (``der Kreml``): all become the country itself, because in
  news the Kremlin speaks for Russia the way Moscow does;
* organisations — known names and acronyms (``NATO``, ``AfD``) and a name after an
  organisation noun (``Agentur Interfax``).

Roles are kept as written in the nominative (``Kreml-Sprecher``, ``Amtskollege``); a
country that comes from an adjective is added in brackets: ``der russische Machthaber``
gives ``Machthaber (Russland)``.  :func:`role_affiliation` reads it back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from . import places
from .lexicon import entries, json_data, table
from .model import Document, Entity, Span, Token

PERSON, ORGANISATION, COUNTRY, UNKNOWN = "person", "organisation", "country", "unknown"
# GermEval types the entity list takes from the NER model; places and countries come from the gazetteer.
LEARNED_TYPES = {"PER": PERSON, "ORG": ORGANISATION}
MAX_NAME_TOKENS = 4
# Tags of tokens that can be part of a name (empty: the morphology stage did not run).
_NAME_TAGS = frozenset({"", "NE", "NN", "FM", "XY"})
_FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
_PREPOSITION_TAGS = frozenset({"APPR", "APPRART"})
_ROLE_IN_BRACKETS = re.compile(r"^(?P<role>.+?) \((?P<affiliation>[^)]+)\)$")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|as|ad|ar|bin|ibn|abu|abd)-[A-ZÄÖÜ][^\W\d_]+$")
_WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")


# --- lexicons ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RoleNoun:
    masculine: str
    feminine: str
    kind: str  # leader | spokesperson | minister | … (roles of one kind may co-refer)


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A role noun as found in the text, decomposed: ``Kreml-Chef`` = ``Kreml`` + ``Chef``."""

    word: str
    role: str  # nominative form: "Kreml-Sprecher", "Amtskollege"
    head: str  # the role noun: "Sprecher"
    kind: str
    affiliation: str | None  # country or organisation named by the compound's first part
    gender: str  # "m", "f" or "" (unknown)
    plural: bool


@cache
def first_names() -> dict[str, str]:
    """First name -> gender hint (``m``, ``f`` or ``?``)."""
    return table("name_first.txt")


@cache
def role_nouns() -> tuple[RoleNoun, ...]:
    nouns = []
    for line in entries("role_nouns.txt"):
        masculine, feminine, kind = (part.strip() for part in line.split("\t"))
        nouns.append(RoleNoun(masculine, feminine, kind))
    return tuple(nouns)


@cache
def _role_forms() -> dict[str, tuple[RoleNoun, str, bool]]:
    """Lower-case ending -> (role noun, gender, plural)."""
    forms: dict[str, tuple[RoleNoun, str, bool]] = {}
    for noun in role_nouns():
        same = noun.masculine == noun.feminine  # Vorsitzende, Abgeordnete: gender unknown
        feminine = noun.feminine.lower()
        if not same:
            forms.setdefault(feminine + "nen", (noun, "f", True))
            forms.setdefault(feminine, (noun, "f", False))
        masculine = noun.masculine.lower()
        gender = "" if same else "m"
        for ending, plural in (("", False), ("n", False), ("en", False), ("s", False), ("es", False), ("r", False)):
            forms.setdefault(masculine + ending, (noun, gender, plural))
    return forms


@cache
def _longest_role_form() -> int:
    return max(map(len, _role_forms()))


@cache
def org_names() -> dict[str, str]:
    """Organisation name as written -> canonical name."""
    return {written: canonical or written for written, canonical in table("org_names.txt").items()}


@cache
def _org_noun_forms() -> dict[str, tuple[str, ...]]:
    """Inflected lower-case form -> the organisation nouns it inflects (``ministeriums`` -> ministerium)."""
    forms: dict[str, set[str]] = {}
    for noun in {noun.lower() for noun in entries("org_nouns.txt")}:
        for ending in ("", "en", "n", "s", "es"):
            forms.setdefault(noun + ending, set()).add(noun)
    return {form: tuple(nouns) for form, nouns in forms.items()}


@cache
def _function_words() -> dict:
    return json_data("name_function_words.json")


def _words(key: str) -> frozenset[str]:
    return frozenset(_function_words()[key])


# --- countries, through wortlaut.places --------------------------------------------------


def country_name(word: str) -> str | None:
    """The country a country name stands for, genitive included: ``Frankreichs`` -> ``Frankreich``."""
    for form in _genitive_variants(word):
        info = places.lookup_place(form)
        if info is not None and info.kind == "country":
            return info.name
    return None


def country_for_adjective(word: str) -> str | None:
    """``ukrainischen`` -> ``Ukraine``."""
    if not word[:1].islower() and not word[:1].isupper():
        return None
    return places.country_for_adjective(word)


def capital_country(word: str) -> str | None:
    """``Moskau`` -> ``Russland`` (only for capitals, which stand for governments)."""
    for form in _genitive_variants(word):
        country = places.capital_country(form)
        if country:
            return country
    return None


def institution_country(word: str) -> str | None:
    """Seats of government that stand for a country: ``Kreml``/``Kremls`` -> ``Russland``."""
    for form in _genitive_variants(word):
        country = places.metonym_country(form)
        if country:
            return country
    return None


def _genitive_variants(word: str) -> list[str]:
    variants = [word]
    if len(word) > 3 and word.endswith("s"):
        variants.append(word[:-1])
    if len(word) > 4 and word.endswith("es"):
        variants.append(word[:-2])
    return variants


def canonical_affiliation(name: str | None) -> str | None:
    """One spelling per country, so that ``USA`` from a prefix and from places agree."""
    if not name:
        return None
    return country_name(name) or name


def affiliation_of(modifier: str) -> str | None:
    """The country or organisation a compound's first part names: ``Kreml`` -> ``Russland``."""
    modifier = modifier.strip("-")
    if not modifier:
        return None
    affiliations = table("role_affiliations.txt")
    for form in (modifier, modifier.rstrip("s")):
        if form in affiliations:
            return canonical_affiliation(affiliations[form])
        if form in org_names():
            return org_names()[form]
    return institution_country(modifier) or country_name(modifier)


# --- roles -------------------------------------------------------------------------------


@lru_cache(maxsize=200_000)  # called for every capitalised token; the scan over role forms is slow
def parse_role(word: str) -> RoleMatch | None:
    """Decompose a role noun, compounds included: ``US-Präsident`` -> Präsident of the USA."""
    if not word[:1].isupper() or not _WORD.match(word):
        return None
    lower = word.lower()
    forms = _role_forms()
    for size in range(min(len(lower), _longest_role_form()), 0, -1):  # the longest ending wins
        found = forms.get(lower[-size:])
        if found is None:
            continue
        noun, gender, plural = found
        prefix = word[: len(word) - size]
        if prefix and not prefix.endswith("-") and len(prefix) < 3:
            continue  # "Ex" or a stray letter, not a compound part
        head = noun.feminine if gender == "f" else noun.masculine
        role = prefix + (head if not prefix or prefix.endswith("-") else head.lower())
        return RoleMatch(word, role, head, noun.kind, affiliation_of(prefix), gender, plural)
    return None


def role_affiliation(role: str) -> tuple[str, str | None]:
    """Split a stored role into role noun and affiliation: ``Machthaber (Russland)``."""
    match = _ROLE_IN_BRACKETS.match(role)
    if match:
        return match["role"], match["affiliation"]
    parsed = parse_role(role)
    return role, parsed.affiliation if parsed else None


def likely_plural(role: RoleMatch, word_before: str) -> bool:
    """``Experten``, ``die Experten``: an inflected role noun without a singular article.

    ``dem Präsidenten``, ``seinem Amtskollegen`` and ``einen Experten`` stay singular.
    """
    if role.plural:
        return True
    if role.word == role.role or role.word.endswith(("-", "s")):
        return False
    return word_before.lower() not in _words("singular_oblique")


def is_org_noun(word: str) -> bool:
    return org_noun_head(word) is not None


@lru_cache(maxsize=200_000)
def org_noun_head(word: str) -> str | None:
    """``Außenministerium`` -> ``ministerium``; None when the word is no organisation noun."""
    if not word[:1].isupper() or not _WORD.match(word):
        return None
    lower = word.lower()
    forms = _org_noun_forms()
    heads = [noun for size in range(len(lower), 0, -1)
             # the whole word, or a compound whose first part has at least three letters
             if size == len(lower) or len(lower) - size >= 3
             for noun in forms.get(lower[-size:], ())]
    return max(heads, key=len) if heads else None  # the longest noun: "Ministerium" over "Rium"


# --- tokens ------------------------------------------------------------------------------


def normal_tag(token: Token) -> str:
    return token.tag.replace("(", "").replace(")", "")


def is_finite_verb(token: Token) -> bool:
    return normal_tag(token) in _FINITE_TAGS


def is_preposition(token: Token) -> bool:
    tag = normal_tag(token)
    if tag:
        return tag in _PREPOSITION_TAGS
    return token.text.lower() in _words("prepositions")


def is_determiner(token: Token) -> bool:
    tag = normal_tag(token)
    if tag:
        return tag in {"ART", "PPOSAT", "PDAT", "PIAT"}
    return token.text.lower() in _words("determiners")


def is_adjective(token: Token) -> bool:
    tag = normal_tag(token)
    if tag:
        return tag in {"ADJA", "CARD"}
    return token.text[:1].islower() and token.text.endswith(("e", "en", "er", "em", "es"))


def _is_word(token: Token) -> bool:
    return bool(_WORD.match(token.text))


def _covered(doc: Document, token: Token, spans: Iterable) -> bool:
    return any(span.start < token.end and token.start < span.end for span in spans)


@dataclass
class _Context:
    """What the token tests need besides the token itself."""

    doc: Document

    def is_place(self, token: Token) -> bool:
        return _covered(self.doc, token, self.doc.places) or country_name(token.text) is not None

    def is_time(self, token: Token) -> bool:
        return _covered(self.doc, token, self.doc.times)

    def name_like(self, token: Token, *, tagged_name_only: bool = False) -> bool:
        """Could this token be (part of) a person's name?"""
        text = token.text
        if _ARABIC_ARTICLE.match(text):  # "Baschar al-Assad"
            return True
        if not text[:1].isupper() or not _is_word(token) or text.isupper() and len(text) > 1:
            return False
        tag = normal_tag(token)
        if tag not in _NAME_TAGS or (tagged_name_only and tag not in {"", "NE", "FM", "XY"}):
            return False
        if parse_role(text) or is_org_noun(text) or text in org_names() or institution_country(text):
            return False
        return not (self.is_place(token) or self.is_time(token))


def sentence_start(doc: Document, token: Token) -> int:
    if doc.sentences and 0 <= token.sentence < len(doc.sentences):
        return doc.sentences[token.sentence].token_start
    return 0


# --- detection ---------------------------------------------------------------------------


@dataclass
class _Mention:
    type: str
    key: str  # entity key: canonical name; persons: full name or surname
    first: int  # token range [first, last)
    last: int
    role: str | None = None
    first_name: str | None = None
    surname: str | None = None


def find_entities(doc: Document) -> Document:
    context = _Context(doc)
    taken: set[int] = set()
    mentions: list[_Mention] = []
    for finder in (_named_persons, _organisations, _countries):
        for mention in finder(doc, context, taken):
            mentions.append(mention)
            taken.update(range(mention.first, mention.last))
    mentions = _add_learned_names(doc, mentions, taken)
    mentions += _surname_mentions(doc, mentions, taken)
    doc.entities.extend(_group(doc, mentions, start_id=len(doc.entities) + 1))
    return doc


def _named_persons(doc: Document, context: _Context, taken: set[int]) -> Iterable[_Mention]:
    tokens = doc.tokens
    i = 0
    while i < len(tokens):
        found = _person_at(doc, context, i)
        if found is None or any(k in taken for k in range(found.first, found.last)):
            i += 1
            continue
        yield found
        i = found.last


def _person_at(doc: Document, context: _Context, i: int) -> _Mention | None:
    """A person name starting at token ``i`` (a role noun before it is read as the role)."""
    tokens = doc.tokens
    token = tokens[i]
    role = parse_role(token.text) if i + 1 < len(tokens) else None
    following = tokens[i + 1] if role is not None else None
    plural = role is not None and (role.plural or likely_plural(role, tokens[i - 1].text if i > 0 else ""))
    if role is not None and not plural and following.sentence == token.sentence:
        if not (context.name_like(following, tagged_name_only=True) or _first_name_before_name(doc, context, i + 1)):
            return None
        name_end = _name_end(doc, context, i + 1, need_first_name=False)
        if name_end > i + 1:
            return _person_mention(doc, i + 1, name_end, _role_with_adjectives(doc, i, role))
        return None
    if _first_name_before_name(doc, context, i):
        name_end = _name_end(doc, context, i, need_first_name=True)
        if name_end > i + 1:
            role_index = i - 1
            previous_role = parse_role(tokens[role_index].text) if role_index >= 0 else None
            role_text = _role_with_adjectives(doc, role_index, previous_role) if previous_role else None
            return _person_mention(doc, i, name_end, role_text)
    return None


def _first_name_before_name(doc: Document, context: _Context, i: int) -> bool:
    """A listed first name the tagger saw as a name, or as a noun before a tagged name."""
    token = doc.tokens[i]
    if token.text not in first_names() or not context.name_like(token):
        return False
    if normal_tag(token) in {"", "NE", "FM", "XY"}:
        return True
    following = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    return following is not None and normal_tag(following) in {"NE", "FM", "XY"}


def _name_end(doc: Document, context: _Context, start: int, *, need_first_name: bool) -> int:
    """One past the last token of a name starting at ``start`` (``start`` itself when none).

    The tagger may call a surname a noun (NN), so the second token may be one; later
    tokens must be tagged as names, which keeps "Albert Wirz Doktor …" to "Albert Wirz".
    """
    tokens = doc.tokens
    sentence = tokens[start].sentence
    end = start
    particles = _words("particles")
    while end < len(tokens) and end - start < MAX_NAME_TOKENS and tokens[end].sentence == sentence:
        token = tokens[end]
        if context.name_like(token, tagged_name_only=end - start >= 2) and not _genitive_before_noun(doc, end - 1):
            end += 1
            continue
        # "Ursula von der Leyen": particles inside a name, before a capitalised part; an
        # article alone ("Philipp den Königstitel") starts no particle.
        if end > start and token.text in particles and token.text not in {"der", "den"}:
            following = end + 1
            while following < len(tokens) and tokens[following].text in particles:
                following += 1
            if following < len(tokens) and following - start < MAX_NAME_TOKENS and context.name_like(tokens[following]):
                end = following + 1
                continue
        break
    if need_first_name and end == start + 1:
        return start
    return end


def _genitive_before_noun(doc: Document, index: int) -> bool:
    """``Gebhards Betreiben``: a genitive name ends the name; the noun after it is not part of it."""
    return index >= 0 and doc.tokens[index].text.endswith("s") and normal_tag(doc.tokens[index + 1]) == "NN"


def _role_with_adjectives(doc: Document, role_index: int, role: RoleMatch) -> str:
    """``der russische Machthaber`` -> ``Machthaber (Russland)``; compounds carry their own."""
    if role.affiliation:
        return role.role
    j = role_index - 1
    while j >= 0 and j >= role_index - 3 and is_adjective(doc.tokens[j]):
        country = country_for_adjective(doc.tokens[j].text)
        if country:
            return f"{role.role} ({country})"
        j -= 1
    return role.role


def _person_mention(doc: Document, first: int, last: int, role: str | None) -> _Mention:
    words = [t.text for t in doc.tokens[first:last]]
    surname = words[-1]
    if len(surname) > 3 and surname.endswith("s") and _occurs_alone(doc, surname[:-1]):
        surname = surname[:-1]  # genitive "Wladimir Putins"
    words[-1] = surname
    first_name = words[0] if len(words) > 1 else None
    return _Mention(PERSON, " ".join(words), first, last, role=role, first_name=first_name, surname=surname)


def _occurs_alone(doc: Document, word: str) -> bool:
    return any(token.text == word for token in doc.tokens)


def _organisations(doc: Document, context: _Context, taken: set[int]) -> Iterable[_Mention]:
    tokens = doc.tokens
    names = org_names()
    for i, token in enumerate(tokens):
        if i in taken or not _is_word(token):
            continue
        text = token.text
        if text in names:
            yield _org_mention(i, i + 1, names[text])
        elif _is_acronym(token) and country_name(text) is None and not _in_capital_heading(doc, token):
            yield _org_mention(i, i + 1, text)
        elif is_org_noun(text) and i + 1 < len(tokens) and i + 1 not in taken:
            # "Agentur Interfax", "Nachrichtenagentur Interfax"
            following = tokens[i + 1]
            name = names.get(following.text)
            if name is None and context.name_like(following, tagged_name_only=True):
                name = following.text
            if name is not None and following.sentence == token.sentence:
                mention = _org_mention(i + 1, i + 2, name)
                mention.role = _role_with_adjectives(doc, i, _org_role(text))
                yield mention


def _org_role(noun: str) -> RoleMatch:
    return RoleMatch(noun, noun, noun, "organisation", None, "", False)


def _org_mention(first: int, last: int, name: str) -> _Mention:
    return _Mention(ORGANISATION, name, first, last)


def _is_acronym(token: Token) -> bool:
    text = token.text
    letters = text.replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and sum(c.isupper() for c in letters) >= len(letters) - 1 and text[:2].isupper()


def _in_capital_heading(doc: Document, token: Token) -> bool:
    """All-capital headings ("EILMELDUNG") are not acronyms."""
    start = sentence_start(doc, token)
    sentence = doc.tokens[start : start + 8]
    return sum(t.text.isupper() and len(t.text) > 1 for t in sentence) >= 3


def _countries(doc: Document, context: _Context, taken: set[int]) -> Iterable[_Mention]:
    for i, token in enumerate(doc.tokens):
        if i in taken or not _is_word(token) or not token.text[:1].isupper():
            continue
        two_words = _two_word_metonym(doc, i, taken)
        if two_words is not None:
            yield _Mention(COUNTRY, two_words, i, i + 2)
            continue
        country = country_name(token.text) or institution_country(token.text)
        if country is None and _acts_as_subject(doc, i):
            country = capital_country(token.text)
        if country is not None:
            yield _Mention(COUNTRY, country, i, i + 1)
    # Multi-word places found by the places stage ("Russische Föderation").
    for place in doc.places:
        first = token_at(doc, place.start)
        if first is None or first in taken:
            continue
        country = country_name(place.name) if " " in place.text else None
        if country is not None:
            last = token_at(doc, place.end - 1)
            yield _Mention(COUNTRY, country, first, (last if last is not None else first) + 1)


def _add_learned_names(doc: Document, mentions: list[_Mention], taken: set[int]) -> list[_Mention]:
    """Persons and organisations the NER model finds and the rules did not (no model: none).

    The rules know roles, word lists and the gazetteer; the model knows names it has never
    seen from their shape and context (``Ulla Jelpke``, ``Transparency International``).  A
    learned organisation also replaces the rules' shorter ones inside it (``IG`` in ``IG Metall``).
    """
    from . import ner

    if not ner.model_path().exists():
        return mentions
    for first, last, label in ner.find_named_entities(doc):
        if label not in LEARNED_TYPES:
            continue
        words = doc.tokens[first:last]
        if not all(_is_word(t) or t.text == "-" for t in words) or words[0].text[:1].islower():
            continue
        overlap = sum(k in taken for k in range(first, last))
        if overlap:
            inside = [m for m in mentions if first <= m.first and m.last <= last]
            covered = sum(m.last - m.first for m in inside)
            # only rule organisations wholly inside a longer learned one give way
            if LEARNED_TYPES[label] != ORGANISATION or covered != overlap or covered == last - first \
                    or any(m.type != ORGANISATION for m in inside):
                continue
            mentions = [m for m in mentions if m not in inside]
        taken.update(range(first, last))
        if LEARNED_TYPES[label] == PERSON:
            mentions.append(_person_mention(doc, first, last, None))
        else:
            text = " ".join(t.text for t in words)
            mentions.append(_org_mention(first, last, org_names().get(text, text)))
    return mentions


def _two_word_metonym(doc: Document, i: int, taken: set[int]) -> str | None:
    """``Weißes Haus`` -> ``USA``."""
    if i + 1 >= len(doc.tokens) or i + 1 in taken or doc.tokens[i + 1].sentence != doc.tokens[i].sentence:
        return None
    return institution_country(f"{doc.tokens[i].text} {doc.tokens[i + 1].text}")


def token_at(doc: Document, offset: int) -> int | None:
    """Index of the token covering character ``offset`` (binary search; tokens are in order)."""
    tokens = doc.tokens
    index = bisect_right(tokens, offset, key=lambda token: token.start) - 1
    if index >= 0 and tokens[index].start <= offset < tokens[index].end:
        return index
    return None


def _acts_as_subject(doc: Document, i: int) -> bool:
    """``Moskau lehnt … ab``, ``lehnt Moskau … ab``: a capital next to a finite verb."""
    tokens = doc.tokens
    if i > 0 and is_preposition(tokens[i - 1]):
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sentence == tokens[i].sentence else None
    previous = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == tokens[i].sentence else None
    if following is not None and following.tag:
        return is_finite_verb(following) or (previous is not None and is_finite_verb(previous))
    # Untagged: a capital opening its sentence, followed by a lower-case word (the verb).
    return i == sentence_start(doc, tokens[i]) and following is not None and following.text[:1].islower()


def _surname_mentions(doc: Document, found: list[_Mention], taken: set[int]) -> list[_Mention]:
    """``Peskow``, ``Putins``: a known surname alone joins the person who bears it."""
    surnames = {m.surname for m in found if m.type == PERSON and m.surname}
    mentions = []
    for i, token in enumerate(doc.tokens):
        if i in taken:
            continue
        text = token.text
        for surname in (text, text[:-1] if text.endswith("s") else None, text[:-1] if text.endswith("’") else None):
            if surname and surname in surnames:
                mentions.append(_Mention(PERSON, surname, i, i + 1, surname=surname))
                break
    return mentions


def _group(doc: Document, mentions: list[_Mention], *, start_id: int) -> list[Entity]:
    """Mentions -> entities; a surname alone joins the closest full name before it."""
    mentions.sort(key=lambda m: m.first)
    persons_by_surname: dict[str, list[tuple[int, Entity]]] = {}
    by_key: dict[tuple[str, str], Entity] = {}
    entities: list[Entity] = []

    def new_entity(name: str, type_: str) -> Entity:
        entity = Entity(id="", name=name, type=type_)
        entities.append(entity)
        return entity

    full_names = [m for m in mentions if m.type == PERSON and m.first_name]
    for mention in mentions:
        span = doc.token_span(mention.first, mention.last - 1)
        if mention.type == PERSON and mention.first_name:
            entity = by_key.get((PERSON, mention.key))
            if entity is None:
                entity = _surname_only_entity(persons_by_surname, mention) or new_entity(mention.key, PERSON)
                entity.name = mention.key
                by_key[(PERSON, mention.key)] = entity
            persons_by_surname.setdefault(mention.surname, []).append((mention.first, entity))
        elif mention.type == PERSON:
            bearer = _closest_bearer(persons_by_surname, full_names, mention)
            if isinstance(bearer, str):
                entity = by_key.get((PERSON, bearer))
                if entity is None:
                    entity = by_key[(PERSON, bearer)] = new_entity(bearer, PERSON)
            else:
                entity = bearer or new_entity(mention.key, PERSON)
            persons_by_surname.setdefault(mention.surname, []).append((mention.first, entity))
        else:
            entity = by_key.get((mention.type, mention.key))
            if entity is None:
                entity = by_key[(mention.type, mention.key)] = new_entity(mention.key, mention.type)
        entity.mentions.append(span)
        if mention.role:
            _add_role(entity, mention.role)
    for number, entity in enumerate(entities, start=start_id):
        entity.id = f"E{number}"
    return entities


def _add_role(entity: Entity, role: str) -> None:
    """Keep one form per role noun, the one that names a country: ``Machthaber (Russland)``."""
    noun = role_affiliation(role)[0]
    for index, known in enumerate(entity.roles):
        if role_affiliation(known)[0] == noun:
            if known != role and _ROLE_IN_BRACKETS.match(role):
                entity.roles[index] = role
            return
    entity.roles.append(role)


def _surname_only_entity(persons_by_surname, mention: _Mention) -> Entity | None:
    """A full name after its surname alone (``Präsident Trump`` … ``Donald Trump``)."""
    for _, entity in reversed(persons_by_surname.get(mention.surname, [])):
        if " " not in entity.name:
            return entity
    return None


def _closest_bearer(persons_by_surname, full_names: list[_Mention], mention: _Mention) -> Entity | str | None:
    """The entity a surname alone belongs to, or the full name it will get (used before it)."""
    before = persons_by_surname.get(mention.surname)
    if before:
        return before[-1][1]
    for later in full_names:  # the surname comes before the full name (headlines)
        if later.surname == mention.surname and later.first > mention.first:
            return later.key
    return None


# --- helpers for the speakers stage ------------------------------------------------------


def person_gender(entity: Entity) -> str:
    """``m``, ``f`` or ``""``: from a feminine role noun, else from the first name."""
    for role in entity.roles:
        parsed = parse_role(role_affiliation(role)[0])
        if parsed is not None and parsed.gender:
            return parsed.gender
    first = entity.name.split()[0] if " " in entity.name else ""
    gender = first_names().get(first, "")
    return gender if gender in {"m", "f"} else ""


def entity_affiliations(entity: Entity) -> set[str]:
    return {a for a in (canonical_affiliation(role_affiliation(r)[1]) for r in entity.roles) if a}


def add_mention(entity: Entity, span: Span) -> None:
    """Add ``span`` unless the entity already has a mention overlapping it."""
    if any(m.start < span.end and span.start < m.end for m in entity.mentions):
        return
    entity.mentions.append(span)
    entity.mentions.sort(key=lambda m: m.start)


def next_entity_id(doc: Document) -> str:
    numbers = [int(e.id[1:]) for e in doc.entities if e.id[:1] == "E" and e.id[1:].isdigit()]
    return f"E{max(numbers, default=0) + 1}"


def pronoun_gender(word: str) -> str:
    return _function_words()["pronouns"].get(word.lower(), "")


__all__ = [
    "COUNTRY",
    "ORGANISATION",
    "PERSON",
    "UNKNOWN",
    "RoleMatch",
    "find_entities",
    "parse_role",
    "role_affiliation",
]
