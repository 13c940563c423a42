"""Scoring time expressions against WikiWarsDE (inline TIMEX2) and SmartData (Avro JSON)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers import DATA, needs
from wortlaut.cli import main
from wortlaut.evaluate import timex
from wortlaut.evaluate.smartdata import publication_date, read_smartdata
from wortlaut.evaluate.timex import (
    GoldTimex,
    evaluate_timex,
    format_timex_report,
    gold_type,
    pair_spans,
    read_document,
)
from wortlaut.model import TimeExpression

GOLD = """<DOC>
<DOCID>toy</DOCID>
<DATETIME> <TIMEX2 val="2011-02-16T17:00:00">2011-02-16T17:00:00</TIMEX2> </DATETIME>
<TEXT>
Am <TIMEX2 val="1939-09-01">1. September 1939</TIMEX2> begann der Krieg. <TIMEX2 val="1939-09-03">Zwei Tage später</TIMEX2> erklärten Frankreich und Großbritannien den Krieg. Die Kämpfe dauerten <TIMEX2 val="P6Y">sechs Jahre</TIMEX2> &amp; mehr.
</TEXT>
</DOC>
"""

# four gold expressions, one of each of DATE, DATE, DURATION, TIME
MIXED = GOLD.replace("&amp; mehr.", 'um <TIMEX2 val="1945-05-08T10:00">10 Uhr</TIMEX2>.')


def _predict(text: str, spans: list[tuple[str, str | None, str]]) -> list[TimeExpression]:
    """Predictions for the given (surface, value, type) triples, found left to right in ``text``."""
    found, position = [], 0
    for surface, value, kind in spans:
        start = text.index(surface, position)
        found.append(TimeExpression(surface, start, start + len(surface), value, kind))
        position = start + len(surface)
    return found


@dataclass
class FixedExtractor:
    """Hand-made predictions in place of ``extract_times``, chosen by a word of the text; the calls it saw."""

    predictions: dict[str, list[tuple[str, str | None, str]]] = field(default_factory=dict)
    calls: list[tuple[dt.date | None, str]] = field(default_factory=list)

    def __call__(self, text: str, reference: dt.date | None, *, anchoring: str = "news") -> list[TimeExpression]:
        self.calls.append((reference, anchoring))
        return _predict(text, next(spans for word, spans in self.predictions.items() if word in text))


@pytest.fixture
def fixed(monkeypatch: pytest.MonkeyPatch) -> FixedExtractor:
    extractor = FixedExtractor()
    monkeypatch.setattr(timex, "extract_times", extractor)
    return extractor


def test_read_document_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "toy.key.xml"
    path.write_text(GOLD, encoding="utf-8")
    doc = read_document(path)
    assert doc.date.isoformat() == "2011-02-16"
    assert [g.text for g in doc.gold] == ["1. September 1939", "Zwei Tage später", "sechs Jahre"]
    assert [g.type for g in doc.gold] == ["DATE", "DATE", "DURATION"]
    assert all(doc.text[g.start:g.end] == g.text for g in doc.gold)
    assert "&amp;" not in doc.text and "& mehr" in doc.text


@pytest.mark.parametrize("value, attributes, expected", [
    ("1939-09-01", None, "DATE"),
    ("1939-09", None, "DATE"),
    ("BC0490", None, "DATE"),
    ("PRESENT_REF", None, "DATE"),
    ("FUTURE_REF", None, "DATE"),
    ("PAST_REF", None, "DATE"),
    (None, None, "DATE"),
    ("P6Y", None, "DURATION"),
    ("PT2H", None, "DURATION"),
    ("1944-06-06T10:00", None, "TIME"),
    ("XXXX-XX-XXTMO", None, "TIME"),
    ("1865-04-09TAF", None, "TIME"),
    ("T14:30", None, "TIME"),
    ("XXXX-WXX-1", None, "SET"),
    ("P1D", {"set": "YES"}, "SET"),
    ("P1W", {"periodicity": "F1W"}, "SET"),
])
def test_gold_type_from_value_shape(value: str | None, attributes: dict | None, expected: str) -> None:
    assert gold_type(value, attributes) == expected


def test_set_attribute_in_a_file_makes_a_set(tmp_path: Path) -> None:
    gold = GOLD.replace('<TIMEX2 val="P6Y">', '<TIMEX2 val="P6Y" set="YES">')
    (tmp_path / "toy.key.xml").write_text(gold, encoding="utf-8")
    assert [g.type for g in read_document(tmp_path / "toy.key.xml").gold] == ["DATE", "DATE", "SET"]


def test_perfect_toy_document_scores_one(tmp_path: Path) -> None:
    (tmp_path / "toy.key.xml").write_text(GOLD, encoding="utf-8")
    result = evaluate_timex(tmp_path)
    assert result["dataset"] == "WikiWarsDE"
    assert result["strict"]["f1"] == 1.0
    assert result["relaxed"]["f1"] == 1.0
    assert result["value"]["f1"] == 1.0
    assert result["value_accuracy"] == 1.0
    report = format_timex_report(result)
    assert "strict" in report and "relaxed" in report and "DURATION" in report


def test_missed_expression_lowers_recall(tmp_path: Path) -> None:
    gold = GOLD.replace("begann der Krieg", 'begann der <TIMEX2 val="XXXX">Krieg</TIMEX2>')
    (tmp_path / "toy.key.xml").write_text(gold, encoding="utf-8")
    result = evaluate_timex(tmp_path)
    assert result["strict"]["recall"] == pytest.approx(3 / 4)
    assert result["strict"]["precision"] == 1.0


def test_strict_relaxed_value_and_types_on_known_predictions(tmp_path: Path, fixed: FixedExtractor) -> None:
    (tmp_path / "toy.key.xml").write_text(MIXED, encoding="utf-8")
    fixed.predictions["Krieg"] = [
        ("1. September 1939", "1939-09-01", "DATE"),  # exact, right value
        ("Krieg", "XXXX", "DATE"),  # no gold: a false positive
        ("Tage später", "1939-09-04", "DATE"),  # overlaps "Zwei Tage später", wrong value
        ("sechs Jahre", "P6Y", "DURATION"),  # exact, right value
        ("10 Uhr", "1945-05-08T10:00", "DATE"),  # exact, right value, wrong type (gold TIME)
    ]
    result = evaluate_timex(tmp_path)
    assert (result["gold"], result["predicted"]) == (4, 5)
    assert (result["strict"]["precision"], result["strict"]["recall"]) == (pytest.approx(3 / 5), pytest.approx(3 / 4))
    assert (result["relaxed"]["precision"], result["relaxed"]["recall"]) == (pytest.approx(4 / 5), 1.0)
    assert result["value"]["tp"] == 3
    assert result["value"]["f1"] == pytest.approx(2 * (3 / 5) * (3 / 4) / (3 / 5 + 3 / 4))
    assert result["value_accuracy"] == pytest.approx(3 / 4)
    assert result["type_accuracy"] == pytest.approx(3 / 4)
    date, time, duration = (result["per_type"][kind] for kind in ("DATE", "TIME", "DURATION"))
    assert (date["gold"], date["predicted"]) == (2, 4)
    assert (date["relaxed"]["precision"], date["relaxed"]["recall"]) == (pytest.approx(2 / 4), 1.0)
    assert date["strict"]["tp"] == 1
    assert (date["value"]["precision"], date["value"]["recall"]) == (pytest.approx(1 / 4), pytest.approx(1 / 2))
    assert (time["gold"], time["predicted"], time["relaxed"]["tp"], time["found"]) == (1, 0, 0, 1.0)
    assert duration["relaxed"]["f1"] == 1.0 and duration["value"]["f1"] == 1.0
    assert result["per_document"]["toy"]["relaxed"]["tp"] == 4
    assert fixed.calls == [(dt.date(2011, 2, 16), "narrative")]


def test_exact_matches_are_paired_before_overlaps() -> None:
    # "Sommer 1944" holds a nested "1944"; the prediction "1944" belongs to the nested tag
    gold = [GoldTimex(0, 11, "Sommer 1944", "1944-SU"), GoldTimex(7, 11, "1944", "1944")]
    predicted = [TimeExpression("1944", 7, 11, "1944", "DATE")]
    assert pair_spans(gold, predicted) == [(1, 0)]
    wide = [TimeExpression("Sommer 1944 und", 0, 15, None, "DATE")]
    assert pair_spans(gold, wide) == [(0, 0)]  # one prediction pairs with one gold span only


def test_wikiwarsde_has_no_splits(tmp_path: Path) -> None:
    (tmp_path / "toy.key.xml").write_text(GOLD, encoding="utf-8")
    with pytest.raises(ValueError, match="no 'test' split"):
        evaluate_timex(tmp_path, split="test")


# --------------------------------------------------------------------------- SmartData


def _mention(start: int, end: int, kind: str) -> dict:
    return {"id": f"c/{start}", "span": {"start": start, "end": end, "attributes": None}, "type": kind,
            "normalizedValue": None, "refids": None, "attributes": None, "provenance": None}


def _record(name: str, source: str, date: str, text: str, mentions: list[tuple[str, str]]) -> dict:
    """An Avro-JSON SmartData document; each mention is (surface, SmartData type)."""
    spans = []
    for surface, kind in mentions:
        start = text.index(surface)
        spans.append(_mention(start, start + len(surface), kind))
    return {"id": f"https://example.org/{name}", "raw": text, "text": {"string": text}, "date": {"string": date},
            "conceptMentions": {"array": spans} if spans else None,
            "refids": {"map": {"fileName": name, "source": source}}}


TRAIN_TEXT = "Am 12.04.2016 um 15:47 Uhr kam der Zug von Peter Schmidt 20 Minuten später an."
TEST_TEXT = "Am Dienstag wurde gestreikt."


def _write_smartdata(folder: Path) -> Path:
    train = [_record("smartdata_news_1.xml", "news", "2016-04-11T23:30:00Z", TRAIN_TEXT,
                     [("12.04.2016", "date"), ("15:47 Uhr", "time"), ("Peter Schmidt", "person"),
                      ("20 Minuten", "duration")])]
    test = [_record("smartdata_tweet_1.xml", "tweet", "610137661295214592", TEST_TEXT, [("Dienstag", "date")])]
    for split, records in (("train", train), ("test", test)):
        with gzip.open(folder / f"{split}.json.gz", "wt", encoding="utf-8") as out:
            out.write("\n".join(json.dumps(record) for record in records))  # records follow one another
    return folder


def test_read_smartdata_keeps_time_mentions_with_our_types(tmp_path: Path) -> None:
    [doc] = read_smartdata(_write_smartdata(tmp_path), "train")
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("12.04.2016", "DATE", None), ("15:47 Uhr", "TIME", None), ("20 Minuten", "DURATION", None)]
    assert (doc.name, doc.source, doc.date) == ("smartdata_news_1.xml", "news", dt.date(2016, 4, 12))


def test_publication_date_from_timestamp_or_tweet_id() -> None:
    assert publication_date("2016-04-11T23:30:00Z") == dt.date(2016, 4, 12)  # Berlin is two hours ahead
    assert publication_date("2016-04-11T20:30:00Z") == dt.date(2016, 4, 11)
    assert publication_date("610137661295214592") == dt.date(2015, 6, 14)  # a tweet id: its time is in the bits
    assert publication_date(None) is None


def test_smartdata_spans_and_types_on_known_predictions(tmp_path: Path, fixed: FixedExtractor) -> None:
    _write_smartdata(tmp_path)
    fixed.predictions["Zug"] = [
        ("12.04.2016", "2016-04-12", "DATE"),  # exact
        ("15:47", "2016-04-12T15:47", "TIME"),  # overlaps "15:47 Uhr"
        ("später", None, "DATE"),  # no gold: a false positive; "20 Minuten" is missed
    ]
    fixed.predictions["Dienstag"] = [("Dienstag", "2015-06-09", "DATE")]
    train = evaluate_timex(tmp_path, split="train")
    assert (train["dataset"], train["split"], train["gold"], train["predicted"]) == ("SmartData", "train", 3, 3)
    assert train["strict"]["tp"] == 1 and train["relaxed"]["tp"] == 2
    assert train["relaxed"]["precision"] == pytest.approx(2 / 3)
    assert train["value"] is None and train["value_accuracy"] is None
    date, time, duration = (train["per_type"][kind] for kind in ("DATE", "TIME", "DURATION"))
    assert (date["relaxed"]["precision"], date["relaxed"]["recall"]) == (pytest.approx(1 / 2), 1.0)
    assert (time["strict"]["tp"], time["relaxed"]["f1"]) == (0, 1.0)
    assert (duration["gold"], duration["relaxed"]["recall"], duration["found"]) == (1, 0.0, 0.0)
    assert fixed.calls == [(dt.date(2016, 4, 12), "news")]

    everything = evaluate_timex(tmp_path)
    assert (everything["gold"], everything["strict"]["tp"], everything["relaxed"]["tp"]) == (4, 2, 3)
    assert everything["splits"]["test"]["strict"]["f1"] == 1.0
    assert everything["per_source"]["tweet"]["gold"] == 1
    report = format_timex_report(everything)
    assert "SmartData (train)" in report and "SmartData (test)" in report and "no normalised values" in report


def test_cli_detects_smartdata_and_rejects_a_validation_split(
        tmp_path: Path, fixed: FixedExtractor, capsys: pytest.CaptureFixture[str]) -> None:
    _write_smartdata(tmp_path)
    fixed.predictions["Zug"] = []
    fixed.predictions["Dienstag"] = [("Dienstag", None, "DATE")]
    assert main(["eval", "timex", str(tmp_path), "--split", "test", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["dataset"], result["split"], result["relaxed"]["f1"]) == ("SmartData", "test", 1.0)
    assert main(["eval", "timex", str(tmp_path), "--split", "validation"]) == 1
    assert "splits train, test" in capsys.readouterr().err


# --------------------------------------------------------------------------- the real gold sets


@needs(DATA / "wikiwarsde")
def test_wikiwarsde() -> None:
    result = evaluate_timex(DATA / "wikiwarsde")
    assert result["documents"] == 11 and result["gold"] == 1180
    assert result["relaxed"]["f1"] > 0.85
    assert result["value_accuracy"] > 0.7
    assert result["value"]["f1"] > 0.65
    assert result["per_type"]["DATE"]["gold"] > 1000


@needs(DATA / "smartdata-v1")
def test_smartdata() -> None:
    result = evaluate_timex(DATA / "smartdata-v1", split="test")
    assert result["documents"] == 1192
    assert {kind: result["per_type"][kind]["gold"] for kind in ("DATE", "TIME", "DURATION", "SET")} == {
        "DATE": 956, "TIME": 313, "DURATION": 218, "SET": 0}
    assert result["relaxed"]["f1"] > 0.6
    assert result["value"] is None
