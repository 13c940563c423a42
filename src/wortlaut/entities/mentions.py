"""Finding the mentions of actors: persons, organisations, countries.

* persons — a first name followed by a name (``Donald Trump``), or a role noun followed by a
  name (``Kreml-Sprecher Dmitri Peskow``, ``Amtskollegen Wolodimir Selenskij``); later
  surname-only mentions (``Peskow``, genitive ``Putins``) join the full name;
* countries — country names (``Frankreichs``), capitals used as actors (``Moskau lehnt … ab``)
  and seats of government (``der Kreml``): all become the country itself, because in news the
  Kremlin speaks for Russia the way Moscow does;
* organisations — known names and acronyms (``NATO``, ``AfD``) and a name after an
  organisation noun (``Agentur Interfax``);
* names the rules miss, from the NER model (``Ulla Jelpke``, ``Transparency International``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..de.names import first_names
from ..de.nominative import nominative
from ..de.roles import (
    WORD,
    RoleMatch,
    is_org_noun,
    likely_plural,
    org_names,
    org_noun_head,
    parse_role,
    with_affiliation,
)
from ..de.tags import NAME, NAME_OR_FOREIGN
from ..de.tokens import is_adjective, is_finite_verb, is_preposition, normal_tag
from ..de.words import BRANCH_COUNTRIES, NAME_PARTICLES
from ..gazetteer import capital_country, country_for_adjective, country_name, metonym_country
from ..model import COUNTRY, ORGANISATION, PERSON, Document, Token
from ..resources import model_path
from . import ner
from .config import EntitiesConfig

# GermEval types the entity list takes from the NER model; places and countries come from the gazetteer.
LEARNED_TYPES = {"PER": PERSON, "ORG": ORGANISATION}
MAX_NAME_TOKENS = 4  # "Ursula von der Leyen"
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|as|ad|ar|bin|ibn|abu|abd)-[A-ZÄÖÜ][^\W\d_]+$")


def _is_word(token: Token) -> bool:
    return bool(WORD.match(token.text))


def covered_tokens(doc: Document, spans: Iterable) -> frozenset[int]:
    """Indices of the tokens that overlap any of ``spans`` (found once per article: a scan over
    every place for every token made long articles quadratic)."""
    return frozenset(token.index for span in spans for token in doc.tokens_in(span.start, span.end))


@dataclass
class NameTests:
    """What the token tests need besides the token itself."""

    doc: Document
    place_tokens: frozenset[int] = frozenset()
    time_tokens: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        self.place_tokens = covered_tokens(self.doc, self.doc.places)
        self.time_tokens = covered_tokens(self.doc, self.doc.times)

    def is_place(self, token: Token) -> bool:
        return token.index in self.place_tokens or country_name(token.text) is not None

    def is_time(self, token: Token) -> bool:
        return token.index in self.time_tokens

    def name_like(self, token: Token, *, tagged_name_only: bool = False) -> bool:
        """Could this token be (part of) a person's name?"""
        text = token.text
        if _ARABIC_ARTICLE.match(text):  # "Baschar al-Assad"
            return True
        if not text[:1].isupper() or not _is_word(token) or text.isupper() and len(text) > 1:
            return False
        tag = normal_tag(token)
        if tag not in NAME or (tagged_name_only and tag not in {"", "NE", "FM", "XY"}):
            return False
        if parse_role(text) or is_org_noun(text) or text in org_names() or metonym_country(text):
            return False
        return not (self.is_place(token) or self.is_time(token))


def sentence_start(doc: Document, token: Token) -> int:
    if doc.sentences and 0 <= token.sentence < len(doc.sentences):
        return doc.sentences[token.sentence].token_start
    return 0


@dataclass
class Mention:
    type: str
    key: str  # entity key: canonical name; persons: full name or surname
    first: int  # token range [first, last)
    last: int
    role: str | None = None
    first_name: str | None = None
    surname: str | None = None


def named_persons(doc: Document, context: NameTests, taken: set[int]) -> Iterable[Mention]:
    tokens = doc.tokens
    i = 0
    while i < len(tokens):
        found = _person_at(doc, context, i)
        if found is None or any(k in taken for k in range(found.first, found.last)):
            i += 1
            continue
        yield found
        i = found.last


