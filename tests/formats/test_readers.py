"""Reading articles: seed format, plain text, JSONL, HTML, SpkAtt JSON, and every way a file can be bad."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from wortlaut.formats import InputError, read_file

ARTICLE = "Merkel sagte am Freitag, die Lage sei ernst. Scholz widersprach."


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def assert_input_error(path: Path, fragment: str, **options) -> InputError:
    with pytest.raises(InputError) as caught:
        read_file(path, **options)
    assert str(path) in str(caught.value)
    assert fragment in str(caught.value)
    return caught.value


def test_seed_format(tmp_path):
    path = write(tmp_path, "seed.txt", f"date 2025-09-05 {ARTICLE}\n\nZweiter Absatz Er kam.\n")
    [doc] = read_file(path)
    assert doc.date == dt.date(2025, 9, 5)
    assert doc.text.startswith("Merkel sagte")
    assert doc.text.endswith("Er kam.")
    assert doc.glued_headings
    assert doc.id == "seed"
    assert doc.source == str(path)


def test_plain_text_needs_a_date(tmp_path):
    path = write(tmp_path, "artikel.txt", ARTICLE)
    assert_input_error(path, "--date")
    [doc] = read_file(path, date="2025-09-05")
    assert doc.text == ARTICLE
    assert doc.date == dt.date(2025, 9, 5)
    assert not doc.glued_headings


def test_jsonl_records(tmp_path):
    lines = [
        {"id": "a1", "date": "2025-09-05", "title": "Eins", "text": ARTICLE},
        {"id": "a2", "date": "2025-09-04", "text": "Scholz sagte, er komme."},
    ]
    path = write(tmp_path, "artikel.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n")
    first, second = read_file(path)
    assert (first.id, first.date, first.title, first.text) == ("a1", dt.date(2025, 9, 5), "Eins", ARTICLE)
    assert (second.id, second.date, second.title) == ("a2", dt.date(2025, 9, 4), None)


def test_jsonl_bad_line_names_file_and_line(tmp_path):
    good = json.dumps({"id": "a1", "date": "2025-09-05", "text": ARTICLE})
    path = write(tmp_path, "artikel.jsonl", good + "\n{kaputt\n")
    assert_input_error(path, f"{path}:2")


def test_jsonl_line_without_text(tmp_path):
    path = write(tmp_path, "artikel.jsonl", json.dumps({"id": "a1", "date": "2025-09-05"}) + "\n")
    assert_input_error(path, f"{path}:1")


HTML = """<!DOCTYPE html>
<html lang="de"><head>
<title>Putin warnt vor Truppen</title>
<meta property="article:published_time" content="2025-09-05T10:00:00+02:00">
</head><body><article>
<h1>Putin warnt vor Truppen</h1>
<p>Der russische Präsident Wladimir Putin hat am Freitag vor der Entsendung westlicher Truppen in die Ukraine
gewarnt. Solche Truppen seien ein legitimes Ziel, sagte er bei einem Wirtschaftsforum in Wladiwostok.</p>
<p>Kreml-Sprecher Dmitri Peskow sagte, die NATO sehe Russland als Feind. Auch Russland brauche Garantien
für seine Sicherheit, betonte er gegenüber der Nachrichtenagentur Interfax.</p>
<p>US-Präsident Donald Trump will nach eigenen Angaben bald erneut mit Putin sprechen. Er sagte vor Reportern,
er habe viele Kriege beigelegt, dieser Konflikt sei jedoch der schwierigste.</p>
</article></body></html>
"""


def test_html_page(tmp_path):
    path = write(tmp_path, "seite.html", HTML)
    [doc] = read_file(path)
    assert doc.date == dt.date(2025, 9, 5)
    assert doc.title == "Putin warnt vor Truppen"
    assert "legitimes Ziel" in doc.text
    assert "Peskow" in doc.text
    assert "<p>" not in doc.text


def test_html_without_text(tmp_path):
    path = write(tmp_path, "leer.html", "<html><head><title>Leer</title></head><body><div></div></body></html>")
    assert_input_error(path, "no article text")


SPKATT_TOKENS = [["``", "Das", "ist", "gut", "''", ",", "sagte", "Merkel", "."],
                 ["Sie", "kommt", "aus", "Hamburg", "."]]


def spkatt_file(tmp_path: Path, name: str = "Artikel (2025-09-05).json") -> Path:
    data = {"DocumentName": name.removesuffix(".json"),
            "Sentences": [{"SentenceId": n, "Tokens": t} for n, t in enumerate(SPKATT_TOKENS)],
            "Annotations": []}
    return write(tmp_path, name, json.dumps(data, ensure_ascii=False))


def test_spkatt_json_keeps_tokens_and_takes_the_date_from_the_file_name(tmp_path):
    [doc] = read_file(spkatt_file(tmp_path))
    assert doc.given_tokens == SPKATT_TOKENS
    assert doc.date == dt.date(2025, 9, 5)
    assert doc.text.split("\n") == [" ".join(t) for t in SPKATT_TOKENS]


def test_spkatt_json_without_date(tmp_path):
    assert_input_error(spkatt_file(tmp_path, "Artikel.json"), "date")
    [doc] = read_file(spkatt_file(tmp_path, "Artikel.json"), date="2025-01-02")
    assert doc.date == dt.date(2025, 1, 2)


@pytest.mark.parametrize("content, fragment", [
    ("", "empty file"),
    ("  \n\n ", "empty file"),
    (b"Die Stra\xdfe ist gesperrt.", "not UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("date 2025-02-30 Merkel sagte, die Lage sei ernst.", "impossible date"),
    ("date 2025-09-05   \n", "no article text"),
])
def test_bad_files(tmp_path, content, fragment):
    assert_input_error(write(tmp_path, "kaputt.txt", content), fragment)


def test_missing_file(tmp_path):
    assert_input_error(tmp_path / "fehlt.txt", "no such file")


def test_too_long_article_is_refused_not_cut(tmp_path):
    path = write(tmp_path, "lang.txt", f"date 2025-09-05 {ARTICLE}")
    assert_input_error(path, "too large", max_chars=20)
    [doc] = read_file(path, max_chars=1000)
    assert doc.text == ARTICLE


def test_bad_date_option(tmp_path):
    path = write(tmp_path, "artikel.txt", ARTICLE)
    assert_input_error(path, "impossible date", date="2025-13-01")


def test_windows_line_endings_and_bom(tmp_path):
    path = write(tmp_path, "artikel.txt", "\ufeffErster Absatz.\r\n\r\nZweiter Absatz.\r\n".encode("utf-8"))
    [doc] = read_file(path, date="2025-09-05")
    assert doc.text == "Erster Absatz.\n\nZweiter Absatz."


# -- issue 15: hostile input ---------------------------------------------------------------------


def test_lone_surrogate_is_replaced_and_counted(tmp_path):
    good = json.dumps({"id": "a2", "date": "2025-09-05", "text": ARTICLE})
    path = write(tmp_path, "a.jsonl", '{"id": "a1", "date": "2025-09-05", "text": "Er sagte \\ud800 ja."}\n' + good + "\n")
    first, second = read_file(path)
    assert first.text == "Er sagte \ufffd ja." and first.text.encode("utf-8")
    assert first.warnings == ["1 invalid character (lone surrogates) replaced"]
    assert second.text == ARTICLE and second.warnings == []


def test_mixed_jsonl_reports_each_bad_line_and_keeps_the_good_ones(tmp_path):
    from wortlaut.formats import read_articles

    good = [json.dumps({"id": f"a{i}", "date": "2025-09-05", "text": ARTICLE}) for i in range(3)]
    path = write(tmp_path, "a.jsonl", "\n".join([good[0], "{kaputt", good[1], '{"text": "ohne Datum"}', good[2]]) + "\n")
    problems: list[InputError] = []
    docs = list(read_articles(path, on_error=problems.append))
    assert [doc.id for doc in docs] == ["a0", "a1", "a2"]
    assert [(p.path, p.problem.split(":")[0]) for p in problems] == [
        (f"{path}:2", "invalid JSON"), (f"{path}:4", "missing 'date' field (or give --date YYYY-MM-DD)")]
    assert_input_error(path, f"{path}:2")  # read_file stays strict


def test_long_jsonl_is_read_line_by_line(tmp_path):
    from wortlaut.formats import read_articles

    line = json.dumps({"date": "2025-09-05", "text": ARTICLE + " " + "Wort " * 2000})
    path = write(tmp_path, "a.jsonl", "\n".join([line] * 40) + "\n{kaputt\n")  # > the 64 KiB first read
    problems: list[InputError] = []
    docs = read_articles(path, on_error=problems.append)
    first = next(docs)
    assert first.id == "a-1" and not problems  # the first article before the bad last line is read
    assert len(list(docs)) == 39 and [p.path for p in problems] == [f"{path}:41"]


def test_fifo_is_refused_instead_of_hanging(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert_input_error(fifo, "not a regular file", date="2025-09-05")


def test_utf16_with_bom_is_decoded(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE.encode("utf-16"))
    [doc] = read_file(path, date="2025-09-05")
    assert doc.text == ARTICLE


@pytest.mark.parametrize("content", [b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n", "\ufeff".encode("utf-16")])
def test_bom_only_file_is_reported_empty(tmp_path, content):
    assert_input_error(write(tmp_path, "a.txt", content), "empty file", date="2025-09-05")
