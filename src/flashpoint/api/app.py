"""Build the ASGI app: the ``/v1`` API, ``/metrics``, the API docs and the dashboard."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from flashpoint.api.cache import ResponseCache, ResponseCacheMiddleware
from flashpoint.api.config import ServeConfig
from flashpoint.api.errors import install_error_handlers
from flashpoint.api.metrics import MetricsMiddleware
from flashpoint.api.routers import actors, analysis, articles, clusters, code, events, health
from flashpoint.api.security import BodyLimitMiddleware, SecurityHeadersMiddleware
from flashpoint.store import Store, open_store

__all__ = ["create_app"]

WEB = Path(__file__).resolve().parents[1] / "web"

_DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>flashpoint API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/static/docs-init.js"></script></body></html>
"""


# Requests a worker computes at once (in threads; the rest wait for one).  On two cores more
# threads only share the same interpreter lock, and each holds a database connection: the
# store keeps that many open (a pool smaller than the threads makes PostgreSQL open and close
# connections all the time, see store/database.py).  anyio's default is 40.
REQUEST_THREADS = 16


def _import_aggregates() -> None:
    import networkx  # noqa: F401
    import pandas  # noqa: F401


def create_app(config: ServeConfig | None = None, *, store: Store | None = None) -> FastAPI:
    """The app for ``config`` (the store is opened now, created if missing, and closed at
    shutdown unless it was passed in)."""
    from flashpoint import __version__
    from flashpoint.web import router as dashboard

    config = config or ServeConfig()
    owned = store is None
    # One connection per request thread, one for the change counter's reads and one spare.
    opened = store if store is not None else open_store(config.db, connections=REQUEST_THREADS + 2)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # The aggregates' libraries (pandas, networkx) are imported before the first request
        # rather than by it: an import holds the interpreter lock for half a second, which
        # under load stalls every request the worker has in flight, not just that one.
        await anyio.to_thread.run_sync(_import_aggregates)
        anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        yield
        if owned:
            opened.close()

    app = FastAPI(
        title="flashpoint",
        version=__version__,
        summary="Coded, evidenced political event data over HTTP.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.store = opened
    app.state.response_cache = ResponseCache(config.cache_bytes) if config.cache_bytes else None
    install_error_handlers(app)
    for module in (code, articles, events, clusters, analysis, actors, health):
        app.include_router(module.router, prefix="/v1")
    app.include_router(health.metrics_router)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_DOCS_PAGE)

    try:
        from swagger_ui_bundle import swagger_ui_path

        app.mount("/docs/assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")
    except ImportError:  # the page then says so in place of the UI; /openapi.json still works
        pass
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
    app.include_router(dashboard)

    # Innermost first: the cache answers after the host check and inside the security
    # headers and the metrics, so a cached answer is checked, dressed and counted alike.
    app.add_middleware(ResponseCacheMiddleware, store=opened, cache=app.state.response_cache)
    if config.trusted_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(config.trusted_hosts))
    app.add_middleware(BodyLimitMiddleware, limit=config.max_body)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(MetricsMiddleware)
    return app
