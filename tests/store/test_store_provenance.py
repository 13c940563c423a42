"""Quote provenance: recurring direct quotes clustered across articles, conflicting attributions flagged.

The corpus: invented articles from three outlets (one JSONL file each), ingested with the real
``ingest``.  One quote by Lindner is copied (other quotation marks, case), shortened, elided,
edited and misattributed (to Habeck, to another day, to another place); Faeser's quote is edited;
two other quotes share many of its words but are different quotes.
"""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
from store_articles import ingest_files, write_jsonl

from wortlaut.cli import main
from wortlaut.store import Store, ingest
from wortlaut.store.provenance import (
    QuoteConfig,
    _Quote,
    candidate_pairs,
    candidates_between,
    canonical_wording,
    clusters,
    containment,
    normalize_quote,
    outlet_of,
    rebuild_quotes,
    shingles,
    signatures,
    variant_of,
)

LINDNER = "Wir werden die Schuldenbremse im nächsten Jahr nicht antasten, egal was die Opposition fordert"
FAESER = "Die Lage an der Grenze ist ernst, aber unter Kontrolle"
OUTLETS = {
    "tagesblatt": [
        {"id": "tb-1", "date": "2025-03-03", "title": "Lindner hält an Schuldenbremse fest",
         "text": f"Der Finanzminister bleibt hart. „{LINDNER}“, sagte Finanzminister Christian Lindner am 3. März in "
                 f"Berlin. „{FAESER}“, sagte Innenministerin Nancy Faeser."},
        {"id": "tb-2", "date": "2025-03-05", "title": "Habeck will Reform",
         "text": "„Die Schuldenbremse muss reformiert werden, sonst fehlen Milliarden für Investitionen“, sagte "
                 "Wirtschaftsminister Robert Habeck in Kiel. „Wir werden die Steuern im nächsten Jahr nicht erhöhen“, "
                 "sagte Lindner."},
    ],
    "abendpost": [
        {"id": "ap-1", "date": "2025-03-04", "title": "Streit um den Haushalt",
         "text": f"Im Haushaltsstreit gibt es keine Bewegung. \"{LINDNER}\", sagte Christian Lindner am 3. März in "
                 "Berlin. \"Die Lage an der Grenze ist ernst, jedoch unter Kontrolle\", sagte Nancy Faeser."},
        {"id": "ap-2", "date": "2025-03-06", "title": "Habeck widerspricht",
         "text": f"»{LINDNER.upper()}«, sagte Wirtschaftsminister Robert Habeck am 3. März in Berlin."},
    ],
    "morgenecho": [
        {"id": "me-1", "date": "2025-03-05", "title": "Kurz gemeldet",
         "text": "„Wir werden die Schuldenbremse im nächsten Jahr nicht antasten“, sagte Christian Lindner am "
                 "28. Februar in München."},
        {"id": "me-2", "date": "2025-03-07", "title": "Der Minister und die Opposition",
         "text": "„Wir werden die Schuldenbremse im kommenden Jahr nicht antasten, egal was die Opposition "
                 "verlangt“, sagte Lindner. „Wir werden die Schuldenbremse ... nicht antasten“, wiederholte er."},
    ],
}
# The truth: which article's quotes (in text order) belong together.
LINDNER_QUOTE = {("tb-1", 0), ("ap-1", 0), ("ap-2", 0), ("me-1", 0), ("me-2", 0), ("me-2", 1)}
FAESER_QUOTE = {("tb-1", 1), ("ap-1", 1)}
ALONE = [{("tb-2", 0)}, {("tb-2", 1)}]


@pytest.fixture(scope="module")
def quote_db(tmp_path_factory):
    return ingest_files(tmp_path_factory.mktemp("outlets"), tmp_path_factory.mktemp("db") / "quotes.db", OUTLETS)


def occurrence_groups(store: Store) -> list[set[tuple[str, int]]]:
    """The clusters as sets of (article, the quote's number in it)."""
    rows = store.conn.execute(
        "SELECT o.quote_id, a.doc_id, s.content_start FROM quote_occurrences o JOIN statements s ON s.id = "
        "o.statement_id JOIN articles a ON a.id = o.article_id ORDER BY a.doc_id, s.content_start").fetchall()
    starts: dict[str, list[int]] = {}
    for _, doc, start in rows:
        starts.setdefault(doc, []).append(start)
    groups: dict[int, set] = {}
    for quote_id, doc, start in rows:
        groups.setdefault(quote_id, set()).add((doc, starts[doc].index(start)))
    return list(groups.values())


def pairs_of(groups: list[set]) -> set[frozenset]:
    return {frozenset((a, b)) for group in groups for a in group for b in group if a != b}