def _person_at(doc: Document, context: NameTests, i: int) -> Mention | None:
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


def _first_name_before_name(doc: Document, context: NameTests, i: int) -> bool:
    """A listed first name the tagger saw as a name, or as a noun before a tagged name."""
    token = doc.tokens[i]
    if token.text not in first_names() or not context.name_like(token):
        return False
    if normal_tag(token) in {"", "NE", "FM", "XY"}:
        return True
    following = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    return following is not None and normal_tag(following) in {"NE", "FM", "XY"}


def _name_end(doc: Document, context: NameTests, start: int, *, need_first_name: bool) -> int:
    """One past the last token of a name starting at ``start`` (``start`` itself when none).

    The tagger may call a surname a noun (NN), so the second token may be one; later
    tokens must be tagged as names, which keeps "Albert Wirz Doktor …" to "Albert Wirz".
    """
    tokens = doc.tokens
    sentence = tokens[start].sentence
    end = start
    particles = NAME_PARTICLES
    while end < len(tokens) and end - start < MAX_NAME_TOKENS and tokens[end].sentence == sentence:
        token = tokens[end]
        if context.name_like(token, tagged_name_only=end - start >= 2) and not _genitive_before_noun(doc, end - 1):
            end += 1
            continue
        if end == start + 1 and _misread_surname(doc, context, start, token):
            end += 1  # "Peter Lang", "Elke Hoff": a surname read as adjective or verb
            continue
        if end == start + 1 and tokens[start].text in first_names() and token.text in org_names() \
                and normal_tag(token) in NAME_OR_FOREIGN:
            end += 1  # "Michael Bloomberg", "Henry Ford": after a first name, a surname that also names a company
            continue
        if end == start + 1 and _place_surname(context, tokens[end - 1], token):
            end += 1  # "Béla Anda": a surname that is also a place
            continue
        if end == start + 2 and _place_surname(context, tokens[end - 2], token) \
                and not (end + 1 < len(tokens) and tokens[end + 1].text[:1].isupper()):
            end += 1  # "Hilda Morales Trujillo", not "Keith Jarretts Köln Concert": a second surname that is a place
            continue
        if end > start and (_REGNAL_NUMBER.fullmatch(token.text) or _REGNAL_NUMBER.fullmatch(token.text + ".")
                            and end + 1 < len(tokens) and tokens[end + 1].text == "."):
            end += 1  # "Benedikt XVI.", "Ludwig XIV." (SpkAtt: "XVI ."): a regnal number ends the name
            break
        if end > start and _INITIAL.fullmatch(token.text) and end + 1 < len(tokens) \
                and tokens[end + 1].text[:1].isupper() and tokens[end + 1].text.isalpha():
            end += 1  # "Jürgen R. Thumann", "George W. Bush", "C.Y. Leung": an initial inside a name
            continue
        # "Ursula von der Leyen": particles inside a name, before a capitalised part; an
        # article alone ("Philipp den Königstitel") starts no particle.
        if end > start and token.text in particles and token.text not in {"der", "den"}:
            following = end + 1
            while following < len(tokens) and tokens[following].text in particles:
                following += 1
            if following < len(tokens) and following - start < MAX_NAME_TOKENS and (
                    context.name_like(tokens[following]) or _place_surname(context, token, tokens[following])):
                end = following + 1  # "Karl-Theodor zu Guttenberg": Guttenberg is a place too
                continue
        break
    if need_first_name and end == start + 1:
        return start
    return end


MISREAD_SURNAME_TAGS = frozenset({"ADJA", "ADJD", "ADV", "VVFIN", "VVIMP", "VVINF", "VVPP"})


_INITIAL = re.compile(r"(?:[A-Z]\.){1,3}")  # "R.", "C.Y."
_REGNAL_NUMBER = re.compile(r"[IVX]{1,5}\.")  # "XVI." after a name


