"""The web app over HTTP (Starlette's test client, the real store): pages, the JSON API, escaping of
hostile article text, and 4xx answers to bad parameters."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from wortlaut.web import WebConfig, create_app


@pytest.fixture(scope="module")
def client(corpus_db):
    return TestClient(create_app(WebConfig(corpus_db)))


def hostile_article_id(client) -> int:
    [row] = [r for r in client.get("/api/statements", params={"q": "Brücke"}).json()["statements"]]
    return row["article_id"]


def test_search_lists_statements_with_the_matched_words_marked(client):
    page = client.get("/", params={"q": "Brücke"})
    assert page.status_code == 200
    assert "<mark>Brücke</mark>" in page.text
    assert client.get("/", params={"q": "Brücke", "speaker": "Niemand"}).text.count('class="statement"') == 0


def test_the_api_answers_the_same_queries_as_json(client):
    found = client.get("/api/statements", params={"q": "Brücke", "from": "2025-03", "to": "2025-03-31"}).json()
    assert found["page"] == 1 and found["more"] is False
    [statement] = found["statements"]
    assert statement["actor"] == "Hans Meier" and "Brücke" in statement["content"]
    article = client.get(f"/api/articles/{statement['article_id']}").json()
    assert any(s["id"] == statement["id"] for s in article["statements"])
    assert client.get(f"/api/actors/{statement['actor_id']}").json()["name"] == "Hans Meier"


@pytest.mark.parametrize("payload", ["<script>window.pwned = 1</script>", "<img src=x onerror=", "</textarea><b>"])
def test_hostile_article_text_is_escaped_in_every_page(client, payload):
    article_id = hostile_article_id(client)
    for url in (f"/article/{article_id}", "/?q=Brücke OR HTML OR Link", f"/actor/{client.get('/api/statements', params={'q': 'Brücke'}).json()['statements'][0]['actor_id']}"):
        text = client.get(url).text
        assert payload not in text, url
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in client.get(f"/article/{article_id}").text


@pytest.mark.parametrize(("url", "status"), [
    ("/?from=2025-13-01", 400), ("/?to=gestern", 400), ("/?page=0", 400), ("/?page=99999999", 400),
    ("/?page=zwei", 400), ("/?min_confidence=2", 400), ("/?form=poem", 400), ("/?date_source=yesterday", 400),
    ("/?q=Merz%20AND", 400), ("/?q=" + "x" * 600, 400), ("/article/999999", 404), ("/actor/999999", 404),
    ("/article/abc", 404), ("/api/statements?from=xx", 400), ("/api/articles/999999", 404),
])
def test_bad_parameters_get_a_4xx_answer_never_a_server_error(client, url, status):
    answer = client.get(url)
    assert answer.status_code == status
    if url.startswith("/api/"):
        assert "error" in answer.json()


def test_the_database_is_opened_read_only(client, corpus_db):
    import sqlite3

    before = sqlite3.connect(corpus_db).execute("SELECT COUNT(*) FROM statements").fetchone()[0]
    client.get("/", params={"q": "Brücke"})
    assert sqlite3.connect(corpus_db).execute("SELECT COUNT(*) FROM statements").fetchone()[0] == before
    assert client.post("/", data={"q": "x"}).status_code == 405


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
def test_network_downloads_are_what_the_cli_writes(client, corpus_db, tmp_path, fmt):
    from wortlaut.store.__main__ import main

    out = tmp_path / f"net.{fmt}"
    assert main(["network", "--kind", "actor-actor", "--db", str(corpus_db), "--out", str(out)]) == 0
    downloaded = client.get(f"/network.{fmt}", params={"kind": "actor-actor"})
    assert downloaded.status_code == 200 and "attachment" in downloaded.headers["content-disposition"]
    if fmt == "csv":  # GraphML and GEXF carry a timestamp or ids that may differ run to run
        assert downloaded.content == out.read_bytes()
    else:
        assert downloaded.content.count(b"<node ") == out.read_bytes().count(b"<node ")


def test_the_analyse_page_highlights_a_pasted_article_and_escapes_it(client):
    answer = client.post("/analyse", data={"text": 'Merkel sagte am Freitag, die <script>window.pwned=1</script> Lage sei ernst.',
                                           "date": "2025-09-05"})
    assert answer.status_code == 200
    assert '<span class="speaker"' in answer.text and '<span class="cue"' in answer.text
    assert "<script>window.pwned" not in answer.text and "&lt;script&gt;window.pwned=1" in answer.text
    assert "&#34;date_source&#34;: &#34;explicit&#34;" in answer.text  # the JSON beside it, escaped


@pytest.mark.parametrize(("data", "status"), [
    ({"text": ""}, 400), ({"text": "x" * 50_001}, 413), ({"text": "Er sagte, gut.", "date": "gestern"}, 400),
])
def test_the_analyse_page_refuses_what_it_cannot_take(client, data, status):
    assert client.post("/analyse", data=data).status_code == status


def test_request_bodies_have_a_size_limit(client):
    big = b"text=" + b"a" * 300_000
    assert client.post("/analyse", content=big, headers={"content-type": "application/x-www-form-urlencoded"}
                       ).status_code == 413


def test_corrections_need_edit_mode_and_a_csrf_token(client, corpus_db, tmp_path):
    import shutil

    statement = client.get("/api/statements", params={"q": "Brücke"}).json()["statements"][0]
    assert client.post(f"/statement/{statement['id']}/reject", data={"csrf": "x"}).status_code in {404, 405}
    copy = tmp_path / "edit.db"
    shutil.copy(corpus_db, copy)
    editing = TestClient(create_app(WebConfig(copy, edit=True)), follow_redirects=False)
    page = editing.get(f"/article/{statement['article_id']}").text
    token = page.split('name="csrf" value="')[1].split('"')[0]
    assert editing.post(f"/statement/{statement['id']}/reject", data={"csrf": "forged"}).status_code == 403
    assert editing.post("/statement/999999/reject", data={"csrf": token}).status_code == 404
    answer = editing.post(f"/statement/{statement['id']}/reject", data={"csrf": token})
    assert answer.status_code == 303 and answer.headers["location"].endswith(f"#s{statement['id']}")
    assert editing.get("/api/statements", params={"q": "Brücke"}).json()["statements"] == []
    assert client.get("/api/statements", params={"q": "Brücke"}).json()["statements"]  # the original is untouched


def test_actors_are_renamed_and_merged_from_their_page(corpus_db, tmp_path):
    import shutil

    copy = tmp_path / "edit.db"
    shutil.copy(corpus_db, copy)
    editing = TestClient(create_app(WebConfig(copy, edit=True)), follow_redirects=False)
    meier = editing.get("/api/statements", params={"q": "Brücke"}).json()["statements"][0]["actor_id"]
    token = editing.get(f"/actor/{meier}").text.split('name="csrf" value="')[1].split('"')[0]
    assert editing.post(f"/actor/{meier}/rename", data={"csrf": token, "name": "Hans Meier (SPD)"}).status_code == 303
    assert "Hans Meier (SPD)" in editing.get("/actors").text
    renamed = editing.get("/api/statements", params={"q": "Brücke"}).json()["statements"][0]["actor_id"]
    answer = editing.post(f"/actor/{renamed}/merge", data={"csrf": token, "into": "Niemand Bekanntes"})
    assert answer.status_code == 400 and "no actor named" in answer.text
    assert editing.post(f"/actor/{renamed}/merge", data={"csrf": token, "into": "Stadtverwaltung"}).status_code == 303
    actors = {editing.get("/api/statements", params={"q": words}).json()["statements"][0]["actor_id"]
              for words in ("Brücke", "Link")}
    assert len(actors) == 1  # Meier's and the Stadtverwaltung's statements now have one actor


def test_search_filters_by_speech_act(client):
    acts = {row["speech_act"] for row in client.get("/api/statements").json()["statements"]}
    assert acts and None not in acts
    act = sorted(acts)[0]
    rows = client.get("/api/statements", params={"act": act}).json()["statements"]
    assert rows and {row["speech_act"] for row in rows} == {act}
    assert client.get("/", params={"act": "schwafeln"}).status_code == 400
