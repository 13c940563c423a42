"""WARC input (CC-NEWS style): each HTML response is an article with its URL, outlet and date."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json

import pytest

from wortlaut.cli import main
from wortlaut.formats import InputError, read_file
from wortlaut.formats.warc import outlet_of

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = """<!DOCTYPE html>
<html lang="de"><head><title>{title}</title>{meta}</head><body><article>
<h1>{title}</h1>
<p>{body}</p>
<p>Die Stadtverwaltung von Lindenfeld hat am Dienstag neue Pläne für den Busverkehr vorgestellt. Die Linien sollen
künftig öfter fahren, und an den Haltestellen sollen Anzeigen die Wartezeit nennen.</p>
</article></body></html>
"""

EMPTY_PAGE = "<html><head><title>Leer</title></head><body><div></div></body></html>"
PAGES = [  # (url, title, meta, body, crawl time)
    ("https://www.lindenfelder-bote.de/stadt/busse.html", "Neue Buslinien für Lindenfeld",
     '<meta property="article:published_time" content="2024-03-12T09:00:00+01:00">',
     ("Bürgermeisterin Anna Kessler sagte, der Bus müsse schneller sein als das Auto. „Wir wollen, dass die Menschen "
      "umsteigen“, sagte Kessler bei der Vorstellung im Rathaus."), "2024-03-14T08:00:00Z"),
    ("https://nachrichten.example.de/region/lindenfeld-2", "Kritik am Busplan",
     "",  # no date in the page: the crawl date is taken
     "Der Fahrgastverband kritisierte die Pläne. Sein Vorsitzender Jonas Brandt sagte, die Preise seien zu hoch.",
     "2024-03-15T10:30:00Z"),
]


def warc_bytes(pages=PAGES, *, extra_records: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, title, meta, body, crawled in pages:
        page = EMPTY_PAGE if body is None else PAGE.format(title=title, meta=meta, body=body)
        html = page.encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": crawled}))
        if extra_records:  # a request record and an image: no articles
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url + ".png", "response", payload=io.BytesIO(b"\x89PNG"),
                                                          http_headers=image))
    return buffer.getvalue()


def write_warc(folder, name="crawl.warc.gz", pages=PAGES):
    path = folder / name
    path.write_bytes(warc_bytes(pages))
    return path


def test_each_html_response_is_an_article(tmp_path):
    docs = read_file(write_warc(tmp_path))
    assert [doc.id for doc in docs] == [page[0] for page in PAGES]
    assert [doc.source for doc in docs] == [page[0] for page in PAGES]  # the URL, not the file
    assert docs[0].title == "Neue Buslinien für Lindenfeld"
    assert "Anna Kessler" in docs[0].text and "<p>" not in docs[0].text


def test_date_from_the_page_else_the_crawl(tmp_path):
    first, second = read_file(write_warc(tmp_path))
    assert first.date == dt.date(2024, 3, 12)  # article:published_time
    assert second.date == dt.date(2024, 3, 15)  # WARC-Date


def test_uncompressed_warc_and_outlet(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(gzip.decompress(warc_bytes()))
    assert len(read_file(path)) == 2
    assert outlet_of(PAGES[1][0]) == "nachrichten.example.de"
    assert outlet_of(str(path)) is None


def test_page_without_text_is_reported_and_skipped(tmp_path):
    empty = ("https://leer.example.de/", "Leer", "", None, "2024-03-16T00:00:00Z")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes([empty, *PAGES], extra_records=False))
    with pytest.raises(InputError) as raised:
        read_file(path)
    assert "leer.example.de" in str(raised.value)
    from wortlaut.formats import read_articles

    problems = []
    docs = list(read_articles(path, on_error=problems.append))
    assert len(docs) == 2 and len(problems) == 1


def test_not_a_warc_file(tmp_path):
    path = tmp_path / "kaputt.warc.gz"
    path.write_bytes(gzip.compress(b"this is no WARC record\n"))
    with pytest.raises(InputError, match="kaputt.warc.gz"):
        read_file(path)


def test_analyze_reads_warc(tmp_path, capsys):
    path = write_warc(tmp_path)
    assert main(["analyze", str(path), "--json", "--jsonl", "--rules-only"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [record["source"] for record in records] == [page[0] for page in PAGES]
    assert any(s["speaker"] and "Kessler" in s["speaker"]["text"] for s in records[0]["statements"])


def test_ingest_reads_warc(tmp_path):
    from wortlaut.pipeline import RULES_PIPELINE, Options
    from wortlaut.store import ingest

    summary = ingest([write_warc(tmp_path)], tmp_path / "corpus.db", options=Options(pipeline=RULES_PIPELINE),
                     progress=False)
    assert summary.articles_added == 2 and summary.failed == 0