def _misread_surname(doc: Document, context: NameTests, first: int, token: Token) -> bool:
    """A capitalised word right after a first name (never at its sentence's start) that the tagger
    read as an adjective or verb (``Lang``, ``Hoff``)."""
    return token.text[:1].isupper() and token.text.isalpha() and doc.tokens[first].text in first_names() \
        and normal_tag(token) in MISREAD_SURNAME_TAGS


def _place_surname(context: NameTests, before: Token, token: Token) -> bool:
    """A name-tagged word after a name-tagged one (or a particle) that is also a place but no country:
    ``Anda`` in ``Béla Anda``, ``Guttenberg`` in ``zu Guttenberg``."""
    return token.text[:1].isupper() and token.text.isalpha() and normal_tag(token) == "NE" \
        and (normal_tag(before) == "NE" or before.text in NAME_PARTICLES) \
        and context.is_place(token) and country_name(token.text) is None


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
            return with_affiliation(role.role, country)
        j -= 1
    return role.role


def _person_mention(doc: Document, first: int, last: int, role: str | None) -> Mention:
    words = [t.text for t in doc.tokens[first:last]]
    surname = words[-1]
    if len(surname) > 3 and surname.endswith("s") and doc.has_token(surname[:-1]):
        surname = surname[:-1]  # genitive "Wladimir Putins"
    words[-1] = surname
    first_name = words[0] if len(words) > 1 else None
    return Mention(PERSON, " ".join(words), first, last, role=role, first_name=first_name, surname=surname)


def organisations(doc: Document, context: NameTests, taken: set[int]) -> Iterable[Mention]:
    tokens = doc.tokens
    names = org_names()
    for i, token in enumerate(tokens):
        if i in taken or not _is_word(token):
            continue
        text = token.text
        branch = _national_branch(doc, i, taken)
        if branch:  # "Wikimedia Deutschland", "Greenpeace Österreich"
            yield _org_mention(i, i + 2, f"{names.get(text, text)} {tokens[i + 1].text}")
        elif text in names:
            yield _org_mention(i, i + 1, names[text])
        elif _is_acronym(token) and country_name(text) is None and not _in_capital_heading(doc, token):
            yield _org_mention(i, i + 1, acronym_base(text))
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
            elif following.sentence == token.sentence and _is_word(following) and context.is_place(following) \
                    and country_name(following.text) is None and normal_tag(following) == "NE":
                # "Universität Bayreuth", "Landgericht Köln", "Flughafen Bremen": the institution of a place
                yield _org_mention(i, i + 2, f"{nominative([token])} {following.text}")


def _national_branch(doc: Document, i: int, taken: set[int]) -> bool:
    """A name followed by a German-speaking country that is no list's member ("Wikimedia Deutschland",
    not "die EU, Deutschland und Frankreich"); a word some person is named by stays a person
    ("Als Merkel Deutschland regierte")."""
    tokens = doc.tokens
    if i + 1 >= len(tokens) or i + 1 in taken or tokens[i + 1].sentence != tokens[i].sentence:
        return False
    token, country = tokens[i], tokens[i + 1]
    if country.text.lower() not in BRANCH_COUNTRIES or country_name(token.text) is not None \
            or normal_tag(token) not in NAME_OR_FOREIGN and token.text not in org_names():
        return False
    after = tokens[i + 2].text if i + 2 < len(tokens) else ""
    if after in {"und", "sowie", "oder", "/"} or token.text in first_names() \
            or ner.resources_().lexicon.get(token.text) == ("PER", "3"):  # mostly a person in the news
        return False
    return not any(t.text == token.text for t in (tokens[k] for k in taken))


def _org_role(noun: str) -> RoleMatch:
    return RoleMatch(noun, noun, noun, "organisation", None, "", False)


def _org_mention(first: int, last: int, name: str) -> Mention:
    return Mention(ORGANISATION, name, first, last)


def acronym_base(text: str) -> str:
    """``ZDFs`` (des ZDFs) -> ``ZDF``: an acronym without its genitive ending."""
    return text[:-1] if len(text) > 2 and text.endswith("s") and text[:-1].isupper() else text


