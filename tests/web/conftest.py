"""A corpus database built by the real ingest from the bundled example and a hostile article, and
the web UI served from it on a free port (uvicorn in a thread)."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from wortlaut.store import ingest
from wortlaut.web import WebConfig, create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HOSTILE = (
    'Der Bürgermeister Hans Meier sagte am Montag: "<script>window.pwned = 1</script> Wir bauen die Brücke." '
    'Die Stadtverwaltung erklärte, der Link <a href="javascript:window.pwned=2">hier</a> sei falsch. '
    'Meier betonte, <img src=x onerror="window.pwned=3"> und </textarea><b>fett</b> seien kein HTML.'
)


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    for example in EXAMPLES.glob("*.txt"):
        (folder / example.name).write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path_factory.mktemp("store") / "corpus.db"
    summary = ingest([str(folder)], db, date="2025-03-10", progress=False)
    assert summary.failed == 0
    return db


@contextmanager
def serving(db: Path, *, edit: bool = False):
    """The web UI for ``db`` on a free port (uvicorn in a thread); yields its base URL."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(WebConfig(db, edit=edit)), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def server(corpus_db):
    with serving(corpus_db) as url:
        yield url