def test_clusters_match_the_truth_exactly(quote_db):
    with Store(quote_db, readonly=True) as store:
        found = occurrence_groups(store)
    truth = [LINDNER_QUOTE, FAESER_QUOTE, *ALONE]
    found_pairs, true_pairs = pairs_of(found), pairs_of(truth)
    precision = len(found_pairs & true_pairs) / len(found_pairs)
    recall = len(found_pairs & true_pairs) / len(true_pairs)
    assert (precision, recall) == (1.0, 1.0)
    assert sorted(map(sorted, found)) == sorted(map(sorted, truth))


def test_first_appearance_and_variants(quote_db):
    with Store(quote_db, readonly=True) as store:
        [found] = store.quotes("wir werden die Schuldenbremse im nächsten Jahr NICHT antasten!")
    assert found["text"] == LINDNER
    assert (found["occurrences"], found["articles"]) == (6, 5)
    first = found["chain"][0]
    assert (first["doc_id"], first["outlet"], first["article_date"], first["speaker"]) == \
        ("tb-1", "tagesblatt", "2025-03-03", "Christian Lindner")
    assert [o["article_date"] for o in found["chain"]] == sorted(o["article_date"] for o in found["chain"])
    variants = {o["text"]: o["variant"] for o in found["chain"]}
    assert variants["Wir werden die Schuldenbremse im nächsten Jahr nicht antasten"] == "shortened"
    assert variants["Wir werden die Schuldenbremse ... nicht antasten"] == "shortened"
    assert variants[LINDNER.upper()] == "same"
    assert variants[LINDNER.replace("nächsten", "kommenden").replace("fordert", "verlangt")] == "edited"


def test_conflicts_of_speaker_date_and_place(quote_db):
    with Store(quote_db, readonly=True) as store:
        conflicts = {c["kind"]: c for c in store.quote_conflicts()}
    assert set(conflicts) == {"speaker", "date", "place"}
    assert {c["text"] for c in conflicts.values()} == {LINDNER}
    values = {kind: {v["value"]: {a["outlet"] for a in v["articles"]} for v in c["values"]}
              for kind, c in conflicts.items()}
    assert values["speaker"]["Robert Habeck"] == {"abendpost"}
    assert set(values["speaker"]) == {"Christian Lindner", "Robert Habeck"}
    assert values["date"] == {"2025-03-03": {"tagesblatt", "abendpost"}, "2025-02-28": {"morgenecho"}}
    assert values["place"] == {"Berlin": {"tagesblatt", "abendpost"}, "München": {"morgenecho"}}


def test_views_are_queryable(quote_db):
    with Store(quote_db, readonly=True) as store:
        kinds = store.conn.execute("SELECT kind, distinct_values FROM quote_conflicts ORDER BY kind").fetchall()
        chain = store.conn.execute("SELECT outlet, speaker FROM quote_occurrences_view WHERE quote_id = "
                                   "(SELECT id FROM quotes WHERE text LIKE 'Die Lage%') ORDER BY position").fetchall()
        assert not store.quotes_stale()
    assert kinds == [("date", 2), ("place", 2), ("speaker", 2)]
    assert chain == [("tagesblatt", "Nancy Faeser"), ("abendpost", "Nancy Faeser")]


