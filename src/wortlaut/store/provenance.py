"""Quote provenance: direct quotes that recur across articles grouped into one quote each.

A quote copied from one outlet to the next is rarely copied letter for letter: quotation marks,
case and punctuation change, an ellipsis cuts it short, a word is edited.  So quotes are compared
on normalised text (:func:`normalize_quote`) cut into shingles, MinHash signatures of the shingles
find candidate pairs (datasketch's LSH Ensemble, which indexes *containment*: a shortened quote
finds the longer one it was cut from), and a candidate pair is accepted when the exact containment
of the shorter quote's shingles in the longer one's reaches ``QuoteConfig.min_containment``.
Accepted pairs are joined into clusters (union-find).

:func:`rebuild_quotes` recomputes the tables ``quotes`` and ``quote_occurrences`` from the stored
statements, inside the caller's transaction, as :func:`actors.rebuild_actors` does for actors.
The conflict views (``quote_attributions``, ``quote_conflicts``) are plain SQL over them, so they
follow actor corrections without a rebuild.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

# Variants of a quote, relative to its main wording (quotes.text).
SAME, SHORTENED, EDITED = "same", "shortened", "edited"
CONFLICT_KINDS = ("speaker", "date", "place")


@dataclass(frozen=True)
class QuoteConfig:
    """How quotes are compared; the thresholds are measured in training/quotes/README.md."""

    shingle: str = "char"  # "char": character n-grams of the normalised text; "word": word n-grams
    shingle_size: int = 5
    num_perm: int = 128  # MinHash permutations
    candidate_containment: float = 0.5  # the LSH Ensemble's threshold: finds candidates, checked exactly below
    min_containment: float = 0.7  # share of the shorter quote's shingles inside the longer one: same quote
    full_length: float = 0.85  # wordings this long (share of the longest) can be the quote's main wording
    min_words: int = 4  # shorter quotes ("Nein", "Das ist gut") are too common to say where they came from
    # Ingest regroups the quotes itself up to this many direct quotes (about 96 s at 20,000: the
    # regrouping is not incremental yet); beyond, it says to run `wortlaut quotes --rebuild`.
    ingest_rebuild_limit: int = 20_000


DEFAULT_CONFIG = QuoteConfig()

_QUOTE_MARKS = "\"'„“”‚‘’«»‹›＂`´"
_ELLIPSIS = re.compile(r"\[\s*(?:\.\s*){2,}\]|\(\s*(?:\.\s*){2,}\)|(?:\.\s*){3,}|…")
_NOT_WORD = re.compile(r"[^\w]+")


def normalize_quote(text: str) -> str:
    """Case, quotation marks, ellipses, punctuation and spacing folded away: what two copies of a quote share."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _ELLIPSIS.sub(" ", text)
    text = text.translate({ord(mark): " " for mark in _QUOTE_MARKS})
    return " ".join(_NOT_WORD.sub(" ", text).split())


def shingles(normalized: str, config: QuoteConfig = DEFAULT_CONFIG) -> set[str]:
    """The pieces two quotes are compared by; a text shorter than one shingle is its own single piece."""
    if config.shingle == "word":
        words = normalized.split()
        size = min(config.shingle_size, len(words)) or 1
        return {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))}
    size = config.shingle_size
    return {normalized[i:i + size] for i in range(max(1, len(normalized) - size + 1))}


def containment(shorter: set[str], longer: set[str]) -> float:
    """Share of the smaller set inside the other (1.0: one quote is a part of the other)."""
    small, large = (shorter, longer) if len(shorter) <= len(longer) else (longer, shorter)
    return len(small & large) / len(small) if small else 0.0


def outlet_of(source: str | None) -> str | None:
    """Where an article came from, short: a URL's host, else the input file's name without suffix."""
    if not source:
        return None
    if "://" in source:
        return urlparse(source).netloc or source
    return Path(source).stem


@dataclass
class _Quote:
    statement_id: int
    article_id: int
    content: str
    normalized: str
    pieces: set[str]
    order: tuple  # first appearance first: article date, statement date, article, statement


def _load_direct_quotes(conn: sqlite3.Connection, config: QuoteConfig) -> list[_Quote]:
    rows = conn.execute(
        "SELECT s.id, s.article_id, s.content, a.date, s.date FROM statements s JOIN articles a ON a.id = s.article_id "
        "WHERE s.form = 'direct' AND s.rejected = 0")
    quotes = []
    for statement_id, article_id, content, article_date, statement_date in rows:
        normalized = normalize_quote(content)
        if len(normalized.split()) < config.min_words:
            continue
        quotes.append(_Quote(statement_id, article_id, content, normalized, shingles(normalized, config),
                             (article_date or "9999", statement_date or "9999", article_id, statement_id)))
    return quotes


def _signatures(quotes: Sequence[_Quote], config: QuoteConfig):
    from datasketch import LeanMinHash, MinHash

    signatures = MinHash.bulk([[piece.encode("utf-8") for piece in quote.pieces] for quote in quotes],
                              num_perm=config.num_perm)
    return [LeanMinHash(signature) for signature in signatures]


