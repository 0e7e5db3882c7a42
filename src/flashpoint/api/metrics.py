"""``/metrics`` in the Prometheus text format: requests, latency, what the store holds.

The metrics live in prometheus_client's default registry, so other parts of flashpoint that
count things (feed watching) add theirs to the same page.  Requests are labelled by route
template (``/v1/events/{event_id}``), never by raw path, so the label set stays small.
"""

from __future__ import annotations

import time
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Gauge, Histogram
from prometheus_client import generate_latest as _generate_latest

from flashpoint.store import Store

__all__ = ["CACHE", "CONTENT_TYPE_LATEST", "MetricsMiddleware", "render_metrics"]


def _get_or_create(kind: Any, name: str, doc: str, **kwargs: Any) -> Any:
    """One collector per name per process, even when several apps are built (tests)."""
    existing = REGISTRY._names_to_collectors.get(name)
    if existing is not None:
        return existing
    return kind(name, doc, **kwargs)


REQUESTS = _get_or_create(
    Counter,
    "flashpoint_http_requests",
    "HTTP requests answered, by method, route and status.",
    labelnames=("method", "route", "status"),
)
LATENCY = _get_or_create(
    Histogram,
    "flashpoint_http_request_duration_seconds",
    "Time to answer an HTTP request (to the last body byte), by method and route.",
    labelnames=("method", "route"),
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
CACHE = _get_or_create(
    Counter,
    "flashpoint_http_cache",
    "GET /v1 answers taken from the response cache (hit) or computed (miss).",
    labelnames=("result",),
)
STORED = _get_or_create(
    Gauge,
    "flashpoint_store_rows",
    "Rows in the event store, by kind (articles: current versions).",
    labelnames=("kind",),
)


def _route_of(scope: dict[str, Any]) -> str:
    """The matched route's template with its router's prefix (FastAPI records the full path
    in ``effective_route_context``; ``route.path`` alone lacks the ``/v1`` prefix)."""
    context = (scope.get("fastapi") or {}).get("effective_route_context")
    path = getattr(context, "path", None) or getattr(scope.get("route"), "path", None)
    return str(path) if path else "unmatched"


class MetricsMiddleware:
    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def observe(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, observe)
        finally:
            route, method = _route_of(scope), scope.get("method", "")
            REQUESTS.labels(method, route, str(status)).inc()
            LATENCY.labels(method, route).observe(time.perf_counter() - started)


def render_metrics(store: Store) -> bytes:
    from flashpoint.store.browse import store_counts

    counts = store_counts(store)
    for kind in ("articles", "events", "mentions", "clusters"):
        STORED.labels(kind).set(getattr(counts, kind))
    return _generate_latest(REGISTRY)