def test_cli_chain_and_conflicts(quote_db, capsys):
    assert main(["quotes", "Lage an der Grenze ist ernst", "--db", str(quote_db)]) == 0
    out = capsys.readouterr().out
    assert "first 2025-03-03  Nancy Faeser  [tagesblatt] Lindner hält an Schuldenbremse fest" in out
    assert "edited: „Die Lage an der Grenze ist ernst, jedoch unter Kontrolle“" in out
    assert main(["quotes", "--conflicts", "--kind", "speaker", "--db", str(quote_db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("speaker conflict, quote ")
    assert "Robert Habeck: 2025-03-06 [abendpost] Habeck widerspricht" in out
    assert main(["quotes", "kein solches Zitat irgendwo", "--db", str(quote_db)]) == 1


def test_rejected_quote_leaves_its_cluster(quote_db, tmp_path):
    copy = tmp_path / "copy.db"
    with Store(quote_db, readonly=True) as source, Store(copy) as target:
        source.conn.backup(target.conn)
    with Store(copy) as store:
        habeck = store.conn.execute("SELECT id FROM statements WHERE speaker_name = 'Robert Habeck' "
                                    "AND content LIKE 'WIR WERDEN%'").fetchone()[0]
        store.reject_statement(habeck)
        assert store.quotes_stale()
        store.rebuild_quotes()
        assert {c["kind"] for c in store.quote_conflicts()} == {"date", "place"}


def test_normalisation_folds_marks_case_punctuation_and_ellipses():
    assert normalize_quote("„Wir   schaffen das!“ … (...) [...]") == "wir schaffen das"
    assert normalize_quote('"Das ist – so – gut..."') == normalize_quote("»das ist so gut«")
    assert normalize_quote("Straße") == "strasse"


def test_containment_finds_the_part_in_the_whole():
    whole, part = (shingles(normalize_quote(text)) for text in (LINDNER, "die Schuldenbremse im nächsten Jahr"))
    assert containment(part, whole) == 1.0
    other = shingles(normalize_quote("Wir werden die Steuern im nächsten Jahr nicht erhöhen"))
    assert containment(other, whole) < QuoteConfig().min_containment


def quote_of(text: str, order: int = 0) -> _Quote:
    normalized = normalize_quote(text)
    return _Quote(order, order, text, normalized, shingles(normalized), (str(order),))


def test_main_wording_is_the_most_quoted_full_one():
    members = [quote_of(LINDNER.replace("fordert", "verlangt und will"), 0), quote_of(LINDNER, 1),
               quote_of(LINDNER, 2), quote_of("Wir werden die Schuldenbremse nicht antasten", 3)]
    canonical = canonical_wording(members)
    assert canonical.content == LINDNER
    assert [variant_of(m, canonical)[0] for m in members] == ["edited", "same", "same", "shortened"]


def test_clusters_join_chains():
    assert sorted(map(sorted, clusters(5, [(0, 3), (3, 4)]))) == [[0, 3, 4], [1], [2]]


def test_outlet_is_the_host_or_the_file_name():
    assert outlet_of("https://www.example.de/politik/a.html") == "www.example.de"
    assert outlet_of("/data/spiegel.jsonl") == "spiegel"
    assert outlet_of(None) is None


def membership(store: Store) -> set[frozenset[int]]:
    """The quotes as sets of statement ids (quote ids differ between an updated and a rebuilt store)."""
    groups: dict[int, set[int]] = {}
    for quote_id, statement_id in store.conn.execute("SELECT quote_id, statement_id FROM quote_occurrences"):
        groups.setdefault(quote_id, set()).add(statement_id)
    return {frozenset(group) for group in groups.values()}


def rebuilt(store: Store) -> set[frozenset[int]]:
    """The quotes ``quotes --rebuild`` makes of the same store; the store is left as it was."""
    store.conn.execute("BEGIN IMMEDIATE")
    try:
        rebuild_quotes(store.conn)
        return membership(store)
    finally:
        store.conn.execute("ROLLBACK")


def written_chain(store: Store) -> list[tuple]:
    return store.conn.execute(
        "SELECT q.text, q.first_date, q.occurrences, q.articles, q.variants, o.position, a.doc_id, o.variant "
        "FROM quotes q JOIN quote_occurrences o ON o.quote_id = q.id JOIN articles a ON a.id = o.article_id "
        "ORDER BY q.first_date, q.text, o.position").fetchall()


@pytest.mark.parametrize("order", [("tagesblatt", "abendpost", "morgenecho"), ("morgenecho", "abendpost", "tagesblatt")])
def test_ingest_in_batches_adds_to_the_quotes_as_a_rebuild_groups_them(tmp_path, order):
    db = tmp_path / "batches.db"
    for number, outlet in enumerate(order):  # one outlet per ingest: later quotes join and merge earlier ones
        (tmp_path / f"batch{number}").mkdir()
        ingest_files(tmp_path / f"batch{number}", db, {outlet: OUTLETS[outlet]})
    with Store(db) as store:
        assert not store.quotes_stale()
        found = occurrence_groups(store)
        incremental, chain = membership(store), written_chain(store)
        assert rebuilt(store) == incremental
        store.rebuild_quotes()
        assert written_chain(store) == chain  # main wording, first appearance, variants: all the same
    assert sorted(map(sorted, found)) == sorted(map(sorted, [LINDNER_QUOTE, FAESER_QUOTE, *ALONE]))


def test_a_quote_that_lost_its_bridge_splits_and_re_ingest_keeps_the_quotes_right(tmp_path):
    """Two wordings that only a third links (each contains most of it) are one quote while it is
    there; when its article is changed away they are two; when it comes back, one again."""
    long_a = "Wir werden die Schuldenbremse im nächsten Jahr nicht antasten, egal was die Opposition fordert"
    long_b = "Wir werden die Schuldenbremse im nächsten Jahr nicht antasten, das haben wir den Wählern versprochen"
    bridge = "Wir werden die Schuldenbremse im nächsten Jahr nicht antasten"
    folder = tmp_path / "in"
    folder.mkdir()
    article = {"id": "c", "date": "2025-03-05", "title": "Kurz", "text": f"„{bridge}“, sagte Christian Lindner."}
    files = {"a": [{"id": "a", "date": "2025-03-03", "title": "A", "text": f"„{long_a}“, sagte Christian Lindner."}],
             "b": [{"id": "b", "date": "2025-03-04", "title": "B", "text": f"„{long_b}“, sagte Christian Lindner."}],
             "c": [article]}
    db = ingest_files(folder, tmp_path / "bridge.db", files)
    with Store(db, readonly=True) as store:
        assert sorted(len(group) for group in membership(store)) == [3]
    write_jsonl(folder / "c.jsonl", [{**article, "text": "„Die Lage ist ernst, aber unter Kontrolle“, sagte Faeser."}])
    ingest([folder], db, progress=False)
    with Store(db) as store:
        assert sorted(len(group) for group in membership(store)) == [1, 1, 1]
        assert rebuilt(store) == membership(store)
        assert store.quotes("egal was die Opposition fordert")[0]["occurrences"] == 1
    write_jsonl(folder / "c.jsonl", [article])
    ingest([folder], db, progress=False)
    with Store(db) as store:
        assert sorted(len(group) for group in membership(store)) == [3]
        assert rebuilt(store) == membership(store)
    (folder / "c.jsonl").unlink()
    ingest([folder], db, progress=False, prune=True)
    with Store(db) as store:
        assert sorted(len(group) for group in membership(store)) == [1, 1]
        assert store.conn.execute("SELECT COUNT(*) FROM quote_signatures").fetchone()[0] == 2
        assert rebuilt(store) == membership(store)


def test_update_after_a_rejection_splits_off_the_rejected_quote(quote_db, tmp_path):
    copy = tmp_path / "copy.db"
    with Store(quote_db, readonly=True) as source, Store(copy) as target:
        source.conn.backup(target.conn)
    with Store(copy) as store:
        before = membership(store)
        habeck = store.conn.execute("SELECT id FROM statements WHERE speaker_name = 'Robert Habeck' "
                                    "AND content LIKE 'WIR WERDEN%'").fetchone()[0]
        store.reject_statement(habeck)
        store.update_quotes()
        assert not store.quotes_stale()
        assert membership(store) == {group - {habeck} for group in before}
        assert rebuilt(store) == membership(store)


def test_candidates_depend_on_the_pair_alone():
    """What decides that two quotes may be one must not change with the quotes stored beside them:
    that is what makes adding quotes one batch at a time give what a rebuild gives."""
    texts = [LINDNER, "Wir werden die Schuldenbremse im nächsten Jahr nicht antasten", FAESER,
             "Die Lage an der Grenze ist ernst, jedoch unter Kontrolle",
             "Wir werden die Steuern im nächsten Jahr nicht erhöhen"]
    quotes = [quote_of(text, number) for number, text in enumerate(texts)]
    alone = candidate_pairs(quotes)
    assert {(0, 1), (2, 3)} <= alone
    crowd = quotes + [quote_of(f"Das ist die Meldung Nummer {number} über den Haushalt im nächsten Jahr", 10 + number)
                      for number in range(200)]
    with_crowd = {pair for pair in candidate_pairs(crowd) if max(pair) < len(quotes)}
    assert with_crowd == alone
    hashes = signatures([quote.pieces for quote in crowd])
    sizes = np.array([len(quote.pieces) for quote in crowd])
    from_one_side = {tuple(pair) for pair in candidates_between(np.array([1]), hashes, sizes).tolist()}
    assert {(0, 1)} <= from_one_side and all(1 in pair for pair in from_one_side)
    assert candidates_between(np.array([2]), hashes[2:3], sizes[2:3]).shape == (0, 2)  # nothing to meet
    lone = signatures([quotes[0].pieces, quotes[2].pieces])  # two different quotes: keys meet only themselves
    assert candidates_between(np.array([0, 1]), lone, sizes[[0, 2]]).shape == (0, 2)


def test_a_version_7_store_groups_its_quotes_afresh(tmp_path):
    from wortlaut.store.schema import MIGRATIONS

    db = tmp_path / "v7.db"
    conn = sqlite3.connect(db)
    conn.executescript("BEGIN;\nCREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);\n"
                       + "".join(script for number, script in MIGRATIONS if number <= 7)
                       + "".join(f"INSERT INTO schema_version VALUES ({n}, datetime('now'));\n" for n in range(1, 8))
                       + "INSERT INTO meta (key, value) VALUES ('quotes_fingerprint', '0:0');\nCOMMIT;")
    conn.close()
    folder = tmp_path / "in"
    folder.mkdir()
    ingest_files(folder, db, {"tagesblatt": OUTLETS["tagesblatt"], "abendpost": OUTLETS["abendpost"]})
    with Store(db, readonly=True) as store:
        assert store.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] >= 8
        assert sorted(len(group) for group in membership(store)) == [1, 1, 2, 3]