def candidate_pairs(quotes: Sequence[_Quote], config: QuoteConfig = DEFAULT_CONFIG) -> set[tuple[int, int]]:
    """Index pairs (i < j) that may be one quote: equal normalised text, or LSH Ensemble containment hits."""
    from datasketch import MinHashLSHEnsemble

    pairs: set[tuple[int, int]] = set()
    by_text: dict[str, list[int]] = defaultdict(list)
    for number, quote in enumerate(quotes):
        by_text[quote.normalized].append(number)
    for same in by_text.values():  # verbatim copies need no hashing to be found
        pairs.update((same[0], other) for other in same[1:])
    distinct = [same[0] for same in by_text.values()]
    if len(distinct) < 2:
        return pairs
    signatures = _signatures([quotes[number] for number in distinct], config)
    index = MinHashLSHEnsemble(threshold=config.candidate_containment, num_perm=config.num_perm, num_part=8)
    index.index((number, signature, len(quotes[number].pieces)) for number, signature in zip(distinct, signatures))
    for number, signature in zip(distinct, signatures):
        for other in index.query(signature, len(quotes[number].pieces)):
            if other != number:
                pairs.add((min(number, other), max(number, other)))
    return pairs


def accepted_pairs(quotes: Sequence[_Quote], pairs: Iterable[tuple[int, int]],
                   config: QuoteConfig = DEFAULT_CONFIG) -> list[tuple[int, int]]:
    """The candidate pairs whose exact containment reaches the threshold."""
    return [(i, j) for i, j in pairs
            if quotes[i].normalized == quotes[j].normalized
            or containment(quotes[i].pieces, quotes[j].pieces) >= config.min_containment]


def clusters(count: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components of ``range(count)`` under ``pairs`` (union-find)."""
    parent = list(range(count))

    def root(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for i, j in pairs:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for item in range(count):
        groups[root(item)].append(item)
    return list(groups.values())


def variant_of(quote: _Quote, canonical: _Quote) -> tuple[str, float]:
    """How one wording relates to the quote's main wording, and how much of it is inside that one.

    "shortened": its words are the main wording's words with some left out (cut or elided with an
    ellipsis); anything else that differs is "edited"."""
    if quote.normalized == canonical.normalized:
        return SAME, 1.0
    share = containment(quote.pieces, canonical.pieces)
    if _is_subsequence(quote.normalized.split(), canonical.normalized.split()):
        return SHORTENED, share
    return EDITED, share


def _is_subsequence(part: list[str], whole: list[str]) -> bool:
    words = iter(whole)
    return len(part) < len(whole) and all(word in words for word in part)


def canonical_wording(members: Sequence[_Quote], config: QuoteConfig = DEFAULT_CONFIG) -> _Quote:
    """The wording a quote is shown by: of the full-length wordings, the most often quoted, then the first."""
    longest = max(len(member.normalized) for member in members)
    full = [member for member in members if len(member.normalized) >= config.full_length * longest]
    counts: dict[str, int] = defaultdict(int)
    for member in full:
        counts[member.normalized] += 1
    return min(full, key=lambda member: (-counts[member.normalized], member.order))


def rebuild_quotes(conn: sqlite3.Connection, config: QuoteConfig = DEFAULT_CONFIG) -> int:
    """Recompute quote clusters from the stored direct quotes; runs in the caller's transaction.

    Returns the number of quotes.  Every direct quote of ``min_words`` or more is in exactly one
    quote (most in one of their own)."""
    quotes = _load_direct_quotes(conn, config)
    groups = clusters(len(quotes), accepted_pairs(quotes, candidate_pairs(quotes, config), config))
    outlets = dict(conn.execute("SELECT id, source FROM articles"))
    conn.execute("DELETE FROM quote_occurrences")
    conn.execute("DELETE FROM quotes")
    for group in sorted(groups, key=lambda members: min(quotes[m].order for m in members)):
        members = sorted((quotes[m] for m in group), key=lambda quote: quote.order)
        canonical = canonical_wording(members, config)
        first = members[0]
        quote_id = conn.execute(
            "INSERT INTO quotes (text, normalized, first_statement_id, first_article_id, first_date, occurrences, "
            "articles, variants) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (canonical.content, canonical.normalized, first.statement_id, first.article_id, first.order[0],
             len(members), len({m.article_id for m in members}), len({m.normalized for m in members}))).lastrowid
        conn.executemany(
            "INSERT INTO quote_occurrences (statement_id, quote_id, article_id, position, outlet, variant, "
            "similarity, normalized) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(m.statement_id, quote_id, m.article_id, position, outlet_of(outlets.get(m.article_id)),
              *variant_of(m, canonical), m.normalized) for position, m in enumerate(members)])
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('quotes_fingerprint', ?)", (fingerprint(conn),))
    return len(groups)


def fingerprint(conn: sqlite3.Connection) -> str:
    """Changes when direct quotes are added, deleted or rejected: the clusters are then out of date."""
    count, last = conn.execute(
        "SELECT COUNT(*), MAX(id) FROM statements WHERE form = 'direct' AND rejected = 0").fetchone()
    return f"{count}:{last or 0}"


def quotes_stale(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = 'quotes_fingerprint'").fetchone()
    return (row[0] if row else None) != fingerprint(conn)


# -- queries --------------------------------------------------------------------------------------

_OCCURRENCE_COLUMNS = ("quote_id", "position", "statement_id", "article_id", "article_date", "statement_date",
                       "date_source", "actor_id", "speaker", "speaker_text", "place", "outlet", "title", "doc_id",
                       "variant", "similarity", "text")
_QUOTE_COLUMNS = ("id", "text", "normalized", "first_statement_id", "first_article_id", "first_date", "occurrences",
                  "articles", "variants")


def find_quotes(conn: sqlite3.Connection, text: str, config: QuoteConfig = DEFAULT_CONFIG,
                limit: int = 10) -> list[dict]:
    """Quotes that contain ``text`` (normalised) in one of their wordings, else those most like it."""
    wanted = normalize_quote(text)
    if not wanted:
        return []
    pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    ids = [row[0] for row in conn.execute(
        "SELECT quote_id FROM quote_occurrences WHERE normalized LIKE ? ESCAPE '\\' "
        "GROUP BY quote_id ORDER BY COUNT(*) DESC, quote_id LIMIT ?", (pattern, limit))]
    if not ids:
        ids = _most_alike(conn, wanted, config, limit)
    return [quote(conn, quote_id) for quote_id in ids]


def _most_alike(conn: sqlite3.Connection, wanted: str, config: QuoteConfig, limit: int) -> list[int]:
    """Quotes with a wording that holds most of ``wanted``'s shingles (at least ``min_containment``)."""
    pieces = shingles(wanted, config)
    best: dict[int, float] = {}
    for quote_id, normalized in conn.execute("SELECT quote_id, normalized FROM quote_occurrences"):
        other = shingles(normalized, config)
        share = len(pieces & other) / len(pieces)
        if share >= config.min_containment and share > best.get(quote_id, 0.0):
            best[quote_id] = share
    return sorted(best, key=lambda quote_id: (-best[quote_id], quote_id))[:limit]


