"""Time expressions: find them in the article text and normalise them TIMEX3-style.

Values are resolved against an *anchor*: for news (``anchoring="news"``) the article's
publication date; for narratives (``anchoring="narrative"``, e.g. Wikipedia histories) the
last date the text itself mentioned.  Expressions whose anchor is missing are still listed,
with ``value=None``.

Spans follow TIMEX conventions: a leading preposition (``am``, ``im``, ``seit`` …) stays
outside the expression, except in fixed adverbials such as ``im Moment``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..components import component
from ..de.time_words import lexicon, number_value
from ..literals import literal_gate, start_class
from ..model import Document, TimeExpression
from . import resolvers
from .context import Context, alternation
from .resolvers import Resolved

__all__ = ["TimesConfig", "extract_times", "find_times", "number_value"]


@dataclass(frozen=True)
class TimesConfig:
    anchoring: str = field(default="news", metadata={
        "help": "what year-less and relative expressions are resolved against: 'news' (the publication "
                "date) or 'narrative' (the last date the text mentioned)"})

    def __post_init__(self) -> None:
        if self.anchoring not in ("news", "narrative"):
            raise ValueError(f"times.anchoring must be 'news' or 'narrative', not {self.anchoring!r}")


# --------------------------------------------------------------------------- rules

Handler = Callable[[re.Match, Context], Resolved | None]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern
    resolve: Handler
    accept: Callable[[re.Match, str], bool] | None = None
    # finds one of the strings every match holds (``literals.literal_gate``): without one in a
    # text the pattern is not searched at all (most rules need a word most articles lack)
    gate: re.Pattern | None = None
    # finds the places where a match can start: a word start (the rules' guard) at one of the
    # characters a match starts with (``literals.start_class``); None: the pattern's own scan
    starts: re.Pattern | None = None

    def finditer(self, text: str) -> Iterator[re.Match]:
        """``pattern.finditer(text)``, the pattern tried only where ``starts`` finds a place."""
        if self.starts is None:
            yield from self.pattern.finditer(text)
            return
        match = self.pattern.match
        position = 0
        for place in self.starts.finditer(text):
            start = place.start()
            if start >= position:
                found = match(text, start)  # the look-behind still sees the text before ``start``
                if found:
                    yield found
                    position = found.end()  # never empty: a match starts with a character


# Lower-case letters a match may start with for :attr:`_Rule.starts` to find fewer places than the
# pattern's own scan tries (measured on news: rules with 7 and more scan faster by themselves).
_MOST_LOWER_CASE_STARTS = 6


def _build_rules() -> list[_Rule]:
    lex = lexicon()
    words = lex.words
    weekday = alternation(lex.weekdays)
    month_full = alternation(m for m in lex.months if not m.endswith("."))
    month_any = alternation(lex.months)
    number = alternation(lex.numbers, capitalise=True) + r"|\d+(?:,\d+)?"
    units = alternation(words["units"])
    directions = alternation(words["directions"], capitalise=True)
    modifiers = alternation(["Anfang", "Mitte", "Ende", "Beginn"])
    approx = alternation(words["approximators"], capitalise=True)
    day_parts = alternation(words["day_parts"])
    part_suffix = r"(?P<part>morgen|vormittag|mittag|nachmittag|abend|nacht|früh)?"
    vague = alternation(resolvers.VAGUE_AMOUNTS, capitalise=True)
    rules: list[_Rule] = []

    def rule(name: str, pattern: str, resolve: Handler, accept=None, flags: int = 0) -> None:
        # Every expression starts a word; the guard lets the scanner skip word-inner positions fast.
        guarded = r"(?<!\w)" + pattern
        first = start_class(guarded, flags)
        # a place where the first character follows no word character (checked after it, so that
        # ``re`` scans for the first by its class); where many lower-case letters may start a
        # match, too many words start with one for the places to be fewer than the tries
        few_places = first is not None and sum(character.islower() for character in first) <= _MOST_LOWER_CASE_STARTS
        starts = re.compile(rf"{first}(?<!\w{first})") if few_places else None
        rules.append(_Rule(name, re.compile(guarded, flags), resolve, accept, literal_gate(guarded, flags), starts))

    # 22. Juni 1941 / Freitag, 5. September 2025 / Morgen des 22. Juni
    rule("date", rf"(?:(?:(?:frühen|späten)\s+)?(?P<part>{day_parts})\s+des\s+)?(?:(?P<wd>{weekday}),?\s+(?:(?:den|dem)\s+)?)?"
         rf"(?<![\d.])(?P<day>3[01]|[12]\d|0?[1-9])\.\s?(?P<mon>{month_any})s?(?:\s+(?P<year>\d{{4}}))?(?![\w])",
         resolvers.resolve_date)
    # am 8. und 9. Mai, 27./28. September: the first day takes month and year from the second
    rule("date_list_first", rf"(?<![\d.])(?P<day>3[01]|[12]\d|0?[1-9])\.(?=\s*(?:/|und|oder|bis|–|-)\s*(?:(?:dem|den|zum)\s+)?"
         rf"(?:3[01]|[12]\d|0?[1-9])\.\s?(?P<mon>{month_any})(?:\s+(?P<year>\d{{4}}))?(?!\w))", resolvers.resolve_date)
    # in der Nacht vom 8. (Februar) auf den 9. Februar 1904
    rule("night_of", rf"(?P<part>{day_parts})\s+vom\s+(?P<day>3[01]|[12]\d|0?[1-9])\.(?:\s?(?P<mon>{month_any}))?"
         rf"(?=\s+(?:auf|zum)\s+(?:den\s+)?\d{{1,2}}\.(?:\s?(?P<mon2>{month_any}))?(?:\s+(?P<year>\d{{4}}))?)", resolvers.resolve_night_of)
    # 5.9.2025 / 01.09.39 / 5.9.
    rule("numeric_date", r"(?<![\d.,])(?P<day>3[01]|[12]\d|0?[1-9])\.(?P<mon>1[0-2]|0?[1-9])\.(?P<year>\d{4}|\d{2}(?!\d))?(?![\d,])",
         resolvers.resolve_numeric_date)
    rule("iso_date", r"(?<![\d-])(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?![\d-])", resolvers.resolve_numeric_date)
    # (vergangenen) Freitag, Mittwochabend
    rule("weekday", rf"(?:(?P<dir>{directions})\s+)?(?P<wd>{weekday}){part_suffix}(?!\w)", resolvers.resolve_weekday)
    # Juli 2024, Ende März 2023, April des Jahres 1918
    rule("month_year", rf"(?:(?P<mod>{modifiers})\s+)?(?P<mon>{month_any})\s+(?:des\s+Jahres\s+)?(?P<year>\d{{4}})(?!\d)",
         resolvers.resolve_month)
    # März des folgenden Jahres, Juni desselben Jahres
    rule("month_rel_year", rf"(?:(?P<mod>{modifiers})\s+)?(?P<mon>{month_full})\s+(?:(?:des\s+)?(?P<dir>{directions})|desselben|"
         r"des)\s+Jahres(?!\s+\d)", resolvers.resolve_month)
    # Mai/Juni 1940, August bis September 1904: the first month takes the year of the second
    rule("month_list_first", rf"(?P<mon>{month_full})(?=\s*(?:/|und|oder|bis|–|-)\s*{month_full}\s+(?P<year>\d{{4}})(?!\d))",
         resolvers.resolve_month)
    # im Juli, Anfang September
    rule("month", rf"(?:(?P<mod>{modifiers})\s+)?(?:(?P<dir>{directions})\s+)?(?P<mon>{month_full})(?![\w-])",
         resolvers.resolve_month, accept=_month_in_time_context)
    # 480 v. Chr., Um das Jahr 500 v. Chr., 449/448 v. Chr. (the first of the pair is BC too)
    rule("bc_year", r"(?:(?P<approx>[Uu]m|[Ee]twa|[Cc]a\.)\s+)?(?:(?:das\s+)?(?:Jahr|Jahre|Jahres)\s+)?(?<![\d.,])"
         r"(?P<year>\d{1,4})(?:\s+v\.\s?Chr\.|(?=/\d{1,4}\s+v\.\s?Chr\.))", resolvers.resolve_bc_year)
    # the second year of a pair or range: 1940/1941, 1911/12, 1930–34
    rule("year_range_end", r"(?<=(?P<first>\d{4})[/–])(?P<year>\d{4}|\d{2})(?![\d.,]\d|\d)", resolvers.resolve_range_end,
         accept=lambda m, text: _is_year(m, text))
    # 2024, Ende 2024, Ende des Jahres 1939, Jahr 2024
    rule("year", rf"(?:(?P<mod>{modifiers})\s+(?:des\s+Jahres\s+)?|(?P<word>Jahr|Jahre|Jahres|Jahren)\s+)?"
         rf"(?<![\d.,/–-])(?P<year>1[0-9]{{3}}|20[0-9]{{2}})"
         r"(?![\d%]|[.,]\d|\s?%|\s?Prozent|-\d|\s?(?:Euro|Dollar|Mal|Meter|Kilometer)\b)",
         resolvers.resolve_year, accept=_is_year)
    # die 1990er Jahre, 20. Jahrhundert
    rule("decade", r"(?:(?:den|die|der)\s+)?(?P<dec>1[0-9]{2}|20[0-9])0er(?:[- ]?Jahre[n]?)?", resolvers.resolve_decade)
    rule("century", rf"(?:(?P<mod>{modifiers})\s+des\s+)?(?P<c>1\d|20|[1-9])\.\s+(?:Jahrhunderts?|Jh\.)(?P<bc>\s+v\.\s?Chr\.)?",
         resolvers.resolve_century)
    # Sommer 2024, im Frühjahr, Spätsommer
    rule("season", r"(?:(?P<early>frühen|späten)\s+)?(?P<mod>Spät|Früh)?"
         r"(?P<season>Frühjahr|Frühling|Sommer|Herbst|Winter|sommer|herbst|winter|jahr)(?:e?s)?"
         rf"(?:\s+(?:des\s+Jahres\s+)?(?P<year>\d{{4}})|\s+des\s+(?P<dir>{directions})\s+Jahres|\s+(?:des|desselben)\s+Jahres)?"
         r"(?!\w)", resolvers.resolve_season, accept=_season_in_time_context)
    # gestern, heute Abend, morgen früh
    day_words = alternation(words["day_offsets"])
    rule("day_word", rf"(?P<word>{day_words}|Heute|Gestern|Vorgestern)(?:\s+(?P<part>{day_parts}|früh))?(?!\w)", resolvers.resolve_day_word)
    # am Vortag, tags darauf, einen Tag zuvor, zwei Wochen später, einen Tag nach …
    anchored = alternation(words["anchor_day_offsets"], capitalise=True)
    rule("anchored_day", rf"(?P<phrase>{anchored})(?!\w)", resolvers.resolve_anchored_day)
    rule("relative_offset", rf"(?:(?P<approx>{approx})\s+)?(?P<n>{number}|{vague})\s+(?P<unit>{units})\s+"
         r"(?P<rel>zuvor|davor|vorher|früher|später|danach|darauf)(?!\w)", resolvers.resolve_relative_offset,
         accept=lambda m, text: not _is_eines_tages(m))
    # (der Angriff wurde) nach zwei Tagen (gestoppt): counted from the last date mentioned
    rule("after_period", rf"(?<!\w)[Nn]ach\s+(?:(?P<approx>{approx})\s+)?(?P<n>{number}|{vague})\s+(?P<unit>{units})(?!\w)",
         resolvers.resolve_after_period, accept=_is_point_after_period)
    # vor drei Jahren, in zwei Wochen
    rule("ago", rf"(?P<prep>[Vv]or|[Ii]n)\s+(?:(?P<approx>{approx})\s+)?(?P<n>{number}|{vague})\s+(?P<unit>{units})(?!\w)",
         resolvers.resolve_ago)
    # (seit mehr als) dreieinhalb Jahren, drei Tage, 48 Stunden
    rule("duration", rf"(?:(?P<approx>{approx})\s+)?(?P<n>{number}|{vague})\s+(?P<unit>{units})(?!\w)", resolvers.resolve_duration,
         accept=lambda m, text: not _is_eines_tages(m))
    # neunmonatig, 154-tägiger, fast einmonatigen; 90-Tage-Frist
    rule("duration_adjective", rf"(?:(?P<approx>{approx})\s+)?(?P<n>{number})-?(?P<unit>{alternation(words['unit_adjectives'])})"
         r"(?:e[nmrs]?)?(?!\w)", resolvers.resolve_duration_adjective)
    rule("duration_compound", rf"(?P<n>{number})-(?P<unit>Sekunden|Minuten|Stunden|Tage|Wochen|Monate|Jahre)(?=-\w)",
         resolvers.resolve_duration)
    # jahrelang, wochenlangen, Folgejahren
    rule("vague_duration", rf"(?P<word>{alternation(words['vague_durations'], capitalise=True)})(?:e[nmrs]?)?(?!\w)", resolvers.resolve_vague_duration)
    # den folgenden Monaten, die nächsten vier Tage, die ersten beiden Tage
    plural_units = r"(?P<unit>Sekunden|Minuten|Stunden|Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Jahrzehnte|Jahrzehnten)"
    rule("vague_period", rf"(?:{alternation(words['period_adjectives'])})\s+(?:(?P<n>beiden|{number})\s+)?{plural_units}(?!\w)",
         resolvers.resolve_vague_period)
    # seit Jahren; Jahre zuvor; Tage nach (der Ankunft)
    rule("bare_period", rf"(?:(?<=[Ss]eit ){plural_units}|{plural_units.replace('<unit>', '<unit2>')}"
         r"(?:\s+(?:zuvor|später|danach|davor|vorher)|(?=\s+(?:nach|vor)\s)))(?!\w)", resolvers.resolve_vague_period)
    # (in der) vergangenen Woche, im kommenden Jahr, Ende des Monats, Vorjahr
    rule("relative_period", rf"(?:(?P<mod>{modifiers})\s+(?:der|des|dieser|dieses)\s+)?(?P<dir>{directions})\s+"
         r"(?P<unit>Woche|Wochenende|Monat|Monats|Jahr|Jahres|Jahrzehnt|Jahrzehnts)(?!\w)", resolvers.resolve_relative_period)
    rule("current_period", rf"(?P<mod>{modifiers})\s+(?:der|des)\s+(?P<unit>Woche|Monats|Jahres)(?!\s+\d)(?!\w)",
         resolvers.resolve_relative_period)
    rule("weekend", r"(?<=[Aa]m )Wochenende(?!\w)", resolvers.resolve_relative_period)
    rule("year_word", rf"(?P<word>{alternation(words['year_words'])})(?:\s+(?P<year>1\d{{3}}|20\d{{2}})(?!\d))?(?!\w)", resolvers.resolve_year_word)
    # im 1. Halbjahr, in der zweiten Jahreshälfte, im dritten Quartal 2024
    ordinals = alternation(words["ordinals"])
    rule("part_of_year", rf"(?P<ord>[1-4]\.|{ordinals})\s+(?P<unit>{alternation(words['part_of_year'])})(?:\s+(?P<year>\d{{4}})(?!\d))?(?!\w)",
         resolvers.resolve_part_of_year)
    # (im) Laufe des Jahres (1966), im Laufe des Tages
    rule("course_of", r"Laufe\s+des\s+(?P<unit>Jahres|Monats|Tages)(?:\s+(?P<year>\d{4})(?!\d))?(?!\w)", resolvers.resolve_course_of)
    # 14 Uhr, 14.30 Uhr, 4:45 Uhr, 4 Uhr 45
    rule("clock", r"(?<![\d.,])(?P<h>2[0-3]|[01]?\d)(?:[.:](?P<min>[0-5]\d))?\s+Uhr(?:\s+(?P<min2>[0-5]\d)(?!\d|\s*Minuten))?(?!\w)",
         resolvers.resolve_clock)
    # am Abend, in der Nacht
    rule("day_part", rf"(?<=\b[Aa]m )(?P<part>{day_parts})(?!\w)|(?<=\b[Ii]n der )(?P<part2>Nacht)(?!\w)", resolvers.resolve_day_part,
         accept=lambda m, text: not re.match(r"\s+(?:des|danach|darauf)\b", text[m.end():m.end() + 10]))
    # jetzt, derzeit, im Moment; in Zukunft; damals; täglich, jeden Tag
    for name, key, kind in (("present", "present_ref", "PRESENT_REF"), ("future", "future_ref", "FUTURE_REF"),
                            ("past", "past_ref", "PAST_REF")):
        rule(name, rf"(?<!\w){alternation(words[key], capitalise=True)}(?!\w)", _constant(kind, "DATE"))
    rule("set", rf"(?<!\w)(?P<word>{alternation(words['sets'], capitalise=True)})(?!\w)", resolvers.resolve_set)
    return rules


_TIME_ZONE_SUFFIX = re.compile(r"\s*\((?:Ortszeit|MESZ|MEZ|UTC|GMT|deutscher Zeit|[A-Z]{2,4} ?Ortszeit)\)")
_MONTH_TRIGGER = re.compile(r"(?:\b(?:im|Im|seit|Seit|bis|Bis|ab|Ab|vom|Vom|zum|bis zum|Monat|Monats|den|diesen|Anfang|Mitte|Ende|"
                            r"Beginn|zwischen|Zwischen|und|oder|bzw\.|Ende|über|seit dem|Mitte|nach|vor)\s+)$")
_SEASON_TRIGGER = re.compile(r"\b(?:im|Im|seit|bis|ab|zum|diesen|diesem|vergangenen|letzten|kommenden|nächsten|"
                             r"den|der|des|Anfang|Ende|Mitte)\s+$")
_YEAR_TRIGGER = re.compile(r"(?:\b(?:im Jahr|im Jahre|Jahr|Jahre|Jahres|seit|Seit|bis|Bis|ab|Ab|vor|nach|zwischen|"
                           r"Zwischen|Anfang|Mitte|Ende|Frühjahr|Sommer|Herbst|Winter|Jahreswechsel|"
                           r"Jahrgang|Jahresende|Frühling|Saison|Wahl|Wahljahr)|[–(-])\s*$")
# Words that precede years and counts alike ("und 1940" / "und 1370 Boote"): the word after decides.
_WEAK_YEAR_TRIGGER = re.compile(r"\b(?:von|Von|in|In|und|bzw\.|oder)\s*$")
_COUNT_WORD = re.compile(r"\b(?:rund|etwa|über|mehr als|fast|knapp|mindestens|circa|ca\.|insgesamt|weitere|weiteren|nur|"
                         r"bis zu|mit|auf|um die|Nummer|Nr\.|Platz|Tempo|die|den|der|von)\s+$")


def _constant(value: str, kind: str) -> Handler:
    return lambda m, ctx: (value, kind)


def _is_eines_tages(m: re.Match) -> bool:
    return m.group("n").lower() == "eines" and m.group("unit") == "Tages"


def _is_point_after_period(m: re.Match, text: str) -> bool:
    """'nach zwei Tagen' as a point in time: calendar units only, and not 'nach drei Jahren Krieg',
    where the period is the length of what the noun names."""
    if _is_eines_tages(m) or lexicon().words["units"][m.group("unit")] not in ("D", "W", "M", "Y"):
        return False
    return re.match(r"\s+[A-ZÄÖÜ][a-zäöüß]", text[m.end():m.end() + 3]) is None


def _month_in_time_context(m: re.Match, text: str) -> bool:
    if m.group("mod") or m.group("dir"):
        return True
    return _MONTH_TRIGGER.search(text, max(0, m.start() - 12), m.start()) is not None


def _season_in_time_context(m: re.Match, text: str) -> bool:
    season = m.group("season")
    if season.islower() and not m.group("mod"):
        return False  # "sommer" only in Spätsommer/Frühsommer
    if season == "jahr":
        return m.group("mod") == "Früh"
    if m.group("early") or m.group("dir") or m.group(0).endswith("Jahres"):
        return True
    return bool(m.group("year")) or bool(m.group("mod")) or _SEASON_TRIGGER.search(text, max(0, m.start() - 14), m.start()) is not None


def _is_year(m: re.Match, text: str) -> bool:
    if m.groupdict().get("mod") or m.groupdict().get("word"):
        return True
    before = text[max(0, m.start() - 16):m.start()]
    if _YEAR_TRIGGER.search(before):
        return True
    if _COUNT_WORD.search(before) and not _WEAK_YEAR_TRIGGER.search(before):
        return False
    # A bare number ending a line is a year in a heading ("Westfront 1939"); followed by a
    # noun it is a count ("2000 Soldaten"); followed by a verb, punctuation or the end of
    # the text it is a year ("1939 begann …").
    if re.match(r"[ \t]*(?:\n|$)", text[m.end():m.end() + 3]):
        return True
    after = re.match(r"\s*(\S)", text[m.end():m.end() + 3])
    return after is None or not after.group(1).isupper()


# --------------------------------------------------------------------------- extraction


@lru_cache(maxsize=1)
def _rules() -> list[_Rule]:
    return _build_rules()


# Rules whose value counts from the anchor rather than naming a date.
_RELATIVE_RULES = frozenset({"relative_offset", "ago", "relative_period", "current_period", "year_word", "anchored_day"})
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[\"„»A-ZÄÖÜ]|\d{4}\b)|\n\s*\n")


def _sentence_starts(text: str, doc: Document | None) -> list[int]:
    if doc is not None and doc.sentences:
        return [s.start for s in doc.sentences]
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def extract_times(
    text: str,
    reference: dt.date | None,
    *,
    anchoring: str = "news",
    sentence_starts: list[int] | None = None,
) -> list[TimeExpression]:
    """All time expressions in ``text``, normalised against ``reference``.

    ``anchoring="narrative"`` resolves year-less and relative expressions against the last
    date the text mentioned (history writing) instead of the publication date (news).
    """
    candidates: list[tuple[int, int, int, re.Match, _Rule]] = []
    for priority, rule in enumerate(_rules()):
        if rule.gate is not None and not rule.gate.search(text):
            continue
        for m in rule.finditer(text):
            if m.end() > m.start() and (rule.accept is None or rule.accept(m, text)):
                candidates.append((m.start(), -(m.end() - m.start()), priority, m, rule))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[tuple[re.Match, _Rule]] = []
    covered_until = -1
    for start, _, _, m, rule in candidates:
        if start >= covered_until:
            chosen.append((m, rule))
            covered_until = m.end()
        elif m.end() > covered_until and chosen and len(m.group(0)) > len(chosen[-1][0].group(0)):
            # A longer match that starts inside the previous one replaces it.
            chosen[-1] = (m, rule)
            covered_until = m.end()
    ctx = Context(text, reference, anchoring == "narrative", sentence_starts or _sentence_starts(text, None))
    found: list[TimeExpression] = []
    for m, rule in chosen:
        try:
            value, kind = rule.resolve(m, ctx) or (None, "DATE")
        except (OverflowError, ValueError):  # "vor drei Jahren" from a date near year 1 or 9999: no value
            value, kind = None, "DATE"
        end = m.end()
        suffix = _TIME_ZONE_SUFFIX.match(text, end)
        if suffix and kind in ("DATE", "TIME"):
            end = suffix.end()  # "am Donnerstag (Ortszeit)": the zone belongs to the expression
        found.append(TimeExpression(text[m.start():end], m.start(), end, value, kind))
        if rule.name != "year_range_end":  # "1944/1945": the story is at the start of the range
            ctx.remember(value, m.start(), end, relative=rule.name in _RELATIVE_RULES)
    return found


@component("times", assigns=("doc.times",), config=TimesConfig)
def find_times(doc: Document, config: TimesConfig = TimesConfig()) -> Document:
    """Pipeline stage: fill ``doc.times`` (anchored on the publication date ``doc.date``)."""
    doc.times = extract_times(doc.text, doc.date, anchoring=config.anchoring,
                              sentence_starts=_sentence_starts(doc.text, doc))
    return doc
