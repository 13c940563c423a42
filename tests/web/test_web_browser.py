"""The web UI in a real browser (Playwright driving Debian's Chromium, headless): search → article,
the actor page's plot, and a hostile article that must not run its script.  Screenshots go to the
test's temporary folder.  Skipped where Playwright or /usr/bin/chromium is missing (CI installs both)."""

from __future__ import annotations

from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    opened = browser.new_page(viewport={"width": 1200, "height": 900})
    yield opened
    opened.close()


def test_search_finds_a_statement_and_follows_it_to_the_highlighted_article(server, page, tmp_path):
    page.goto(server + "/")
    page.fill("input[name=q]", "Brücke")
    page.click("button[type=submit]")
    assert "q=Br%C3%BCcke" in page.url  # the query is in the URL, so a result can be shared
    hit = page.locator("li.statement").first
    assert hit.locator("mark").first.inner_text() == "Brücke"
    page.screenshot(path=tmp_path / "search.png", full_page=True)
    hit.locator("a.content").click()
    page.wait_for_url("**/article/**")
    assert page.locator(".text .speaker").count() >= 1 and page.locator(".text .content").count() >= 1
    assert page.locator(".text .cue").count() >= 1 and page.locator(".text .time").count() >= 1
    target = page.url.split("#")[1]
    assert page.locator(f"#{target}").is_visible()
    assert "Hans Meier" in page.locator(f"#{target}").inner_text()
    page.screenshot(path=tmp_path / "article.png", full_page=True)


def test_the_actor_page_shows_statements_over_time(server, page, tmp_path):
    page.goto(server + "/actors")
    page.locator("table.actors a").first.click()
    page.wait_for_url("**/actor/**")
    assert page.locator("figure.timeline svg rect.bar").count() >= 1
    assert page.locator("li.statement").count() >= 1
    page.screenshot(path=tmp_path / "actor.png", full_page=True)


def test_a_hostile_article_does_not_run_its_script(server, page, tmp_path):
    page.goto(server + "/?q=Brücke OR HTML OR Link")
    article = page.locator("li.statement a.content").first.get_attribute("href").split("#")[0]
    for url in ("/?q=Brücke OR HTML OR Link", article):
        page.goto(server + url)
        page.wait_for_load_state("load")
        assert page.evaluate("window.pwned") is None, url
    assert "<script>window.pwned = 1</script>" in page.locator(".article .text").inner_text()
    assert page.locator(".article .text img, .article .text b, .article .text textarea").count() == 0
    page.screenshot(path=tmp_path / "hostile.png", full_page=True)


def test_the_network_page_draws_nodes_and_offers_the_files(server, page, tmp_path):
    page.goto(server + "/network?kind=actor-concept")
    assert page.locator("figure.network svg g.node.actor").count() >= 1
    assert page.locator("figure.network svg g.node.concept").count() >= 1
    assert page.locator("figure.network svg line.edge").count() >= 1
    assert page.locator("a.download").count() == 3
    page.screenshot(path=tmp_path / "network.png", full_page=True)


def test_the_analyse_page_highlights_a_pasted_article(server, page, tmp_path):
    page.goto(server + "/analyse")
    page.fill("textarea[name=text]", '"Wir bauen die Brücke", sagte Bürgermeisterin Eva Schulz am Montag. '
                                     "Die Stadt erklärte, die Kosten stiegen. <img src=x onerror=\"window.pwned=1\">")
    page.fill("input[name=date]", "2025-03-10")
    page.click("button[type=submit]")
    page.wait_for_selector(".analysed")
    assert page.locator(".analysed .text .speaker").count() >= 2
    assert page.locator(".analysed .text .content").count() >= 2
    assert "Eva Schulz" in page.locator(".analysed ol.statements").inner_text()
    assert '"statements"' in page.locator(".analysed pre").inner_text()
    assert page.evaluate("window.pwned") is None
    page.screenshot(path=tmp_path / "analyse.png", full_page=True)


def test_corrections_made_in_the_browser_survive_a_reingest(browser, tmp_path):
    from conftest import HOSTILE, serving

    from wortlaut.store import ingest

    folder, db = tmp_path / "articles", tmp_path / "edit.db"
    folder.mkdir()
    article = folder / "meier.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    ingest([str(folder)], db, date="2025-03-10", progress=False)
    page = browser.new_page()
    with serving(db, edit=True) as url:
        page.goto(url + "/?q=Brücke")
        page.locator("li.statement a.content").first.click()
        statement = page.url.split("#")[1]
        page.fill(f"#{statement} input[name=speaker]", "Eva Schulz")
        page.click(f"#{statement} form[action$='/speaker'] button")
        page.wait_for_load_state("load")
        assert "Eva Schulz" in page.locator(f"#{statement}").inner_text()
        page.screenshot(path=tmp_path / "corrected.png", full_page=True)
        article.unlink()  # the article leaves the store ...
        ingest([str(folder)], db, progress=False, prune=True)
        article.write_text(HOSTILE, encoding="utf-8")  # ... and comes back, analysed anew
        ingest([str(folder)], db, date="2025-03-10", progress=False)
        page.goto(url + "/?q=Brücke")
        assert page.locator("li.statement .actor").first.inner_text() == "Eva Schulz"
    page.close()
