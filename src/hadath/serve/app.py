"""FastAPI application: JSON API under /api, dashboard (static files) at /.

Read-only unless the operator sets a token (`hadath serve --token` or
HADATH_API_TOKEN); then POST /api/articles accepts article objects from holders
of the token (`Authorization: Bearer TOKEN`). Filters are checked by
hadath.store.filters and bound as SQL parameters; a bad one is a 400 naming it.
"""
from __future__ import annotations

import hmac
import json
from importlib import resources
from typing import Optional

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from ..store import EventFilter, FilterError, StoreBusy, StoreError, open_store
from ..stories.queries import list_stories, story_detail

MAX_BODY_BYTES = 20_000_000
MAX_POST_ARTICLES = 1000
# The dashboard needs nothing from elsewhere: forbid it all, which also blunts injected markup.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def static_folder() -> str:
    return str(resources.files("hadath") / "serve" / "static")


def create_app(db: str, token: Optional[str] = None, store=None) -> FastAPI:
    """The app over the store at `db`; POST is enabled only when `token` is set."""
    writable = bool(token)
    store = store or open_store(db, read_only=not writable, persistent=False, lock_timeout=10)
    app = FastAPI(title="hadath", version="1", docs_url=None, redoc_url=None,
                  description="Arabic news events: articles, entities, quotations, PLOVER/CAMEO events.")
    app.state.store = store

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError):
        return JSONResponse({"detail": str(exc), "param": exc.param}, status_code=400)

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy):
        return JSONResponse({"detail": "the store is busy with a write; retry shortly"},
                            status_code=503, headers={"Retry-After": "2"})

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return JSONResponse({"detail": "the store cannot be read"}, status_code=503)

    def event_filter(actor, country, plover, cameo, start, end, source, article=None,
                     every_report=False) -> EventFilter:
        return EventFilter.parse(actor=actor, country=country, plover=plover, cameo=cameo,
                                 start=start, end=end, outlet=source, article=article,
                                 every_report=every_report)

    F = dict(actor=Query(None, description="CAMEO actor code of either side (prefix: SYR matches SYRGOV)"),
             country=Query(None, description="ISO 3166-1 alpha-3 code of either side"),
             plover=Query(None, description="PLOVER event type, e.g. ASSAULT"),
             cameo=Query(None, description="CAMEO event code or prefix, e.g. 19"),
             start=Query(None, description="first day, YYYY-MM-DD (event date, else publication date)"),
             end=Query(None, description="last day, YYYY-MM-DD"),
             source=Query(None, description="outlet, as stored in the article's source"),
             every_report=Query(False, description="every report of an event; by default reports of "
                                                   "one event (same story, type, actors, place, "
                                                   "date ±1 day) count once"))

    @app.get("/api/overview", summary="Counts, outlets and date range")
    def overview():
        return store.overview()

    @app.get("/api/articles", summary="List or search articles (Arabic search is normalised)")
    def articles(q: Optional[str] = Query(None, description="words, all required; hamza, ta marbuta, "
                                                             "diacritics and case do not matter"),
                 source: Optional[str] = None, start: Optional[str] = None, end: Optional[str] = None,
                 limit: int = 20, offset: int = 0):
        return store.articles(q=q, source=source, start=start, end=end, limit=limit, offset=offset)

    @app.get("/api/articles/{store_id}", summary="One article with all its annotations")
    def article(store_id: int):
        found = store.article(store_id)
        if found is None:
            raise HTTPException(404, f"no article {store_id}")
        return found

    @app.post("/api/articles", status_code=201,
              summary="Add article objects (as `hadath extract` prints them); needs the operator's token")
    async def add_articles(request: Request):
        if not writable:
            raise HTTPException(403, "adding articles is disabled (the operator sets a token to allow it)")
        given = request.headers.get("authorization", "")
        if not given.startswith("Bearer ") or not hmac.compare_digest(given[7:].encode(), token.encode()):
            raise HTTPException(401, "missing or wrong token (Authorization: Bearer TOKEN)",
                                headers={"WWW-Authenticate": "Bearer"})
        body = bytearray()
        async for piece in request.stream():
            body += piece
            if len(body) > MAX_BODY_BYTES:
                raise HTTPException(413, f"request body over {MAX_BODY_BYTES // 1_000_000} MB")
        docs = _checked_articles(bytes(body))
        result = await run_in_threadpool(store.add, docs)
        return {"new": result.new, "skipped": result.skipped, "entities": result.entities,
                "quotes": result.quotes, "events": result.events}

    @app.get("/api/events", summary="Events with filters, newest first")
    def events(actor: Optional[str] = F["actor"], country: Optional[str] = F["country"],
               plover: Optional[str] = F["plover"], cameo: Optional[str] = F["cameo"],
               start: Optional[str] = F["start"], end: Optional[str] = F["end"],
               source: Optional[str] = F["source"], article: Optional[int] = None,
               every_report: bool = F["every_report"], limit: int = 50, offset: int = 0):
        f = event_filter(actor, country, plover, cameo, start, end, source, article, every_report)
        return store.events(f, limit=limit, offset=offset)

    @app.get("/api/dyads", summary="Events between two countries over time")
    def dyads(a: str = Query(..., description="ISO alpha-3"), b: str = Query(..., description="ISO alpha-3"),
              interval: str = Query("month", description="day, week or month"),
              directed: bool = Query(False, description="only events from a to b"),
              plover: Optional[str] = F["plover"], cameo: Optional[str] = F["cameo"],
              start: Optional[str] = F["start"], end: Optional[str] = F["end"],
              source: Optional[str] = F["source"], every_report: bool = F["every_report"]):
        f = event_filter(None, None, plover, cameo, start, end, source, every_report=every_report)
        return store.dyad(a, b, interval=interval, directed=directed, event_filter=f)

    @app.get("/api/dyads/top", summary="Country pairs with the most events")
    def top_dyads(limit: int = 20, start: Optional[str] = F["start"], end: Optional[str] = F["end"]):
        return store.top_dyads(limit, event_filter(None, None, None, None, start, end, None))

    @app.get("/api/network", summary="Actors and the events between them")
    def network(actor: Optional[str] = F["actor"], country: Optional[str] = F["country"],
                plover: Optional[str] = F["plover"], cameo: Optional[str] = F["cameo"],
                start: Optional[str] = F["start"], end: Optional[str] = F["end"],
                source: Optional[str] = F["source"], every_report: bool = F["every_report"],
                limit: int = 80):
        return store.network(event_filter(actor, country, plover, cameo, start, end, source,
                                          every_report=every_report), limit)

    @app.get("/api/places", summary="Places of events with coordinates, with counts")
    def places(actor: Optional[str] = F["actor"], country: Optional[str] = F["country"],
               plover: Optional[str] = F["plover"], cameo: Optional[str] = F["cameo"],
               start: Optional[str] = F["start"], end: Optional[str] = F["end"],
               source: Optional[str] = F["source"], every_report: bool = F["every_report"],
               limit: int = 300):
        return store.places(event_filter(actor, country, plover, cameo, start, end, source,
                                         every_report=every_report), limit)

    @app.get("/api/stories", summary="Stories: reports of one story grouped, latest first")
    def stories(q: Optional[str] = Query(None, description="words of any of the story's articles"),
                source: Optional[str] = F["source"], start: Optional[str] = F["start"],
                end: Optional[str] = F["end"], limit: int = 20, offset: int = 0):
        return list_stories(store, q=q, source=source, start=start, end=end, limit=limit, offset=offset)

    @app.get("/api/stories/{story_id}", summary="One story: its articles, copies, de-duplicated events")
    def story(story_id: str):
        found = story_detail(store, story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id[:40]}")
        return found

    @app.get("/api/quotes", summary="Quotations, by speaker")
    def quotes(speaker: Optional[str] = Query(None, description="speaker name, Arabic (normalised)"),
               limit: int = 50, offset: int = 0):
        return store.quotes(speaker=speaker, limit=limit, offset=offset)

    @app.get("/api/entities", summary="Entities by name (Arabic or Latin), with counts")
    def entities(name: Optional[str] = None, type: Optional[str] = None, country: Optional[str] = None,
                 limit: int = 50, offset: int = 0):
        return store.entities(name=name, type=type, country=country, limit=limit, offset=offset)

    folder = static_folder()

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(f"{folder}/index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return FileResponse(f"{folder}/api.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=folder), name="static")
    return app


def _checked_articles(body: bytes) -> list[dict]:
    """Article objects from a POST body (one object or a list), each valid against the schema."""
    import jsonschema

    from ..schema import validate_article

    try:
        value = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(400, f"body is not JSON ({exc})") from None
    except RecursionError:  # "[[[[…" thousands deep
        raise HTTPException(400, "body is nested too deeply to be an article object") from None
    docs = value if isinstance(value, list) else [value]
    if len(docs) > MAX_POST_ARTICLES:
        raise HTTPException(413, f"more than {MAX_POST_ARTICLES} articles in one request")
    for n, doc in enumerate(docs):
        if not isinstance(doc, dict):
            raise HTTPException(400, f"item {n}: expected an article object")
        try:
            validate_article(doc)
        except jsonschema.ValidationError as exc:
            raise HTTPException(400, f"item {n}: not a valid article object ({exc.message[:200]})") from None
        except RecursionError:
            raise HTTPException(400, f"item {n}: nested too deeply to be an article object") from None
    return docs
