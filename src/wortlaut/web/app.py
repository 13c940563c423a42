"""The web application: pages and a JSON API over one corpus database, opened read-only.

Every page is rendered on the server by Jinja2 with autoescaping on; article text reaches the
page only through escaped template variables.  Parameters are checked before any query runs:
a bad value is a 400 page naming it, a missing article or actor a 404, never a server error.
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..de.speech_acts import speech_acts
from ..formats import document_to_dict
from ..model import DATE_SOURCES
from ..pipeline import analyze
from ..store import Store, StoreError
from ..store.browse import actor as actor_profile
from ..store.browse import article as article_view
from ..store.cli import date_bound
from ..store.network import FORMATS as NETWORK_FORMATS
from ..store.network import KINDS as NETWORK_KINDS
from ..store.network import write_network
from ..store.queries import FORMS, MARK_END, MARK_START, statement_page, top_actors
from .highlight import MARKS, ROLES, runs
from .network_svg import heaviest, network_svg
from .plot import monthly_bars

HERE = Path(__file__).parent
PAGE_SIZE = 50
MAX_PAGE = 10_000  # deeper pages are refused, not computed
MAX_QUERY_CHARS = 500
MAX_ANALYSE_CHARS = 50_000  # one pasted article (a few seconds of analysis)
DOWNLOAD_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "csv": "text/csv"}


@dataclass(frozen=True)
class WebConfig:
    db: Path
    edit: bool = False  # corrections allowed: the correction forms write to the database


def marked(text: str | None) -> Markup:
    """Statement content with the words a search matched in <mark>; everything else escaped."""
    escaped = str(escape(text or ""))
    return Markup(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def create_app(config: WebConfig) -> Starlette:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True
    templates.env.filters["marked"] = marked

    def store() -> Store:
        try:
            return Store(config.db, readonly=True)
        except StoreError as error:
            raise HTTPException(503, str(error)) from None

    csrf = secrets.token_urlsafe(32)  # one per server run, in every correction form

    def render(request: Request, name: str, status: int = 200, **context) -> Response:
        return templates.TemplateResponse(
            request, name, {"paging": paging_link(request), "edit": config.edit, "csrf": csrf, **context},
            status_code=status)

    async def correction(request: Request, change, redirect: str) -> Response:
        """Check the form's CSRF token, make ``change(store, form)`` in the writable store, go on
        to ``redirect``."""
        form = await small_form(request, 10_000)
        if not hmac.compare_digest(form.get("csrf", ""), csrf):
            raise HTTPException(403, "the form has expired or did not come from this page; reload it")
        def apply() -> None:  # in a worker thread: the connection must live and die there
            with Store(config.db) as writable:
                change(writable, form)

        try:
            await run_in_threadpool(apply)
        except StoreError as error:
            raise HTTPException(400, str(error)) from None
        return RedirectResponse(redirect, status_code=303)

    async def correct_speaker(request: Request) -> Response:
        statement_id = request.path_params["statement_id"]
        article_id = statement_article(statement_id)
        return await correction(request, lambda store, form: store.correct_speaker(statement_id, form.get("speaker", "")),
                                f"/article/{article_id}#s{statement_id}")

    async def reject(request: Request) -> Response:
        statement_id = request.path_params["statement_id"]
        article_id = statement_article(statement_id)
        return await correction(request, lambda store, _: store.reject_statement(statement_id),
                                f"/article/{article_id}#s{statement_id}")

    async def rename_actor(request: Request) -> Response:
        name = actor_name(request.path_params["actor_id"])
        return await correction(request, lambda store, form: store.add_rule("rename", name, form.get("name", "")),
                                "/actors")

    async def merge_actor(request: Request) -> Response:
        name = actor_name(request.path_params["actor_id"])
        return await correction(request, lambda store, form: store.add_rule("merge", name, form.get("into", "")),
                                "/actors")

    def found_or_404(lookup, key: int, missing: str):
        """What ``lookup(connection, key)`` finds; a 404 saying ``missing`` when it finds nothing."""
        with store() as opened:
            found = lookup(opened.conn, key)
        if found is None:
            raise HTTPException(404, missing)
        return found

    def one_value(sql: str):
        """A lookup of the one value ``sql`` selects for a key (None without a row)."""
        return lambda conn, key: next(iter(conn.execute(sql, (key,)).fetchone() or ()), None)

    def statement_article(statement_id: int) -> int:
        return found_or_404(one_value("SELECT article_id FROM statements WHERE id = ?"), statement_id,
                            "no such statement")

    def actor_name(actor_id: int) -> str:
        return found_or_404(one_value("SELECT name FROM actors WHERE id = ?"), actor_id, "no such actor")

    def article_or_404(article_id: int) -> dict:
        return found_or_404(article_view, article_id, "no such article")

    def actor_or_404(actor_id: int) -> dict:
        return found_or_404(actor_profile, actor_id, "no such actor")

    async def search_page(request: Request) -> Response:
        filters, page = statement_filters(request)
        with store() as opened:
            rows, more = page_of_statements(opened, filters, page)
        return render(request, "search.html", rows=rows, more=more, page=page, filters=filters,
                      forms=FORMS, date_sources=DATE_SOURCES, acts=list(speech_acts()), query_string=request.url.query)

    async def article_page(request: Request) -> Response:
        found = article_or_404(request.path_params["article_id"])
        return render(request, "article.html", article=found, roles=ROLES, marks=MARKS,
                      runs=runs(found["text"], found["statements"], found["times"], found["places"]))

    async def actor_page(request: Request) -> Response:
        filters, page = statement_filters(request)
        found = actor_or_404(request.path_params["actor_id"])
        with store() as opened:
            rows, more = page_of_statements(opened, {**filters, "actor_id": found["id"]}, page)
        return render(request, "actor.html", actor=found, plot=Markup(monthly_bars(found["months"])),
                      rows=rows, more=more, page=page)

    async def actors_page(request: Request) -> Response:
        with store() as opened:
            actors = top_actors(opened.conn, 200)
        return render(request, "actors.html", actors=actors)

    async def network_page(request: Request) -> Response:
        kind, filters = network_filters(request)
        with store() as opened:
            graph = opened.network(kind, **filters)
        drawn = heaviest(graph)
        return render(request, "network.html", kind=kind, kinds=NETWORK_KINDS, formats=NETWORK_FORMATS,
                      filters=filters, nodes=graph.number_of_nodes(), edges=graph.number_of_edges(),
                      drawn=drawn.number_of_nodes(), svg=Markup(network_svg(drawn)), query_string=request.url.query)

    async def network_download(request: Request) -> Response:
        fmt = request.path_params["fmt"]
        if fmt not in NETWORK_FORMATS:
            raise HTTPException(404, f"no network format {fmt!r}; known: {', '.join(NETWORK_FORMATS)}")
        kind, filters = network_filters(request)
        with store() as opened:
            graph = opened.network(kind, **filters)
        out = io.BytesIO()
        write_network(graph, out, fmt)
        return Response(out.getvalue(), media_type=DOWNLOAD_TYPES[fmt],
                        headers={"Content-Disposition": f'attachment; filename="{kind}.{fmt}"'})

    async def analyse_page(request: Request) -> Response:
        if request.method == "GET":
            return render(request, "analyse.html", limit=MAX_ANALYSE_CHARS, text="", date="")
        form = await small_form(request, MAX_ANALYSE_CHARS * 4 + 1000)  # UTF-8 and URL encoding
        text, date = form.get("text", "").replace("\r\n", "\n"), form.get("date", "").strip()
        if not text.strip():
            raise HTTPException(400, "paste an article's text")
        if len(text) > MAX_ANALYSE_CHARS:
            raise HTTPException(413, f"the text has {len(text):,} characters; the limit is {MAX_ANALYSE_CHARS:,}")
        try:
            day = dt.date.fromisoformat(date) if date else None
        except ValueError:
            raise HTTPException(400, f"bad date {date!r}: use YYYY-MM-DD") from None
        doc = await run_in_threadpool(analyze, text, day)
        result = document_to_dict(doc)
        spans = [statement_spans(s) for s in result["statements"]]
        return render(request, "analyse.html", limit=MAX_ANALYSE_CHARS, text=text, date=date, result=result,
                      runs=runs(doc.text, spans, result["times"], result["places"]), roles=ROLES, marks=MARKS,
                      result_json=json.dumps(result, ensure_ascii=False, indent=1))

    async def api_statements(request: Request) -> Response:
        filters, page = statement_filters(request)
        with store() as opened:
            rows, more = page_of_statements(opened, filters, page)
        for row in rows:
            row.pop("marked", None)
        return JSONResponse({"page": page, "more": more, "statements": rows})

    async def api_article(request: Request) -> Response:
        return JSONResponse(article_or_404(request.path_params["article_id"]))

    async def api_actor(request: Request) -> Response:
        return JSONResponse(actor_or_404(request.path_params["actor_id"]))

    async def http_error(request: Request, error: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": error.detail}, status_code=error.status_code)
        return render(request, "error.html", status=error.status_code, status_code=error.status_code,
                      message=error.detail)

    routes = [
        Route("/", search_page),
        Route("/article/{article_id:int}", article_page),
        Route("/actor/{actor_id:int}", actor_page),
        Route("/actors", actors_page),
        Route("/network", network_page),
        Route("/analyse", analyse_page, methods=["GET", "POST"]),
        Route("/network.{fmt}", network_download),
        Route("/api/statements", api_statements),
        Route("/api/articles/{article_id:int}", api_article),
        Route("/api/actors/{actor_id:int}", api_actor),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    if config.edit:
        routes += [
            Route("/statement/{statement_id:int}/speaker", correct_speaker, methods=["POST"]),
            Route("/statement/{statement_id:int}/reject", reject, methods=["POST"]),
            Route("/actor/{actor_id:int}/rename", rename_actor, methods=["POST"]),
            Route("/actor/{actor_id:int}/merge", merge_actor, methods=["POST"]),
        ]
    return Starlette(routes=routes, exception_handlers={HTTPException: http_error})


def statement_filters(request: Request) -> tuple[dict, int]:
    """The search parameters of ``request`` checked and converted (a 400 for a bad one) and the page."""
    params = request.query_params
    query = params.get("q", "").strip()
    if len(query) > MAX_QUERY_CHARS:
        raise HTTPException(400, f"the search is longer than {MAX_QUERY_CHARS} characters")
    try:
        filters = {"query": query or None, "speaker": params.get("speaker", "").strip() or None,
                   "date_from": date_bound(params.get("from") or None, end=False),
                   "date_to": date_bound(params.get("to") or None, end=True)}
    except StoreError as error:
        raise HTTPException(400, str(error)) from None
    form = params.get("form") or None
    if form is not None and form not in FORMS:
        raise HTTPException(400, f"unknown form {form!r}; known: {', '.join(FORMS)}")
    sources = [source for source in params.getlist("date_source") if source]
    if any(source not in DATE_SOURCES for source in sources):
        raise HTTPException(400, f"unknown date source; known: {', '.join(DATE_SOURCES)}")
    acts = [act for act in params.getlist("act") if act]
    if any(act not in speech_acts() for act in acts):
        raise HTTPException(400, f"unknown speech act; known: {', '.join(speech_acts())}")
    filters.update(form=form, date_sources=sources or None, acts=acts or None,
                   min_confidence=_number(params.get("min_confidence"), "min_confidence", 0.0, 1.0),
                   resolved_only=params.get("resolved_only") in {"1", "on", "true"})
    page = int(_number(params.get("page") or "1", "page", 1, MAX_PAGE, whole=True))
    return filters, page


def network_filters(request: Request) -> tuple[str, dict]:
    """The network page's parameters checked: kind, date range, minimum edge weight, speaker confidence."""
    params = request.query_params
    kind = params.get("kind") or NETWORK_KINDS[0]
    if kind not in NETWORK_KINDS:
        raise HTTPException(400, f"unknown network kind {kind!r}; known: {', '.join(NETWORK_KINDS)}")
    try:
        filters = {"date_from": date_bound(params.get("from") or None, end=False),
                   "date_to": date_bound(params.get("to") or None, end=True)}
    except StoreError as error:
        raise HTTPException(400, str(error)) from None
    filters["min_weight"] = int(_number(params.get("min_weight") or "1", "min_weight", 1, 10**6, whole=True))
    filters["min_confidence"] = _number(params.get("min_confidence"), "min_confidence", 0.0, 1.0)
    return kind, filters


