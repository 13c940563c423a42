"""Screenshots of the web UI for the README: ingests the bundled example into a new database, serves
it, and photographs each page with Playwright driving Debian's Chromium.

    python docs/screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = {  # file name -> path on the server (resolved after ingest)
    "web-search.png": "/?q=Arbeitsplatz* OR Standort OR Weltmarkt",
    "web-article.png": "/article/1",
    "web-actor.png": None,  # the most quoted actor
    "web-actors.png": "/actors",
    "web-network.png": "/network",
}
ANALYSE_EXAMPLE = ('"Wir lassen niemanden im Stich", sagte Bürgermeisterin Eva Schulz am Donnerstag in Kassel. '
                   "Die Stadtwerke erklärten, die Preise blieben stabil. Schulz betonte, der Haushalt sei solide.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from wortlaut.store import Store, ingest
    from wortlaut.web import WebConfig, create_app

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "example.db"
        ingest([str(ROOT / "examples")], db, progress=False)
        with Store(db, readonly=True) as store:
            top = store.actors(1)[0]["id"]
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(WebConfig(db)), port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1100, "height": 800})
            for name, path in PAGES.items():
                page.goto(f"http://127.0.0.1:{port}{path or f'/actor/{top}'}")
                page.screenshot(path=args.out / name)
                print(args.out / name)
            page.goto(f"http://127.0.0.1:{port}/analyse")
            page.fill("textarea[name=text]", ANALYSE_EXAMPLE)
            page.fill("input[name=date]", "2025-03-14")
            page.click("button[type=submit]")
            page.wait_for_selector(".analysed")
            page.screenshot(path=args.out / "web-analyse.png")
            print(args.out / "web-analyse.png")
            browser.close()
        server.should_exit = True


if __name__ == "__main__":
    main()
