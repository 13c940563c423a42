"""GermEval-2014 NER TSV (wortlaut.formats.germeval), and ``wortlaut ner`` reading and writing it."""

from __future__ import annotations

from pathlib import Path

import pytest

from wortlaut.cli import main
from wortlaut.formats.germeval import GermEvalFormatError, parse_germeval, read_germeval

GOLD = Path(__file__).with_name("germeval_gold.tsv")  # two sentences, gold tags
SAMPLE = GOLD.read_text(encoding="utf-8")


def test_read_germeval(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text(SAMPLE, encoding="utf-8")
    first, second = read_germeval(path)
    assert first.words == ["Angela", "Merkel", "besuchte", "Paris", "."]
    assert first.comments == ["#\thttp://de.wikipedia.org/wiki/Beispiel\t[2009-10-23]"]
    assert [r.outer for r in second.rows][5:7] == ["B-ORG", "I-ORG"]
    assert second.rows[5].inner == "B-LOCderiv"


def test_germeval_round_trip_through_the_command(tmp_path: Path) -> None:
    source = tmp_path / "in.tsv"
    source.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out.tsv"
    assert main(["ner", str(source), "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#\thttp://de.wikipedia.org/wiki/Beispiel\t[2009-10-23]"
    assert lines[1:3] == ["1\tAngela\tB-PER\tO", "2\tMerkel\tI-PER\tO"]
    assert lines[6] == "" and lines[7].startswith("#\thttp://example.org/zwei")
    read_back = read_germeval(out)
    assert [s.words for s in read_back] == [s.words for s in read_germeval(source)]
    assert all(row.inner == "O" for s in read_back for row in s.rows)


def test_malformed_germeval_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("1\tAngela\tB-PER\tO\nMerkel\n", encoding="utf-8")
    with pytest.raises(GermEvalFormatError, match=r"bad\.tsv, line 2"):
        read_germeval(path)
    assert main(["ner", str(path)]) == 1


def test_tokens_without_tags_are_read() -> None:
    [sentence] = parse_germeval("1\tAngela\n2\tMerkel\n")
    assert sentence.words == ["Angela", "Merkel"] and sentence.rows[0].outer == "O"
