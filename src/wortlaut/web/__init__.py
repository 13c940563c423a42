"""The web UI: ``wortlaut serve`` opens a corpus database in the browser — search, highlighted
articles, actor pages — with a JSON API under ``/api/`` for the same queries.

Modules: :mod:`.app` (routes, parameter checks, templates), :mod:`.highlight` (an article's text
in runs marked by statement part, time and place), :mod:`.plot` (statements per month as SVG).
"""

from .app import WebConfig, create_app

__all__ = ["WebConfig", "create_app"]