def quote(conn: sqlite3.Connection, quote_id: int) -> dict:
    """One quote with its occurrences in order (the first appearance first) and its conflicts."""
    row = conn.execute(f"SELECT {', '.join(_QUOTE_COLUMNS)} FROM quotes WHERE id = ?", (quote_id,)).fetchone()
    if row is None:
        raise LookupError(f"no quote with id {quote_id}")
    found = dict(zip(_QUOTE_COLUMNS, row))
    found["chain"] = [dict(zip(_OCCURRENCE_COLUMNS, occurrence)) for occurrence in conn.execute(
        f"SELECT {', '.join(_OCCURRENCE_COLUMNS)} FROM quote_occurrences_view WHERE quote_id = ? "
        "ORDER BY position", (quote_id,))]
    found["conflicts"] = conflicts(conn, quote_id=quote_id)
    return found


def conflicts(conn: sqlite3.Connection, *, quote_id: int | None = None, kinds: Sequence[str] = CONFLICT_KINDS,
              limit: int | None = None) -> list[dict]:
    """Quotes given different speakers, days or places in different articles: one entry per quote and kind,
    each differing value with the articles that give it."""
    where = "WHERE c.kind IN (" + ", ".join("?" * len(kinds)) + ")"
    params: list = list(kinds)
    if quote_id is not None:
        where += " AND c.quote_id = ?"
        params.append(quote_id)
    rows = conn.execute(
        f"SELECT c.quote_id, c.kind, c.text FROM quote_conflicts c JOIN quotes q ON q.id = c.quote_id {where} "
        "ORDER BY q.first_date, c.quote_id, c.kind" + (" LIMIT ?" if limit else ""),
        params + ([limit] if limit else [])).fetchall()
    return [{"quote_id": found_id, "kind": kind, "text": text, "values": _conflict_values(conn, found_id, kind)}
            for found_id, kind, text in rows]


def _conflict_values(conn: sqlite3.Connection, quote_id: int, kind: str) -> list[dict]:
    values: dict[str, dict] = {}
    for value_key, value, statement_id, article_id, date, outlet, title in conn.execute(
            "SELECT x.value_key, x.value, x.statement_id, x.article_id, a.date, o.outlet, a.title "
            "FROM quote_attributions x JOIN articles a ON a.id = x.article_id "
            "JOIN quote_occurrences o ON o.statement_id = x.statement_id "
            "WHERE x.quote_id = ? AND x.kind = ? ORDER BY o.position", (quote_id, kind)):
        entry = values.setdefault(value_key, {"value": value, "articles": []})
        if any(seen["article_id"] == article_id for seen in entry["articles"]):
            continue  # the article quotes it twice
        entry["articles"].append({"statement_id": statement_id, "article_id": article_id, "date": date,
                                  "outlet": outlet, "title": title})
    return list(values.values())