async def small_form(request: Request, limit: int) -> dict[str, str]:
    """A URL-encoded form body of at most ``limit`` bytes (a 413 beyond), as a dict of first values."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise HTTPException(413, f"the request is larger than {limit:,} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"the request is larger than {limit:,} bytes")
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400, "the form is not URL-encoded UTF-8") from None
    return {key: values[0] for key, values in fields.items()}


def statement_spans(statement: dict) -> dict:
    """A statement of the JSON output in the shape the highlighter reads (the store's columns)."""
    spans = {"id": statement["id"]}
    for role in ROLES:
        part = statement.get(role)
        spans[f"{role}_start"], spans[f"{role}_end"] = (part["start"], part["end"]) if part else (None, None)
    return spans


def paging_link(request: Request):
    """``paging(n)``: this page's query string asking for page ``n``."""
    def paging(number: int) -> str:
        kept = [(key, value) for key, value in request.query_params.multi_items() if key != "page"]
        return urlencode([*kept, ("page", str(number))])
    return paging


def _number(value: str | None, name: str, low: float, high: float, *, whole: bool = False) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = int(value) if whole else float(value)
    except ValueError:
        raise HTTPException(400, f"{name} must be a number, not {value!r}") from None
    if not low <= number <= high:
        raise HTTPException(400, f"{name} must lie between {low:g} and {high:g}")
    return number


def page_of_statements(store: Store, filters: dict, page: int) -> tuple[list[dict], bool]:
    try:
        return statement_page(store.conn, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE, **filters)
    except (StoreError, ValueError) as error:  # a malformed full-text query
        raise HTTPException(400, str(error)) from None