def _is_acronym(token: Token) -> bool:
    text = token.text
    letters = text.replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and sum(c.isupper() for c in letters) >= len(letters) - 1 and text[:2].isupper()


def _in_capital_heading(doc: Document, token: Token) -> bool:
    """All-capital headings ("EILMELDUNG") are not acronyms."""
    start = sentence_start(doc, token)
    sentence = doc.tokens[start : start + 8]
    return sum(t.text.isupper() and len(t.text) > 1 for t in sentence) >= 3


def countries(doc: Document, context: NameTests, taken: set[int]) -> Iterable[Mention]:
    for i, token in enumerate(doc.tokens):
        if i in taken or not _is_word(token) or not token.text[:1].isupper():
            continue
        two_words = _two_word_metonym(doc, i, taken)
        if two_words is not None:
            yield Mention(COUNTRY, two_words, i, i + 2)
            continue
        country = country_name(token.text) or metonym_country(token.text)
        if country is None and _acts_as_subject(doc, i):
            country = capital_country(token.text)
        if country is not None:
            yield Mention(COUNTRY, country, i, i + 1)
    # Multi-word places found by the places stage ("Russische Föderation").
    for place in doc.places:
        first = doc.token_at(place.start)
        if first is None or first in taken:
            continue
        country = country_name(place.name) if " " in place.text else None
        if country is not None:
            last = doc.token_at(place.end - 1)
            yield Mention(COUNTRY, country, first, (last if last is not None else first) + 1)


def add_learned_names(doc: Document, mentions: list[Mention], taken: set[int],
                      config: EntitiesConfig, context: NameTests | None = None) -> list[Mention]:
    """Persons and organisations the NER model finds and the rules did not (no model: none).

    The rules know roles, word lists and the gazetteer; the model knows names it has never
    seen from their shape and context (``Ulla Jelpke``, ``Transparency International``).  A
    learned organisation also replaces the rules' shorter ones inside it (``IG`` in ``IG Metall``).
    """
    if not config.learned_names or not model_path(ner.MODEL_NAME).exists():
        return mentions
    places = context.place_tokens if context is not None else covered_tokens(doc, doc.places)
    for first, last, label in ner.find_named_entities(doc, use_pos=config.ner_pos_features):
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
        if LEARNED_TYPES[label] == PERSON and all(t.index in places or t.text in org_names() for t in words):
            continue  # "Tibet", "Xinhua": a place or a known organisation is no person
        if LEARNED_TYPES[label] == PERSON and context is not None:
            # the rest of a name the model cut short ("Karl-Theodor | zu Guttenberg")
            longer = _name_end(doc, context, last - 1, need_first_name=False)
            if longer > last and not taken.intersection(range(last, longer)):
                last = longer
        taken.update(range(first, last))
        head = org_noun_head(words[-1].text)
        if LEARNED_TYPES[label] == PERSON and not (head and len(words[-1].text) > len(head)):
            mentions.append(_person_mention(doc, first, last, None))  # "Robert Koch-Institut" is no person
        else:
            text = " ".join(t.text for t in words)
            mentions.append(_org_mention(first, last, org_names().get(text, text)))
    return mentions


def _two_word_metonym(doc: Document, i: int, taken: set[int]) -> str | None:
    """``Weißes Haus`` -> ``USA``."""
    if i + 1 >= len(doc.tokens) or i + 1 in taken or doc.tokens[i + 1].sentence != doc.tokens[i].sentence:
        return None
    return metonym_country(f"{doc.tokens[i].text} {doc.tokens[i + 1].text}")


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


def surname_mentions(doc: Document, found: list[Mention], taken: set[int]) -> list[Mention]:
    """``Peskow``, ``Putins``: a known surname alone joins the person who bears it."""
    surnames = {m.surname for m in found if m.type == PERSON and m.surname}
    mentions = []
    for i, token in enumerate(doc.tokens):
        if i in taken:
            continue
        text = token.text
        for surname in (text, text[:-1] if text.endswith("s") else None, text[:-1] if text.endswith("’") else None):
            if surname and surname in surnames:
                mentions.append(Mention(PERSON, surname, i, i + 1, surname=surname))
                break
    return mentions
