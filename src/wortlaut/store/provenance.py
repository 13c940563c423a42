"""Quote provenance: direct quotes that recur across articles grouped into one quote each.

A quote copied from one outlet to the next is rarely copied letter for letter: quotation marks,
case and punctuation change, an ellipsis cuts it short, a word is edited.  So quotes are compared
on normalised text (:func:`normalize_quote`) cut into shingles.  Each quote's MinHash signature of
its shingles is kept in ``quote_signatures``; two quotes are candidates when one LSH band of their
signatures agrees and the containment estimated from the whole signatures reaches
``QuoteConfig.candidate_containment`` (a shortened quote finds the longer one it was cut from), and a
candidate pair is accepted when the exact containment of the shorter quote's shingles in the longer
one's reaches ``QuoteConfig.min_containment``.  Quotes joined by accepted pairs are one quote.

Whether a pair is accepted depends on the two quotes alone, never on the rest of the store, so the
quotes can be kept up to date incrementally (:func:`update_quotes`, after each ingest): only new
quotes are compared with the stored ones, a new quote that matches two quotes merges them, and a
quote that lost a member (its article deleted, its statement rejected) is regrouped from what is
left.  :func:`rebuild_quotes` starts from nothing and gives the same quotes.  Both run inside the
caller's transaction.  The conflict views (``quote_attributions``, ``quote_conflicts``) are plain
SQL over the tables, so they follow actor corrections without a rebuild.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

# Variants of a quote, relative to its main wording (quotes.text).
SAME, SHORTENED, EDITED = "same", "shortened", "edited"
CONFLICT_KINDS = ("speaker", "date", "place")


@dataclass(frozen=True)
class QuoteConfig:
    """How quotes are compared; the thresholds are measured in training/quotes/README.md."""

    shingle: str = "char"  # "char": character n-grams of the normalised text; "word": word n-grams
    shingle_size: int = 5
    num_perm: int = 128  # MinHash permutations
    band_rows: int = 2  # signature values per LSH band: 64 bands of 2 find pairs with a Jaccard of 0.16 (p 0.8)
    candidate_containment: float = 0.5  # estimated from the signatures: finds candidates, checked exactly below
    min_containment: float = 0.7  # share of the shorter quote's shingles inside the longer one: same quote
    full_length: float = 0.85  # wordings this long (share of the longest) can be the quote's main wording
    min_words: int = 4  # shorter quotes ("Nein", "Das ist gut") are too common to say where they came from
    query_block: int = 2_000  # quotes compared with all stored ones at a time (bounds memory)
    pieces_cache: int = 4_096  # shingle sets kept at a time: a set is ~10 kB, so all of a big store's would not fit
    write_block: int = 2_000  # occurrences loaded and written at a time (bounds memory)


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
                             first_appearance(article_date, statement_date, article_id, statement_id)))
    return quotes


# -- signatures, candidates, accepted pairs ----------------------------------------------------------

def signature_key(config: QuoteConfig) -> str:
    """What the stored signatures depend on: when it changes, they are computed again."""
    return f"{config.shingle}:{config.shingle_size}:{config.num_perm}:{config.min_words}"


def signatures(pieces: Sequence[set[str]], config: QuoteConfig = DEFAULT_CONFIG) -> np.ndarray:
    """MinHash signatures (one row of ``num_perm`` 32-bit values per quote; datasketch's fixed seed)."""
    from datasketch import MinHash

    found = MinHash.bulk([[piece.encode("utf-8") for piece in each] for each in pieces], num_perm=config.num_perm)
    return np.array([minhash.hashvalues for minhash in found], dtype=np.uint32).reshape(len(found), config.num_perm)


def _band_keys(hashes: np.ndarray, rows: int) -> np.ndarray:
    """One key per LSH band of ``rows`` signature values (quotes x bands)."""
    bands = hashes.shape[1] // rows
    values = hashes[:, :bands * rows].astype(np.uint64).reshape(len(hashes), bands, rows)
    keys = np.zeros((len(hashes), bands), dtype=np.uint64)
    for row in range(rows):  # two rows fit exactly; more are mixed (a rare false key only adds a candidate)
        keys = (keys << np.uint64(32)) ^ (keys >> np.uint64(32)) ^ values[:, :, row]
    return keys


def candidates_between(queries: np.ndarray, hashes: np.ndarray, sizes: np.ndarray,
                       config: QuoteConfig = DEFAULT_CONFIG) -> np.ndarray:
    """Pairs (i < j) of rows of ``hashes`` with ``i`` or ``j`` in ``queries`` that may be one quote.

    A pair is a candidate when one band of ``band_rows`` values agrees and the containment of the
    smaller quote in the larger, estimated from all ``num_perm`` values, reaches
    ``candidate_containment``.  Both tests see the two signatures only: the same pair is a
    candidate whichever quotes are stored beside it."""
    count = len(hashes)
    queries = np.unique(np.asarray(queries, dtype=np.int64))
    if count < 2 or not len(queries):
        return np.empty((0, 2), dtype=np.int64)
    keys = _band_keys(hashes, config.band_rows)
    codes = []
    for band in range(keys.shape[1]):
        column = keys[:, band]
        order = np.argsort(column, kind="stable")
        ordered = column[order]
        wanted = column[queries]
        left = np.searchsorted(ordered, wanted, "left")
        hits = np.searchsorted(ordered, wanted, "right") - left
        if not hits.sum():
            continue
        rows = np.repeat(queries, hits)
        offsets = np.arange(hits.sum()) - np.repeat(np.cumsum(hits) - hits, hits)
        others = order[np.repeat(left, hits) + offsets]
        keep = rows != others
        low, high = np.minimum(rows[keep], others[keep]), np.maximum(rows[keep], others[keep])
        codes.append(np.unique(low * count + high))
    codes = np.unique(np.concatenate(codes)) if codes else np.empty(0, dtype=np.int64)
    if not len(codes):  # e.g. only a quote's band keys meeting themselves
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.stack([codes // count, codes % count], axis=1)
    shares = []
    for start in range(0, len(pairs), 100_000):  # bounded memory: 100,000 pairs x num_perm at a time
        chunk = pairs[start:start + 100_000]
        jaccard = (hashes[chunk[:, 0]] == hashes[chunk[:, 1]]).mean(axis=1)
        first, second = sizes[chunk[:, 0]].astype(float), sizes[chunk[:, 1]].astype(float)
        shares.append(jaccard * (first + second) / ((1 + jaccard) * np.minimum(first, second)))
    return pairs[np.concatenate(shares) >= config.candidate_containment]


def candidate_pairs(quotes: Sequence[_Quote], config: QuoteConfig = DEFAULT_CONFIG) -> set[tuple[int, int]]:
    """Index pairs (i < j) of ``quotes`` that may be one quote (:func:`candidates_between`, all with all)."""
    if len(quotes) < 2:
        return set()
    hashes = signatures([quote.pieces for quote in quotes], config)
    sizes = np.array([len(quote.pieces) for quote in quotes])
    return {(int(i), int(j)) for i, j in candidates_between(np.arange(len(quotes)), hashes, sizes, config)}


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


# -- keeping the tables up to date ------------------------------------------------------------------

_DIRECT = "s.form = 'direct' AND s.rejected = 0"


def rebuild_quotes(conn: sqlite3.Connection, config: QuoteConfig = DEFAULT_CONFIG) -> int:
    """Recompute every quote from the stored direct quotes, signatures included; returns how many quotes.

    Every direct quote of ``min_words`` or more is in exactly one quote (most in one of their own)."""
    conn.execute("DELETE FROM quote_occurrences")
    conn.execute("DELETE FROM quotes")
    conn.execute("DELETE FROM quote_signatures")
    return update_quotes(conn, config)


def update_quotes(conn: sqlite3.Connection, config: QuoteConfig = DEFAULT_CONFIG) -> int:
    """Bring the quotes up to date with the statements; returns how many quotes there are.

    Direct quotes without a signature are new: only they are compared with the stored ones.  Quotes
    whose statements went (deleted with their article, rejected) are regrouped from their remaining
    members, which may split them."""
    stored = conn.execute("SELECT value FROM meta WHERE key = 'quotes_signature_key'").fetchone()
    if (stored[0] if stored else None) != signature_key(config):
        conn.execute("DELETE FROM quote_occurrences")
        conn.execute("DELETE FROM quotes")
        conn.execute("DELETE FROM quote_signatures")
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('quotes_signature_key', ?)",
                     (signature_key(config),))
    # Rejected statements leave; deleted ones left already (ON DELETE CASCADE).
    conn.execute("DELETE FROM quote_signatures WHERE statement_id IN (SELECT id FROM statements s WHERE NOT "
                 f"({_DIRECT}))")
    conn.execute("DELETE FROM quote_occurrences WHERE statement_id NOT IN "
                 "(SELECT statement_id FROM quote_signatures WHERE signature IS NOT NULL)")
    # A quote that lost members is taken apart: its remaining members are grouped again like new ones.
    damaged = [row[0] for row in conn.execute(
        "SELECT q.id FROM quotes q LEFT JOIN (SELECT quote_id, COUNT(*) AS n FROM quote_occurrences "
        "GROUP BY quote_id) o ON o.quote_id = q.id WHERE COALESCE(o.n, 0) != q.occurrences")]
    for start in range(0, len(damaged), 500):
        marks = ", ".join("?" * len(damaged[start:start + 500]))
        conn.execute(f"DELETE FROM quotes WHERE id IN ({marks})", damaged[start:start + 500])  # occurrences cascade
    _sign_new_quotes(conn, config)
    ids, sizes, hashes, normalized = _load_signatures(conn)
    position = {statement_id: number for number, statement_id in enumerate(ids)}
    placed = dict(conn.execute("SELECT statement_id, quote_id FROM quote_occurrences"))
    requeued = np.array([number for number, statement_id in enumerate(ids) if statement_id not in placed],
                        dtype=np.int64)
    pieces_of = lru_cache(maxsize=config.pieces_cache)(lambda number: shingles(normalized[number], config))

    nodes: dict[tuple, int] = {}  # a requeued quote ("s", row) or a stored quote ("q", id) -> node number
    parent: list[int] = []  # union-find over the nodes, joined as pairs are accepted

    def node(number: int) -> int:
        key = ("s", number) if ids[number] not in placed else ("q", placed[ids[number]])
        if key not in nodes:
            nodes[key] = len(parent)
            parent.append(len(parent))
        return nodes[key]

    def root(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for number in requeued:
        node(int(number))
    for start in range(0, len(requeued), config.query_block):
        for i, j in candidates_between(requeued[start:start + config.query_block], hashes, sizes, config):
            a, b = root(node(int(i))), root(node(int(j)))
            if a == b:
                continue  # joined already: a quote copied into many articles is compared with one of them
            if normalized[i] == normalized[j] or containment(pieces_of(int(i)), pieces_of(int(j))) >= config.min_containment:
                parent[max(a, b)] = min(a, b)
    keys = list(nodes)
    members_of = defaultdict(list)  # quote id -> its statements, for the stored quotes a group takes in
    if any(key[0] == "q" for key in keys):
        for statement_id, quote_id in placed.items():
            members_of[quote_id].append(statement_id)
    by_root: dict[int, list[int]] = defaultdict(list)
    for member in range(len(keys)):
        by_root[root(member)].append(member)
    groups = []
    for group in by_root.values():
        quote_ids = sorted(keys[member][1] for member in group if keys[member][0] == "q")
        if not any(keys[member][0] == "s" for member in group):
            continue  # a stored quote nothing new joined
        statements = [ids[keys[member][1]] for member in group if keys[member][0] == "s"]
        for quote_id in quote_ids:
            statements.extend(members_of[quote_id])
        groups.append((quote_ids, statements))
    # first appearance first, so that a rebuilt store numbers its quotes in that order; the members
    # are loaded a block at a time
    order = _orders(conn, [statement_id for _, statements in groups for statement_id in statements])
    groups.sort(key=lambda group: min(order[s] for s in group[1]))
    block: list[tuple[list[int], list[int]]] = []
    for number, group in enumerate(groups):
        block.append(group)
        if number + 1 < len(groups) and sum(len(statements) for _, statements in block) < config.write_block:
            continue
        statement_ids = [statement_id for _, statements in block for statement_id in statements]
        outlets = _outlets(conn, statement_ids)
        loaded = _load_members(conn, statement_ids, normalized, position, pieces_of, order)
        for quote_ids, statements in block:
            for merged in quote_ids[1:]:
                conn.execute("DELETE FROM quotes WHERE id = ?", (merged,))
            _write_quote(conn, [loaded[s] for s in statements], outlets, config, quote_ids[0] if quote_ids else None)
        block = []
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('quotes_fingerprint', ?)", (fingerprint(conn),))
    return conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]


def _sign_new_quotes(conn: sqlite3.Connection, config: QuoteConfig) -> None:
    """Signatures for the direct quotes that have none; shorter ones get a row without one (seen, left out)."""
    rows = conn.execute(f"SELECT s.id, s.content FROM statements s WHERE {_DIRECT} AND NOT EXISTS "
                        "(SELECT 1 FROM quote_signatures g WHERE g.statement_id = s.id) ORDER BY s.id").fetchall()
    short, signed = [], []
    for statement_id, content in rows:
        normalized = normalize_quote(content)
        (short if len(normalized.split()) < config.min_words else signed).append((statement_id, normalized))
    conn.executemany("INSERT INTO quote_signatures (statement_id, normalized, size, signature) VALUES (?, ?, 0, NULL)",
                     short)
    for start in range(0, len(signed), 5_000):
        chunk = signed[start:start + 5_000]
        pieces = [shingles(normalized, config) for _, normalized in chunk]
        hashes = signatures(pieces, config).astype("<u4")
        conn.executemany(
            "INSERT INTO quote_signatures (statement_id, normalized, size, signature) VALUES (?, ?, ?, ?)",
            [(statement_id, normalized, len(each), row.tobytes())
             for (statement_id, normalized), each, row in zip(chunk, pieces, hashes)])


def _load_signatures(conn: sqlite3.Connection) -> tuple[list[int], np.ndarray, np.ndarray, list[str]]:
    ids, sizes, blobs, normalized = [], [], [], []
    for statement_id, size, blob, text in conn.execute(
            "SELECT statement_id, size, signature, normalized FROM quote_signatures WHERE signature IS NOT NULL "
            "ORDER BY statement_id"):
        ids.append(statement_id)
        sizes.append(size)
        blobs.append(blob)
        normalized.append(text)
    width = len(blobs[0]) // 4 if blobs else 0
    hashes = np.frombuffer(b"".join(blobs), dtype="<u4").reshape(len(blobs), width)
    return ids, np.array(sizes, dtype=np.int64), hashes, normalized


def first_appearance(article_date: str | None, statement_date: str | None, article_id: int, statement_id: int) -> tuple:
    """A quote's order key: the earliest dated article first, undated ones last."""
    return article_date or "9999", statement_date or "9999", article_id, statement_id


def _orders(conn: sqlite3.Connection, statement_ids: list[int]) -> dict[int, tuple]:
    """Each statement's place in the order of first appearance (as :class:`_Quote` ``order``)."""
    found = {}
    for start in range(0, len(statement_ids), 500):
        chunk = statement_ids[start:start + 500]
        for statement_id, article_id, article_date, statement_date in conn.execute(
                "SELECT s.id, s.article_id, a.date, s.date FROM statements s JOIN articles a ON a.id = s.article_id "
                f"WHERE s.id IN ({', '.join('?' * len(chunk))})", chunk):
            found[statement_id] = first_appearance(article_date, statement_date, article_id, statement_id)
    return found


def _outlets(conn: sqlite3.Connection, statement_ids: list[int]) -> dict[int, str | None]:
    found = {}
    for start in range(0, len(statement_ids), 500):
        chunk = statement_ids[start:start + 500]
        found.update(conn.execute(
            f"SELECT a.id, a.source FROM articles a WHERE a.id IN (SELECT article_id FROM statements WHERE id IN "
            f"({', '.join('?' * len(chunk))}))", chunk))
    return {article_id: outlet_of(source) for article_id, source in found.items()}


def _load_members(conn: sqlite3.Connection, statement_ids: list[int], normalized: list[str],
                  position: dict[int, int], pieces_of, order: dict[int, tuple]) -> dict[int, _Quote]:
    """The quotes of ``statement_ids``, placed by ``order`` (:func:`_orders`, read before)."""
    found = {}
    for start in range(0, len(statement_ids), 500):
        chunk = statement_ids[start:start + 500]
        for statement_id, article_id, content in conn.execute(
                f"SELECT id, article_id, content FROM statements WHERE id IN ({', '.join('?' * len(chunk))})", chunk):
            number = position[statement_id]
            found[statement_id] = _Quote(statement_id, article_id, content, normalized[number], pieces_of(number),
                                         order[statement_id])
    return found


def _write_quote(conn: sqlite3.Connection, members: list[_Quote], outlets: dict[int, str | None],
                 config: QuoteConfig, quote_id: int | None) -> None:
    """Store one quote and its occurrences (first appearance first); ``quote_id``: rewrite that one."""
    members = sorted(members, key=lambda quote: quote.order)
    canonical = canonical_wording(members, config)
    first = members[0]
    values = (canonical.content, canonical.normalized, first.statement_id, first.article_id, first.order[0],
              len(members), len({m.article_id for m in members}), len({m.normalized for m in members}))
    if quote_id is None:
        quote_id = conn.execute(
            "INSERT INTO quotes (text, normalized, first_statement_id, first_article_id, first_date, occurrences, "
            "articles, variants) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values).lastrowid
    else:
        conn.execute("DELETE FROM quote_occurrences WHERE quote_id = ?", (quote_id,))
        conn.execute("UPDATE quotes SET text = ?, normalized = ?, first_statement_id = ?, first_article_id = ?, "
                     "first_date = ?, occurrences = ?, articles = ?, variants = ? WHERE id = ?", (*values, quote_id))
    conn.executemany(
        "INSERT INTO quote_occurrences (statement_id, quote_id, article_id, position, outlet, variant, "
        "similarity, normalized) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(m.statement_id, quote_id, m.article_id, position, outlets.get(m.article_id), *variant_of(m, canonical),
          m.normalized) for position, m in enumerate(members)])


def fingerprint(conn: sqlite3.Connection) -> str:
    """Changes when direct quotes are added, deleted or rejected: the quotes are then out of date."""
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
